-- Files kept in chunks (FileStorage.storeStreamed): written and read a chunk at a time, so that a 20 MB file never sits
-- whole in memory, on H2 as on PostgreSQL, and every node reaches it. A private file is never served at /fichiers/{id}:
-- the module that owns it streams it to whom it decides. The size and the SHA-256 are written once the last chunk is.
create table platform_streamed_file (
    id            uuid primary key,
    filename      varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        char(64),
    visibility    varchar(10)  not null,
    created_at    timestamp with time zone not null
);

create table platform_file_chunk (
    file_id  uuid    not null references platform_streamed_file (id) on delete cascade,
    seq      integer not null,
    data     bytea   not null,
    primary key (file_id, seq)
);

-- Residents' attachments (Attachments): checked at upload, kept private, served only once the antivirus found them
-- clean. An infected file keeps its row (status, signature) and loses its content (file_id null).
create table platform_attachment (
    id            uuid primary key,
    file_id       uuid references platform_streamed_file (id),
    filename      varchar(255) not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    status        varchar(10)  not null,
    signature     varchar(255),
    scan_attempts integer      default 0 not null,
    scanned_at    timestamp with time zone,
    created_at    timestamp with time zone not null
);
create index platform_attachment_pending on platform_attachment (status);
