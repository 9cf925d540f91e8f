package org.beffroi.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.beffroi.platform.OutgoingMail;
import org.beffroi.platform.OutgoingMail.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox's stored text (ADR 0025), over generated mails (ADR 0009): secrets that appear several times, one
 * inside another, next to text that holds the marks' own characters. What is stored holds no secret; what is sent is
 * the mail as written; what is shown without the secrets holds none.
 */
class MailTextTest {

    private static final String HIDDEN = "[lien personnel masqué]";

    record Case(String text, List<Secret> secrets) {
    }

    static Stream<Case> mails() {
        var random = new Random(20261206);
        return IntStream.range(0, 300).mapToObj(n -> {
            var secrets = new ArrayList<Secret>();
            String token = token(random);
            secrets.add(new Secret("http://localhost:8080/mot-de-passe/nouveau?jeton=" + token));
            if (random.nextBoolean()) {
                secrets.add(new Secret(token)); // a secret that the first one holds
            }
            if (random.nextBoolean()) {
                secrets.add(new Secret("http://localhost:8080/alertes/preferences?jeton=" + token(random)));
            }
            var text = new StringBuilder();
            for (int part = 0; part < 6; part++) {
                text.append(words(random));
                text.append(secrets.get(random.nextInt(secrets.size())).value());
            }
            for (var secret : secrets) {
                text.append(' ').append(secret.value()); // each appears at least once
            }
            return new Case(text.toString(), secrets);
        });
    }

    @ParameterizedTest
    @MethodSource("mails")
    void theStoredTextHoldsNoSecretAndGivesBackTheMailAsWritten(Case mail) {
        var outgoing = new OutgoingMail("a@exemple.fr", "Objet", mail.text(), mail.secrets());
        String stored = MailText.marked(outgoing.text(), outgoing.secrets());
        String secrets = MailText.secrets(outgoing.secrets());
        String written = mail.text().replace('\uE000', '\uFFFD').replace('\uE001', '\uFFFD');

        mail.secrets().forEach(secret -> assertThat(stored).doesNotContain(secret.value()));
        assertThat(MailText.revealed(stored, secrets)).isEqualTo(written);
        String shown = MailText.shown(stored, null, HIDDEN);
        mail.secrets().forEach(secret -> assertThat(shown).doesNotContain(secret.value()));
        assertThat(shown).contains(HIDDEN);
        assertThat(MailText.shown(stored, secrets, HIDDEN)).isEqualTo(written);
    }

    private static String token(Random random) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A few words, sometimes with the characters the marks are made of, a line break, or a digit after a mark. */
    private static String words(Random random) {
        String[] pieces = {"Bonjour, ", "ouvrez ce lien : ", "\n\n", "\uE000", "\uE001", "0", "\uE0000\uE001", "jeton=", " "};
        var text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
