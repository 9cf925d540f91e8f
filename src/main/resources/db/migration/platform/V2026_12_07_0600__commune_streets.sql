-- The commune's streets and places, one a line, as the administrator typed them: offered as suggestions wherever a
-- form asks an address in the commune (a procedure's address field).
alter table platform_commune add column streets text;
