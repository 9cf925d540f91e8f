package org.beffroi.reports.admin;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.platform.NotFoundException;
import org.beffroi.reports.ReportsModule.ManageCategories;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Category;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The categories of reports: their name, description, target delay, service, and whether residents may choose them. */
@Controller
@RequestMapping("/admin/signalements/categories")
@ManageCategories
@RequiredArgsConstructor
class CategoryAdminController {

    private static final String BASE = "/admin/signalements/categories";

    private final Categories categories;
    private final Accounts accounts;

    @ModelAttribute("category")
    Category category(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : categories.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        var services = accounts.services();
        model.addAttribute("lines", categories.all().stream().map(c -> new Line(c, services.stream()
                .filter(s -> c.serviceId() != null && s.id() == c.serviceId()).map(AgentService::name).findFirst()
                .orElse(null))).toList());
        return "reports/admin/categories";
    }

    /** A category and the name of its service (null: none). */
    record Line(Category category, String service) {
    }

    @GetMapping("/nouvelle")
    String blank(Model model) {
        model.addAttribute("form", new CategoryForm());
        return form(model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CategoryForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        checkName(form, null, errors);
        if (errors.hasErrors()) {
            return form(model);
        }
        categories.create(form.draft());
        redirect.addFlashAttribute("saved", "reports.category.created");
        return "redirect:" + BASE;
    }

    @GetMapping("/{id}")
    String edit(@ModelAttribute(name = "category", binding = false) Category category, Model model) {
        model.addAttribute("form", CategoryForm.of(category));
        return form(model);
    }

    @PostMapping("/{id}")
    String change(@ModelAttribute(name = "category", binding = false) Category category,
            @Valid @ModelAttribute("form") CategoryForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        checkName(form, category.id(), errors);
        if (errors.hasErrors()) {
            return form(model);
        }
        categories.update(category.id(), form.draft());
        redirect.addFlashAttribute("saved", "reports.category.changed");
        return "redirect:" + BASE;
    }

    private void checkName(CategoryForm form, Long id, BindingResult errors) {
        if (!errors.hasFieldErrors("name") && categories.nameTaken(form.getName(), id)) {
            errors.rejectValue("name", "reports.category.name.taken");
        }
        if (form.getServiceId() != null && accounts.service(form.getServiceId()).isEmpty()) {
            errors.rejectValue("serviceId", "reports.category.service.unknown");
        }
    }

    private String form(Model model) {
        model.addAttribute("services", accounts.services());
        return "reports/admin/category";
    }
}
