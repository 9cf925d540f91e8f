#!/usr/bin/env bash
# The search under load: 100,000 made-up French documents (fixed seed) indexed through the application's
# SearchIndex at start, then queries of one to three words, common words included, asked (a) over HTTP,
# GET /recherche?q=, the results page, under a closed load of USERS connections (Gatling), and (b) in the
# same JVM, on the same index, through SearchIndex without HTTP nor rendering (one thread per core), before
# and after (a). Prints the HTTP throughput as a ratio of the in-process one, and the HTTP p95.
# Usage: perf/search.sh [--million | --docs N] [seconds]   (default 100000 documents, 20 s; USERS=8).
# Loopback only; the application started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=100000
while [ $# -gt 0 ]; do
  case $1 in
    --million) docs=1000000; shift ;;
    --docs) docs=$2; shift 2 ;;
    *) break ;;
  esac
done
seconds=${1:-20}
users=${USERS:-8}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [ "${SKIP_BUILD:-0}" != 1 ]; then   # SKIP_BUILD=1: use the jar and the simulations already built
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B -f perf/pom.xml test-compile
fi
jar=$(ls target/beffroi-*.jar | grep -v original | head -n1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

dir=$(mktemp -d); port=$(free_port); base="http://127.0.0.1:$port"
start=$(date +%s)
cp "$jar" "$dir/beffroi.jar"   # a copy: a build running meanwhile cannot change the jar under the application
(cd "$dir" && exec "$java" ${JAVA_OPTS:-} -jar beffroi.jar --server.port="$port" --server.address=127.0.0.1 \
  --spring.profiles.active=demo,bench --beffroi.bench.search-documents="$docs" >"$dir/out.log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
# ready once the corpus is indexed (the list of queries answers 200 then)
until curl -fs -o /dev/null "$base/bench/search/queries"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the application ended before answering:" >&2; cat "$dir/out.log" >&2; exit 1; fi
  sleep 1
done
echo "indexed $docs documents and started in $(( $(date +%s) - start )) s ($(du -sh "$dir/data/search" | cut -f1) of index)"

in_process() { curl -fs "$base/bench/search/in-process?seconds=$1" | tr '\n' ' '; }
in_process 30 >/dev/null   # warm-up of the JIT and of the index's files: at a million documents it takes more than 15 s
a=$(in_process "$seconds")
./mvnw -B -f perf/pom.xml gatling:test -Dgatling.simulationClass=org.beffroi.perf.SearchSimulation \
  -DbaseUrl="$base" -Dusers="$users" -Dseconds="$seconds" -DwarmUpSeconds=30 >"$dir/gatling.log" 2>&1 \
  || { tail -n 60 "$dir/gatling.log" >&2; exit 1; }
b=$(in_process "$seconds")

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); $docs documents; ${users} HTTP connections, ${seconds} s"
echo "in process, before: $a"
echo "in process, after:  $b"
grep '^BENCH ' "$dir/gatling.log" | sed 's/^BENCH /HTTP /'
grep '^BENCH search ' "$dir/gatling.log" | awk -v a="$a" -v b="$b" '
  function field(s, k,   n, i, w) { n = split(s, w, " "); for (i = 1; i < n; i++) if (w[i] == k) return w[i + 1]; return 0 }
  { for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
  END {
    inproc = (field(a, "per_second") + field(b, "per_second")) / 2
    printf "in process: %.1f queries/s (mean of before and after), p95 %.1f ms\n", inproc, field(a, "p95_ms")
    printf "HTTP /recherche: %.1f requests/s, p95 %d ms (target <= 50 ms), %d failed\n", v["per_second"], v["p95"], v["failed"]
    printf "HTTP / in process: %.1f %%  (target >= 25 %%)\n", 100 * v["per_second"] / inproc
  }'
