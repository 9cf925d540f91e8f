package org.beffroi.testing;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests from addresses of their own, so that the rate limits met by the other tests' requests do not count. */
public final class RemoteAddresses {

    private RemoteAddresses() {
    }

    /** A request coming from a random address of 10.0.0.0/8. */
    public static RequestPostProcessor another() {
        return request -> {
            var random = ThreadLocalRandom.current();
            request.setRemoteAddr("10." + random.nextInt(1, 250) + "." + random.nextInt(250) + "." + random.nextInt(1, 250));
            return request;
        };
    }
}
