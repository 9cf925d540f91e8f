package org.beffroi.alerts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Areas against areas: the neighbourhoods' GeoJSON outlines read into JTS geometries, point-in-polygon
 * by JTS, distances on the sphere (haversine). At a commune's scale, distances from a point to an
 * outline are measured on a local flat projection around the point, which is exact to well under a metre.
 */
@Component
@RequiredArgsConstructor
public class Geography {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final Neighbourhoods neighbourhoods;
    private final JsonMapper json = JsonMapper.builder().build();
    private final GeometryFactory factory = new GeometryFactory();
    private final Map<String, Geometry> outlines = new ConcurrentHashMap<>();
    @Value("${beffroi.alerts.commune.latitude}")
    private final double communeLatitude;
    @Value("${beffroi.alerts.commune.longitude}")
    private final double communeLongitude;
    @Value("${beffroi.alerts.commune.radius-metres}")
    private final double communeRadius;

    /** Great-circle distance in metres. */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Inside a neighbourhood, or within the configured radius of the commune's centre. */
    public boolean inCommune(double latitude, double longitude) {
        return distance(communeLatitude, communeLongitude, latitude, longitude) <= communeRadius
                || neighbourhoods.all().stream().anyMatch(n -> contains(n, latitude, longitude));
    }

    /** Whether two areas share some ground. */
    public boolean overlap(Area alert, Area subscription) {
        if (alert.kind() == Area.Kind.COMMUNE || subscription.kind() == Area.Kind.COMMUNE) {
            return true;
        }
        if (alert.kind() == Area.Kind.NEIGHBOURHOODS && subscription.kind() == Area.Kind.NEIGHBOURHOODS) {
            return alert.neighbourhoodIds().stream().anyMatch(subscription.neighbourhoodIds()::contains);
        }
        if (alert.kind() == Area.Kind.POINT && subscription.kind() == Area.Kind.POINT) {
            return distance(alert.latitude(), alert.longitude(), subscription.latitude(), subscription.longitude())
                    <= alert.radiusMetres() + subscription.radiusMetres();
        }
        Area circle = alert.kind() == Area.Kind.POINT ? alert : subscription;
        Area named = alert.kind() == Area.Kind.POINT ? subscription : alert;
        return named.neighbourhoodIds().stream().map(neighbourhoods::find).flatMap(Optional::stream)
                .anyMatch(n -> distanceTo(n, circle.latitude(), circle.longitude()) <= circle.radiusMetres());
    }

    boolean contains(Neighbourhood neighbourhood, double latitude, double longitude) {
        return outline(neighbourhood).map(g -> g.covers(factory.createPoint(new Coordinate(longitude, latitude))))
                .orElse(false);
    }

    /** Metres from the point to the neighbourhood (0 inside); infinite without an outline. */
    double distanceTo(Neighbourhood neighbourhood, double latitude, double longitude) {
        var geometry = outline(neighbourhood);
        if (geometry.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        if (contains(neighbourhood, latitude, longitude)) {
            return 0;
        }
        double metresPerDegreeLat = Math.toRadians(EARTH_RADIUS_METRES);
        double metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(latitude));
        Geometry local = geometry.get().copy();
        local.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = (c.x - longitude) * metresPerDegreeLon;
            c.y = (c.y - latitude) * metresPerDegreeLat;
        });
        local.geometryChanged();
        return local.distance(factory.createPoint(new Coordinate(0, 0)));
    }

    Optional<Geometry> outline(Neighbourhood neighbourhood) {
        String geoJson = neighbourhood.outlineGeoJson();
        if (geoJson == null || geoJson.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(outlines.computeIfAbsent(geoJson, this::read));
    }

    private Geometry read(String geoJson) {
        JsonNode geometry = json.readTree(geoJson);
        if (geometry.has("geometry")) {
            geometry = geometry.get("geometry");
        }
        JsonNode coordinates = geometry.path("coordinates");
        if ("MultiPolygon".equals(geometry.path("type").asString())) {
            var polygons = new ArrayList<Polygon>();
            coordinates.forEach(p -> polygons.add(polygon(p)));
            return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }
        return polygon(coordinates);
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
