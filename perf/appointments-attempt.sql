-- The baselines of perf/appointments.sh, run by pgbench against the application's database.

-- A counter of its own for a baseline, with the openings, closures and type of the bench counter's type: its id.
create or replace function bench_counter_copy(counter_slug text, type_slug text) returns bigint language plpgsql as $$
declare
  source record;
  agenda bigint;
begin
  select * into source from appointments_type where slug = type_slug;
  insert into appointments_agenda (slug, name, place) values (counter_slug, counter_slug, 'pgbench')
    returning id into agenda;
  insert into appointments_opening (agenda_id, weekday, opens, closes)
    select agenda, weekday, opens, closes from appointments_opening where agenda_id = source.agenda_id;
  insert into appointments_closure (agenda_id, first_day, last_day, reason)
    select agenda, first_day, last_day, reason from appointments_closure where agenda_id = source.agenda_id;
  insert into appointments_type (agenda_id, slug, name, duration_minutes, min_notice_hours, max_ahead_days,
      max_active_per_person, asks_pre_application)
    values (agenda, counter_slug, counter_slug, source.duration_minutes, source.min_notice_hours,
      source.max_ahead_days, source.max_active_per_person, source.asks_pre_application);
  return agenda;
end $$;

-- One attempt as the application makes it (Slots.held, then for a slot seen free Slots.check and BookingDesk's
-- person row and booking transaction), the same statements in the same order, in one call: true when booked.
create or replace function bench_attempt(agenda bigint, kind bigint, slot int, who text) returns boolean
language plpgsql as $$
declare
  starts timestamptz := date_trunc('day', now()) + interval '2 days 8 hours' + slot * interval '10 minutes';
  ends timestamptz := starts + interval '10 minutes';
  on_day date := starts::date;
  address text := who || '@example.org';
  booking bigint;
  active bigint;
begin
  -- the units of the slot already held: refused at once
  perform 1 from appointments_unit u join appointments_booking b on b.id = u.booking_id
    where u.agenda_id = agenda and u.starts_at >= starts and u.starts_at < ends
      and not (b.status = 'PENDING' and b.expires_at < now());
  if found then
    return false;
  end if;
  -- the check, before any transaction: the day's closures, the grid's openings and closures, the units held
  perform 1 from appointments_closure where agenda_id = agenda and first_day <= on_day and last_day >= on_day
    order by first_day;
  perform 1 from appointments_opening where agenda_id = agenda order by weekday, opens;
  perform 1 from appointments_closure where agenda_id = agenda and first_day <= on_day and last_day >= on_day
    order by first_day;
  perform 1 from appointments_unit u join appointments_booking b on b.id = u.booking_id
    where u.agenda_id = agenda and u.starts_at >= starts and u.starts_at < ends
      and not (b.status = 'PENDING' and b.expires_at < now());
  if found then
    return false;
  end if;
  -- the person's row, in a transaction of its own in the application
  if (select count(*) from appointments_person where email = address) = 0 then
    insert into appointments_person (email) values (address) on conflict do nothing;
  end if;
  -- the booking's transaction: a duplicate unit rolls it back
  begin
    perform 1 from appointments_person where email = address for update;
    select count(*) into active from appointments_booking where type_id = kind and email = address
      and starts_at > now() and (status = 'CONFIRMED' or (status = 'PENDING' and expires_at >= now()));
    perform 1 from appointments_booking where agenda_id = agenda and status = 'PENDING' and expires_at < now()
      and starts_at < ends and ends_at > starts;
    insert into appointments_booking (agenda_id, type_id, starts_at, ends_at, status, name, email, phone,
        confirm_token_hash, expires_at, created_at)
      values (agenda, kind, starts, ends, 'PENDING', 'Habitant ' || who, address, '01 23 45 67 89',
        encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), now() + interval '30 minutes', now())
      returning id into booking;
    insert into appointments_unit (agenda_id, starts_at, booking_id) values (agenda, starts, booking);
    insert into appointments_unit (agenda_id, starts_at, booking_id) values (agenda, starts + interval '5 minutes', booking);
    perform 1 from appointments_booking where id = booking;
    insert into platform_mail (recipient, subject, body, secrets, status, attempts, created_at)
      values (address, repeat('s', 92), repeat('b', 330), repeat('x', 96), 'KEPT', 0, now());
    return true;
  exception when unique_violation then
    return false;
  end;
end $$;

-- The bare inserts of the first runs: the booking row and its two units, nothing read.
create or replace function bench_insert(agenda bigint, kind bigint, slot int, who text) returns boolean
language plpgsql as $$
declare
  starts timestamptz := date_trunc('day', now()) + interval '2 days 8 hours' + slot * interval '10 minutes';
  booking bigint;
begin
  insert into appointments_booking (agenda_id, type_id, starts_at, ends_at, status, name, email, phone,
      confirm_token_hash, expires_at, created_at)
    values (agenda, kind, starts, starts + interval '10 minutes', 'PENDING', 'Habitant ' || who, who || '@example.org',
      '01 23 45 67 89', encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
      now() + interval '30 minutes', now())
    returning id into booking;
  insert into appointments_unit (agenda_id, starts_at, booking_id) values (agenda, starts, booking);
  insert into appointments_unit (agenda_id, starts_at, booking_id) values (agenda, starts + interval '5 minutes', booking);
  return true;
exception when unique_violation then
  return false;
end $$;
