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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


/**
 * Which account an OpenID Connect identity reaches: never one whose password its owner did not choose, never
 * one by an address the provider did not vouch for (ADR 0024).
 */
@BeffroiTest
class OidcAccountLinkingTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String ATTACKER_PASSWORD = "le mot de passe de l’usurpateur";

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

    private static MockHttpServletRequestBuilder fromFreshAddress(MockHttpServletRequestBuilder request) {
        int n = ADDRESSES.getAndIncrement();
        return request.with(r -> {
            r.setRemoteAddr("198.18.40." + (n % 250 + 1));
            return r;
        });
    }
}
