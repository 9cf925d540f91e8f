package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which addresses the guard of outgoing requests lets the client connect to: public ones; internal ones
 * (IPv4 and IPv6, IPv4-mapped and NAT64 forms included) only for a host of the allow-list, by name or by
 * address, on its port when one is given.
 */
class OutgoingAddressesTest {

    @Test
    void onlyPublicAddressesPassWithoutAnAllowList() throws Exception {
        var guard = guard("");
        try {
            for (String internal : new String[] {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                    "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
                    "255.255.255.255", "240.0.0.1", "198.18.0.1", "192.0.2.1", "::1", "::", "fe80::1", "fec0::1",
                    "fc00::1", "fd12:3456::1", "ff02::1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "::7f00:1",
                    "2001:db8::1"}) {
                assertThat(guard.permitted("example.org", 80, addresses(internal))).as(internal).isEmpty();
            }
            // the IPv4-mapped form of an internal address, as a resolver might give it
            assertThat(guard.permitted("example.org", 80, new InetAddress[] {mapped(127, 0, 0, 1)})).isEmpty();
            assertThat(guard.permitted("example.org", 80, new InetAddress[] {mapped(10, 0, 0, 1)})).isEmpty();

            for (String external : new String[] {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1",
                    "2606:4700::1111", "2a01:4f8::1"}) {
                assertThat(guard.permitted("example.org", 443, addresses(external))).as(external).hasSize(1);
            }
            assertThat(guard.permitted("example.org", 80, new InetAddress[] {mapped(8, 8, 8, 8)})).hasSize(1);
            // a name that resolves to both: only the public address is connected to
            assertThat(guard.permitted("example.org", 80, addresses("127.0.0.1", "8.8.8.8")))
                    .containsExactly(InetAddress.getByName("8.8.8.8"));
        } finally {
            guard.destroy();
        }
    }

    @Test
    void theAllowListOpensAHostByNameOrAddressOnItsPort() throws Exception {
        var guard = guard("127.0.0.1:8089, sms.mairie.lan, [::1]:9000");
        try {
            assertThat(guard.permitted("127.0.0.1", 8089, addresses("127.0.0.1"))).hasSize(1);
            assertThat(guard.permitted("127.0.0.1", 8090, addresses("127.0.0.1"))).isEmpty();
            // by address, whatever name led there
            assertThat(guard.permitted("localhost", 8089, addresses("127.0.0.1"))).hasSize(1);
            assertThat(guard.permitted("localhost", 8089, new InetAddress[] {mapped(127, 0, 0, 1)})).hasSize(1);
            assertThat(guard.permitted("sms.mairie.lan", 443, addresses("192.168.1.20"))).hasSize(1);
            assertThat(guard.permitted("other.mairie.lan", 443, addresses("192.168.1.20"))).isEmpty();
            assertThat(guard.permitted("::1", 9000, addresses("::1"))).hasSize(1);
            assertThat(guard.permitted("::1", 9001, addresses("::1"))).isEmpty();
            // an entry with a port does not apply where the port is not known
            assertThat(guard.permitted("127.0.0.1", -1, addresses("127.0.0.1"))).isEmpty();
        } finally {
            guard.destroy();
        }
    }

    private static GuardedOutgoingRequests guard(String allowed) {
        return new GuardedOutgoingRequests(new MockEnvironment().withProperty("beffroi.outgoing.allowed-hosts", allowed));
    }

    private static InetAddress[] addresses(String... literals) {
        return Arrays.stream(literals).map(literal -> {
            try {
                return InetAddress.getByName(literal);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(InetAddress[]::new);
    }

    /** ::ffff:a.b.c.d kept as an IPv6 address (InetAddress.getByName would turn it into IPv4). */
    private static InetAddress mapped(int a, int b, int c, int d) throws Exception {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
