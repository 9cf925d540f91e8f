package org.beffroi.alerts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.beffroi.alerts.internal.CapImporter;
import org.beffroi.alerts.internal.CapImporter.Outcome;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneSettings;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestServers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.sun.net.httpserver.HttpServer;

import jakarta.servlet.http.Cookie;

/**
 * CAP import from a real HTTP server on localhost serving fictional CAP 1.2 documents and an Atom feed
 * that links to them: warnings for the commune (its department's geocode, a polygon over it) become
 * drafts in the back office; a warning far away, an expired one, a malformed document, an XXE attempt and
 * a dead link create nothing and do not stop the poll; a second poll imports nothing twice; an update
 * changes the draft; a discarded draft does not come back. The server is one the tests allow the
 * application to reach ({@code beffroi.outgoing.allowed-hosts}); another local server, not allowed, is
 * never reached: neither directly, nor by a name, nor through a redirect or a feed's link, and the log
 * says the same of a port that is open and of one that is closed.
 */
@BeffroiTest
@ExtendWith(OutputCaptureExtension.class)
class CapImportTest {

    private static final DateTimeFormatter CAP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    @Autowired
    MockMvc mvc;

    @Autowired
    CapImporter importer;

    @Autowired
    Commune commune;

    @Autowired
    JdbcClient jdbc;

    HttpServer server;
    /** Where the allowed server's {@code /redirige} sends its visitors. */
    volatile String redirectTo;
    String run;
    CommuneSettings original;
    Cookie agent;

    @BeforeEach
    void setUp() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8);
        serveTheDocuments();
        original = commune.settings();
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    private void serveTheDocuments() throws IOException {
        var now = ZonedDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.SECONDS);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cap/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/cap/".length());
            try (InputStream in = name.matches("[a-z0-9-]+\\.(xml|atom)")
                    ? CapImportTest.class.getResourceAsStream("/cap/" + name) : null) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                byte[] body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{RUN}}", run)
                        .replace("{{SENT}}", CAP_DATE.format(now.minusMinutes(10)))
                        .replace("{{EXPIRES}}", CAP_DATE.format(now.plusDays(1)))
                        .replace("{{PAST}}", CAP_DATE.format(now.minusDays(2))).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type",
                        name.endsWith(".atom") ? "application/atom+xml" : "application/cap+xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            }
        });
        server.createContext("/redirige", exchange -> {
            exchange.getResponseHeaders().set("Location", redirectTo);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/flux-vers-ailleurs.atom", exchange -> {
            byte[] body = ("""
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>Ailleurs</title><id>urn:ailleurs</id>
                    <updated>2026-01-01T00:00:00Z</updated><entry><title>Vent</title><id>urn:vent</id>
                    <updated>2026-01-01T00:00:00Z</updated>
                    <link rel="alternate" type="application/cap+xml" href="%s"/></entry></feed>""")
                    .formatted(redirectTo).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/trop-grand.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] line = "<!-- remplissage -->\n".getBytes(StandardCharsets.UTF_8);
            try (var out = exchange.getResponseBody()) {
                for (int written = 0; written <= 3 * 1024 * 1024; written += line.length) {
                    out.write(line);
                }
            } catch (IOException e) {
                // the client stopped reading at its limit
            }
            exchange.close();
        });
        server.start();
        TestServers.allowOutgoing(server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        TestServers.forbidOutgoing(server.getAddress().getPort());
        commune.update(original);
    }

    @Test
    void warningsForTheCommuneBecomeDraftsOnceAndBadDocumentsAreSkipped() throws Exception {
        withInseeCode("01053");

        var first = importer.poll(url("flux.atom"));

        // the wind (department 01) and the storms (a polygon over the commune); nothing else
        assertThat(first.count(Outcome.DRAFTED)).isEqualTo(2);
        assertThat(first.count(Outcome.NOT_FOR_US)).isEqualTo(1);
        assertThat(first.count(Outcome.IGNORED)).isEqualTo(1);
        assertThat(first.count(Outcome.FAILED)).isEqualTo(3);
        mvc.perform(get("/admin/alertes").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Vigilance orange vent violent " + run)))
                .andExpect(content().string(Matchers.containsString("Orages forts " + run)))
                .andExpect(content().string(Matchers.containsString("Importée (Météo fictive)")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("crues " + run))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Grand froid " + run))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("XXE " + run))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("tronqué " + run))));
        assertThat(jdbc.sql("select count(*) from alerts_alert where body like '%root:%'").query(Long.class).single())
                .isZero();

        long wind = draftTitled("Vigilance orange vent violent " + run);
        // a draft: not public, not sent; the French text with the instruction, the source shown
        mvc.perform(get("/alertes/" + wind)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/alertes/" + wind).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Brouillon")))
                .andExpect(content().string(Matchers.containsString("Vigilance")))
                .andExpect(content().string(Matchers.containsString("Limitez vos déplacements")))
                .andExpect(content().string(Matchers.containsString("Importée (Météo fictive)")))
                .andExpect(content().string(Matchers.containsString(url("vent-orange-ain.xml").toString())));

        var second = importer.poll(url("flux.atom"));
        assertThat(second.count(Outcome.DRAFTED)).isZero();
        assertThat(second.count(Outcome.ALREADY_SEEN)).isEqualTo(2);
        assertThat(second.count(Outcome.FAILED)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from alerts_alert where title like ?").param("%" + run + "%")
                .query(Long.class).single()).isEqualTo(2);

        // the update of the imported warning changes its draft
        var update = importer.poll(url("vent-orange-ain-maj.xml"));
        assertThat(update.count(Outcome.UPDATED)).isEqualTo(1);
        mvc.perform(get("/admin/alertes/" + wind).cookie(agent))
                .andExpect(content().string(Matchers.containsString("Vigilance rouge vent violent " + run)))
                .andExpect(content().string(Matchers.containsString("Danger")));
        assertThat(importer.poll(url("vent-orange-ain-maj.xml")).count(Outcome.ALREADY_SEEN)).isEqualTo(1);

        // discarded: gone, and not imported again
        mvc.perform(post("/admin/alertes/" + wind + "/rejet").with(csrf()).cookie(agent))
                .andExpect(redirectedUrl("/admin/alertes"))
                .andExpect(flash().attribute("saved", "admin.alerts.cap.discarded"));
        mvc.perform(get("/admin/alertes/" + wind).cookie(agent)).andExpect(status().isNotFound());
        var third = importer.poll(url("flux.atom"));
        assertThat(third.count(Outcome.DRAFTED)).isZero();
        assertThat(third.count(Outcome.ALREADY_SEEN)).isEqualTo(2);
        // nor through a later update of the discarded warning
        assertThat(importer.poll(url("vent-orange-ain-maj2.xml")).count(Outcome.IGNORED)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from alerts_alert where title like ?").param("%vent violent " + run + "%")
                .query(Long.class).single()).isZero();

        // the source cancels the storms: their unsent draft goes
        long storms = draftTitled("Orages forts " + run);
        assertThat(importer.poll(url("orages-bresse-annulation.xml")).count(Outcome.CANCELLED)).isEqualTo(1);
        mvc.perform(get("/admin/alertes/" + storms).cookie(agent)).andExpect(status().isNotFound());
    }

    @Test
    void withoutTheCommuneCodesOnlyTheGeometryCounts() throws Exception {
        withInseeCode("");
        var report = importer.poll(url("flux.atom"));
        assertThat(report.count(Outcome.DRAFTED)).isEqualTo(1);
        assertThat(report.count(Outcome.NOT_FOR_US)).isEqualTo(2);
        draftTitled("Orages forts " + run);
    }

    @Test
    void anRssFeedLinkingToCapDocumentsIsReadToo() throws Exception {
        withInseeCode("");
        var report = importer.poll(url("flux-rss.xml"));
        assertThat(report.count(Outcome.DRAFTED)).isEqualTo(1);
        assertThat(report.count(Outcome.FAILED)).isEqualTo(1);
        draftTitled("Orages forts " + run);
    }

    @Test
    void anUnreachableOrBrokenSourceCreatesNothingAndTheNextRunGoesOn() throws Exception {
        withInseeCode("01053");
        int port = server.getAddress().getPort();
        server.stop(0);
        assertThat(importer.poll(URI.create("http://127.0.0.1:" + port + "/cap/flux.atom")).count(Outcome.FAILED))
                .isEqualTo(1);
        TestServers.forbidOutgoing(port);
        serveTheDocuments();
        assertThat(importer.poll(url("absent.atom")).count(Outcome.FAILED)).isEqualTo(1);
        assertThat(importer.poll(url("malforme.xml")).count(Outcome.FAILED)).isEqualTo(1);
        assertThat(importer.poll(url("xxe.xml")).count(Outcome.FAILED)).isEqualTo(1);
        assertThat(importer.poll(URI.create("file:///etc/passwd")).count(Outcome.FAILED)).isEqualTo(1);
        assertThat(importer.poll(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/trop-grand.xml"))
                .count(Outcome.FAILED)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from alerts_alert where title like ?").param("%" + run + "%")
                .query(Long.class).single()).isZero();

        assertThat(importer.poll(url("vent-orange-ain.xml")).count(Outcome.DRAFTED)).isEqualTo(1);
    }

    @Test
    void aLocalServerThatIsNotAllowedIsNeverReached() throws Exception {
        withInseeCode("01053");
        try (var elsewhere = new NotAllowedServer()) {
            // directly, by address and by a name that resolves to it
            assertThat(importer.poll(elsewhere.url("127.0.0.1")).count(Outcome.FAILED)).isEqualTo(1);
            assertThat(importer.poll(elsewhere.url("localhost")).count(Outcome.FAILED)).isEqualTo(1);
            assertThat(importer.poll(elsewhere.url("[::ffff:127.0.0.1]")).count(Outcome.FAILED)).isEqualTo(1);
            // through a redirect of an allowed source, and through the link of an allowed feed
            redirectTo = elsewhere.url("127.0.0.1").toString();
            assertThat(importer.poll(URI.create(origin() + "/redirige")).count(Outcome.FAILED)).isEqualTo(1);
            var feed = importer.poll(URI.create(origin() + "/flux-vers-ailleurs.atom"));
            assertThat(feed.count(Outcome.FAILED)).isEqualTo(1);
            assertThat(feed.count(Outcome.DRAFTED)).isZero();

            assertThat(elsewhere.requests()).isZero();
        }
        assertThat(jdbc.sql("select count(*) from alerts_alert where title like ?").param("%" + run + "%")
                .query(Long.class).single()).isZero();
        // an allowed source that redirects to itself is followed
        redirectTo = url("vent-orange-ain.xml").toString();
        assertThat(importer.poll(URI.create(origin() + "/redirige")).count(Outcome.DRAFTED)).isEqualTo(1);
    }

    @Test
    void theLogSaysTheSameOfAnOpenPortAndOfAClosedOne(CapturedOutput output) throws Exception {
        withInseeCode("01053");
        int closed = closedPort();
        String notAllowedOpen;
        try (var elsewhere = new NotAllowedServer()) {
            notAllowedOpen = logged(output, elsewhere.port(), "/absent.xml");
        }
        assertThat(logged(output, closed, "/absent.xml")).isEqualTo(notAllowedOpen);

        // allowed hosts too: a closed port, and an open one that does not speak HTTP (a database, say)
        try (var database = new NotHttp()) {
            TestServers.allowOutgoing(closed);
            TestServers.allowOutgoing(database.port());
            try {
                assertThat(logged(output, database.port(), "/absent.xml"))
                        .isEqualTo(logged(output, closed, "/absent.xml")).isEqualTo(notAllowedOpen);
            } finally {
                TestServers.forbidOutgoing(closed);
                TestServers.forbidOutgoing(database.port());
            }
        }
    }

    /** What the log says of one poll of this local port, the port itself left out. */
    private String logged(CapturedOutput output, int port, String path) {
        int from = output.getAll().length();
        assertThat(importer.poll(URI.create("http://127.0.0.1:" + port + path)).count(Outcome.FAILED)).isEqualTo(1);
        String written = output.getAll().substring(from);
        return written.lines().filter(line -> line.contains("CapImporter")).map(line -> line
                .substring(line.indexOf("CAP ")).replace(String.valueOf(port), "PORT")).toList().toString();
    }

    private static int closedPort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A local web server the application is not allowed to reach, serving a warning for the commune (404 else). */
    private final class NotAllowedServer implements AutoCloseable {

        private final HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

        NotAllowedServer() throws IOException {
            elsewhere.createContext("/", exchange -> {
                requests.incrementAndGet();
                if (!exchange.getRequestURI().getPath().equals("/cap/vent-orange-ain.xml")) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                byte[] body;
                try (var in = CapImportTest.class.getResourceAsStream("/cap/vent-orange-ain.xml")) {
                    var now = ZonedDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.SECONDS);
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{RUN}}", run)
                            .replace("{{SENT}}", CAP_DATE.format(now.minusMinutes(10)))
                            .replace("{{EXPIRES}}", CAP_DATE.format(now.plusDays(1))).getBytes(StandardCharsets.UTF_8);
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            elsewhere.start();
        }

        int port() {
            return elsewhere.getAddress().getPort();
        }

        URI url(String host) {
            return URI.create("http://" + host + ":" + port() + "/cap/vent-orange-ain.xml");
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            elsewhere.stop(0);
        }
    }

    /** A local port that answers bytes that are not HTTP and hangs up, as a database's port does. */
    private static final class NotHttp implements AutoCloseable {

        private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 10,
                java.net.InetAddress.getLoopbackAddress());

        NotHttp() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (var client = socket.accept()) {
                        client.getOutputStream().write("EFATAL\0unsupported frontend protocol\0\0".getBytes(
                                StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // closed at the end of the test
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void theSourceIsPolledByARecurringTask() {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from scheduled_tasks where task_name = 'alerts-cap-import'").query(Long.class)
                .single() == 1);
    }

    @Test
    void discardingAnAlertThatWasNotImportedAnswers404() throws Exception {
        mvc.perform(post("/admin/alertes/999999999/rejet").with(csrf()).cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/alertes/1/rejet").cookie(agent)).andExpect(status().isForbidden());
    }

    private long draftTitled(String title) {
        return jdbc.sql("select id from alerts_alert where title like ? and send_at is null").param(title + "%")
                .query(Long.class).single();
    }

    private URI url(String name) {
        return URI.create(origin() + "/cap/" + name);
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void withInseeCode(String code) {
        var s = commune.settings();
        commune.update(new CommuneSettings(s.name(), code, s.contactEmail(), s.contactPhone(), s.postalAddress(),
                s.primaryColour(), s.accentColour(), s.logoFileId(), s.publicationDirector(), s.hostDetails(),
                s.accessibilityAuditDate(), s.accessibilityAuditRate()));
    }
}
