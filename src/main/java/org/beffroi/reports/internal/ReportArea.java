package org.beffroi.reports.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.GreatCircle;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The commune's area, where a report's point may lie: inside one of the portal's neighbourhoods' outlines, or within
 * {@code beffroi.reports.commune.radius-metres} (the alerts' radius unless set) of the centre where the site's maps
 * open. With no outline and a radius of 0, the area is unknown and every point is taken. A report placed by a street
 * of the commune's list is inside by definition.
 */
@Component
@RequiredArgsConstructor
public class ReportArea {

    private final Neighbourhoods neighbourhoods;
    @Value("${beffroi.map.latitude}")
    private final double centreLatitude;
    @Value("${beffroi.map.longitude}")
    private final double centreLongitude;
    @Value("${beffroi.reports.commune.radius-metres:${beffroi.alerts.commune.radius-metres:0}}")
    private final double radiusMetres;

    public boolean holds(double latitude, double longitude) {
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

    public Optional<Long> neighbourhoodOf(double latitude, double longitude) {
        return neighbourhoods.containing(latitude, longitude);
    }
}
