package org.beffroi.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.beffroi.testing.Outbox;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.WithoutRelay;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo as a newcomer starts it, without an SMTP relay: the outbox is the mailbox. The README sends the
 * newcomer to read their confirmation there, and the link they find works.
 */
@WithoutRelay
class DemoOutboxTest {

    private static final String PASSWORD = "les tilleuls fleurissent en juin";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectProvider<JavaMailSender> relay;

    @Test
    void aNewcomerConfirmsTheirSignUpWithTheLinkReadInTheOutbox() throws Exception {
        assertThat(relay.getIfAvailable()).as("no relay in this context").isNull();
        String email = "nouveau-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Nouveau Venu").param("email", email)
                .param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/inscription/courriel-envoye"));

        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String link = Outbox.awaitLink(mvc, admin, email, "/inscription/confirmation");
        assertThat(Outbox.mailsTo(mvc, admin, email).getFirst().status()).isEqualTo("Conservé ici (pas de serveur d’envoi)");
        mvc.perform(get(link.substring(link.indexOf("/inscription")))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Votre adresse est confirmée")));
        assertThat(jdbc.sql("select status from identity_account where email = ?").param(email).query(String.class).single())
                .isEqualTo("ACTIVE");
        SignIn.as(mvc, email, PASSWORD);
    }
}
