package org.beffroi.reports.contact.internal;

/** A topic of the contact form, set by the administrator: the service (identity's, by id) its threads go to. */
public record ContactTopic(long id, String name, Long serviceId, boolean active) {
}
