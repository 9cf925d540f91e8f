package org.beffroi.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.Mailbox;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator invites an agent, sends a link to someone who lost access, and erases an account on request. */
@BeffroiTest
class UserAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInvitedAgentChoosesAPasswordAndReachesTheBackOffice() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        var agent = inviteAndSignIn(admin, "AGENT");
        mvc.perform(get("/admin").cookie(agent.cookie())).andExpect(status().isOk());
    }

    @Test
    void sessionsLiveInTheDatabaseAndARoleChangeEndsThem() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        var invited = inviteAndSignIn(admin, "RESIDENT");
        String email = invited.email();
        var person = invited.cookie();
        long id = jdbc.sql("select id from identity_account where email = ?").param(email).query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from identity_session where principal_name = ?").param(Long.toString(id))
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/mon-compte").cookie(person)).andExpect(status().isOk());

        mvc.perform(post("/admin/utilisateurs/" + id + "/roles").cookie(admin).with(csrf()).param("roles", "AGENT"))
                .andExpect(flash().attribute("saved", "admin.users.roles.done"));

        mvc.perform(get("/mon-compte").cookie(person)).andExpect(status().is3xxRedirection());
        var again = SignIn.as(mvc, email, PASSWORD);
        mvc.perform(get("/admin").cookie(again)).andExpect(status().isOk());
        // the administrator's own session is untouched
        mvc.perform(get("/admin").cookie(admin)).andExpect(status().isOk());
    }

    @Test
    void invitingAnAddressThatHasAnAccountComesBackWithAMessageAndTheInputKept() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        mvc.perform(post("/admin/utilisateurs/invitation").cookie(admin).with(csrf())
                .param("email", "habitant@belvoir.example").param("displayName", "Doublon").param("roles", "AGENT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("déjà un compte")))
                .andExpect(content().string(Matchers.containsString("value=\"Doublon\"")));
    }

    @Test
    void anAdministratorErasesAnAccountOnlyOnceConfirmed() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        String email = "a-effacer-" + UUID.randomUUID() + "@belvoir.example";
        mvc.perform(post("/admin/utilisateurs/invitation").cookie(admin).with(csrf())
                .param("email", email).param("displayName", "À effacer").param("roles", "RESIDENT"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from identity_account where email = ?").param(email).query(Long.class).single();

        mvc.perform(post("/admin/utilisateurs/" + id + "/suppression").cookie(admin).with(csrf()))
                .andExpect(flash().attribute("refused", "admin.users.erase.confirm-missing"));
        assertThat(count(email)).isEqualTo(1);

        mvc.perform(post("/admin/utilisateurs/" + id + "/suppression").cookie(admin).with(csrf()).param("confirm", "true"))
                .andExpect(redirectedUrl("/admin/utilisateurs"));
        assertThat(count(email)).isZero();
        mvc.perform(get("/admin/utilisateurs/" + id).cookie(admin)).andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorCannotEraseTheirOwnAccountFromTheBackOffice() throws Exception {
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        long id = jdbc.sql("select id from identity_account where email = ?").param("admin@belvoir.example")
                .query(Long.class).single();
        mvc.perform(post("/admin/utilisateurs/" + id + "/suppression").cookie(admin).with(csrf()).param("confirm", "true"))
                .andExpect(flash().attribute("refused", "admin.users.erase.self"));
        assertThat(count("admin@belvoir.example")).isEqualTo(1);
    }

    @Test
    void aResidentCannotInviteAnyone() throws Exception {
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        String email = "intrus-" + UUID.randomUUID() + "@belvoir.example";
        mvc.perform(post("/admin/utilisateurs/invitation").cookie(resident).with(csrf())
                .param("email", email).param("displayName", "Intrus").param("roles", "ADMINISTRATOR"))
                .andExpect(status().isForbidden());
        assertThat(count(email)).isZero();
    }

    private static final String PASSWORD = "une longue phrase de passe";

    private record Invited(String email, jakarta.servlet.http.Cookie cookie) {
    }

    /** Invites someone with a role; they choose their password from the mailed link and sign in. */
    private Invited inviteAndSignIn(jakarta.servlet.http.Cookie admin, String role) throws Exception {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@belvoir.example";
        mvc.perform(post("/admin/utilisateurs/invitation").cookie(admin).with(csrf())
                .param("email", email).param("displayName", "Personne Invitée").param("roles", role))
                .andExpect(redirectedUrl("/admin/utilisateurs"))
                .andExpect(flash().attribute("saved", "admin.users.invite.sent"));
        String link = Mailbox.awaitLink(email, "/mot-de-passe/nouveau");
        mvc.perform(post("/mot-de-passe/nouveau").with(csrf()).param("token", link.substring(link.indexOf("jeton=") + 6))
                .param("password", PASSWORD).param("confirmation", PASSWORD))
                .andExpect(redirectedUrl("/connexion?mot-de-passe-change"));
        return new Invited(email, SignIn.as(mvc, email, PASSWORD));
    }

    private long count(String email) {
        return jdbc.sql("select count(*) from identity_account where email = ?").param(email).query(Long.class).single();
    }

}
