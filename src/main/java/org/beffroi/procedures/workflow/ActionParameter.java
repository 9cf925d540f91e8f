package org.beffroi.procedures.workflow;

import java.util.List;

/**
 * A parameter an action declares; the workflow builder draws its field from it, and the definition check checks
 * its value. {@code choices}: the values a {@link Kind#CHOICE} offers; {@code maxCents}: the largest
 * {@link Kind#AMOUNT}, if there is one.
 */
public record ActionParameter(String name, Kind kind, boolean required, List<String> choices, Long maxCents) {

    public enum Kind {
        TEXT, LONG_TEXT, DAYS, STATUS, FUNCTION, RECIPIENT,
        /** The key of a field of the procedure's form. */
        FIELD,
        /** A number, with a decimal point if any (5, 2.5). */
        NUMBER,
        /** Yes or no: "true" or "false". */
        FLAG,
        /** An amount in euros, more than zero, two decimals at most: typed "25" or "25,50", kept "25.50". */
        AMOUNT,
        /** One of the values the action offers ({@link ActionParameter#choices()}). */
        CHOICE
    }

    public ActionParameter {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public ActionParameter(String name, Kind kind, boolean required) {
        this(name, kind, required, List.of(), null);
    }

    /** The builder's label for it: {@code procedures.action.<type>.<name>}. */
    public String messageKey(String actionType) {
        return "procedures.action." + actionType + "." + name;
    }
}
