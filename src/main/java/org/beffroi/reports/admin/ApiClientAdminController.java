package org.beffroi.reports.admin;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.NotFoundException;
import org.beffroi.reports.ReportsModule.ManageCategories;
import org.beffroi.reports.open311.ApiClients;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The clients of the Open311 interface: a key per client, shown once when created, and revoked here. */
@Controller
@RequestMapping(ApiClientAdminController.BASE)
@ManageCategories
@RequiredArgsConstructor
class ApiClientAdminController {

    static final String BASE = "/admin/signalements/api";

    private final ApiClients clients;

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApiClientForm());
        }
        model.addAttribute("clients", clients.all());
        return "reports/admin/api-clients";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ApiClientForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(model);
        }
        var created = clients.create(form.getName());
        redirect.addFlashAttribute("createdKey", created.key());
        redirect.addFlashAttribute("saved", "reports.api.created");
        return "redirect:" + BASE;
    }

    @PostMapping("/{id}/revocation")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        if (clients.all().stream().noneMatch(c -> c.id() == id)) {
            throw new NotFoundException();
        }
        clients.revoke(id);
        redirect.addFlashAttribute("saved", "reports.api.revoked");
        return "redirect:" + BASE;
    }
}
