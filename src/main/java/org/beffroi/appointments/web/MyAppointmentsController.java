package org.beffroi.appointments.web;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mes rendez-vous »: the signed-in person's confirmed appointments to come, each with its counter and a button to
 * cancel it (the slot is free again at once, or offered to the first person waiting). Another person's booking, a past
 * one or one already cancelled answers 404.
 */
@Controller
@RequiredArgsConstructor
@PreAuthorize("isAuthenticated()")
class MyAppointmentsController {

    private final BookingDesk desk;
    private final Counters counters;

    /** A booking as the page shows it: when, what, where. */
    record Line(long id, java.time.Instant startsAt, String typeName, String counterName, String place,
            boolean paid) {
    }

    @GetMapping("/mes-rendez-vous")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("bookings", desk.upcomingOfAccount(user.accountId()).stream().map(b -> {
            var counter = counters.counter(b.agendaId()).orElseThrow();
            String type = b.typeId() == null ? "" : counters.type(b.typeId()).map(t -> t.name()).orElse("");
            return new Line(b.id(), b.startsAt(), type, counter.name(), counter.place(), b.priced());
        }).toList());
        return "appointments/mine";
    }

    @PostMapping("/mes-rendez-vous/{id}/annulation")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        var cancelled = desk.cancelOfAccount(user.accountId(), id).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("saved", cancelled.priced() ? "appointments.mine.cancelled.paid"
                : "appointments.mine.cancelled");
        return "redirect:/mes-rendez-vous";
    }
}
