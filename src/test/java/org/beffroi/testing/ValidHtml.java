package org.beffroi.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nu.validator.client.EmbeddedValidator;

/**
 * The Nu HTML checker (the W3C's), run in the test's process: the errors it finds in a page, none when valid. Its
 * warnings (a section without a heading, an h1 inside a section) are advice, not invalidity, and are not reported.
 */
public final class ValidHtml {

    private ValidHtml() {
    }

    /** Each error the checker reports, one a line, with its place in the document. */
    public static List<String> errors(String html) {
        var validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        validator.setNoLangDetect(true);
        try {
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            return report.lines().filter(line -> line.contains(" error: ") || line.contains("non-document-error"))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("the HTML checker could not read the page", e);
        }
    }
}
