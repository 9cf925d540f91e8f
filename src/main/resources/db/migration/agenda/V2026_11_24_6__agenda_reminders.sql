-- When the reminder of the day before was sent, so that it is sent once.
alter table agenda_registration add column reminded_at timestamp with time zone;
