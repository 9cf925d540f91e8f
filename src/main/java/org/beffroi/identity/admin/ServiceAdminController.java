package org.beffroi.identity.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.AgentService;
import org.beffroi.identity.IdentityModule.ManageServices;
import org.beffroi.identity.internal.AgentServiceDesk;
import org.beffroi.identity.internal.AgentServiceRepository;
import org.beffroi.platform.NotFoundException;
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

/** The town hall's services (departments) that agents belong to. */
@Controller
@RequestMapping("/admin/services")
@ManageServices
@RequiredArgsConstructor
class ServiceAdminController {

    private final AgentServiceRepository services;
    private final AgentServiceDesk desk;

    /** The service of the address, loaded once per request; none on the list's addresses. */
    @ModelAttribute("service")
    AgentService service(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : services.findById(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", new ServiceForm());
        return listPage(model);
    }

    @PostMapping
    String create(@Validated @ModelAttribute("form") ServiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        rejectTakenName(form, null, errors);
        if (errors.hasErrors()) {
            return listPage(model);
        }
        desk.create(form.getName(), form.getEmail(), form.getPhone());
        redirect.addFlashAttribute("saved", "admin.services.created");
        return "redirect:/admin/services";
    }

    @GetMapping("/{id}")
    String edit(@ModelAttribute(name = "service", binding = false) AgentService service, Model model) {
        model.addAttribute("form", ServiceForm.of(service));
        return editPage(service, model);
    }

    @PostMapping("/{id}")
    String update(@ModelAttribute(name = "service", binding = false) AgentService service,
            @Validated @ModelAttribute("form") ServiceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        rejectTakenName(form, service, errors);
        if (errors.hasErrors()) {
            return editPage(service, model);
        }
        desk.change(service, form.getName(), form.getEmail(), form.getPhone());
        redirect.addFlashAttribute("saved", "admin.services.saved");
        return "redirect:/admin/services";
    }

    @PostMapping("/{id}/suppression")
    String delete(@ModelAttribute(name = "service", binding = false) AgentService service, RedirectAttributes redirect) {
        desk.delete(service);
        redirect.addFlashAttribute("saved", "admin.services.deleted");
        return "redirect:/admin/services";
    }

    private String listPage(Model model) {
        model.addAttribute("services", services.findAll());
        return "identity/admin/services";
    }

    private String editPage(AgentService service, Model model) {
        model.addAttribute("agents", services.countAgents(service.id()));
        return "identity/admin/service";
    }

    /** Two services of one name could not be told apart in an agent's list. */
    private void rejectTakenName(ServiceForm form, AgentService self, BindingResult errors) {
        if (!errors.hasFieldErrors("name") && services.findByName(form.getName())
                .filter(other -> self == null || other.id() != self.id()).isPresent()) {
            errors.rejectValue("name", "admin.services.duplicate");
        }
    }
}
