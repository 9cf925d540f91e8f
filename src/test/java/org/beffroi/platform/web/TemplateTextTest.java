package org.beffroi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * No text of the interface is written in a template: every word a visitor reads or hears comes from the message
 * bundles (French and English), through {@code th:text}, {@code th:utext}, a fragment that replaces the element,
 * or a {@code th:}-attribute for {@code alt}, {@code title}, {@code aria-label} and {@code placeholder}. The text
 * inside such elements is only the natural template's placeholder, never shown.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");
    private static final List<String> SPOKEN_ATTRIBUTES = List.of("alt", "title", "aria-label", "placeholder");
    /** A language's name is written in that language on every page, whatever the page's own (WCAG 3.1.2). */
    private static final Set<String> LANGUAGE_NAMES = Set.of("Français", "English");

    @Test
    void everyWordOfTheInterfaceComesFromTheBundles() throws IOException {
        List<String> written = new ArrayList<>();
        try (var files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                var document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
                for (Element element : document.getAllElements()) {
                    check(TEMPLATES.relativize(template), element, written);
                }
            }
        }
        assertThat(written).as("text written in templates rather than taken from the bundles").isEmpty();
    }

    @Test
    void theCheckFindsAWordWrittenInATemplate() {
        List<String> written = new ArrayList<>();
        var document = Jsoup.parse("""
                <main><h1 th:text="#{title}">Titre</h1><p>Bienvenue</p><img src="/a.png" alt="Logo">
                <button th:attr="aria-label=#{close}" aria-label="Fermer">×</button></main>""", "", Parser.xmlParser());
        document.getAllElements().forEach(e -> check(Path.of("example.html"), e, written));
        assertThat(written).containsExactly("example.html: <p> Bienvenue", "example.html: <img alt=\"Logo\">");
    }

    private static void check(Path template, Element element, List<String> written) {
        if (Set.of("script", "style").contains(element.tagName())) {
            return;
        }
        String own = element.ownText().strip();
        if (own.matches(".*\\p{L}.*") && !replaced(element) && !LANGUAGE_NAMES.contains(own)) {
            written.add(template + ": <" + element.tagName() + "> " + own);
        }
        for (String attribute : SPOKEN_ATTRIBUTES) {
            if (element.attr(attribute).matches(".*\\p{L}.*") && !element.hasAttr("th:" + attribute)
                    && !element.attr("th:attr").contains(attribute + "=") && !dropped(element)) {
                written.add(template + ": <" + element.tagName() + " " + attribute + "=\"" + element.attr(attribute) + "\">");
            }
        }
    }

    /** Whether the element's text is replaced when the page is made: its content, or itself, or one around it. */
    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (REPLACING.stream().anyMatch(e::hasAttr)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the element itself never reaches the page: it, or one around it, is replaced or removed. */
    private static boolean dropped(Element element) {
        if (element.hasAttr("th:replace") || element.hasAttr("th:remove")) {
            return true;
        }
        return element.parent() != null && replaced(element.parent());
    }
}
