package org.beffroi.portal.admin;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.PortalModule.ManageNeighbourhoods;
import org.beffroi.portal.internal.GeoJsonOutline;
import org.beffroi.portal.internal.MediaRepository;
import org.beffroi.portal.internal.NeighbourhoodDesk;
import org.beffroi.portal.internal.NeighbourhoodRepository;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Neighbourhoods in the back office, with an optional GeoJSON outline checked on the way in. */
@Controller
@RequestMapping("/admin/quartiers")
@ManageNeighbourhoods
class NeighbourhoodAdminController {

    private final NeighbourhoodRepository neighbourhoods;
    private final NeighbourhoodDesk desk;
    private final MediaRepository media;

    NeighbourhoodAdminController(NeighbourhoodRepository neighbourhoods, NeighbourhoodDesk desk, MediaRepository media) {
        this.neighbourhoods = neighbourhoods;
        this.desk = desk;
        this.media = media;
    }

    @ModelAttribute("albums")
    java.util.List<org.beffroi.portal.Media.Album> albums() {
        return media.albums(false);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        return "portal/admin/neighbourhoods";
    }

    @GetMapping("/nouveau")
    String createForm(Model model) {
        model.addAttribute("form", new NeighbourhoodForm());
        return "portal/admin/neighbourhood";
    }

    @PostMapping("/nouveau")
    String create(@Validated @ModelAttribute("form") NeighbourhoodForm form, BindingResult errors,
            RedirectAttributes redirect, HttpServletResponse response) {
        String outline = outline(form, errors);
        checkUniqueSlug(form, null, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/admin/neighbourhood";
        }
        desk.create(form.getName().strip(), Text.blankToNull(form.getDescription()), outline, album(form));
        redirect.addFlashAttribute("saved", "admin.neighbourhoods.created");
        return "redirect:/admin/quartiers";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Neighbourhood n = neighbourhoods.find(id).orElseThrow(NotFoundException::new);
        var form = new NeighbourhoodForm();
        form.setName(n.name());
        form.setDescription(n.description());
        form.setOutline(n.outlineGeoJson());
        form.setAlbumId(neighbourhoods.albumOf(id).orElse(null));
        model.addAttribute("neighbourhood", n);
        model.addAttribute("form", form);
        return "portal/admin/neighbourhood";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") NeighbourhoodForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Neighbourhood n = neighbourhoods.find(id).orElseThrow(NotFoundException::new);
        String outline = outline(form, errors);
        checkUniqueSlug(form, id, errors);
        if (errors.hasErrors()) {
            model.addAttribute("neighbourhood", n);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "portal/admin/neighbourhood";
        }
        desk.update(id, form.getName().strip(), Text.blankToNull(form.getDescription()), outline, album(form));
        redirect.addFlashAttribute("saved", "admin.neighbourhoods.saved");
        return "redirect:/admin/quartiers";
    }

    @PostMapping("/{id}/suppression")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Neighbourhood n = neighbourhoods.find(id).orElseThrow(NotFoundException::new);
        desk.delete(id, n.name());
        redirect.addFlashAttribute("saved", "admin.neighbourhoods.deleted");
        return "redirect:/admin/quartiers";
    }

    /** An album that no longer exists is simply not linked. */
    private Long album(NeighbourhoodForm form) {
        return form.getAlbumId() == null ? null : media.album(form.getAlbumId()).map(a -> a.id()).orElse(null);
    }

    private static String outline(NeighbourhoodForm form, BindingResult errors) {
        if (form.getOutline() == null || form.getOutline().isBlank()) {
            return null;
        }
        return switch (GeoJsonOutline.parse(form.getOutline().strip())) {
            case GeoJsonOutline.Valid valid -> valid.geometry();
            case GeoJsonOutline.Invalid invalid -> {
                errors.rejectValue("outline", invalid.messageKey());
                yield null;
            }
        };
    }

    private void checkUniqueSlug(NeighbourhoodForm form, Long id, BindingResult errors) {
        if (form.getName() == null || form.getName().isBlank()) {
            return;
        }
        neighbourhoods.findBySlug(NeighbourhoodRepository.slug(form.getName()))
                .filter(other -> id == null || other.id() != id)
                .ifPresent(other -> errors.rejectValue("name", "admin.neighbourhoods.duplicate"));
    }

}
