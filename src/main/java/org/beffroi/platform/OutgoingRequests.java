package org.beffroi.platform;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way the server makes an HTTP request (a feed it reads, a gateway or a push service it posts to).
 * Only http and https; the host's addresses are checked after resolution, and the connection goes to the
 * addresses checked: loopback, private, link-local, unique-local, multicast, unspecified and other
 * non-public addresses (IPv4 and IPv6, IPv4-mapped included) are refused unless the host is listed in
 * {@code beffroi.outgoing.allowed-hosts} ({@code host} or {@code host:port}, comma-separated: a gateway on
 * the commune's own network, the tests' servers). A GET follows redirects by hand, checking each hop, up to
 * {@link Request#maxRedirects()}; other methods follow none. The whole exchange has a deadline and the
 * answer's body a size limit. Whatever goes wrong (refused address, closed port, a service that does not
 * speak HTTP, timeout, too many redirects, too large) is one {@link Unreachable}, whose message is the same
 * for all, so that neither the caller's log nor its screens tell an open port from a closed one.
 */
public interface OutgoingRequests {

    /** The property listing the hosts that may be reached although their addresses are not public. */
    String ALLOWED_HOSTS = "beffroi.outgoing.allowed-hosts";

    /**
     * Sends the request and reads the answer, whatever its status (a redirect a GET followed is not an answer).
     *
     * @throws Unreachable when no answer came within the limits
     */
    Answer send(Request request) throws Unreachable;

    /** What to send, and the limits of the exchange. */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, int maxBytes,
            int maxRedirects) {

        /** The longest a connection may take to open, within the request's deadline. */
        public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
        public static final Duration TIMEOUT = Duration.ofSeconds(30);
        public static final int MAX_BYTES = 1024 * 1024;
        public static final int MAX_REDIRECTS = 5;

        public Request {
            headers = Map.copyOf(headers);
        }

        /** A GET, following up to five redirects, answered within 30 s and 1 MiB. */
        public static Request get(URI uri) {
            return new Request("GET", uri, Map.of(), null, TIMEOUT, MAX_BYTES, MAX_REDIRECTS);
        }

        /** A POST of this body, following no redirect, answered within 30 s and 1 MiB. */
        public static Request post(URI uri, byte[] body) {
            return new Request("POST", uri, Map.of(), body, TIMEOUT, MAX_BYTES, 0);
        }

        public Request header(String name, String value) {
            var more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, uri, more, body, timeout, maxBytes, maxRedirects);
        }

        public Request headers(Map<String, String> more) {
            var all = new LinkedHashMap<>(headers);
            all.putAll(more);
            return new Request(method, uri, all, body, timeout, maxBytes, maxRedirects);
        }

        /** The deadline of the whole exchange: connection, redirects, answer and body. */
        public Request timeout(Duration deadline) {
            return new Request(method, uri, headers, body, deadline, maxBytes, maxRedirects);
        }

        public Request maxBytes(int max) {
            return new Request(method, uri, headers, body, timeout, max, maxRedirects);
        }
    }

    /** The answer: its status, the address that gave it (after redirects), and its body. */
    record Answer(int status, URI uri, byte[] body) {

        public boolean successful() {
            return status / 100 == 2;
        }
    }

    /** No answer came: the same message whatever the reason, which stays out of the log. */
    final class Unreachable extends IOException {

        public static final String MESSAGE = "source unreachable";

        public Unreachable() {
            super(MESSAGE);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the reason is deliberately not kept: a trace would tell one failure from another
        }
    }
}
