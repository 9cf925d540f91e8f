package org.beffroi.agenda.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Occurrence;
import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.platform.CommuneTime;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Other views of the same dates: the month as a calendar grid, and the map of upcoming events with a
 * place (the map is drawn by a script from the GeoJSON; the page lists the same events for everyone).
 */
@Controller
@RequiredArgsConstructor
class AgendaViewsController {

    static final MediaType GEO_JSON = MediaType.valueOf("application/geo+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Markers on the map: beyond this the map is unreadable anyway. */
    private static final int MAP_LIMIT = 200;

    private final EventRepository events;
    private final Environment environment;
    private final Clock clock;

    /** A day of the grid: {@code inMonth} is false for the days of the neighbouring months that fill the weeks. */
    record Day(LocalDate date, boolean inMonth, List<Occurrence> occurrences) {
    }

    @GetMapping("/agenda/calendrier/{month}")
    String calendar(@PathVariable String month, Model model) {
        YearMonth chosen = AgendaController.month(month);
        Map<LocalDate, List<Occurrence>> byDay = events.findStartingIn(chosen, AgendaController.MONTH_LIMIT).stream()
                .collect(Collectors.groupingBy(o -> LocalDate.ofInstant(o.startsAt(), CommuneTime.ZONE)));
        // whole weeks, Monday first as in France
        LocalDate first = chosen.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = chosen.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        var weeks = new ArrayList<List<Day>>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            weeks.add(monday.datesUntil(monday.plusWeeks(1))
                    .map(d -> new Day(d, YearMonth.from(d).equals(chosen), byDay.getOrDefault(d, List.of()))).toList());
        }
        model.addAttribute("month", chosen);
        model.addAttribute("weeks", weeks);
        model.addAttribute("today", LocalDate.now(clock.withZone(CommuneTime.ZONE)));
        model.addAttribute("previous", chosen.minusMonths(1));
        model.addAttribute("next", chosen.plusMonths(1));
        return "agenda/calendar";
    }

    @GetMapping("/agenda/calendrier")
    String currentCalendar() {
        return "redirect:/agenda/calendrier/" + YearMonth.now(clock.withZone(CommuneTime.ZONE));
    }

    @GetMapping("/agenda/carte")
    String map(Model model) {
        model.addAttribute("events", placed());
        model.addAttribute("tilesUrl", environment.getProperty("beffroi.map.tiles-url", ""));
        model.addAttribute("tilesAttribution", environment.getProperty("beffroi.map.attribution", ""));
        return "agenda/map";
    }

    /** The same events as the map page's list, as an RFC 7946 FeatureCollection (coordinates: longitude, latitude). */
    @GetMapping("/agenda/carte.geojson")
    ResponseEntity<String> mapData() {
        var features = placed().stream().map(o -> {
            var event = o.event();
            var properties = new LinkedHashMap<String, Object>();
            properties.put("title", event.title());
            properties.put("url", "/agenda/" + event.id());
            properties.put("startsAt", o.startsAt().toString());
            properties.put("endsAt", o.endsAt().toString());
            properties.put("place", event.place());
            var feature = new LinkedHashMap<String, Object>();
            feature.put("type", "Feature");
            feature.put("id", event.id());
            feature.put("geometry", Map.of("type", "Point",
                    "coordinates", List.of(event.position().longitude(), event.position().latitude())));
            feature.put("properties", properties);
            return feature;
        }).toList();
        var collection = new LinkedHashMap<String, Object>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return ResponseEntity.ok().contentType(GEO_JSON).body(JSON.writeValueAsString(collection));
    }

    /** Each upcoming event with a place, once, at its next date: the same for the map and for its list. */
    private List<Occurrence> placed() {
        return events.findNextDates(clock.instant(), new EventRepository.Filter(null, null, false, true), MAP_LIMIT);
    }
}
