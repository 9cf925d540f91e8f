-- Neighbourhoods, pages and news with their revisions, the council, guides, the home page and the media library.
insert into portal_album (title, slug, description, published, created_at) values
    ('Marché de Noël 2026', 'marche-de-noel-2026', 'Les chalets de la place de la Mairie.', true, timestamp with time zone '2026-12-11 10:00:00+01');

insert into portal_neighbourhood (name, slug, description, outline_geojson, album_id) values
    ('Le Bourg', 'le-bourg', 'Le centre ancien, autour de l’église et de la mairie.',
        '{"type":"Polygon","coordinates":[[[6.10,47.08],[6.12,47.08],[6.12,47.10],[6.10,47.10],[6.10,47.08]]]}',
        (select id from portal_album where slug = 'marche-de-noel-2026')),
    ('Les Prés-Hauts', 'les-pres-hauts', 'Le lotissement au-dessus de la Loue.', null, null);

insert into portal_article (kind, title, slug, summary, body, status, published_at, category, parent_id, position,
        neighbourhood_id, cover_file_id, cover_alt, created_at, updated_at) values
    ('PAGE', 'Vivre à Saint-Ambroix', 'vivre-a-saint-ambroix', null, '# Vivre à Saint-Ambroix\n\nÉcoles, commerces, associations.',
        'PUBLISHED', timestamp with time zone '2026-12-10 09:30:00+01', null, null, 1, null, null, null,
        timestamp with time zone '2026-12-10 09:20:00+01', timestamp with time zone '2026-12-10 09:30:00+01'),
    ('NEWS', 'Le marché de Noël ouvre samedi', 'le-marche-de-noel-ouvre-samedi', 'Vingt chalets sur la place de la Mairie.',
        'Vingt chalets, du vin chaud et la chorale de l’école. ![Les chalets](/fichiers/0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e02)',
        'PUBLISHED', timestamp with time zone '2026-12-11 11:00:00+01', 'COMMUNE_LIFE', null, 0,
        (select id from portal_neighbourhood where slug = 'le-bourg'), '0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e02', 'Des chalets illuminés sur la place',
        timestamp with time zone '2026-12-11 10:30:00+01', timestamp with time zone '2026-12-11 11:00:00+01'),
    ('NEWS', 'Plan de déneigement', 'plan-de-deneigement', 'Les rues dégagées en premier.', 'Le plan est en pièce jointe.',
        'SCHEDULED', timestamp with time zone '2026-12-20 07:00:00+01', 'WORKS', null, 0, null, null, null,
        timestamp with time zone '2026-12-12 11:00:00+01', timestamp with time zone '2026-12-12 11:10:00+01'),
    ('NEWS', 'Brouillon : fermeture de la mairie', 'fermeture-de-la-mairie', null, 'La mairie sera fermée le 26 décembre.',
        'DRAFT', null, null, null, 0, null, null, null,
        timestamp with time zone '2026-12-14 16:00:00+01', timestamp with time zone '2026-12-14 16:00:00+01');
insert into portal_article (kind, title, slug, summary, body, status, published_at, parent_id, position, created_at, updated_at)
    select 'PAGE', 'Écoles et cantine', 'ecoles-et-cantine', null, 'Horaires et menus de la cantine.', 'PUBLISHED',
        timestamp with time zone '2026-12-10 09:40:00+01', id, 1, timestamp with time zone '2026-12-10 09:35:00+01', timestamp with time zone '2026-12-10 09:40:00+01'
    from portal_article where kind = 'PAGE' and slug = 'vivre-a-saint-ambroix';

insert into portal_article_revision (article_id, number, title, summary, body, author_id, author_name, created_at)
    select id, 1, 'Le marché de Noël ouvre', null, 'Vingt chalets.', (select id from identity_account where email = 'thomas.girard@saint-ambroix.example'), 'Thomas Girard', timestamp with time zone '2026-12-11 10:30:00+01'
    from portal_article where slug = 'le-marche-de-noel-ouvre-samedi'
    union all
    select id, 2, title, summary, body, (select id from identity_account where email = 'thomas.girard@saint-ambroix.example'), 'Thomas Girard', updated_at from portal_article where slug = 'le-marche-de-noel-ouvre-samedi'
    union all
    select id, 1, title, summary, body, (select id from identity_account where email = 'helene.marchal@saint-ambroix.example'), 'Hélène Marchal', updated_at from portal_article where slug = 'vivre-a-saint-ambroix';

insert into portal_article_file (article_id, file_id, filename, created_at)
    select id, '0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e06', 'plan-deneigement.pdf', timestamp with time zone '2026-12-12 11:00:00+01'
    from portal_article where slug = 'plan-de-deneigement';

insert into portal_council_meeting (title, starts_at, ends_at, place, agenda, video_url, live_url, created_at) values
    ('Conseil municipal du 15 décembre 2026', timestamp with time zone '2026-12-15 20:00:00+01', timestamp with time zone '2026-12-15 22:30:00+01',
        'Salle du conseil, mairie', '1. Budget primitif 2027\n2. Tarifs de la cantine', 'https://video.example.org/w/conseil-2026-12-15', null,
        timestamp with time zone '2026-12-05 10:00:00+01');

insert into portal_council_document (meeting_id, kind, title, file_id, published_at)
    select id, 'MINUTES', 'Procès-verbal de la séance du 15 décembre 2026', '0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e04', timestamp with time zone '2026-12-16 17:30:00+01'
    from portal_council_meeting where title = 'Conseil municipal du 15 décembre 2026';

insert into portal_guide (title, slug, intro, position, published) values
    ('J’emménage à Saint-Ambroix', 'j-emmenage', 'Les démarches des premières semaines.', 1, true);

insert into portal_guide_link (guide_id, label, url, note, position)
    select id, 'Inscrire un enfant à l’école', '/pages/ecoles-et-cantine', 'Avant le 31 mars', 1 from portal_guide where slug = 'j-emmenage'
    union all select id, 'Recevoir les alertes de la commune', '/alertes/abonnement', null, 2 from portal_guide where slug = 'j-emmenage';

insert into portal_home_block (block_key, position, visible) values
    ('alerts/home-block', 1, true), ('agenda/home-block', 2, true), ('portal/quick-links', 3, false);

insert into portal_quick_link (label, url, position) values
    ('Menus de la cantine', '/pages/ecoles-et-cantine', 1), ('Signaler un problème', 'mailto:technique@saint-ambroix.example', 2);

insert into portal_photo (album_id, file_id, thumbnail_file_id, alt, caption, position)
    select id, '0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e02', '0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e03', 'Des chalets illuminés sur la place',
        'Le premier soir', 1 from portal_album where slug = 'marche-de-noel-2026';

insert into portal_video (title, url, description, published_at) values
    ('Vœux du maire 2027', 'https://video.example.org/w/voeux-2027', 'Les vœux d’Hélène Marchal.', timestamp with time zone '2026-12-15 12:00:00+01');

insert into portal_podcast_episode (title, description, file_id, content_type, size_bytes, transcript, published_at) values
    ('La Loue, notre rivière', 'Épisode 1 : la rivière et ses crues.', '0b7e6d1a-52c4-4f0e-9a51-6a1d2c3b4e05', 'audio/mpeg', 9,
        'Bonjour et bienvenue. Aujourd’hui, la Loue.', timestamp with time zone '2026-12-12 08:00:00+01');
