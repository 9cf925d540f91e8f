package org.beffroi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Many wrong passwords for one account at the same instant, each from its own client address, over real HTTP:
 * no more of them reach the password check than the account's limit.
 */
@BeffroiTest
class LoginAttemptsConcurrencyTest {

    private static final int ATTEMPTS = 32;
    /** Client addresses on the loopback network (127.0.0.0/8), one per attempt: only the account's limit counts. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    AccountRepository accounts;

    @Autowired
    LoginAttempts attempts;

    @Autowired
    PasswordEncoder encoder;

    @Value("${beffroi.security.login.attempts-per-account}")
    int limit;

    @LocalServerPort
    int port;

    @Test
    void concurrentWrongPasswordsNeverExceedTheAccountsLimit() throws Exception {
        var answers = attemptAtOnce(newAccount());
        assertThat(answers.stream().filter(a -> a.equals("/connexion?erreur")).count()).as("checked: %s", answers)
                .isEqualTo(limit);
        assertThat(answers.stream().filter(a -> a.equals("429")).count()).isEqualTo(ATTEMPTS - limit);
    }

    @Test
    void controlCountedOnlyAfterAFailureTheSameAttemptsGetPastTheLimit() throws Exception {
        long worst = 0;
        attempts.guard(LoginAttempts.Guard.COUNTED_AFTER_A_FAILURE);
        try {
            for (int round = 0; round < 10 && worst <= limit; round++) {
                worst = Math.max(worst, attemptAtOnce(newAccount()).stream().filter(a -> a.equals("/connexion?erreur"))
                        .count());
            }
        } finally {
            attempts.guard(LoginAttempts.Guard.RESERVED_BEFORE_THE_CHECK);
        }
        assertThat(worst).as("wrong passwords checked without the reservation").isGreaterThan(limit);
    }

    @Test
    void aRightPasswordCostsNothing() throws Exception {
        String email = newAccount();
        for (int i = 0; i < limit + 3; i++) {
            assertThat(prepare(email, "le bon mot de passe").send()).isEqualTo("/mon-compte");
        }
        assertThat(attemptAtOnce(email).stream().filter(a -> a.equals("/connexion?erreur")).count()).isEqualTo(limit);
    }

    private String newAccount() {
        String email = "assaut-" + UUID.randomUUID() + "@exemple.fr";
        accounts.insert(email, "Compte visé", encoder.encode("le bon mot de passe"), AccountStatus.ACTIVE,
                EnumSet.of(Role.RESIDENT));
        return email;
    }

    /**
     * Every attempt first opens the sign-in form in a session of its own (for its CSRF token) from an address of
     * its own; then all post a wrong password at once. Answers where each was sent: the failure page, or 429.
     */
    private List<String> attemptAtOnce(String email) throws Exception {
        var prepared = new ArrayList<Attempt>();
        for (int i = 0; i < ATTEMPTS; i++) {
            prepared.add(prepare(email, "pas le bon mot de passe"));
        }
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(ATTEMPTS)) {
            var futures = new ArrayList<Future<String>>();
            for (var attempt : prepared) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.send();
                }));
            }
            start.countDown();
            var answers = new ArrayList<String>();
            for (var future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            prepared.forEach(Attempt::close);
        }
    }

    private Attempt prepare(String email, String password) throws Exception {
        int n = ADDRESSES.getAndIncrement();
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(InetAddress.getByName("127.0." + (100 + n / 250) + "." + (n % 250 + 1))).build();
        var form = client.send(HttpRequest.newBuilder(URI.create(base() + "/connexion")).build(),
                HttpResponse.BodyHandlers.ofString());
        // whatever cookies the form set (the session holding its CSRF token) go back with the attempt
        String cookie = String.join("; ", form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
                .toList());
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(matcher.find()).isTrue();
        String body = "_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8) + "&username="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return new Attempt(client, HttpRequest.newBuilder(URI.create(base() + "/connexion")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private record Attempt(HttpClient client, HttpRequest request) {

        String send() throws Exception {
            var response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 429 ? "429" : response.headers().firstValue("Location").orElse("?");
        }

        void close() {
            client.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
