package org.beffroi.appointments.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.internal.Booking;
import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.RateLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Moving a confirmed booking to another free slot of its type, from the page the confirmation mail's link opens (the
 * same token cancels it). The new slot is claimed and the old one released in one transaction
 * ({@link BookingDesk#move}); when the new slot is taken, the page says so and the booking stays.
 */
@Controller
@RequiredArgsConstructor
class MoveController {

    private static final int MOVES_PER_HOUR = 10;

    private final BookingDesk desk;
    private final Counters counters;
    private final Slots slots;
    private final RateLimits limits;
    private final Clock clock;

    @GetMapping("/rendez-vous/deplacement")
    String page(@RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "du", required = false) String from, Model model, HttpServletResponse response) {
        var booking = desk.findToCancel(token);
        if (booking.isEmpty()) {
            return invalid(model, response);
        }
        return page(token, booking.get(), firstDay(from), model);
    }

    @PostMapping("/rendez-vous/deplacement")
    String move(@RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "slot", required = false) String slot, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        var booking = desk.findToCancel(token);
        if (booking.isEmpty()) {
            return invalid(model, response);
        }
        Instant start = AppointmentsController.start(slot);
        LocalDate week = start == null ? null : LocalDate.ofInstant(start, CommuneTime.ZONE);
        if (start == null) {
            return refused(token, booking.get(), week, "appointments.form.slot.missing", model, response);
        }
        if (!limits.tryConsume("appointments-booking:" + request.getRemoteAddr(), MOVES_PER_HOUR, Duration.ofHours(1))) {
            return refused(token, booking.get(), week, "rate.limited", model, response);
        }
        var outcome = desk.move(token, start);
        if (outcome.isEmpty()) {
            return invalid(model, response);
        }
        if (outcome.get() != BookingDesk.Outcome.CONFIRMED) {
            return refused(token, booking.get(), week,
                    "appointments.move.refused." + outcome.get().name().toLowerCase(Locale.ROOT), model, response);
        }
        var moved = desk.find(booking.get().id()).orElseThrow();
        model.addAttribute("moved", true);
        model.addAttribute("booking", moved);
        model.addAttribute("bookedType", counters.type(moved.typeId()).orElseThrow());
        return "appointments/move";
    }

    private String refused(String token, Booking booking, LocalDate week, String message, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("slotError", message);
        return page(token, booking, firstDay(week), model);
    }

    private String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("invalid", true);
        return "appointments/move";
    }

    private String page(String token, Booking booking, LocalDate first, Model model) {
        MeetingType type = counters.type(booking.typeId()).orElseThrow();
        LocalDate last = first.plusDays(AppointmentsController.WEEK - 1);
        Map<LocalDate, List<Slots.Slot>> days = new TreeMap<>(slots.free(type, first, last).stream()
                .collect(Collectors.groupingBy(s -> LocalDate.ofInstant(s.startsAt(), CommuneTime.ZONE))));
        model.addAttribute("token", token);
        model.addAttribute("booking", booking);
        model.addAttribute("bookedType", type);
        model.addAttribute("days", days);
        model.addAttribute("first", first);
        model.addAttribute("last", last);
        LocalDate today = today();
        model.addAttribute("previous", first.isAfter(today) ? first.minusDays(AppointmentsController.WEEK)
                .isBefore(today) ? today : first.minusDays(AppointmentsController.WEEK) : null);
        model.addAttribute("next", first.plusDays(AppointmentsController.WEEK));
        return "appointments/move";
    }

    private LocalDate firstDay(String text) {
        if (text == null || text.isBlank() || text.length() > 10) {
            return today();
        }
        try {
            return firstDay(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return today();
        }
    }

    private LocalDate firstDay(LocalDate day) {
        return day == null || day.isBefore(today()) ? today() : day;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CommuneTime.ZONE));
    }
}
