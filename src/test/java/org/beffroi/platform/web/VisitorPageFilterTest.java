package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.platform.PrivateAnswers;
import org.beffroi.platform.ServiceModule;
import org.beffroi.platform.ServiceModules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import jakarta.servlet.FilterChain;

/**
 * Which pages are kept for every visitor, and which clients get the page compressed once rather than as it was
 * rendered.
 */
class VisitorPageFilterTest {

    @Test
    void aPageThatCarriesSomethingForThisVisitorOnlyIsNeverKept() throws Exception {
        var filter = filterKeeping("/essai");
        var renders = new AtomicInteger();
        FilterChain withAForm = (request, response) -> {
            renders.incrementAndGet();
            PrivateAnswers.mark(request); // as reading a form's CSRF token does
            page(response);
        };
        visit(filter, "/essai", withAForm);
        visit(filter, "/essai", withAForm);
        assertThat(renders).hasValue(2);

        // the negative control: the same page without it is kept after its first rendering
        FilterChain withoutAForm = (request, response) -> {
            renders.incrementAndGet();
            page(response);
        };
        renders.set(0);
        visit(filter, "/essai", withoutAForm);
        visit(filter, "/essai", withoutAForm);
        assertThat(renders).hasValue(1);
    }

    static VisitorPageFilter filterKeeping(String path) {
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("essai", new ServiceModule() {
            @Override
            public String id() {
                return "essai";
            }

            @Override
            public List<String> pagesForVisitors() {
                return List.of(path);
            }
        });
        var cache = new VisitorPageCache(Clock.fixed(Instant.parse("2030-06-21T10:00:30Z"), ZoneOffset.UTC));
        return new VisitorPageFilter(cache, new ServiceModules(beans.getBeanProvider(ServiceModule.class)),
                new FixedLocaleResolver(Locale.FRENCH), java.time.Duration.ZERO, java.time.Duration.ofSeconds(60));
    }

    private static void visit(VisitorPageFilter filter, String path, FilterChain application) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", path), response, application);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static void page(jakarta.servlet.ServletResponse response) throws java.io.IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write("<p>Une page</p>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void gzipIsSentToClientsThatNameItOrTakeAnyEncoding() {
        assertThat(VisitorPageFilter.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(VisitorPageFilter.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(VisitorPageFilter.acceptsGzip("*")).isTrue();
    }

    @Test
    void gzipIsNotSentToClientsThatDoNotNameItOrRefuseIt() {
        assertThat(VisitorPageFilter.acceptsGzip(null)).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("identity")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("deflate, br")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("gzip;q=0, deflate")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(VisitorPageFilter.acceptsGzip("x-gzip-like")).isFalse();
    }
}
