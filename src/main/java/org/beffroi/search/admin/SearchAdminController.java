package org.beffroi.search.admin;

import org.beffroi.search.SearchIndex;
import org.beffroi.search.internal.SearchIndexing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the index holds, per type of content, and rebuilding it from the modules' data. */
@Controller
@RequestMapping("/admin/recherche")
@PreAuthorize("hasAuthority('search:index')")
class SearchAdminController {

    private final SearchIndex index;
    private final SearchIndexing indexing;

    SearchAdminController(SearchIndex index, SearchIndexing indexing) {
        this.index = index;
        this.indexing = indexing;
    }

    @GetMapping
    String overview(Model model) {
        var counts = index.countByType();
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        return "search/admin/index";
    }

    @PostMapping("/reconstruire")
    String rebuild(RedirectAttributes redirect) {
        indexing.rebuildOnRequest();
        redirect.addFlashAttribute("saved", "admin.search.rebuilt");
        return "redirect:/admin/recherche";
    }
}
