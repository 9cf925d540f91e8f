-- The map's view (/signalements.geojson?bbox=): the reports inside a box of latitudes and longitudes, the 500 newest.
-- A small box is read through its latitudes and longitudes; a large one (the whole commune) through the newest
-- reports, stopping at the 500th inside; the planner chooses by the box's size.
create index reports_report_on_map on reports_report (latitude, longitude);
create index reports_report_newest on reports_report (created_at, id);
