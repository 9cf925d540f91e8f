-- The legal notice's required fields (the publication director, the host: LCEN, art. 6) and whether the public site
-- is open yet: a fresh installation shows "site en préparation" until its administrator opens it.
alter table platform_commune add column publication_director varchar(120);
alter table platform_commune add column host_details varchar(500);
alter table platform_commune add column opened_at timestamp with time zone;
-- an installation whose administrator had already named the commune was in use: it stays open
update platform_commune set opened_at = updated_at where name <> 'Commune';
