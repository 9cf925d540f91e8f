package org.beffroi.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.beffroi.platform.OutgoingRequests;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;
import org.springframework.stereotype.Component;

/**
 * {@link OutgoingRequests} over Apache HttpClient. The addresses are checked in the client's DNS resolver,
 * which answers the connection manager only the addresses it let through: the connection goes to an
 * address that was checked, with no second lookup a DNS answer could change in between (DNS rebinding),
 * and TLS still verifies the certificate against the host's name. Redirects are followed here, one hop at
 * a time, each through the same resolver; no proxy, cookie, retry or transparent decompression.
 */
@Component
class GuardedOutgoingRequests implements OutgoingRequests, DisposableBean {

    /**
     * Public addresses: what Spring Security calls external (not loopback, link-local, site-local, unique-local,
     * unspecified), less the other ranges a server has no business reaching: "this network", shared address
     * space (carrier-grade NAT), protocol assignments, documentation, benchmarking, multicast, reserved and
     * broadcast; IPv4-compatible IPv6, discard-only, documentation and multicast IPv6.
     */
    private static final InetAddressMatcher PUBLIC = InetAddressMatchers.matchExternal()
            .excludeAddresses(List.of("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15",
                    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/96", "100::/64",
                    "2001:db8::/32", "ff00::/8"))
            .build();
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Environment environment;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outgoing-deadlines").factory());

    GuardedOutgoingRequests(Environment environment) {
        this.environment = environment;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(Request.CONNECT_TIMEOUT)).build())
                .setMaxConnTotal(100).setMaxConnPerRoute(25).build();
        this.client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries().disableCookieManagement().disableContentCompression()
                .disableAuthCaching().setUserAgent("Beffroi").build();
    }

    @Override
    public Answer send(Request request) throws Unreachable {
        var current = new AtomicReference<HttpUriRequestBase>();
        var expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = null;
        try {
            deadline = deadlines.schedule(() -> {
                expired.set(true);
                var ongoing = current.get();
                if (ongoing != null) {
                    ongoing.cancel(); // closes the connection under a source that is slow or drips its answer
                }
            }, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            URI uri = request.uri();
            for (int hop = 0;; hop++) {
                checkLiteral(uri);
                var exchange = new HttpUriRequestBase(hop == 0 ? request.method() : "GET", uri);
                headersFor(request, uri).forEach(exchange::setHeader);
                if (hop == 0 && request.body() != null) {
                    exchange.setEntity(new ByteArrayEntity(request.body(), null));
                }
                exchange.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(request.timeout())).build());
                current.set(exchange);
                if (expired.get()) {
                    throw new Unreachable();
                }
                var answer = exchange(exchange, request.maxBytes());
                if (answer.location() == null || hop >= request.maxRedirects()) {
                    if (answer.location() != null && request.maxRedirects() > 0) {
                        throw new Unreachable(); // one redirect too many
                    }
                    return new Answer(answer.status(), uri, answer.body());
                }
                uri = uri.resolve(answer.location());
            }
        } catch (Unreachable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Unreachable(); // the reason stays here: no caller can tell an open port from a closed one
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /** One hop's answer: its status and body, or where it redirects a GET to. */
    private record Hop(int status, byte[] body, String location) {
    }

    private Hop exchange(HttpUriRequestBase exchange, int maxBytes) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, exchange, HttpClientContext.create());
        boolean whole = false;
        try {
            int status = response.getCode();
            var location = response.getFirstHeader("Location");
            if (REDIRECTS.contains(status) && location != null && "GET".equals(exchange.getMethod())) {
                return new Hop(status, new byte[0], location.getValue().strip());
            }
            var entity = response.getEntity();
            if (entity == null) {
                whole = true;
                return new Hop(status, new byte[0], null);
            }
            if (entity.getContentLength() > maxBytes) {
                throw new Unreachable();
            }
            try (InputStream in = entity.getContent()) {
                byte[] body = in.readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    throw new Unreachable();
                }
                whole = true;
                return new Hop(status, body, null);
            }
        } finally {
            // an answer not read to its end is cut, not drained: its connection is closed, not reused
            CloseableHttpResponse.adapt(response).close(whole ? CloseMode.GRACEFUL : CloseMode.IMMEDIATE);
            if (!whole) {
                exchange.cancel();
            }
        }
    }

    /** On another origin than the first, only the headers that say what is accepted go along. */
    private static java.util.Map<String, String> headersFor(Request request, URI hop) {
        if (sameOrigin(request.uri(), hop)) {
            return request.headers();
        }
        var kept = new java.util.LinkedHashMap<String, String>();
        request.headers().forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("accept")) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    /**
     * http or https to a host; an address written in the URL is checked here too, in case the client
     * connects to it without asking the resolver.
     */
    private void checkLiteral(URI uri) throws Unreachable {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new Unreachable();
        }
        String host = bare(uri.getHost());
        if (isLiteral(host)) {
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            try {
                if (permitted(host, port, new InetAddress[] {InetAddress.getByName(host)}).length == 0) {
                    throw new Unreachable();
                }
            } catch (UnknownHostException e) {
                throw new Unreachable();
            }
        }
    }

    /**
     * The addresses of this host that may be reached: all of them when the host is allowed by name or
     * address ({@value #ALLOWED_HOSTS}), the public ones otherwise.
     */
    InetAddress[] permitted(String host, int port, InetAddress[] addresses) {
        for (String entry : environment.getProperty(ALLOWED_HOSTS, "").split(",")) {
            if (!entry.isBlank() && allows(entry.strip(), host, port, addresses)) {
                return addresses;
            }
        }
        return Arrays.stream(addresses).filter(a -> PUBLIC.matches(unmapped(a))).toArray(InetAddress[]::new);
    }

    private static boolean allows(String entry, String host, int port, InetAddress[] addresses) {
        URI parsed;
        try {
            parsed = URI.create("http://" + entry);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (parsed.getHost() == null || parsed.getPort() != -1 && parsed.getPort() != port) {
            return false;
        }
        String allowed = bare(parsed.getHost()).toLowerCase(Locale.ROOT);
        if (allowed.equals(host.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (!isLiteral(allowed)) {
            return false;
        }
        try {
            var address = unmapped(InetAddress.getByName(allowed));
            return Arrays.stream(addresses).map(GuardedOutgoingRequests::unmapped).allMatch(address::equals);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address it carries. */
    static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && Arrays.mismatch(bytes, 0, 12, MAPPED_PREFIX, 0, 12) == -1) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Resolves once and answers only the addresses that may be reached, or fails as an unknown host. */
    private final class CheckingResolver implements DnsResolver {

        /** Without a port, only the entries of the allow-list without a port apply. */
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return checked(host, -1);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(checked(host, port)).map(a -> new InetSocketAddress(a, port)).toList();
        }

        private InetAddress[] checked(String host, int port) throws UnknownHostException {
            String name = bare(host);
            var addresses = permitted(name, port, SystemDefaultDnsResolver.INSTANCE.resolve(name));
            if (addresses.length == 0) {
                throw new UnknownHostException(name);
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
