package org.beffroi.agenda.admin;

import java.io.IOException;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.agenda.internal.Recurrence;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.platform.AuditLog;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.CsvExport;
import org.beffroi.platform.NotFoundException;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import jakarta.servlet.http.HttpServletResponse;

/** Events in the back office: create, edit, delete, and who registered (list and CSV for the organiser). */
@Controller
@RequestMapping("/admin/agenda")
@PreAuthorize("hasAuthority('agenda:events')")
class EventAdminController {

    private final EventRepository events;
    private final Programme programme;
    private final RegistrationDesk desk;
    private final Neighbourhoods neighbourhoods;
    private final AuditLog audit;

    EventAdminController(EventRepository events, Programme programme, RegistrationDesk desk, Neighbourhoods neighbourhoods,
            AuditLog audit) {
        this.events = events;
        this.programme = programme;
        this.desk = desk;
        this.neighbourhoods = neighbourhoods;
        this.audit = audit;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("repeats", EventForm.Repeat.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("events", events.all());
        model.addAttribute("desk", desk);
        return "agenda/admin/events";
    }

    @GetMapping("/nouveau")
    String createForm(Model model) {
        model.addAttribute("form", new EventForm());
        return "agenda/admin/event";
    }

    @PostMapping("/nouveau")
    String create(@Validated @ModelAttribute("form") EventForm form, BindingResult errors, RedirectAttributes redirect,
            HttpServletResponse response) {
        checkDates(form, errors);
        String recurrence = recurrence(form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "agenda/admin/event";
        }
        long id = programme.create(form.toEvent(0, recurrence));
        audit.record("event.created", "event:" + id, form.getTitle());
        redirect.addFlashAttribute("saved", "admin.agenda.created");
        return "redirect:/admin/agenda";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Event event = events.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("event", event);
        model.addAttribute("form", EventForm.of(event));
        return "agenda/admin/event";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") EventForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Event event = events.find(id).orElseThrow(NotFoundException::new);
        checkDates(form, errors);
        String recurrence = recurrence(form, errors);
        if (form.getCapacity() != null && !errors.hasFieldErrors("capacity")
                && form.getCapacity() < desk.confirmedCount(id)) {
            errors.rejectValue("capacity", "admin.agenda.capacity.below-registered", new Object[] {desk.confirmedCount(id)},
                    null);
        }
        if (errors.hasErrors()) {
            model.addAttribute("event", event);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "agenda/admin/event";
        }
        programme.update(form.toEvent(id, recurrence));
        audit.record("event.changed", "event:" + id, form.getTitle());
        redirect.addFlashAttribute("saved", "admin.agenda.saved");
        return "redirect:/admin/agenda";
    }

    @PostMapping("/{id}/suppression")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Event event = events.find(id).orElseThrow(NotFoundException::new);
        programme.delete(id);
        audit.record("event.deleted", "event:" + id, event.title());
        redirect.addFlashAttribute("saved", "admin.agenda.deleted");
        return "redirect:/admin/agenda";
    }

    @GetMapping("/{id}/inscrits")
    String attendees(@PathVariable long id, Model model) {
        model.addAttribute("event", events.find(id).orElseThrow(NotFoundException::new));
        model.addAttribute("registrations", desk.registrations(id));
        return "agenda/admin/attendees";
    }

    @GetMapping("/{id}/inscrits.csv")
    void attendeesCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        events.find(id).orElseThrow(NotFoundException::new);
        audit.record("event.attendees-exported", "event:" + id, null);
        try (var csv = CsvExport.open(response, "inscrits-" + id + ".csv", "nom", "courriel", "statut", "inscrit_le")) {
            desk.registrations(id).forEach(r -> csv.row(r.name(), r.email(), r.status(), r.createdAt()));
        }
    }

    private static void checkDates(EventForm form, BindingResult errors) {
        if (form.getStartsAt() != null && form.getEndsAt() != null && !form.getEndsAt().isAfter(form.getStartsAt())) {
            errors.rejectValue("endsAt", "admin.agenda.ends-before-start");
        }
        // "NaN" and "Infinity" read as numbers but are no place
        if (form.getLatitude() != null && !Double.isFinite(form.getLatitude())) {
            errors.rejectValue("latitude", "typeMismatch.form.latitude");
        }
        if (form.getLongitude() != null && !Double.isFinite(form.getLongitude())) {
            errors.rejectValue("longitude", "typeMismatch.form.longitude");
        }
        if ((form.getLatitude() == null) != (form.getLongitude() == null) && !errors.hasFieldErrors("latitude")
                && !errors.hasFieldErrors("longitude")) {
            errors.rejectValue(form.getLatitude() == null ? "latitude" : "longitude", "admin.agenda.position.both");
        }
    }

    /**
     * The checked rule (ical4j reads it; UNTIL is saved in UTC), or null for a single date. A recurring
     * event takes no registration: one list of seats for every date would not say which date a seat is for.
     */
    private static String recurrence(EventForm form, BindingResult errors) {
        if (form.getRepeat() == null || form.getStartsAt() == null || errors.hasFieldErrors("rrule")
                || errors.hasFieldErrors("repeatUntil")) {
            return null;
        }
        String text = form.ruleText();
        if (text == null) {
            if (form.getRepeat() == EventForm.Repeat.CUSTOM) {
                errors.rejectValue("rrule", "agenda.recurrence.missing");
            }
            return null;
        }
        if (form.getCapacity() != null) {
            errors.rejectValue("capacity", "admin.agenda.capacity.recurring");
        }
        try {
            return Recurrence.parse(text, form.getStartsAt().atZone(CommuneTime.ZONE).toInstant()).text();
        } catch (Recurrence.Invalid e) {
            errors.rejectValue(form.ruleField(), e.messageKey());
            return null;
        }
    }
}
