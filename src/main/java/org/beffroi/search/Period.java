package org.beffroi.search;

import java.time.Instant;
import java.time.LocalDate;

import org.beffroi.platform.CommuneTime;

/**
 * Where a document's date falls, seen from now in the commune's time zone: the date facet. An event
 * still to come is upcoming, whatever its month.
 */
public enum Period {
    UPCOMING, THIS_MONTH, THIS_YEAR, OLDER;


    /** The period of a date, seen from {@code now}. */
    public static Period of(Instant date, Instant now) {
        long millis = date.toEpochMilli();
        for (Period period : values()) {
            if (period.contains(millis, now)) {
                return period;
            }
        }
        throw new IllegalStateException("periods cover every date");
    }

    /** Whether a date, in milliseconds since the epoch, falls in this period seen from {@code now}. */
    public boolean contains(long epochMilli, Instant now) {
        return epochMilli >= from(now) && epochMilli < until(now);
    }

    /** First millisecond of the period, inclusive. The periods follow each other without gap or overlap. */
    public long from(Instant now) {
        return switch (this) {
            case UPCOMING -> now.toEpochMilli() + 1;
            case THIS_MONTH -> startOfMonth(now);
            case THIS_YEAR -> startOfYear(now);
            case OLDER -> Long.MIN_VALUE;
        };
    }

    /** First millisecond after the period, exclusive. */
    public long until(Instant now) {
        return switch (this) {
            case UPCOMING -> Long.MAX_VALUE;
            case THIS_MONTH -> now.toEpochMilli() + 1;
            case THIS_YEAR -> startOfMonth(now);
            case OLDER -> startOfYear(now);
        };
    }

    private static long startOfMonth(Instant now) {
        return LocalDate.ofInstant(now, CommuneTime.ZONE).withDayOfMonth(1).atStartOfDay(CommuneTime.ZONE).toInstant().toEpochMilli();
    }

    private static long startOfYear(Instant now) {
        return LocalDate.ofInstant(now, CommuneTime.ZONE).withDayOfYear(1).atStartOfDay(CommuneTime.ZONE).toInstant().toEpochMilli();
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "search.period." + slug();
    }

    /** The period named by a slug of the address, or null when there is none such. */
    public static Period fromSlug(String slug) {
        for (Period p : values()) {
            if (p.slug().equals(slug)) {
                return p;
            }
        }
        return null;
    }
}
