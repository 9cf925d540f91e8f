-- The reports of perf/reports-map.sh, written in one statement, the same on PostgreSQL and H2: __REPORTS__ confirmed
-- reports placed by a point, spread evenly (a fixed pattern, the same every run) over a square of about 10 km around
-- the commune's centre (46.105, 5.33), one a minute back from now, across the commune's categories and five statuses.
insert into reports_report (category_id, status, latitude, longitude, description, show_name, created_at,
    confirmed_at, status_at)
select c.first_category + mod(s.x, c.categories),
    case mod(s.x, 5) when 0 then 'NEW' when 1 then 'ACKNOWLEDGED' when 2 then 'IN_PROGRESS' else 'FIXED' end,
    46.06 + 0.09 * mod(cast(s.x as bigint) * 7919, 100003) / 100003.0,
    5.265 + 0.13 * mod(cast(s.x as bigint) * 104729, 99991) / 99991.0,
    'Signalement de banc numéro ' || s.x || ' : un nid-de-poule au bord de la chaussée, devant le numéro 12.',
    false, t.now - s.x * interval '1' minute, t.now - s.x * interval '1' minute, t.now - s.x * interval '1' minute
from generate_series(1, __REPORTS__) as s(x)
cross join (select min(id) as first_category, count(*) as categories from reports_category) c
cross join (select current_timestamp as now) t;
