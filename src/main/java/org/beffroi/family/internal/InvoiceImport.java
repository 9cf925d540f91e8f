package org.beffroi.family.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.family.internal.InvoiceLines.NewInvoice;
import org.beffroi.family.internal.InvoiceLines.Problem;
import org.beffroi.platform.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing software's CSV, imported whole or not at all: UTF-8, separated by semicolons (a comma is accepted when
 * the header uses it), a header line, then one invoice a line: household (reference or an adult's e-mail), invoice
 * number, label, period, amount in euros, due date (2026-12-31 or 31/12/2026). Every line is read first; if one is
 * refused, the report names each bad line with its number and reason and nothing is written. An invoice whose number
 * is already there is left as it is (counted as already imported): importing a file twice adds nothing, and the
 * unique number in the database holds it against two imports at once.
 */
@Service
@RequiredArgsConstructor
public class InvoiceImport {

    /** The most lines one file may hold. */
    public static final int MAX_LINES = 5_000;

    private final InvoiceLines lines;
    private final Invoices invoices;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    /** A refused line: its number in the file (the header is line 1) and what is wrong. */
    public record BadLine(int line, List<Problem> problems) {
    }

    /** What an import did: written and skipped counts, or the bad lines (and then nothing was written). */
    public record Report(int imported, int alreadyThere, List<BadLine> badLines, String fileProblem) {
        public boolean done() {
            return badLines.isEmpty() && fileProblem == null;
        }
    }

    public Report importFile(InputStream content) throws IOException {
        List<String> text;
        try {
            text = read(content);
        } catch (CharacterCodingException e) {
            return new Report(0, 0, List.of(), "family.import.not-utf8");
        }
        if (text.isEmpty()) {
            return new Report(0, 0, List.of(), "family.import.empty");
        }
        if (text.size() - 1 > MAX_LINES) {
            return new Report(0, 0, List.of(), "family.import.too-many");
        }
        char separator = text.getFirst().contains(";") ? ';' : ',';
        var bad = new ArrayList<BadLine>();
        var accepted = new ArrayList<NewInvoice>();
        var numbers = new HashSet<String>();
        for (int i = 1; i < text.size(); i++) {
            String line = text.get(i);
            if (line.isBlank()) {
                continue;
            }
            var cells = cells(line, separator);
            if (cells.size() != 6) {
                bad.add(new BadLine(i + 1, List.of(new Problem("line", "family.import.columns", cells.size()))));
                continue;
            }
            var reading = lines.read(new InvoiceLines.Typed(cells.get(0), cells.get(1), cells.get(2), cells.get(3),
                    cells.get(4), cells.get(5)));
            if (!reading.accepted()) {
                bad.add(new BadLine(i + 1, reading.problems()));
            } else if (!numbers.add(reading.invoice().number())) {
                bad.add(new BadLine(i + 1, List.of(new Problem("number", "family.import.repeated",
                        reading.invoice().number()))));
            } else {
                accepted.add(reading.invoice());
            }
        }
        if (!bad.isEmpty()) {
            return new Report(0, 0, List.copyOf(bad), null);
        }
        if (accepted.isEmpty()) {
            return new Report(0, 0, List.of(), "family.import.empty");
        }
        try {
            int[] counts = transaction.execute(status -> {
                int imported = 0;
                int there = 0;
                for (var invoice : accepted) {
                    if (invoices.numberTaken(invoice.number())) {
                        there++;
                    } else {
                        invoices.insert(invoice);
                        imported++;
                    }
                }
                audit.record("family.invoices-imported", "family-invoices", imported + " imported, " + there
                        + " already there");
                return new int[] {imported, there};
            });
            return new Report(counts[0], counts[1], List.of(), null);
        } catch (DuplicateKeyException e) {
            // another import wrote one of these numbers meanwhile: nothing of this one was written
            return new Report(0, 0, List.of(), "family.import.concurrent");
        }
    }

    private static List<String> read(InputStream content) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = new BufferedReader(new InputStreamReader(content, decoder))) {
            var all = new ArrayList<String>();
            String line;
            while ((line = reader.readLine()) != null) {
                all.add(all.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
                if (all.size() > MAX_LINES + 1) {
                    break;
                }
            }
            return all;
        }
    }

    /** One line's cells: separated by the separator, a cell in double quotes may hold it (and "" for a quote). */
    static List<String> cells(String line, char separator) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
