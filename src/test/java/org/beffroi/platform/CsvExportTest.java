package org.beffroi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class CsvExportTest {

    @Test
    void valuesAreQuotedAndFormulasDefused() throws Exception {
        var response = new MockHttpServletResponse();
        try (var csv = CsvExport.open(response, "liste.csv", "nom", "note")) {
            csv.row("=HYPERLINK(\"http://x\")", "dit \"bonjour\"");
            csv.row("+33 1 23", null);
            csv.row("-2", "@cmd");
            csv.row("Élodie", 42);
        }
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("liste.csv");
        assertThat(body).startsWith("\uFEFF\"nom\";\"note\"\r\n")
                .contains("\"'=HYPERLINK(\"\"http://x\"\")\";\"dit \"\"bonjour\"\"\"\r\n")
                .contains("\"'+33 1 23\";\r\n")
                .contains("\"'-2\";\"'@cmd\"\r\n")
                .contains("\"Élodie\";\"42\"\r\n");
    }
}
