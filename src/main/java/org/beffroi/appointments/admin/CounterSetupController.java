package org.beffroi.appointments.admin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;

import org.beffroi.appointments.AppointmentsModule.SetupAppointments;
import org.beffroi.appointments.internal.BookingPayments;
import org.beffroi.appointments.internal.Counter;
import org.beffroi.appointments.internal.CounterSetup;
import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.MeetingType;
import org.beffroi.payments.Euros;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' setup of appointments: the counters, each counter's opening hours, closures and meeting types.
 * A form with a mistake comes back with what was typed, a message next to the field and 400; another counter's
 * opening, closure or type answers 404.
 */
@Controller
@RequestMapping("/admin/rendez-vous/reglages")
@SetupAppointments
@RequiredArgsConstructor
class CounterSetupController {

    private static final String BASE = "/admin/rendez-vous/reglages/";

    private final Counters counters;
    private final CounterSetup setup;
    private final Clock clock;
    private final BookingPayments payments;

    @ModelAttribute("counter")
    Counter counter(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : counters.counter(id).orElseThrow(NotFoundException::new);
    }

    @ModelAttribute("kinds")
    Counter.Kind[] kinds() {
        return Counter.Kind.values();
    }

    @ModelAttribute("audiences")
    MeetingType.Audience[] audiences() {
        return MeetingType.Audience.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("counterForm", new CounterForm());
        return list(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("counterForm") CounterForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return list(model, response);
        }
        long id = setup.createCounter(form.getName().strip(), form.getPlace().strip(), form.getKind(),
                form.getCapacity());
        redirect.addFlashAttribute("saved", "admin.appointments.setup.counter-created");
        return "redirect:" + BASE + id;
    }

    @GetMapping("/{id}")
    String counter(@ModelAttribute(name = "counter", binding = false) Counter counter, Model model) {
        return page(counter, model, null);
    }

    @PostMapping("/{id}")
    String change(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @Valid @ModelAttribute("counterForm") CounterForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(counter, model, response);
        }
        setup.changeCounter(counter.id(), form.getName().strip(), form.getPlace().strip(), form.getKind(),
                form.getCapacity());
        return saved(counter, redirect);
    }

    @PostMapping("/{id}/horaires")
    String addOpening(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @Valid @ModelAttribute("openingForm") OpeningForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            switch (setup.addOpening(counter.id(), form.getWeekday(), form.getOpens(), form.getCloses())) {
                case OFF_GRID -> errors.rejectValue("closes", "admin.appointments.setup.opening.grid");
                case OVERLAPS -> errors.rejectValue("opens", "admin.appointments.setup.opening.overlaps");
                case ADDED -> {
                    return saved(counter, redirect);
                }
            }
        }
        return page(counter, model, response);
    }

    @PostMapping("/{id}/horaires/{line}/suppression")
    String removeOpening(@ModelAttribute(name = "counter", binding = false) Counter counter, @PathVariable long line,
            RedirectAttributes redirect) {
        if (!setup.removeOpening(counter.id(), line)) {
            throw new NotFoundException();
        }
        return saved(counter, redirect);
    }

    @PostMapping("/{id}/fermetures")
    String addClosure(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @Valid @ModelAttribute("closureForm") ClosureForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("firstDay") && !errors.hasFieldErrors("lastDay")) {
            if (form.getLastDay().isBefore(form.getFirstDay())) {
                errors.rejectValue("lastDay", "admin.appointments.setup.closure.order");
            } else if (form.getLastDay().isBefore(today())) {
                errors.rejectValue("lastDay", "admin.appointments.setup.closure.past");
            }
        }
        if (errors.hasErrors()) {
            return page(counter, model, response);
        }
        setup.addClosure(counter.id(), form.getFirstDay(), form.getLastDay(), form.getReason().strip());
        return saved(counter, redirect);
    }

    @PostMapping("/{id}/fermetures/{line}/suppression")
    String removeClosure(@ModelAttribute(name = "counter", binding = false) Counter counter, @PathVariable long line,
            RedirectAttributes redirect) {
        if (!setup.removeClosure(counter.id(), line)) {
            throw new NotFoundException();
        }
        return saved(counter, redirect);
    }

    @GetMapping("/{id}/motifs/nouveau")
    String newType(@ModelAttribute(name = "counter", binding = false) Counter counter, Model model) {
        model.addAttribute("typeForm", new TypeForm());
        return "appointments/admin/setup-type";
    }

    @PostMapping("/{id}/motifs")
    String createType(@ModelAttribute(name = "counter", binding = false) Counter counter,
            @Valid @ModelAttribute("typeForm") TypeForm form, BindingResult errors, HttpServletResponse response,
            RedirectAttributes redirect) {
        var settings = checked(form, errors, response);
        if (settings == null) {
            return "appointments/admin/setup-type";
        }
        setup.createType(counter.id(), settings);
        return saved(counter, redirect);
    }

    @GetMapping("/{id}/motifs/{typeId}")
    String editType(@ModelAttribute(name = "counter", binding = false) Counter counter, @PathVariable long typeId,
            Model model) {
        var type = typeOf(counter, typeId);
        model.addAttribute("type", type);
        model.addAttribute("typeForm", TypeForm.of(type));
        return "appointments/admin/setup-type";
    }

    @PostMapping("/{id}/motifs/{typeId}")
    String changeType(@ModelAttribute(name = "counter", binding = false) Counter counter, @PathVariable long typeId,
            @Valid @ModelAttribute("typeForm") TypeForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var type = typeOf(counter, typeId);
        var settings = checked(form, errors, response);
        if (settings == null) {
            model.addAttribute("type", type);
            return "appointments/admin/setup-type";
        }
        setup.changeType(counter.id(), type.id(), settings);
        return saved(counter, redirect);
    }

    private MeetingType typeOf(Counter counter, long typeId) {
        return counters.type(typeId).filter(t -> t.agendaId() == counter.id()).orElseThrow(NotFoundException::new);
    }

    /**
     * The form's own constraints, a length on the 5-minute grid and a price the payments accept: the settings, or null
     * and 400 when something is wrong.
     */
    private CounterSetup.TypeSettings checked(TypeForm form, BindingResult errors, HttpServletResponse response) {
        if (!errors.hasFieldErrors("durationMinutes") && form.getDurationMinutes() % 5 != 0) {
            errors.rejectValue("durationMinutes", "admin.appointments.setup.type.grid");
        }
        long priceCents = 0;
        if (!errors.hasFieldErrors("price") && !form.free()) {
            var price = Euros.read(form.getPrice(), payments.maxPriceCents());
            if (price.accepted()) {
                priceCents = price.cents();
            } else {
                errors.rejectValue("price", price.refusal().messageKey(),
                        new Object[] {Euros.words(payments.maxPriceCents())}, null);
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return null;
        }
        return form.settings(priceCents);
    }

    /** The counters, with the form of a new one; 400 when that form comes back with its mistakes. */
    private String list(Model model, HttpServletResponse response) {
        if (response != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("counters", counters.counters());
        return "appointments/admin/setup";
    }

    /** The counter's page, with each form not being answered fresh; 400 when one comes back with its mistakes. */
    private String page(Counter counter, Model model, HttpServletResponse response) {
        if (response != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        if (!model.containsAttribute("counterForm")) {
            var form = new CounterForm();
            form.setName(counter.name());
            form.setPlace(counter.place());
            form.setKind(counter.kind());
            form.setCapacity(counter.capacity());
            model.addAttribute("counterForm", form);
        }
        if (!model.containsAttribute("openingForm")) {
            model.addAttribute("openingForm", new OpeningForm());
        }
        if (!model.containsAttribute("closureForm")) {
            model.addAttribute("closureForm", new ClosureForm());
        }
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("openings", counters.openingLines(counter.id()));
        model.addAttribute("closures", counters.closureLines(counter.id(), today()));
        model.addAttribute("types", counters.types(counter.id()));
        return "appointments/admin/setup-counter";
    }

    private String saved(Counter counter, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", "admin.appointments.setup.saved");
        return "redirect:" + BASE + counter.id();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CommuneTime.ZONE));
    }
}
