#!/usr/bin/env bash
# 1,000 signed-out residents booking at once the 50 free slots of a counter (the bench counter of the bench profile:
# one day, 8 h to 16 h 20, slots of 10 minutes), through the booking form (page, then POST /rendez-vous/{type} with
# its form token), each under its own e-mail and from its own loopback address (127.1.x.y: the limit of 10 bookings
# an hour per address is the production one). Then checks, in the database, that exactly 50 are booked, each
# holding its two 5-minute units, with 50 mails; that no answer was a 5xx; and that the p99 is under a second. The
# baselines, in the same run, against the same PostgreSQL, each over 50 slots of a counter of its own, the same number
# of attempts, as many at once as the application's connection pool holds (the application's 1,000 requests reach
# PostgreSQL through that pool): pgbench sending, per attempt, the statements the application sends for it (the
# slot's units read, then for a slot seen free its full check, the person's row and the booking's transaction, in one call;
# perf/appointments-attempt.sql), and pgbench sending the bare inserts of the first runs (the booking row and its two
# units). Prints the application's attempts/s as a ratio of each.
# Usage: perf/appointments.sh   (USERS=1000 residents; WARMUP=2000 residents posting a past slot first, so that the
# posting path is compiled before it is measured;
# BENCH_DB=beffroi_bench on 127.0.0.1:5432, dropped and created; BEFFROI_DB_POOL=10 connections, the default on
# PostgreSQL, also pgbench's clients). Loopback only; the application started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${USERS:-1000}
warmup=${WARMUP:-2000}
bench_db=${BENCH_DB:-beffroi_bench}
pool=${BEFFROI_DB_POOL:-10}
type=banc-cinquante-creneaux
. perf/lib/application.sh

bench_build simulations
bench_folder
bench_postgres "$bench_db"
bench_start BEFFROI_DB_POOL="$pool"
page=$(curl -fs "$base/rendez-vous/$type")
free=$(grep -c 'name="slot"' <<<"$page" || true)
[ "$free" = 50 ] || { echo "the bench counter shows $free free slots, not 50" >&2; exit 1; }
first_slot=$(grep -o 'name="slot"[^>]*' <<<"$page" | head -n1 | grep -o 'value="[^"]*"' | cut -d'"' -f2)

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); PostgreSQL $(sql -c 'show server_version')"
echo "$users residents on 50 slots, $warmup residents warming up first; pool of $pool connections"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -f perf/pom.xml gatling:test -Dgatling.simulationClass=org.beffroi.perf.AppointmentsSimulation \
  -DbaseUrl="$base" -Dusers="$users" -DwarmUp="$warmup" -Dtype="$type" >"$dir/gatling.log" 2>&1 \
  || { tail -n 60 "$dir/gatling.log" >&2; exit 1; }
grep '^BENCH ' "$dir/gatling.log" | sed 's/^BENCH /  /'

booked=$(sql -c "select count(*) from appointments_booking b join appointments_type t on t.id = b.type_id
  where t.slug = '$type' and b.status in ('PENDING', 'CONFIRMED')")
units=$(sql -c "select count(*) from appointments_unit u join appointments_booking b on b.id = u.booking_id
  join appointments_type t on t.id = b.type_id where t.slug = '$type'")
mails=$(sql -c "select count(*) from platform_mail where recipient like 'habitant-%@example.org'")

# statements sent to the database by one page view and by one refused attempt (the slot taken), after the run, from
# an address of its own (/bench/queries counts them per path)
queries() { curl -fs "$base/bench/queries" | awk -v p="/rendez-vous/$type" '$1 == p { print $3 }'; }
q0=$(queries)
csrf=$(curl -fs --interface 127.3.0.1 -c "$dir/cookies" "$base/rendez-vous/$type" \
  | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | cut -d'"' -f4)
q1=$(queries)
curl -s -o /dev/null --interface 127.3.0.1 -b "$dir/cookies" "$base/rendez-vous/$type" -d "_csrf=$csrf" \
  --data-urlencode "slot=$first_slot" -d name=Habitant -d email=habitant-apres@example.org
q2=$(queries)
echo "statements: a page view $((q1 - q0)), a refused attempt $((q2 - q1))"

# The baselines, through pgbench over 50 slots of counters of their own (the bench counter's openings, closures and
# type copied), as many clients as the application's pool, the same number of attempts:
# - "same statements": per attempt, what the application sends to the database for it (perf/appointments-attempt.sql):
#   the units held over the slot; when none, the slot's check (the day's closures, the openings, the closures again,
#   the units again), the person's row, then the booking's transaction (the person's row locked, their active bookings counted,
#   expired bookings over the slot looked for, the booking row, its two units, the booking read again, the mail row
#   of the outbox), a duplicate unit rolling that transaction back; in one call (no round trip between statements);
# - "bare inserts": the booking row and its two units alone, as before (the first runs' baseline).
sql -f perf/appointments-attempt.sql >/dev/null
baseline() {   # baseline <counter slug> <function>: prints attempts/s, latency average and bookings
  local agenda kind
  agenda=$(sql -c "select bench_counter_copy('$1', '$type')")
  kind=$(sql -c "select id from appointments_type where agenda_id = $agenda")
  cat >"$dir/$1.sql" <<EOF2
\set slot random(0, 49)
select $2($agenda, $kind, :slot, '$1-' || :client_id || '-' || (random() * 1e9)::bigint);
EOF2
  PGUSER=postgres pgbench -h 127.0.0.1 -n -M prepared -c "$pool" -j 2 -t "$per_client" -f "$dir/$1.sql" "$bench_db" \
    >"$dir/$1.log" 2>&1 || { cat "$dir/$1.log" >&2; exit 1; }
  echo "$(grep -o 'tps = [0-9.]*' "$dir/$1.log" | head -n1 | cut -d' ' -f3)" \
    "$(grep -o 'latency average = [0-9.]* ms' "$dir/$1.log" | cut -d' ' -f4)" \
    "$(sql -c "select count(*) from appointments_booking where agenda_id = $agenda")"
}
per_client=$(( (users + pool - 1) / pool ))
read -r pg_tps pg_latency pg_booked < <(baseline banc-pgbench bench_attempt)
read -r bare_tps bare_latency bare_booked < <(baseline banc-pgbench-nu bench_insert)
echo "pgbench, same statements: $((per_client * pool)) attempts, $pg_tps attempts/s, latency average $pg_latency ms, $pg_booked booked"
echo "pgbench, bare inserts: $((per_client * pool)) attempts, $bare_tps attempts/s, latency average $bare_latency ms, $bare_booked booked"
grep '^BENCH ' "$dir/gatling.log" | awk -v pg="$pg_tps" -v bare="$bare_tps" -v booked="$booked" -v units="$units" -v mails="$mails" '
  { split($0, f, " "); name = f[2]; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] } }
  END {
    fivexx = 0; for (k in v) { split(k, p, SUBSEP); if (p[1] == "answers" && p[2] >= 500) fivexx += v[k] }
    printf "booked: %d (expected 50), units held: %d (expected 100), mails: %d (expected 50)\n", booked, units, mails
    printf "answers: 302 (booked) %d, 400 (refused) %d, 5xx %d, failed or unanswered %d\n",
      v["answers", "302"], v["answers", "400"], fivexx, v["book", "failed"]
    printf "booking attempts: %.1f/s over %.2f s, p50 %d ms, p99 %d ms (target < 1,000 ms)\n",
      v["book", "per_second"], v["book", "seconds"], v["book", "p50"], v["book", "p99"]
    printf "attempts / pgbench, same statements: %.1f %% (target >= 50 %%)\n", 100 * v["book", "per_second"] / pg
    printf "attempts / pgbench, bare inserts: %.1f %%\n", 100 * v["book", "per_second"] / bare
    ok = booked == 50 && units == 100 && fivexx == 0 && v["book", "failed"] == 0 && v["book", "p99"] < 1000
    print ok ? "checks: met" : "checks: NOT met"
  }'
