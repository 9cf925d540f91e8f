package org.beffroi.family.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.beffroi.family.FamilyAccounts;
import org.beffroi.family.FamilyModule;
import org.beffroi.family.internal.Household;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invitations;
import org.beffroi.family.internal.Invoices;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.DataSubject;
import org.beffroi.testing.AtOnce;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.Mailbox;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * A second adult: the household's adult invites an address, the mailed link (its token stored as a digest, used once)
 * lets the person, signed in, join the household, see its invoices and pay them; an account already in a household
 * joins no other; an adult leaves, the last one cannot. Ten accounts following one link at once: one joins; with the
 * link's conditional use switched off, several do (the negative control). Invitations are deleted 30 days after they
 * expired, and those sent to an address when its person is erased.
 */
@BeffroiTest
class HouseholdAdultsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Households households;
    @Autowired
    Invoices invoices;
    @Autowired
    Invitations invitations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FamilyModule family;

    @AfterEach
    void guardBack() {
        invitations.guard(true);
    }

    @Test
    void anInvitedAdultJoinsSeesTheInvoicesPaysAndLeaves() throws Exception {
        var holder = FamilyAccounts.resident(accounts, encoder, "titulaire");
        var household = FamilyAccounts.household(households, holder);
        long invoice = FamilyAccounts.invoice(invoices, household, 2_500, LocalDate.now(CommuneTime.ZONE).plusDays(9));
        String number = invoices.find(invoice).orElseThrow().number();
        var second = FamilyAccounts.resident(accounts, encoder, "conjoint");
        Cookie holderSession = SignIn.as(mvc, holder.email(), FamilyAccounts.PASSWORD);

        mvc.perform(post("/mon-foyer/invitations").cookie(holderSession).with(csrf()).param("email", "pas une adresse"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("Saisissez une adresse électronique valide")))
                .andExpect(content().string(containsString("value=\"pas une adresse\"")));
        mvc.perform(post("/mon-foyer/invitations").cookie(holderSession).with(csrf()).param("email", holder.email()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("déjà celle d’un adulte du foyer")));
        mvc.perform(post("/mon-foyer/invitations").cookie(holderSession).with(csrf())
                .param("email", " " + second.email().toUpperCase() + " "))
                .andExpect(redirectedUrl("/mon-foyer")).andExpect(flash().attribute("saved", "family.invitation.sent"));
        mvc.perform(get("/mon-foyer").cookie(holderSession)).andExpect(content().string(containsString(second.email())));
        String link = Mailbox.awaitLink(second.email(), "/mon-foyer/invitation");
        String token = link.substring(link.indexOf("jeton=") + 6);
        // only the digest is stored
        assertThat(jdbc.sql("select count(*) from family_invitation where token_digest = ?").param(token)
                .query(Long.class).single()).isZero();

        Cookie secondSession = SignIn.as(mvc, second.email(), FamilyAccounts.PASSWORD);
        mvc.perform(get("/mon-foyer/factures").cookie(secondSession)).andExpect(status().isNotFound());
        mvc.perform(get("/mon-foyer/invitation").param("jeton", token).cookie(secondSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString(household.reference())))
                .andExpect(content().string(containsString("Rejoindre ce foyer")));
        mvc.perform(post("/mon-foyer/invitation").param("jeton", token).cookie(secondSession).with(csrf()))
                .andExpect(redirectedUrl("/mon-foyer"));
        assertThat(households.ofAccount(second.accountId())).contains(household);
        mvc.perform(get("/mon-foyer/factures").cookie(secondSession)).andExpect(status().isOk())
                .andExpect(content().string(containsString(number)));
        mvc.perform(post("/mon-foyer/factures/" + invoice + "/payer").cookie(secondSession).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).startsWith(org.beffroi.payments.Payments.PAGE_PREFIX));

        // used once: the link says so to anyone else
        var third = FamilyAccounts.resident(accounts, encoder, "tiers");
        Cookie thirdSession = SignIn.as(mvc, third.email(), FamilyAccounts.PASSWORD);
        mvc.perform(get("/mon-foyer/invitation").param("jeton", token).cookie(thirdSession))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("n’est plus valable")));
        mvc.perform(post("/mon-foyer/invitation").param("jeton", token).cookie(thirdSession).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(households.ofAccount(third.accountId())).isEmpty();

        // an account in a household joins no other
        var other = FamilyAccounts.household(households, third);
        invitations.invite(household, holder.accountId(), "Camille", third.email());
        String otherLink = Mailbox.awaitLink(third.email(), "/mon-foyer/invitation");
        mvc.perform(post("/mon-foyer/invitation").param("jeton", otherLink.substring(otherLink.indexOf("jeton=") + 6))
                .cookie(thirdSession).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("déjà rattaché à un foyer")));
        assertThat(households.ofAccount(third.accountId())).contains(other);

        // the second adult leaves; the last one cannot
        mvc.perform(post("/mon-foyer/depart").cookie(secondSession).with(csrf()))
                .andExpect(flash().attribute("saved", "family.household.left"));
        assertThat(households.ofAccount(second.accountId())).isEmpty();
        mvc.perform(get("/mon-foyer/factures").cookie(secondSession)).andExpect(status().isNotFound());
        mvc.perform(post("/mon-foyer/depart").cookie(holderSession).with(csrf()))
                .andExpect(flash().attribute("refused", "family.household.leave.last-adult"));
        assertThat(households.ofAccount(holder.accountId())).contains(household);
        mvc.perform(get("/mon-foyer").cookie(holderSession)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(second.email()))));
    }

    @Test
    void tenAccountsFollowingOneLinkAtOnceMakeOneAdult() throws Exception {
        var household = invited("une-fois");
        assertThat(joinAtOnce(household.household(), household.token())).isEqualTo(1);
        assertThat(households.members(household.household().id())).hasSize(2);
    }

    @Test
    void oneAccountFollowingTheLinksOfSixHouseholdsAtOnceJoinsOne() throws Exception {
        var person = FamilyAccounts.resident(accounts, encoder, "courtise");
        var calls = new ArrayList<Callable<Invitations.Joined>>();
        for (int i = 0; i < 6; i++) {
            var invited = invited("foyer" + i);
            calls.add(() -> invitations.join(invited.token(), person.accountId(), person.email(), "Camille"));
        }
        var outcomes = AtOnce.run(calls);
        // the key of family_member: one household per account, whichever link came first
        assertThat(outcomes.stream().filter(o -> o == Invitations.Joined.JOINED).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from family_member where account_id = ?").param(person.accountId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutTheConditionalUseSeveralAccountsJoinWithOneLink() throws Exception {
        invitations.guard(false);
        var household = invited("sans-garde");
        long joined = joinAtOnce(household.household(), household.token());
        System.out.println("HouseholdAdultsTest: without the conditional use, " + joined + " accounts joined by one link");
        assertThat(joined).isGreaterThan(1);
    }

    @Test
    void invitationsAreDeletedThirtyDaysAfterTheyExpiredAndWithTheAddressErased() {
        var holder = FamilyAccounts.resident(accounts, encoder, "retention");
        var household = FamilyAccounts.household(households, holder);
        long old = invitation(household, "ancienne-" + holder.email(), 31);
        long recent = invitation(household, "recente-" + holder.email(), 29);
        long erased = invitation(household, "effacee-" + holder.email(), -1);
        family.applyRetention();
        family.erasePersonalData(new DataSubject(0, "effacee-" + holder.email()));
        assertThat(jdbc.sql("select id from family_invitation where id in (?, ?, ?)").params(old, recent, erased)
                .query(Long.class).list()).containsExactly(recent);
    }

    /** An invitation that expired that many days ago (in the future when negative). */
    private long invitation(Household household, String email, int expiredDaysAgo) {
        var expires = java.time.Instant.now().minus(java.time.Duration.ofDays(expiredDaysAgo));
        jdbc.sql("insert into family_invitation (household_id, email, token_digest, invited_by, created_at, expires_at) "
                + "values (?, ?, ?, 0, ?, ?)")
                .params(household.id(), email, org.beffroi.platform.SecureTokens.digest(email),
                        java.sql.Timestamp.from(expires.minus(Invitations.VALIDITY)), java.sql.Timestamp.from(expires))
                .update();
        return jdbc.sql("select id from family_invitation where email = ?").param(email).query(Long.class).single();
    }

    private record Invited(Household household, String token) {
    }

    private Invited invited(String name) {
        var holder = FamilyAccounts.resident(accounts, encoder, name);
        var household = FamilyAccounts.household(households, holder);
        String address = "invite-" + holder.email();
        invitations.invite(household, holder.accountId(), "Camille", address);
        String link = Mailbox.awaitLink(address, "/mon-foyer/invitation");
        return new Invited(household, link.substring(link.indexOf("jeton=") + 6));
    }

    private long joinAtOnce(Household household, String token) throws Exception {
        var calls = new ArrayList<Callable<Invitations.Joined>>();
        for (int i = 0; i < 10; i++) {
            var account = FamilyAccounts.resident(accounts, encoder, "lien" + i);
            calls.add(() -> invitations.join(token, account.accountId(), account.email(), "Camille"));
        }
        List<Invitations.Joined> outcomes = AtOnce.run(calls);
        return outcomes.stream().filter(o -> o == Invitations.Joined.JOINED).count();
    }
}
