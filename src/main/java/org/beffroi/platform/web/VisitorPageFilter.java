package org.beffroi.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beffroi.platform.PrivateAnswers;
import org.beffroi.platform.ServiceModules;
import org.beffroi.platform.web.VisitorPageCache.Key;
import org.beffroi.platform.web.VisitorPageCache.Page;
import org.beffroi.platform.web.VisitorPageCache.Render;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages for anonymous visitors. Serves the pages the modules declare ({@code pagesForVisitors}) from
 * {@link VisitorPageCache}, rendering each once (ADR 0020), and tells reverse proxies and browsers which pages
 * they may keep (ADR 0030): an answer the same for every visitor is public — a shared cache keeps it a
 * minute, a browser asks again each time — with a weak ETag that a repeated visit gets a 304 for. Placed after Spring Security's chain: the
 * security headers are on every answer, and the person is known here; everything else is kept by nobody (the chain
 * writes {@code private, no-store}). Most hits of a kept page are answered before the chain, by
 * {@link KeptPageFilter} (ADR 0035).
 * <p>
 * An answer is the same for every visitor when nobody is signed in, the request came without a session or a
 * flash message, and the rendering answered 200 with HTML, made no session, set no cookie, wrote no hidden
 * thing for this visitor only ({@link PrivateAnswers}: a form's CSRF token, which may come from a cookie the
 * visitor already had) and said nothing of its
 * own about caching. Only HTML is held back to decide; other bodies go through as they are written.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class VisitorPageFilter extends OncePerRequestFilter {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    /**
     * A shared cache keeps a copy per cookie (language, session), per encoding, and apart for htmx, which asks
     * for fragments at a page's own address.
     */
    private static final String VARY = "Cookie, Accept-Encoding, HX-Request";

    private final VisitorPageCache cache;
    private final ServiceModules modules;
    private final LocaleResolver locales;
    private final String cacheControl;
    private volatile List<PathPattern> pages;

    VisitorPageFilter(VisitorPageCache cache, ServiceModules modules, LocaleResolver localeResolver,
            @Value("${beffroi.pages.max-age:0s}") Duration maxAge,
            @Value("${beffroi.pages.shared-max-age:60s}") Duration sharedMaxAge) {
        this.cache = cache;
        this.modules = modules;
        this.locales = localeResolver;
        var control = CacheControl.maxAge(maxAge).cachePublic();
        this.cacheControl = (sharedMaxAge == null ? control : control.sMaxAge(sharedMaxAge)).getHeaderValue();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!mayBeTheSameForEveryVisitor(request)) {
            chain.doFilter(request, response);
            return;
        }
        Key key = keyFor(request);
        Page page = key == null ? null : cache.find(key);
        if (page != null) {
            serve(page, request, response);
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response); // a HEAD answer has no body to keep or to tag
            return;
        }
        Render render = key == null ? null : cache.start();
        var rendered = new HtmlCapture(response);
        chain.doFilter(request, rendered);
        byte[] html = rendered.html();
        if (html != null && isTheSameForEveryVisitor(request, rendered)) {
            String etag = etagOf(html);
            if (key != null) {
                // the language the page was rendered in (DispatcherServlet sets it), for its Content-Language
                cache.keep(key, render, html, etag, rendered.getContentType(), rendered.getLocale());
            }
            if (shareAndCheck(etag, request, response)) {
                return; // 304: the visitor's copy is this page
            }
        }
        rendered.send();
    }

    /** Before rendering: only a GET or HEAD of someone not signed in, who brings no session nor flash message. */
    static boolean mayBeTheSameForEveryVisitor(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && request.getSession(false) == null
                && isAnonymous() && !hasFlashMessage(request);
    }

    /** The page kept for this request, if there is one; null when it must be rendered. */
    Page keptPageFor(HttpServletRequest request) {
        Key key = keyFor(request);
        return key == null ? null : cache.find(key);
    }

    /** The page's key on a declared page; null when it must be rendered for this request. */
    private Key keyFor(HttpServletRequest request) {
        // the language switch sets its cookie: that answer is for this visitor only
        if (!isDeclared(request) || request.getParameter("lang") != null) {
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

    private static boolean hasFlashMessage(HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash != null && !flash.isEmpty();
    }

    /** After rendering an HTML answer: whether anything in it, or about it, belongs to this visitor. */
    private static boolean isTheSameForEveryVisitor(HttpServletRequest request, HttpServletResponse rendered) {
        return rendered.getStatus() == HttpServletResponse.SC_OK && request.getSession(false) == null
                && rendered.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && !rendered.containsHeader(HttpHeaders.CACHE_CONTROL) && isAnonymous()
                && !hasFlashMessage(request) && !PrivateAnswers.isMarked(request);
    }

    /** A weak validator: the same for the page plain and gzipped. */
    private static String etagOf(byte[] html) {
        return "W/\"" + DigestUtils.md5DigestAsHex(html) + "\"";
    }

    /** Marks the answer as shareable, with its validator; true when the client's copy holds (a 304 is set). */
    private boolean shareAndCheck(String etag, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.addHeader(HttpHeaders.VARY, VARY);
        return new ServletWebRequest(request, response).checkNotModified(etag);
    }

    /** Answers with a kept page: a 304 when the client's copy is this page, else the page, gzipped if taken. */
    void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (shareAndCheck(page.etag(), request, response)) {
            return;
        }
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        byte[] body = gzip ? page.gzipped() : page.html();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setLocale(page.language());
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
