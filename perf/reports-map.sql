-- pgbench's side of perf/reports-map.sh: what the application sends to PostgreSQL for one
-- /signalements.geojson?bbox= (the 500 newest public reports inside the view, then the categories' names; the
-- neighbourhoods' names are cached), the view drawn as wrk's script draws it: one of 16 views of 2.1 km by 0.8 km
-- (a map of 1280 by 480 pixels at zoom 16) in a grid over the commune.
\set view random(0, 15)
\set west 5.27 + (:view % 4) * 0.03
\set south 46.07 + (:view / 4) * 0.02
\set east :west + 0.028
\set north :south + 0.0072
select id, category_id, status, latitude, longitude, street, street_number, neighbourhood_id, service_id,
  description, account_id, email, reporter_name, show_name, created_at, confirmed_at, due_at, status_at, planned_on,
  responsible_body, duplicate_of from reports_report where confirmed_at is not null
  and latitude between :south and :north and longitude between :west and :east
  order by created_at desc, id desc limit 500;
select id, name, description, target_days, active, service_id, sort_order from reports_category order by sort_order, name;
