package org.beffroi.procedures.workflow;

/** A parameter an action declares; the workflow builder draws its field from it. */
public record ActionParameter(String name, Kind kind, boolean required) {

    public enum Kind {
        TEXT, LONG_TEXT, DAYS, STATUS, FUNCTION, RECIPIENT
    }

    /** The builder's label for it: {@code procedures.action.<type>.<name>}. */
    public String messageKey(String actionType) {
        return "procedures.action." + actionType + "." + name;
    }
}
