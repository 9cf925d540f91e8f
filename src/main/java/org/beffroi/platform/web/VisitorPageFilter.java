package org.beffroi.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.beffroi.platform.PrivateAnswers;
import org.beffroi.platform.ServiceModules;
import org.beffroi.platform.web.VisitorPageCache.Key;
import org.beffroi.platform.web.VisitorPageCache.Page;
import org.beffroi.platform.web.VisitorPageCache.Render;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves anonymous visitors the pages the modules declare ({@code pagesForVisitors}) from
 * {@link VisitorPageCache}, rendering each once (ADR 0020). Placed after Spring Security's chain, which
 * still runs for every request: the security headers are on every answer, and the person is known here. A
 * page is kept only if its rendering neither made a session, nor set a cookie, nor put in something for this
 * visitor only ({@link PrivateAnswers}: a form's CSRF token, which may come from a cookie the visitor already
 * had), and answered 200 with HTML.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class VisitorPageFilter extends OncePerRequestFilter {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final VisitorPageCache cache;
    private final ServiceModules modules;
    private final LocaleResolver locales;
    private volatile List<PathPattern> pages;

    VisitorPageFilter(VisitorPageCache cache, ServiceModules modules, LocaleResolver localeResolver) {
        this.cache = cache;
        this.modules = modules;
        this.locales = localeResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Key key = keyFor(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Page page = cache.find(key);
        if (page != null) {
            serve(page, request, response);
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response); // a HEAD answer has no body to keep
            return;
        }
        Render render = cache.start();
        var rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendered);
        if (isTheSameForEveryVisitor(request, rendered)) {
            // the language the page was rendered in (DispatcherServlet sets it), for its Content-Language
            cache.keep(key, render, rendered.getContentAsByteArray(), rendered.getContentType(), rendered.getLocale());
        }
        rendered.copyBodyToResponse();
    }

    /** The page's key for an anonymous visitor on a declared page; null when it must be rendered for this request. */
    private Key keyFor(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || !isDeclared(request)
                // the language switch sets its cookie: that answer is for this visitor only
                || request.getParameter("lang") != null
                || request.getSession(false) != null || !isAnonymous()) {
            return null;
        }
        Locale locale;
        try {
            locale = locales.resolveLocale(request);
        } catch (IllegalStateException invalidCookie) {
            return null; // answered as before, by the application
        }
        return new Key(request.getRequestURI(), request.getQueryString(), locale);
    }

    private boolean isDeclared(HttpServletRequest request) {
        if (pages == null) {
            // on first use: the modules are looked up lazily
            pages = modules.pagesForVisitors().stream().map(PathPatternParser.defaultInstance::parse).toList();
        }
        var path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return pages.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static boolean isAnonymous() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || TRUST.isAnonymous(authentication);
    }

    private static boolean isTheSameForEveryVisitor(HttpServletRequest request, HttpServletResponse rendered) {
        return rendered.getStatus() == HttpServletResponse.SC_OK && rendered.getContentType() != null
                && rendered.getContentType().startsWith("text/html") && request.getSession(false) == null
                && rendered.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() && !PrivateAnswers.isMarked(request)
                && isAnonymous();
    }

    private static void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzipped() : page.html();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setLocale(page.language());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            // already compressed once: the server does not compress an answer that has an encoding
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** Whether the client takes gzip: named in Accept-Encoding (or *) and not refused with q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return parts.length == 1 || !parts[1].strip().matches("(?i)q\\s*=\\s*0(\\.0{0,3})?");
            }
        }
        return false;
    }
}
