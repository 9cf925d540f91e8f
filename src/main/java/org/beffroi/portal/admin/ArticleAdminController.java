package org.beffroi.portal.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DocumentUploads;
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
import org.beffroi.portal.admin.ArticleForm.Publication;
import org.beffroi.portal.internal.ArticleDesk;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.portal.internal.RevisionDiff;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages and news in the back office: list with filters, write, schedule, preview, archive, delete,
 * attach images and PDF documents, and read or restore every revision.
 */
@Controller
@RequestMapping("/admin/{section:actualites|pages}")
@PreAuthorize("hasAuthority('portal:content')")
class ArticleAdminController {

    private static final int COVER_SIZE = 1600;
    private static final int INLINE_IMAGE_SIZE = 1200;

    private final ArticleRepository articles;
    private final ArticleDesk desk;
    private final Neighbourhoods neighbourhoods;
    private final ImageUploads images;
    private final DocumentUploads documents;
    private final Clock clock;

    ArticleAdminController(ArticleRepository articles, ArticleDesk desk, Neighbourhoods neighbourhoods,
            ImageUploads images, DocumentUploads documents, Clock clock) {
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

    @GetMapping
    String list(@PathVariable String section, @RequestParam(required = false) Status status,
            @RequestParam(required = false) String q, Model model) {
        Kind kind = Kind.ofSection(section);
        model.addAttribute("articles", articles.forBackOffice(kind, status, q));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("now", clock.instant());
        return "portal/admin/articles";
    }

    @GetMapping("/nouveau")
    String createForm(@PathVariable String section, Model model) {
        model.addAttribute("form", new ArticleForm());
        addParents(Kind.ofSection(section), null, model);
        return "portal/admin/article";
    }

    @PostMapping("/nouveau")
    String create(@PathVariable String section, @Validated @ModelAttribute("form") ArticleForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Kind kind = Kind.ofSection(section);
        Article article = fromForm(kind, null, form, errors);
        if (errors.hasErrors()) {
            addParents(kind, null, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/admin/article";
        }
        long id = desk.save(article, authorId(), authorName());
        redirect.addFlashAttribute("saved", "admin.articles.created");
        return "redirect:/admin/" + section + "/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String section, @PathVariable long id, Model model) {
        Article article = find(section, id);
        model.addAttribute("form", ArticleForm.of(article));
        prepareEdit(article, model);
        return "portal/admin/article";
    }

    @PostMapping("/{id}")
    String update(@PathVariable String section, @PathVariable long id,
            @Validated @ModelAttribute("form") ArticleForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Article existing = find(section, id);
        Article article = fromForm(existing.kind(), existing, form, errors);
        if (errors.hasErrors()) {
            prepareEdit(existing, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/admin/article";
        }
        desk.save(article, authorId(), authorName());
        redirect.addFlashAttribute("saved", "admin.articles.saved");
        return "redirect:/admin/" + section + "/" + id;
    }

    /** The article as residents will see it, whatever its state. */
    @GetMapping("/{id}/apercu")
    String preview(@PathVariable String section, @PathVariable long id, Model model) {
        Article article = find(section, id);
        model.addAttribute("article", article);
        model.addAttribute("html", RichText.toHtml(article.body()));
        model.addAttribute("preview", true);
        model.addAttribute("children", List.of());
        model.addAttribute("breadcrumbs", List.of());
        return "portal/article";
    }

    @PostMapping("/{id}/suppression")
    String delete(@PathVariable String section, @PathVariable long id, RedirectAttributes redirect) {
        find(section, id);
        desk.delete(id);
        redirect.addFlashAttribute("saved", "admin.articles.deleted");
        return "redirect:/admin/" + section;
    }

    /** An image or a PDF the article links to; the page then shows the Markdown to paste. */
    @PostMapping("/{id}/fichiers")
    String attach(@PathVariable String section, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        find(section, id);
        try {
            String name = file == null ? null : file.getOriginalFilename();
            StoredFile stored = name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                    ? documents.storePdf(file)
                    : images.storeImage(file, INLINE_IMAGE_SIZE);
            articles.addFile(id, stored.id(), stored.filename());
            redirect.addFlashAttribute("saved", "admin.articles.file-added");
        } catch (InvalidUploadException e) {
            redirect.addFlashAttribute("fileError", e.messageKey());
            redirect.addFlashAttribute("fileErrorArguments", e.arguments());
        }
        return "redirect:/admin/" + section + "/" + id + "#fichiers";
    }

    @GetMapping("/{id}/revisions")
    String revisions(@PathVariable String section, @PathVariable long id, Model model) {
        model.addAttribute("article", find(section, id));
        model.addAttribute("revisions", articles.revisions(id));
        return "portal/admin/revisions";
    }

    /** What a revision changed compared with the one before it. */
    @GetMapping("/{id}/revisions/{number}")
    String revision(@PathVariable String section, @PathVariable long id, @PathVariable int number, Model model) {
        Article article = find(section, id);
        var revision = articles.revision(id, number).orElseThrow(NotFoundException::new);
        var previous = articles.revision(id, number - 1);
        model.addAttribute("article", article);
        model.addAttribute("revision", revision);
        model.addAttribute("previous", previous.orElse(null));
        var diffs = new java.util.LinkedHashMap<String, List<RevisionDiff.Row>>();
        diffs.put("admin.articles.field.title", RevisionDiff.lines(previous.map(r -> r.title()).orElse(""),
                revision.title()));
        diffs.put("admin.articles.field.summary", RevisionDiff.lines(previous.map(r -> r.summary()).orElse(""),
                revision.summary()));
        diffs.put("admin.articles.field.body", RevisionDiff.lines(previous.map(r -> r.body()).orElse(""),
                revision.body()));
        model.addAttribute("diffs", diffs);
        return "portal/admin/revision";
    }

    @PostMapping("/{id}/revisions/{number}/restauration")
    String restore(@PathVariable String section, @PathVariable long id, @PathVariable int number,
            RedirectAttributes redirect) {
        find(section, id);
        desk.restore(id, number, authorId(), authorName());
        redirect.addFlashAttribute("saved", "admin.articles.restored");
        return "redirect:/admin/" + section + "/" + id;
    }

    private Article find(String section, long id) {
        return articles.find(Kind.ofSection(section), id).orElseThrow(NotFoundException::new);
    }

    private void prepareEdit(Article article, Model model) {
        model.addAttribute("article", article);
        model.addAttribute("files", articles.files(article.id()));
        model.addAttribute("publicNow", article.isPublicAt(clock.instant()));
        addParents(article.kind(), article.id(), model);
    }

    /** Pages an article can be put under: not itself, not one of its own sub-pages. */
    private void addParents(Kind kind, Long id, Model model) {
        if (kind != Kind.PAGE) {
            model.addAttribute("parents", List.of());
            return;
        }
        var excluded = id == null ? List.<Long>of() : articles.pageAndDescendants(id);
        model.addAttribute("parents", articles.forBackOffice(Kind.PAGE, null, null).stream()
                .filter(p -> !excluded.contains(p.id())).toList());
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
                || existing != null && articles.pageAndDescendants(existing.id()).contains(parentId))) {
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
        String slug = existing != null ? existing.slug() : freeSlug(kind, title);
        return new Article(existing == null ? 0 : existing.id(), kind, title, slug, Text.blankToNull(form.getSummary()),
                form.getBody() == null ? "" : form.getBody().strip(), status, publishedAt,
                kind == Kind.NEWS ? form.getCategory() : null, parentId, form.getPosition(),
                form.getNeighbourhoodId(), cover, cover == null ? null : coverAlt,
                existing == null ? now : existing.createdAt(), now);
    }

    /** The address is made once from the title and never changes, so links to it keep working. */
    private String freeSlug(Kind kind, String title) {
        return Text.freeSlug(title, kind == Kind.NEWS ? "actualite" : "page",
                slug -> articles.slugTaken(kind, slug, null));
    }

    private static Long authorId() {
        return SignedInUser.current().map(SignedInUser::accountId).orElse(null);
    }

    private static String authorName() {
        return SignedInUser.current().map(SignedInUser::displayName).orElse("?");
    }
}
