package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Markdown comes out as safe HTML: what an attacker slips into an article is shown, never run. */
class RichTextTest {

    /** Payloads of the usual kinds: tags, handlers, dangerous URLs, frames, styles, outside resources. */
    static List<String> payloads() {
        return List.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "<iframe src=\"https://exemple.invalid\"></iframe>",
                "[clic](javascript:alert(1))",
                "[clic](JaVaScRiPt:alert(1))",
                "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[clic](vbscript:msgbox(1))",
                "![x](javascript:alert(1))",
                "![x](https://traceur.exemple.invalid/pixel.png)",
                "<a href=\"javascript:alert(1)\">clic</a>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
                "<form action=\"https://exemple.invalid\"><input name=q></form>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "[a](<javascript:alert(1)>)",
                "<details open ontoggle=alert(1)>",
                "`<script>alert(1)</script>` et <b onclick=alert(1)>gras</b>");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void nothingExecutableSurvives(String payload) {
        String html = RichText.toHtml("Texte avant.\n\n" + payload + "\n\nTexte après.").toLowerCase();

        // raw HTML may remain as visible text (escaped); what matters is that no tag or attribute carries it
        assertThat(html).doesNotContain("<script", "<iframe", "<svg", "<object", "<embed", "<form", "<input",
                "<math", "<details");
        assertThat(html).doesNotContainPattern("<[^>]*\\s(on[a-z]+|style)\\s*=");
        assertThat(html).doesNotContainPattern("<[^>]*\\s(href|src)\\s*=\\s*\"?\\s*(javascript|vbscript|data):");
        assertThat(html).doesNotContainPattern("<img[^>]*traceur");
        // a refused link loses its tag: an empty href would reload the page
        assertThat(html).doesNotContain("href=\"\"");
        assertThat(html).contains("texte avant.", "texte après.");
    }

    /** A form refuses what would not show as written: typed HTML (shown as text) and outside images (dropped). */
    @Test
    void rawHtmlAndOutsideImagesAreNamedForAFormToRefuse() {
        assertThat(RichText.refusal("Un mot en <b>gras</b>.")).hasValue(
                new RichText.Refusal(RichText.Refusal.Reason.RAW_HTML, "<b>"));
        assertThat(RichText.refusal("Avant.\n\n<script>alert(1)</script>\n\nAprès.")).hasValue(
                new RichText.Refusal(RichText.Refusal.Reason.RAW_HTML, "<script>alert(1)</script>"));
        assertThat(RichText.refusal("Le plan : ![plan](https://exemple.org/plan.png)")).hasValue(
                new RichText.Refusal(RichText.Refusal.Reason.OUTSIDE_IMAGE, "https://exemple.org/plan.png"));
        assertThat(RichText.refusal("![x](javascript:alert(1))")).get().extracting(RichText.Refusal::reason)
                .isEqualTo(RichText.Refusal.Reason.OUTSIDE_IMAGE);

        // Markdown that looks like HTML but is not: code, autolinks, comparisons, the platform's own images
        assertThat(RichText.refusal("""
                Écrivez `<b>gras</b>` pour du gras ; 3 < 4 et 5 > 2.

                Voir <https://www.service-public.fr> ou <mairie@exemple.fr>.

                ![Le plan](/fichiers/0f8c3a52-7c1e-4d7b-9a51-2b8f3c1d4e5f)

                    <pre>bloc de code</pre>
                """)).isEmpty();
        assertThat(RichText.refusal(null)).isEmpty();
    }

    @Test
    void ordinaryMarkdownKeepsItsShape() {
        String html = RichText.toHtml("""
                # Grand titre

                Un **mot** en gras, un [lien](https://www.service-public.fr) et un courriel <mairie@exemple.fr>.

                - un
                - deux

                | Jour | Heure |
                | --- | --- |
                | lundi | 9 h |

                ![Plan de la mairie](/fichiers/123e4567-e89b-12d3-a456-426614174000)
                """);

        assertThat(html).contains("<h2>Grand titre</h2>", "<strong>mot</strong>", "<li>un</li>", "<table>",
                "<td>lundi</td>", "src=\"/fichiers/123e4567-e89b-12d3-a456-426614174000\"",
                "alt=\"Plan de la mairie\"", "href=\"mailto:mairie&#64;exemple.fr\"");
        assertThat(html).containsPattern("<a href=\"https://www.service-public.fr\" rel=\"noopener noreferrer\">lien</a>");
        assertThat(html).doesNotContain("<h1>");
    }

    @Test
    void plainTextDropsTheMarkup() {
        assertThat(RichText.toPlainText("## Stationnement\n\nLe **stationnement** est [interdit](https://x.fr).\n"))
                .contains("Stationnement", "Le stationnement est", "interdit").doesNotContain("**", "](", "##");
    }

    @Test
    void theWordsOfATextAreItsTextWithoutMarkup() {
        String words = RichText.toWords("""
                # Horaires

                1. *Lundi* : 9 h – 12 h
                2. Voir [la page](https://example.org/horaires) ou ![le plan](/fichiers/plan)

                | Jour | Heures |
                | --- | --- |
                | Mardi | `14 h` |

                Texte <b>brut</b>
                """);
        assertThat(words).startsWith("Horaires\nLundi : 9 h – 12 h\nVoir la page ou le plan\n")
                .contains("Jour Heures").contains("Mardi 14 h").endsWith("\nTexte <b>brut</b>")
                .doesNotContain("#", "*", "[", "](", "|", "`", "1.", "2.")
                .doesNotContain("https://");
    }
}
