-- A recurrence rule (RFC 5545 RRULE, checked by ical4j before it is saved), and where the last
-- occurrence ends so that listings skip finished series in SQL (null: the series has no end).
-- A recurring event takes no registration: one list of seats would not say which date it is for.
alter table agenda_event add column recurrence varchar(500);
alter table agenda_event add column series_ends_at timestamp with time zone;
update agenda_event set series_ends_at = ends_at;
create index agenda_event_series_ends on agenda_event (series_ends_at);
alter table agenda_event add constraint agenda_event_recurrence check (recurrence is null or capacity is null);

-- Where the event takes place on the map (WGS 84): both or neither.
alter table agenda_event add column latitude double precision;
alter table agenda_event add column longitude double precision;
alter table agenda_event add constraint agenda_event_position check (
    (latitude is null and longitude is null)
    or (latitude is not null and longitude is not null
        and latitude between -90 and 90 and longitude between -180 and 180));
