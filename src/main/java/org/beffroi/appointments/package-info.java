/**
 * Appointments at the town hall's counters, and bookable resources (rooms, coworking desks, equipment on loan) on the
 * same engine: agendas (a counter or an agent, a room, desks, equipment, each with a capacity) with weekly opening
 * hours and closures, meeting types with their length, booking window, limit per person, audience and price, free
 * slots, bookings held by the database (one row per 5-minute unit and seat under a primary key), booked with an
 * account or confirmed by e-mail, priced ones paid through the payments module, cancelled by a mailed link, moved to
 * another slot; a waiting list per type to which freed slots are offered; the reminder of the day before; bookings by
 * agents for residents who called; closures imported from iCalendar; free slots as JSON for search engines.
 *
 * <p>Events in: {@link org.beffroi.payments.PaymentConfirmed} (a priced booking's payment confirms it). None out.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appointments")
package org.beffroi.appointments;
