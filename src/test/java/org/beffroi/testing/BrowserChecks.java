package org.beffroi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A site in the system's Chromium, driven by Playwright, wherever it runs ({@link #baseUrl()}). axe-core (its rules
 * for WCAG 2.0 and 2.1 A and AA, and 2.2 AA) checks every page a test visits: {@link #visit} and {@link #submit} check after loading, and a test that
 * loads a page without checking it fails, so no page can be forgotten. A page that breaks the content security policy
 * fails the test too. {@link BrowserTest} is the application of the test run; a test that starts Beffroi otherwise
 * extends this class.
 */
public abstract class BrowserChecks {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;

    private final List<String> uncheckedPages = new ArrayList<>();
    private final List<String> policyViolations = new ArrayList<>();
    private final List<BrowserContext> noScriptContexts = new ArrayList<>();
    private Page twin;

    private static synchronized Browser browser() {
        if (browser == null) {
            var playwright = Playwright.create();
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    /** Where the site answers: the base of the addresses a test navigates to. */
    protected abstract String baseUrl();

    /** Whether the site's certificate is one the test made, which the browser accepts without a known authority. */
    protected boolean selfSignedCertificate() {
        return false;
    }

    @BeforeEach
    void openBrowser() {
        context = newContext(true);
        page = newPage(context);
    }

    @AfterEach
    void closeBrowser() {
        try {
            assertThat(uncheckedPages).as("pages loaded without an accessibility check").isEmpty();
            assertThat(policyViolations).as("content security policy violations").isEmpty();
        } finally {
            noScriptContexts.forEach(BrowserContext::close);
            if (twin != null) {
                twin.context().close();
            }
            context.close();
        }
    }

    /** A new browser session (another person, or the same person on another device). */
    protected BrowserContext newContext(boolean javaScriptEnabled) {
        var created = browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setIgnoreHTTPSErrors(selfSignedCertificate())
                .setLocale("fr-FR")
                .setJavaScriptEnabled(javaScriptEnabled)
                .setAcceptDownloads(true));
        if (!javaScriptEnabled) {
            noScriptContexts.add(created);
        }
        return created;
    }

    /** A page whose loads are tracked: each must be followed by {@link #checkAccessibility(Page)}. */
    protected Page newPage(BrowserContext browserContext) {
        Page newPage = browserContext.newPage();
        newPage.onLoad(p -> uncheckedPages.add(p.url()));
        newPage.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(newPage.url() + ": " + message.text());
            }
        });
        return newPage;
    }

    protected void visit(String path) {
        visit(page, path);
    }

    protected void visit(Page target, String path) {
        target.navigate(path);
        checkAccessibility(target);
    }

    /**
     * What {@link #goAndCheck} and {@link #pressAndCheck} found on the pages they opened (axe-core, width and HTML at both widths):
     * a test that walks a journey with them asserts it empty at its end, so that every problem on the way is listed.
     */
    protected final List<String> problemsOnTheWay = new ArrayList<>();

    /** Opens the page and notes its problems at both widths. */
    protected void goAndCheck(Page target, String path) {
        target.navigate(path);
        problemsOnTheWay.addAll(problemsAtBothWidths(target));
    }

    /** Presses a control that leads to another page, waits for the address it should reach, and notes its problems. */
    protected void pressAndCheck(Page target, Locator control, java.util.function.Predicate<String> arrived) {
        control.click();
        target.waitForURL(arrived);
        target.waitForLoadState();
        problemsOnTheWay.addAll(problemsAtBothWidths(target));
    }

    /** Clicks a button or link that loads a new page, waits for it, and checks it. */
    protected void submit(Locator button) {
        Page target = button.page();
        target.waitForLoadState();
        String before = target.url();
        int loadsBefore = uncheckedPages.size();
        button.click();
        target.waitForCondition(() -> uncheckedPages.size() > loadsBefore || !target.url().equals(before));
        target.waitForLoadState();
        checkAccessibility(target);
    }

    protected void checkAccessibility(Page target) {
        String violations = accessibilityViolations(target);
        assertThat(violations).as(() -> "accessibility violations on " + target.url() + ":\n" + violations).isEmpty();
    }

    /** axe-core's violations on the page as it is now, described one a line (empty if none); the page counts as checked. */
    protected String accessibilityViolations(Page target) {
        var results = new AxeBuilder(scriptable(target)).withTags(WCAG_AA).analyze();
        uncheckedPages.clear();
        return describe(results.getViolations());
    }

    /**
     * axe-core is a script: on a page whose context runs no JavaScript, the same markup is checked in
     * a scriptable twin page of the same origin (so that stylesheets and relative links resolve alike).
     */
    private Page scriptable(Page target) {
        if (!noScriptContexts.contains(target.context())) {
            return target;
        }
        if (twin == null) {
            twin = newContext(true).newPage();
        }
        twin.navigate(target.url());
        twin.setContent(target.content());
        return twin;
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                + "\n    " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }

    /**
     * What is wrong with the page as it is now, at 1280 px and on a 390 px phone: axe-core's violations, a page wider
     * than the screen, the Nu HTML checker's errors; none when all is well. Leaves the page at 1280 px.
     */
    protected List<String> problemsAtBothWidths(Page target) {
        var problems = new ArrayList<String>();
        for (int width : new int[] {1280, 390}) {
            target.setViewportSize(width, width == 1280 ? 900 : 844);
            // what a person sees: the page once its scripts have answered the new size (a map fitted again)
            target.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            String violations = accessibilityViolations(target);
            if (!violations.isEmpty()) {
                problems.add(target.url() + " at " + width + " px: axe-core\n" + violations);
            }
            int scrollWidth = ((Number) target.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > width) {
                problems.add(target.url() + " at " + width + " px: the page is " + scrollWidth + " px wide");
            }
        }
        target.setViewportSize(1280, 900);
        var html = HtmlChecker.errors(target.content(), target.url());
        if (!html.isEmpty()) {
            problems.add(target.url() + ": HTML\n" + String.join("\n", html));
        }
        return problems;
    }

    protected Locator button(String name) {
        return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    protected Locator link(String name) {
        return page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Signs in through the form, as a person would. */
    protected void signIn(Page target, String email, String password) {
        visit(target, "/connexion");
        target.getByLabel("Adresse électronique").fill(email);
        target.getByLabel("Mot de passe", new Page.GetByLabelOptions().setExact(true)).fill(password);
        submit(target.locator("main form button[type=submit]").first());
    }
}
