-- Events, one of them weekly and one with seats, and registrations with a waiting list.
insert into agenda_event (title, description, starts_at, ends_at, place, category, neighbourhood_id, free, price, accessibility,
        capacity, created_at, recurrence, series_ends_at, latitude, longitude) values
    ('Atelier numérique : premiers pas', 'Apprendre à se servir d’une tablette.', timestamp with time zone '2027-01-09 10:00:00+01',
        timestamp with time zone '2027-01-09 12:00:00+01', 'Médiathèque', 'TRAINING', null, true, null, 'Salle de plain-pied',
        2, timestamp with time zone '2026-12-12 09:00:00+01', null, timestamp with time zone '2027-01-09 12:00:00+01', 47.0912, 6.1105),
    ('Marché du samedi', 'Producteurs locaux sur la place.', timestamp with time zone '2026-12-19 08:00:00+01',
        timestamp with time zone '2026-12-19 12:30:00+01', 'Place de la Mairie', 'MARKET',
        (select id from portal_neighbourhood where slug = 'le-bourg'), true, null, null,
        null, timestamp with time zone '2026-12-10 09:00:00+01', 'FREQ=WEEKLY;BYDAY=SA', null, null, null),
    ('Concert de la chorale', 'Chants de Noël à l’église.', timestamp with time zone '2026-12-20 17:00:00+01',
        timestamp with time zone '2026-12-20 18:30:00+01', 'Église Saint-Ambroise', 'CULTURE', null, false, '5 € ; gratuit pour les enfants', null,
        null, timestamp with time zone '2026-12-11 14:00:00+01', null, timestamp with time zone '2026-12-20 18:30:00+01', null, null);

insert into agenda_registration (event_id, account_id, name, email, status, cancel_token_hash, created_at, cancelled_at, reminded_at)
    select id, (select id from identity_account where email = 'claire.vernier@example.net'), 'Claire Vernier', 'claire.vernier@example.net', 'CONFIRMED', 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
        timestamp with time zone '2026-12-13 10:00:00+01', cast(null as timestamp with time zone),
        timestamp with time zone '2027-01-08 18:00:00+01' from agenda_event where title = 'Atelier numérique : premiers pas'
    union all
    select id, null, 'Marc Duret', 'marc.duret@example.net', 'CONFIRMED', 'b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1',
        timestamp with time zone '2026-12-13 11:00:00+01', null, null from agenda_event where title = 'Atelier numérique : premiers pas'
    union all
    select id, null, 'Odile Faivre', 'odile.faivre@example.net', 'WAITING', 'c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2',
        timestamp with time zone '2026-12-14 09:00:00+01', null, null from agenda_event where title = 'Atelier numérique : premiers pas'
    union all
    select id, null, 'Paul Roy', 'paul.roy@example.net', 'CANCELLED', 'd4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3',
        timestamp with time zone '2026-12-12 09:30:00+01', timestamp with time zone '2026-12-12 18:00:00+01', null
    from agenda_event where title = 'Atelier numérique : premiers pas';
