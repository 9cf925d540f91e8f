-- A heatwave or crisis alert opens the register's call list when it is sent: the kind of crisis it calls.
alter table alerts_alert add column crisis_kind varchar(20);
