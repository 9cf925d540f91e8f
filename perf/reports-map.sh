#!/usr/bin/env bash
# The public map's view: GET /signalements.geojson?bbox= (the 500 newest public reports inside a map's view, as
# GeoJSON) over 1,000,000 reports on PostgreSQL, under wrk at CONNECTIONS at once, against pgbench sending the same
# statements (perf/reports-map.sql: the reports of the view, then the categories' names) with as many clients, the same
# views drawn the same way (16 views of 2.1 km by 0.8 km, perf/reports-map.lua). Prints requests/s as a ratio of
# pgbench's, the p95 and the answers other than 200. The reports are written in one SQL statement
# (perf/reports-map-load.sql, generate_series) once the application has made its tables.
# --h2: the same over 100,000 reports in the embedded H2 database (no pgbench baseline: PostgreSQL's tool only).
# Usage: perf/reports-map.sh [--h2] [seconds]   (default 20 per phase; CONNECTIONS=8; ROUNDS=2 rounds of the
# application then pgbench; REPORTS=1000000, or 100000 with --h2;
# BENCH_DB=beffroi_bench on 127.0.0.1:5432, dropped and created). Loopback only; the application started here is
# stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
db=postgres
if [ "${1:-}" = --h2 ]; then db=h2; shift; fi
seconds=${1:-20}
connections=${CONNECTIONS:-8}
rounds=${ROUNDS:-2}
reports=${REPORTS:-$([ "$db" = h2 ] && echo 100000 || echo 1000000)}
bench_db=${BENCH_DB:-beffroi_bench}
. perf/lib/application.sh

bench_build
bench_folder
if [ "$db" = postgres ]; then
  bench_postgres "$bench_db"
else
  # the embedded database, served to this script's SQL shell too (AUTO_SERVER: the application's own connections
  # stay embedded)
  h2_url="jdbc:h2:file:$dir/data/beffroi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
  database=(--spring.profiles.active=demo,bench --spring.datasource.url="$h2_url")
  (cd "$dir" && unzip -q -j beffroi.jar 'BOOT-INF/lib/h2-*.jar' -d h2)
  sql() {   # sql -c STATEMENT | sql -f FILE
    local statement; if [ "$1" = -f ]; then statement=$(cat "$2"); else statement=$2; fi
    "$java" -cp "$(ls "$dir"/h2/h2-*.jar)" org.h2.tools.Shell -url "$h2_url" -user sa -sql "$statement"
  }
fi
bench_start

started=$(date +%s)
sed "s/__REPORTS__/$reports/" perf/reports-map-load.sql >"$dir/load.sql"
sql -f "$dir/load.sql" >/dev/null
if [ "$db" = postgres ]; then sql -c 'analyze reports_report'; else sql -c 'analyze table reports_report' >/dev/null; fi
echo "$reports reports written in $(( $(date +%s) - started )) s"

# one view: its size, and the statements one hit sends (/bench/queries counts them per path)
view="/signalements.geojson?bbox=5.3000,46.0900,5.3280,46.0972"
queries() { curl -fs "$base/bench/queries" | awk '$1 == "/signalements.geojson" { print $3 }'; }
bytes=$(curl -fs "$base$view" | wc -c)   # the first hit fills the caches (the neighbourhoods' names)
q0=$(queries)
features=$(curl -fs "$base$view" | grep -o '"type":"Feature"' | wc -l)
echo "a view ($view): $features features, $bytes bytes, $(( $(queries) - q0 )) statements"
echo "plan of the view's query:"
view_query="select id from reports_report where confirmed_at is not null and latitude between 46.09 and 46.0972
  and longitude between 5.30 and 5.328 order by created_at desc, id desc limit 500"
if [ "$db" = postgres ]; then sql -c "explain (analyze, buffers) $view_query"; else sql -c "explain analyze $view_query"; fi \
  | sed 's/^/  /'


echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); database: $db; $connections connections, $seconds s"
# warm-up: the path compiled and the pages read before it is measured
wrk -t 2 -c "$connections" -d 10s -s perf/reports-map.lua "$base" >/dev/null
# the application and pgbench in turn, ROUNDS times (the machine's load changes from one minute to the next)
app_total=0; pg_total=0; worst_p95=0; errors_total=0
for round in $(seq 1 "$rounds"); do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 10s -s perf/reports-map.lua "$base" >"$dir/wrk.log"
  read -r app_rps app_p50 app_p95 app_p99 app_errors < <(awk '/^WRK / {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    print v["per_second"], v["p50"], v["p95"], v["p99"], v["errors"] }' "$dir/wrk.log")
  echo "round $round, application (load average $load): $app_rps requests/s, p50 $app_p50 ms, p95 $app_p95 ms," \
    "p99 $app_p99 ms, $app_errors errors or answers other than 200"
  app_total=$(awk -v a="$app_total" -v b="$app_rps" 'BEGIN { print a + b }')
  worst_p95=$(awk -v a="$worst_p95" -v b="$app_p95" 'BEGIN { print (b > a) ? b : a }')
  errors_total=$((errors_total + app_errors))
  if [ "$db" = postgres ]; then
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    # extended protocol, unnamed statements: each view planned for its own bounds, as the application's are
    # (ReportStore.placed); -M prepared would plan once for every view after five runs
    PGUSER=postgres pgbench -h 127.0.0.1 -n -M extended -c "$connections" -j 2 -T "$seconds" -f perf/reports-map.sql \
      "$bench_db" >"$dir/pgbench.log" 2>&1 || { cat "$dir/pgbench.log" >&2; exit 1; }
    pg_tps=$(grep -o 'tps = [0-9.]*' "$dir/pgbench.log" | head -n1 | cut -d' ' -f3)
    pg_latency=$(grep -o 'latency average = [0-9.]* ms' "$dir/pgbench.log" | cut -d' ' -f4)
    echo "round $round, pgbench, same statements (load average $load): $pg_tps views/s, latency average $pg_latency ms"
    pg_total=$(awk -v a="$pg_total" -v b="$pg_tps" 'BEGIN { print a + b }')
  fi
done
if [ "$db" = postgres ]; then
  awk -v app="$app_total" -v pg="$pg_total" -v p95="$worst_p95" -v errors="$errors_total" 'BEGIN {
    printf "requests/s / pgbench over the rounds: %.1f %% (target >= 50 %%), worst p95 %s ms (target < 50 ms)\n", 100 * app / pg, p95
    print (app >= pg / 2 && p95 < 50 && errors == 0) ? "checks: met" : "checks: NOT met" }'
else
  awk -v p95="$worst_p95" -v errors="$errors_total" 'BEGIN {
    printf "worst p95 %s ms (target < 50 ms)\n", p95; print (p95 < 50 && errors == 0) ? "checks: met" : "checks: NOT met" }'
fi
