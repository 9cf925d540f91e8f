package org.beffroi.reports.admin;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.reports.ReportsModule.ManageCategories;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Category;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A category's services by neighbourhood: in the neighbourhoods listed, its reports go to the service given there
 * instead of the category's own.
 */
@Controller
@RequestMapping("/admin/signalements/categories/{id}/quartiers")
@ManageCategories
@RequiredArgsConstructor
class CategoryAreaAdminController {

    private final Categories categories;
    private final Neighbourhoods neighbourhoods;
    private final Accounts accounts;

    @ModelAttribute("category")
    Category category(@PathVariable("id") String id) {
        return categories.find(NotFoundException.id(id)).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String show(@ModelAttribute(name = "category", binding = false) Category category, Model model) {
        model.addAttribute("areaServiceForm", new AreaServiceForm());
        return page(category, model);
    }

    @PostMapping
    String map(@ModelAttribute(name = "category", binding = false) Category category,
            @Valid @ModelAttribute("areaServiceForm") AreaServiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.getNeighbourhoodId() != null && neighbourhoods.find(form.getNeighbourhoodId()).isEmpty()) {
            errors.rejectValue("neighbourhoodId", "reports.category-area.neighbourhood.unknown");
        }
        if (form.getServiceId() != null && accounts.service(form.getServiceId()).isEmpty()) {
            errors.rejectValue("serviceId", "reports.category.service.unknown");
        }
        if (errors.hasErrors()) {
            return page(category, model);
        }
        try {
            categories.mapArea(category.id(), form.getNeighbourhoodId(), form.getServiceId());
        } catch (DuplicateKeyException e) {
            // the pair was set by someone else meanwhile: this setting replaces it
            categories.mapArea(category.id(), form.getNeighbourhoodId(), form.getServiceId());
        }
        redirect.addFlashAttribute("saved", "reports.category-area.saved");
        return "redirect:/admin/signalements/categories/" + category.id() + "/quartiers";
    }

    @PostMapping("/{neighbourhood}/suppression")
    String unmap(@ModelAttribute(name = "category", binding = false) Category category,
            @PathVariable("neighbourhood") String neighbourhood, RedirectAttributes redirect) {
        if (!categories.unmapArea(category.id(), NotFoundException.id(neighbourhood))) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "reports.category-area.removed");
        return "redirect:/admin/signalements/categories/" + category.id() + "/quartiers";
    }

    /** A neighbourhood and the service the category's reports go to there. */
    record Line(Neighbourhood neighbourhood, String service) {
    }

    private String page(Category category, Model model) {
        var services = accounts.services();
        Map<Long, String> serviceNames = services.stream()
                .collect(Collectors.toMap(AgentService::id, AgentService::name));
        Map<Long, Neighbourhood> byId = neighbourhoods.all().stream()
                .collect(Collectors.toMap(Neighbourhood::id, n -> n));
        model.addAttribute("lines", categories.areaServices(category.id()).stream()
                .filter(a -> byId.containsKey(a.neighbourhoodId()))
                .map(a -> new Line(byId.get(a.neighbourhoodId()), serviceNames.get(a.serviceId()))).toList());
        model.addAttribute("categoryService", category.serviceId() == null ? null : serviceNames.get(category.serviceId()));
        model.addAttribute("services", services);
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        return "reports/admin/category-areas";
    }
}
