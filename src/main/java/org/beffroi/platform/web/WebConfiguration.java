package org.beffroi.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.beffroi.platform.Degrees;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** French first, English by a switch; each module brings its own message bundle under {@code i18n/<module>/}. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT_LOCALE = Locale.FRENCH;

    /** Mail written by background jobs, outside any request, is in the commune's language, not the server's. */
    WebConfiguration() {
        LocaleContextHolder.setDefaultLocale(DEFAULT_LOCALE);
    }

    @Bean
    MessageSource messageSource() {
        var source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(moduleBundles());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(DEFAULT_LOCALE);
        // every message goes through MessageFormat, with or without arguments: one escaping rule for all
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /** Found on the classpath, so a new module's messages need no registration. */
    private static String[] moduleBundles() {
        try {
            var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages_fr.properties");
            return Arrays.stream(resources)
                    .map(r -> {
                        try {
                            String url = r.getURL().toString();
                            String module = url.replaceAll(".*/i18n/([^/]+)/messages_fr\\.properties$", "$1");
                            return "classpath:i18n/" + module + "/messages";
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .distinct().sorted().toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        var resolver = new CookieLocaleResolver("beffroi-lang");
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(secure); // as the session's cookie: Secure in production
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    /** Coordinates typed with a comma or a point, on every form ({@link Degrees}). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new Degrees.Format());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new InvalidFormStatus());
    }
}
