package org.beffroi.portal;

/** A neighbourhood of the commune; the outline is a GeoJSON geometry, or null. */
public record Neighbourhood(long id, String name, String slug, String description, String outlineGeoJson) {
}
