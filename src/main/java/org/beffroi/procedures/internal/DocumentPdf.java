package org.beffroi.procedures.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A document of the workflow as a one-page PDF (OpenPDF): the commune's name and address, the title, the text. The
 * standard Helvetica font writes French (accents, « », ’); a narrow no-break space, which it lacks, becomes an
 * ordinary one.
 */
final class DocumentPdf {

    private DocumentPdf() {
    }

    static byte[] make(String communeName, String communeAddress, String title, String text) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 64, 64, 64, 64);
        PdfWriter.getInstance(document, out);
        document.addTitle(printable(title));
        document.addAuthor(printable(communeName));
        document.addCreator("Beffroi");
        document.open();
        var small = FontFactory.getFont(FontFactory.HELVETICA, 10, Font.NORMAL, Color.DARK_GRAY);
        document.add(new Paragraph(printable(communeName), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13)));
        if (communeAddress != null && !communeAddress.isBlank()) {
            document.add(new Paragraph(printable(communeAddress), small));
        }
        var heading = new Paragraph(printable(title), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18));
        heading.setSpacingBefore(36);
        heading.setSpacingAfter(18);
        heading.setAlignment(Element.ALIGN_LEFT);
        document.add(heading);
        var body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        for (String paragraph : printable(text).split("\\R\\s*\\R")) {
            var p = new Paragraph(paragraph.strip(), body);
            p.setSpacingAfter(9);
            p.setLeading(15);
            document.add(p);
        }
        document.close();
        return out.toByteArray();
    }

    /** What Helvetica's encoding can show: no narrow no-break space, no control characters. */
    static String printable(String text) {
        return text == null ? "" : text.replace('\u202f', ' ').replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "");
    }
}
