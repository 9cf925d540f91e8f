-- Bookable resources on the same engine: an agenda is a counter, a room, coworking desks or equipment on loan, and
-- holds `capacity` bookings of the same 5-minute unit at once (1 for a counter or a room, 8 for 8 desks, 3 for 3
-- video projectors).
alter table appointments_agenda add column kind varchar(20) default 'COUNTER' not null;
alter table appointments_agenda add column capacity integer default 1 not null;
alter table appointments_agenda add constraint appointments_agenda_kind
    check (kind in ('COUNTER', 'ROOM', 'DESKS', 'EQUIPMENT'));
alter table appointments_agenda add constraint appointments_agenda_capacity check (capacity between 1 and 200);

-- A unit is held by up to `capacity` bookings, each on a seat of its own (1..capacity): the primary key refuses a
-- second booking of the same seat; a booking claims, for each of its units, some free seat.
alter table appointments_unit add column seat integer default 1 not null;
alter table appointments_unit drop constraint appointments_unit_pk;
alter table appointments_unit add constraint appointments_unit_pk primary key (agenda_id, starts_at, seat);
alter table appointments_unit add constraint appointments_unit_seat check (seat >= 1);

-- Who may book a type (ANYONE; RESIDENTS: signed in with an account; ASSOCIATIONS: an account managing an
-- organisation) and its price in cents (0: free; a priced booking waits for its payment).
alter table appointments_type add column audience varchar(20) default 'ANYONE' not null;
alter table appointments_type add column price_cents bigint default 0 not null;
alter table appointments_type add constraint appointments_type_audience
    check (audience in ('ANYONE', 'RESIDENTS', 'ASSOCIATIONS'));
alter table appointments_type add constraint appointments_type_price check (price_cents >= 0);

-- A priced booking: the price asked and the reference of its payment (in the payments module).
alter table appointments_booking add column price_cents bigint;
alter table appointments_booking add column payment_reference varchar(64);
alter table appointments_booking add constraint appointments_booking_payment unique (payment_reference);
