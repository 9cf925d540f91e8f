package org.beffroi.search.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.search.SearchIndex;
import org.beffroi.search.SearchModule.ManageIndex;
import org.beffroi.search.internal.SearchDesk;
import org.beffroi.search.internal.SearchSynonyms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the index holds, per type of content, rebuilding it from the modules' data, and the synonyms of searches. */
@Controller
@RequestMapping("/admin/recherche")
@ManageIndex
@RequiredArgsConstructor
class SearchAdminController {

    private static final String PAGE = "search/admin/index";

    private final SearchIndex index;
    private final SearchSynonyms synonyms;
    private final SearchDesk desk;

    @GetMapping
    String overview(Model model) {
        model.addAttribute("synonymForm", new SynonymForm());
        return page(model);
    }

    @PostMapping("/reconstruire")
    String rebuild(RedirectAttributes redirect) {
        desk.rebuild();
        redirect.addFlashAttribute("saved", "admin.search.rebuilt");
        return "redirect:/admin/recherche";
    }

    @PostMapping("/synonymes")
    String addSynonyms(@ModelAttribute("synonymForm") SynonymForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        form.validate(errors);
        if (!errors.hasFieldErrors("word") && desk.hasSynonyms(form.getWord())) {
            errors.rejectValue("word", "admin.search.synonyms.word.taken");
        }
        if (errors.hasErrors()) {
            return page(model);
        }
        desk.addSynonyms(form.getWord(), form.synonymList());
        redirect.addFlashAttribute("saved", "admin.search.synonyms.added");
        return "redirect:/admin/recherche";
    }

    @PostMapping("/synonymes/{id}/suppression")
    String removeSynonyms(@PathVariable long id, RedirectAttributes redirect) {
        if (!desk.removeSynonyms(id)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "admin.search.synonyms.removed");
        return "redirect:/admin/recherche";
    }

    private String page(Model model) {
        var counts = index.countByType();
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("synonyms", synonyms.all());
        return PAGE;
    }
}
