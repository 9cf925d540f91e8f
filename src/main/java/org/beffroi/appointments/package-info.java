/**
 * Appointments at the town hall's counters: agendas (a counter or an agent) with weekly opening hours and closures,
 * meeting types with their length, booking window and limit per person, free slots, bookings held by the database
 * (one row per 5-minute unit under a primary key), booked with an account or confirmed by e-mail, cancelled by a
 * mailed link, moved to another slot; a waiting list per type to which freed slots are offered; the reminder of the day
 * before; bookings by agents for residents who called; closures imported from iCalendar; free slots as JSON for
 * search engines.
 *
 * <p>No event in, none out yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments")
package org.beffroi.appointments;
