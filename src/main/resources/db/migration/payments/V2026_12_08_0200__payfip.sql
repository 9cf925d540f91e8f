-- PayFiP: the operations Beffroi started at PayFiP (creerPaiementSecurise answered an idOp), each tied to the payment
-- it was started for. A result names only the idOp: the provider reads the payment's reference and amount here, and
-- PayFiP's detail of the operation must agree with them. No personal data.
create table payments_payfip_operation (
    idop          varchar(64)  primary key,
    reference     varchar(64)  not null,
    amount_cents  bigint       not null check (amount_cents > 0),
    created_at    timestamp with time zone not null
);

create index payments_payfip_operation_reference on payments_payfip_operation (reference);

-- The local PayFiP simulator's operations (demo and tests only; never in production, where the table stays empty).
-- resultrans is null until the payer chooses, then set once by one conditional update (... where resultrans is null).
-- Personal data: mel, the payer's e-mail as the commune sent it (a demo's; no retention job: see the README).
create table payments_payfip_simulated (
    idop                 varchar(36)   primary key,
    numcli               varchar(6)    not null,
    exer                 varchar(4)    not null,
    refdet               varchar(30)   not null,
    objet                varchar(100)  not null,
    montant              bigint        not null check (montant > 0),
    mel                  varchar(254)  not null,
    urlnotif             varchar(1000) not null,
    urlredirect          varchar(1000) not null,
    saisie               varchar(1)    not null,
    resultrans           varchar(1),
    numauto              varchar(16),
    chosen_at            timestamp with time zone,
    notification_status  integer,
    created_at           timestamp with time zone not null
);
