package org.beffroi.portal.web;

import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.ServiceModules;
import org.beffroi.portal.internal.HomeLayout;
import org.beffroi.portal.internal.MediaRepository;
import org.beffroi.portal.internal.NeighbourhoodRepository;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The home page, the legal pages, and the neighbourhoods. */
@Controller
class PortalController {

    private final NeighbourhoodRepository neighbourhoods;
    private final ServiceModules modules;
    private final HomeLayout homeLayout;
    private final MediaRepository media;

    PortalController(NeighbourhoodRepository neighbourhoods, ServiceModules modules, HomeLayout homeLayout,
            MediaRepository media) {
        this.media = media;
        this.neighbourhoods = neighbourhoods;
        this.modules = modules;
        this.homeLayout = homeLayout;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("blocks", homeLayout.blocks());
        model.addAttribute("welcome", homeLayout.welcome().orElse(null));
        return "portal/home";
    }

    @GetMapping("/mentions-legales")
    String legalNotice() {
        return "portal/legal-notice";
    }

    @GetMapping("/accessibilite")
    String accessibility() {
        return "portal/accessibility";
    }

    @GetMapping("/donnees-personnelles")
    String privacy() {
        return "portal/privacy";
    }

    @GetMapping("/quartiers")
    String neighbourhoods(Model model) {
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        return "portal/neighbourhoods";
    }

    @GetMapping("/quartiers/{slug}")
    String neighbourhood(@PathVariable String slug, Model model) {
        var neighbourhood = neighbourhoods.findBySlug(slug).orElseThrow(NotFoundException::new);
        model.addAttribute("neighbourhood", neighbourhood);
        model.addAttribute("blocks", modules.neighbourhoodBlocks(neighbourhood.id()));
        model.addAttribute("portraitAlbum", neighbourhoods.findAlbumOf(neighbourhood.id()).flatMap(media::findAlbum)
                .filter(a -> a.published()).orElse(null));
        return "portal/neighbourhood";
    }

    @GetMapping(value = "/quartiers/{slug}/contour.geojson")
    ResponseEntity<String> outline(@PathVariable String slug) {
        var neighbourhood = neighbourhoods.findBySlug(slug).filter(n -> n.outlineGeoJson() != null)
                .orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/geo+json"))
                .body(neighbourhood.outlineGeoJson());
    }
}
