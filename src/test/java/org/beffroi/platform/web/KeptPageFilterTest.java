package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

import jakarta.servlet.FilterChain;

/**
 * A kept page is answered before the security chain and the application, with the security chain's own headers,
 * and only to a request that brings no session, no flash message and no credentials.
 */
class KeptPageFilterTest {

    private final VisitorPageFilter pages = VisitorPageFilterTest.filterKeeping("/essai");
    private final KeptPageFilter filter = new KeptPageFilter(pages, securityChainWriting("X-Essai", "oui"));
    private final AtomicInteger throughTheChain = new AtomicInteger();
    private final FilterChain application = (request, response) -> {
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write("<p>Une page</p>".getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void aKeptPageIsAnsweredWithoutTheChainWithTheSecurityChainsHeaders() throws Exception {
        var first = visit(request -> { });
        assertThat(throughTheChain).hasValue(1);
        assertThat(first.getHeader("X-Essai")).isNull(); // rendered here without the security chain

        for (String method : new String[] {"GET", "HEAD"}) {
            var again = visit(request -> request.setMethod(method));
            assertThat(throughTheChain).as(method).hasValue(1);
            assertThat(again.getStatus()).as(method).isEqualTo(200);
            assertThat(again.getHeader("X-Essai")).as(method).isEqualTo("oui");
            assertThat(again.getHeader("Cache-Control")).as(method).isEqualTo(first.getHeader("Cache-Control"));
            assertThat(again.getHeader("ETag")).as(method).isEqualTo(first.getHeader("ETag"));
            assertThat(again.getContentAsString()).as(method)
                    .isEqualTo("GET".equals(method) ? first.getContentAsString() : "");
        }

        var notModified = visit(request -> request.addHeader("If-None-Match", first.getHeader("ETag")));
        assertThat(throughTheChain).hasValue(1);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getHeader("X-Essai")).isEqualTo("oui");
    }

    @Test
    void aRequestThatMayBeSomeonesGoesThroughTheChain() throws Exception {
        visit(request -> { });
        List<Consumer<MockHttpServletRequest>> someones = List.of(
                request -> request.getSession(true),
                request -> request.addHeader("Authorization", "Basic YWdlbnQ6c2VjcmV0"),
                request -> request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, Map.of("saved", "ok")),
                request -> request.setMethod("POST"),
                request -> request.setRequestURI("/autre"));
        for (var someone : someones) {
            int before = throughTheChain.get();
            visit(someone);
            assertThat(throughTheChain).hasValue(before + 1);
        }
    }

    @Test
    void withoutASecurityChainToWriteTheHeadersNothingIsAnsweredEarly() throws Exception {
        var unguarded = new KeptPageFilter(pages, new DefaultListableBeanFactory().getBeanProvider(FilterChainProxy.class));
        visit(request -> { });
        unguarded.doFilter(new MockHttpServletRequest("GET", "/essai"), new MockHttpServletResponse(),
                (passed, answer) -> throughTheChain.incrementAndGet());
        assertThat(throughTheChain).hasValue(2);
    }

    /** A visit through the early filter, then (if it passes the request on, counted) the page filter and the page. */
    private MockHttpServletResponse visit(Consumer<MockHttpServletRequest> asked) throws Exception {
        var request = new MockHttpServletRequest("GET", "/essai");
        asked.accept(request);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (passed, answer) -> {
            throughTheChain.incrementAndGet();
            pages.doFilter(passed, answer, application);
        });
        return response;
    }

    private static org.springframework.beans.factory.ObjectProvider<FilterChainProxy> securityChainWriting(
            String header, String value) {
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("security", new FilterChainProxy(new DefaultSecurityFilterChain(
                AnyRequestMatcher.INSTANCE, new HeaderWriterFilter(List.of(new StaticHeadersWriter(header, value))))));
        return beans.getBeanProvider(FilterChainProxy.class);
    }
}
