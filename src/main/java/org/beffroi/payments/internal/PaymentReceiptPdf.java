package org.beffroi.payments.internal;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import lombok.RequiredArgsConstructor;

import org.beffroi.payments.Payment;
import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.Money;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt of a paid payment as a PDF, in French: the commune, the label, the reference, the amount, when it was
 * paid and through which provider.
 */
@Component
@RequiredArgsConstructor
public class PaymentReceiptPdf {

    private final Commune commune;
    private final MessageSource messages;

    /** The receipt of a payment; only a paid payment has one. */
    public byte[] of(Payment payment) {
        if (payment.status() != Payment.Status.PAID || payment.confirmedAt() == null) {
            throw new IllegalArgumentException("only a paid payment has a receipt");
        }
        var out = new ByteArrayOutputStream();
        var document = new Document();
        PdfWriter.getInstance(document, out);
        document.addTitle("Reçu de paiement " + payment.reference());
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 10);
        document.add(new Paragraph(plain("Mairie de " + commune.settings().name()), text));
        var head = new Paragraph("Reçu de paiement", title);
        head.setSpacingBefore(12);
        head.setSpacingAfter(8);
        document.add(head);
        var table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {2, 3});
        row(table, "Objet", payment.label(), text);
        row(table, "Référence", payment.reference(), text);
        row(table, "Montant", Money.euros(payment.amountCents(), Locale.FRENCH), text);
        row(table, "Payé le", CommuneTime.format(payment.confirmedAt(), CommuneTime.DATE_TIME, Locale.FRENCH), text);
        row(table, "Prestataire", messages.getMessage("payments.provider." + payment.provider(), null,
                payment.provider(), Locale.FRENCH), text);
        document.add(table);
        var keep = new Paragraph("Gardez ce reçu : pour toute question, rappelez sa référence.", text);
        keep.setSpacingBefore(12);
        document.add(keep);
        document.close();
        return out.toByteArray();
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        table.addCell(new Paragraph(plain(label), font));
        table.addCell(new Paragraph(plain(value), font));
    }

    /** The standard fonts have no narrow no-break space: a plain no-break space instead. */
    private static String plain(String text) {
        return text == null ? "" : text.replace('\u202f', '\u00a0');
    }
}
