package org.beffroi.portal.web;

import java.net.URI;

import org.beffroi.portal.PortalModule.ManageContent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The photos, videos and podcast were at /mediatheque…, a name the residents read as the town's library: their
 * former addresses, kept in links, feeds and search engines, lead for good to the same page under /photos-videos.
 */
@Controller
class MovedMediaAddresses {

    private static final String FORMER = "/mediatheque";
    private static final String CURRENT = "/photos-videos";

    @GetMapping({FORMER, FORMER + "/**"})
    ResponseEntity<Void> publicPage(HttpServletRequest request) {
        return moved(request, "");
    }

    @GetMapping({"/admin" + FORMER, "/admin" + FORMER + "/**"})
    @ManageContent
    ResponseEntity<Void> backOfficePage(HttpServletRequest request) {
        return moved(request, "/admin");
    }

    private static ResponseEntity<Void> moved(HttpServletRequest request, String prefix) {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + prefix.length()
                + FORMER.length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create(request.getContextPath() + prefix + CURRENT + rest + query)).build();
    }
}
