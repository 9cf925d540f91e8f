package org.beffroi.procedures.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.GreatCircle;
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

    private final Neighbourhoods neighbourhoods;
    @Value("${beffroi.map.latitude}")
    private final double centreLatitude;
    @Value("${beffroi.map.longitude}")
    private final double centreLongitude;
    @Value("${beffroi.procedures.commune.radius-metres:${beffroi.alerts.commune.radius-metres:0}}")
    private final double radiusMetres;

    @Override
    public boolean holds(double latitude, double longitude) {
        if (radiusMetres > 0 && GreatCircle.metres(centreLatitude, centreLongitude, latitude, longitude) <= radiusMetres) {
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
}
