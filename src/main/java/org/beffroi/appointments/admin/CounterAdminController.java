package org.beffroi.appointments.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.beffroi.appointments.AppointmentsModule.ManageAppointments;
import org.beffroi.appointments.internal.Booking;
import org.beffroi.appointments.internal.BookingDesk;
import org.beffroi.appointments.internal.ClosureImport;
import org.beffroi.appointments.internal.Counter;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.NotFoundException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The agents' side: the counters, a counter's day (its bookings and blocked slots), marking a booking attended or not
 * come, blocking a slot, booking for a resident who called, closures imported from an iCalendar file. Every change is written to the audit log by the desk, in the change's transaction.
 */
@Controller
@RequestMapping("/admin/rendez-vous")
@ManageAppointments
class CounterAdminController {

    private final Counters counters;
    private final BookingDesk desk;
    private final Clock clock;
    private final ClosureImport closureImport;

    CounterAdminController(Counters counters, BookingDesk desk, Clock clock, ClosureImport closureImport) {
        this.counters = counters;
        this.desk = desk;
        this.clock = clock;
        this.closureImport = closureImport;
    }

    /** A line of the day: a booking or a block, with its type's name (none for a block). */
    record Line(Booking booking, String typeName) {
    }

    @ModelAttribute("counter")
    Counter counter(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : counters.counter(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("counters", counters.counters());
        return "appointments/admin/counters";
    }

    @GetMapping("/{id}")
    String day(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @RequestParam(name = "jour", required = false) String day, Model model) {
        return page(counter, day(day), model);
    }

    /**
     * Closures imported from an iCalendar file: its whole-day events ({@link ClosureImport}); a file refused comes
     * back with its message next to the field, and nothing imported.
     */
    @PostMapping("/{id}/fermetures")
    String importClosures(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @RequestParam(name = "jour", required = false) String day,
            @RequestParam(name = "fichier", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        LocalDate chosen = day(day);
        String refused;
        if (file == null || file.isEmpty()) {
            refused = "admin.appointments.closures.empty";
        } else {
            try (var in = file.getInputStream()) {
                var result = closureImport.importFile(counter.id(), in, file.getSize());
                redirect.addFlashAttribute("saved", "admin.appointments.closures.imported");
                redirect.addFlashAttribute("closuresAdded", result.added());
                redirect.addFlashAttribute("closuresLeftOut", result.leftOut());
                return "redirect:/admin/rendez-vous/" + counter.id() + "?jour=" + chosen;
            } catch (ClosureImport.Refused why) {
                refused = why.key();
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("closuresError", refused);
        return page(counter, chosen, model);
    }

    /** The agent books a slot of the day for a resident who called: confirmed at once, written to the audit log. */
    @PostMapping("/{id}/reservations")
    String bookByPhone(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @RequestParam(name = "jour", required = false) String day,
            @Validated @ModelAttribute("phoneForm") PhoneBookingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        LocalDate chosen = day(day);
        MeetingType type = form.getTypeId() == null ? null : counters.type(form.getTypeId())
                .filter(t -> t.agendaId() == counter.id()).orElse(null);
        if (form.getTypeId() != null && type == null) {
            errors.rejectValue("typeId", "admin.appointments.phone.type.missing");
        }
        if (!errors.hasErrors()) {
            Instant start = chosen.atTime(form.getTime().withSecond(0).withNano(0)).atZone(CommuneTime.ZONE)
                    .toInstant();
            var result = desk.bookByAgent(type, start, form.getName(), form.getPhone(), form.getEmail());
            if (!result.outcome().booked()) {
                errors.rejectValue("time", "appointments.refused." + result.outcome().name().toLowerCase(
                        java.util.Locale.ROOT), new Object[] {type.maxActivePerPerson()}, null);
            }
        }
        if (errors.hasErrors()) {
            return page(counter, chosen, model);
        }
        redirect.addFlashAttribute("saved", "admin.appointments.phone.booked");
        return "redirect:/admin/rendez-vous/" + counter.id() + "?jour=" + chosen;
    }

    @PostMapping("/{id}/presence")
    String mark(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @RequestParam("rendezVous") long bookingId, @RequestParam("statut") String status,
            RedirectAttributes redirect) {
        Booking.Status chosen = switch (status) {
            case "ATTENDED" -> Booking.Status.ATTENDED;
            case "NO_SHOW" -> Booking.Status.NO_SHOW;
            default -> throw new NotFoundException();
        };
        var booking = desk.find(bookingId).filter(b -> b.agendaId() == counter.id())
                .orElseThrow(NotFoundException::new);
        if (!desk.mark(counter.id(), bookingId, chosen)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "admin.appointments.marked");
        return "redirect:/admin/rendez-vous/" + counter.id() + "?jour="
                + LocalDate.ofInstant(booking.startsAt(), CommuneTime.ZONE);
    }

    @PostMapping("/{id}/blocages")
    String block(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @RequestParam(name = "jour", required = false) String day,
            @ModelAttribute("blockForm") BlockForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        LocalDate chosen = day(day);
        if (!errors.hasFieldErrors("from") && form.getFrom() == null) {
            errors.rejectValue("from", "admin.appointments.block.time");
        }
        if (!errors.hasFieldErrors("to") && form.getTo() == null) {
            errors.rejectValue("to", "admin.appointments.block.time");
        }
        if (!errors.hasErrors() && (!form.getTo().isAfter(form.getFrom()) || form.getFrom().getMinute() % 5 != 0
                || form.getTo().getMinute() % 5 != 0)) {
            errors.rejectValue("to", "admin.appointments.block.order");
        }
        if (!errors.hasErrors()) {
            Instant from = chosen.atTime(form.getFrom().withSecond(0).withNano(0)).atZone(CommuneTime.ZONE).toInstant();
            Instant to = chosen.atTime(form.getTo().withSecond(0).withNano(0)).atZone(CommuneTime.ZONE).toInstant();
            if (!desk.block(counter.id(), from, to)) {
                errors.rejectValue("from", "admin.appointments.block.taken");
            }
        }
        if (errors.hasErrors()) {
            return page(counter, chosen, model);
        }
        redirect.addFlashAttribute("saved", "admin.appointments.blocked");
        return "redirect:/admin/rendez-vous/" + counter.id() + "?jour=" + chosen;
    }

    private String page(Counter counter, LocalDate day, Model model) {
        if (!model.containsAttribute("blockForm")) {
            model.addAttribute("blockForm", new BlockForm());
        }
        if (!model.containsAttribute("phoneForm")) {
            model.addAttribute("phoneForm", new PhoneBookingForm());
        }
        model.addAttribute("closures", counters.closures(counter.id(), day, day.plusYears(1)));
        model.addAttribute("maxKilobytes", ClosureImport.MAX_BYTES / 1024);
        model.addAttribute("types", counters.types().stream().filter(t -> t.agendaId() == counter.id()).toList());
        Instant from = day.atStartOfDay(CommuneTime.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CommuneTime.ZONE).toInstant();
        model.addAttribute("day", day);
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("lines", desk.between(counter.id(), from, to).stream()
                .map(b -> new Line(b, b.typeId() == null ? null
                        : counters.type(b.typeId()).map(MeetingType::name).orElse(null)))
                .toList());
        return "appointments/admin/day";
    }

    private LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock.withZone(CommuneTime.ZONE));
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFoundException();
        }
    }
}
