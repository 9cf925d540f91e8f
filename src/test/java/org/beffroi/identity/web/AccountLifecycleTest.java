package org.beffroi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.beffroi.identity.AccountErased;
import org.beffroi.identity.IdentityModule;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.Mailbox;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** An account from sign-up to erasure, through the application's HTTP entry points and the real SMTP server. */
@BeffroiTest
@RecordApplicationEvents
class AccountLifecycleTest {

    private static final String PASSWORD = "les tilleuls fleurissent en juin";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityModule identity;

    @Autowired
    ApplicationEvents events;

    @Test
    void mistakesInTheSignUpFormComeBackNextToTheirFields() throws Exception {
        String page = mvc.perform(post("/inscription").with(csrf()).param("displayName", "Remi")
                .param("email", "remi@").param("password", "motdepasse123").param("confirmation", "autre chose"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"Remi\"").contains("value=\"remi@\"")
                .contains("id=\"email-error\"").contains("adresse électronique valide")
                .contains("id=\"password-error\"").contains("trop courant")
                .doesNotContain("motdepasse123");

        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Remi").param("email", "remi@exemple.fr")
                .param("password", "une phrase assez longue").param("confirmation", "une autre phrase"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("ne sont pas identiques")));
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Remi").param("email", "remi@exemple.fr")
                .param("password", "x".repeat(129)).param("confirmation", "x".repeat(129)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("au plus 128 caractères")));
    }

    @Test
    void signingUpWithAnAddressThatHasAnAccountLooksTheSameButMailsItsOwner() throws Exception {
        String email = signUp();
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Quelqu’un d’autre").param("email", email)
                .param("password", "une autre phrase assez longue").param("confirmation", "une autre phrase assez longue"))
                .andExpect(redirectedUrl("/inscription/courriel-envoye"));
        Mailbox.awaitMessage(email, 2);
        assertThat(Mailbox.messagesTo(email)).anySatisfy(m -> assertThat(m.getSubject()).contains("vous avez déjà un compte"));
        assertThat(jdbc.sql("select count(*) from identity_account where email = ?").param(email).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aConfirmationLinkWorksOnceAndAForgedOneChangesNothing() throws Exception {
        String email = signUp();
        String link = Mailbox.link(Mailbox.awaitMessage(email, 1), "/inscription/confirmation");
        String path = link.substring(link.indexOf("/inscription"));

        mvc.perform(get("/inscription/confirmation?jeton=forge" + UUID.randomUUID())).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Ce lien ne fonctionne plus")));
        assertThat(accountStatus(email)).isEqualTo("PENDING");

        mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Votre adresse est confirmée")));
        assertThat(accountStatus(email)).isEqualTo("ACTIVE");
        mvc.perform(get(path)).andExpect(status().isBadRequest());
    }

    @Test
    void theRightPasswordOnAnUnconfirmedAccountSaysSoAndNothingElseDoes() throws Exception {
        String email = signUp();
        mvc.perform(post("/connexion").with(csrf()).param("username", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/connexion?non-confirme"));
        mvc.perform(post("/connexion").with(csrf()).param("username", email).param("password", "pas le bon du tout"))
                .andExpect(redirectedUrl("/connexion?erreur"));
    }

    @Test
    void aResetLinkActivatesAPendingAccountAndCannotBeUsedTwice() throws Exception {
        String email = signUp();
        mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", email))
                .andExpect(redirectedUrl("/mot-de-passe-oublie?envoye"));
        String link = Mailbox.awaitLink(email, "/mot-de-passe/nouveau");
        String token = link.substring(link.indexOf("jeton=") + 6);
        mvc.perform(post("/mot-de-passe/nouveau").with(csrf()).param("token", token)
                .param("password", "une nouvelle phrase de passe").param("confirmation", "une nouvelle phrase de passe"))
                .andExpect(redirectedUrl("/connexion?mot-de-passe-change"));
        assertThat(accountStatus(email)).isEqualTo("ACTIVE");
        mvc.perform(post("/mot-de-passe/nouveau").with(csrf()).param("token", token)
                .param("password", "encore une autre phrase").param("confirmation", "encore une autre phrase"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Ce lien ne fonctionne plus")));
        mvc.perform(post("/connexion").with(csrf()).param("username", email).param("password", "une nouvelle phrase de passe"))
                .andExpect(redirectedUrl("/mon-compte"));
    }

    @Test
    void aPasswordResetRequestForAnUnknownAddressLooksTheSameAndSendsNothing() throws Exception {
        String nobody = "personne-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/mot-de-passe-oublie").with(csrf()).param("email", nobody))
                .andExpect(redirectedUrl("/mot-de-passe-oublie?envoye"));
        assertThat(Mailbox.messagesTo(nobody)).isEmpty();
    }

    @Test
    void theExportHoldsEveryModulesDataAndIsLogged() throws Exception {
        String email = activeAccount();
        var session = signIn(email);
        var response = mvc.perform(get("/mon-compte/donnees").cookie(session)).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".json");
        var export = JsonMapper.builder().build().readTree(response.getContentAsByteArray());
        assertThat(export.path("controller").asString()).isNotBlank();
        assertThat(export.path("modules").path("identity").path("email").asString()).isEqualTo(email);
        assertThat(export.path("modules").path("identity").path("roles").toString()).contains("RESIDENT");
        assertThat(export.path("modules").path("platform").path("securityLog").toString()).contains("login.success");
        assertThat(export.toString()).doesNotContain("password_hash").doesNotContain("$argon2");
        long id = accountId(email);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'data.exported' and actor_account_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void erasureRemovesTheAccountItsMailAndAnonymisesItsTrail() throws Exception {
        String email = activeAccount();
        long id = accountId(email);
        var session = signIn(email);

        mvc.perform(post("/mon-compte/suppression").cookie(session).with(csrf())).andExpect(status().isBadRequest());
        assertThat(accountId(email)).isEqualTo(id);

        mvc.perform(post("/mon-compte/suppression").cookie(session).with(csrf()).param("confirm", "true"))
                .andExpect(redirectedUrl("/?compte-supprime"));
        assertThat(jdbc.sql("select count(*) from identity_account where id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from platform_mail where lower(recipient) = ?").param(email).query(Long.class)
                .single()).isZero();
        var trail = jdbc.sql("select actor_label, ip from platform_audit_log where actor_account_id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).list();
        assertThat(trail).isNotEmpty().allSatisfy(row -> assertThat(row).isEqualTo("#" + id + "|null"));
        assertThat(events.stream(AccountErased.class)).containsExactly(new AccountErased(id));
        mvc.perform(get("/mon-compte").cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/connexion").with(csrf()).param("username", email).param("password", PASSWORD))
                .andExpect(redirectedUrl("/connexion?erreur"));
    }

    @Test
    void retentionRemovesAccountsNeverConfirmedWithinAWeek() {
        String old = "ancien-" + UUID.randomUUID() + "@exemple.fr";
        String recent = "recent-" + UUID.randomUUID() + "@exemple.fr";
        for (var row : new Object[][] {{old, 8}, {recent, 6}}) {
            jdbc.sql("insert into identity_account (email, display_name, status, created_at) values (?, 'X', 'PENDING', ?)")
                    .params(row[0], OffsetDateTime.now().minusDays((Integer) row[1])).update();
        }
        identity.applyRetention();
        assertThat(jdbc.sql("select email from identity_account where email in (?, ?)").params(old, recent)
                .query(String.class).list()).containsExactly(recent);
    }

    private String signUp() throws Exception {
        String email = "vie-" + UUID.randomUUID() + "@exemple.fr";
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Camille Test").param("email", email)
                .param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/inscription/courriel-envoye"));
        return email;
    }

    private String activeAccount() throws Exception {
        String email = signUp();
        String link = Mailbox.link(Mailbox.awaitMessage(email, 1), "/inscription/confirmation");
        mvc.perform(get(link.substring(link.indexOf("/inscription")))).andExpect(status().isOk());
        return email;
    }

    private jakarta.servlet.http.Cookie signIn(String email) throws Exception {
        return SignIn.as(mvc, email, PASSWORD);
    }

    private String accountStatus(String email) {
        return jdbc.sql("select status from identity_account where email = ?").param(email).query(String.class).single();
    }

    private long accountId(String email) {
        return jdbc.sql("select id from identity_account where email = ?").param(email).query(Long.class).single();
    }
}
