package org.beffroi.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The commune's time: the zone its dates are told in and the formats its pages and mail write them with, in one
 * place for Java and for templates, which reach the same through {@code #site} (ADR 0034).
 */
public final class CommuneTime {

    /** The commune's zone: every commune served today is in metropolitan France. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** 6 décembre 2026 */
    public static final String DATE = "d MMMM yyyy";
    /** 6 décembre 2026, 14:30 */
    public static final String DATE_TIME = "d MMMM yyyy, HH:mm";
    /** dimanche 6 décembre 2026, 14:30 */
    public static final String DAY_DATE_TIME = "EEEE d MMMM yyyy, HH:mm";
    /** dimanche 6 décembre, 14h30: an event in a newsletter */
    public static final String DAY_TIME = "EEEE d MMMM, HH'h'mm";
    /** 06/12/2026 */
    public static final String NUMERIC_DATE = "dd/MM/yyyy";
    /** 06/12/2026 14:30: the back office's lists */
    public static final String NUMERIC_DATE_TIME = "dd/MM/yyyy HH:mm";
    /** 14:30 */
    public static final String TIME = "HH:mm";

    private CommuneTime() {
    }

    /** The moment as the commune's clocks show it, written with the pattern in the reader's language. */
    public static String format(Instant moment, String pattern, Locale locale) {
        return DateTimeFormatter.ofPattern(pattern, locale).format(moment.atZone(ZONE));
    }
}
