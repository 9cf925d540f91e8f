package org.beffroi.procedures.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.CommuneTime;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/** The receipt of a filed case as a PDF: the commune, the case's number and date, the procedure, every answer. */
@Component
@RequiredArgsConstructor
public class ReceiptPdf {

    private final Commune commune;
    private final ProcedureStore procedures;

    public byte[] of(CaseRecord filed) {
        var definition = procedures.version(filed.versionId()).orElseThrow().definition();
        var out = new ByteArrayOutputStream();
        var document = new Document();
        PdfWriter.getInstance(document, out);
        document.addTitle("Récépissé " + filed.number());
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font text = FontFactory.getFont(FontFactory.HELVETICA, 10);
        document.add(new Paragraph(plain("Mairie de " + commune.settings().name()), text));
        var head = new Paragraph(plain("Récépissé de dépôt : demande n° " + filed.number()), title);
        head.setSpacingBefore(12);
        head.setSpacingAfter(8);
        document.add(head);
        document.add(new Paragraph(plain(definition.title()), heading));
        document.add(new Paragraph(plain("Déposée le " + CommuneTime.format(filed.filedAt().atZone(CommuneTime.ZONE), CommuneTime.DATE_TIME,
                Locale.FRENCH)),
                text));
        if (filed.displayName() != null) {
            document.add(new Paragraph(plain("Par " + filed.displayName()), text));
        }
        var answersTitle = new Paragraph("Vos réponses", heading);
        answersTitle.setSpacingBefore(12);
        answersTitle.setSpacingAfter(6);
        document.add(answersTitle);
        var table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {2, 3});
        for (var page : definition.pages()) {
            for (var field : page.fields()) {
                addAnswer(table, field, filed.data().get(field.key()), text);
            }
        }
        document.add(table);
        var next = new Paragraph(plain("La mairie étudie votre demande. Vous recevrez un courriel à chaque étape ; "
                + "gardez ce numéro pour toute question."), text);
        next.setSpacingBefore(12);
        next.setAlignment(Element.ALIGN_LEFT);
        document.add(next);
        document.close();
        return out.toByteArray();
    }

    private static void addAnswer(PdfPTable table, FieldDefinition field, Object value, Font font) {
        if (field.type() == null || !field.type().takesAnswer() || field.type() == FieldType.FILE || value == null) {
            return;
        }
        table.addCell(new Paragraph(plain(field.label()), font));
        table.addCell(new Paragraph(plain(words(field, value)), font));
    }

    /** An answer in words: a choice's label, a checkbox's "Oui", a block's rows one a line. */
    public static String words(FieldDefinition field, Object value) {
        if (value instanceof List<?> list && field.type() == FieldType.REPEATABLE) {
            var rows = new StringBuilder();
            for (Object row : list) {
                if (row instanceof Map<?, ?> map) {
                    var line = new StringBuilder();
                    for (var child : field.fields()) {
                        Object v = map.get(child.key());
                        if (v != null && !String.valueOf(v).isBlank()) {
                            line.append(line.isEmpty() ? "" : ", ").append(child.label()).append(" : ")
                                    .append(words(child, v));
                        }
                    }
                    rows.append(rows.isEmpty() ? "" : "\n").append(line);
                }
            }
            return rows.toString();
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(v -> label(field, String.valueOf(v))).toList());
        }
        if (field.type() == FieldType.CHECKBOX) {
            return FieldValidation.TICKED.equals(value) ? "Oui" : "Non";
        }
        return label(field, String.valueOf(value));
    }

    private static String label(FieldDefinition field, String value) {
        return field.choices().stream().filter(c -> c.value().equals(value)).map(c -> c.label()).findFirst()
                .orElse(value);
    }

    /** The standard fonts have no narrow no-break space: a plain no-break space instead. */
    private static String plain(String text) {
        return text == null ? "" : text.replace('\u202f', '\u00a0');
    }

}
