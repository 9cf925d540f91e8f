package org.beffroi.procedures.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.identity.internal.AgentServiceRepository;
import org.beffroi.platform.Role;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FormPage;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.definition.WorkflowDefinition;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.DemoProcedures;
import org.beffroi.procedures.internal.HistoryEntry;
import org.beffroi.procedures.internal.HistoryKind;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.Cookie;

/**
 * The agents' back office of cases, over HTTP with the real database: the inbox's filters, search, bulk assignment
 * and export; a case's page read through its own version; buttons, notes, assignment and corrections; counter mode;
 * and who may open what (another service's case, an unknown id: 404 on every route; a resident: 403).
 */
@BeffroiTest
class CaseOfficeTest {

    private static final String PASSWORD = "le dossier est bien arrivé";

    @Autowired
    MockMvc mvc;
    @Autowired
    ProcedureDesks procedures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    AgentServiceRepository services;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Two services of their own, an agent in each, a resident: made once for the class. */
    static Long serviceA;
    static Long serviceB;
    static long agentA;
    static long agentB;
    static Cookie sessionA;
    static Cookie sessionB;
    static Cookie resident;
    static Cookie admin;

    long procedure;

    @BeforeEach
    void setUp() throws Exception {
        if (serviceA == null) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            serviceA = services.insert("Service A " + run, null, null);
            serviceB = services.insert("Service B " + run, null, null);
            agentA = staff("agent-a-" + run, "Alice Instructrice " + run, serviceA);
            agentB = staff("agent-b-" + run, "Bruno Voisin " + run, serviceB);
            sessionA = SignIn.as(mvc, "agent-a-" + run + "@exemple.fr", PASSWORD);
            sessionB = SignIn.as(mvc, "agent-b-" + run + "@exemple.fr", PASSWORD);
            resident = SignIn.as(mvc, "habitant@belvoir.example", "belvoir-habitant-2026");
            admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        }
        procedure = parkingCard(serviceA);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long staff(String local, String name, long service) {
        long id = accounts.insert(local + "@exemple.fr", name, encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                EnumSet.of(Role.AGENT));
        accounts.setServices(id, Set.of(service));
        return id;
    }

    /** The shipped parking-card procedure under a slug of its own, its cases assigned to the service given. */
    long parkingCard(long service) {
        String slug = "stationnement-" + UUID.randomUUID().toString().substring(0, 8);
        String json = DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> r.getFilename().equals("carte-de-stationnement.json")).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"" + slug + "\"");
        var imported = procedures.catalogue().importFile(json, true);
        assertThat(imported.problems()).isEmpty();
        procedures.catalogue().mapFunctions(imported.procedureId(), Map.of("instruction", service));
        return imported.procedureId();
    }

    CaseRecord file(long procedureId, String name, String email) {
        var answers = Map.<String, Object>of("nom", name, "courriel", email, "adresse", "3 rue des Tilleuls",
                "immatriculation", "AB-123-CD", "usage", "personnel");
        var version = procedures.store().find(procedureId).orElseThrow().publishedVersionId();
        UUID draft = procedures.drafts().start(version, null, Map.of());
        return procedures.desk().file(draft, null, answers, new Filer(null, email, name, null));
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theInboxShowsTheServicesCasesFilteredSearchedAndFlaggedOverdue() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // a service of this test's own, so that its counts are this test's
        long service = services.insert("Service C " + run, null, null);
        long agentC = staff("agent-c-" + run, "Céline Comptable " + run, service);
        Cookie sessionC = SignIn.as(mvc, "agent-c-" + run + "@exemple.fr", PASSWORD);
        long procedure = parkingCard(service);
        var martin = file(procedure, "Jeanne Martin " + run, "jeanne-" + run + "@exemple.fr");
        var durand = file(procedure, "Paul Durand " + run, "paul-" + run + "@exemple.fr");
        var elsewhere = file(parkingCard(serviceB), "Zoé Ailleurs " + run, "zoe-" + run + "@exemple.fr");
        procedures.desk().press(durand, "demander", "Merci de joindre la carte grise.");

        String all = page(get("/admin/dossiers").param("q", run).cookie(sessionC));
        assertThat(all).contains(martin.number(), durand.number(), "Jeanne Martin " + run).doesNotContain(
                elsewhere.number(), "Zoé Ailleurs");
        // the other service's agent sees only their own
        assertThat(page(get("/admin/dossiers").param("q", run).cookie(sessionB))).contains(elsewhere.number())
                .doesNotContain(martin.number(), durand.number());
        // an administrator of procedures sees every case
        assertThat(page(get("/admin/dossiers").param("q", run).cookie(admin))).contains(martin.number(),
                elsewhere.number());

        assertThat(page(get("/admin/dossiers").param("q", "durand " + run).cookie(sessionC)))
                .contains(durand.number()).doesNotContain(martin.number());
        assertThat(page(get("/admin/dossiers").param("q", "JEANNE-" + run + "@").cookie(sessionC)))
                .contains(martin.number()).doesNotContain(durand.number());
        assertThat(page(get("/admin/dossiers").param("q", martin.number()).cookie(sessionC)))
                .contains(martin.number()).doesNotContain(durand.number());
        assertThat(page(get("/admin/dossiers").param("q", run).param("statut", "complement").cookie(sessionC)))
                .contains(durand.number()).doesNotContain(martin.number());
        assertThat(page(get("/admin/dossiers").param("q", run).param("procedure", Long.toString(procedure))
                .cookie(sessionC))).contains(durand.number(), martin.number());
        var tomorrow = java.time.LocalDate.now(org.beffroi.platform.CommuneTime.ZONE).plusDays(1).toString();
        assertThat(page(get("/admin/dossiers").param("q", run).param("du", tomorrow).cookie(sessionC)))
                .doesNotContain(durand.number(), martin.number()).contains("Aucun dossier ne correspond.");
        assertThat(page(get("/admin/dossiers").param("q", run).param("au", tomorrow).cookie(sessionC)))
                .contains(durand.number(), martin.number());

        // a case placed in a neighbourhood (the resident's address does it once addresses are placed)
        long neighbourhood = jdbc.sql("select min(id) from portal_neighbourhood").query(Long.class).single();
        jdbc.sql("update procedures_case set neighbourhood_id = ? where id = ?").params(neighbourhood, martin.id())
                .update();
        assertThat(page(get("/admin/dossiers").param("q", run).param("quartier", Long.toString(neighbourhood))
                .cookie(sessionC))).contains(martin.number()).doesNotContain(durand.number());

        // "Reçue" gives itself 10 days; "En attente d'un document" none
        clock.advance(Duration.ofDays(11));
        String overdue = page(get("/admin/dossiers").param("q", run).param("retard", "true").cookie(sessionC));
        assertThat(overdue).contains(martin.number(), "1 dossier en retard", "En retard").doesNotContain(durand.number());
        assertThat(page(get("/admin/dossiers/" + martin.id()).cookie(sessionC))).contains("En retard");
        assertThat(page(get("/admin/dossiers/" + durand.id()).cookie(sessionC))).doesNotContain("En retard");
        // sorted by due date: the one with a deadline first, the one without last
        String byDue = page(get("/admin/dossiers").param("q", run).param("tri", "DUE").cookie(sessionC));
        assertThat(byDue.indexOf(martin.number())).isLessThan(byDue.indexOf(durand.number()));
        String byFiled = page(get("/admin/dossiers").param("q", run).param("tri", "FILED").cookie(sessionC));
        assertThat(byFiled.indexOf(durand.number())).isLessThan(byFiled.indexOf(martin.number()));

        // assigned to me / unassigned
        assertThat(page(get("/admin/dossiers").param("q", run).param("attribution", "ME").cookie(sessionC)))
                .doesNotContain(martin.number());
        mvc.perform(post("/admin/dossiers/attribution").cookie(sessionC).with(csrf())
                .param("ids", Long.toString(martin.id())).param("vers", "AGENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(procedures.cases().find(martin.id()).orElseThrow().agentId()).isEqualTo(agentC);
        assertThat(page(get("/admin/dossiers").param("q", run).param("attribution", "ME").cookie(sessionC)))
                .contains(martin.number()).doesNotContain(durand.number());
        assertThat(page(get("/admin/dossiers").param("q", run).param("attribution", "NOBODY").cookie(sessionC)))
                .contains(durand.number()).doesNotContain(martin.number());
        assertThat(page(get("/admin/dossiers").param("q", run).param("attribution", "MY_SERVICES").cookie(sessionC)))
                .contains(durand.number(), martin.number());
    }

    @Test
    void aBulkAssignmentWithAForeignIdIsRefusedAndNothingIsAssigned() throws Exception {
        var one = file(procedure, "Un", "un@exemple.fr");
        var two = file(procedure, "Deux", "deux@exemple.fr");
        var foreign = file(parkingCard(serviceB), "Étranger", "etranger@exemple.fr");

        mvc.perform(post("/admin/dossiers/attribution").cookie(sessionA).with(csrf())
                .param("ids", Long.toString(one.id()), Long.toString(foreign.id())).param("vers", "AGENT"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/dossiers/attribution").cookie(sessionA).with(csrf())
                .param("ids", Long.toString(one.id()), "987654321").param("vers", "NOBODY"))
                .andExpect(status().isNotFound());
        assertThat(procedures.cases().find(one.id()).orElseThrow().agentId()).isNull();
        assertThat(procedures.cases().find(foreign.id()).orElseThrow().agentId()).isNull();

        mvc.perform(post("/admin/dossiers/attribution").cookie(sessionA).with(csrf())
                .param("ids", Long.toString(one.id()), Long.toString(two.id())).param("vers", "AGENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(procedures.cases().find(one.id()).orElseThrow().agentId()).isEqualTo(agentA);
        assertThat(procedures.cases().find(two.id()).orElseThrow().agentId()).isEqualTo(agentA);

        mvc.perform(post("/admin/dossiers/attribution").cookie(sessionA).with(csrf())
                .param("ids", Long.toString(two.id())).param("vers", "SERVICE").param("service", serviceB.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(procedures.cases().find(two.id()).orElseThrow().serviceId()).isEqualTo(serviceB);
        assertThat(procedures.cases().find(two.id()).orElseThrow().agentId()).isNull();
        // it left service A: agent A no longer opens it
        mvc.perform(get("/admin/dossiers/" + two.id()).cookie(sessionA)).andExpect(status().isNotFound());
        assertThat(procedures.cases().history(two.id())).extracting(HistoryEntry::kind)
                .filteredOn(HistoryKind.ASSIGNED::equals)
                .hasSize(3);
    }

    @Test
    void theExportHoldsTheFilteredCasesWithFormulasDefused() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var formula = file(procedure, "=HYPERLINK(\"http://exemple.invalid\";\"" + run + "\")", "f-" + run + "@exemple.fr");
        var plain = file(procedure, "Anne Simple " + run, "anne-" + run + "@exemple.fr");
        var foreign = file(parkingCard(serviceB), "Autre " + run, "autre-" + run + "@exemple.fr");

        var response = mvc.perform(get("/admin/dossiers/export.csv").param("q", run).cookie(sessionA))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("\"numero\";\"demarche\";\"statut\"");
        assertThat(csv).contains("\"" + formula.number() + "\"", "\"" + plain.number() + "\"", "\"Anne Simple " + run
                + "\"", "\"Reçue\"", "\"anne-" + run + "@exemple.fr\"", "\"'=HYPERLINK(").doesNotContain(
                        foreign.number(), "\"=HYPERLINK");
        assertThat(csv.lines().count()).isEqualTo(3);
        assertThat(csv).contains("\"" + formula.filedAt().atZone(org.beffroi.platform.CommuneTime.ZONE)
                .toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + "\"");
        // the export is in the security log, by the agent who made it
        assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'procedures.cases-exported' "
                + "and actor_account_id = ?").param(agentA).query(Long.class).single()).isPositive();
        // the other service's agent exports none of these
        String theirs = mvc.perform(get("/admin/dossiers/export.csv").param("q", run).cookie(sessionB))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(theirs).contains(foreign.number()).doesNotContain(formula.number(), plain.number());
        // filtered as the list is
        String searched = mvc.perform(get("/admin/dossiers/export.csv").param("q", "simple " + run).cookie(sessionA))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(searched).contains(plain.number()).doesNotContain(formula.number());
    }

    @Test
    void theCasePageReadsTheCaseThroughTheVersionItWasFiledUnder() throws Exception {
        var filed = file(procedure, "Jeanne Version", "version@exemple.fr");
        var first = procedures.store().latest(procedure).orElseThrow().definition();
        // the commune renames the plate's field and the first status in a new version, and publishes it
        var pages = new ArrayList<FormPage>();
        for (var page : first.pages()) {
            pages.add(new FormPage(page.title(), page.fields().stream().map(f -> f.key().equals("immatriculation")
                    ? new FieldDefinition(f.key(), f.type(), "Plaque du véhicule", f.hint(), f.required(), f.pattern(),
                            f.patternMessage(), f.min(), f.max(), f.choices(), f.file(), f.showWhen(), f.prefill(),
                            f.fields(), f.maxRepeat())
                    : f).toList()));
        }
        var statuses = new ArrayList<>(first.workflow().statuses());
        var recue = statuses.getFirst();
        statuses.set(0, new StatusDefinition(recue.id(), "Arrivée en mairie", recue.visible(), recue.targetDays(),
                recue.closed(), recue.actions(), recue.buttons()));
        procedures.catalogue().saveVersion(procedure, new ProcedureDefinition(first.format(), first.slug(),
                first.title(), first.summary(), first.category(), first.lifeEvents(), first.access(),
                first.retentionDays(), first.functions(), pages, new WorkflowDefinition(first.workflow().initial(), statuses)));
        assertThat(procedures.catalogue().publishLatest(procedure)).isEmpty();

        String page = page(get("/admin/dossiers/" + filed.id()).cookie(sessionA));
        assertThat(page).contains(filed.number(), "Immatriculation", "AB-123-CD", "Reçue", "version\u00a01",
                "à vous ou à une personne de votre foyer", "Carte grise", "Accepter", "Demander un document")
                .doesNotContain("Plaque du véhicule", "Arrivée en mairie");
        // a case filed now is on the new version
        var newer = file(procedure, "Jeanne Nouvelle", "nouvelle@exemple.fr");
        assertThat(page(get("/admin/dossiers/" + newer.id()).cookie(sessionA))).contains("Plaque du véhicule",
                "Arrivée en mairie", "version\u00a02");
    }

    @Test
    void theButtonsMoveTheCaseAndTheQuestionReachesTheResident() throws Exception {
        var filed = file(procedure, "Jeanne Bouton", "bouton@exemple.fr");

        mvc.perform(post("/admin/dossiers/" + filed.id() + "/boutons/demander").cookie(sessionA).with(csrf())
                .param("question", "  ")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Écrivez la question à poser à la personne.")))
                .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));
        assertThat(procedures.cases().find(filed.id()).orElseThrow().status()).isEqualTo("recue");

        mvc.perform(post("/admin/dossiers/" + filed.id() + "/boutons/demander").cookie(sessionA).with(csrf())
                .param("question", "Merci de joindre la carte grise."))
                .andExpect(redirectedUrl("/admin/dossiers/" + filed.id()));
        assertThat(procedures.cases().find(filed.id()).orElseThrow().status()).isEqualTo("complement");
        assertThat(procedures.cases().historyForResident(filed.id())).filteredOn(e -> e.kind() == HistoryKind.QUESTION)
                .extracting(HistoryEntry::text).containsExactly("Merci de joindre la carte grise.");
        assertThat(procedures.cases().questions(filed.id())).extracting(q -> q.question())
                .containsExactly("Merci de joindre la carte grise.");
        // the page of the new status offers that status's buttons: none in "complement"
        assertThat(page(get("/admin/dossiers/" + filed.id()).cookie(sessionA))).contains("En attente d’un document",
                "Merci de joindre la carte grise.")
                .doesNotContain("/boutons/accepter");
        // a button of another status is not found
        mvc.perform(post("/admin/dossiers/" + filed.id() + "/boutons/accepter").cookie(sessionA).with(csrf()))
                .andExpect(status().isNotFound());

        var other = file(procedure, "Jeanne Acceptée", "acceptee@exemple.fr");
        mvc.perform(post("/admin/dossiers/" + other.id() + "/boutons/accepter").cookie(sessionA).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var accepted = procedures.cases().find(other.id()).orElseThrow();
        assertThat(accepted.status()).isEqualTo("acceptee");
        assertThat(accepted.closed()).isTrue();
        assertThat(accepted.dueAt()).isNull();
    }

    @Test
    void aNoteIsForAgentsOnly() throws Exception {
        var filed = file(procedure, "Jeanne Note", "note@exemple.fr");
        String note = "Dossier déjà vu au guichet " + UUID.randomUUID();

        mvc.perform(post("/admin/dossiers/" + filed.id() + "/notes").cookie(sessionA).with(csrf()).param("note", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Écrivez la note.")));
        mvc.perform(post("/admin/dossiers/" + filed.id() + "/notes").cookie(sessionA).with(csrf()).param("note", note))
                .andExpect(status().is3xxRedirection());

        assertThat(procedures.cases().history(filed.id())).filteredOn(e -> e.kind() == HistoryKind.NOTE)
                .singleElement().satisfies(e -> {
                    assertThat(e.text()).isEqualTo(note);
                    assertThat(e.forResident()).isFalse();
                    assertThat(e.actorAccountId()).isEqualTo(agentA);
                });
        assertThat(procedures.cases().historyForResident(filed.id())).extracting(HistoryEntry::text)
                .doesNotContain(note);
        assertThat(page(get("/admin/dossiers/" + filed.id()).cookie(sessionA))).contains(note, "Note interne");
    }

    @Test
    void aCorrectedAnswerIsCheckedAndTheHistoryKeepsBeforeAndAfter() throws Exception {
        var filed = file(procedure, "Jeanne Correction", "correction@exemple.fr");
        String base = "/admin/dossiers/" + filed.id() + "/reponses/";

        mvc.perform(post(base + "immatriculation").cookie(sessionA).with(csrf()).param("valeur", "pas une plaque"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("deux lettres, trois chiffres")))
                .andExpect(content().string(Matchers.containsString("value=\"pas une plaque\"")));
        mvc.perform(post(base + "nom").cookie(sessionA).with(csrf()).param("valeur", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Ce champ est obligatoire.")));
        mvc.perform(post(base + "courriel").cookie(sessionA).with(csrf()).param("valeur", "pas-une-adresse"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "usage").cookie(sessionA).with(csrf()).param("valeur", "inventé"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "inexistant").cookie(sessionA).with(csrf()).param("valeur", "x"))
                .andExpect(status().isNotFound());
        assertThat(procedures.cases().find(filed.id()).orElseThrow().data()).containsEntry("immatriculation",
                "AB-123-CD");

        mvc.perform(post(base + "immatriculation").cookie(sessionA).with(csrf()).param("valeur", "EF-456-GH"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "usage").cookie(sessionA).with(csrf()).param("valeur", "professionnel"))
                .andExpect(status().is3xxRedirection());

        var data = procedures.cases().find(filed.id()).orElseThrow().data();
        assertThat(data).containsEntry("immatriculation", "EF-456-GH").containsEntry("usage", "professionnel");
        assertThat(procedures.cases().history(filed.id())).filteredOn(e -> e.kind() == HistoryKind.DATA_EDIT)
                .extracting(HistoryEntry::text, HistoryEntry::before, HistoryEntry::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("immatriculation", "AB-123-CD", "EF-456-GH"),
                        org.assertj.core.groups.Tuple.tuple("usage", "personnel", "professionnel"));
        assertThat(procedures.cases().historyForResident(filed.id())).extracting(HistoryEntry::kind)
                .doesNotContain(HistoryKind.DATA_EDIT);
        assertThat(page(get("/admin/dossiers/" + filed.id()).cookie(sessionA))).contains("Réponse corrigée",
                "AB-123-CD", "EF-456-GH");
    }

    @Test
    void theAssignmentTakesAnAgentOfTheChosenService() throws Exception {
        var filed = file(procedure, "Jeanne Attribution", "attribution@exemple.fr");
        String path = "/admin/dossiers/" + filed.id() + "/attribution";

        mvc.perform(post(path).cookie(sessionA).with(csrf()).param("service", serviceA.toString())
                .param("agent", Long.toString(agentB))).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("n’appartient pas au service choisi")));
        mvc.perform(post(path).cookie(sessionA).with(csrf()).param("service", serviceA.toString())
                .param("agent", Long.toString(agentA))).andExpect(redirectedUrl(path.replace("/attribution", "")));
        assertThat(procedures.cases().find(filed.id()).orElseThrow().agentId()).isEqualTo(agentA);
        assertThat(page(get("/admin/dossiers/" + filed.id()).cookie(sessionA))).contains("Alice Instructrice");

        mvc.perform(post(path).cookie(sessionA).with(csrf()).param("service", serviceB.toString()))
                .andExpect(redirectedUrl("/admin/dossiers"));
        mvc.perform(get("/admin/dossiers/" + filed.id()).cookie(sessionB)).andExpect(status().isOk());
        mvc.perform(get("/admin/dossiers/" + filed.id()).cookie(sessionA)).andExpect(status().isNotFound());
    }

    @Test
    void atTheCounterTheDraftIsHeldByTheAgentForThePerson() throws Exception {
        mvc.perform(post("/admin/dossiers/guichet").cookie(sessionA).with(csrf())
                .param("procedure", Long.toString(procedure)).param("name", "Marcel Guichet")
                .param("email", "pas-une-adresse")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("value=\"Marcel Guichet\"")))
                .andExpect(content().string(Matchers.containsString("id=\"email-error\"")));
        mvc.perform(post("/admin/dossiers/guichet").cookie(sessionA).with(csrf()).param("procedure", "987654321")
                .param("name", "Marcel Guichet").param("email", "marcel@exemple.fr"))
                .andExpect(status().isBadRequest());

        String location = mvc.perform(post("/admin/dossiers/guichet").cookie(sessionA).with(csrf())
                .param("procedure", Long.toString(procedure)).param("name", "Marcel Guichet")
                .param("email", "Marcel@Exemple.fr")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        String slug = procedures.store().find(procedure).orElseThrow().slug();
        assertThat(location).matches("/demarches/" + slug + "/brouillons/[0-9a-f-]{36}/1");
        UUID id = UUID.fromString(location.split("/")[4]);
        // the agent fills the resident's first page; another agent finds nothing there
        mvc.perform(get(location).cookie(sessionA)).andExpect(status().isOk());
        mvc.perform(get(location).cookie(sessionB)).andExpect(status().isNotFound());

        var draft = procedures.drafts().find(id, agentA).orElseThrow();
        assertThat(draft.accountId()).isEqualTo(agentA);
        assertThat(draft.atTheCounter()).isTrue();
        assertThat(draft.forEmail()).isEqualTo("marcel@exemple.fr");
        assertThat(draft.forName()).isEqualTo("Marcel Guichet");
        assertThat(draft.versionId()).isEqualTo(procedures.store().find(procedure).orElseThrow().publishedVersionId());
        // another agent, or someone holding the address alone, cannot open it
        assertThat(procedures.drafts().find(id, agentB)).isEmpty();
        assertThat(procedures.drafts().find(id, null)).isEmpty();
        assertThat(procedures.drafts().needsSignIn(id, agentB)).isTrue();

        // filed at the counter, the case says by which agent
        var filed = procedures.desk().file(id, agentA, Map.of("nom", "Marcel Guichet"), new Filer(null,
                draft.forEmail(), draft.forName(), agentA));
        assertThat(page(get("/admin/dossiers/" + filed.id()).cookie(sessionA))).contains("au guichet, par Alice Instructrice");
    }

    /** Every route of the case pages, for one case: each must answer 404 to another service's agent. */
    List<MockHttpServletRequestBuilder> everyCaseRoute(long id) {
        String base = "/admin/dossiers/" + id;
        return List.of(get(base), get(base + "/fichiers/" + UUID.randomUUID()),
                get(base + "/documents/" + UUID.randomUUID()), post(base + "/notes").with(csrf()).param("note", "Intrusion"),
                post(base + "/boutons/accepter").with(csrf()),
                post(base + "/boutons/demander").with(csrf()).param("question", "Intrusion ?"),
                post(base + "/attribution").with(csrf()).param("service", serviceB.toString()),
                post(base + "/reponses/nom").with(csrf()).param("valeur", "Intrus"));
    }

    @Test
    void anotherServicesCaseAndAnUnknownIdAre404OnEveryRouteAndAResidentGets403() throws Exception {
        // the routes tried here are every route of the case pages the application maps
        var mapped = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/admin/dossiers/{id}")).forEach(p -> info.getMethodsCondition()
                        .getMethods().forEach(m -> mapped.add(m + " " + p))));
        assertThat(mapped).containsExactlyInAnyOrder("GET /admin/dossiers/{id}", "POST /admin/dossiers/{id}/notes",
                "GET /admin/dossiers/{id}/fichiers/{fileId}", "GET /admin/dossiers/{id}/documents/{documentId}",
                "POST /admin/dossiers/{id}/boutons/{button}", "POST /admin/dossiers/{id}/attribution",
                "POST /admin/dossiers/{id}/reponses/{key}");

        var filed = file(procedure, "Jeanne Protégée", "protegee@exemple.fr");
        for (var request : everyCaseRoute(filed.id())) {
            mvc.perform(request.cookie(sessionB)).andExpect(status().isNotFound());
        }
        for (var request : everyCaseRoute(987654321L)) {
            mvc.perform(request.cookie(sessionA)).andExpect(status().isNotFound());
        }
        for (var request : everyCaseRoute(filed.id())) {
            mvc.perform(request.cookie(resident)).andExpect(status().isForbidden());
        }
        var unchanged = procedures.cases().find(filed.id()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo("recue");
        assertThat(unchanged.serviceId()).isEqualTo(serviceA);
        assertThat(unchanged.data()).containsEntry("nom", "Jeanne Protégée");
        assertThat(procedures.cases().history(filed.id())).extracting(HistoryEntry::kind)
                .doesNotContain(HistoryKind.NOTE, HistoryKind.DATA_EDIT,
                HistoryKind.QUESTION);
        mvc.perform(post("/admin/dossiers/attribution").cookie(sessionB).with(csrf())
                .param("ids", Long.toString(filed.id())).param("vers", "AGENT")).andExpect(status().isNotFound());
        assertThat(procedures.cases().find(filed.id()).orElseThrow().agentId()).isNull();

        // the inbox, the export, the bulk form and the counter are the back office's: a resident gets 403
        for (var request : List.of(get("/admin/dossiers"), get("/admin/dossiers/export.csv"),
                get("/admin/dossiers/guichet"), post("/admin/dossiers/guichet").with(csrf()),
                post("/admin/dossiers/attribution").with(csrf()).param("ids", Long.toString(filed.id()))
                        .param("vers", "AGENT"))) {
            mvc.perform(request.cookie(resident)).andExpect(status().isForbidden());
        }
        // the one who may handle it opens it, and so does an administrator
        mvc.perform(get("/admin/dossiers/" + filed.id()).cookie(sessionA)).andExpect(status().isOk());
        mvc.perform(get("/admin/dossiers/" + filed.id()).cookie(admin)).andExpect(status().isOk());
    }

    @Test
    void theOfficePagesAreValidHtmlWithAndWithoutErrors() throws Exception {
        var filed = file(procedure, "Jeanne Valide", "valide@exemple.fr");
        String base = "/admin/dossiers/" + filed.id();
        mvc.perform(post(base + "/notes").cookie(sessionA).with(csrf()).param("note", "Une note."));
        mvc.perform(post(base + "/reponses/nom").cookie(sessionA).with(csrf()).param("valeur", "Jeanne Valide-Corrigée"));
        var pages = new java.util.LinkedHashMap<String, String>();
        pages.put("inbox", page(get("/admin/dossiers").cookie(sessionA)));
        pages.put("case", page(get(base).cookie(sessionA)));
        pages.put("counter", page(get("/admin/dossiers/guichet").cookie(sessionA)));
        pages.put("counter with errors", page(post("/admin/dossiers/guichet").cookie(sessionA).with(csrf())
                .param("name", "").param("email", "x")));
        pages.put("question missing", page(post(base + "/boutons/demander").cookie(sessionA).with(csrf())));
        pages.put("note missing", page(post(base + "/notes").cookie(sessionA).with(csrf())));
        pages.put("wrong agent", page(post(base + "/attribution").cookie(sessionA).with(csrf())
                .param("service", serviceA.toString()).param("agent", Long.toString(agentB))));
        pages.put("wrong answer", page(post(base + "/reponses/usage").cookie(sessionA).with(csrf())
                .param("valeur", "inventé")));
        pages.put("wrong date", page(post(base + "/reponses/immatriculation").cookie(sessionA).with(csrf())
                .param("valeur", "x")));
        pages.forEach((name, html) -> assertThat(org.beffroi.testing.HtmlChecker.errors(html,
                "http://localhost/admin/dossiers")).as(name).isEmpty());
    }
}
