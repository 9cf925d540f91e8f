package org.beffroi.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.web.VisitorPageCache.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page kept for anonymous visitors (ADR 0020), answered before Spring Security's chain and Spring MVC (ADR 0035):
 * a GET or HEAD that brings no session, no flash message and no credentials, for a page {@link VisitorPageFilter}
 * has kept, is answered from memory with the page's validator and caching headers, and the security headers
 * written by the security chain's own header writers. Anything else goes on through the chain, where
 * {@link VisitorPageFilter} renders, keeps and marks pages as before.
 * <p>
 * Placed right after Spring Session's filter, so that "no session" means what it means everywhere else; the only
 * way to be signed in is a session (a form or an OpenID Connect sign-in), and a request with an
 * {@code Authorization} header goes through the chain all the same. A page is kept only once the chain has let an
 * anonymous visitor read it, under the same path and query: the authorisation rules, which depend on the path
 * only, have answered for it already.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
@RequiredArgsConstructor
class KeptPageFilter extends OncePerRequestFilter {

    private final VisitorPageFilter pages;
    private final ObjectProvider<FilterChainProxy> security;
    /** Each security chain with the filter that writes its headers; looked up on first use. */
    private volatile List<HeaderWriters> headerWriters;

    private record HeaderWriters(SecurityFilterChain chain, Filter writer) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Page page = VisitorPageFilter.mayBeTheSameForEveryVisitor(request)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null ? pages.keptPageFor(request) : null;
        Filter headers = page == null ? null : securityHeadersFor(request);
        if (headers == null) {
            chain.doFilter(request, response);
            return;
        }
        // the security chain's header writers write on this answer as on any other, when it is committed
        headers.doFilter(request, response, (headed, answer) -> pages.serve(page, (HttpServletRequest) headed,
                (HttpServletResponse) answer));
    }

    /** The header filter of the security chain this request would go through; null if it has none. */
    private Filter securityHeadersFor(HttpServletRequest request) {
        List<HeaderWriters> known = headerWriters;
        if (known == null) {
            known = new ArrayList<>();
            FilterChainProxy proxy = security.getIfAvailable();
            for (SecurityFilterChain chain : proxy == null ? List.<SecurityFilterChain>of() : proxy.getFilterChains()) {
                Filter writer = chain.getFilters().stream().filter(HeaderWriterFilter.class::isInstance).findFirst()
                        .orElse(null);
                known.add(new HeaderWriters(chain, writer));
            }
            headerWriters = known = List.copyOf(known);
        }
        for (HeaderWriters candidate : known) {
            if (candidate.chain().matches(request)) {
                return candidate.writer(); // the first chain that matches is the one the request would take
            }
        }
        return null;
    }
}
