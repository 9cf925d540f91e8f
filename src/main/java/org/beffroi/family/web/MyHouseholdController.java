package org.beffroi.family.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;

import org.beffroi.family.internal.Household;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invitations;
import org.beffroi.family.internal.InvoicePayments;
import org.beffroi.family.internal.Invoices;
import org.beffroi.identity.Accounts;
import org.beffroi.payments.AmountRefusedException;
import org.beffroi.payments.ProviderUnavailableException;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * « Mon foyer »: the signed-in person's household (created at their request, with them as its first adult), its
 * children (added and changed by its adults), its invoices and paying them. Another household's child or invoice
 * answers 404, as one that does not exist.
 */
@Controller
@RequiredArgsConstructor
@PreAuthorize("isAuthenticated()")
class MyHouseholdController {

    /** Children added or changed per account and hour: more is no family's need. */
    private static final int CHANGES_PER_HOUR = 30;
    /** Invitations sent per account and hour. */
    private static final int INVITATIONS_PER_HOUR = 10;

    private final Households households;
    private final Invoices invoices;
    private final InvoicePayments payments;
    private final Invitations invitations;
    private final Accounts accounts;
    private final RateLimits limits;
    private final Clock clock;

    @GetMapping("/mon-foyer")
    String household(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("invitationForm", new InvitationForm());
        return householdPage(user, model);
    }

    private String householdPage(SignedInUser user, Model model) {
        var household = households.ofAccount(user.accountId());
        model.addAttribute("household", household.orElse(null));
        household.ifPresent(h -> {
            model.addAttribute("adults", households.members(h.id()));
            model.addAttribute("children", households.children(h.id()));
            model.addAttribute("unpaid", invoices.ofHousehold(h.id()).stream().filter(i -> i.payable()).count());
            model.addAttribute("invitations", invitations.pending(h));
        });
        return "family/household";
    }

    /** An adult of the household invites another by e-mail: the mailed link lets them join, once, for a week. */
    @PostMapping("/mon-foyer/invitations")
    String invite(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("invitationForm") InvitationForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var household = mine(user);
        String email = form.check(errors);
        if (email != null && households.members(household.id()).stream().anyMatch(m -> m.email().equals(email))) {
            errors.rejectValue("email", "family.invitation.email.member");
        }
        if (!errors.hasErrors() && !limits.tryConsume("family-invitations:" + user.accountId(), INVITATIONS_PER_HOUR,
                Duration.ofHours(1))) {
            errors.rejectValue("email", "rate.limited");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return householdPage(user, model);
        }
        var account = accounts.find(user.accountId()).orElseThrow(NotFoundException::new);
        invitations.invite(household, user.accountId(), account.displayName(), email);
        redirect.addFlashAttribute("saved", "family.invitation.sent");
        return "redirect:/mon-foyer";
    }

    /** The mailed link: the household it invites to join, and the button to join it (signed in). */
    @GetMapping("/mon-foyer/invitation")
    String invitation(@AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "jeton", required = false) String token, Model model, HttpServletResponse response) {
        var invitation = invitations.find(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("invitation", invitation.orElse(null));
        model.addAttribute("token", token);
        model.addAttribute("inAHousehold", households.ofAccount(user.accountId()).isPresent());
        return "family/invitation";
    }

    @PostMapping("/mon-foyer/invitation")
    String join(@AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "jeton", required = false) String token, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var account = accounts.find(user.accountId()).orElseThrow(NotFoundException::new);
        var joined = invitations.join(token, account.id(), account.email(), account.displayName());
        if (joined == Invitations.Joined.JOINED) {
            redirect.addFlashAttribute("saved", "family.invitation.joined");
            return "redirect:/mon-foyer";
        }
        // the page says why: the link no longer works, or the account is in a household already
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return invitation(user, token, model, response);
    }

    /** An adult leaves the household; its last adult cannot (the children and invoices would be nobody's). */
    @PostMapping("/mon-foyer/depart")
    String leave(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        mine(user);
        var leaving = households.leave(user.accountId());
        if (leaving == Households.Leaving.LAST_ADULT) {
            redirect.addFlashAttribute("refused", "family.household.leave.last-adult");
        } else {
            redirect.addFlashAttribute("saved", "family.household.left");
        }
        return "redirect:/mon-foyer";
    }

    @PostMapping("/mon-foyer")
    String create(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        var account = accounts.find(user.accountId()).orElseThrow(NotFoundException::new);
        households.createFor(account.id(), account.email(), account.displayName());
        redirect.addFlashAttribute("saved", "family.household.created");
        return "redirect:/mon-foyer";
    }

    @GetMapping("/mon-foyer/enfants/nouveau")
    String newChild(@AuthenticationPrincipal SignedInUser user, Model model) {
        mine(user);
        model.addAttribute("form", new ChildForm());
        model.addAttribute("childId", null);
        return "family/child";
    }

    @PostMapping("/mon-foyer/enfants")
    String addChild(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ChildForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var household = mine(user);
        var child = form.check(errors, today());
        if (child != null && !limits.tryConsume("family-children:" + user.accountId(), CHANGES_PER_HOUR,
                Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        if (errors.hasErrors()) {
            model.addAttribute("childId", null);
            return "family/child";
        }
        households.addChild(household.id(), child);
        redirect.addFlashAttribute("saved", "family.child.added");
        return "redirect:/mon-foyer";
    }

    @GetMapping("/mon-foyer/enfants/{id}")
    String editChild(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        var child = households.child(mine(user).id(), id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", ChildForm.of(child));
        model.addAttribute("childId", id);
        return "family/child";
    }

    @PostMapping("/mon-foyer/enfants/{id}")
    String updateChild(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
            @ModelAttribute("form") ChildForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        var household = mine(user);
        households.child(household.id(), id).orElseThrow(NotFoundException::new);
        var child = form.check(errors, today());
        if (child != null && !limits.tryConsume("family-children:" + user.accountId(), CHANGES_PER_HOUR,
                Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        if (errors.hasErrors()) {
            model.addAttribute("childId", id);
            return "family/child";
        }
        if (!households.updateChild(household.id(), id, child)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "family.child.saved");
        return "redirect:/mon-foyer";
    }

    /** The child leaves the household: deleted, or kept as having left when their attendance was recorded. */
    @PostMapping("/mon-foyer/enfants/{id}/retrait")
    String removeChild(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        var removal = households.removeChild(mine(user).id(), id, today());
        if (removal == Households.Removal.NOT_FOUND) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", removal == Households.Removal.DELETED ? "family.child.removed"
                : "family.child.marked-left");
        return "redirect:/mon-foyer";
    }

    @GetMapping("/mon-foyer/factures")
    String invoices(@AuthenticationPrincipal SignedInUser user, Model model) {
        var household = mine(user);
        model.addAttribute("household", household);
        model.addAttribute("invoices", invoices.ofHousehold(household.id()));
        model.addAttribute("today", today());
        return "family/invoices";
    }

    /** To the invoice's one payment (created at the first click): 303 to its page; a paid invoice is said so. */
    @PostMapping("/mon-foyer/factures/{id}/payer")
    String pay(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        var invoice = invoices.ofHousehold(mine(user).id(), id).orElseThrow(NotFoundException::new);
        InvoicePayments.Outcome outcome;
        try {
            outcome = payments.pay(invoice, user.accountId());
        } catch (AmountRefusedException e) {
            // over the maximum the payments module accepts online (a setting lowered since the invoice was written)
            redirect.addFlashAttribute("saved", "family.invoice.not-online");
            return "redirect:/mon-foyer/factures";
        } catch (ProviderUnavailableException e) {
            redirect.addFlashAttribute("saved", "family.invoice.no-provider");
            return "redirect:/mon-foyer/factures";
        }
        return switch (outcome) {
            case InvoicePayments.Outcome.ToPay to -> "redirect:" + to.path();
            case InvoicePayments.Outcome.AlreadyPaid paid -> {
                redirect.addFlashAttribute("saved", "family.invoice.already-paid");
                yield "redirect:/mon-foyer/factures";
            }
            case InvoicePayments.Outcome.Cancelled cancelled -> {
                redirect.addFlashAttribute("refused", "family.invoice.cancelled");
                yield "redirect:/mon-foyer/factures";
            }
        };
    }

    /** The person's household; 404 without one (their pages start at « Mon foyer », which offers to create it). */
    private Household mine(SignedInUser user) {
        return households.ofAccount(user.accountId()).orElseThrow(NotFoundException::new);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CommuneTime.ZONE));
    }
}
