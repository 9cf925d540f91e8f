-- The accessibility statement's audit (RGAA 4.1): its date and the compliance rate it found. Without an audit the
-- site is declared "non conforme"; 50 % or more is "partiellement conforme", 100 % "totalement conforme".
alter table platform_commune add column accessibility_audit_date date;
alter table platform_commune add column accessibility_audit_rate integer;
