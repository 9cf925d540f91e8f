package org.beffroi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker finds what the Nu HTML Checker finds, offline, and keeps quiet on a valid page and on mere warnings. */
class HtmlCheckerTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head>
            <body>%s</body></html>
            """;

    @Test
    void aValidPageHasNoError() {
        assertThat(HtmlChecker.errors(PAGE.formatted("<main><h1>Bonjour</h1><p id=\"a\">Texte</p></main>"), "http://localhost/"))
                .isEmpty();
    }

    @Test
    void aWarningIsNotAnError() {
        // a section without a heading is a warning of the checker
        assertThat(HtmlChecker.errors(PAGE.formatted("<section><p>Texte</p></section>"), "http://localhost/")).isEmpty();
    }

    @Test
    void eachErrorComesWithItsLineAndColumn() {
        var errors = HtmlChecker.errors(PAGE.formatted("<p id=\"a\">Un</p>\n<p id=\"a\">Deux</p></div><span href=\"/\">Trois</span>"),
                "http://localhost/essai");
        assertThat(errors).contains("4:10 Duplicate ID “a”.")
                .anyMatch(error -> error.contains("Stray end tag") && error.contains("div"))
                .anyMatch(error -> error.contains("Attribute “href” not allowed on element “span”"));
    }
}
