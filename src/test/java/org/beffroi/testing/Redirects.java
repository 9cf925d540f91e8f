package org.beffroi.testing;

import org.springframework.test.web.servlet.MvcResult;

/** What a back-office form answers after creating something: a redirect to its page, ending with its id. */
public final class Redirects {

    private Redirects() {
    }

    public static long createdId(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        if (location == null) {
            throw new AssertionError("no redirect after the form: " + result.getResponse().getStatus());
        }
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
