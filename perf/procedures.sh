#!/usr/bin/env bash
# Filing a case of twenty fields under 64 concurrent signed-out residents, against the bare insert of the same case
# row through the same connection pool (/bench/procedures/insertion-nue: same filters and security chain, one
# insert, no validation, history, workflow or mail); then autosave of drafts (the page's twenty fields posted to
# one draft per resident, again and again) under the same load. Prints filings/s as a ratio of bare inserts/s and
# the p99 of each (Gatling, closed load: each resident sends its next request once the last one is answered).
# Usage: perf/procedures.sh [seconds per phase]   (default 20; USERS=64; DB=h2 (default, an embedded database in
# a new folder) or DB=postgres (database beffroi_bench on 127.0.0.1:5432, dropped and created); DRAFTS=40000
# drafts made beforehand for the filings). Loopback only; the application started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
users=${USERS:-64}
drafts=${DRAFTS:-40000}
db=${DB:-h2}
. perf/lib/application.sh

bench_build simulations
bench_folder
if [ "$db" = postgres ]; then bench_postgres beffroi_bench; else bench_h2; fi
bench_start   # JAVA_OPTS: options for the application's JVM (a flight recording, say)

# drafts ready to file, made through the bench endpoint (a form token first, as any post needs one)
jar_cookies="$dir/cookies"
csrf=$(curl -fs -c "$jar_cookies" "$base/demarches/banc-vingt-champs" | grep -o 'name="_csrf" value="[^"]*"' | head -n1 | cut -d'"' -f4)
[ -n "$csrf" ] || { echo "the bench procedure's page gave no form token" >&2; exit 1; }
answers=(-d champ-15=habitante@example.org -d 'champ-16=01 23 45 67 89' -d champ-17=3 -d champ-18=2027-01-15
  -d 'champ-19=Une précision.' -d 'champ-20=12 rue des Tilleuls')
for i in $(seq 1 14); do answers+=(-d "champ-$(printf %02d "$i")=Réponse numéro $i"); done
make_drafts() {   # file count
  { echo draft; curl -fs -b "$jar_cookies" "$base/bench/procedures/brouillons" -d "_csrf=$csrf" -d "count=$2" "${answers[@]}"; } >"$1"
}
make_drafts "$dir/drafts.csv" "$drafts"
make_drafts "$dir/warm.csv" "$drafts"
make_drafts "$dir/autosave.csv" "$users"

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); database: $db; ${users} residents, ${seconds} s per phase"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -f perf/pom.xml gatling:test -Dgatling.simulationClass=org.beffroi.perf.ProceduresSimulation \
  -DbaseUrl="$base" -Dusers="$users" -Dseconds="$seconds" -Ddrafts="$dir/drafts.csv" \
  -DwarmUpDrafts="$dir/warm.csv" -DautosaveDrafts="$dir/autosave.csv" >"$dir/gatling.log" 2>&1 \
  || { grep -q "Feeder is now empty\|feeder.*empty" "$dir/gatling.log" && echo "not enough drafts: raise DRAFTS" >&2
       tail -n 60 "$dir/gatling.log" >&2; exit 1; }

grep '^BENCH ' "$dir/gatling.log" | sed 's/^BENCH /  /'
grep '^BENCH ' "$dir/gatling.log" | awk '
  { split($0, f, " "); name = f[2]; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] } }
  END {
    printf "filing / bare insert: %.1f %%  (target >= 30 %%), filing p99 %d ms (target < 300 ms), %d failed\n",
      100 * v["file", "per_second"] / v["bare", "per_second"], v["file", "p99"], v["file", "failed"]
    printf "autosave: %.0f saves/s, p99 %d ms (target < 100 ms), %d failed\n",
      v["autosave", "per_second"], v["autosave", "p99"], v["autosave", "failed"]
    printf "bare insert: %.0f inserts/s, p99 %d ms\n", v["bare", "per_second"], v["bare", "p99"]
  }'
