package org.beffroi.procedures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.AttachmentSamples;
import org.beffroi.platform.Role;
import org.beffroi.procedures.internal.DemoProcedures;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.testing.BrowserTest;
import org.beffroi.testing.Clamd;
import org.beffroi.testing.HtmlChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The journey, all through the browser, with the antivirus running: an administrator imports the parking
 * card, gives its function "instruction" to the reception's service and publishes it; a resident fills it over two
 * pages, the session expires mid-way and nothing typed is lost, gives the carte grise and files; the agent asks for
 * a document; the resident answers with a file; the agent sees it and accepts; the resident downloads the card and
 * reads the history. Every page on the way has no axe-core violation at 1280 px and at 390 px, is no wider than the
 * screen and is valid HTML. The administrator's steps run without JavaScript; the resident's and the agent's steps
 * run twice, with JavaScript (the autosave and its warning) and without (every step a plain form post).
 */
class ProcedureJourneyBrowserTest extends BrowserTest {

    private static final String PASSWORD = "le beffroi sonne midi";
    private static final String SERVICE = "Accueil et état civil";

    static Clamd clamd;

    @Autowired
    ProcedureStore store;
    @Autowired
    DraftDesk drafts;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    private final List<String> problems = new ArrayList<>();
    private final Map<Page, AtomicInteger> loads = new HashMap<>();

    @BeforeAll
    static void startClamd() {
        clamd = Clamd.start();
    }

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.stop();
        }
    }

    @Test
    void anAdministratorPublishesTheParkingCardAResidentFilesItTheAgentAsksThenAcceptsAndTheResidentGetsTheCard()
            throws Exception {
        String slug = "stationnement-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Demander une carte de stationnement résident (" + slug + ")";
        publishTheParkingCard(slug, title);

        fileFollowAndGetTheCard(slug, title, true);
        fileFollowAndGetTheCard(slug, title, false);

        assertThat(problems).as("pages of the journey with problems").isEmpty();
    }

    /** Step 1, without JavaScript: the import form's file input, the function mapped, the version published. */
    private void publishTheParkingCard(String slug, String title) throws Exception {
        String json = DemoProcedures.read(DemoProcedures.shipped().stream()
                .filter(r -> "carte-de-stationnement.json".equals(r.getFilename())).findFirst().orElseThrow())
                .replace("\"carte-de-stationnement\"", "\"" + slug + "\"")
                .replace("\"Demander une carte de stationnement résident\"", "\"" + title + "\"");
        assertThat(json).contains(slug, title);
        Path file = Files.createTempFile("carte-de-stationnement", ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);

        Page admin = tab(newContext(false));
        signIn(admin, "admin@belvoir.example", "belvoir-admin-2026");
        go(admin, "/admin/demarches");
        admin.getByLabel("Fichier de la démarche (JSON)").setInputFiles(file);
        press(admin, admin.locator("form[action='/admin/demarches/import'] button[type=submit]"));
        long id = store.findBySlug(slug).orElseThrow().id();
        assertThat(admin).hasURL(baseUrl() + "/admin/demarches/" + id);
        assertThat(admin.locator("#servicesinstruction")).hasAccessibleName(java.util.regex.Pattern.compile("Fonction\\W+instruction\\W+"));
        assertThat(admin.locator("body")).containsText("Démarche importée. Elle n’est pas encore publiée.");

        admin.locator("#servicesinstruction").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(SERVICE));
        press(admin, admin.locator("form[action$='/services'] button[type=submit]"));
        assertThat(admin.locator("body")).containsText("Services enregistrés.");
        assertThat(admin.locator("#servicesinstruction option[selected]")).hasText(SERVICE);

        press(admin, admin.locator("form[action$='/publication'] button[type=submit]"));
        assertThat(admin.locator("body")).containsText("Démarche publiée");
        assertThat(store.find(id).orElseThrow().publishedVersionId()).isNotNull();
        admin.context().close();
    }

    /** Steps 2 to 6, by a resident of their own and the demo agent, with or without JavaScript. */
    private void fileFollowAndGetTheCard(String slug, String title, boolean javaScript) throws Exception {
        String run = javaScript ? "with JavaScript" : "without JavaScript";
        String email = "trajet-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String name = "Camille Trajet";
        long account = accounts.insert(email, name, encoder.encode(PASSWORD), AccountStatus.ACTIVE, EnumSet.of(Role.RESIDENT));
        Path carteGrise = Files.createTempFile("carte-grise", ".pdf");
        Files.write(carteGrise, AttachmentSamples.pdf());
        Path facture = Files.createTempFile("facture-eau", ".pdf");
        Files.write(facture, AttachmentSamples.pdf());

        // 2. the resident finds the procedure in the catalogue and starts it
        BrowserContext residentContext = newContext(javaScript);
        Page resident = tab(residentContext);
        signIn(resident, email, PASSWORD);
        go(resident, "/demarches");
        press(resident, link(resident, title));
        assertThat(resident).hasURL(baseUrl() + "/demarches/" + slug);
        press(resident, button(resident, "Commencer"));
        String base = resident.url().substring(resident.url().indexOf("/demarches/"), resident.url().lastIndexOf('/'));
        UUID draft = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
        assertThat(resident).hasURL(baseUrl() + base + "/1");

        // page 1: name and e-mail prefilled from the account; the address typed
        assertThat(resident.locator("#champ-nom")).hasValue(name);
        assertThat(resident.locator("#champ-courriel")).hasValue(email);
        resident.locator("#champ-telephone").fill("06 12 34 56 78");
        resident.locator("#champ-adresse").fill("3 rue des Tilleuls");
        press(resident, button(resident, "Suivant"));
        assertThat(resident).hasURL(baseUrl() + base + "/2");

        // page 2: the registration typed, then the session expires mid-way
        resident.locator("#champ-immatriculation").fill("AB-123-CD");
        if (javaScript) {
            // the page saves as the resident types
            assertThat(resident.locator("#procedure-autosave")).hasText("Brouillon enregistré.");
            assertThat(drafts.find(draft, account).orElseThrow().data()).containsEntry("immatriculation", "AB-123-CD");
        }
        residentContext.clearCookies();
        resident.getByLabel("à vous ou à une personne de votre foyer").check();
        if (javaScript) {
            // the next save is refused: the page says the answers are kept and asks to sign in again
            assertThat(resident.locator("#procedure-autosave")).containsText("Votre session a expiré");
            assertThat(resident.locator("#procedure-autosave")).containsText("reconnectez-vous");
            check(resident);
        }
        // the resident goes on as the page says: the page sends them to sign in, then back to the page
        press(resident, button(resident, "Vérifier mes réponses"));
        assertThat(resident).hasURL(java.util.regex.Pattern.compile(".*/connexion.*"));
        resident.getByLabel("Adresse électronique").fill(email);
        resident.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        press(resident, resident.locator("main form button[type=submit]").first());
        assertThat(resident.url().replaceFirst("\\?.*", "")).isEqualTo(baseUrl() + base + "/2");
        assertThat(resident.locator("body")).containsText("Vos réponses ont été gardées.");
        assertThat(resident.locator("#champ-immatriculation")).hasValue("AB-123-CD");
        assertThat(resident.getByLabel("à vous ou à une personne de votre foyer")).isChecked();
        assertThat(drafts.find(draft, account).orElseThrow().data()).as(run)
                .containsEntry("immatriculation", "AB-123-CD").containsEntry("usage", "personnel");

        // the carte grise, scanned clean at once; the review; the filing
        resident.getByLabel("Carte grise").setInputFiles(carteGrise);
        press(resident, button(resident, "Vérifier mes réponses"));
        assertThat(resident).hasURL(baseUrl() + base + "/recapitulatif");
        assertThat(resident.locator("main")).containsText("AB-123-CD");
        assertThat(resident.locator("main")).containsText("3 rue des Tilleuls");
        press(resident, button(resident, "Envoyer ma demande"));
        assertThat(resident.locator("h1")).hasText("Votre demande est envoyée");
        String receipt = resident.locator(".notice-success").textContent();
        var numbered = java.util.regex.Pattern.compile("(\\d{4}-\\d+)").matcher(receipt);
        assertThat(numbered.find()).as(receipt).isTrue();
        String number = numbered.group(1);
        press(resident, resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Suivre ma demande")));
        String casePath = resident.url().substring(baseUrl().length());
        assertThat(casePath).matches("/mes-demarches/[^/]+");
        assertThat(resident.locator("h1")).containsText(number);

        // 3. the agent finds the case in the inbox, sees the carte grise, asks for a document
        Page agent = tab(newContext(javaScript));
        signIn(agent, "agent@belvoir.example", "belvoir-agent-2026");
        go(agent, "/admin/dossiers");
        agent.getByLabel("Numéro, nom ou adresse électronique").fill(number);
        press(agent, agent.locator("form.filters button[type=submit]"));
        assertThat(agent.locator("main table")).containsText(name);
        press(agent, link(agent, number));
        String office = agent.url().substring(baseUrl().length());
        assertThat(agent.locator("h1")).containsText(number);
        assertThat(agent.locator("main")).containsText(SERVICE);
        Locator given = agent.locator("main a[href*='/fichiers/']");
        assertThat(given).hasCount(1);
        assertThat(given).containsText(carteGrise.getFileName().toString());
        assertThat(pdf(agent, given)).startsWith("%PDF");
        agent.getByLabel("Question posée à la personne").fill("Merci de joindre un justificatif de domicile.");
        press(agent, button(agent, "Demander un document"));
        assertThat(agent).hasURL(baseUrl() + office);
        assertThat(agent.locator("main")).containsText("En attente d’un document");

        // 4. the resident reads the question on the case's page and answers with a file
        go(resident, casePath);
        assertThat(resident.locator("main")).containsText("La mairie vous demande");
        assertThat(resident.locator("main")).containsText("Merci de joindre un justificatif de domicile.");
        resident.getByLabel("Votre réponse").fill("Voici ma facture d’eau.");
        resident.getByLabel("Joindre un fichier (facultatif)").setInputFiles(facture);
        press(resident, button(resident, "Envoyer ma réponse"));
        assertThat(resident.locator("main")).containsText("Voici ma facture d’eau.");
        assertThat(resident.locator("main")).not().containsText("La mairie vous demande");

        // 5. the agent sees the answer and its file, and accepts
        go(agent, office);
        assertThat(agent.locator("main")).containsText("Voici ma facture d’eau.");
        Locator answerFile = agent.locator("main a[href*='/fichiers/']",
                new Page.LocatorOptions().setHasText(facture.getFileName().toString()));
        assertThat(answerFile).hasCount(1);
        assertThat(pdf(agent, answerFile)).startsWith("%PDF");
        press(agent, button(agent, "Accepter"));
        assertThat(agent.locator("main")).containsText("Acceptée");
        agent.context().close();

        // 6. the resident downloads the card and reads the history
        go(resident, casePath);
        assertThat(resident.locator("main .tag").first()).hasText("Acceptée");
        Locator card = resident.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Télécharger Carte de stationnement résident"));
        assertThat(card).hasCount(1);
        String cardBytes = pdf(resident, card);
        assertThat(cardBytes).as(run).startsWith("%PDF");
        Locator history = resident.locator(".procedure-history");
        assertThat(history).containsText("Reçue");
        assertThat(history).containsText("En attente d’un document");
        assertThat(history).containsText("Acceptée");
        assertThat(resident.locator("main")).containsText("Merci de joindre un justificatif de domicile.");
        residentContext.close();
    }

    // ---- the browser: every page checked at both widths, no wider than the screen, valid HTML

    private Page tab(BrowserContext browserContext) {
        Page tab = newPage(browserContext);
        var count = new AtomicInteger();
        tab.onLoad(p -> count.incrementAndGet());
        loads.put(tab, count);
        tab.setViewportSize(1280, 900);
        return tab;
    }

    private void check(Page tab) {
        for (int width : new int[] {1280, 390}) {
            tab.setViewportSize(width, width == 1280 ? 900 : 844);
            String violations = accessibilityViolations(tab);
            if (!violations.isEmpty()) {
                problems.add(tab.url() + " at " + width + " px: axe-core\n" + violations);
            }
            int scrollWidth = ((Number) tab.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > width) {
                problems.add(tab.url() + " at " + width + " px: the page is " + scrollWidth + " px wide");
            }
        }
        tab.setViewportSize(1280, 900);
        var html = HtmlChecker.errors(tab.content(), tab.url());
        if (!html.isEmpty()) {
            problems.add(tab.url() + ": HTML\n" + String.join("\n", html));
        }
    }

    @Override
    protected void signIn(Page target, String email, String password) {
        go(target, "/connexion");
        target.getByLabel("Adresse électronique").fill(email);
        target.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(password);
        press(target, target.locator("main form button[type=submit]").first());
    }

    private void go(Page tab, String path) {
        tab.navigate(path);
        check(tab);
    }

    /** Presses what loads a new page (a form post or a link), waits for that page, and checks it. */
    private void press(Page tab, Locator control) {
        int before = loads.get(tab).get();
        control.click();
        tab.waitForCondition(() -> loads.get(tab).get() > before,
                new Page.WaitForConditionOptions().setTimeout(Duration.ofSeconds(30).toMillis()));
        tab.waitForLoadState();
        check(tab);
    }

    /** A download's first bytes, as text. */
    private static String pdf(Page tab, Locator link) throws Exception {
        var download = tab.waitForDownload(link::click);
        byte[] bytes = Files.readAllBytes(download.path());
        return new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.ISO_8859_1);
    }

    private static Locator button(Page tab, String name) {
        return tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page tab, String name) {
        return tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
