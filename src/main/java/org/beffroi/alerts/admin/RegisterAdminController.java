package org.beffroi.alerts.admin;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.AlertsModule.KeepTheRegister;
import org.beffroi.alerts.internal.RegisterDesk;
import org.beffroi.alerts.internal.VulnerablePeople;
import org.beffroi.alerts.internal.VulnerablePerson;
import org.beffroi.alerts.internal.VulnerablePersonForm;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.Neighbourhoods;
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

/**
 * The register in the back office: the list, one person, registration at the counter or by phone, the yearly
 * review and removal on request. Every read and every change is written to the audit log (by {@link RegisterDesk}).
 */
@Controller
@RequestMapping(RegisterAdminController.PATH)
@KeepTheRegister
@RequiredArgsConstructor
class RegisterAdminController {

    /**
     * The register's pages. A staff member without the permission gets the back office's usual 403 (its
     * {@link KeepTheRegister} check runs before any id is looked up, so the answer says nothing of who is in it).
     */
    static final String PATH = "/admin/registre";

    private final RegisterDesk desk;
    private final VulnerablePeople people;
    private final Neighbourhoods neighbourhoods;

    /** The entry of the request's address, read once; none on the lists and the new entry's form. */
    @ModelAttribute("entry")
    VulnerablePerson entry(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : people.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        return list(model, desk.listPeople(), false);
    }

    @GetMapping("/a-revoir")
    String dueForReview(Model model) {
        return list(model, desk.listDueForReview(), true);
    }

    @GetMapping("/nouveau")
    String createForm(Model model) {
        model.addAttribute("person", new VulnerablePersonForm());
        return form(model);
    }

    @PostMapping("/nouveau")
    String create(@Validated @ModelAttribute("person") VulnerablePersonForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        people.check(form, errors);
        if (errors.hasErrors()) {
            return form(model);
        }
        long id = desk.registerByAgent(form);
        redirect.addFlashAttribute("saved", "register.admin.added");
        return "redirect:" + RegisterAdminController.PATH + "/" + id;
    }

    @GetMapping("/{id}")
    String show(@ModelAttribute(name = "entry", binding = false) VulnerablePerson entry, Model model) {
        desk.getPerson(entry);
        model.addAttribute("neighbourhood", entry.neighbourhoodId() == null ? null
                : neighbourhoods.find(entry.neighbourhoodId()).orElse(null));
        return "alerts/register/admin/person";
    }

    @PostMapping("/{id}/revue")
    String confirmReview(@ModelAttribute(name = "entry", binding = false) VulnerablePerson entry,
            RedirectAttributes redirect) {
        desk.confirmReview(entry);
        redirect.addFlashAttribute("saved", "register.admin.reviewed");
        return "redirect:" + RegisterAdminController.PATH + "/" + entry.id();
    }

    @PostMapping("/{id}/suppression")
    String remove(@ModelAttribute(name = "entry", binding = false) VulnerablePerson entry,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        if (!confirm) {
            redirect.addFlashAttribute("refused", "register.admin.remove.confirm-missing");
            return "redirect:" + RegisterAdminController.PATH + "/" + entry.id();
        }
        desk.removeOnRequest(entry);
        redirect.addFlashAttribute("saved", "register.admin.removed");
        return "redirect:" + RegisterAdminController.PATH;
    }

    private static String list(Model model, Object people, boolean review) {
        model.addAttribute("people", people);
        model.addAttribute("review", review);
        return "alerts/register/admin/list";
    }

    private String form(Model model) {
        model.addAllAttributes(people.formChoices());
        return "alerts/register/admin/new";
    }
}
