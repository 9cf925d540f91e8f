package org.beffroi.portal.admin;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.Media.Album;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.PortalModule.ManageNeighbourhoods;
import org.beffroi.portal.internal.MediaRepository;
import org.beffroi.portal.internal.NeighbourhoodDesk;
import org.beffroi.portal.internal.NeighbourhoodRepository;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Neighbourhoods in the back office, with an optional GeoJSON outline checked on the way in. */
@Controller
@RequestMapping("/admin/quartiers")
@ManageNeighbourhoods
@RequiredArgsConstructor
class NeighbourhoodAdminController {

    private static final String PAGE = "portal/admin/neighbourhood";

    private final NeighbourhoodRepository neighbourhoods;
    private final NeighbourhoodDesk desk;
    private final MediaRepository media;

    /** The neighbourhood at this address, read once per request (none on the list and the creation page). */
    @ModelAttribute("neighbourhood")
    @Nullable Neighbourhood neighbourhood(@PathVariable(required = false) Long id) {
        return id == null ? null : neighbourhoods.find(id).orElseThrow(NotFoundException::new);
    }

    @ModelAttribute("albums")
    List<Album> albums() {
        return media.findAlbums(false);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        return "portal/admin/neighbourhoods";
    }

    @GetMapping({"/nouveau", "/{id}"})
    String form(@ModelAttribute(binding = false) @Nullable Neighbourhood neighbourhood, Model model) {
        model.addAttribute("form", neighbourhood == null ? new NeighbourhoodForm()
                : NeighbourhoodForm.of(neighbourhood, neighbourhoods.findAlbumOf(neighbourhood.id()).orElse(null)));
        return PAGE;
    }

    @PostMapping({"/nouveau", "/{id}"})
    String save(@ModelAttribute(binding = false) @Nullable Neighbourhood neighbourhood,
            @Validated @ModelAttribute("form") NeighbourhoodForm form, BindingResult errors,
            RedirectAttributes redirect) {
        long id = neighbourhood == null ? 0 : neighbourhood.id();
        if (neighbourhoods.existsNamed(form.getName(), id)) {
            errors.rejectValue("name", "admin.neighbourhoods.duplicate");
        }
        if (errors.hasErrors()) {
            return PAGE;
        }
        desk.save(form.toNeighbourhood(id), form.getAlbumId());
        redirect.addFlashAttribute("saved", id == 0 ? "admin.neighbourhoods.created" : "admin.neighbourhoods.saved");
        return "redirect:/admin/quartiers";
    }

    @PostMapping("/{id}/suppression")
    String delete(@ModelAttribute(binding = false) Neighbourhood neighbourhood, RedirectAttributes redirect) {
        desk.delete(neighbourhood);
        redirect.addFlashAttribute("saved", "admin.neighbourhoods.deleted");
        return "redirect:/admin/quartiers";
    }
}
