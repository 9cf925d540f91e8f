package org.beffroi.platform;

/** A feed a page advertises with {@code <link rel="alternate">}: put a list under the model attribute "feeds". */
public record Feed(String type, String href, String title) {
}
