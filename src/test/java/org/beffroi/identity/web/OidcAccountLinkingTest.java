package org.beffroi.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.identity.internal.AccountService;
import org.beffroi.platform.Role;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.OidcSignIn;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * Which account an OpenID Connect identity reaches: never one whose password its owner did not choose, never
 * one by an address the provider did not vouch for (ADR 0024).
 */
@BeffroiTest
class OidcAccountLinkingTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String ATTACKER_PASSWORD = "le mot de passe de l’usurpateur";
    private static final String OWNER_PASSWORD = "le mot de passe de la propriétaire";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    @Test
    void aProviderThatVouchesForTheAddressDoesNotActivateSomeoneElsesSignUp() throws Exception {
        String owner = "proprietaire-" + UUID.randomUUID() + "@exemple.fr";
        // someone signs up with the owner's address and a password of theirs; the account waits for confirmation
        mvc.perform(fromFreshAddress(post("/inscription").with(csrf()).param("displayName", "Usurpateur")
                .param("email", owner).param("password", ATTACKER_PASSWORD).param("confirmation", ATTACKER_PASSWORD)))
                .andExpect(redirectedUrl("/inscription/courriel-envoye"));
        String confirmation = Mailbox.link(Mailbox.awaitMessage(owner, 1), "/inscription/confirmation");

        var outcome = OidcSignIn.as(port, UUID.randomUUID().toString(), owner, true, "Odile Propriétaire");
        assertThat(outcome.signedIn()).isTrue();

        // the owner's account carries no password the owner did not choose, nor the other person's name
        mvc.perform(fromFreshAddress(post("/connexion").with(csrf()).param("username", owner)
                .param("password", ATTACKER_PASSWORD))).andExpect(redirectedUrl("/connexion?erreur"));
        assertThat(jdbc.sql("select password_hash from identity_account where email = ?").param(owner)
                .query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("select display_name from identity_account where email = ?").param(owner).query(String.class)
                .single()).isEqualTo("Odile Propriétaire");
        // nor does the abandoned sign-up's link confirm anything any more
        mvc.perform(get(confirmation.substring(confirmation.indexOf("/inscription")))).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from identity_account where email = ?").param(owner).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anInvitationIsAcceptedThroughAProviderThatVouchesForItsAddressWithTheRolesTheAdministratorChose() throws Exception {
        String agent = "agent-" + UUID.randomUUID() + "@exemple.fr";
        accounts.invite(agent, "Agathe Agente", Set.of(Role.AGENT), Set.of());
        String invitation = Mailbox.link(Mailbox.awaitMessage(agent, 1), "/mot-de-passe/nouveau");

        assertThat(OidcSignIn.as(port, UUID.randomUUID().toString(), agent, true, "Agathe A.").signedIn()).isTrue();

        assertThat(jdbc.sql("""
                select r.role from identity_account_role r join identity_account a on a.id = r.account_id
                where a.email = ? and a.status = 'ACTIVE'""").param(agent).query(String.class).list())
                .containsExactly("AGENT");
        // the invitation is accepted: its link no longer sets a password
        mvc.perform(get(invitation.substring(invitation.indexOf("/mot-de-passe")))).andExpect(status().isBadRequest());
    }

    @Test
    void anAddressTheProviderDoesNotVouchForIsNotTheAccountsAddress() throws Exception {
        String owner = "proprietaire-" + UUID.randomUUID() + "@exemple.fr";
        String stranger = UUID.randomUUID().toString();
        var first = OidcSignIn.as(port, stranger, owner, false, "Inconnu");
        assertThat(first.signedIn()).isTrue();
        long strangersAccount = accountOf(stranger);
        // the stranger's account works, and holds no address: no password can be set on it
        mvc.perform(get("/mon-compte").cookie(session(first))).andExpect(status().isOk());
        mvc.perform(post("/mon-compte/mot-de-passe").cookie(session(first)).with(csrf())
                .param("password", "un mot de passe choisi ici").param("confirmation", "un mot de passe choisi ici"))
                .andExpect(status().isBadRequest());

        // the owner of the address signs up as if nobody had used it, confirms, and signs in
        mvc.perform(fromFreshAddress(post("/inscription").with(csrf()).param("displayName", "Odile Propriétaire")
                .param("email", owner).param("password", OWNER_PASSWORD).param("confirmation", OWNER_PASSWORD)))
                .andExpect(redirectedUrl("/inscription/courriel-envoye"));
        String confirmation = Mailbox.link(Mailbox.awaitMessage(owner, 1), "/inscription/confirmation");
        mvc.perform(get(confirmation.substring(confirmation.indexOf("/inscription")))).andExpect(status().isOk());
        long ownersAccount = jdbc.sql("select id from identity_account where email = ?").param(owner).query(Long.class)
                .single();
        assertThat(ownersAccount).isNotEqualTo(strangersAccount);
        resetPassword(owner, 2);

        // the stranger's identity still reaches the stranger's account only
        assertThat(OidcSignIn.as(port, stranger, owner, false, "Inconnu").signedIn()).isTrue();
        assertThat(accountOf(stranger)).isEqualTo(strangersAccount);
        assertThat(jdbc.sql("select count(*) from identity_oidc_link where account_id = ?").param(ownersAccount)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPasswordResetEndsTheLinksNotMadeWithAnAddressTheProviderVouchedFor() throws Exception {
        String owner = "proprietaire-" + UUID.randomUUID() + "@exemple.fr";
        String ownersIdentity = UUID.randomUUID().toString();
        assertThat(OidcSignIn.as(port, ownersIdentity, owner, true, "Odile Propriétaire").signedIn()).isTrue();
        long account = accountOf(ownersIdentity);
        // a link whose address nobody vouched for, as a provider's sign-in made them before addresses were checked
        String stranger = UUID.randomUUID().toString();
        jdbc.sql("insert into identity_oidc_link (provider, subject, account_id, linked_at) values (?, ?, ?, ?)")
                .params("franceconnect", stranger, account, java.time.OffsetDateTime.now()).update();

        resetPassword(owner, 1);

        assertThat(jdbc.sql("select subject from identity_oidc_link where account_id = ?").param(account)
                .query(String.class).list()).containsExactly(ownersIdentity);
        OidcSignIn.as(port, stranger, "autre-" + UUID.randomUUID() + "@exemple.fr", false, "Inconnu");
        assertThat(accountOf(stranger)).isNotEqualTo(account);
    }

    /** The owner asks for a reset link (the n-th mail to the address) and chooses a new password with it. */
    private void resetPassword(String email, int mail) throws Exception {
        mvc.perform(fromFreshAddress(post("/mot-de-passe-oublie").with(csrf()).param("email", email)))
                .andExpect(redirectedUrl("/mot-de-passe-oublie?envoye"));
        String link = Mailbox.link(Mailbox.awaitMessage(email, mail), "/mot-de-passe/nouveau");
        mvc.perform(post("/mot-de-passe/nouveau").with(csrf()).param("token", link.substring(link.indexOf("jeton=") + 6))
                .param("password", "une nouvelle phrase de passe").param("confirmation", "une nouvelle phrase de passe"))
                .andExpect(redirectedUrl("/connexion?mot-de-passe-change"));
    }

    private long accountOf(String subject) {
        return jdbc.sql("select account_id from identity_oidc_link where subject = ?").param(subject).query(Long.class)
                .single();
    }

    private static Cookie session(OidcSignIn.Outcome outcome) {
        return new Cookie(SignIn.SESSION_COOKIE, outcome.sessionId());
    }

    private static MockHttpServletRequestBuilder fromFreshAddress(MockHttpServletRequestBuilder request) {
        int n = ADDRESSES.getAndIncrement();
        return request.with(r -> {
            r.setRemoteAddr("198.18.40." + (n % 250 + 1));
            return r;
        });
    }
}
