package org.beffroi.procedures.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.internal.FieldValidation;
import org.beffroi.procedures.internal.FieldValidation.FieldError;
import org.springframework.context.MessageSource;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Between a filling page's form and the answers: what a page posts, read into answers; the answers and errors drawn
 * back as fields. Names: a field's key; a block's field {@code block.0.child}, with {@code block.rows} its number of
 * rows. Ids: {@code champ-} and the name, dots made dashes.
 */
public final class FormPages {

    static final String ROWS = ".rows";

    private FormPages() {
    }

    static String id(String name) {
        return "champ-" + name.replace('.', '-');
    }

    /** The answers a page posted for its fields (files excepted: they come another way). */
    static Map<String, Object> read(List<FieldDefinition> fields, HttpServletRequest request) {
        var answers = new LinkedHashMap<String, Object>();
        for (var field : fields) {
            if (field.type() == null || !field.type().takesAnswer() || field.type() == FieldType.FILE) {
                continue;
            }
            if (field.type() == FieldType.REPEATABLE) {
                int rows = rows(request.getParameter(field.key() + ROWS), field.maxRepeat());
                var list = new ArrayList<Object>();
                for (int i = 0; i < rows; i++) {
                    var row = new LinkedHashMap<String, Object>();
                    for (var child : field.fields()) {
                        if (child.type() != null && child.type().takesAnswer() && child.type() != FieldType.FILE
                                && child.type() != FieldType.REPEATABLE) {
                            row.put(child.key(), one(child, field.key() + "." + i + "." + child.key(), request));
                        }
                    }
                    list.add(row);
                }
                answers.put(field.key(), list);
            } else {
                answers.put(field.key(), one(field, field.key(), request));
                if (field.type() == FieldType.ADDRESS) {
                    // the point on the map: typed, or set by the map picker's script; absent from an older page
                    for (String part : List.of(FieldValidation.LATITUDE, FieldValidation.LONGITUDE)) {
                        String value = request.getParameter(field.key() + part);
                        answers.put(field.key() + part, value == null ? "" : value);
                    }
                }
            }
        }
        return answers;
    }

    private static Object one(FieldDefinition field, String name, HttpServletRequest request) {
        if (field.type() == FieldType.MULTIPLE_CHOICE) {
            String[] values = request.getParameterValues(name);
            return values == null ? List.of() : Arrays.stream(values).filter(Objects::nonNull).toList();
        }
        if (field.type() == FieldType.CHECKBOX) {
            return FieldValidation.TICKED.equals(request.getParameter(name)) ? FieldValidation.TICKED : "";
        }
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static int rows(String posted, int most) {
        try {
            return Math.max(0, Math.min(most, Integer.parseInt(posted)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A block with one more row (empty), or one less, as the resident pressed "Ajouter" or "Retirer". */
    @SuppressWarnings("unchecked")
    static void changeRows(Map<String, Object> answers, FieldDefinition block, Integer remove) {
        var rows = answers.get(block.key()) instanceof List<?> list ? new ArrayList<Object>(list)
                : new ArrayList<Object>();
        if (remove == null) {
            if (rows.size() < block.maxRepeat()) {
                var row = new LinkedHashMap<String, Object>();
                block.fields().forEach(f -> row.put(f.key(), ""));
                rows.add(row);
            }
        } else if (remove >= 0 && remove < rows.size()) {
            rows.remove((int) remove);
        }
        answers.put(block.key(), rows);
    }

    /** The page's fields drawn with the answers given and the messages of their errors. */
    static List<FieldView> views(List<FieldDefinition> fields, Map<String, Object> answers, Map<String, String> errors) {
        var views = new ArrayList<FieldView>();
        for (var field : fields) {
            if (field.type() == null) {
                continue;
            }
            boolean shown = FieldValidation.shown(field, answers);
            var view = view(field, field.key(), answers.get(field.key()), errors, shown);
            if (field.type() == FieldType.ADDRESS) {
                String lat = field.key() + FieldValidation.LATITUDE;
                String lon = field.key() + FieldValidation.LONGITUDE;
                view = view.withPoint(new FieldView.Point(id(lat), lat, text(answers.get(lat)), errors.get(lat),
                        id(lon), lon, text(answers.get(lon)), errors.get(lon)));
            }
            views.add(view);
        }
        return views;
    }

    private static FieldView view(FieldDefinition field, String name, Object value, Map<String, String> errors,
            boolean shown) {
        var rows = new ArrayList<FieldView.Row>();
        if (field.type() == FieldType.REPEATABLE && value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Map<?, ?> row = list.get(i) instanceof Map<?, ?> m ? m : Map.of();
                var children = new ArrayList<FieldView>();
                for (var child : field.fields()) {
                    children.add(view(child, name + "." + i + "." + child.key(), row.get(child.key()), errors, true));
                }
                rows.add(new FieldView.Row(i, children));
            }
        }
        List<String> values = value instanceof List<?> list && field.type() != FieldType.REPEATABLE
                ? list.stream().map(String::valueOf).toList() : List.of();
        String text = value instanceof String s ? s : null;
        return new FieldView(field, id(name), name, text, values, rows, errors.get(name), shown, null);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    /** The errors in words, by field name, in the resident's language. */
    public static Map<String, String> messages(List<FieldError> errors, MessageSource messages, Locale locale) {
        var words = new LinkedHashMap<String, String>();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        for (var error : errors) {
            String text = error.text() != null ? error.text()
                    : messages.getMessage(error.code(), error.args().stream()
                            .map(a -> a instanceof LocalDate d ? dates.format(d) : a).toArray(), locale);
            words.putIfAbsent(error.key(), text);
        }
        return words;
    }

    /** What a page posted, kept in the session while the resident signs in again (serialisable). */
    static HashMap<String, Object> serialisable(Map<String, Object> answers) {
        var copy = new HashMap<String, Object>();
        answers.forEach((k, v) -> copy.put(k, copyOf(v)));
        return copy;
    }

    private static Object copyOf(Object value) {
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(item -> copy.add(copyOf(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyOf(v)));
            return copy;
        }
        return value == null ? null : String.valueOf(value);
    }
}
