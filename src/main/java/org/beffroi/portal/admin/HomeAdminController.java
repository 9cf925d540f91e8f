package org.beffroi.portal.admin;

import java.util.ArrayList;
import java.util.Map;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.PortalModule.ComposeHome;
import org.beffroi.portal.internal.HomeLayout;
import org.beffroi.portal.internal.HomeLayout.Placement;
import org.beffroi.portal.internal.QuickLinks;
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

/** The administrator composes the home page: blocks shown and their order, and the quick links. */
@Controller
@RequestMapping("/admin/accueil")
@ComposeHome
class HomeAdminController {

    private final HomeLayout layout;
    private final QuickLinks quickLinks;
    private final AuditLog audit;

    HomeAdminController(HomeLayout layout, QuickLinks quickLinks, AuditLog audit) {
        this.layout = layout;
        this.quickLinks = quickLinks;
        this.audit = audit;
    }

    @GetMapping
    String show(Model model) {
        if (!model.containsAttribute("link")) {
            model.addAttribute("link", new LinkForm());
        }
        model.addAttribute("placements", layout.placementsInOrder());
        model.addAttribute("quickLinks", quickLinks.all());
        return "portal/admin/home";
    }

    /** Each block comes as position.{key} (a number) and, when ticked, visible.{key}. */
    @PostMapping("/blocs")
    String saveBlocks(@RequestParam Map<String, String> values, RedirectAttributes redirect) {
        var placements = new ArrayList<Placement>();
        for (var current : layout.placementsInOrder()) {
            int position;
            try {
                position = Integer.parseInt(values.getOrDefault("position." + current.key(), "").strip());
            } catch (NumberFormatException e) {
                position = current.position();
            }
            placements.add(new Placement(current.key(), Math.max(0, Math.min(position, 10_000)),
                    values.containsKey("visible." + current.key())));
        }
        layout.save(placements);
        audit.record("home.composed", "home", null);
        redirect.addFlashAttribute("saved", "admin.home.saved");
        return "redirect:/admin/accueil";
    }

    @PostMapping("/liens")
    String addQuickLink(@Validated @ModelAttribute("link") LinkForm link, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("placements", layout.placementsInOrder());
            model.addAttribute("quickLinks", quickLinks.all());
            return "portal/admin/home";
        }
        quickLinks.add(link.getLabel().strip(), link.getUrl().strip());
        audit.record("home.quick-link-added", "home", link.getUrl());
        redirect.addFlashAttribute("saved", "admin.home.link-added");
        return "redirect:/admin/accueil#liens";
    }

    @PostMapping("/liens/{id}/suppression")
    String removeQuickLink(@PathVariable long id, RedirectAttributes redirect) {
        if (!quickLinks.remove(id)) {
            throw new NotFoundException();
        }
        audit.record("home.quick-link-removed", "home", Long.toString(id));
        redirect.addFlashAttribute("saved", "admin.home.link-removed");
        return "redirect:/admin/accueil#liens";
    }
}
