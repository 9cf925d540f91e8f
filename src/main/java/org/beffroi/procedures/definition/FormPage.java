package org.beffroi.procedures.definition;

import java.util.List;

/** A page of the form: the resident moves to the next one once this one is valid. */
public record FormPage(String title, List<FieldDefinition> fields) {

    public FormPage {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
