package org.beffroi.family.admin;

import java.time.Clock;
import java.time.LocalDate;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;

import org.beffroi.family.FamilyModule.FamilyOffice;
import org.beffroi.family.internal.Household;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invoices;
import org.beffroi.family.web.ChildForm;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The households in the back office: the list with its search, a household (adults, children, invoices), a household
 * created for a resident's account, a child added. Creations are recorded in the audit log by the service.
 */
@Controller
@RequestMapping("/admin/familles")
@FamilyOffice
@RequiredArgsConstructor
class HouseholdAdminController {

    private static final int PAGE_SIZE = 50;

    private final Households households;
    private final Invoices invoices;
    private final Accounts accounts;
    private final Clock clock;

    /** A household to create: the address of the resident's account, who becomes its first adult. */
    @Getter
    @Setter
    public static class HouseholdForm {
        private String email;
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        if (!model.containsAttribute("householdForm")) {
            model.addAttribute("householdForm", new HouseholdForm());
        }
        return page(text, page, model);
    }

    private String page(String text, int page, Model model) {
        int safePage = Math.max(0, page);
        var lines = households.search(text, safePage, PAGE_SIZE + 1);
        model.addAttribute("lines", lines.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("hasNext", lines.size() > PAGE_SIZE);
        model.addAttribute("page", safePage);
        model.addAttribute("q", text == null ? "" : text);
        return "family/admin/households";
    }

    @PostMapping
    String create(@ModelAttribute("householdForm") HouseholdForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        String email = form.getEmail() == null ? "" : form.getEmail().strip();
        if (email.isEmpty()) {
            errors.rejectValue("email", "family.office.household.email.missing");
            return page(null, 0, model);
        }
        var account = accounts.findByEmail(email);
        if (account.isEmpty()) {
            errors.rejectValue("email", "family.office.household.email.unknown");
            return page(null, 0, model);
        }
        var created = households.createByAgent(account.get().id(), account.get().email(), account.get().displayName());
        if (created.isEmpty()) {
            errors.rejectValue("email", "family.office.household.email.taken");
            return page(null, 0, model);
        }
        redirect.addFlashAttribute("saved", "family.household.created");
        return "redirect:/admin/familles/" + created.get().id();
    }

    @GetMapping("/{id}")
    String household(@PathVariable long id, Model model) {
        model.addAttribute("form", new ChildForm());
        return detail(household(id), model);
    }

    @PostMapping("/{id}/enfants")
    String addChild(@PathVariable long id, @ModelAttribute("form") ChildForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        var household = household(id);
        var child = form.check(errors, LocalDate.now(clock.withZone(CommuneTime.ZONE)));
        if (errors.hasErrors()) {
            return detail(household, model);
        }
        households.addChildByAgent(household.id(), child);
        redirect.addFlashAttribute("saved", "family.child.added");
        return "redirect:/admin/familles/" + id;
    }

    /** The child leaves the household: deleted, or kept as having left when attendance was recorded. Audited. */
    @PostMapping("/{id}/enfants/{childId}/retrait")
    String removeChild(@PathVariable long id, @PathVariable long childId, RedirectAttributes redirect) {
        var removal = households.removeChildByAgent(household(id).id(), childId,
                LocalDate.now(clock.withZone(CommuneTime.ZONE)));
        if (removal == Households.Removal.NOT_FOUND) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", removal == Households.Removal.DELETED ? "family.child.removed"
                : "family.child.marked-left");
        return "redirect:/admin/familles/" + id;
    }

    private Household household(long id) {
        return households.find(id).orElseThrow(NotFoundException::new);
    }

    private String detail(Household household, Model model) {
        model.addAttribute("household", household);
        model.addAttribute("adults", households.members(household.id()));
        model.addAttribute("children", households.children(household.id()));
        model.addAttribute("invoices", invoices.ofHousehold(household.id()));
        return "family/admin/household";
    }
}
