package org.beffroi.testing;

import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** The text of a PDF as a reader of it would find it, page after page: read by OpenPDF's parser. */
public final class PdfText {

    private PdfText() {
    }

    public static String of(byte[] pdf) throws java.io.IOException {
        try (var reader = new PdfReader(pdf)) {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        }
    }
}
