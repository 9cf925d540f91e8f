package org.beffroi.platform.web;

import java.time.Duration;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commune's colours as CSS custom properties. A stylesheet rather than inline styles, so the
 * content security policy needs no {@code unsafe-inline}; its URL carries a version, so browsers cache it.
 */
@RestController
@RequiredArgsConstructor
class ThemeController {

    private static final MediaType CSS = MediaType.valueOf("text/css;charset=UTF-8");

    private final Commune commune;

    static String version(CommuneSettings settings) {
        return Integer.toHexString((settings.primaryColour() + settings.accentColour()).hashCode());
    }

    @GetMapping("/theme.css")
    ResponseEntity<String> theme() {
        var settings = commune.settings();
        String css = """
                :root {
                  --colour-primary: %s;
                  --colour-accent: %s;
                }
                """.formatted(settings.primaryColour(), settings.accentColour());
        return ResponseEntity.ok().contentType(CSS).cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic())
                .eTag(version(settings)).body(css);
    }
}
