package org.beffroi.procedures.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * The workflow builder's form for "Demander un paiement": the amount typed in euros, the providers the application
 * has, and every wrong amount sent back with its message next to the field and the input kept.
 */
@BeffroiTest
class RequirePaymentBuilderTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureStore store;
    @Autowired
    ProcedureCatalogue catalogue;

    Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
    }

    ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(admin).with(csrf()));
    }

    MockHttpServletRequestBuilder addStep(String status, String amount, String provider) {
        return post(status + "/actions").param("type", "require-payment").param("params[amount]", amount)
                .param("params[label]", "Carte de stationnement").param("params[provider]", provider)
                .param("params[to]", "acceptee");
    }

    @Test
    void theAmountIsTypedInEurosAndEveryWrongAmountComesBackWithItsMessage() throws Exception {
        var imported = catalogue.importFile(ProcedureBuilderTest.parkingCard(ProcedureBuilderTest.slug()), false);
        assertThat(imported.problems()).isEmpty();
        long id = imported.procedureId();
        String status = "/admin/demarches/" + id + "/circuit/statuts/recue";

        String page = mvc.perform(get(status + "/actions/nouvelle").param("type", "require-payment").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var form = Jsoup.parse(page).selectFirst("form[action$=/actions]");
        assertThat(form).isNotNull();
        var amount = ProcedureBuilderTest.control(form, "params[amount]");
        assertThat(amount.attr("inputmode")).isEqualTo("decimal");
        assertThat(amount.attr("aria-describedby")).isEqualTo("paramsamount-hint");
        assertThat(form.select("#paramsamount-hint").text()).isEqualTo("En euros, par exemple 25 ou 25,50.");
        assertThat(ProcedureBuilderTest.control(form, "params[provider]").select("option").eachAttr("value"))
                .containsExactly("", "payfip", "test");
        assertThat(form.select("label[for=paramsamount]").text()).startsWith("Montant");
        assertThat(form.select("label[for=paramsprovider]").text()).startsWith("Prestataire de paiement");

        int before = store.versions(id).size();
        String[][] refused = {
            {"-5", "Le montant doit être supérieur à zéro."},
            {"0", "Le montant doit être supérieur à zéro."},
            {"25,505", "Un montant a deux décimales au plus (les centimes)."},
            {"vingt", "Écrivez un montant en euros, par exemple 25 ou 25,50."},
            {"10000,01", "Le montant dépasse le maximum accepté en ligne (10\u202f000,00\u00a0€)."},
        };
        for (var wrong : refused) {
            String answer = send(addStep(status, wrong[0], "test")).andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            var sent = Jsoup.parse(answer);
            // the message next to the field (Jsoup reads no-break spaces as spaces), and as written in the page
            assertThat(sent.select("#paramsamount-error").text().replaceAll("\\h", " ")).as(wrong[0])
                    .isEqualTo(wrong[1].replaceAll("\\h", " "));
            assertThat(answer).contains(wrong[1]);
            assertThat(sent.select("input[name=params[amount]]").attr("value")).isEqualTo(wrong[0]);
            assertThat(sent.select("input[name=params[amount]]").attr("aria-invalid")).isEqualTo("true");
        }
        send(addStep(status, "25", "paypal")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez parmi les valeurs proposées.")));
        send(addStep(status, "", "test")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ce paramètre est obligatoire.")));
        assertThat(store.versions(id)).hasSize(before);

        send(addStep(status, "25,5", "test")).andExpect(redirectedUrl(status));
        var step = store.latest(id).orElseThrow().definition().workflow().status("recue").orElseThrow().actions()
                .getLast();
        assertThat(step.type()).isEqualTo("require-payment");
        assertThat(step.params()).containsEntry("amount", "25.50").containsEntry("provider", "test")
                .containsEntry("to", "acceptee").containsEntry("label", "Carte de stationnement");
        assertThat(catalogue.problems(store.latest(id).orElseThrow().definition())).isEmpty();
    }
}
