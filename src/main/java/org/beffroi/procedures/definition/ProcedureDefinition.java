package org.beffroi.procedures.definition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A procedure as data: its settings, its form and its workflow. This is what a version holds and what a commune
 * exports to another as one JSON file ({@code format} {@value #FORMAT}). {@code functions} are the roles the
 * workflow assigns cases to ("instruction"); each commune maps them to its own services.
 */
public record ProcedureDefinition(String format, String slug, String title, String summary, Category category,
        List<LifeEvent> lifeEvents, Access access, int retentionDays, List<String> functions, List<FormPage> pages,
        WorkflowDefinition workflow) {

    public static final String FORMAT = "beffroi-procedure/1";

    public ProcedureDefinition {
        format = format == null ? FORMAT : format;
        lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
        functions = functions == null ? List.of() : List.copyOf(functions);
        pages = pages == null ? List.of() : List.copyOf(pages);
        access = access == null ? Access.ANYONE : access;
    }

    /** Every field, repeatable blocks' own fields included, in the form's order. */
    @JsonIgnore
    public Stream<FieldDefinition> allFields() {
        return pages.stream().flatMap(p -> p.fields().stream())
                .flatMap(f -> Stream.concat(Stream.of(f), f.fields().stream()));
    }

    public Optional<FieldDefinition> field(String key) {
        return allFields().filter(f -> f.key().equals(key)).findFirst();
    }
}
