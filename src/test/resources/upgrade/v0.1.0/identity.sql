-- Accounts of the commune's staff and residents, their roles and services, links, tokens and sessions.
insert into identity_account (email, display_name, password_hash, status, created_at, confirmed_at, last_login_at) values
    ('helene.marchal@saint-ambroix.example', 'Hélène Marchal', '$argon2id$v=19$m=19456,t=2,p=1$c2VsLWRlLWhlbGVuZQ$8m3RkV0bJ0Tq2u4mVw3kq0YJm3xQpFh1n6yq0sWc1Yk',
        'ACTIVE', timestamp with time zone '2026-12-09 15:00:00+01', timestamp with time zone '2026-12-09 15:02:00+01', timestamp with time zone '2026-12-15 08:30:00+01'),
    ('thomas.girard@saint-ambroix.example', 'Thomas Girard', '$argon2id$v=19$m=19456,t=2,p=1$c2VsLWRlLXRob21hcw$Vq9m2Yb1fGk3h8s0Zt6pL4cXw2nR7eJ5aD1uQ0iO3yE',
        'ACTIVE', timestamp with time zone '2026-12-10 11:00:00+01', timestamp with time zone '2026-12-10 11:20:00+01', timestamp with time zone '2026-12-14 14:00:00+01'),
    ('claire.vernier@example.net', 'Claire Vernier', '$argon2id$v=19$m=19456,t=2,p=1$c2VsLWRlLWNsYWlyZQ$Xb7n0Lm4Qw2Er6Ty8Ui1Op3As5Df7Gh9Jk1Lz3Xc5Vb',
        'ACTIVE', timestamp with time zone '2026-12-10 10:00:00+01', timestamp with time zone '2026-12-10 10:03:00+01', null),
    ('nouveau.venu@example.net', 'Nouveau Venu', null,
        'PENDING', timestamp with time zone '2026-12-15 09:00:00+01', null, null),
    (null, 'Jules Perrin', null,
        'ACTIVE', timestamp with time zone '2026-12-12 19:00:00+01', timestamp with time zone '2026-12-12 19:00:00+01', timestamp with time zone '2026-12-12 19:00:00+01');

insert into identity_account_role (account_id, role)
    select id, 'ADMINISTRATOR' from identity_account where email = 'helene.marchal@saint-ambroix.example'
    union all select id, 'ELECTED' from identity_account where email = 'helene.marchal@saint-ambroix.example'
    union all select id, 'AGENT' from identity_account where email = 'thomas.girard@saint-ambroix.example'
    union all select id, 'RESIDENT' from identity_account where email = 'claire.vernier@example.net'
    union all select id, 'RESIDENT' from identity_account where display_name = 'Jules Perrin';

insert into identity_service (name, email, phone) values
    ('Accueil et état civil', 'accueil@saint-ambroix.example', '03 81 00 12 34'),
    ('Services techniques', 'technique@saint-ambroix.example', null);

insert into identity_account_service (account_id, service_id)
    select a.id, s.id from identity_account a, identity_service s
    where a.email = 'thomas.girard@saint-ambroix.example' and s.name = 'Services techniques';

insert into identity_token (token_hash, account_id, purpose, created_at, expires_at, used_at)
    select '9f2b5c1e7a3d4f60b8e1c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3', id, 'CONFIRM_EMAIL',
        timestamp with time zone '2026-12-15 09:00:00+01', timestamp with time zone '2026-12-17 09:00:00+01', null
    from identity_account where email = 'nouveau.venu@example.net';

insert into identity_oidc_link (provider, subject, account_id, linked_at, address_verified)
    select 'franceconnect', 'b6c1f0e2a9d34c7e8f5a1b2c3d4e5f60v1', id, timestamp with time zone '2026-12-12 19:00:00+01', false
    from identity_account where display_name = 'Jules Perrin'
    union all
    select 'franceconnect', 'c7d2e1f3b0a45d8f9a6b2c3d4e5f6a71v1', id, timestamp with time zone '2026-12-10 10:05:00+01', true
    from identity_account where email = 'claire.vernier@example.net';

insert into identity_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time, principal_name) values
    ('5a0f7c2e-1b3d-4e5f-8a9b-0c1d2e3f4a5b', '6b1a8d3f-2c4e-4f60-9bac-1d2e3f4a5b6c', 1765784400000, 1765785000000, 3600, 1765788600000,
        'claire.vernier@example.net');

insert into identity_session_attributes (session_primary_id, attribute_name, attribute_bytes) values
    ('5a0f7c2e-1b3d-4e5f-8a9b-0c1d2e3f4a5b', 'SPRING_SECURITY_CONTEXT', cast('contexte-serialise' as bytea));

insert into identity_setup_token (token_digest, created_at) values
    ('0d4c2b1a9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060f1e', timestamp with time zone '2026-12-09 14:55:00+01');
