package org.beffroi.agenda;

/** Someone on a waiting list got a seat because another person cancelled. */
public record RegistrationPromoted(long eventId, long registrationId) {
}
