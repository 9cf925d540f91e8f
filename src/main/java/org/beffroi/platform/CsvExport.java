package org.beffroi.platform;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;

/**
 * A CSV download for back-office lists, as spreadsheets in French settings read it: semicolons, UTF-8
 * with a byte-order mark, every value quoted, and values that a spreadsheet would run as a formula defused.
 */
@RequiredArgsConstructor
public final class CsvExport implements AutoCloseable {

    private final PrintWriter out;

    public static CsvExport open(HttpServletResponse response, String filename, String... header) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        var export = new CsvExport(new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)));
        export.out.print('\uFEFF');
        export.row((Object[]) header);
        return export;
    }

    public void row(Object... values) {
        out.print(Arrays.stream(values).map(CsvExport::cell).collect(Collectors.joining(";")));
        out.print("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        String safe = text.matches("(?s)^[=+\\-@\\t\\r].*") ? "'" + text : text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        out.flush();
    }
}
