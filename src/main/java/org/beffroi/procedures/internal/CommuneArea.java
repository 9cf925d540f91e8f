package org.beffroi.procedures.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.CommuneBounds;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an address's point may lie: portal's {@link CommuneBounds} — inside one of the portal's neighbourhoods, or
 * within the commune's radius around the centre where the site's maps open
 * ({@code beffroi.procedures.commune.radius-metres}, the alerts' radius unless set; 0 and no outlined neighbourhood:
 * anywhere, the commune's area being unknown). And which neighbourhood holds a case's point, for the agents' inbox.
 */
@Component
@RequiredArgsConstructor
public class CommuneArea implements FieldValidation.Territory {

    private final CommuneBounds bounds;
    private final Neighbourhoods neighbourhoods;
    @Value("${beffroi.procedures.commune.radius-metres:${beffroi.alerts.commune.radius-metres:0}}")
    private final double radiusMetres;

    @Override
    public boolean holds(double latitude, double longitude) {
        return bounds.holds(latitude, longitude, radiusMetres);
    }

    /** The neighbourhood holding the point, if one does. */
    public Optional<Long> neighbourhoodOf(double latitude, double longitude) {
        return neighbourhoods.containing(latitude, longitude);
    }
}
