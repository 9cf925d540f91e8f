-- An account reached through a provider that did not vouch for the address holds no address (ADR 0024).
alter table identity_account alter column email drop not null;

-- Whether the provider vouched for the account's address when the link was made. Links made before this was
-- recorded count as not vouched for: the owner's next password reset ends them.
alter table identity_oidc_link add column address_verified boolean default false not null;
