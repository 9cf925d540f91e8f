package org.beffroi.family.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.beffroi.family.FamilyAccounts;
import org.beffroi.family.internal.Households;
import org.beffroi.family.internal.Invoices;
import org.beffroi.family.internal.Menus;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.platform.CommuneTime;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The family space's back office over HTTP, as an agent uses it: a household created for a resident's account, an
 * invoice typed in the form (amounts refused with the euros' messages, a number taken), the list's filters and its CSV,
 * the billing software's CSV imported whole or not at all and never twice, the canteen's menu published and shown on
 * the public page and the home page; each recorded in the audit log; a resident is refused, an unknown id is 404.
 */
@BeffroiTest
class FamilyOfficeTest {

    private static final String HEADER = "foyer;numero;objet;periode;montant;echeance\n";

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
    Menus menus;
    @Autowired
    JdbcClient jdbc;

    private Cookie agent;

    @BeforeEach
    void signIn() throws Exception {
        agent = SignIn.as(mvc, "agent@belvoir.example", "belvoir-agent-2026");
    }

    @Test
    void anAgentCreatesAHouseholdAndAnInvoiceAndFindsItInTheListAndTheCsv() throws Exception {
        var resident = FamilyAccounts.resident(accounts, encoder, "guichet");
        mvc.perform(post("/admin/familles").cookie(agent).with(csrf()).param("email", "personne@nulle-part.example"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Aucun compte n’a cette adresse.")));
        mvc.perform(post("/admin/familles").cookie(agent).with(csrf()).param("email", resident.email().toUpperCase()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/familles").cookie(agent).with(csrf()).param("email", resident.email()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("déjà rattaché")));
        var household = households.ofAccount(resident.accountId()).orElseThrow();
        mvc.perform(get("/admin/familles").param("q", resident.email()).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString(household.reference())));
        mvc.perform(post("/admin/familles/" + household.id() + "/enfants").cookie(agent).with(csrf())
                .param("firstName", "Jade").param("lastName", "Guichet").param("birthDate", "2019-05-01"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/familles/" + household.id()).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jade")));

        String number = "F-" + UUID.randomUUID().toString().substring(0, 8);
        for (var refused : new String[][] {{"douze", "Écrivez un montant en euros"}, {"0", "supérieur à zéro"},
                {"12,345", "deux décimales au plus"}, {"99999999", "dépasse le maximum"}}) {
            mvc.perform(post("/admin/familles/factures").cookie(agent).with(csrf()).param("household", household.reference())
                    .param("number", number).param("label", "Centre de loisirs").param("period", "2026-10")
                    .param("amount", refused[0]).param("dueDate", "2026-12-31"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"amount-error\"")))
                    .andExpect(content().string(containsString(refused[1])))
                    .andExpect(content().string(containsString("value=\"Centre de loisirs\"")));
        }
        mvc.perform(post("/admin/familles/factures").cookie(agent).with(csrf()).param("household", "FOY-INCONNU")
                .param("number", "").param("label", "").param("period", "").param("amount", "10").param("dueDate", "demain"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Aucun foyer n’a la référence")))
                .andExpect(content().string(containsString("Indiquez le numéro de la facture.")))
                .andExpect(content().string(containsString("Écrivez une date")));
        String created = mvc.perform(post("/admin/familles/factures").cookie(agent).with(csrf())
                .param("household", resident.email()).param("number", number).param("label", "Centre de loisirs")
                .param("period", "2026-10").param("amount", "31,50").param("dueDate", "31/12/2026"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        assertThat(invoices.find(id).orElseThrow().amountCents()).isEqualTo(3_150);
        assertThat(invoices.find(id).orElseThrow().dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        mvc.perform(post("/admin/familles/factures").cookie(agent).with(csrf()).param("household", household.reference())
                .param("number", number).param("label", "Autre").param("period", "2026-10").param("amount", "5")
                .param("dueDate", "2026-12-31")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Une facture porte déjà ce numéro.")));

        mvc.perform(get(created).cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("31,50\u00a0€")));
        mvc.perform(get("/admin/familles/factures/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/familles/999999999").cookie(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/familles/factures").param("q", number).param("statut", "UNPAID")
                .param("periode", "2026-10").cookie(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString(created + "\"")));
        mvc.perform(get("/admin/familles/factures").param("q", number).param("statut", "PAID").cookie(agent))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(created + "\""))))
                .andExpect(content().string(containsString("Aucune facture")));
        mvc.perform(get("/admin/familles/factures/export.csv").param("q", number).cookie(agent))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"" + number + "\";\"" + household.reference()
                        + "\";\"Centre de loisirs\";\"2026-10\";\"31.50\";\"2026-12-31\";\"UNPAID\"")));

        assertThat(audited("family.household-created", "family-household:" + household.id())).isEqualTo(1);
        assertThat(audited("family.child-added", "family-household:" + household.id())).isEqualTo(1);
        assertThat(audited("family.invoice-created", "family-invoice:" + id)).isEqualTo(1);

        var session = SignIn.as(mvc, resident.email(), FamilyAccounts.PASSWORD);
        mvc.perform(get("/admin/familles/factures").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/familles/factures").cookie(session).with(csrf()).param("number", "X"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCsvIsImportedWholeOrNotAtAllAndNeverTwice() throws Exception {
        var first = FamilyAccounts.household(households, FamilyAccounts.resident(accounts, encoder, "import"));
        var secondResident = FamilyAccounts.resident(accounts, encoder, "import2");
        FamilyAccounts.household(households, secondResident);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = HEADER + first.reference() + ";C-" + run + "-1;Restauration scolaire;2026-11;48,60;2026-12-15\n"
                + secondResident.email() + ";C-" + run + "-2;\"Accueil périscolaire; soir\";2026-11;12.5;15/12/2026\n";

        mvc.perform(multipart("/admin/familles/factures/import").file(csv(good)).cookie(agent).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2 factures importées")));
        assertThat(count(run)).isEqualTo(2);
        assertThat(jdbc.sql("select label from family_invoice where number = ?").param("C-" + run + "-2")
                .query(String.class).single()).isEqualTo("Accueil périscolaire; soir");
        // the same file again: nothing added
        mvc.perform(multipart("/admin/familles/factures/import").file(csv(good)).cookie(agent).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Aucune facture importée")))
                .andExpect(content().string(containsString("2 y étaient déjà")));
        assertThat(count(run)).isEqualTo(2);

        // one good line, three bad ones: each named with its line and reason, nothing written
        String bad = HEADER + first.reference() + ";C-" + run + "-3;Eau;2026-S2;10;2026-12-31\n"
                + "FOY-INCONNU;C-" + run + "-4;Eau;2026-S2;10;2026-12-31\n"
                + first.reference() + ";C-" + run + "-5;Eau;2026-S2;-4;2026-12-31\n"
                + first.reference() + ";C-" + run + "-6;Eau\n";
        mvc.perform(multipart("/admin/familles/factures/import").file(csv(bad)).cookie(agent).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Rien n’a été importé")))
                .andExpect(content().string(containsString("Ligne 3\u00a0:")))
                .andExpect(content().string(containsString("Aucun foyer n’a la référence ou l’adresse «\u00a0FOY-INCONNU\u00a0»")))
                .andExpect(content().string(containsString("Ligne 4\u00a0:")))
                .andExpect(content().string(containsString("Le montant doit être supérieur à zéro.")))
                .andExpect(content().string(containsString("Ligne 5\u00a0:")))
                .andExpect(content().string(containsString("6 colonnes attendues, 3 trouvées.")))
                .andExpect(content().string(not(containsString("Ligne 2\u00a0:"))));
        assertThat(count(run)).isEqualTo(2);

        // a number twice in one file, a file that is not UTF-8, no file
        String twice = HEADER + first.reference() + ";C-" + run + "-7;Eau;2026;10;2026-12-31\n"
                + first.reference() + ";C-" + run + "-7;Eau;2026;10;2026-12-31\n";
        mvc.perform(multipart("/admin/familles/factures/import").file(csv(twice)).cookie(agent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Ligne 3\u00a0:")))
                .andExpect(content().string(containsString("déjà sur une ligne précédente")));
        mvc.perform(multipart("/admin/familles/factures/import").file(new MockMultipartFile("file", "f.csv", "text/csv",
                (HEADER + first.reference() + ";C-" + run + "-8;Électricité;2026;10;2026-12-31\n")
                        .getBytes(StandardCharsets.ISO_8859_1))).cookie(agent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("pas en UTF-8")));
        mvc.perform(multipart("/admin/familles/factures/import").cookie(agent).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Choisissez un fichier CSV.")));
        assertThat(count(run)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'family.invoices-imported' "
                + "and details like '2 imported%'").query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theMenuOfTheWeekIsPublishedAndShownOnTheCanteenPageAndTheHomePage() throws Exception {
        LocalDate monday = Menus.mondayOf(LocalDate.now(CommuneTime.ZONE));
        mvc.perform(post("/admin/familles/menus").cookie(agent).with(csrf()).param("week", monday.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Écrivez le menu d’un jour au moins.")));
        mvc.perform(post("/admin/familles/menus").cookie(agent).with(csrf()).param("week", "lundi")
                .param("monday", "Soupe")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choisissez une semaine.")));
        String dish = "Gratin de courge " + UUID.randomUUID().toString().substring(0, 6);
        String[] days = {"monday", "tuesday", "wednesday", "thursday", "friday"};
        var publishing = post("/admin/familles/menus").cookie(agent).with(csrf()).param("week", monday.plusDays(2).toString());
        for (String day : days) {
            publishing.param(day, "Salade verte\n" + dish + "\nClémentine");
        }
        mvc.perform(publishing).andExpect(status().is3xxRedirection());
        assertThat(menus.week(monday).orElseThrow().days()).hasSize(5);

        mvc.perform(get("/cantine")).andExpect(status().isOk()).andExpect(content().string(containsString(dish)))
                .andExpect(content().string(containsString("Clémentine")));
        mvc.perform(get("/cantine?semaine=" + monday.plusWeeks(40))).andExpect(status().isOk())
                .andExpect(content().string(containsString("n’est pas publié")));
        mvc.perform(get("/cantine?semaine=demain")).andExpect(status().isNotFound());
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString(dish)));
        assertThat(audited("family.menu-published", "family-menu:" + monday)).isGreaterThanOrEqualTo(1);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "factures.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private long count(String run) {
        return jdbc.sql("select count(*) from family_invoice where number like ?").param("C-" + run + "-%")
                .query(Long.class).single();
    }

    private long audited(String action, String target) {
        return jdbc.sql("select count(*) from platform_audit_log where action = ? and target = ?").params(action, target)
                .query(Long.class).single();
    }
}
