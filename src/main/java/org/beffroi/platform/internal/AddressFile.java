package org.beffroi.platform.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.beffroi.platform.Commune;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a commune's addresses from the national base's CSV (adresse.data.gouv.fr: {@code numero}, {@code rep},
 * {@code nom_voie}, {@code lon}, {@code lat}) or from a Base Adresse Locale (format BAL 1.3: {@code numero},
 * {@code suffixe}, {@code voie_nom}, {@code long}, {@code lat}): UTF-8, separated by semicolons, a header line. Every
 * line is checked before anything is written; a file with a bad line is refused whole, with the first bad lines
 * named. The number 99999 is the bases' mark of a place without a number (a lieu-dit). The same address twice keeps
 * the first.
 */
public final class AddressFile {

    /** The most addresses a file may hold: a city of two million has about 150,000. */
    public static final int MAX_ADDRESSES = 300_000;
    /** How many bad lines a refusal names. */
    static final int BAD_LINES_SHOWN = 10;
    private static final String NO_NUMBER = "99999";
    private static final CsvMapper MAPPER = new CsvMapper();

    private AddressFile() {
    }

    /** A line refused: its number in the file (the header is line 1) and the message key of the reason. */
    public record BadLine(long line, String messageKey) {
    }

    /** The addresses read, or why the file is refused (a message key, or bad lines). */
    public record Reading(List<JdbcAddresses.Row> rows, int streets, String fileProblem, List<BadLine> badLines) {

        public boolean accepted() {
            return fileProblem == null && badLines.isEmpty();
        }
    }

    private record Columns(String number, String suffix, String street, String longitude, String latitude) {
        static final Columns BAN = new Columns("numero", "rep", "nom_voie", "lon", "lat");
        static final Columns BAL = new Columns("numero", "suffixe", "voie_nom", "long", "lat");
    }

    public static Reading read(InputStream content) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new BufferedReader(new InputStreamReader(content, decoder))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return read(reader);
        } catch (java.nio.charset.CharacterCodingException e) {
            return refused("settings.addresses.not-utf8");
        } catch (JacksonException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                return refused("settings.addresses.not-utf8");
            }
            return refused("settings.addresses.unreadable");
        }
    }

    private static Reading read(Reader reader) {
        var schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';');
        MappingIterator<Map<String, String>> lines = MAPPER.readerFor(Map.class).with(schema).readValues(reader);
        var rows = new ArrayList<JdbcAddresses.Row>();
        var bad = new ArrayList<BadLine>();
        var seen = new HashSet<String>();
        var streets = new HashSet<String>();
        Columns columns = null;
        long line = 1;
        while (lines.hasNextValue()) {
            Map<String, String> values = lines.nextValue();
            line++;
            if (columns == null) {
                columns = values.containsKey(Columns.BAN.street()) ? Columns.BAN
                        : values.containsKey(Columns.BAL.street()) ? Columns.BAL : null;
                if (columns == null || !values.containsKey(columns.longitude()) || !values.containsKey(columns.latitude())
                        || !values.containsKey(columns.number())) {
                    return refused("settings.addresses.columns");
                }
            }
            if (rows.size() >= MAX_ADDRESSES) {
                return refused("settings.addresses.too-many");
            }
            String problem = problem(values, columns);
            if (problem != null) {
                if (bad.size() < BAD_LINES_SHOWN) {
                    bad.add(new BadLine(line, problem));
                }
                continue;
            }
            var row = row(values, columns);
            if (seen.add(JdbcAddresses.key(row.street()) + "|" + row.number())) {
                rows.add(row);
                streets.add(JdbcAddresses.key(row.street()));
            }
        }
        if (columns == null) {
            return refused("settings.addresses.empty");
        }
        return new Reading(bad.isEmpty() ? rows : List.of(), streets.size(), null, bad);
    }

    private static String problem(Map<String, String> values, Columns columns) {
        String street = text(values, columns.street());
        if (street.isEmpty() || street.length() > Commune.LONGEST_STREET) {
            return "settings.addresses.line.street";
        }
        String number = text(values, columns.number());
        String suffix = text(values, columns.suffix());
        if (!NO_NUMBER.equals(number) && JdbcAddresses.number(number + suffix) == null) {
            return "settings.addresses.line.number";
        }
        Double latitude = degrees(text(values, columns.latitude()));
        Double longitude = degrees(text(values, columns.longitude()));
        if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            return "settings.addresses.line.point";
        }
        return null;
    }

    private static JdbcAddresses.Row row(Map<String, String> values, Columns columns) {
        String number = text(values, columns.number());
        return new JdbcAddresses.Row(text(values, columns.street()).replaceAll("\\s+", " "),
                NO_NUMBER.equals(number) ? "" : JdbcAddresses.number(number + text(values, columns.suffix())),
                degrees(text(values, columns.latitude())), degrees(text(values, columns.longitude())));
    }

    private static String text(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value.strip();
    }

    private static Double degrees(String text) {
        try {
            double value = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Reading refused(String messageKey) {
        return new Reading(List.of(), 0, messageKey, List.of());
    }
}
