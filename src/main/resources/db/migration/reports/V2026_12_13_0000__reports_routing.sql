-- Where a category's reports go in one neighbourhood, when not to the category's own service: the administrator maps
-- a (category, neighbourhood) pair to one of identity's services, once per pair.
create table reports_category_area (
    category_id      bigint not null references reports_category (id) on delete cascade,
    neighbourhood_id bigint not null,
    service_id       bigint not null,
    constraint reports_category_area_once unique (category_id, neighbourhood_id)
);

-- A history entry may record a move to another service (internal) or carry the photo of the fix (public).
alter table reports_update add column moved_to_service_id bigint;
alter table reports_update add column photo_file_id uuid;
