package org.beffroi.reports.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report as stored. Its place is a point, or a street with an optional number; {@code confirmedAt} is null until
 * the reporter's address is confirmed, and until then the report is neither public nor routed.
 */
public record Report(long id, long categoryId, ReportStatus status, Double latitude, Double longitude, String street,
        String streetNumber, Long neighbourhoodId, Long serviceId, String description, Long accountId, String email,
        String reporterName, boolean showName, Instant createdAt, Instant confirmedAt, Instant dueAt, Instant statusAt,
        LocalDate plannedOn, String responsibleBody, Long duplicateOf) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** Still open past its category's target delay. */
    public boolean overdue(Instant now) {
        return status.open() && dueAt != null && dueAt.isBefore(now);
    }

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    /** The street address as written, « 12 rue des Tilleuls », or null for a point. */
    public String address() {
        if (street == null) {
            return null;
        }
        return streetNumber == null ? street : streetNumber + " " + street;
    }

    /** The name the public may see: only when the reporter allowed it. */
    public String publicName() {
        return showName ? reporterName : null;
    }
}
