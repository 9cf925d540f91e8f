#!/usr/bin/env bash
# Payment notifications of the test provider at a constant 500 a second (open load) for 20 s, replays mixed in,
# against the bare endpoint of the same server (/bench/bare: same filters and security chain, no database) at the
# same rate for the same time, before and after. Pending payments are made beforehand through the bench profile
# (/bench/paiements/en-attente), which answers each one's signed notification; the stream posted is, for each
# payment, its notification, and for every fourth one the same notification again right behind it (two at once),
# and for another one in four the notification of a payment paid about 500 notifications earlier (a late replay).
# Then checks in the database that every payment is paid, confirmed once (one CONFIRMED notification, so one
# PaymentConfirmed, which only the confirming call publishes) and has one receipt mail; that no answer was a 5xx;
# and prints the rate achieved and the p99 of each phase. The notifications' limit per address (600 a minute) is
# lifted by the bench profile (beffroi.payments.notifications-per-minute), as the search benchmark's is.
# Usage: perf/payments.sh [seconds]   (default 20; RATE=500 a second; BENCH_DB=beffroi_bench on 127.0.0.1:5432,
# dropped and created). Loopback only; the application started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
rate=${RATE:-500}
warm_seconds=${WARMUP:-5}
bench_db=${BENCH_DB:-beffroi_bench}
. perf/lib/application.sh

bench_build simulations
bench_folder
bench_postgres "$bench_db"
bench_start

# pending payments and their notifications (a form token first, as any post needs one)
cookies="$dir/cookies"
csrf=$(curl -fs -c "$cookies" "$base/connexion" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | cut -d'"' -f4)
[ -n "$csrf" ] || { echo "the sign-in page gave no form token" >&2; exit 1; }
# the stream: each payment's notification; every fourth twice in a row; every fourth (another) followed by the
# notification of the payment 333 before it (about 500 lines earlier); 1.5 lines per payment
stream() {   # file seconds
  local lines=$(( rate * $2 + rate )) payments
  payments=$(( lines * 2 / 3 + 1 ))
  curl -fs -b "$cookies" "$base/bench/paiements/en-attente" -d "_csrf=$csrf" -d "count=$payments" \
    | awk 'BEGIN { print "body" } { n[NR] = $0; print; if (NR % 4 == 0) print; if (NR % 4 == 2 && NR > 333) print n[NR - 333] }' >"$1"
}
stream "$dir/warm.csv" "$warm_seconds"
stream "$dir/notifications.csv" "$seconds"
payments=$(sql -c "select count(*) from payments_payment where reference like 'BANC-%'")

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); PostgreSQL $(sql -c 'show server_version')"
echo "$rate notifications/s for $seconds s ($warm_seconds s of warm-up first), $payments pending payments"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -f perf/pom.xml gatling:test -Dgatling.simulationClass=org.beffroi.perf.PaymentsSimulation \
  -DbaseUrl="$base" -Drate="$rate" -Dseconds="$seconds" -DwarmUpSeconds="$warm_seconds" \
  -Dnotifications="$dir/notifications.csv" -DwarmUpNotifications="$dir/warm.csv" >"$dir/gatling.log" 2>&1 \
  || { tail -n 60 "$dir/gatling.log" >&2; exit 1; }
grep '^BENCH ' "$dir/gatling.log" | sed 's/^BENCH /  /'

# what the database holds, for every payment of the bench (warm-up included)
posted=$(sql -c "select count(*) from payments_notification where reference like 'BANC-%'")
notified=$(sql -c "select count(distinct reference) from payments_notification where reference like 'BANC-%'")
paid=$(sql -c "select count(*) from payments_payment p where reference like 'BANC-%' and status = 'PAID'
  and exists (select 1 from payments_notification n where n.reference = p.reference)")
unpaid=$(sql -c "select count(*) from payments_payment p where reference like 'BANC-%' and status <> 'PAID'
  and exists (select 1 from payments_notification n where n.reference = p.reference)")
confirmed=$(sql -c "select count(*) from payments_notification where reference like 'BANC-%' and outcome = 'CONFIRMED'")
confirmed_twice=$(sql -c "select count(*) from (select reference from payments_notification
  where reference like 'BANC-%' and outcome = 'CONFIRMED' group by reference having count(*) > 1) t")
already=$(sql -c "select count(*) from payments_notification where reference like 'BANC-%' and outcome = 'ALREADY_PAID'")
mails=$(sql -c "select count(*) from platform_mail where subject like 'Votre paiement BANC-%'")
mailed_twice=$(sql -c "select count(*) from (select subject from platform_mail where subject like 'Votre paiement BANC-%'
  group by subject having count(*) > 1) t")
statements=$(curl -fs "$base/bench/queries" | awk '$1 == "/paiements/notification/test" { printf "%.1f", $3 / $2 }')
echo "statements per notification (confirmations and replays together): $statements"
echo "database: $posted notifications kept for $notified payments; $paid of them paid, $unpaid not;"
echo "  $confirmed confirmations ($confirmed_twice payments confirmed more than once), $already answered already paid;"
echo "  $mails receipt mails ($mailed_twice payments with more than one)"
grep '^BENCH ' "$dir/gatling.log" | awk -v rate="$rate" -v notified="$notified" -v paid="$paid" -v unpaid="$unpaid" \
  -v confirmed="$confirmed" -v twice="$confirmed_twice" -v mails="$mails" -v mailed_twice="$mailed_twice" '
  { split($0, f, " "); name = f[2]; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] } }
  END {
    fivexx = 0; for (k in v) { split(k, p, SUBSEP); if (p[1] == "answers" && p[2] >= 500) fivexx += v[k] }
    printf "notifications: %.1f/s achieved of %d/s asked, p50 %d ms, p99 %d ms, %d not 200 (5xx: %d)\n",
      v["notify", "per_second"], rate, v["notify", "p50"], v["notify", "p99"], v["notify", "failed"], fivexx
    printf "bare endpoint: %.1f/s achieved, p50 %d ms, p99 %d ms, %d failed\n",
      v["bare", "per_second"], v["bare", "p50"], v["bare", "p99"], v["bare", "failed"]
    printf "notifications / bare: %.1f %% of the rate; p99 %d ms against %d ms\n",
      100 * v["notify", "per_second"] / v["bare", "per_second"], v["notify", "p99"], v["bare", "p99"]
    ok = paid == notified && unpaid == 0 && confirmed == notified && twice == 0 && mails == notified \
      && mailed_twice == 0 && fivexx == 0 && v["notify", "failed"] == 0 && v["notify", "per_second"] >= 0.95 * rate
    print ok ? "checks: met (each payment confirmed once, one receipt each, no 5xx, rate held)" : "checks: NOT met"
  }'
