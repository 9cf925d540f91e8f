package org.beffroi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.beffroi.alerts.RegisterForms;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A resident registers in the register of vulnerable people, on consent, and withdraws from their account. */
@BeffroiTest
class RegisterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePublicPageExplainsWhatTheRegisterIsForAndWhoSeesIt() throws Exception {
        mvc.perform(get("/registre-canicule")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("À quoi sert ce registre")))
                .andExpect(content().string(Matchers.containsString("Qui le voit")));
    }

    @Test
    void withoutConsentTheFormComesBackWithTheInputKeptAndAMessageByTheBox() throws Exception {
        String name = "Jeanne Sans-Accord " + UUID.randomUUID();
        mvc.perform(RegisterForms.filled("/registre-canicule", name, null, "consent", "false"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"consent-error\"")))
                .andExpect(content().string(Matchers.containsString("sans lui, l’inscription n’est pas possible")))
                .andExpect(content().string(Matchers.containsString("value=\"" + name + "\"")));
        assertThat(count(name)).isZero();
    }

    @Test
    void aPhoneNumberThatIsNotFrenchAndAMissingAgeComeBackByTheirFields() throws Exception {
        String name = "Jeanne Mauvais-Numéro " + UUID.randomUUID();
        mvc.perform(RegisterForms.filled("/registre-canicule", name, null, "phone", "12345", "ageBracket", "",
                "contactPhone", "+44 20 7946 0958"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"phone-error\"")))
                .andExpect(content().string(Matchers.containsString("id=\"contactPhone-error\"")))
                .andExpect(content().string(Matchers.containsString("Indiquez un numéro de téléphone français")))
                .andExpect(content().string(Matchers.containsString("Indiquez la date de naissance ou choisissez")))
                .andExpect(content().string(Matchers.containsString("value=\"12345\"")));
        mvc.perform(RegisterForms.filled("/registre-canicule", name, 987654321L))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Choisissez un quartier de la liste")));
        assertThat(count(name)).isZero();
    }

    @Test
    void anAnonymousResidentRegistersThemselvesAndTheNumbersAreKeptInOneSpelling() throws Exception {
        String name = "Jeanne Martin " + UUID.randomUUID();
        mvc.perform(RegisterForms.filled("/registre-canicule", name, null))
                .andExpect(redirectedUrl("/registre-canicule/merci"));
        var row = jdbc.sql("select phone, contact_phone, registered_by, account_id, needs from alerts_register_person "
                + "where full_name = ?").param(name).query().singleRow();
        assertThat(row.get("phone")).isEqualTo("06 12 34 56 78");
        assertThat(row.get("contact_phone")).isEqualTo("01 23 45 67 89");
        assertThat(row.get("registered_by")).isEqualTo("SELF");
        assertThat(row.get("account_id")).isNull();
        assertThat(row.get("needs")).isEqualTo("LIVES_ALONE,POWERED_MEDICAL_DEVICE");
        mvc.perform(get("/registre-canicule/merci")).andExpect(status().isOk());
    }

    @Test
    void aSignedInResidentIsLinkedFindsTheEntryInTheirDataAndWithdrawsIt() throws Exception {
        var resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
        String name = "Habitant Inscrit " + UUID.randomUUID();
        mvc.perform(RegisterForms.filled("/registre-canicule", name, null).cookie(resident))
                .andExpect(redirectedUrl("/registre-canicule/merci"));
        Long account = jdbc.sql("select account_id from alerts_register_person where full_name = ?").param(name)
                .query(Long.class).single();
        assertThat(account).isNotNull();

        mvc.perform(get("/mon-compte/donnees").cookie(resident))
                .andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(get("/mon-compte/registre-canicule").cookie(resident)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Me retirer du registre")));
        mvc.perform(post("/mon-compte/registre-canicule/retrait").cookie(resident).with(csrf()))
                .andExpect(redirectedUrl("/mon-compte/registre-canicule"));
        assertThat(count(name)).isZero();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'register.withdrawn' "
                + "and actor_account_id = ?").param(account).query(Long.class).single()).isPositive();
        mvc.perform(get("/mon-compte/registre-canicule")).andExpect(status().is3xxRedirection());
    }

    private long count(String name) {
        return jdbc.sql("select count(*) from alerts_register_person where full_name = ?").param(name)
                .query(Long.class).single();
    }
}
