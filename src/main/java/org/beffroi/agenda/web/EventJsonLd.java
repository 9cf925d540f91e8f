package org.beffroi.agenda.web;

import java.util.LinkedHashMap;

import org.beffroi.agenda.Event;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** schema.org {@code Event} in JSON-LD for an event's page, so that search engines and assistants read it. */
@Component
class EventJsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;

    EventJsonLd(Environment environment) {
        this.environment = environment;
    }

    String write(Event event) {
        var place = new LinkedHashMap<String, Object>();
        place.put("@type", "Place");
        place.put("name", event.place());
        var data = new LinkedHashMap<String, Object>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Event");
        data.put("name", event.title());
        data.put("description", event.description());
        data.put("startDate", event.startsAt().toString());
        data.put("endDate", event.endsAt().toString());
        data.put("eventStatus", "https://schema.org/EventScheduled");
        data.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        data.put("location", place);
        data.put("isAccessibleForFree", event.free());
        data.put("url", environment.getProperty("beffroi.base-url", "http://localhost:8080") + "/agenda/" + event.id());
        if (event.capacity() != null) {
            data.put("maximumAttendeeCapacity", event.capacity());
        }
        // "</" would end the script element early: written as "<\/", which JSON reads the same
        return JSON.writeValueAsString(data).replace("</", "<\\/");
    }
}
