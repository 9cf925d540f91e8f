package org.beffroi.portal.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DocumentUploads;
import org.beffroi.platform.FileStorage;
import org.beffroi.platform.ImageUploads;
import org.beffroi.platform.InvalidUploadException;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RichText;
import org.beffroi.platform.SignedInUser;
import org.beffroi.platform.StoredFile;
import org.beffroi.platform.Text;
import org.beffroi.portal.Article;
import org.beffroi.portal.Article.Kind;
import org.beffroi.portal.Article.Status;
import org.beffroi.portal.NewsCategory;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.portal.PortalModule.ManageContent;
import org.beffroi.portal.admin.ArticleForm.Publication;
import org.beffroi.portal.internal.ArticleDesk;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.portal.internal.ArticleRepository.ArticleFile;
import org.beffroi.portal.internal.RevisionDiff;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages and news in the back office: list with filters, write, schedule, preview, archive, delete,
 * attach images and PDF documents, and read or restore every revision.
 */
@Controller
@RequestMapping("/admin/{section:actualites|pages}")
@ManageContent
class ArticleAdminController {

    private static final int COVER_SIZE = 1600;
    private static final int INLINE_IMAGE_SIZE = 1200;

    private final ArticleRepository articles;
    private final ArticleDesk desk;
    private final Neighbourhoods neighbourhoods;
    private final ImageUploads images;
    private final DocumentUploads documents;
    private final FileStorage files;
    private final Clock clock;

    ArticleAdminController(ArticleRepository articles, ArticleDesk desk, Neighbourhoods neighbourhoods,
            ImageUploads images, DocumentUploads documents, FileStorage files, Clock clock) {
        this.files = files;
        this.articles = articles;
        this.desk = desk;
        this.neighbourhoods = neighbourhoods;
        this.images = images;
        this.documents = documents;
        this.clock = clock;
    }

    @ModelAttribute
    void common(@PathVariable String section, Model model) {
        Kind kind = Kind.ofSection(section);
        model.addAttribute("kind", kind);
        model.addAttribute("section", section);
        model.addAttribute("publications", Publication.values());
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
    }

    /** The article at this address, read once per request (none on the list and the creation page). */
    @ModelAttribute("article")
    @Nullable Article article(@PathVariable String section, @PathVariable(required = false) Long id) {
        return id == null ? null : articles.find(Kind.ofSection(section), id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(@PathVariable String section, @RequestParam(required = false) Status status,
            @RequestParam(required = false) String q, Model model) {
        model.addAttribute("articles", articles.findForBackOffice(Kind.ofSection(section), status, q));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("now", clock.instant());
        return "portal/admin/articles";
    }

    @GetMapping({"/nouveau", "/{id}"})
    String form(@PathVariable String section, @ModelAttribute(binding = false) @Nullable Article article, Model model) {
        model.addAttribute("form", article == null ? new ArticleForm() : ArticleForm.of(article));
        return page(Kind.ofSection(section), article, model);
    }

    @PostMapping({"/nouveau", "/{id}"})
    String save(@PathVariable String section, @ModelAttribute(binding = false) @Nullable Article existing,
            @Validated @ModelAttribute("form") ArticleForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Kind kind = Kind.ofSection(section);
        form.validate(errors);
        Article article = fromForm(kind, existing, form, errors);
        var attachments = form.getAttachments().stream().distinct().map(files::find).flatMap(Optional::stream).toList();
        if (errors.hasErrors()) {
            return page(kind, existing, model);
        }
        long id = desk.save(article, attachments, authorId(), authorName());
        redirect.addFlashAttribute("saved", existing == null ? "admin.articles.created" : "admin.articles.saved");
        return "redirect:/admin/" + section + "/" + id;
    }

    /** The article as residents will see it, whatever its state. */
    @GetMapping("/{id}/apercu")
    String preview(@ModelAttribute(binding = false) Article article, Model model) {
        model.addAttribute("html", RichText.toHtml(article.body()));
        model.addAttribute("preview", true);
        model.addAttribute("children", List.of());
        model.addAttribute("breadcrumbs", List.of());
        return "portal/article";
    }

    @PostMapping("/{id}/suppression")
    String delete(@PathVariable String section, @ModelAttribute(binding = false) Article article,
            RedirectAttributes redirect) {
        desk.delete(article.id());
        redirect.addFlashAttribute("saved", "admin.articles.deleted");
        return "redirect:/admin/" + section;
    }

    /**
     * An image or a PDF sent from the form ("upload" is its button): checked by its bytes, then the form comes back
     * as typed, not saved, with the Markdown to copy into the body. An existing article keeps the file at once; a
     * new one when it is saved.
     */
    @PostMapping(value = {"/nouveau", "/{id}"}, params = "upload")
    String upload(@PathVariable String section, @ModelAttribute(binding = false) @Nullable Article existing,
            @ModelAttribute("form") ArticleForm form, BindingResult errors, Model model) {
        MultipartFile file = form.getAttachment();
        try {
            String name = file == null ? null : file.getOriginalFilename();
            StoredFile stored = name != null && name.toLowerCase(Locale.ROOT).endsWith(".pdf")
                    ? documents.storePdf(file)
                    : images.storeImage(file, INLINE_IMAGE_SIZE);
            if (existing == null) {
                form.getAttachments().add(stored.id());
            } else {
                desk.attach(existing.id(), stored);
            }
            model.addAttribute("uploaded", new ArticleFile(stored.id(), stored.filename()));
        } catch (InvalidUploadException e) {
            errors.rejectValue("attachment", e.messageKey(), e.arguments(), null);
        }
        return page(Kind.ofSection(section), existing, model);
    }

    @GetMapping("/{id}/revisions")
    String revisions(@ModelAttribute(binding = false) Article article, Model model) {
        model.addAttribute("revisions", articles.findRevisions(article.id()));
        return "portal/admin/revisions";
    }

    /** What a revision changed compared with the one before it. */
    @GetMapping("/{id}/revisions/{number}")
    String revision(@ModelAttribute(binding = false) Article article, @PathVariable int number, Model model) {
        var revision = articles.findRevision(article.id(), number).orElseThrow(NotFoundException::new);
        var previous = articles.findRevision(article.id(), number - 1);
        model.addAttribute("revision", revision);
        model.addAttribute("previous", previous.orElse(null));
        model.addAttribute("diffs", RevisionDiff.fields(previous, revision));
        return "portal/admin/revision";
    }

    @PostMapping("/{id}/revisions/{number}/restauration")
    String restore(@PathVariable String section, @ModelAttribute(binding = false) Article article,
            @PathVariable int number, RedirectAttributes redirect) {
        desk.restore(article.id(), number, authorId(), authorName());
        redirect.addFlashAttribute("saved", "admin.articles.restored");
        return "redirect:/admin/" + section + "/" + article.id();
    }

    /** The form's page, with what an existing article shows besides; pages can be put under another page. */
    private String page(Kind kind, @Nullable Article article, Model model) {
        if (article != null) {
            model.addAttribute("files", articles.findFiles(article.id()));
            model.addAttribute("publicNow", article.isPublicAt(clock.instant()));
        } else {
            // files sent from the form of an article not saved yet
            var form = (ArticleForm) model.getAttribute("form");
            model.addAttribute("files", form.getAttachments().stream().distinct().map(files::find)
                    .flatMap(Optional::stream).map(f -> new ArticleFile(f.id(), f.filename())).toList());
        }
        model.addAttribute("parents", parents(kind, article == null ? null : article.id()));
        return "portal/admin/article";
    }

    /** Pages an article can be put under: not itself, not one of its own sub-pages. */
    private List<Article> parents(Kind kind, Long id) {
        if (kind != Kind.PAGE) {
            return List.of();
        }
        var excluded = id == null ? List.<Long>of() : articles.findPageAndDescendants(id);
        return articles.findForBackOffice(Kind.PAGE, null, null).stream().filter(p -> !excluded.contains(p.id()))
                .toList();
    }

    private Article fromForm(Kind kind, Article existing, ArticleForm form, BindingResult errors) {
        Instant now = clock.instant();
        Status status = Status.DRAFT;
        Instant publishedAt = null;
        switch (form.getPublication() == null ? Publication.DRAFT : form.getPublication()) {
            case DRAFT -> status = Status.DRAFT;
            case NOW -> {
                status = Status.PUBLISHED;
                // an edit of a published article keeps its date; a first publication takes the current time
                publishedAt = existing != null && existing.isPublicAt(now) ? existing.publishedAt() : now;
            }
            case SCHEDULE -> {
                status = Status.SCHEDULED;
                if (form.getPublishAt() == null) {
                    errors.rejectValue("publishAt", "admin.articles.publish-at.required");
                } else {
                    publishedAt = form.getPublishAt().atZone(CommuneTime.ZONE).toInstant();
                    if (!publishedAt.isAfter(now)) {
                        errors.rejectValue("publishAt", "admin.articles.publish-at.past");
                    }
                }
            }
            case ARCHIVE -> {
                status = Status.ARCHIVED;
                publishedAt = existing == null ? null : existing.publishedAt();
            }
        }
        Long parentId = kind == Kind.PAGE ? form.getParentId() : null;
        if (parentId != null && (articles.find(Kind.PAGE, parentId).isEmpty()
                || existing != null && articles.findPageAndDescendants(existing.id()).contains(parentId))) {
            errors.rejectValue("parentId", "admin.articles.parent.invalid");
        }
        if (form.getNeighbourhoodId() != null && neighbourhoods.find(form.getNeighbourhoodId()).isEmpty()) {
            errors.rejectValue("neighbourhoodId", "admin.articles.neighbourhood.invalid");
        }
        UUID cover = existing == null || form.isRemoveCover() ? null : existing.coverFileId();
        if (kind == Kind.NEWS && form.getCover() != null && !form.getCover().isEmpty() && !errors.hasErrors()) {
            try {
                cover = images.storeImage(form.getCover(), COVER_SIZE).id();
            } catch (InvalidUploadException e) {
                errors.rejectValue("cover", e.messageKey(), e.arguments(), null);
            }
        }
        String coverAlt = Text.blankToNull(form.getCoverAlt());
        if (cover != null && coverAlt == null) {
            errors.rejectValue("coverAlt", "admin.articles.cover-alt.required");
        }
        String title = form.getTitle() == null ? "" : form.getTitle().strip();
        String slug = existing != null ? existing.slug() : null;
        return new Article(existing == null ? 0 : existing.id(), kind, title, slug, Text.blankToNull(form.getSummary()),
                form.getBody() == null ? "" : form.getBody().strip(), status, publishedAt,
                kind == Kind.NEWS ? form.getCategory() : null, parentId, form.getPosition(),
                form.getNeighbourhoodId(), cover, cover == null ? null : coverAlt,
                existing == null ? now : existing.createdAt(), now);
    }

    private static Long authorId() {
        return SignedInUser.current().map(SignedInUser::accountId).orElse(null);
    }

    private static String authorName() {
        return SignedInUser.current().map(SignedInUser::displayName).orElse("?");
    }
}
