package org.beffroi.reports.internal;

/** A kind of problem residents report; {@code serviceId} is identity's service the reports go to, or null. */
public record Category(long id, String name, String description, int targetDays, boolean active, Long serviceId,
        int sortOrder) {
}
