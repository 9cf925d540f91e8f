package org.beffroi.family.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.beffroi.family.FamilyAccounts;
import org.beffroi.family.internal.Household;
import org.beffroi.family.internal.Households;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import jakarta.servlet.http.Cookie;

/**
 * An agent creates a service billed by the day, ticks a week of attendance, and makes the month's invoices: one per
 * household, the days attended times the price; made again, nothing is added. Boxes of children that do not exist or
 * of days outside the week are left out; mistakes come back next to their field; a resident may not.
 */
@BeffroiTest
class AttendanceBillingTest {

    private static final String BASE = "/admin/familles/presences";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Households households;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @Test
    void aWeekOfAttendanceMakesOneInvoicePerHousehold() throws Exception {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        mvc.perform(as(post(BASE + "/services")).param("code", code).param("name", "Cantine " + code).param("price", "3,20"))
                .andExpect(status().is3xxRedirection());
        long service = jdbc.sql("select id from family_service where code = ?").param(code).query(Long.class).single();

        var first = household("presences-a");
        long lea = child(first, "Léa");
        long tom = child(first, "Tom");
        var second = household("presences-b");
        long zoe = child(second, "Zoé");
        YearMonth month = YearMonth.now(CommuneTime.ZONE).minusMonths(2);
        LocalDate monday = month.atDay(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));

        mvc.perform(as(post(BASE)).param("service", Long.toString(service)).param("semaine", monday.toString())
                .param("presence", lea + "_" + monday, lea + "_" + monday.plusDays(1), lea + "_" + monday.plusDays(2),
                        tom + "_" + monday, tom + "_" + monday.plusDays(4), zoe + "_" + monday.plusDays(3),
                        "999999999_" + monday, lea + "_" + monday.plusDays(7)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from family_attendance where service_id = ?").param(service)
                .query(Long.class).single()).isEqualTo(6);
        var register = page(get(BASE).param("service", Long.toString(service)).param("semaine", monday.plusDays(2).toString()));
        assertThat(register.getElementById("p-" + lea + "-" + monday.plusDays(2)).hasAttr("checked")).isTrue();
        assertThat(register.getElementById("p-" + tom + "-" + monday.plusDays(2)).hasAttr("checked")).isFalse();

        var billed = page(as(post(BASE + "/facturation")).param("service", Long.toString(service))
                .param("month", month.toString()).param("due", month.plusMonths(1).atEndOfMonth().toString()));
        assertThat(billed.select("[role=status]").text()).contains("2 factures faites", "19,20");
        assertThat(invoice(code + "-" + month + "-" + first.reference())).isEqualTo(5 * 320);
        assertThat(invoice(code + "-" + month + "-" + second.reference())).isEqualTo(320);

        var again = page(as(post(BASE + "/facturation")).param("service", Long.toString(service))
                .param("month", month.toString()).param("due", month.plusMonths(1).atEndOfMonth().toString()));
        assertThat(again.select("[role=status]").text()).contains("aucune facture faite", "2 factures étaient déjà faites");
        assertThat(jdbc.sql("select count(*) from family_invoice where number like ?").param(code + "-%")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void mistakesComeBackNextToTheirFieldAndAResidentMayNot() throws Exception {
        var refused = refused(as(post(BASE + "/services")).param("code", "c").param("name", "").param("price", "trois"));
        assertThat(refused.getElementById("service-code-error").text()).contains("de 2 à 10");
        assertThat(refused.getElementById("service-name-error")).isNotNull();
        assertThat(refused.getElementById("service-price-error")).isNotNull();
        assertThat(refused.getElementById("service-price").val()).isEqualTo("trois");

        String code = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        mvc.perform(as(post(BASE + "/services")).param("code", code).param("name", "Garderie").param("price", "1,50"))
                .andExpect(status().is3xxRedirection());
        var taken = refused(as(post(BASE + "/services")).param("code", code).param("name", "Autre").param("price", "2"));
        assertThat(taken.getElementById("service-code-error").text()).contains("déjà");
        long service = jdbc.sql("select id from family_service where code = ?").param(code).query(Long.class).single();
        var month = refused(as(post(BASE + "/facturation")).param("service", Long.toString(service))
                .param("month", "2026-13").param("due", "31/12/2026"));
        assertThat(month.getElementById("billing-month-error").text()).isEqualTo("Écrivez le mois comme 2026-11.");
        assertThat(month.getElementById("billing-due-error").text()).isEqualTo("Écrivez la date comme 2026-12-31.");
        assertThat(month.getElementById("billing-month").val()).isEqualTo("2026-13");
        mvc.perform(as(post(BASE + "/facturation")).param("service", "999999999").param("month", "2026-11")
                .param("due", "2026-12-31")).andExpect(status().isNotFound());

        var resident = FamilyAccounts.resident(accounts, encoder, "pas-agent");
        var session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);
        mvc.perform(get(BASE).cookie(session)).andExpect(status().isForbidden());
    }

    private Household household(String name) {
        return FamilyAccounts.household(households, FamilyAccounts.resident(accounts, encoder, name));
    }

    private long child(Household household, String firstName) {
        return households.addChild(household.id(), new Households.NewChild(firstName, "Présente",
                LocalDate.of(2018, 5, 4), null, null));
    }

    private long invoice(String number) {
        return jdbc.sql("select amount_cents from family_invoice where number = ?").param(number).query(Long.class).single();
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.cookie(agent).with(csrf());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.cookie(agent)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private Document refused(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString());
    }
}
