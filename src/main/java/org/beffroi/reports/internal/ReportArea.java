package org.beffroi.reports.internal;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.CommuneBounds;
import org.beffroi.portal.Neighbourhoods;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The commune's area, where a report's point may lie: portal's {@link CommuneBounds} (a neighbourhood's outline, or
 * within {@code beffroi.reports.commune.radius-metres} — the alerts' radius unless set — of the maps' centre), as
 * procedures place an address's point. A report placed by a street of the commune's list is inside by definition.
 */
@Component
@RequiredArgsConstructor
public class ReportArea {

    private final CommuneBounds bounds;
    private final Neighbourhoods neighbourhoods;
    @Value("${beffroi.reports.commune.radius-metres:${beffroi.alerts.commune.radius-metres:0}}")
    private final double radiusMetres;

    public boolean holds(double latitude, double longitude) {
        return bounds.holds(latitude, longitude, radiusMetres);
    }

    public Optional<Long> neighbourhoodOf(double latitude, double longitude) {
        return neighbourhoods.containing(latitude, longitude);
    }
}
