package org.beffroi.platform;

import java.net.URI;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The site's public address ({@code BEFFROI_BASE_URL}, {@code beffroi.base-url}): what the links in mail, feeds and
 * documents for machines start with, in one place for Java and for templates ({@code #site.address(path)},
 * ADR 0034). Read at each use until the application is ready, so that it names the port a server took when it
 * started; kept from then on (resolving it walks every property source, a few percent of a case's filing).
 */
@Component
@RequiredArgsConstructor
public class PublicAddress {

    private final Environment environment;
    private volatile String kept;

    /** The address of the site, such as {@code https://mairie.example}. */
    public String base() {
        String base = kept;
        return base != null ? base : read();
    }

    @EventListener(ApplicationReadyEvent.class)
    void keep() {
        kept = read();
    }

    private String read() {
        return environment.getProperty("beffroi.base-url", "http://localhost:8080");
    }

    /** The full address of a path of the site, such as {@code /alertes/12}. */
    public String of(String path) {
        return base() + path;
    }

    /** The site's host name, under which feeds and CAP documents name their entries. */
    public String host() {
        return URI.create(base()).getHost();
    }
}
