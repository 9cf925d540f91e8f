-- A person's export and erasure find the registrations taken with their account's verified address too.
create index agenda_registration_email on agenda_registration (email);
