package org.beffroi.portal.admin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.beffroi.platform.Text;

import org.beffroi.portal.PortalModule.ComposeHome;
import org.beffroi.portal.internal.HomeDesk;
import org.beffroi.portal.internal.HomeLayout;
import org.beffroi.portal.internal.HomeLayout.Placement;
import org.beffroi.portal.internal.QuickLinks;
import org.beffroi.portal.internal.SitePages;
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

/** The administrator composes the home page: blocks shown and their order, the welcome text, the quick links. */
@Controller
@RequestMapping("/admin/accueil")
@ComposeHome
class HomeAdminController {

    private final HomeLayout layout;
    private final QuickLinks quickLinks;
    private final HomeDesk desk;
    private final SitePages sitePages;

    HomeAdminController(HomeLayout layout, QuickLinks quickLinks, HomeDesk desk, SitePages sitePages) {
        this.sitePages = sitePages;
        this.layout = layout;
        this.quickLinks = quickLinks;
        this.desk = desk;
    }

    @GetMapping
    String show(Model model) {
        return page(new LinkForm(), model);
    }

    /**
     * The blocks shown (each ticked one comes as visible.{key}) and, when one of its buttons was pressed, a block
     * moved one place: up={key} or down={key}. The order is saved as it stands on the screen.
     */
    @PostMapping("/blocs")
    String saveBlocks(@RequestParam Map<String, String> values, RedirectAttributes redirect) {
        List<String> keys = new ArrayList<>(layout.placementsInOrder().stream().map(Placement::key).toList());
        move(keys, values.get("up"), -1);
        move(keys, values.get("down"), 1);
        desk.compose(IntStream.range(0, keys.size()).mapToObj(i -> new Placement(keys.get(i), (i + 1) * 10,
                values.containsKey("visible." + keys.get(i)))).toList());
        redirect.addFlashAttribute("saved", "admin.home.saved");
        return "redirect:/admin/accueil#blocs";
    }

    @PostMapping("/bienvenue")
    String writeWelcome(@Validated @ModelAttribute("welcomeForm") WelcomeForm welcome, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(new LinkForm(), model);
        }
        desk.writeWelcome(Text.blankToNull(welcome.getWelcome() == null ? null : welcome.getWelcome().strip()));
        redirect.addFlashAttribute("saved", "admin.home.welcome-saved");
        return "redirect:/admin/accueil#bienvenue";
    }

    /** A quick link leaves the site only over https, and leads to a page of the site that exists. */
    @PostMapping("/liens")
    String addQuickLink(@Validated @ModelAttribute("link") LinkForm link, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("url")) {
            String url = link.getUrl().strip();
            if (url.startsWith("http://")) {
                errors.rejectValue("url", "admin.home.link.https");
            } else if (url.startsWith("/") && !sitePages.exists(url)) {
                errors.rejectValue("url", "admin.home.link.unknown-page", new Object[] {url}, null);
            }
        }
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
        if (!model.containsAttribute("welcomeForm")) {
            var welcome = new WelcomeForm();
            welcome.setWelcome(layout.welcome().orElse(null));
            model.addAttribute("welcomeForm", welcome);
        }
        model.addAttribute("placements", layout.placementsInOrder());
        model.addAttribute("quickLinks", quickLinks.all());
        return "portal/admin/home";
    }

    /** Moves the block one place (-1 up, 1 down) when it is there and can move; an unknown key moves nothing. */
    private static void move(List<String> keys, String key, int by) {
        int from = key == null ? -1 : keys.indexOf(key);
        if (from >= 0 && from + by >= 0 && from + by < keys.size()) {
            Collections.swap(keys, from, from + by);
        }
    }
}
