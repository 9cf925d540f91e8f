package org.beffroi.platform;

/** Distances on the Earth between two points in decimal degrees, as the crow flies (haversine). */
public final class GreatCircle {

    /** The Earth's mean radius, in metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GreatCircle() {
    }

    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** How many degrees of latitude make these metres: the half-height of a box drawn around a point. */
    public static double latitudeDegrees(double metres) {
        return Math.toDegrees(metres / EARTH_RADIUS_METRES);
    }

    /** How many degrees of longitude make these metres at this latitude: the box's half-width. */
    public static double longitudeDegrees(double metres, double latitude) {
        return latitudeDegrees(metres) / Math.max(0.01, Math.cos(Math.toRadians(latitude)));
    }
}
