package org.beffroi.platform.internal;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Addresses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The addresses in {@code platform_address}, matched by a key without case, accents or kinds of apostrophe. */
@Service
@RequiredArgsConstructor
public class JdbcAddresses implements Addresses {

    /** « 12 », « 12 bis », « 12bis », « 3 b »: a number and an optional repetition index. */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,5})\\s*([a-z]{1,10})?");
    /** A typed search: a number first, then the street's words. */
    private static final Pattern NUMBER_FIRST = Pattern.compile("(\\d{1,5}(?:\\s*(?:bis|ter|quater|[a-z]))?)[\\s,]+(.+)");
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    /** An address of an imported file, already checked. */
    public record Row(String street, String number, double latitude, double longitude) {
    }

    /** The key streets are matched by: lower case, without accents, one kind of apostrophe, single spaces. */
    public static String key(String street) {
        String plain = Normalizer.normalize(street.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'').replaceAll("\\s+", " ");
    }

    /** « 12 » and the index « bis » as the file or a person writes them, as they are kept: « 12 bis »; null if not a number. */
    public static String number(String typed) {
        var m = NUMBER.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
        return m.group(2) == null ? digits : digits + " " + m.group(2);
    }

    @Override
    public Optional<Located> locate(String street, String number) {
        if (street == null || street.isBlank()) {
            return Optional.empty();
        }
        String key = key(street);
        String kept = number == null || number.isBlank() ? null : number(number);
        if (kept != null) {
            var exact = jdbc.sql("select street, number, latitude, longitude from platform_address"
                    + " where street_key = ? and number = ?").params(key, kept).query(this::located).optional();
            if (exact.isPresent()) {
                return exact;
            }
        }
        return jdbc.sql("select min(street), avg(latitude), avg(longitude), count(*) from platform_address"
                + " where street_key = ?").param(key)
                .query((rs, row) -> rs.getLong(4) == 0 ? null
                        : new Located(rs.getString(1), "", rs.getDouble(2), rs.getDouble(3)))
                .optional();
    }

    @Override
    public List<Located> search(String typed, int limit) {
        String text = typed == null ? "" : key(typed);
        if (text.length() < 3) {
            return List.of();
        }
        var m = NUMBER_FIRST.matcher(text);
        if (m.matches() && number(m.group(1)) != null) {
            return jdbc.sql("select street, number, latitude, longitude from platform_address"
                    + " where street_key like ? escape '!' and (number = ? or number like ? escape '!')"
                    + " order by street_key, length(number), number")
                    .params(contains(m.group(2)), number(m.group(1)), escape(number(m.group(1))) + " %")
                    .query(this::located).stream().limit(limit).toList();
        }
        return jdbc.sql("select min(street), avg(latitude), avg(longitude) from platform_address"
                + " where street_key like ? escape '!' group by street_key order by street_key")
                .param(contains(text))
                .query((rs, row) -> new Located(rs.getString(1), "", rs.getDouble(2), rs.getDouble(3)))
                .stream().limit(limit).toList();
    }

    @Override
    public int count() {
        return jdbc.sql("select count(*) from platform_address").query(Integer.class).single();
    }

    @Override
    public boolean any() {
        return jdbc.sql("select 1 from platform_address fetch first 1 rows only").query(Integer.class).optional()
                .isPresent();
    }

    /** When the addresses were last imported, and the file's name; empty before the first import. */
    public Optional<Imported> lastImport() {
        return jdbc.sql("select addresses_imported_at, addresses_file from platform_commune where id = 1")
                .query((rs, row) -> rs.getTimestamp(1) == null ? null
                        : new Imported(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                .optional();
    }

    public record Imported(Instant at, String file) {
    }

    /** Replaces every address by these, in one transaction: a reader sees the old ones or the new ones. */
    @Transactional
    public void replaceAll(List<Row> rows, String fileName) {
        jdbc.sql("delete from platform_address").update();
        var batch = new ArrayList<Object[]>(BATCH);
        for (var row : rows) {
            batch.add(new Object[] {row.street(), key(row.street()), row.number(), row.latitude(), row.longitude()});
            if (batch.size() == BATCH) {
                insert(batch);
            }
        }
        insert(batch);
        jdbc.sql("update platform_commune set addresses_imported_at = ?, addresses_file = ? where id = 1")
                .params(Timestamp.from(clock.instant()), fileName).update();
    }

    private void insert(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            template.batchUpdate("insert into platform_address (street, street_key, number, latitude, longitude)"
                    + " values (?, ?, ?, ?, ?)", batch);
            batch.clear();
        }
    }

    private Located located(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Located(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4));
    }

    private static String contains(String words) {
        return "%" + escape(words.strip()) + "%";
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
