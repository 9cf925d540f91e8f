package org.beffroi.procedures.workflow;

/** A parameter an action declares; the workflow builder draws its field from it. */
public record ActionParameter(String name, Kind kind, boolean required) {

    public enum Kind {
        TEXT, LONG_TEXT, DAYS, STATUS, FUNCTION, RECIPIENT,
        /** The key of a field of the procedure's form. */
        FIELD,
        /** A number, with a decimal point if any (5, 2.5). */
        NUMBER,
        /** Yes or no: "true" or "false". */
        FLAG
    }

    /** The builder's label for it: {@code procedures.action.<type>.<name>}. */
    public String messageKey(String actionType) {
        return "procedures.action." + actionType + "." + name;
    }
}
