-- The categories a commune starts with; the administrator renames, changes or sets them aside, and gives each its
-- service (identity's services are set up after the installation).
insert into reports_category (name, description, target_days, active, service_id, sort_order) values
    ('Nid-de-poule', 'Un trou ou une chaussée abîmée sur une route, un trottoir ou une piste cyclable.', 15, true, null, 1),
    ('Éclairage public', 'Un lampadaire éteint, qui clignote ou reste allumé le jour.', 10, true, null, 2),
    ('Tags', 'Des tags ou affiches sauvages sur un bâtiment ou du mobilier public.', 15, true, null, 3),
    ('Véhicule abandonné', 'Un véhicule qui ne bouge plus depuis longtemps sur la voie publique.', 30, true, null, 4),
    ('Dépôt sauvage ou bac qui déborde', 'Des déchets laissés sur la voie publique, un bac ou une borne pleins.', 3, true, null, 5),
    ('Rejet d’eaux usées', 'Des eaux sales ou malodorantes qui s’écoulent dans la rue, un ruisseau ou sur une plage.', 2, true, null, 6),
    ('Bruit', 'Un bruit répété qui gêne le voisinage (chantier, établissement, équipement).', 15, true, null, 7),
    ('Autre', 'Un autre problème dans l’espace public.', 30, true, null, 8);
