package org.beffroi;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.beffroi.alerts.CrisisKind;
import org.beffroi.alerts.RegisterForms;
import org.beffroi.alerts.Severity;
import org.beffroi.alerts.VulnerableRegister;
import org.beffroi.alerts.internal.AlertDesk;
import org.beffroi.alerts.internal.Area;
import org.beffroi.alerts.internal.Newsletters;
import org.beffroi.alerts.internal.RelayOutage;
import org.beffroi.alerts.internal.Topics;
import org.beffroi.payments.internal.simulator.PayfipSimulator;
import org.beffroi.platform.PublicAddress;
import org.beffroi.procedures.internal.CaseDesk;
import org.beffroi.platform.CommuneTime;
import org.beffroi.portal.internal.MediaDesk;
import org.beffroi.payments.NewPayment;
import org.beffroi.payments.PaymentProvider;
import org.beffroi.payments.Payments;
import org.beffroi.payments.internal.PaymentOffice;
import org.beffroi.payments.internal.TestPaymentProvider;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Outbox;
import org.beffroi.testing.SignIn;
import org.beffroi.testing.TestProfiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;

/**
 * Every page of the application, as the application lists them (each GET route without a variable, and one of
 * each route with variables, filled from the demo data), for each kind of person (anonymous, resident, agent,
 * administrator, elected official: the demo accounts), on a wide screen (1280 px) and on a phone (390 px): axe-core finds no
 * violation (BrowserChecks' rules) and the page is no wider than the screen. Screenshots of the main pages at both
 * widths are written under target/screenshots.
 */
class EveryPageBrowserTest extends BrowserTest {

    private static final int WIDE = 1280;
    private static final int PHONE = 390;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Routes that are not pages, although their mapping does not say so (a produced type other than HTML does). */
    private static final Map<String, String> NOT_PAGES = Map.ofEntries(
            entry("/admin/utilisateurs/export.csv", "CSV download of the accounts"),
            entry("/admin/journal/export.csv", "CSV download of the security log"),
            entry("/admin/signalements/export.csv", "CSV download of the reports' inbox"),
            entry("/signalements.geojson", "GeoJSON of the reports' map"),
            entry("/adresses.json", "the maps' address search (JSON)"),
            entry("/admin/signalements/carte.geojson", "GeoJSON of the agents' map of reports"),
            entry("/signalements/chiffres.csv", "CSV download of the reports' figures (open data)"),
            entry("/open311/v2/discovery.{format:json|xml}", "Open311: the discovery document, JSON or XML"),
            entry("/open311/v2/services.{format:json|xml}", "Open311: the services, JSON or XML"),
            entry("/open311/v2/requests.{format:json|xml}", "Open311: the service requests, JSON or XML"),
            entry("/open311/v2/services/{code}.{format:json|xml}", "Open311: a service's definition, JSON or XML"),
            entry("/open311/v2/requests/{id}.{format:json|xml}", "Open311: a service request, JSON or XML"),
            entry("/open311/v2/tokens/{token}.{format:json|xml}", "Open311: a token's service request, JSON or XML"),
            entry("/open311/v2/servicerequestupdates.{format:json|xml}",
                    "Open311: the public updates of a range of dates, JSON or XML"),
            entry("/admin/agenda/{id}/inscrits.csv", "CSV download of an event's attendees"),
            entry("/admin/alertes/exclusions.csv", "CSV download of the suppressed addresses"),
            entry("/admin/alertes/chiffres.csv", "CSV download of the alerts' figures"),
            entry("/admin/alertes/abonnes.csv", "CSV download of the subscribers"),
            entry("/admin/registre/crises/{id}/appels.csv", "CSV download of a crisis' call list"),
            entry("/agenda.ics", "iCalendar feed"),
            entry("/rendez-vous/agenda.ics", "iCalendar file of one booking, from its mailed link"),
            entry("/mes-demarches/{id}/fichiers/{fileId}", "download of a file the resident gave"),
            entry("/mes-demarches/{id}/documents/{documentId}", "download of a PDF the workflow made"),
            entry("/admin/dossiers/{id}/fichiers/{fileId}", "download of a file the resident gave"),
            entry("/admin/dossiers/{id}/documents/{documentId}", "download of a PDF the workflow made"),
            entry("/favicon.ico", "the site's icon, an image"),
            entry("/agenda/carte.geojson", "GeoJSON of the agenda's map"),
            entry("/quartiers/{slug}/contour.geojson", "GeoJSON of a neighbourhood's outline"),
            entry("/actualites.atom", "Atom feed of the news"),
            entry("/alertes.atom", "Atom (CAP) feed of the alerts"),
            entry("/alertes/{id}.cap", "CAP message of an alert"),
            entry("/alertes/{id}/messages/{messageId}.cap", "CAP message of an alert's update"),
            entry("/alertes/{id}/fin.cap", "CAP message of an alert's end"),
            entry("/podcasts.rss", "RSS feed of the podcasts"),
            entry("/theme.css", "the commune's stylesheet"),
            entry("/fichiers/{id}", "an uploaded file"),
            entry("/mon-compte/donnees", "JSON download of the person's data"),
            entry("/admin/alertes/{id}/progression", "an alert's sending progress: a piece of its page that htmx refreshes"),
            entry("/admin/lettres/numeros/{issueId}/progression", "an issue's sending progress: a piece of its page that "
                    + "htmx refreshes"),
            entry("/error", "what answers in place of a page that failed; seen here as the 403 and 404 pages"));

    /** The back office's section and the id of an article of each kind (news, page). */
    private static final String ARTICLE_OF_EACH_KIND = "select case when kind = 'NEWS' then 'actualites' else 'pages' end "
            + "as s, min(id) as i from portal_article group by kind";

    /**
     * For each route with variables: a query over the demo data answering the variables' values in order, one row a
     * page (several rows: one page of each kind).
     */
    private static final Map<String, String> ONE_OF_EACH = Map.ofEntries(
            entry("/admin/utilisateurs/{id}", "select min(id) from identity_account"),
            entry("/admin/services/{id}", "select min(id) from identity_service"),
            entry("/admin/agenda/{id}", "select min(id) from agenda_event"),
            entry("/admin/agenda/{id}/inscrits", "select min(id) from agenda_event"),
            entry("/agenda/{id}", "select min(id) from agenda_event"),
            entry("/rendez-vous/{type}", "select min(slug) from appointments_type"),
            entry("/rendez-vous/{type}/demande", "select min(slug) from appointments_type"),
            entry("/rendez-vous/{type}/liste-attente", "select min(slug) from appointments_type"),
            entry("/admin/rendez-vous/{id}", "select min(id) from appointments_agenda"),
            entry("/signalements/{id}", "select min(id) from reports_report where confirmed_at is not null"),
            entry("/admin/signalements/{id}", "select min(id) from reports_report where confirmed_at is not null"),
            entry("/admin/signalements/categories/{id}", "select min(id) from reports_category"),
            entry("/admin/signalements/categories/{id}/quartiers", "select min(id) from reports_category"),
            entry("/admin/signalements/categories/{id}/questions", "select min(category_id) from reports_category_question"),
            entry("/admin/contact/{id}", "select min(id) from reports_contact_thread where confirmed_at is not null"),
            entry("/admin/contact/sujets/{id}", "select min(id) from reports_contact_topic"),
            entry("/mon-compte/messages/{id}", "select min(t.id) from reports_contact_thread t join identity_account a"
                    + " on a.id = t.account_id where a.email = 'habitant@belvoir.example'"),
            entry("/questions-aux-elus/{id}", "select min(id) from reports_question where status = 'PUBLISHED'"),
            entry("/admin/questions-aux-elus/{id}", "select min(id) from reports_question where status = 'PUBLISHED'"),
            entry("/admin/questions-aux-elus/moderation/{id}",
                    "select min(id) from reports_question where status = 'PENDING' and confirmed_at is not null"),
            entry("/admin/rendez-vous/reglages/{id}", "select min(id) from appointments_agenda"),
            entry("/admin/rendez-vous/reglages/{id}/motifs/nouveau", "select min(id) from appointments_agenda"),
            entry("/admin/rendez-vous/reglages/{id}/motifs/{typeId}",
                    "select agenda_id, id from appointments_type where id = (select min(id) from appointments_type)"),
            entry("/admin/courriels/{id}", "select min(id) from platform_mail"),
            entry("/admin/registre/{id}", "select min(id) from alerts_register_person"),
            entry("/admin/registre/crises/{id}", "select min(id) from alerts_register_crisis"),
            entry("/admin/registre/crises/{id}/impression", "select min(id) from alerts_register_crisis"),
            entry("/admin/registre/crises/{id}/bilan", "select min(id) from alerts_register_crisis"),
            entry("/admin/alertes/{id}", "select min(id) from alerts_alert"),
            entry("/admin/alertes/{id}/modifier", "select min(id) from alerts_alert where published_at is null"),
            entry("/alertes/{id}", "select min(id) from alerts_alert where published_at is not null"),
            entry("/admin/lettres/{listId}", "select min(id) from alerts_list"),
            entry("/admin/lettres/numeros/{issueId}", "select min(id) from alerts_issue"),
            entry("/admin/lettres/numeros/{issueId}/apercu", "select min(id) from alerts_issue"),
            entry("/lettres/{id}", "select min(id) from alerts_list where active"),
            entry("/lettres/{id}/numeros/{issueId}",
                    "select min(list_id) as l, min(id) as i from alerts_issue where sent_at is not null group by list_id"),
            entry("/admin/{section:actualites|pages}/{id}", ARTICLE_OF_EACH_KIND),
            entry("/admin/{section:actualites|pages}/{id}/apercu", ARTICLE_OF_EACH_KIND),
            entry("/admin/{section:actualites|pages}/{id}/revisions", ARTICLE_OF_EACH_KIND),
            entry("/admin/{section:actualites|pages}/{id}/revisions/{number}", "select case when a.kind = 'NEWS' then "
                    + "'actualites' else 'pages' end as s, a.id as i, max(r.number) as n from portal_article a join portal_article_revision r "
                    + "on r.article_id = a.id where a.id in (select min(id) from portal_article group by kind) group by a.kind, a.id"),
            entry("/actualites/{slug}", "select min(slug) from portal_article where kind = 'NEWS' and status = 'PUBLISHED'"),
            entry("/pages/{slug}", "select min(slug) from portal_article where kind = 'PAGE' and status = 'PUBLISHED'"),
            entry("/admin/guides/{id}", "select min(id) from portal_guide"),
            entry("/guides/{slug}", "select min(slug) from portal_guide where published"),
            entry("/admin/conseil/{id}", "select min(id) from portal_council_meeting"),
            entry("/conseil/{id}", "select min(id) from portal_council_meeting"),
            entry("/admin/quartiers/{id}", "select min(id) from portal_neighbourhood"),
            entry("/admin/dossiers/{id}", "select max(id) from procedures_case where anonymised_at is null"),
            entry("/admin/paiements/{id}", "select max(id) from payments_payment where status = 'PAID'"),
            entry("/admin/familles/{id}", "select min(id) from family_household"),
            entry("/admin/familles/factures/{id}", "select min(id) from family_invoice"),
            entry("/admin/familles/factures/{id}/modification",
                    "select min(id) from family_invoice where status = 'UNPAID'"),
            entry("/mon-foyer/enfants/{id}", "select min(c.id) from family_child c join family_member m "
                    + "on m.household_id = c.household_id where m.email = 'habitant@belvoir.example'"),
            entry("/quartiers/{slug}", "select min(slug) from portal_neighbourhood"),
            entry("/admin/photos-videos/albums/{id}", "select min(id) from portal_album"),
            entry("/photos-videos/albums/{slug}", "select min(slug) from portal_album where published"),
            entry("/admin/demarches/{id}", "select min(id) from procedures_procedure"),
            entry("/admin/demarches/{id}/apercu", "select min(id) from procedures_procedure"),
            entry("/admin/demarches/{id}/formulaire", "select min(id) from procedures_procedure"),
            entry("/admin/demarches/{id}/circuit", "select min(id) from procedures_procedure"),
            entry("/admin/demarches/{id}/formulaire/champs/{key}",
                    "select id as i, 'immatriculation' as k from procedures_procedure where slug = 'carte-de-stationnement'"),
            entry("/admin/demarches/{id}/circuit/statuts/{status}",
                    "select id as i, 'recue' as s from procedures_procedure where slug = 'carte-de-stationnement'"),
            entry("/admin/demarches/{id}/circuit/statuts/{status}/actions/nouvelle",
                    "select id as i, 'recue' as s from procedures_procedure where slug = 'carte-de-stationnement'"),
            entry("/admin/demarches/{id}/circuit/statuts/{status}/actions/{number}",
                    "select id as i, 'recue' as s, 2 as n from procedures_procedure where slug = 'carte-de-stationnement'"),
            entry("/agenda/mois/{month}", "select '" + YearMonth.now(CommuneTime.ZONE) + "'"),
            entry("/agenda/calendrier/{month}", "select '" + YearMonth.now(CommuneTime.ZONE) + "'"),
            entry("/demarches/{slug}", "select min(slug) from procedures_procedure where published_version_id is not null"),
            entry("/demarches/{slug}/connexion",
                    "select min(slug) from procedures_procedure where published_version_id is not null"),
            entry("/demarches/{slug}/brouillons/{id}/{page:\\d+}", "select p.slug, d.id, d.page + 1 from procedures_draft d "
                    + "join procedures_version v on v.id = d.version_id join procedures_procedure p on p.id = v.procedure_id "
                    + "where d.account_id is null order by d.created_at desc limit 1"),
            entry("/demarches/{slug}/brouillons/{id}/recapitulatif", "select p.slug, d.id from procedures_draft d "
                    + "join procedures_version v on v.id = d.version_id join procedures_procedure p on p.id = v.procedure_id "
                    + "where d.account_id is null order by d.created_at desc limit 1"),
            entry("/demarches/recus/{key}", "select submission_key from procedures_case where account_id is null "
                    + "and anonymised_at is null order by id desc limit 1"),
            entry("/mes-demarches/{id}", "select max(c.id) from procedures_case c join identity_account a "
                    + "on a.id = c.account_id where a.email = 'habitant@belvoir.example'"),
            // a payment of each status (pending, paid, refused), made in the setup
            entry("/paiements/{token}", "select page_token from payments_payment where reference like 'visite-%'"),
            entry("/paiements/test/{token}", "select min(page_token) from payments_payment "
                    + "where reference like 'visite-%' and status = 'PENDING'"),
            // the browser's return without a genuine result: the page that says it could not be checked (400)
            entry("/paiements/retour/{provider}", "select 'test'"),
            // the PayFiP simulator's page of an operation: one waiting for the payer's choice, one paid
            entry("/simulateur-payfip/paiements/{idop}", "select min(idop) from payments_payfip_simulated "
                    + "where resultrans is null union all select min(idop) from payments_payfip_simulated "
                    + "where resultrans = 'P'"));

    /** The pages photographed at both widths. */
    private static final Set<String> MAIN_PAGES = Set.of("/", "/actualites", "/agenda", "/alertes", "/recherche",
            "/connexion", "/mon-compte", "/admin", "/admin/journal", "/admin/utilisateurs", "/admin/actualites",
            "/admin/agenda", "/admin/alertes", "/admin/registre", "/admin/services", "/admin/conseil", "/admin/pages");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

    private enum Person {
        ANONYMOUS(null, null),
        RESIDENT("habitant@belvoir.example", "belvoir-habitant-2026"),
        AGENT("agent@belvoir.example", "belvoir-agent-2026"),
        ADMINISTRATOR("admin@belvoir.example", "belvoir-admin-2026"),
        ELECTED("elu@belvoir.example", "belvoir-elu-2026");

        final String email;
        final String password;

        Person(String email, String password) {
            this.email = email;
            this.password = password;
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PayfipSimulator payfip;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    MockMvc mvc;

    @Autowired
    AlertDesk alerts;

    @Autowired
    Topics topics;

    @Autowired
    Newsletters newsletters;

    @Autowired
    VulnerableRegister register;

    @Autowired
    MediaDesk media;

    @Autowired
    org.beffroi.procedures.internal.ProcedureStore procedures;

    @Autowired
    org.beffroi.procedures.internal.DraftDesk procedureDrafts;

    @Autowired
    CaseDesk caseDesk;

    @Autowired
    Payments payments;

    @Autowired
    TestPaymentProvider testProvider;

    @Autowired
    PaymentOffice paymentOffice;

    /**
     * What the demo commune has none of, so that each kind of page is seen: a person in the register and a closed
     * crisis, an album, a newsletter with a draft issue, a draft alert and a sent one, a mail in the outbox.
     */
    @BeforeEach
    void oneOfEachKind() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        twoPayfipOperations(run);
        var admin = SignIn.as(mvc, "admin@belvoir.example", "belvoir-admin-2026");
        mvc.perform(RegisterForms.filled("/admin/registre/nouveau", "Personne de la visite " + run, null).cookie(admin))
                .andExpect(status().is3xxRedirection());
        if (register.currentCrisis().isEmpty()) {
            register.closeCrisis(register.openCrisis(CrisisKind.HEATWAVE, "Canicule de la visite " + run, Instant.now()).id());
        }
        media.createAlbum("Album de la visite " + run, "Les photos de la visite.", true);
        long list = newsletters.createList(new Newsletters.ListDraft("Lettre de la visite " + run, "Visit letter " + run,
                null, null, true, null, null, false));
        newsletters.createIssue(list, null);
        var audience = RelayOutage.subscribedTopic(jdbcTemplate, topics, "Visite", run, 1);
        alerts.create(new AlertDesk.Draft(Severity.INFORMATION, audience.topic(), Area.commune(), "Brouillon " + run,
                "Une alerte pas encore envoyée.", null, Instant.now(), Instant.now().plus(Duration.ofHours(6))), null);
        long sent = alerts.create(new AlertDesk.Draft(Severity.INFORMATION, audience.topic(), Area.commune(),
                "Travaux rue des Tilleuls " + run, "La rue est fermée le matin.", null, Instant.now(),
                Instant.now().plus(Duration.ofHours(6))), null);
        alerts.send(sent, null);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> alerts.messages(sent).getFirst().finished());
        alerts.end(sent); // its banner would stay on every page of the tests that follow
        String newcomer = "visite-" + run + "@exemple.fr";
        mvc.perform(post("/inscription").with(csrf()).param("displayName", "Visite " + run).param("email", newcomer)
                .param("password", "la visite de toutes les pages").param("confirmation", "la visite de toutes les pages")
                .with(request -> {
                    request.setRemoteAddr("203.0.113.250"); // an address of its own, out of the other tests' sign-up limit
                    return request;
                })).andExpect(status().is3xxRedirection());
        Outbox.await(mvc, admin, newcomer, mail -> true); // a mail in the outbox
        // procedures: a draft of the parking card begun signed out, one filed so, and a case of the demo resident
        // with a question of the town hall to answer
        long parking = procedures.findBySlug("carte-de-stationnement").orElseThrow().publishedVersionId();
        var filedOut = procedureDrafts.start(parking, null, Map.of("nom", "Visite " + run));
        caseDesk.file(filedOut, null, Map.of("nom", "Visite " + run), new CaseDesk.Filer(null, "visite-" + run
                + "@exemple.fr", "Visite " + run, null));
        procedureDrafts.save(procedureDrafts.start(parking, null, Map.of()), null, Map.of("nom", "Visite " + run), 1);
        long resident = jdbc.sql("select id from identity_account where email = 'habitant@belvoir.example'")
                .query(Long.class).single();
        var residentDraft = procedureDrafts.start(parking, resident, Map.of("nom", "Habitant " + run));
        var residentCase = caseDesk.file(residentDraft, resident, Map.of("nom", "Habitant " + run,
                "immatriculation", "AB-123-CD", "usage", "personnel"), new CaseDesk.Filer(resident,
                "habitant@belvoir.example", "Habitant", null));
        caseDesk.press(residentCase, "demander", "Pouvez-vous envoyer la carte grise ?");
        // payments of the demo resident: one pending, one paid (and partly refunded), one refused
        for (var outcome : new PaymentProvider.Outcome[] {null, PaymentProvider.Outcome.PAID,
                PaymentProvider.Outcome.REFUSED}) {
            var payment = payments.create(new NewPayment("visite-" + run + "-"
                    + (outcome == null ? "attente" : outcome.name().toLowerCase()), 4_200, "Carte de stationnement " + run,
                    "procedures-case:" + residentCase.id(), TestPaymentProvider.ID, "habitant@belvoir.example", resident,
                    "/mes-demarches"));
            if (outcome != null) {
                payments.record(TestPaymentProvider.ID, testProvider.result(payment.reference(), 4_200, outcome));
            }
            if (outcome == PaymentProvider.Outcome.PAID) {
                paymentOffice.refund(payment.id(), 500, "Erreur de tarif", null);
            }
        }
        // a case of the demo's parking-card procedure, which the demo agent's service handles
        procedures.findBySlug("carte-de-stationnement").map(p -> p.publishedVersionId()).ifPresent(version -> {
            var draft = procedureDrafts.start(version, null, Map.of());
            caseDesk.file(draft, null, Map.of("nom", "Visite " + run, "usage", "personnel"),
                    new CaseDesk.Filer(null, "dossier-" + run + "@exemple.fr",
                            "Visite " + run, null));
        });
    }

    /** Two operations at the PayFiP simulator, as the PayFiP provider makes them: one waiting, one paid. */
    private void twoPayfipOperations(String run) throws PayfipSimulator.Fault {
        var paid = "";
        for (int i = 0; i < 2; i++) {
            var arguments = new java.util.LinkedHashMap<String, String>();
            arguments.put("exer", "2026");
            arguments.put("mel", "visite-" + run + "@exemple.fr");
            arguments.put("montant", "1250");
            arguments.put("numcli", "000000");
            arguments.put("objet", "Cantine de la visite");
            arguments.put("refdet", "VISITE" + run + i);
            arguments.put("saisie", "T");
            arguments.put("urlnotif", publicAddress.of("/paiements/notification/payfip"));
            arguments.put("urlredirect", publicAddress.of("/paiements/retour/payfip"));
            paid = payfip.create(arguments);
        }
        payfip.choose(paid, PayfipSimulator.Choice.PAY);
    }

    @Test
    void everyPageIsAccessibleAndNoWiderThanTheScreenForEveryKindOfPerson() {
        // the pages' markup is the same on either database; the run on H2 checks it, the longest browser test once
        Assumptions.assumeFalse(TestProfiles.onPostgres(), "every page is checked in the run on the embedded database");
        var missing = new ArrayList<String>();
        var paths = pages(missing);
        assertThat(missing).as("routes with variables and no example (add them to ONE_OF_EACH or NOT_PAGES)").isEmpty();
        var problems = new ArrayList<String>();
        var visited = 0;
        for (Person person : Person.values()) {
            Page tab = person == Person.ANONYMOUS ? page : newPage(newContext(true));
            tab.setViewportSize(WIDE, 900);
            if (person.email != null) {
                signIn(tab, person.email, person.password);
            }
            var refusalsSeen = new HashSet<Integer>();
            for (String path : paths) {
                var answer = tab.context().request().get(path, RequestOptions.create().setMaxRedirects(0));
                int status = answer.status();
                String type = answer.headers().getOrDefault("content-type", "");
                if (status >= 300 && status < 400) {
                    continue; // a way to another page, which is on the list (the sign-in page, a month's programme)
                }
                if (status >= 400 && !refusalsSeen.add(status)) {
                    continue; // the refusal page, checked once per person
                }
                if (!type.startsWith(MediaType.TEXT_HTML_VALUE)) {
                    problems.add(person + " " + path + ": answers " + type + ", not a page (list it in NOT_PAGES)");
                    continue;
                }
                tab.navigate(path);
                visited++;
                for (int width : new int[] {WIDE, PHONE}) {
                    tab.setViewportSize(width, width == WIDE ? 900 : 844);
                    int scrollWidth = ((Number) tab.evaluate("document.documentElement.scrollWidth")).intValue();
                    if (scrollWidth > width) {
                        problems.add(person + " " + path + " at " + width + " px: the page is " + scrollWidth + " px wide");
                    }
                    String violations = accessibilityViolations(tab);
                    if (!violations.isEmpty()) {
                        problems.add(person + " " + path + " at " + width + " px: axe-core\n" + violations);
                    }
                    if (MAIN_PAGES.contains(path) && status == 200) {
                        tab.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(
                                person.name().toLowerCase() + (path.equals("/") ? "" : path.replace('/', '_')) + "-"
                                        + width + ".png")));
                    }
                }
                tab.setViewportSize(WIDE, 900);
            }
        }
        System.out.println("EveryPageBrowserTest: " + paths.size() + " paths, " + visited + " pages checked");
        assertThat(problems).as("pages with problems").isEmpty();
    }

    /** The application's pages: GET routes answering HTML, those with variables filled from the demo data. */
    private List<String> pages(List<String> missing) {
        var pages = new TreeSet<String>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            var produced = info.getProducesCondition().getProducibleMediaTypes();
            if (!produced.isEmpty() && produced.stream().noneMatch(MediaType.TEXT_HTML::isCompatibleWith)) {
                continue;
            }
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (NOT_PAGES.containsKey(pattern)) {
                    continue;
                }
                pages.addAll(filled(pattern, missing));
            }
        }
        return new ArrayList<>(pages);
    }

    private List<String> filled(String pattern, List<String> missing) {
        if (!pattern.contains("{")) {
            return List.of(pattern);
        }
        String query = ONE_OF_EACH.get(pattern);
        if (query == null) {
            // a variable that takes a few fixed words ({section:actualites|pages}): each of them
            Matcher variable = VARIABLE.matcher(pattern);
            if (variable.find() && variable.group(2) != null && variable.group(2).matches("[a-z|-]+")
                    && !VARIABLE.matcher(pattern.substring(variable.end())).find()) {
                String before = pattern.substring(0, variable.start());
                String after = pattern.substring(variable.end());
                return List.of(variable.group(2).split("\\|")).stream().map(word -> before + word + after).toList();
            }
            missing.add(pattern);
            return List.of();
        }
        var filled = new ArrayList<String>();
        for (Map<String, Object> row : jdbc.sql(query).query().listOfRows()) {
            var values = new ArrayList<>(row.values()); // the columns in the query's order
            if (values.stream().anyMatch(v -> v == null)) {
                continue; // nothing of the kind in the demo data
            }
            Matcher variable = VARIABLE.matcher(pattern);
            var path = new StringBuilder();
            int i = 0;
            while (variable.find()) {
                variable.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(values.get(i++))));
            }
            variable.appendTail(path);
            filled.add(path.toString());
        }
        if (filled.isEmpty()) {
            System.out.println("EveryPageBrowserTest: no demo data for " + pattern);
        }
        return filled;
    }
}
