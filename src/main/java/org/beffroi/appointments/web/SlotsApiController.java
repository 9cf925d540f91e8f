package org.beffroi.appointments.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.beffroi.appointments.internal.Counters;
import org.beffroi.appointments.internal.Slots;
import org.beffroi.platform.CommuneTime;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The free slots of a meeting type as JSON, for a national or intercommunal search engine: {@code GET
 * /api/rendez-vous/creneaux?type=…&du=…&au=…}, described by the OpenAPI 3 document served at
 * {@code /api/rendez-vous/openapi.json}. Bad parameters answer 400 with a problem detail (RFC 9457); an unknown
 * type 404.
 */
@RestController
class SlotsApiController {

    /** The most days one question covers. */
    static final int MAX_DAYS = 31;

    private final Counters counters;
    private final Slots slots;
    private final MessageSource messages;
    private final Clock clock;

    SlotsApiController(Counters counters, Slots slots, MessageSource messages, Clock clock) {
        this.counters = counters;
        this.slots = slots;
        this.messages = messages;
        this.clock = clock;
    }

    /** One free slot: start and end, ISO-8601 with the commune's offset. */
    record FreeSlot(String start, String end) {
    }

    record Answer(String type, String name, int durationMinutes, String counter, String place, String bookingUrl,
            List<FreeSlot> slots) {
    }

    @GetMapping(value = "/api/rendez-vous/creneaux", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> slots(@RequestParam(name = "type", required = false) String slug,
            @RequestParam(name = "du", required = false) String from,
            @RequestParam(name = "au", required = false) String to, Locale locale) {
        if (slug == null || slug.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "appointments.api.type.missing", locale);
        }
        var type = counters.type(slug);
        if (type.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "appointments.api.type.unknown", locale);
        }
        LocalDate today = LocalDate.now(clock.withZone(CommuneTime.ZONE));
        LocalDate first;
        LocalDate last;
        try {
            first = from == null || from.isBlank() ? today : LocalDate.parse(from);
            last = to == null || to.isBlank() ? first.plusDays(6) : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            return problem(HttpStatus.BAD_REQUEST, "appointments.api.date.invalid", locale);
        }
        if (last.isBefore(first)) {
            return problem(HttpStatus.BAD_REQUEST, "appointments.api.range.reversed", locale);
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            return problem(HttpStatus.BAD_REQUEST, "appointments.api.range.long", locale);
        }
        var counter = counters.counter(type.get().agendaId()).orElseThrow();
        var free = slots.free(type.get(), first, last).stream()
                .map(s -> new FreeSlot(s.startsAt().atZone(CommuneTime.ZONE).toOffsetDateTime().toString(),
                        s.endsAt().atZone(CommuneTime.ZONE).toOffsetDateTime().toString()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new Answer(type.get().slug(), type.get().name(), type.get().durationMinutes(), counter.name(),
                        counter.place(), "/rendez-vous/" + type.get().slug(), free));
    }

    /** The OpenAPI 3 document of this API. */
    @GetMapping(value = "/api/rendez-vous/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<org.springframework.core.io.Resource> openApi() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .body(new org.springframework.core.io.ClassPathResource("appointments/openapi.json"));
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale) {
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        problem.setDetail(messages.getMessage(key, new Object[] {MAX_DAYS}, locale));
        problem.setInstance(URI.create("/api/rendez-vous/creneaux"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
