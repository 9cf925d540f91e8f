package org.beffroi.platform;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The commune's time: the zone its dates are told in and the formats its pages and mail write them with, in one
 * place for Java and for templates, which reach the same through {@code #site} (ADR 0034).
 * <p>
 * A time of day is written one way on the whole site: in French as typography wants it, « 14 h 30 » and « 8 h »
 * (no minutes when they are zero, non-breaking spaces around the « h »); in English on the 24-hour clock,
 * « 14:30 » and « 08:00 », as the commune's own posters and timetables give it. A date pattern never holds the
 * time: the formats below add it with {@link #time}.
 */
public final class CommuneTime {

    /** The commune's zone: every commune served today is in metropolitan France. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** 6 décembre 2026 */
    public static final String DATE = "d MMMM yyyy";
    /** 06/12/2026 */
    public static final String NUMERIC_DATE = "dd/MM/yyyy";

    /** 6 décembre 2026, 14 h 30 */
    public static final Format DATE_TIME = new Format(DATE, ", ", false);
    /** dimanche 6 décembre 2026, 14 h 30 */
    public static final Format DAY_DATE_TIME = new Format("EEEE d MMMM yyyy", ", ", false);
    /** dimanche 6 décembre, 14 h 30: an event in a newsletter */
    public static final Format DAY_TIME = new Format("EEEE d MMMM", ", ", false);
    /** 06/12/2026 14 h 30: the back office's lists */
    public static final Format NUMERIC_DATE_TIME = new Format(NUMERIC_DATE, " ", false);
    /** 06/12/2026 14 h 30 min 5 s: a log, where the second counts */
    public static final Format NUMERIC_DATE_SECONDS = new Format(NUMERIC_DATE, " ", true);
    /** 14 h 30 */
    public static final Format TIME = new Format(null, "", false);

    private static final char NBSP = '\u00a0';

    /** A date pattern (none for the time alone), what separates it from the time, and whether seconds are told. */
    public record Format(String datePattern, String separator, boolean seconds) {
    }

    private CommuneTime() {
    }

    /** The moment as the commune's clocks show it, written with a date pattern in the reader's language. */
    public static String format(Instant moment, String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).format(moment.atZone(ZONE));
    }

    /** The moment (or local date-time) as the commune's clocks show it, in one of the site's formats. */
    public static String format(Temporal moment, Format format, Locale locale) {
        TemporalAccessor local = local(moment);
        String time = time(LocalTime.from(local), format.seconds(), locale);
        return format.datePattern() == null ? time
                : DateTimeFormatter.ofPattern(format.datePattern(), locale).format(local) + format.separator() + time;
    }

    /** A time of day: « 14 h 30 », « 8 h » in French; « 14:30 », « 08:00 » in English. */
    public static String time(Temporal moment, Locale locale) {
        return time(LocalTime.from(local(moment)), false, locale);
    }

    private static String time(LocalTime time, boolean seconds, Locale locale) {
        if (!"fr".equals(locale.getLanguage())) {
            return DateTimeFormatter.ofPattern(seconds ? "HH:mm:ss" : "HH:mm", Locale.ROOT).format(time);
        }
        var text = new StringBuilder().append(time.getHour()).append(NBSP).append('h');
        if (seconds) {
            text.append(NBSP).append(time.getMinute()).append(NBSP).append("min").append(NBSP)
                    .append(time.getSecond()).append(NBSP).append('s');
        } else if (time.getMinute() != 0) {
            text.append(NBSP).append(String.format(Locale.ROOT, "%02d", time.getMinute()));
        }
        return text.toString();
    }

    /** An instant in the commune's zone; a date-time with an offset moved there; a local one as it is. */
    private static TemporalAccessor local(Temporal moment) {
        return switch (moment) {
            case Instant i -> i.atZone(ZONE);
            case OffsetDateTime t -> t.atZoneSameInstant(ZONE);
            case ZonedDateTime t -> t.withZoneSameInstant(ZONE);
            default -> {
                if (!moment.isSupported(ChronoField.HOUR_OF_DAY)) {
                    throw new IllegalArgumentException("no time of day in " + moment);
                }
                yield moment;
            }
        };
    }
}
