package org.beffroi.portal.admin;

import java.time.Clock;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.beffroi.portal.Guide;
import org.beffroi.portal.PortalModule.ManageContent;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.portal.internal.GuideDesk;
import org.beffroi.portal.internal.GuideRepository;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Life-event and audience guides in the back office: write the guide, then gather its links. */
@Controller
@RequestMapping("/admin/guides")
@ManageContent
@RequiredArgsConstructor
class GuideAdminController {

    private static final String PAGE = "portal/admin/guide";

    private final GuideRepository guides;
    private final GuideDesk desk;
    private final ArticleRepository articles;
    private final Clock clock;

    /** The guide at this address, read once per request (none on the list and the creation page). */
    @ModelAttribute("guide")
    @Nullable Guide guide(@PathVariable(required = false) Long id) {
        return id == null ? null : guides.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("guides", guides.all());
        return "portal/admin/guides";
    }

    @GetMapping({"/nouveau", "/{id}"})
    String form(@ModelAttribute(binding = false) @Nullable Guide guide, Model model) {
        model.addAttribute("form", guide == null ? new GuideForm() : GuideForm.of(guide));
        return page(new LinkForm(), model);
    }

    @PostMapping({"/nouveau", "/{id}"})
    String save(@ModelAttribute(binding = false) @Nullable Guide guide, @Validated @ModelAttribute("form") GuideForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(new LinkForm(), model);
        }
        long id = desk.save(form.toGuide(guide == null ? 0 : guide.id()));
        redirect.addFlashAttribute("saved", guide == null ? "admin.guides.created" : "admin.guides.saved");
        return "redirect:/admin/guides/" + id;
    }

    @PostMapping("/{id}/suppression")
    String delete(@ModelAttribute(binding = false) Guide guide, RedirectAttributes redirect) {
        desk.delete(guide);
        redirect.addFlashAttribute("saved", "admin.guides.deleted");
        return "redirect:/admin/guides";
    }

    @PostMapping("/{id}/liens")
    String addLink(@ModelAttribute(binding = false) Guide guide, @Validated @ModelAttribute("link") LinkForm link,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("form", GuideForm.of(guide));
            return page(link, model);
        }
        desk.addLink(guide.id(), link.getLabel().strip(), link.getUrl().strip(), Text.blankToNull(link.getNote()));
        return linkChanged(guide, "admin.guides.link-added", redirect);
    }

    /** A page or news item of the site, chosen from a list. */
    @PostMapping("/{id}/liens/article")
    String addArticle(@ModelAttribute(binding = false) Guide guide, @RequestParam long articleId,
            RedirectAttributes redirect) {
        desk.addArticle(guide.id(), articleId);
        return linkChanged(guide, "admin.guides.link-added", redirect);
    }

    @PostMapping("/{id}/liens/{linkId}/suppression")
    String removeLink(@ModelAttribute(binding = false) Guide guide, @PathVariable long linkId,
            RedirectAttributes redirect) {
        desk.removeLink(guide.id(), linkId);
        return linkChanged(guide, "admin.guides.link-removed", redirect);
    }

    private static String linkChanged(Guide guide, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", message);
        return "redirect:/admin/guides/" + guide.id() + "#liens";
    }

    private String page(LinkForm link, Model model) {
        model.addAttribute("link", link);
        model.addAttribute("articles", articles.allPublic(clock.instant()));
        return PAGE;
    }
}
