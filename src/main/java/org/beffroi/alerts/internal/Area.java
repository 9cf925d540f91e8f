package org.beffroi.alerts.internal;

import java.util.Set;

/**
 * Where an alert applies, or where a subscriber wants to hear about: the whole commune, some
 * neighbourhoods, or a point (WGS 84) and a radius in metres.
 */
public record Area(Kind kind, Set<Long> neighbourhoodIds, Double latitude, Double longitude, Integer radiusMetres) {

    public enum Kind {
        COMMUNE, NEIGHBOURHOODS, POINT;

        public String messageKey() {
            return "alerts.area." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Area {
        neighbourhoodIds = neighbourhoodIds == null ? Set.of() : Set.copyOf(neighbourhoodIds);
    }

    public static Area commune() {
        return new Area(Kind.COMMUNE, Set.of(), null, null, null);
    }

    public static Area neighbourhoods(Set<Long> ids) {
        return new Area(Kind.NEIGHBOURHOODS, ids, null, null, null);
    }

    public static Area point(double latitude, double longitude, int radiusMetres) {
        return new Area(Kind.POINT, Set.of(), latitude, longitude, radiusMetres);
    }
}
