package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.beffroi.platform.PublicAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * {@code #site} writes a date exactly as the pages wrote it before with {@code #temporals} and the zone spelt out, and
 * a time of day the site's one way (« 18 h 05 », « 8 h »; « 18:05 » in English), in winter and in summer time; and
 * it gives the public address.
 */
class SiteDialectTest {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    SiteDialectTest() {
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        engine.setTemplateResolver(resolver);
        engine.addDialect(new SiteDialect(new PublicAddress(
                new MockEnvironment().withProperty("beffroi.base-url", "https://mairie.example")), null, "", "", 46.105, 5.33));
    }

    @ParameterizedTest
    @CsvSource({"2026-01-15T17:05:00Z, fr", "2026-07-14T21:45:00Z, fr", "2026-07-14T21:45:00Z, en", "2026-03-29T00:30:00Z, en"})
    void namedDateFormatsWriteWhatThePagesWrote(Instant moment, Locale locale) {
        var named = Map.of("date", "d MMMM yyyy", "numericDate", "dd/MM/yyyy");
        named.forEach((method, pattern) -> assertThat(render("[(${#site." + method + "(moment)})]", moment, locale))
                .as(method).isEqualTo(render("[(${#temporals.format(moment, '" + pattern + "', 'Europe/Paris')})]", moment, locale)));
        assertThat(render("[(${#site.format(moment, 'EEEE d MMMM')})]", moment, locale))
                .isEqualTo(render("[(${#temporals.format(moment, 'EEEE d MMMM', 'Europe/Paris')})]", moment, locale));
    }

    /** « ~ » stands for the non-breaking space around the « h » of a French time. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-01-15T17:05:00Z | fr | 15 janvier 2026, 18~h~05 | jeudi 15 janvier 2026, 18~h~05 | jeudi 15 janvier, 18~h~05 | 15/01/2026 18~h~05 | 18~h~05",
            "2026-06-01T06:00:00Z | fr | 1 juin 2026, 8~h | lundi 1 juin 2026, 8~h | lundi 1 juin, 8~h | 01/06/2026 8~h | 8~h",
            "2026-07-14T21:45:00Z | en | 14 July 2026, 23:45 | Tuesday 14 July 2026, 23:45 | Tuesday 14 July, 23:45 | 14/07/2026 23:45 | 23:45",
            "2026-03-29T00:30:00Z | en | 29 March 2026, 01:30 | Sunday 29 March 2026, 01:30 | Sunday 29 March, 01:30 | 29/03/2026 01:30 | 01:30"})
    void timesAreWrittenOneWayInEachLanguage(Instant moment, Locale locale, String dateTime, String dayDateTime,
            String dayTime, String numericDateTime, String time) {
        var expected = Map.of("dateTime", dateTime, "dayDateTime", dayDateTime, "dayTime", dayTime, "numericDateTime",
                numericDateTime, "time", time);
        expected.forEach((method, text) -> assertThat(render("[(${#site." + method + "(moment)})]", moment, locale))
                .as(method).isEqualTo(text.replace('~', '\u00a0')));
        assertThat(render("[(${#site.hour(8)})]", moment, locale)).isEqualTo(locale.getLanguage().equals("fr") ? "8\u00a0h" : "08:00");
    }

    @ParameterizedTest
    @CsvSource({"2026-01-15T17:05:00Z, fr, 15 janvier 2026 à 18\u00a0h\u00a005", "2026-07-14T21:45:00Z, en, 14 July 2026 à 23:45"})
    void datesAreToldInTheCommunesZone(Instant moment, Locale locale, String expected) {
        assertThat(render("[(${#site.date(moment)})] à [(${#site.time(moment)})]", moment, locale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-04T14:18:03.563646Z, 2026-12-04T14:18:03Z", "2026-12-04T14:18:00Z, 2026-12-04T14:18:00Z"})
    void aTimeElementsValueStopsAtTheSecond(Instant moment, String expected) {
        assertThat(render("[(${#site.datetime(moment)})]", moment, Locale.FRENCH)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"/alertes/12, https://mairie.example/alertes/12"})
    void addressesArePublic(String path, String expected) {
        var context = new Context(Locale.FRENCH, Map.of("path", path));
        assertThat(engine.process("[(${#site.address(path)})]", context)).isEqualTo(expected);
    }

    private String render(String template, Instant moment, Locale locale) {
        return engine.process(template, new Context(locale, Map.of("moment", moment)));
    }
}
