-- A mail's secrets (its personal links), one a line, kept apart from its text until it leaves, then forgotten;
-- its text holds a mark in their place (ADR 0025).
alter table platform_mail add column secrets text;

-- Mail already sent or given up kept its links in its text: they are hidden now. (Mail still queued keeps them, to
-- be sent; mail kept for want of a relay is the demo's mailbox.)
update platform_mail set body = regexp_replace(body, 'https?://\S*jeton=\S+', '[lien personnel masqué]', 'g')
where status in ('SENT', 'FAILED');
