package org.beffroi.agenda.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;

import org.beffroi.agenda.Event;
import org.beffroi.platform.CommuneTime;
import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The agenda as iCalendar (RFC 5545), for calendar applications; written by ical4j. */
@Component
public class CalendarFeed {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    public String write(String calendarName, List<Event> events, String baseUrl) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Beffroi//Agenda//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", calendarName));
        String host = URI.create(baseUrl).getHost();
        boolean zoneAdded = false;
        for (Event event : events) {
            var recurrence = Recurrence.of(event);
            VEvent vevent;
            if (recurrence.isPresent()) {
                // a series repeats in local time (18:00 stays 18:00 in summer): its dates carry the zone, defined once
                if (!zoneAdded) {
                    calendar.add(ZONES.getTimeZone(CommuneTime.ZONE.getId()).getVTimeZone());
                    zoneAdded = true;
                }
                vevent = new VEvent(event.startsAt().atZone(CommuneTime.ZONE), event.endsAt().atZone(CommuneTime.ZONE),
                        event.title());
                vevent.add(new RRule<>(recurrence.get().text()));
            } else {
                // a single date in UTC: every calendar reads it without a time-zone definition
                vevent = new VEvent(event.startsAt().atOffset(ZoneOffset.UTC), event.endsAt().atOffset(ZoneOffset.UTC),
                        event.title());
            }
            vevent.add(new Uid("event-" + event.id() + "@" + host));
            vevent.add(new Description(event.description()));
            vevent.add(new Location(event.place()));
            vevent.add(new Categories(event.category().name()));
            vevent.add(new Url(URI.create(baseUrl + "/agenda/" + event.id())));
            if (event.position() != null) {
                vevent.add(new Geo(BigDecimal.valueOf(event.position().latitude()),
                        BigDecimal.valueOf(event.position().longitude())));
            }
            calendar.add(vevent);
        }
        var out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
