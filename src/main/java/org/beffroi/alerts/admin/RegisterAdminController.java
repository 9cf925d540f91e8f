package org.beffroi.alerts.admin;

import org.beffroi.alerts.AlertsModule.KeepTheRegister;
import org.beffroi.alerts.internal.VulnerablePeople;
import org.beffroi.alerts.internal.VulnerablePerson;
import org.beffroi.alerts.internal.VulnerablePersonForm;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The register in the back office: the list, one person, registration at the counter or by phone, the yearly
 * review and removal on request. Every read and every change is written to the audit log.
 */
@Controller
@RequestMapping(RegisterAccess.PATH)
@KeepTheRegister
class RegisterAdminController {

    private final VulnerablePeople people;
    private final Neighbourhoods neighbourhoods;
    private final AuditLog audit;

    RegisterAdminController(VulnerablePeople people, Neighbourhoods neighbourhoods, AuditLog audit) {
        this.people = people;
        this.neighbourhoods = neighbourhoods;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        audit.record("register.list-viewed", "register", null);
        model.addAttribute("people", people.all());
        model.addAttribute("review", false);
        return "alerts/register/admin/list";
    }

    @GetMapping("/a-revoir")
    String dueForReview(Model model) {
        audit.record("register.list-viewed", "register", "review");
        model.addAttribute("people", people.dueForReview());
        model.addAttribute("review", true);
        return "alerts/register/admin/list";
    }

    @GetMapping("/nouveau")
    String createForm(Model model) {
        model.addAttribute("person", new VulnerablePersonForm());
        return form(model);
    }

    @PostMapping("/nouveau")
    String create(@Validated @ModelAttribute("person") VulnerablePersonForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        people.check(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model);
        }
        var agent = SignedInUser.current().orElseThrow();
        long id = people.register(form, null,
                new VulnerablePeople.Registrar(agent.accountId(), agent.displayName(), true));
        audit.record("register.person-added", "register-person:" + id, null);
        redirect.addFlashAttribute("saved", "register.admin.added");
        return "redirect:" + RegisterAccess.PATH + "/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        VulnerablePerson person = people.find(id).orElseThrow(NotFoundException::new);
        audit.record("register.person-viewed", "register-person:" + id, null);
        model.addAttribute("entry", person);
        model.addAttribute("neighbourhood", person.neighbourhoodId() == null ? null
                : neighbourhoods.find(person.neighbourhoodId()).orElse(null));
        return "alerts/register/admin/person";
    }

    @PostMapping("/{id}/revue")
    String confirmReview(@PathVariable long id, RedirectAttributes redirect) {
        if (!people.confirmReview(id)) {
            throw new NotFoundException();
        }
        audit.record("register.person-reviewed", "register-person:" + id, null);
        redirect.addFlashAttribute("saved", "register.admin.reviewed");
        return "redirect:" + RegisterAccess.PATH + "/" + id;
    }

    @PostMapping("/{id}/suppression")
    String remove(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        people.find(id).orElseThrow(NotFoundException::new);
        if (!confirm) {
            redirect.addFlashAttribute("refused", "register.admin.remove.confirm-missing");
            return "redirect:" + RegisterAccess.PATH + "/" + id;
        }
        people.remove(id);
        audit.record("register.person-removed", "register-person:" + id, "on request");
        redirect.addFlashAttribute("saved", "register.admin.removed");
        return "redirect:" + RegisterAccess.PATH;
    }

    private String form(Model model) {
        model.addAllAttributes(people.formChoices());
        return "alerts/register/admin/new";
    }
}
