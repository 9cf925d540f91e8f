-- Who pays and where the payment's page is: the payer's account when signed in (nullable: a payment without an
-- account is paid through its page's unguessable token), the page's token, and the site path the payer goes back to.
alter table payments_payment add column payer_account_id bigint;
alter table payments_payment add column page_token varchar(43);
alter table payments_payment add column after_path varchar(200);

create unique index payments_payment_page_token on payments_payment (page_token);
create index payments_payment_payer_account on payments_payment (payer_account_id);
