package org.beffroi.procedures.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.Neighbourhoods;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an address's point may lie: inside one of the portal's neighbourhoods, or within the commune's radius
 * around the centre where the site's maps open ({@code beffroi.procedures.commune.radius-metres}, the alerts' radius
 * unless set; 0 and no outlined neighbourhood: anywhere, the commune's area being unknown). And which neighbourhood
 * holds a case's point, for the agents' inbox.
 */
@Component
@RequiredArgsConstructor
public class CommuneArea implements FieldValidation.Territory {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final Neighbourhoods neighbourhoods;
    @Value("${beffroi.map.latitude}")
    private final double centreLatitude;
    @Value("${beffroi.map.longitude}")
    private final double centreLongitude;
    @Value("${beffroi.procedures.commune.radius-metres:${beffroi.alerts.commune.radius-metres:0}}")
    private final double radiusMetres;

    @Override
    public boolean holds(double latitude, double longitude) {
        if (radiusMetres > 0 && distance(centreLatitude, centreLongitude, latitude, longitude) <= radiusMetres) {
            return true;
        }
        if (neighbourhoods.containing(latitude, longitude).isPresent()) {
            return true;
        }
        return radiusMetres <= 0 && neighbourhoods.all().stream()
                .allMatch(n -> n.outlineGeoJson() == null || n.outlineGeoJson().isBlank());
    }

    /** The neighbourhood holding the point, if one does. */
    public Optional<Long> neighbourhoodOf(double latitude, double longitude) {
        return neighbourhoods.containing(latitude, longitude);
    }

    /** Great-circle distance in metres (haversine). */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
