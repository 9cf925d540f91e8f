#!/usr/bin/env bash
# The portal under load: a published news item (/actualites/{slug}) and the home page (/), each against a
# bare endpoint of the same server (/bench/bare: same filters and security chain, no database, no template),
# under the same closed load of 256 connections (Gatling). Prints requests/s of each page as a ratio of the
# bare endpoint's, the p99 latency, and the database queries per hit.
# Usage: perf/portal.sh [seconds per phase]   (default 20; USERS=256 connections). Loopback only; the
# application started here is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
users=${USERS:-256}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [ "${SKIP_BUILD:-0}" != 1 ]; then   # SKIP_BUILD=1: use the jar and the simulations already built
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B -f perf/pom.xml test-compile
fi
jar=$(ls target/beffroi-*.jar | grep -v original | head -n1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

dir=$(mktemp -d); port=$(free_port); base="http://127.0.0.1:$port"
cp "$jar" "$dir/beffroi.jar"   # a copy: a build running meanwhile cannot change the jar under the application
(cd "$dir" && exec "$java" -jar beffroi.jar --server.port="$port" --server.address=127.0.0.1 \
  --spring.profiles.active=demo,bench >"$dir/out.log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 1200); do
  if curl -fs -o /dev/null "$base/actuator/health"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "the application ended before answering:" >&2; cat "$dir/out.log" >&2; exit 1; fi
  sleep 0.1
done

# the first published news item of the demo commune
news=$(curl -fs "$base/actualites" | grep -o 'href="/actualites/[a-z0-9-]*"' | head -n1 | cut -d'"' -f2)
[ -n "$news" ] || { echo "no published news item found" >&2; exit 1; }

# an anonymous visitor gets no session (Spring Session would write a row for it)
cookies=0
for path in "$news" /; do
  if curl -fs -D - -o /dev/null "$base$path" | grep -qi '^set-cookie: *BEFFROI_SESSION'; then cookies=$((cookies + 1)); fi
done

before=$(curl -fs "$base/bench/queries")
./mvnw -B -f perf/pom.xml gatling:test -Dgatling.simulationClass=org.beffroi.perf.PortalSimulation \
  -DbaseUrl="$base" -DnewsPath="$news" -Dusers="$users" -Dseconds="$seconds" >"$dir/gatling.log" 2>&1 \
  || { tail -n 60 "$dir/gatling.log" >&2; exit 1; }
after=$(curl -fs "$base/bench/queries")

# queries charged to the requests of a path during the run, over its hits: "hits queries"
per_path() { awk -v p="$1" '$1 == p {print $2, $3}'; }
read -r h0 q0 < <(echo "$before" | per_path "$news"; echo "0 0")
read -r h1 q1 < <(echo "$after" | per_path "$news")
read -r H0 Q0 < <(echo "$before" | per_path /; echo "0 0")
read -r H1 Q1 < <(echo "$after" | per_path /)

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); ${users} connections, ${seconds} s per phase"
echo "news item: $news"
grep '^BENCH ' "$dir/gatling.log" | sed 's/^BENCH /  /'
grep '^BENCH ' "$dir/gatling.log" | awk \
  -v nh=$((h1 - h0)) -v nq=$((q1 - q0)) -v hh=$((H1 - H0)) -v hq=$((Q1 - Q0)) -v cookies="$cookies" '
  { split($0, f, " "); name = f[2]; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] } }
  END {
    printf "news item / bare: %.1f %%  (target >= 70 %%), p99 %d ms (target < 100 ms), %.4f queries per hit (%d hits, target 0)\n",
      100 * v["news", "per_second"] / v["bare", "per_second"], v["news", "p99"], nh ? nq / nh : 0, nh
    printf "home page / bare: %.1f %%  (target >= 30 %%), p99 %d ms (target < 100 ms), %.4f queries per hit (%d hits)\n",
      100 * v["home", "per_second"] / v["bare", "per_second"], v["home", "p99"], hh ? hq / hh : 0, hh
    printf "bare endpoint: %.0f requests/s, p99 %d ms\n", v["bare", "per_second"], v["bare", "p99"]
    printf "sessions created for anonymous visitors: %s\n", cookies == 0 ? "none" : cookies " (Set-Cookie BEFFROI_SESSION)"
  }'
