package org.beffroi.portal.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The neighbourhoods' GeoJSON outlines (Polygon or MultiPolygon, as {@link GeoJsonOutline} keeps them) read into JTS
 * geometries, each read once; a point is inside when the outline covers it (its edge included).
 */
final class NeighbourhoodOutlines {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MOST_KEPT = 1_000;

    private final GeometryFactory factory = new GeometryFactory();
    private final Map<String, Optional<Geometry>> read = new ConcurrentHashMap<>();

    boolean covers(String geoJson, double latitude, double longitude) {
        if (geoJson == null || geoJson.isBlank()) {
            return false;
        }
        if (read.size() > MOST_KEPT) {
            read.clear();
        }
        return read.computeIfAbsent(geoJson, this::geometry)
                .map(g -> g.covers(factory.createPoint(new Coordinate(longitude, latitude)))).orElse(false);
    }

    private Optional<Geometry> geometry(String geoJson) {
        try {
            JsonNode geometry = JSON.readTree(geoJson);
            if (geometry.has("geometry")) {
                geometry = geometry.get("geometry");
            }
            JsonNode coordinates = geometry.path("coordinates");
            if ("MultiPolygon".equals(geometry.path("type").asString(""))) {
                var polygons = new ArrayList<Polygon>();
                coordinates.forEach(p -> polygons.add(polygon(p)));
                return Optional.of(factory.createMultiPolygon(polygons.toArray(Polygon[]::new)));
            }
            return Optional.of(polygon(coordinates));
        } catch (JacksonException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty(); // an outline saved before it was checked: it holds nothing
        }
    }

    private Polygon polygon(JsonNode rings) {
        List<LinearRing> all = new ArrayList<>();
        rings.forEach(ring -> {
            var points = new ArrayList<Coordinate>();
            ring.forEach(p -> points.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
            all.add(factory.createLinearRing(points.toArray(Coordinate[]::new)));
        });
        return factory.createPolygon(all.getFirst(), all.subList(1, all.size()).toArray(LinearRing[]::new));
    }
}
