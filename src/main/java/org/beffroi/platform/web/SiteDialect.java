package org.beffroi.platform.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Locale;
import java.util.Set;

import org.beffroi.platform.Addresses;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Money;
import org.beffroi.platform.PublicAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.expression.Temporals;

/**
 * {@code #site} in every template: dates in the commune's zone and formats ({@link CommuneTime}), in the page's
 * language, the site's public address ({@link PublicAddress}), and where maps open ({@link Site#map()}). ADR 0034.
 */
@Component
class SiteDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "site";

    private final PublicAddress address;
    private final MapSettings map;
    private final Addresses addresses;

    SiteDialect(PublicAddress address, Addresses addresses, @Value("${beffroi.map.tiles-url:}") String tilesUrl,
            @Value("${beffroi.map.attribution:}") String attribution, @Value("${beffroi.map.latitude}") double latitude,
            @Value("${beffroi.map.longitude}") double longitude) {
        super("beffroi-site");
        this.address = address;
        this.addresses = addresses;
        this.map = new MapSettings(tilesUrl, attribution, latitude, longitude);
    }

    /** A map's background (tiles' address template, empty for none, and their credit) and where it opens. */
    public record MapSettings(String tilesUrl, String attribution, double latitude, double longitude) {
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? new Site(context.getLocale(), address, map, addresses) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** What a template reads through {@code #site}. */
    public static final class Site {

        private final Temporals temporals;
        private final Locale locale;
        private final PublicAddress address;
        private final MapSettings map;
        private final Addresses addresses;

        Site(Locale locale, PublicAddress address, MapSettings map, Addresses addresses) {
            this.addresses = addresses;
            this.locale = locale;
            this.temporals = new Temporals(locale, CommuneTime.ZONE);
            this.address = address;
            this.map = map;
        }

        /** {@code 6 décembre 2026} */
        public String date(Temporal moment) {
            return format(moment, CommuneTime.DATE);
        }

        /** {@code 6 décembre 2026, 14 h 30} */
        public String dateTime(Temporal moment) {
            return CommuneTime.format(moment, CommuneTime.DATE_TIME, locale);
        }

        /** {@code dimanche 6 décembre 2026, 14 h 30} */
        public String dayDateTime(Temporal moment) {
            return CommuneTime.format(moment, CommuneTime.DAY_DATE_TIME, locale);
        }

        /** {@code dimanche 6 décembre, 14 h 30} */
        public String dayTime(Temporal moment) {
            return CommuneTime.format(moment, CommuneTime.DAY_TIME, locale);
        }

        /** {@code 06/12/2026} */
        public String numericDate(Temporal moment) {
            return format(moment, CommuneTime.NUMERIC_DATE);
        }

        /** {@code 06/12/2026 14 h 30} */
        public String numericDateTime(Temporal moment) {
            return CommuneTime.format(moment, CommuneTime.NUMERIC_DATE_TIME, locale);
        }

        /** {@code 06/12/2026 14 h 30 min 5 s}: a log, where the second counts */
        public String numericDateSeconds(Temporal moment) {
            return CommuneTime.format(moment, CommuneTime.NUMERIC_DATE_SECONDS, locale);
        }

        /** {@code 14 h 30}, {@code 8 h} */
        public String time(Temporal moment) {
            return CommuneTime.time(moment, locale);
        }

        /** An amount in cents, in euros: {@code 25,50 €} */
        public String euros(long cents) {
            return Money.euros(cents, locale);
        }

        /** An hour of the day on the hour: {@code 8 h} */
        public String hour(int hour) {
            return CommuneTime.time(LocalTime.of(hour, 0), locale);
        }

        /**
         * The value of a {@code <time datetime>}: the moment as ISO 8601 to the second, as HTML accepts it (an
         * {@code Instant}'s own text may have six digits of a second, which HTML does not allow).
         */
        public String datetime(Temporal moment) {
            if (moment == null) {
                return null;
            }
            return moment.isSupported(ChronoUnit.SECONDS) ? truncated(moment).toString() : moment.toString();
        }

        private static Temporal truncated(Temporal moment) {
            return switch (moment) {
                case Instant instant -> instant.truncatedTo(ChronoUnit.SECONDS);
                case LocalDateTime local -> local.truncatedTo(ChronoUnit.SECONDS);
                case OffsetDateTime offset -> offset.truncatedTo(ChronoUnit.SECONDS);
                case ZonedDateTime zoned -> zoned.toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
                case LocalTime time -> time.truncatedTo(ChronoUnit.SECONDS);
                default -> moment;
            };
        }

        /** A date format of one page's own (no time of day: the formats above write it), in the commune's zone. */
        public String format(Temporal moment, String pattern) {
            return temporals.format(moment, pattern, CommuneTime.ZONE.getId());
        }

        public ZoneId zone() {
            return CommuneTime.ZONE;
        }

        /** The maps' tiles and the commune's centre, where a map with nothing on it opens. */
        public MapSettings map() {
            return map;
        }

        /** Whether the commune's addresses are imported: the maps' pickers then offer an address search. */
        public boolean addressesKnown() {
            return addresses.any();
        }

        /** The full address of a path of the site, for what leaves it (mail, feeds). */
        public String address(String path) {
            return address.of(path);
        }
    }
}
