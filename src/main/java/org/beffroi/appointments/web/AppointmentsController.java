package org.beffroi.appointments.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.BookingDesk.Outcome;
import org.beffroi.appointments.internal.BookingPayments;
import org.beffroi.appointments.internal.Counter;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.appointments.internal.PreApplicationNumber;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.Role;
import org.beffroi.platform.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * The resident's booking: the meeting types, a type's free slots a week at a time with the form to book one, the
 * mailed links that confirm (booked without an account) and cancel a booking.
 */
@Controller
@RequiredArgsConstructor
class AppointmentsController {

    private static final int BOOKINGS_PER_HOUR = 10;
    /** Days of slots on one page. */
    static final int WEEK = 7;
    /** Free slots proposed when the one chosen cannot be booked. */
    static final int PROPOSED = 5;

    private final Counters counters;
    private final Slots slots;
    private final BookingDesk desk;
    private final Accounts accounts;
    private final RateLimits limits;
    private final Clock clock;
    private final BookingPayments payments;

    /** A counter with its meeting types, as the first page lists them. */
    record CounterTypes(Counter counter, List<MeetingType> types) {
    }

    @GetMapping("/rendez-vous")
    String index(Model model) {
        model.addAttribute("counters", withTypes(Counter.Kind.COUNTER));
        return "appointments/index";
    }

    /** The rooms, desks and equipment, by kind: each with its capacity, place, and types (audience, price). */
    @GetMapping("/reserver")
    String resources(Model model) {
        var kinds = new java.util.LinkedHashMap<Counter.Kind, List<CounterTypes>>();
        for (var kind : Counter.Kind.values()) {
            if (kind.resource() && !withTypes(kind).isEmpty()) {
                kinds.put(kind, withTypes(kind));
            }
        }
        model.addAttribute("kinds", kinds);
        return "appointments/resources";
    }

    /** The agendas of a kind that have types, each with them. */
    private List<CounterTypes> withTypes(Counter.Kind kind) {
        var types = counters.types().stream().collect(Collectors.groupingBy(MeetingType::agendaId));
        return counters.counters().stream()
                .filter(c -> c.kind() == kind && types.containsKey(c.id()))
                .map(c -> new CounterTypes(c, types.get(c.id()))).toList();
    }

    /** The type of the address, loaded once per request; none on the other addresses. */
    @ModelAttribute("meetingType")
    MeetingType type(@PathVariable(name = "type", required = false) String slug) {
        return slug == null ? null : counters.type(slug).orElseThrow(NotFoundException::new);
    }

    @GetMapping("/rendez-vous/{type}")
    String slots(@ModelAttribute(name = "meetingType", binding = false) MeetingType type,
            @RequestParam(name = "du", required = false) String from, Model model) {
        if (!model.containsAttribute("form")) {
            var form = new BookingForm();
            SignedInUser.current().flatMap(user -> accounts.find(user.accountId())).ifPresent(account -> {
                form.setName(account.displayName());
                form.setEmail(account.email());
            });
            model.addAttribute("form", form);
        }
        return page(type, firstDay(from), model);
    }

    @PostMapping("/rendez-vous/{type}")
    String book(@ModelAttribute(name = "meetingType", binding = false) MeetingType type,
            @Validated @ModelAttribute("form") BookingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletRequest request) {
        Instant start = start(form.getSlot());
        if (start == null && !errors.hasFieldErrors("slot")) {
            errors.rejectValue("slot", "appointments.form.slot.missing");
        }
        String preApplication = preApplication(type, form.getPreApplication(), errors);
        if (!errors.hasErrors() && !limits.tryConsume("appointments-booking:" + request.getRemoteAddr(),
                BOOKINGS_PER_HOUR, Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        LocalDate week = start == null ? null : LocalDate.ofInstant(start, CommuneTime.ZONE);
        if (errors.hasErrors()) {
            return page(type, firstDay(week), model);
        }
        Long accountId = SignedInUser.current().map(SignedInUser::accountId).orElse(null);
        boolean association = association();
        var refusal = BookingDesk.refusal(type, accountId, association);
        // a slot already held is refused at once, by one read; the others go to the desk, which checks them fully
        var result = refusal != null ? new BookingDesk.Result(refusal, null)
                : slots.held(type, start) ? new BookingDesk.Result(Outcome.TAKEN, null)
                : desk.book(new BookingDesk.Request(type, start, form.getName(), form.getEmail(), form.getPhone(),
                        preApplication, accountId, association));
        if (result.outcome() == Outcome.SIGN_IN_NEEDED || result.outcome() == Outcome.NOT_ALLOWED
                || result.outcome() == Outcome.PAYMENT_UNAVAILABLE) {
            errors.reject("appointments.refused." + result.outcome().name().toLowerCase(java.util.Locale.ROOT));
            return page(type, firstDay(week), model);
        }
        if (result.outcome() == Outcome.TO_PAY) {
            return "redirect:" + payments.pagePath(result.bookingId()).orElseThrow();
        }
        if (!result.outcome().booked()) {
            errors.rejectValue(result.outcome() == Outcome.LIMIT_REACHED ? "email" : "slot",
                    "appointments.refused." + result.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    new Object[] {type.maxActivePerPerson()}, null);
            if (result.outcome() == Outcome.LIMIT_REACHED) {
                return page(type, firstDay(week), model);
            }
            return refused(type, start, firstDay(week), model);
        }
        redirect.addFlashAttribute("saved", result.outcome() == Outcome.CONFIRMED ? "appointments.booked.confirmed"
                : "appointments.booked.pending");
        return "redirect:/rendez-vous/" + type.slug() + "/demande";
    }

    /** Where a booking leads: what happens next (the confirmation mailed, or the link to open). */
    @GetMapping("/rendez-vous/{type}/demande")
    String booked(@ModelAttribute(name = "meetingType", binding = false) MeetingType type) {
        return "appointments/booked";
    }

    /** The mailed link opens a page with a button, so that a mail scanner following links confirms nothing. */
    @GetMapping("/rendez-vous/confirmation")
    String confirmPage(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var booking = desk.findToConfirm(token);
        if (booking.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/confirm";
        }
        model.addAttribute("token", token);
        model.addAttribute("booking", booking.get());
        model.addAttribute("bookedType", counters.type(booking.get().typeId()).orElseThrow());
        return "appointments/confirm";
    }

    @PostMapping("/rendez-vous/confirmation")
    String confirm(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var booking = desk.confirm(token);
        if (booking.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/confirm";
        }
        model.addAttribute("confirmed", true);
        model.addAttribute("booking", booking.get());
        model.addAttribute("bookedType", counters.type(booking.get().typeId()).orElseThrow());
        return "appointments/confirm";
    }

    @GetMapping("/rendez-vous/annulation")
    String cancelPage(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var booking = desk.findToCancel(token);
        if (booking.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/cancel";
        }
        model.addAttribute("token", token);
        model.addAttribute("booking", booking.get());
        model.addAttribute("bookedType", counters.type(booking.get().typeId()).orElseThrow());
        return "appointments/cancel";
    }

    @PostMapping("/rendez-vous/annulation")
    String cancel(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var booking = desk.cancel(token);
        if (booking.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "appointments/cancel";
        }
        model.addAttribute("cancelled", true);
        model.addAttribute("booking", booking.get());
        model.addAttribute("bookedType", counters.type(booking.get().typeId()).orElseThrow());
        return "appointments/cancel";
    }

    /**
     * The slot chosen refused (taken meanwhile, past, closed…): a short page with the message next to the field, the
     * next free slots to choose from and the resident's input, and a link to the week's slots; the week itself is not
     * read again nor rendered (under a rush on the last slots, most attempts end here).
     */
    private String refused(MeetingType type, Instant start, LocalDate week, Model model) {
        model.addAttribute("proposed", slots.next(type, start, PROPOSED));
        model.addAttribute("week", week);
        return "appointments/refused";
    }

    private String page(MeetingType type, LocalDate first, Model model) {
        LocalDate last = first.plusDays(WEEK - 1);
        Map<LocalDate, List<Slots.Slot>> days = new TreeMap<>(slots.free(type, first, last).stream()
                .collect(Collectors.groupingBy(s -> LocalDate.ofInstant(s.startsAt(), CommuneTime.ZONE))));
        model.addAttribute("counter", counters.counter(type.agendaId()).orElseThrow());
        model.addAttribute("signInNeeded", BookingDesk.refusal(type, SignedInUser.current().map(SignedInUser::accountId)
                .orElse(null), association()) == Outcome.SIGN_IN_NEEDED);
        model.addAttribute("days", days);
        model.addAttribute("first", first);
        model.addAttribute("last", last);
        LocalDate today = today();
        model.addAttribute("previous", first.isAfter(today) ? first.minusDays(WEEK).isBefore(today) ? today
                : first.minusDays(WEEK) : null);
        model.addAttribute("next", first.plusDays(WEEK));
        if (days.isEmpty() && !model.containsAttribute("proposed")) {
            model.addAttribute("proposed", slots.next(type, last.plusDays(1).atStartOfDay(CommuneTime.ZONE).toInstant(),
                    PROPOSED));
        }
        return "appointments/slots";
    }

    /** Whether the person signed in manages an association (the role of organisation manager). */
    static boolean association() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return SignedInUser.from(authentication).isPresent() && authentication.getAuthorities().stream()
                .anyMatch(a -> Role.ORGANISATION_MANAGER.authority().equals(a.getAuthority()));
    }

    private LocalDate firstDay(String text) {
        if (text == null || text.isBlank()) {
            return today();
        }
        try {
            return firstDay(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new NotFoundException();
        }
    }

    private LocalDate firstDay(LocalDate day) {
        LocalDate today = today();
        return day == null || day.isBefore(today) ? today : day;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CommuneTime.ZONE));
    }

    /**
     * The ANTS pre-application number typed, in its stored form, for a type that asks it; null for one that does not,
     * or when it is missing or malformed (then rejected on the field {@code preApplication}).
     */
    static String preApplication(MeetingType type, String typed, BindingResult errors) {
        if (!type.asksPreApplication()) {
            return null;
        }
        var number = PreApplicationNumber.parse(typed);
        if (typed == null || typed.isBlank()) {
            errors.rejectValue("preApplication", "appointments.form.pre-application.missing");
        } else if (number.isEmpty()) {
            errors.rejectValue("preApplication", "appointments.form.pre-application.invalid");
        }
        return number.orElse(null);
    }

    /** The start of the slot chosen, ISO-8601 with an offset; null when it is not one. */
    static Instant start(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
