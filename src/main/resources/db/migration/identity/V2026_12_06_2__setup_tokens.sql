-- A fresh installation has no administrator: each node that starts without one prints a setup link whose token's
-- digest is kept here, so that the link works on any node. All of them go once the first administrator exists.
create table identity_setup_token (
    token_digest  varchar(64) primary key,
    created_at    timestamp with time zone not null
);
