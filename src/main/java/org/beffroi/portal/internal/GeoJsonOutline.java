package org.beffroi.portal.internal;

import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a neighbourhood outline typed or pasted by an administrator: a GeoJSON (RFC 7946) Polygon or
 * MultiPolygon, bare or inside a Feature. Answers the geometry alone, or the message key of what is wrong.
 */
public final class GeoJsonOutline {

    public static final int MAX_LENGTH = 500_000;
    private static final Set<String> AREAS = Set.of("Polygon", "MultiPolygon");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public sealed interface Result {
    }

    public record Valid(String geometry) implements Result {
    }

    public record Invalid(String messageKey) implements Result {
    }

    private GeoJsonOutline() {
    }

    public static Result parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return new Invalid("geojson.too-large");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return new Invalid("geojson.not-json");
        }
        if (node == null || !node.isObject()) {
            return new Invalid("geojson.not-json");
        }
        JsonNode geometry = "Feature".equals(node.path("type").asString("")) ? node.path("geometry") : node;
        if (!AREAS.contains(geometry.path("type").asString(""))) {
            return new Invalid("geojson.not-an-area");
        }
        var problem = "Polygon".equals(geometry.path("type").asString()) ? polygon(geometry.path("coordinates"))
                : multiPolygon(geometry.path("coordinates"));
        return problem.<Result>map(Invalid::new).orElseGet(() -> new Valid(JSON.writeValueAsString(geometry)));
    }

    private static Optional<String> multiPolygon(JsonNode polygons) {
        if (!polygons.isArray() || polygons.isEmpty()) {
            return Optional.of("geojson.bad-coordinates");
        }
        for (JsonNode polygon : polygons) {
            var problem = polygon(polygon);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            return Optional.of("geojson.bad-coordinates");
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                return Optional.of("geojson.bad-coordinates");
            }
            for (JsonNode position : ring) {
                if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
                        || Math.abs(position.get(0).asDouble()) > 180 || Math.abs(position.get(1).asDouble()) > 90) {
                    return Optional.of("geojson.bad-coordinates");
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                return Optional.of("geojson.ring-not-closed");
            }
        }
        return Optional.empty();
    }
}
