package org.beffroi.platform;

/**
 * A notice shown at the top of every page while it lasts (an alert in progress, say). The level is one of
 * {@code info}, {@code warning}, {@code danger}; the link leads to the full text.
 */
public record SiteBanner(String level, String title, String text, String link) {
}
