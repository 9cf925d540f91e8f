-- Documents the workflow makes (a parking card, a civil-status extract, as PDF): small files kept with their case.
-- Personal data: deleted when the case is anonymised (after its procedure's retention period, or on erasure).
create table procedures_document (
    id            uuid primary key,
    case_id       bigint       not null references procedures_case (id),
    name          varchar(255) not null,
    title         varchar(200) not null,
    content       bytea        not null,
    for_resident  boolean      not null,
    created_at    timestamp with time zone not null
);
create index procedures_document_case on procedures_document (case_id);

-- The meter a case's reading is for, so that the next reading of the same meter finds it (plausibility check).
-- The reading itself stays in the case's answers. Deleted when the case is anonymised.
create table procedures_meter_reading (
    case_id       bigint      primary key references procedures_case (id),
    procedure_id  bigint      not null references procedures_procedure (id),
    meter         varchar(80) not null
);
create index procedures_meter_reading_meter on procedures_meter_reading (procedure_id, meter);
