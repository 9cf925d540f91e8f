package org.beffroi.portal.admin;

import java.time.Clock;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.beffroi.portal.Article;
import org.beffroi.portal.Guide;
import org.beffroi.portal.PortalModule.ManageContent;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.portal.internal.GuideDesk;
import org.beffroi.portal.internal.GuideRepository;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Life-event and audience guides in the back office: write the guide, then gather its links. */
@Controller
@RequestMapping("/admin/guides")
@ManageContent
class GuideAdminController {

    private final GuideRepository guides;
    private final GuideDesk desk;
    private final ArticleRepository articles;
    private final Clock clock;

    GuideAdminController(GuideRepository guides, GuideDesk desk, ArticleRepository articles, Clock clock) {
        this.guides = guides;
        this.desk = desk;
        this.articles = articles;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("guides", guides.all());
        return "portal/admin/guides";
    }

    @GetMapping("/nouveau")
    String createForm(Model model) {
        model.addAttribute("form", new GuideForm());
        return "portal/admin/guide";
    }

    @PostMapping("/nouveau")
    String create(@Validated @ModelAttribute("form") GuideForm form, BindingResult errors, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/admin/guide";
        }
        String slug = Text.freeSlug(form.getTitle(), "guide", guides::slugTaken);
        long id = desk.create(form.getTitle().strip(), slug, Text.blankToNull(form.getIntro()), form.getPosition(),
                form.isPublished());
        redirect.addFlashAttribute("saved", "admin.guides.created");
        return "redirect:/admin/guides/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Guide guide = guides.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", GuideForm.of(guide));
        return prepareEdit(guide, new LinkForm(), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") GuideForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Guide guide = guides.find(id).orElseThrow(NotFoundException::new);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return prepareEdit(guide, new LinkForm(), model);
        }
        desk.update(id, form.getTitle().strip(), Text.blankToNull(form.getIntro()), form.getPosition(),
                form.isPublished());
        redirect.addFlashAttribute("saved", "admin.guides.saved");
        return "redirect:/admin/guides/" + id;
    }

    @PostMapping("/{id}/suppression")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Guide guide = guides.find(id).orElseThrow(NotFoundException::new);
        desk.delete(id, guide.title());
        redirect.addFlashAttribute("saved", "admin.guides.deleted");
        return "redirect:/admin/guides";
    }

    @PostMapping("/{id}/liens")
    String addLink(@PathVariable long id, @Validated @ModelAttribute("link") LinkForm link, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Guide guide = guides.find(id).orElseThrow(NotFoundException::new);
        if (errors.hasErrors()) {
            model.addAttribute("form", GuideForm.of(guide));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return prepareEdit(guide, link, model);
        }
        desk.addLink(id, link.getLabel().strip(), link.getUrl().strip(), Text.blankToNull(link.getNote()));
        redirect.addFlashAttribute("saved", "admin.guides.link-added");
        return "redirect:/admin/guides/" + id + "#liens";
    }

    /** A page or news item of the site, chosen from a list: its title and address are taken as they are. */
    @PostMapping("/{id}/liens/article")
    String addArticle(@PathVariable long id, @RequestParam long articleId, RedirectAttributes redirect) {
        guides.find(id).orElseThrow(NotFoundException::new);
        Article article = articles.find(articleId).filter(a -> a.isPublicAt(clock.instant()))
                .orElseThrow(NotFoundException::new);
        desk.addLink(id, article.title(), article.url(), article.summary());
        redirect.addFlashAttribute("saved", "admin.guides.link-added");
        return "redirect:/admin/guides/" + id + "#liens";
    }

    @PostMapping("/{id}/liens/{linkId}/suppression")
    String removeLink(@PathVariable long id, @PathVariable long linkId, RedirectAttributes redirect) {
        if (!desk.removeLink(id, linkId)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "admin.guides.link-removed");
        return "redirect:/admin/guides/" + id + "#liens";
    }

    private String prepareEdit(Guide guide, LinkForm link, Model model) {
        model.addAttribute("guide", guide);
        model.addAttribute("link", link);
        model.addAttribute("articles", articles.allPublic(clock.instant()));
        return "portal/admin/guide";
    }
}
