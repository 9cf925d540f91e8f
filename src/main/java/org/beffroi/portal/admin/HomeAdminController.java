package org.beffroi.portal.admin;

import java.util.Map;

import org.beffroi.portal.PortalModule.ComposeHome;
import org.beffroi.portal.internal.HomeDesk;
import org.beffroi.portal.internal.HomeLayout;
import org.beffroi.portal.internal.HomeLayout.Placement;
import org.beffroi.portal.internal.QuickLinks;
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

/** The administrator composes the home page: blocks shown and their order, and the quick links. */
@Controller
@RequestMapping("/admin/accueil")
@ComposeHome
class HomeAdminController {

    private final HomeLayout layout;
    private final QuickLinks quickLinks;
    private final HomeDesk desk;

    HomeAdminController(HomeLayout layout, QuickLinks quickLinks, HomeDesk desk) {
        this.layout = layout;
        this.quickLinks = quickLinks;
        this.desk = desk;
    }

    @GetMapping
    String show(Model model) {
        return page(new LinkForm(), model);
    }

    /** Each block comes as position.{key} (a number; another answer keeps its place) and, when ticked, visible.{key}. */
    @PostMapping("/blocs")
    String saveBlocks(@RequestParam Map<String, String> values, RedirectAttributes redirect) {
        desk.compose(layout.placementsInOrder().stream().map(current -> new Placement(current.key(),
                position(values.get("position." + current.key()), current.position()),
                values.containsKey("visible." + current.key()))).toList());
        redirect.addFlashAttribute("saved", "admin.home.saved");
        return "redirect:/admin/accueil";
    }

    @PostMapping("/liens")
    String addQuickLink(@Validated @ModelAttribute("link") LinkForm link, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(link, model);
        }
        desk.addQuickLink(link.getLabel().strip(), link.getUrl().strip());
        redirect.addFlashAttribute("saved", "admin.home.link-added");
        return "redirect:/admin/accueil#liens";
    }

    @PostMapping("/liens/{id}/suppression")
    String removeQuickLink(@PathVariable long id, RedirectAttributes redirect) {
        desk.removeQuickLink(id);
        redirect.addFlashAttribute("saved", "admin.home.link-removed");
        return "redirect:/admin/accueil#liens";
    }

    private String page(LinkForm link, Model model) {
        model.addAttribute("link", link);
        model.addAttribute("placements", layout.placementsInOrder());
        model.addAttribute("quickLinks", quickLinks.all());
        return "portal/admin/home";
    }

    private static int position(String typed, int current) {
        try {
            return Math.clamp(Integer.parseInt(typed == null ? "" : typed.strip()), 0, 10_000);
        } catch (NumberFormatException e) {
            return current;
        }
    }
}
