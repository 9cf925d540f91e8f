package org.beffroi.procedures.definition;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes a procedure's definition as the JSON file communes exchange. */
public final class DefinitionJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private DefinitionJson() {
    }

    public static String write(ProcedureDefinition definition) {
        return JSON.writeValueAsString(definition);
    }

    /** The definition, or empty when the text is not a procedure file of a format this version reads. */
    public static Optional<ProcedureDefinition> read(String json) {
        try {
            var tree = JSON.readTree(json);
            if (tree == null || !tree.isObject() || !ProcedureDefinition.FORMAT.equals(tree.path("format").asString())) {
                return Optional.empty();
            }
            return Optional.of(JSON.treeToValue(tree, ProcedureDefinition.class));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
