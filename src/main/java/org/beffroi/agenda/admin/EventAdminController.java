package org.beffroi.agenda.admin;

import java.io.IOException;
import java.time.Clock;

import org.beffroi.agenda.AgendaModule.ManageEvents;
import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Programme;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.agenda.internal.RegistrationDesk.Seats;
import org.beffroi.platform.CsvExport;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** Events in the back office: create, edit, delete, and who registered (list and CSV for the organiser). */
@Controller
@RequestMapping("/admin/agenda")
@ManageEvents
class EventAdminController {

    private static final String FORM = "agenda/admin/event";

    private final EventRepository events;
    private final Programme programme;
    private final RegistrationDesk desk;
    private final Neighbourhoods neighbourhoods;
    private final Clock clock;

    EventAdminController(EventRepository events, Programme programme, RegistrationDesk desk,
            Neighbourhoods neighbourhoods, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.programme = programme;
        this.desk = desk;
        this.neighbourhoods = neighbourhoods;
    }

    /** A line of the list: the event and its seats. */
    record Line(Event event, Seats seats) {
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("repeats", EventForm.Repeat.values());
        model.addAttribute("weekdays", java.time.DayOfWeek.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
    }

    /** The event of the address, loaded once per request; none on the list's and the new event's addresses. */
    @ModelAttribute("event")
    Event event(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : events.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping
    String list(Model model) {
        var seats = desk.seatsByEvent();
        model.addAttribute("lines", events.all().stream()
                .map(e -> new Line(e, seats.getOrDefault(e.id(), Seats.NONE))).toList());
        return "agenda/admin/events";
    }

    @GetMapping("/nouveau")
    String createForm(Model model) {
        model.addAttribute("form", new EventForm());
        return FORM;
    }

    @PostMapping("/nouveau")
    String create(@Validated @ModelAttribute("form") EventForm form, BindingResult errors,
            RedirectAttributes redirect) {
        form.validate(errors);
        form.validateNew(errors, clock.instant());
        if (errors.hasErrors()) {
            return FORM;
        }
        programme.create(form.toEvent(0));
        redirect.addFlashAttribute("saved", "admin.agenda.created");
        return "redirect:/admin/agenda";
    }

    @GetMapping("/{id}")
    String edit(@ModelAttribute(name = "event", binding = false) Event event, Model model) {
        model.addAttribute("form", EventForm.of(event));
        return FORM;
    }

    @PostMapping("/{id}")
    String update(@ModelAttribute(name = "event", binding = false) Event event,
            @Validated @ModelAttribute("form") EventForm form, BindingResult errors, RedirectAttributes redirect) {
        form.validate(errors);
        if (form.getCapacity() != null && !errors.hasFieldErrors("capacity")) {
            long confirmed = desk.confirmedCount(event.id());
            if (form.getCapacity() < confirmed) {
                errors.rejectValue("capacity", "admin.agenda.capacity.below-registered", new Object[] {confirmed},
                        null);
            }
        }
        if (errors.hasErrors()) {
            return FORM;
        }
        programme.update(form.toEvent(event.id()));
        redirect.addFlashAttribute("saved", "admin.agenda.saved");
        return "redirect:/admin/agenda";
    }

    @PostMapping("/{id}/suppression")
    String delete(@ModelAttribute(name = "event", binding = false) Event event, RedirectAttributes redirect) {
        programme.delete(event);
        redirect.addFlashAttribute("saved", "admin.agenda.deleted");
        return "redirect:/admin/agenda";
    }

    @GetMapping("/{id}/inscrits")
    String attendees(@ModelAttribute(name = "event", binding = false) Event event, Model model) {
        model.addAttribute("registrations", desk.registrations(event.id()));
        return "agenda/admin/attendees";
    }

    @GetMapping("/{id}/inscrits.csv")
    void attendeesCsv(@ModelAttribute(name = "event", binding = false) Event event, HttpServletResponse response)
            throws IOException {
        var registrations = desk.exportRegistrations(event.id());
        try (var csv = CsvExport.open(response, "inscrits-" + event.id() + ".csv", "nom", "courriel", "statut",
                "inscrit_le")) {
            registrations.forEach(r -> csv.row(r.name(), r.email(), r.status(), r.createdAt()));
        }
    }
}
