package org.beffroi.portal;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.GreatCircle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a point may lie to be in the commune: inside one of its neighbourhoods' outlines, or within a radius of the
 * centre where the site's maps open. With no outlined neighbourhood and a radius of 0, the commune's area is unknown
 * and every point is taken. Each module that places things says which radius it uses.
 */
@Component
@RequiredArgsConstructor
public class CommuneBounds {

    private final Neighbourhoods neighbourhoods;
    @Value("${beffroi.map.latitude}")
    private final double centreLatitude;
    @Value("${beffroi.map.longitude}")
    private final double centreLongitude;

    public boolean holds(double latitude, double longitude, double radiusMetres) {
        if (radiusMetres > 0
                && GreatCircle.metres(centreLatitude, centreLongitude, latitude, longitude) <= radiusMetres) {
            return true;
        }
        if (neighbourhoods.containing(latitude, longitude).isPresent()) {
            return true;
        }
        return radiusMetres <= 0 && neighbourhoods.all().stream()
                .allMatch(n -> n.outlineGeoJson() == null || n.outlineGeoJson().isBlank());
    }
}
