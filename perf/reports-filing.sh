#!/usr/bin/env bash
# Filing a report with a photo under 64 concurrent signed-out residents, through the form as the browser sends it
# (the page for its token, then a multipart POST /signalements/nouveau: category, a point in the commune, description,
# e-mail, one JPEG of 1600 × 1200 pixels), each sending its next report once the last one is answered: a warm-up,
# then the measured phase, as long each. Then checks, in the database, that the reports stored (with their photo and
# their confirmation mail) are exactly the filings accepted (302), that no answer was a 5xx, and that the p99 is under
# 500 ms. The bench profile lifts the filing limits per address and per e-mail (every resident posts from 127.0.0.1).
# Usage: perf/reports-filing.sh [seconds per phase]   (default 20; USERS=64; BENCH_DB=beffroi_bench on
# 127.0.0.1:5432, dropped and created). Loopback only; the application started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
users=${USERS:-64}
bench_db=${BENCH_DB:-beffroi_bench}
. perf/lib/application.sh

bench_build simulations
bench_folder
bench_postgres "$bench_db"
bench_start

categories=$(sql -c "select string_agg(id::text, ',') from reports_category where active")
reports_before=$(sql -c "select count(*) from reports_report")
photos_before=$(sql -c "select count(*) from reports_photo")
echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); PostgreSQL $(sql -c 'show server_version')"
echo "$users residents, ${seconds} s of warm-up then ${seconds} s measured"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -f perf/pom.xml gatling:test -Dgatling.simulationClass=org.beffroi.perf.ReportsFilingSimulation \
  -DbaseUrl="$base" -Dusers="$users" -Dseconds="$seconds" -Dcategories="$categories" >"$dir/gatling.log" 2>&1 \
  || { tail -n 60 "$dir/gatling.log" >&2; exit 1; }
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
grep '^PHOTO \|^BENCH ' "$dir/gatling.log" | sed 's/^BENCH /  /; s/^PHOTO /  photo /'
stored=$(( $(sql -c "select count(*) from reports_report") - reports_before ))
photos=$(( $(sql -c "select count(*) from reports_photo") - photos_before ))
mails=$(sql -c "select count(*) from platform_mail where recipient like 'habitant-%@example.org'")
grep '^BENCH ' "$dir/gatling.log" | awk -v stored="$stored" -v photos="$photos" -v mails="$mails" '
  { split($0, f, " "); name = f[2]; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] } }
  END {
    accepted = v["warm-up", "ok"] + v["file", "ok"]
    printf "accepted (302): %d, reports stored: %d, photos stored: %d, confirmation mails: %d\n", accepted, stored, photos, mails
    printf "filings: %.1f/s, p50 %d ms, p95 %d ms, p99 %d ms (target < 500 ms), %d not accepted\n",
      v["file", "per_second"], v["file", "p50"], v["file", "p95"], v["file", "p99"], v["file", "failed"]
    ok = stored == accepted && photos == accepted && mails == accepted && v["file", "failed"] == 0 && v["warm-up", "failed"] == 0 && v["file", "p99"] < 500
    print ok ? "checks: met" : "checks: NOT met"
  }'
