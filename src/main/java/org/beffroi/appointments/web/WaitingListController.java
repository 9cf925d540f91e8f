package org.beffroi.appointments.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.WaitingList;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A type's waiting list: the form to join it (signed in, under the account's address; signed out, once the mailed
 * link is opened), the page of that link and the page of the link to leave the list, each with a button so that a
 * mail scanner changes nothing. Offers of freed
 * slots are accepted on the booking confirmation page.
 */
@Controller
@RequiredArgsConstructor
class WaitingListController {

    private static final int JOINS_PER_HOUR = 10;

    private final Counters counters;
    private final WaitingList waitingList;
    private final Accounts accounts;
    private final RateLimits limits;

    @GetMapping("/rendez-vous/{type}/liste-attente")
    String form(@PathVariable("type") String slug, Model model) {
        var type = type(slug);
        if (!model.containsAttribute("form")) {
            var form = new WaitingForm();
            SignedInUser.current().flatMap(user -> accounts.find(user.accountId())).ifPresent(account -> {
                form.setName(account.displayName());
                form.setEmail(account.email());
            });
            model.addAttribute("form", form);
        }
        return page(type, model);
    }

    @PostMapping("/rendez-vous/{type}/liste-attente")
    String join(@PathVariable("type") String slug, @Validated @ModelAttribute("form") WaitingForm form,
            BindingResult errors, Model model, RedirectAttributes redirect, HttpServletRequest request,
            HttpServletResponse response) {
        var type = type(slug);
        String preApplication = AppointmentsController.preApplication(type, form.getPreApplication(), errors);
        // who may not book the type may not wait for it; a priced type's freed slots are not offered
        var refused = BookingDesk.refusal(type, SignedInUser.current().map(SignedInUser::accountId).orElse(null),
                AppointmentsController.association());
        if (type.priced()) {
            errors.reject("appointments.waiting.priced");
        } else if (refused != null) {
            errors.reject("appointments.refused." + refused.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!errors.hasErrors() && !limits.tryConsume("appointments-waiting:" + request.getRemoteAddr(),
                JOINS_PER_HOUR, Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(type, model);
        }
        var account = SignedInUser.current().flatMap(user -> accounts.find(user.accountId()));
        // signed in, the list is joined under the account's address, known to be theirs
        String email = account.map(a -> a.email()).orElse(form.getEmail());
        var outcome = waitingList.join(type, form.getName(), email, form.getPhone(), preApplication,
                account.map(a -> a.id()).orElse(null));
        redirect.addFlashAttribute("saved", "appointments.waiting." + outcome.name().toLowerCase(java.util.Locale.ROOT));
        return "redirect:/rendez-vous/" + type.slug() + "/liste-attente";
    }

    @GetMapping("/rendez-vous/liste-attente/confirmation")
    String verifyPage(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var entry = waitingList.findToVerify(token);
        if (entry.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/waiting-confirm";
        }
        model.addAttribute("token", token);
        model.addAttribute("waitedType", counters.type(entry.get().typeId()).orElseThrow());
        return "appointments/waiting-confirm";
    }

    @PostMapping("/rendez-vous/liste-attente/confirmation")
    String verify(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var entry = waitingList.findToVerify(token);
        var outcome = waitingList.verify(token);
        if (entry.isEmpty() || outcome.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/waiting-confirm";
        }
        model.addAttribute("waitedType", counters.type(entry.get().typeId()).orElseThrow());
        model.addAttribute(outcome.get() == WaitingList.Outcome.JOINED ? "joined" : "already", true);
        return "appointments/waiting-confirm";
    }

    @GetMapping("/rendez-vous/liste-attente/depart")
    String leavePage(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var entry = waitingList.findToLeave(token);
        if (entry.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/waiting-leave";
        }
        model.addAttribute("token", token);
        model.addAttribute("waitedType", counters.type(entry.get().typeId()).orElseThrow());
        return "appointments/waiting-leave";
    }

    @PostMapping("/rendez-vous/liste-attente/depart")
    String leave(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var entry = waitingList.leave(token);
        if (entry.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/waiting-leave";
        }
        model.addAttribute("left", true);
        model.addAttribute("waitedType", counters.type(entry.get().typeId()).orElseThrow());
        return "appointments/waiting-leave";
    }

    private MeetingType type(String slug) {
        return counters.type(slug).orElseThrow(NotFoundException::new);
    }

    private String page(MeetingType type, Model model) {
        model.addAttribute("meetingType", type);
        model.addAttribute("counter", counters.counter(type.agendaId()).orElseThrow());
        model.addAttribute("waiting", waitingList.waitingFor(type.id()));
        model.addAttribute("offerHours", BookingDesk.OFFER_DELAY.toHours());
        return "appointments/waiting";
    }
}
