package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.DeclaredPages;
import org.beffroi.testing.HtmlChecker;
import org.beffroi.testing.HttpVisitor;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every page is valid HTML for the Nu HTML Checker (RGAA criterion 8.2): each GET page the application declares
 * without a path variable, and for each declared page with one, the first address of that kind the pages link to or
 * send on to (an id or slug of the demo data), as an anonymous visitor and as the demo resident, agent,
 * administrator and elected official. A page that answers with something else than HTML (a redirect, a file, a feed) is not checked.
 */
@BeffroiTest
class ValidHtmlTest {

    /** Who visits: no one signed in, then the demo accounts of the README. */
    private static final List<Account> VISITORS = List.of(new Account("anonymous", null, null),
            new Account("resident", "habitant@belvoir.example", "belvoir-habitant-2026"),
            new Account("agent", "agent@belvoir.example", "belvoir-agent-2026"),
            new Account("administrator", "admin@belvoir.example", "belvoir-admin-2026"),
            new Account("elected", "elu@belvoir.example", "belvoir-elu-2026"));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final Set<String> links = new TreeSet<>();
    private int checked;

    @Test
    void everyPageIsValidHtmlForTheNuChecker() {
        var visitors = new LinkedHashMap<String, HttpVisitor>();
        VISITORS.forEach(account -> visitors.put(account.who(), visitor(account)));

        visitors.forEach((who, visitor) -> DeclaredPages.withoutVariables(mapping).forEach(path -> check(who, visitor, path)));
        var unlinked = new TreeSet<String>();
        for (String pattern : DeclaredPages.withVariables(mapping)) {
            var sample = sampleOf(pattern);
            sample.ifPresentOrElse(path -> visitors.forEach((who, visitor) -> check(who, visitor, path)),
                    () -> unlinked.add(pattern));
        }

        System.out.printf("Nu HTML Checker: %d pages checked, %d with errors; not linked from any page, so not checked: %s%n",
                checked, errors.size(), unlinked);
        assertThat(checked).as("pages checked").isGreaterThan(50);
        assertThat(errors).withFailMessage(this::report).isEmpty();
    }

    private HttpVisitor visitor(Account account) {
        var visitor = new HttpVisitor(port);
        if (account.email() != null) {
            var answer = visitor.signIn(account.email(), account.password());
            assertThat(answer.statusCode()).as("signing in as " + account.email()).isEqualTo(302);
        }
        return visitor;
    }

    private void check(String who, HttpVisitor visitor, String path) {
        HttpResponse<String> answer = visitor.get(path);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        // where a page sends on to (the current month, say) is a page of a kind to sample too
        answer.headers().firstValue("Location").map(location -> location.replaceFirst("^http://localhost:" + port, ""))
                .filter(location -> location.startsWith("/")).map(ValidHtmlTest::withoutQuery).ifPresent(links::add);
        if (!type.startsWith("text/html")) {
            return;
        }
        checked++;
        String address = "http://localhost" + path;
        var found = HtmlChecker.errors(answer.body(), address);
        if (!found.isEmpty()) {
            errors.put(path + " (" + who + ", " + answer.statusCode() + ")", found);
        }
        Jsoup.parse(answer.body(), address).select("a[href]").stream().map(a -> a.attr("href"))
                .filter(href -> href.startsWith("/") && !href.startsWith("//"))
                .map(ValidHtmlTest::withoutQuery).forEach(links::add);
    }

    private static String withoutQuery(String href) {
        return href.replaceAll("[?#].*", "");
    }

    private Optional<String> sampleOf(String pattern) {
        var parsed = PathPatternParser.defaultInstance.parse(pattern);
        return links.stream().filter(link -> parsed.matches(PathContainer.parsePath(link))).findFirst();
    }

    private String report() {
        return "Nu HTML Checker errors on " + errors.size() + " of " + checked + " pages:\n" + errors.entrySet().stream()
                .map(page -> page.getKey() + "\n    " + String.join("\n    ", page.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private record Account(String who, String email, String password) {
    }
}
