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

import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.PublicAddress;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.expression.Temporals;

/**
 * {@code #site} in every template: dates in the commune's zone and formats ({@link CommuneTime}), in the page's
 * language, and the site's public address ({@link PublicAddress}). ADR 0034.
 */
@Component
class SiteDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "site";

    private final PublicAddress address;

    SiteDialect(PublicAddress address) {
        super("beffroi-site");
        this.address = address;
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
                return NAME.equals(expressionObjectName) ? new Site(context.getLocale(), address) : null;
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
        private final PublicAddress address;

        Site(Locale locale, PublicAddress address) {
            this.temporals = new Temporals(locale, CommuneTime.ZONE);
            this.address = address;
        }

        /** {@code 6 décembre 2026} */
        public String date(Temporal moment) {
            return format(moment, CommuneTime.DATE);
        }

        /** {@code 6 décembre 2026, 14:30} */
        public String dateTime(Temporal moment) {
            return format(moment, CommuneTime.DATE_TIME);
        }

        /** {@code dimanche 6 décembre 2026, 14:30} */
        public String dayDateTime(Temporal moment) {
            return format(moment, CommuneTime.DAY_DATE_TIME);
        }

        /** {@code dimanche 6 décembre, 14h30} */
        public String dayTime(Temporal moment) {
            return format(moment, CommuneTime.DAY_TIME);
        }

        /** {@code 06/12/2026} */
        public String numericDate(Temporal moment) {
            return format(moment, CommuneTime.NUMERIC_DATE);
        }

        /** {@code 06/12/2026 14:30} */
        public String numericDateTime(Temporal moment) {
            return format(moment, CommuneTime.NUMERIC_DATE_TIME);
        }

        /** {@code 14:30} */
        public String time(Temporal moment) {
            return format(moment, CommuneTime.TIME);
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

        /** A format of one page's own, still in the commune's zone and the page's language. */
        public String format(Temporal moment, String pattern) {
            return temporals.format(moment, pattern, CommuneTime.ZONE.getId());
        }

        public ZoneId zone() {
            return CommuneTime.ZONE;
        }

        /** The full address of a path of the site, for what leaves it (mail, feeds). */
        public String address(String path) {
            return address.of(path);
        }
    }
}
