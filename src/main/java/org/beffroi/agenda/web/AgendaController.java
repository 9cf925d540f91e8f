package org.beffroi.agenda.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.beffroi.agenda.Category;
import org.beffroi.agenda.Event;
import org.beffroi.agenda.Occurrence;
import org.beffroi.agenda.internal.CalendarFeed;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.agenda.internal.Recurrence;
import org.beffroi.agenda.internal.RegistrationDesk;
import org.beffroi.agenda.internal.RegistrationDesk.Outcome;
import org.beffroi.identity.Accounts;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.RateLimits;
import org.beffroi.platform.SignedInUser;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

/** The public agenda: upcoming dates with filters, the month's printable programme, an event's page with registration, the iCalendar feed. */
@Controller
class AgendaController {

    private static final int REGISTRATIONS_PER_HOUR = 20;
    /** How many next dates a recurring event's page lists. */
    private static final int NEXT_DATES = 8;
    /** The most dates of a month: every day of a month with a few events daily. */
    static final int MONTH_LIMIT = 500;
    /** Cards on a page of the list. */
    static final int PAGE = 20;

    private final EventRepository events;
    private final RegistrationDesk desk;
    private final CalendarFeed feed;
    private final Neighbourhoods neighbourhoods;
    private final Accounts accounts;
    private final Commune commune;
    private final RateLimits limits;
    private final PublicAddress publicAddress;
    private final Clock clock;
    private final EventJsonLd jsonLd;
    private final ScheduleWords scheduleWords;

    AgendaController(EventRepository events, RegistrationDesk desk, CalendarFeed feed, Neighbourhoods neighbourhoods,
            Accounts accounts, Commune commune, RateLimits limits, PublicAddress publicAddress, Clock clock,
            EventJsonLd jsonLd, ScheduleWords scheduleWords) {
        this.scheduleWords = scheduleWords;
        this.events = events;
        this.desk = desk;
        this.feed = feed;
        this.neighbourhoods = neighbourhoods;
        this.accounts = accounts;
        this.commune = commune;
        this.limits = limits;
        this.publicAddress = publicAddress;
        this.clock = clock;
        this.jsonLd = jsonLd;
    }

    /** A card of the list: an event at its first date to come, with its rule in words if it repeats. */
    record Card(Occurrence occurrence, String schedule) {
    }

    @GetMapping("/agenda")
    String list(@ModelAttribute("filtre") ListFilter filter, BindingResult errors, Model model, Locale locale,
            HttpServletResponse response) {
        Category chosen = category(filter.getCategorie());
        if (filter.getDu() != null && filter.getAu() != null && filter.getAu().isBefore(filter.getDu())) {
            errors.rejectValue("au", "agenda.filter.range");
        }
        model.addAttribute("categories", Category.values());
        model.addAttribute("neighbourhoods", neighbourhoods.all());
        model.addAttribute("categorie", chosen);
        model.addAttribute("filterRejected", errors.hasErrors());
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("cards", java.util.List.of());
            model.addAttribute("page", 0);
            model.addAttribute("hasNext", false);
            return "agenda/list";
        }
        // the list is of what is to come: a start in the past begins now
        Instant now = clock.instant();
        Instant from = filter.getDu() == null ? now : max(now, filter.getDu().atStartOfDay(CommuneTime.ZONE).toInstant());
        Instant to = filter.getAu() == null ? from.plus(EventRepository.HORIZON)
                : filter.getAu().plusDays(1).atStartOfDay(CommuneTime.ZONE).toInstant();
        int page = filter.page();
        var found = events.findEachOnce(from, to,
                new EventRepository.Filter(chosen, filter.getQuartier(), filter.isGratuit()), (page + 1) * PAGE + 1);
        var shown = found.stream().skip((long) page * PAGE).limit(PAGE)
                .map(o -> new Card(o, scheduleWords.of(o.event(), locale))).toList();
        model.addAttribute("cards", shown);
        model.addAttribute("page", page);
        model.addAttribute("hasNext", found.size() > (page + 1) * PAGE);
        model.addAttribute("pageQuery", filter.query());
        return "agenda/list";
    }

    /** The event of the address, loaded once per request; none on the other addresses. */
    @ModelAttribute("event")
    Event event(@PathVariable(name = "id", required = false) Long id) {
        return id == null ? null : events.find(id).orElseThrow(NotFoundException::new);
    }

    @GetMapping("/agenda/{id}")
    String show(@ModelAttribute(name = "event", binding = false) Event event, Model model, Locale locale) {
        if (!model.containsAttribute("form")) {
            var form = new RegistrationForm();
            SignedInUser.current().flatMap(user -> accounts.find(user.accountId())).ifPresent(account -> {
                form.setName(account.displayName());
                form.setEmail(account.email());
            });
            model.addAttribute("form", form);
        }
        return eventPage(event, model, locale);
    }

    private String eventPage(Event event, Model model, Locale locale) {
        model.addAttribute("schedule", scheduleWords.of(event, locale));
        Instant now = clock.instant();
        var next = Recurrence.of(event)
                .map(r -> r.occurrences(event, now, now.plus(EventRepository.HORIZON), NEXT_DATES))
                .orElse(java.util.List.of());
        model.addAttribute("event", event);
        model.addAttribute("nextDates", next);
        model.addAttribute("jsonLd", jsonLd.write(event, next.isEmpty() ? Occurrence.first(event) : next.getFirst()));
        model.addAttribute("past", !event.startsAt().isAfter(clock.instant()));
        model.addAttribute("neighbourhood",
                event.neighbourhoodId() == null ? null : neighbourhoods.find(event.neighbourhoodId()).orElse(null));
        if (event.needsRegistration()) {
            long confirmed = desk.confirmedCount(event.id());
            model.addAttribute("seatsLeft", Math.max(0, event.capacity() - confirmed));
            model.addAttribute("waiting", desk.waitingCount(event.id()));
        }
        return "agenda/event";
    }

    @PostMapping("/agenda/{id}/inscription")
    String register(@ModelAttribute(name = "event", binding = false) Event event,
            @Validated @ModelAttribute("form") RegistrationForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletRequest request, Locale locale) {
        if (!errors.hasErrors() && !limits.tryConsume("agenda-registration:" + request.getRemoteAddr(),
                REGISTRATIONS_PER_HOUR, Duration.ofHours(1))) {
            errors.reject("rate.limited");
        }
        Outcome outcome = errors.hasErrors() ? null
                : desk.register(event.id(), form.getName(), form.getEmail(),
                        SignedInUser.current().map(SignedInUser::accountId).orElse(null));
        if (outcome == Outcome.ALREADY_REGISTERED) {
            errors.rejectValue("email", "agenda.registration.already");
        } else if (outcome == Outcome.NO_REGISTRATION || outcome == Outcome.PAST) {
            errors.reject("agenda.registration.closed");
        }
        if (errors.hasErrors()) {
            return eventPage(event, model, locale);
        }
        redirect.addFlashAttribute("saved", outcome == Outcome.CONFIRMED ? "agenda.registration.confirmed"
                : "agenda.registration.waiting");
        return "redirect:/agenda/" + event.id();
    }

    /** The mailed link opens a page with a button, so that a mail scanner following links cancels nothing. */
    @GetMapping("/agenda/inscription/annulation")
    String cancelPage(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var registration = desk.findActive(token);
        if (registration.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "agenda/cancel";
        }
        model.addAttribute("token", token);
        model.addAttribute("event", events.find(registration.get().eventId()).orElseThrow());
        return "agenda/cancel";
    }

    @PostMapping("/agenda/inscription/annulation")
    String cancel(@RequestParam(name = "jeton", required = false) String token, Model model,
            HttpServletResponse response) {
        var cancelled = desk.cancel(token);
        if (cancelled.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalid", true);
            return "agenda/cancel";
        }
        model.addAttribute("cancelled", true);
        model.addAttribute("event", events.find(cancelled.get().eventId()).orElseThrow());
        return "agenda/cancel";
    }

    /**
     * Cancels, from the person's account, one of their registrations: the same cancellation as the mailed link's
     * (the first person waiting takes the seat). A registration that is not theirs answers 404.
     */
    @PostMapping("/agenda/inscriptions/{id}/annulation")
    @PreAuthorize("isAuthenticated()")
    String cancelFromAccount(@PathVariable long id, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        desk.cancelOf(accounts.dataSubject(user.accountId()), id).orElseThrow(NotFoundException::new);
        redirect.addFlashAttribute("saved", "agenda.account.cancelled");
        return "redirect:/mon-compte";
    }

    /** The month's programme on one page, to print for the notice board and for residents without internet. */
    @GetMapping("/agenda/mois/{month}")
    String month(@PathVariable String month, Model model) {
        YearMonth chosen = month(month);
        model.addAttribute("month", chosen);
        model.addAttribute("days", events.findStartingIn(chosen, MONTH_LIMIT).stream()
                .collect(Collectors.groupingBy(o -> LocalDate.ofInstant(o.startsAt(), CommuneTime.ZONE), TreeMap::new,
                        Collectors.toList())));
        model.addAttribute("previous", chosen.minusMonths(1));
        model.addAttribute("next", chosen.plusMonths(1));
        return "agenda/month";
    }

    @GetMapping("/agenda/mois")
    String currentMonth() {
        return "redirect:/agenda/mois/" + YearMonth.now(clock.withZone(CommuneTime.ZONE));
    }

    /** A month from the address; anything else is a page that does not exist. */
    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFoundException();
        }
    }

    @GetMapping(value = "/agenda.ics")
    ResponseEntity<String> calendar(@RequestParam(name = "categorie", required = false) String category) {
        Category chosen = category(category);
        var list = events.findCurrent(clock.instant().minus(Duration.ofDays(30)),
                new EventRepository.Filter(chosen, null, false), 1000);
        String body = feed.write(commune.settings().name(), list,
                publicAddress.base());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8")).body(body);
    }

    private static Category category(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return Category.fromSlug(slug).orElseThrow(NotFoundException::new);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
