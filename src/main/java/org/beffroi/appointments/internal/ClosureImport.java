package org.beffroi.appointments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

import org.beffroi.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Closures read from an iCalendar file (RFC 5545, parsed by ical4j): each VEVENT of whole days (a DTSTART that is a
 * date, not a date-time) becomes a closure from its first day to the day before its DTEND (a one-day event without
 * DTEND: that day), its SUMMARY the reason. Events with a time are left out, and so are closures already there (same
 * days); a recurrence rule is not expanded (its first occurrence only). The import is one transaction, written to the
 * audit log; a file that is not iCalendar, too large or with too many events is refused whole.
 */
@Service
public class ClosureImport {

    /** The largest file read. */
    public static final long MAX_BYTES = 256 * 1024;
    /** The most events one file may hold. */
    public static final int MAX_EVENTS = 500;

    private static final String DEFAULT_REASON = "Fermeture";

    public record Result(int added, int leftOut) {
    }

    /** Why a file was refused: the key of its message. */
    public static class Refused extends Exception {

        private final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final JdbcClient jdbc;
    private final Counters counters;
    private final AuditLog audit;

    ClosureImport(JdbcClient jdbc, Counters counters, AuditLog audit) {
        this.jdbc = jdbc;
        this.counters = counters;
        this.audit = audit;
    }

    @Transactional(rollbackFor = Refused.class)
    public Result importFile(long counterId, InputStream in, long size) throws Refused {
        if (size <= 0) {
            throw new Refused("admin.appointments.closures.empty");
        }
        if (size > MAX_BYTES) {
            throw new Refused("admin.appointments.closures.too-large");
        }
        List<VEvent> events;
        try {
            var calendar = new CalendarBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
            events = calendar.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast)
                    .toList();
        } catch (IOException | ParserException | RuntimeException notCalendar) {
            throw new Refused("admin.appointments.closures.invalid");
        }
        if (events.size() > MAX_EVENTS) {
            throw new Refused("admin.appointments.closures.too-many");
        }
        var closures = new ArrayList<Closure>();
        int leftOut = 0;
        for (VEvent event : events) {
            var closure = closure(event);
            if (closure == null) {
                leftOut++;
            } else {
                closures.add(closure);
            }
        }
        int added = 0;
        for (Closure closure : closures) {
            boolean there = jdbc.sql("""
                    select count(*) from appointments_closure where agenda_id = ? and first_day = ? and last_day = ?""")
                    .params(counterId, closure.firstDay(), closure.lastDay()).query(Long.class).single() > 0;
            if (there) {
                leftOut++;
            } else {
                counters.addClosure(counterId, closure.firstDay(), closure.lastDay(), closure.reason());
                added++;
            }
        }
        audit.record("appointment.closures-imported", "appointments-counter:" + counterId,
                added + " added, " + leftOut + " left out");
        return new Result(added, leftOut);
    }

    /** The closure of a whole-day event; null for an event with a time, or without a start. */
    private static Closure closure(VEvent event) {
        var start = event.<Temporal>getStartDate().map(d -> d.getDate()).orElse(null);
        if (!(start instanceof LocalDate first)) {
            return null;
        }
        LocalDate last = first;
        var end = event.<Temporal>getEndDate(false).map(d -> d.getDate()).orElse(null);
        if (end != null) {
            if (!(end instanceof LocalDate endDay)) {
                return null;
            }
            last = endDay.isAfter(first) ? endDay.minusDays(1) : first; // DTEND is the day after the last
        }
        String reason = event.getProperty(Property.SUMMARY).map(Property::getValue).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(DEFAULT_REASON);
        return new Closure(first, last, reason.length() > 200 ? reason.substring(0, 200) : reason);
    }
}
