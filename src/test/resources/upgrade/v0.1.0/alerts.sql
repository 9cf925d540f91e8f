-- Subscriptions by mail, SMS and browser, an alert sent and logged, a newsletter issue, bounces, a CAP import and the
-- register of vulnerable people during a heatwave.
insert into alerts_topic (code, name_fr, name_en, position, active) values
    ('river', 'Crues de la Loue', 'Loue river floods', 90, true);

insert into alerts_subscription (channel, address, status, account_id, area_kind, latitude, longitude, radius_metres,
        confirm_token_hash, confirm_code_hash, confirm_attempts, confirm_expires_at, created_at, confirmed_at) values
    ('EMAIL', 'claire.vernier@example.net', 'CONFIRMED', null, 'COMMUNE', null, null, null, null, null, 0, null,
        timestamp with time zone '2026-12-10 10:10:00+01', timestamp with time zone '2026-12-10 10:12:00+01'),
    ('SMS', '+33612345678', 'CONFIRMED', null, 'NEIGHBOURHOODS', null, null, null, null,
        'e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4', 1, null,
        timestamp with time zone '2026-12-11 08:00:00+01', timestamp with time zone '2026-12-11 08:03:00+01'),
    ('EMAIL', 'odile.faivre@example.net', 'PENDING', null, 'POINT', 47.0901, 6.1122, 500,
        'f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5', null, 0, timestamp with time zone '2026-12-18 09:00:00+01',
        timestamp with time zone '2026-12-15 09:00:00+01', null),
    ('PUSH', 'push:8c1e0f2a', 'CONFIRMED', null, 'COMMUNE', null, null, null, null, null, 0, null,
        timestamp with time zone '2026-12-12 20:00:00+01', timestamp with time zone '2026-12-12 20:00:00+01'),
    ('EMAIL', 'ancienne.adresse@example.net', 'BOUNCED', null, 'COMMUNE', null, null, null, null, null, 0, null,
        timestamp with time zone '2026-12-10 12:00:00+01', timestamp with time zone '2026-12-10 12:05:00+01');
update alerts_subscription set account_id = (select id from identity_account where email = 'claire.vernier@example.net')
where address = 'claire.vernier@example.net';

insert into alerts_subscription_topic (subscription_id, topic_id)
    select s.id, t.id from alerts_subscription s, alerts_topic t
    where (s.address = 'claire.vernier@example.net' and t.code in ('weather', 'roads', 'river'))
       or (s.address = '+33612345678' and t.code = 'river')
       or (s.address = 'odile.faivre@example.net' and t.code = 'utilities')
       or (s.address = 'push:8c1e0f2a' and t.code = 'weather')
       or (s.address = 'ancienne.adresse@example.net' and t.code = 'events');

insert into alerts_subscription_neighbourhood (subscription_id, neighbourhood_id)
    select s.id, n.id from alerts_subscription s, portal_neighbourhood n where s.address = '+33612345678' and n.slug = 'le-bourg';

insert into alerts_push_endpoint (subscription_id, endpoint, endpoint_hash, p256dh, auth)
    select id, 'https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bF8c1e0f2a', '0718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6',
        'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', 'tBHItJI5svbpez7KI4CCXg'
    from alerts_subscription where address = 'push:8c1e0f2a';

insert into alerts_push_vapid (id, public_key, private_key, created_at) values
    (1, 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
        'UUxI4O8-FbRouAevSmBQ6o18hgE4nSG3qwvJTfKc-ls', timestamp with time zone '2026-12-12 19:59:00+01');

insert into alerts_link_key (id, secret) values (1, 'q2VZp9mX4rT7wK1sN8bL3cF6hJ0dG5aE');

insert into alerts_alert (severity, topic_id, area_kind, latitude, longitude, radius_metres, title, body, link, starts_at, ends_at,
        send_at, published_at, ended_at, created_by, created_at, crisis_kind)
    select 'WARNING', id, 'NEIGHBOURHOODS', null, null, null, 'Crue de la Loue : le pont du Moulin est fermé',
        'La Loue déborde. Le pont du Moulin est fermé à la circulation jusqu’à nouvel ordre.', 'https://www.vigicrues.gouv.fr/',
        timestamp with time zone '2026-12-13 06:00:00+01', timestamp with time zone '2026-12-14 18:00:00+01', null,
        timestamp with time zone '2026-12-13 06:05:00+01', null, null, timestamp with time zone '2026-12-13 06:00:00+01', null
    from alerts_topic where code = 'river';
insert into alerts_alert (severity, topic_id, area_kind, title, body, starts_at, ends_at, published_at, ended_at, created_by, created_at,
        crisis_kind)
    select 'DANGER', id, 'COMMUNE', 'Canicule : le registre est ouvert', 'Buvez, restez au frais, prenez des nouvelles de vos proches.',
        timestamp with time zone '2026-07-02 08:00:00+02', timestamp with time zone '2026-07-05 20:00:00+02',
        timestamp with time zone '2026-07-02 08:01:00+02', timestamp with time zone '2026-07-05 20:00:00+02',
        (select id from identity_account where email = 'helene.marchal@saint-ambroix.example'),
        timestamp with time zone '2026-07-02 07:55:00+02', 'HEATWAVE'
    from alerts_topic where code = 'weather';

insert into alerts_alert_neighbourhood (alert_id, neighbourhood_id)
    select a.id, n.id from alerts_alert a, portal_neighbourhood n where a.title like 'Crue de la Loue%' and n.slug = 'le-bourg';

insert into alerts_list (name_fr, name_en, description_fr, description_en, active, weekly_day, weekly_hour, auto_send, last_auto_at, created_at) values
    ('La lettre du vendredi', 'The Friday letter', 'Les nouvelles et les rendez-vous de la semaine.', 'News and events of the week.',
        true, 5, 17, true, timestamp with time zone '2026-12-11 17:00:00+01', timestamp with time zone '2026-12-09 16:00:00+01');

insert into alerts_subscription_list (subscription_id, list_id)
    select s.id, l.id from alerts_subscription s, alerts_list l where s.address = 'claire.vernier@example.net';

insert into alerts_issue (list_id, title, intro, status, send_at, sent_at, created_by, created_at)
    select id, 'La lettre du 11 décembre', 'Le marché de Noël ouvre samedi !', 'SENT', timestamp with time zone '2026-12-11 17:00:00+01',
        timestamp with time zone '2026-12-11 17:00:40+01', null, timestamp with time zone '2026-12-11 16:00:00+01'
    from alerts_list where name_fr = 'La lettre du vendredi';

insert into alerts_issue_item (issue_id, kind, source_id, title, summary, url, starts_at, place, included, position)
    select i.id, 'NEWS', a.id, a.title, a.summary, '/actualites/le-marche-de-noel-ouvre-samedi', null, null, true, 1
    from alerts_issue i, portal_article a where i.title = 'La lettre du 11 décembre' and a.slug = 'le-marche-de-noel-ouvre-samedi'
    union all
    select i.id, 'EVENT', e.id, e.title, null, '/agenda/evenements/' || e.id, e.starts_at, e.place, false, 2
    from alerts_issue i, agenda_event e where i.title = 'La lettre du 11 décembre' and e.title = 'Concert de la chorale';

insert into alerts_message (alert_id, issue_id, kind, title, body, status, audience, created_at, finished_at)
    select id, cast(null as bigint), 'INITIAL', title, body, 'DONE', 3, timestamp with time zone '2026-12-13 06:05:00+01', timestamp with time zone '2026-12-13 06:05:09+01'
    from alerts_alert where title like 'Crue de la Loue%'
    union all
    select id, null, 'UPDATE', 'Le pont du Moulin est rouvert', 'La Loue a baissé ; le pont du Moulin est rouvert.', 'DONE', 3,
        timestamp with time zone '2026-12-14 18:00:00+01', timestamp with time zone '2026-12-14 18:00:07+01'
    from alerts_alert where title like 'Crue de la Loue%'
    union all
    select null, id, 'INITIAL', title, intro, 'DONE', 1, timestamp with time zone '2026-12-11 17:00:00+01', timestamp with time zone '2026-12-11 17:00:40+01'
    from alerts_issue where title = 'La lettre du 11 décembre';

insert into alerts_delivery (message_id, subscription_id, channel, address, status, attempts, next_attempt_at, last_error, sent_at)
    select m.id, s.id, s.channel, s.address, 'SENT', 1, m.created_at, null, m.finished_at
    from alerts_message m join alerts_alert a on a.id = m.alert_id, alerts_subscription s
    where a.title like 'Crue de la Loue%' and m.kind = 'INITIAL' and s.address in ('claire.vernier@example.net', '+33612345678')
    union all
    select m.id, s.id, s.channel, s.address, 'BOUNCED', 1, m.created_at, 'BOUNCED 5.1.1', null
    from alerts_message m join alerts_alert a on a.id = m.alert_id, alerts_subscription s
    where a.title like 'Crue de la Loue%' and m.kind = 'INITIAL' and s.address = 'ancienne.adresse@example.net'
    union all
    select m.id, s.id, s.channel, s.address, 'SENT', 1, m.created_at, null, m.finished_at
    from alerts_message m join alerts_issue i on i.id = m.issue_id, alerts_subscription s
    where s.address = 'claire.vernier@example.net';

insert into alerts_suppression (address, reason, status_code, diagnostic, delivery_id, suppressed_at)
    select address, 'BOUNCE', '5.1.1', '550 5.1.1 <ancienne.adresse@example.net>: user unknown', id, timestamp with time zone '2026-12-13 06:07:00+01'
    from alerts_delivery where address = 'ancienne.adresse@example.net';

insert into alerts_cap_import (sender, identifier, sent, msg_type, sender_name, source_url, alert_id, outcome, imported_at)
    select 'vigilance@meteo.example', 'FR-2026-12-13-25-inondation', timestamp with time zone '2026-12-13 05:30:00+01', 'Alert',
        'Vigilance météo', 'https://vigilance.example/cap/doubs.xml', id, 'DRAFTED', timestamp with time zone '2026-12-13 05:31:00+01'
    from alerts_alert where title like 'Crue de la Loue%'
    union all
    select 'vigilance@meteo.example', 'FR-2026-12-01-25-vent', timestamp with time zone '2026-12-01 14:00:00+01', 'Alert',
        'Vigilance météo', 'https://vigilance.example/cap/doubs.xml', null, 'DISCARDED', timestamp with time zone '2026-12-01 14:01:00+01'
    from alerts_topic where code = 'weather';

insert into alerts_register_person (full_name, birth_date, age_bracket, address, neighbourhood_id, phone, other_phone, contact_name,
        contact_phone, needs, needs_note, doctor, account_id, registered_by, registered_by_account_id, registered_by_label,
        consented_at, created_at, reviewed_at, review_due) values
    ('Germaine Bouveret', date '1938-04-17', null, '4 rue du Moulin, 25440 Saint-Ambroix-sur-Loue',
        (select id from portal_neighbourhood where slug = 'le-bourg'), '03 81 00 45 67', null, 'Anne Bouveret (fille)', '06 11 22 33 44',
        'LIVES_ALONE,REDUCED_MOBILITY', 'Se déplace avec un déambulateur.', 'Dr Lambert, Ornans', null, 'AGENT',
        (select id from identity_account where email = 'thomas.girard@saint-ambroix.example'), 'Thomas Girard',
        timestamp with time zone '2026-06-20 10:00:00+02', timestamp with time zone '2026-06-20 10:00:00+02',
        timestamp with time zone '2026-06-20 10:00:00+02', date '2027-06-20'),
    ('Robert Jeunet', null, 'FROM_75_TO_84', '12 chemin des Prés-Hauts, 25440 Saint-Ambroix-sur-Loue', null, '06 55 44 33 22', '03 81 00 98 76',
        null, null, 'HEARING_IMPAIRMENT', null, null, null, 'SELF', null, null,
        timestamp with time zone '2026-06-25 15:00:00+02', timestamp with time zone '2026-06-25 15:00:00+02',
        timestamp with time zone '2026-06-25 15:00:00+02', date '2027-06-25');

insert into alerts_register_crisis (kind, title, started_at, closed_at, is_open, opened_by_label) values
    ('HEATWAVE', 'Canicule de juillet 2026', timestamp with time zone '2026-07-02 08:01:00+02', timestamp with time zone '2026-07-05 20:00:00+02',
        null, 'Hélène Marchal'),
    ('COLD_WAVE', 'Grand froid de décembre 2026', timestamp with time zone '2026-12-14 07:00:00+01', null, true, 'Thomas Girard');

insert into alerts_register_follow_up (crisis_id, person_id, status, note, updated_at, agent_account_id, agent_label)
    select c.id, p.id, 'VISITED', 'Passage à 15 h, tout va bien, volets fermés.', timestamp with time zone '2026-07-03 15:10:00+02', (select id from identity_account where email = 'thomas.girard@saint-ambroix.example'), 'Thomas Girard'
    from alerts_register_crisis c, alerts_register_person p where c.title = 'Canicule de juillet 2026' and p.full_name = 'Germaine Bouveret'
    union all
    select c.id, p.id, 'NO_ANSWER', null, timestamp with time zone '2026-12-14 10:00:00+01', (select id from identity_account where email = 'thomas.girard@saint-ambroix.example'), 'Thomas Girard'
    from alerts_register_crisis c, alerts_register_person p where c.title = 'Grand froid de décembre 2026' and p.full_name = 'Robert Jeunet';
