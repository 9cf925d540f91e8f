package org.beffroi.procedures.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A case's or a draft's answers as JSON: texts, lists of texts (multiple choices), lists of maps (blocks). */
public final class CaseData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private CaseData() {
    }

    public static String write(Map<String, Object> data) {
        return JSON.writeValueAsString(data);
    }

    public static Map<String, Object> read(String json) {
        return json == null || json.isBlank() ? new LinkedHashMap<>() : JSON.readValue(json, MAP);
    }
}
