package org.beffroi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.PasswordHashing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing up with an address that has an account and with one that has none cost the same work, so that the
 * time of the answer does not tell who has an account (ADR 0010).
 */
@BeffroiTest
class SignUpTimingTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String PASSWORD = "une phrase de passe pour mesurer";

    @Autowired
    MockMvc mvc;

    @Test
    void bothAnswersHashTheSubmittedPasswordOnce() throws Exception {
        String existing = newAddress();
        signUp(existing);
        assertThat(PasswordHashing.during(() -> signUp(newAddress())).hashes()).as("a new address").isEqualTo(1);
        assertThat(PasswordHashing.during(() -> signUp(existing)).hashes()).as("an address with an account")
                .isEqualTo(1);
    }

    /**
     * Thirty of each, taken in turns so that whatever else the machine does weighs on both alike; the medians
     * must be within a factor of two of each other (they were about six times apart when only a new address
     * cost a hash).
     */
    @Test
    void bothAnswersTakeAboutTheSameTime() throws Exception {
        String existing = newAddress();
        signUp(existing);
        for (int i = 0; i < 5; i++) { // warm-up
            signUp(existing);
            signUp(newAddress());
        }
        var forExisting = new ArrayList<Long>();
        var forNew = new ArrayList<Long>();
        for (int i = 0; i < 30; i++) {
            forExisting.add(timed(existing));
            forNew.add(timed(newAddress()));
        }
        long existingMedian = median(forExisting);
        long newMedian = median(forNew);
        assertThat(existingMedian).as("median µs with an account (%d) against without (%d)", existingMedian, newMedian)
                .isBetween(newMedian / 2, newMedian * 2);
    }

    private long timed(String email) throws Exception {
        long start = System.nanoTime();
        signUp(email);
        return (System.nanoTime() - start) / 1_000;
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private Void signUp(String email) throws Exception {
        int n = ADDRESSES.getAndIncrement();
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Mesure").param("email", email)
                .param("password", PASSWORD).param("confirmation", PASSWORD).with(request -> {
                    request.setRemoteAddr("198.18." + (50 + n / 250) + "." + (n % 250 + 1));
                    return request;
                })).andExpect(redirectedUrl("/inscription/courriel-envoye"));
        return null;
    }

    private static String newAddress() {
        return "mesure-" + UUID.randomUUID() + "@exemple.fr";
    }
}
