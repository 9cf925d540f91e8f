/**
 * The commune's agenda: events (single or repeating by an RFC 5545 rule that ical4j expands), their
 * iCalendar feed, a month calendar and a map, and registrations with a capacity held by the database and
 * a waiting list promoted when someone cancels.
 *
 * <p>Uses the portal's {@link org.beffroi.portal.Neighbourhoods}. Events out: {@link org.beffroi.agenda.RegistrationPromoted},
 * {@link org.beffroi.platform.PublicContentChanged} for each event created, changed or deleted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agenda")
package org.beffroi.agenda;
