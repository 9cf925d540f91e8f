package org.beffroi.procedures.definition;

/** A field is shown only when another field of the form holds a value (for a multiple choice: among its values). */
public record Condition(String field, String equals) {
}
