package org.beffroi.procedures.definition;

/** One answer offered by a choice field: the value kept, the label shown. */
public record Choice(String value, String label) {
}
