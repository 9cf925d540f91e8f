-- The providers' settings an administrator set in the back office; a setting without a row takes the deployment's
-- value (the property of its key). Secrets are stored as typed: the database is as sensitive as the configuration.
create table payments_provider_setting (
    provider       varchar(40)   not null,
    setting_key    varchar(120)  not null,
    setting_value  varchar(500)  not null,
    changed_at     timestamp with time zone not null,
    constraint payments_provider_setting_pk primary key (provider, setting_key)
);
