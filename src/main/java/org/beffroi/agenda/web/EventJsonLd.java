package org.beffroi.agenda.web;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;

import lombok.RequiredArgsConstructor;

import org.beffroi.agenda.Event;
import org.beffroi.agenda.Occurrence;
import org.beffroi.agenda.internal.Recurrence;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.JsonLd;
import org.beffroi.platform.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * schema.org {@code Event} in JSON-LD for an event's page, so that search engines and assistants read it.
 * A recurring event gives its next date as start and end, and its rule as an {@code eventSchedule}.
 */
@Component
@RequiredArgsConstructor
class EventJsonLd {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PublicAddress publicAddress;

    String write(Event event, Occurrence next) {
        var place = new LinkedHashMap<String, Object>();
        place.put("@type", "Place");
        place.put("name", event.place());
        if (event.position() != null) {
            var geo = new LinkedHashMap<String, Object>();
            geo.put("@type", "GeoCoordinates");
            geo.put("latitude", event.position().latitude());
            geo.put("longitude", event.position().longitude());
            place.put("geo", geo);
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Event");
        data.put("name", event.title());
        data.put("description", event.description());
        data.put("startDate", next.startsAt().toString());
        data.put("endDate", next.endsAt().toString());
        Recurrence.of(event).ifPresent(r -> data.put("eventSchedule", schedule(event, r.schedule())));
        data.put("eventStatus", "https://schema.org/EventScheduled");
        data.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        data.put("location", place);
        data.put("isAccessibleForFree", event.free());
        data.put("url", publicAddress.of("/agenda/" + event.id()));
        if (event.capacity() != null) {
            data.put("maximumAttendeeCapacity", event.capacity());
        }
        return JsonLd.script(data);
    }

    private static LinkedHashMap<String, Object> schedule(Event event, Recurrence.Schedule rule) {
        var start = event.startsAt().atZone(CommuneTime.ZONE);
        var end = event.endsAt().atZone(CommuneTime.ZONE);
        var schedule = new LinkedHashMap<String, Object>();
        schedule.put("@type", "Schedule");
        schedule.put("repeatFrequency", rule.repeatFrequency());
        if (!rule.byDay().isEmpty()) {
            schedule.put("byDay", rule.byDay().stream().map(d -> "https://schema.org/"
                    + d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)).toList());
        }
        schedule.put("startDate", start.toLocalDate().toString());
        if (rule.endDate() != null) {
            schedule.put("endDate", rule.endDate().toString());
        }
        if (rule.repeatCount() != null) {
            schedule.put("repeatCount", rule.repeatCount());
        }
        schedule.put("startTime", TIME.format(start));
        schedule.put("endTime", TIME.format(end));
        schedule.put("scheduleTimezone", CommuneTime.ZONE.getId());
        return schedule;
    }
}
