package org.beffroi.platform;

import java.net.URI;

import lombok.RequiredArgsConstructor;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The site's public address ({@code BEFFROI_BASE_URL}, {@code beffroi.base-url}): what the links in mail, feeds and
 * documents for machines start with, in one place for Java and for templates ({@code #site.address(path)},
 * ADR 0034). Read at each use, so that it names the port a server took when it started.
 */
@Component
@RequiredArgsConstructor
public class PublicAddress {

    private final Environment environment;

    /** The address of the site, such as {@code https://mairie.example}. */
    public String base() {
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
