package org.beffroi.appointments.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicAddress;
import org.springframework.stereotype.Component;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** A booking as an iCalendar event (RFC 5545), for the resident's calendar; written by ical4j. */
@Component
@RequiredArgsConstructor
public class BookingCalendar {

    private final Counters counters;
    private final PublicAddress publicAddress;

    public String write(Booking booking) {
        var counter = counters.counter(booking.agendaId()).orElseThrow();
        String title = booking.typeId() == null ? counter.name()
                : counters.type(booking.typeId()).map(MeetingType::name).orElse(counter.name());
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Beffroi//Rendez-vous//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        var event = new VEvent(booking.startsAt().atOffset(ZoneOffset.UTC), booking.endsAt().atOffset(ZoneOffset.UTC),
                title);
        event.add(new Uid("appointment-" + booking.id() + "@" + URI.create(publicAddress.base()).getHost()));
        event.add(new Location(counter.name() + ", " + counter.place()));
        calendar.add(event);
        var out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
