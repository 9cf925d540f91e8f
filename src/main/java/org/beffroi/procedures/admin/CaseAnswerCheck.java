package org.beffroi.procedures.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.beffroi.procedures.definition.Choice;
import org.beffroi.procedures.definition.FieldDefinition;

/**
 * An agent's correction of one answer, checked against the field of the case's version: required, the value's type
 * (number, date, address, phone, one of the choices offered), bounds and pattern. The value kept is what the
 * resident's form keeps: a text, a list of texts for several choices, {@code "oui"} for a ticked box; an empty answer
 * is removed.
 */
final class CaseAnswerCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()-]{6,20}");

    /** The value to keep, or the message key (with its arguments, or the form's own message) saying what is wrong. */
    record Checked(Object value, String errorKey, Object[] args, String errorText) {

        boolean valid() {
            return errorKey == null && errorText == null;
        }

        static Checked error(String key, Object... args) {
            return new Checked(null, key, args, null);
        }
    }

    private CaseAnswerCheck() {
    }

    static Checked check(FieldDefinition field, List<String> given) {
        var values = given == null ? List.<String>of()
                : given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (values.isEmpty()) {
            return field.required() ? Checked.error("procedures.office.edit.required") : new Checked(null, null, null, null);
        }
        String text = values.getFirst();
        switch (field.type()) {
            case MULTIPLE_CHOICE -> {
                if (!values.stream().allMatch(v -> offered(field, v))) {
                    return Checked.error("procedures.office.edit.choice");
                }
                return new Checked(values, null, null, null);
            }
            case SINGLE_CHOICE -> {
                return offered(field, text) ? ok(text) : Checked.error("procedures.office.edit.choice");
            }
            case CHECKBOX -> {
                return OfficeCaseViews.TICKED.equals(text) ? ok(text) : Checked.error("procedures.office.edit.choice");
            }
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(text.replace(',', '.').replace(" ", ""));
                } catch (NumberFormatException e) {
                    return Checked.error("procedures.office.edit.number");
                }
                if (field.min() != null && number.compareTo(field.min()) < 0
                        || field.max() != null && number.compareTo(field.max()) > 0) {
                    return Checked.error("procedures.office.edit.range", bound(field.min()), bound(field.max()));
                }
                return ok(text);
            }
            case DATE -> {
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    return Checked.error("procedures.office.edit.date");
                }
                return ok(text);
            }
            case EMAIL -> {
                return text.length() <= 254 && EMAIL.matcher(text).matches() ? ok(text)
                        : Checked.error("procedures.office.edit.email");
            }
            case PHONE -> {
                return PHONE.matcher(text).matches() ? ok(text) : Checked.error("procedures.office.edit.phone");
            }
            default -> {
                if (field.min() != null && text.length() < field.min().intValue()
                        || field.max() != null && text.length() > field.max().intValue()) {
                    return Checked.error("procedures.office.edit.length", bound(field.min()), bound(field.max()));
                }
                if (field.pattern() != null && !matches(field.pattern(), text)) {
                    return field.patternMessage() != null ? new Checked(null, null, null, field.patternMessage())
                            : Checked.error("procedures.office.edit.pattern");
                }
                return ok(text);
            }
        }
    }

    private static Checked ok(String text) {
        return new Checked(text, null, null, null);
    }

    private static String bound(BigDecimal bound) {
        return bound == null ? "—" : bound.stripTrailingZeros().toPlainString();
    }

    private static boolean offered(FieldDefinition field, String value) {
        return field.choices().stream().map(Choice::value).anyMatch(value::equals);
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }
}
