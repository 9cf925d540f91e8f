-- A neighbourhood's portrait may show the photos of one album of the media library.
alter table portal_neighbourhood add column album_id bigint references portal_album (id) on delete set null;
