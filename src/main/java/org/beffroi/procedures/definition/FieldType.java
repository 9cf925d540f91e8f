package org.beffroi.procedures.definition;

/**
 * The kinds of field a procedure's form may hold. A page break is not a field: a form is a list of pages. A field
 * of a new kind (an appointment slot, say) is a new constant here, its validation in {@code FieldValidation} and its
 * control in the form's template.
 */
public enum FieldType {
    TEXT, LONG_TEXT, NUMBER, DATE, EMAIL, PHONE, ADDRESS, SINGLE_CHOICE, MULTIPLE_CHOICE, CHECKBOX, FILE,
    /** A block of fields the resident fills once or more (each child of a household, say). */
    REPEATABLE,
    /** Text shown between fields; takes no answer. */
    COMMENT;

    public boolean takesAnswer() {
        return this != COMMENT;
    }

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
