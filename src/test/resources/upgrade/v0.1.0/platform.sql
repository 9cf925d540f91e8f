-- The commune of a small installation after a few weeks of use, as v0.1.0 stored it.
update platform_commune set name = 'Saint-Ambroix-sur-Loue', insee_code = '25517',
    contact_email = 'mairie@saint-ambroix.example', contact_phone = '03 81 00 12 34',
    postal_address = '2 place de la Mairie, 25440 Saint-Ambroix-sur-Loue', primary_colour = '#205b3a',
    accent_colour = '#b5441b', logo_file_id = '0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e01',
    publication_director = 'Hélène Marchal, maire', host_details = 'Syndicat mixte numérique du Doubs, 25000 Besançon',
    opened_at = timestamp with time zone '2026-12-10 09:00:00+01', updated_at = timestamp with time zone '2026-12-10 09:00:00+01'
where id = 1;

insert into platform_file (id, filename, content_type, size_bytes, content, created_at) values
    ('0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e01', 'blason.png', 'image/png', 11, cast('blason-png!' as bytea), timestamp with time zone '2026-12-09 16:20:00+01'),
    ('0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e02', 'marche-de-noel.jpg', 'image/jpeg', 12, cast('marche-jpeg!' as bytea), timestamp with time zone '2026-12-11 10:05:00+01'),
    ('0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e03', 'marche-de-noel-vignette.jpg', 'image/jpeg', 13, cast('vignette-jpeg' as bytea), timestamp with time zone '2026-12-11 10:05:00+01'),
    ('0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e04', 'pv-conseil-2026-12-15.pdf', 'application/pdf', 14, cast('%PDF-1.7 proces' as bytea), timestamp with time zone '2026-12-16 17:30:00+01'),
    ('0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e05', 'episode-1.mp3', 'audio/mpeg', 9, cast('ID3-audio' as bytea), timestamp with time zone '2026-12-12 08:00:00+01'),
    ('0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e06', 'plan-deneigement.pdf', 'application/pdf', 14, cast('%PDF-1.7 neige' as bytea), timestamp with time zone '2026-12-12 11:00:00+01');

insert into platform_mail (recipient, subject, body, status, attempts, last_error, created_at, sent_at, secrets) values
    ('claire.vernier@example.net', 'Confirmez votre adresse', 'Bonjour, pour confirmer votre adresse, suivez ce lien : [lien personnel masqué]', 'SENT', 1, null,
        timestamp with time zone '2026-12-10 10:00:00+01', timestamp with time zone '2026-12-10 10:00:02+01', null),
    ('marc.duret@example.net', 'Votre inscription au marché de Noël', 'Bonjour Marc, votre inscription est confirmée.', 'QUEUED', 2, 'relais injoignable',
        timestamp with time zone '2026-12-14 18:00:00+01', null, 'https://saint-ambroix.example/agenda/inscription?jeton=0c1d2e3f');

insert into platform_audit_log (occurred_at, actor_account_id, actor_label, action, target, ip, details) values
    (timestamp with time zone '2026-12-10 09:00:00+01', null, 'helene.marchal@saint-ambroix.example', 'LOGIN_SUCCEEDED', 'account', '192.0.2.10', null),
    (timestamp with time zone '2026-12-10 09:05:00+01', null, 'helene.marchal@saint-ambroix.example', 'COMMUNE_UPDATED', 'commune 1', '192.0.2.10', 'nom, couleurs'),
    (timestamp with time zone '2026-12-13 22:41:00+01', null, null, 'LOGIN_FAILED', 'inconnu@example.net', '198.51.100.7', 'mauvais mot de passe');

insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by, last_success, last_failure,
        consecutive_failures, last_heartbeat, version, priority) values
    ('portal-scheduled-publication', 'recurring', null, timestamp with time zone '2026-12-15 10:01:00+01', false, null,
        timestamp with time zone '2026-12-15 10:00:00+01', null, 0, null, 412, 0),
    ('mail-delivery', '7', cast('mail-7' as bytea), timestamp with time zone '2026-12-15 10:02:00+01', false, null,
        null, timestamp with time zone '2026-12-15 10:01:30+01', 2, null, 3, 0);
