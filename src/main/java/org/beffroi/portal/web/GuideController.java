package org.beffroi.portal.web;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.internal.GuideRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The published guides for moments of life and audiences. */
@Controller
@RequiredArgsConstructor
class GuideController {

    private final GuideRepository guides;

    @GetMapping("/guides")
    String list(Model model) {
        model.addAttribute("guides", guides.allPublished());
        return "portal/guides";
    }

    @GetMapping("/guides/{slug}")
    String guide(@PathVariable String slug, Model model) {
        model.addAttribute("guide", guides.findPublished(slug).orElseThrow(NotFoundException::new));
        return "portal/guide";
    }
}
