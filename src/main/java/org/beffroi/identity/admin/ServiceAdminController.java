package org.beffroi.identity.admin;

import org.beffroi.identity.AgentService;
import org.beffroi.identity.IdentityModule.ManageServices;
import org.beffroi.identity.internal.AgentServiceRepository;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.Text;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
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

/** The town hall's services (departments) that agents belong to. */
@Controller
@RequestMapping("/admin/services")
@ManageServices
class ServiceAdminController {

    private final AgentServiceRepository services;
    private final AuditLog audit;

    ServiceAdminController(AgentServiceRepository services, AuditLog audit) {
        this.services = services;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("services", services.findAll());
        model.addAttribute("form", new ServiceForm());
        return "identity/admin/services";
    }

    @PostMapping
    @Transactional
    String create(@Validated @ModelAttribute("form") ServiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (!errors.hasFieldErrors("name") && services.findByName(form.getName()).isPresent()) {
            errors.rejectValue("name", "admin.services.duplicate");
        }
        if (errors.hasErrors()) {
            model.addAttribute("services", services.findAll());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/admin/services";
        }
        long id = services.insert(form.getName().strip(), Text.blankToNull(form.getEmail()),
                Text.blankToNull(form.getPhone()));
        audit.record("service.created", "service:" + id, form.getName());
        redirect.addFlashAttribute("saved", "admin.services.created");
        return "redirect:/admin/services";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        AgentService service = services.findById(id).orElseThrow(NotFoundException::new);
        var form = new ServiceForm();
        form.setName(service.name());
        form.setEmail(service.email());
        form.setPhone(service.phone());
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        model.addAttribute("agents", services.countAgents(id));
        return "identity/admin/service";
    }

    @PostMapping("/{id}")
    @Transactional
    String update(@PathVariable long id, @Validated @ModelAttribute("form") ServiceForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        AgentService service = services.findById(id).orElseThrow(NotFoundException::new);
        if (!errors.hasFieldErrors("name")
                && services.findByName(form.getName()).filter(other -> other.id() != id).isPresent()) {
            errors.rejectValue("name", "admin.services.duplicate");
        }
        if (errors.hasErrors()) {
            model.addAttribute("service", service);
            model.addAttribute("agents", services.countAgents(id));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "identity/admin/service";
        }
        services.update(id, form.getName().strip(), Text.blankToNull(form.getEmail()),
                Text.blankToNull(form.getPhone()));
        audit.record("service.changed", "service:" + id, form.getName());
        redirect.addFlashAttribute("saved", "admin.services.saved");
        return "redirect:/admin/services";
    }

    @PostMapping("/{id}/suppression")
    @Transactional
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        var service = services.findById(id).orElseThrow(NotFoundException::new);
        services.delete(id);
        audit.record("service.deleted", "service:" + id, service.name());
        redirect.addFlashAttribute("saved", "admin.services.deleted");
        return "redirect:/admin/services";
    }
}
