-- A priced booking's payment that arrived after the booking had expired or been cancelled: when the resident was told
-- (once: the conditional update that sets it decides who mails them) and the town hall's refund was asked for.
alter table appointments_booking add column paid_late_at timestamp with time zone;
