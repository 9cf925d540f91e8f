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
 * {@code #site} writes a date exactly as the pages wrote it before with {@code #temporals} and the zone spelt out, in
 * winter and in summer time, in French and in English; and it gives the public address.
 */
class SiteDialectTest {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    SiteDialectTest() {
        var resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.TEXT);
        engine.setTemplateResolver(resolver);
        engine.addDialect(new SiteDialect(new PublicAddress(
                new MockEnvironment().withProperty("beffroi.base-url", "https://mairie.example"))));
    }

    @ParameterizedTest
    @CsvSource({"2026-01-15T17:05:00Z, fr", "2026-07-14T21:45:00Z, fr", "2026-07-14T21:45:00Z, en", "2026-03-29T00:30:00Z, en"})
    void namedFormatsWriteWhatThePagesWrote(Instant moment, Locale locale) {
        var named = Map.of("date", "d MMMM yyyy", "dateTime", "d MMMM yyyy, HH:mm", "dayDateTime", "EEEE d MMMM yyyy, HH:mm",
                "dayTime", "EEEE d MMMM, HH''h''mm", "numericDate", "dd/MM/yyyy", "numericDateTime", "dd/MM/yyyy HH:mm",
                "time", "HH:mm");
        named.forEach((method, pattern) -> assertThat(render("[(${#site." + method + "(moment)})]", moment, locale))
                .as(method).isEqualTo(render("[(${#temporals.format(moment, '" + pattern + "', 'Europe/Paris')})]", moment, locale)));
        assertThat(render("[(${#site.format(moment, 'EEEE d MMMM, HH:mm')})]", moment, locale))
                .isEqualTo(render("[(${#temporals.format(moment, 'EEEE d MMMM, HH:mm', 'Europe/Paris')})]", moment, locale));
    }

    @ParameterizedTest
    @CsvSource({"2026-01-15T17:05:00Z, fr, 15 janvier 2026 à 18:05", "2026-07-14T21:45:00Z, en, 14 July 2026 à 23:45"})
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
