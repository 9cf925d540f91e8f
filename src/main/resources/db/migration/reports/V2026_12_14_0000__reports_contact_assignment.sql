-- An agent takes a resident's thread in hand (« Prendre en charge »): the inbox shows who, and lists the threads of
-- the signed-in agent, or those nobody has taken. The agent's account is named at display, never copied here; erasing
-- that account clears it.
alter table reports_contact_thread add column assigned_account_id bigint;
create index reports_contact_thread_assigned on reports_contact_thread (assigned_account_id);
