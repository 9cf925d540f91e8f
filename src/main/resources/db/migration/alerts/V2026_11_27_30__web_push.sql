-- Web Push: the browser's push subscription behind an alert subscription of channel PUSH.
-- Personal data: the endpoint (a URL of the browser's push service that names this browser) and its two keys.
-- Deleted with the subscription: when the person unsubscribes, erases their account, or when the push
-- service answers 404 or 410 (the browser dropped the subscription).
create table alerts_push_endpoint (
    subscription_id  bigint        primary key references alerts_subscription (id) on delete cascade,
    endpoint         varchar(2000) not null,
    endpoint_hash    varchar(64)   not null,
    p256dh           varchar(200)  not null,
    auth             varchar(100)  not null,
    constraint alerts_push_endpoint_once unique (endpoint_hash)
);

-- The application server's VAPID key pair (RFC 8292), made on first use when none is configured; one row.
create table alerts_push_vapid (
    id           integer      primary key,
    public_key   varchar(200) not null,
    private_key  varchar(200) not null,
    created_at   timestamp with time zone not null
);
