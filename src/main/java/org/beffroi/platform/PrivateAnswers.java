package org.beffroi.platform;

import jakarta.servlet.ServletRequest;

/**
 * Answers meant for one visitor only, whatever else holds: a page that carries the visitor's CSRF token (their
 * forms) must never be kept for, nor served to, anyone else, even when it made no session and set no cookie
 * (the token may sit in a cookie the visitor already had). Whoever puts such a thing in a page marks its request.
 */
public final class PrivateAnswers {

    private static final String ATTRIBUTE = PrivateAnswers.class.getName();

    private PrivateAnswers() {
    }

    public static void mark(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isMarked(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }
}
