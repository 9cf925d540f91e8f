#!/usr/bin/env bash
# The portal under load: a published news item (/actualites/{slug}) and the home page (/), each against a
# bare endpoint of the same server (/bench/bare: same filters and security chain, no database, no template),
# under the same closed load of 256 connections (Gatling). Prints requests/s of each page as a ratio of the
# bare endpoint's, the p99 latency, and the database queries per hit.
# Then the nginx yardstick (wrk, 256 connections, as a browser asks: gzip accepted, no cookie): the same pages
# saved to static files and served by Debian's nginx on this machine (precompressed, gzip_static), measured
# before and after Beffroi; Beffroi itself; and Beffroi behind the same nginx as a caching proxy (proxy_cache,
# honouring Beffroi's Cache-Control, Vary and ETag). Prints Beffroi / nginx.
# Usage: perf/portal.sh [seconds per phase]   (default 20; USERS=256 connections; GATLING=0 or NGINX=0 skip
# a part; without Gatling, WARMUP=10 seconds of wrk per page first, longer on a loaded machine). Loopback only; the application and the nginx started here are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
users=${USERS:-256}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [ "${SKIP_BUILD:-0}" != 1 ]; then   # SKIP_BUILD=1: use the jar and the simulations already built
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B -f perf/pom.xml test-compile
fi
jar=${JAR:-$(ls target/beffroi-*.jar | grep -v original | head -n1)}   # JAR=…: another build, to compare

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

dir=$(mktemp -d); port=$(free_port); base="http://127.0.0.1:$port"
cp "$jar" "$dir/beffroi.jar"   # a copy: a build running meanwhile cannot change the jar under the application
(cd "$dir" && exec "$java" -jar beffroi.jar --server.port="$port" --server.address=127.0.0.1 \
  --spring.profiles.active=demo,bench >"$dir/out.log" 2>&1) &
pid=$!
nginx_pid=
stop() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true; fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$dir"
}
trap stop EXIT
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

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); ${users} connections, ${seconds} s per phase"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "news item: $news"
echo "sessions created for anonymous visitors: $([ "$cookies" = 0 ] && echo none || echo "$cookies (Set-Cookie BEFFROI_SESSION)")"

if [ "${GATLING:-1}" != 0 ]; then
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

echo "Gatling, against the bare endpoint of the same server:"
grep '^BENCH ' "$dir/gatling.log" | sed 's/^BENCH /  /'
grep '^BENCH ' "$dir/gatling.log" | awk \
  -v nh=$((h1 - h0)) -v nq=$((q1 - q0)) -v hh=$((H1 - H0)) -v hq=$((Q1 - Q0)) '
  { split($0, f, " "); name = f[2]; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] } }
  END {
    printf "news item / bare: %.1f %%  (target >= 70 %%), p99 %d ms (target < 100 ms), %.4f queries per hit (%d hits, target 0)\n",
      100 * v["news", "per_second"] / v["bare", "per_second"], v["news", "p99"], nh ? nq / nh : 0, nh
    printf "home page / bare: %.1f %%  (target >= 30 %%), p99 %d ms (target < 100 ms), %.4f queries per hit (%d hits)\n",
      100 * v["home", "per_second"] / v["bare", "per_second"], v["home", "p99"], hh ? hq / hh : 0, hh
    printf "bare endpoint: %.0f requests/s, p99 %d ms\n", v["bare", "per_second"], v["bare", "p99"]
  }'
fi

[ "${NGINX:-1}" != 0 ] || exit 0

# --- the nginx yardstick -------------------------------------------------------------------------------------
nginx=${NGINX_BIN:-/usr/sbin/nginx}
command -v wrk >/dev/null && [ -x "$nginx" ] || { echo "the nginx yardstick needs wrk and nginx (apt-get install -y wrk nginx)" >&2; exit 1; }
www="$dir/www"; mkdir -p "$www" "$dir/nginx/cache" "$dir/nginx/temp"
# each page as an anonymous visitor gets it, plain and compressed (the bytes Beffroi keeps), for gzip_static
for page in "news:$news" "home:/"; do
  curl -fs "$base${page#*:}" -o "$www/${page%%:*}.html"
  curl -fs -H 'Accept-Encoding: gzip' "$base${page#*:}" -o "$www/${page%%:*}.html.gz"
done
static_port=$(free_port); proxy_port=$(free_port)
cat >"$dir/nginx/nginx.conf" <<CONF
# Debian's defaults (nginx.conf) where they matter, without the access log; in the foreground, stopped by the script
daemon off;
user $(id -un);
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 4096; }
http {
  sendfile on;
  tcp_nopush on;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path $dir/nginx/temp/body;
  proxy_temp_path $dir/nginx/temp/proxy;
  fastcgi_temp_path $dir/nginx/temp/fastcgi;
  uwsgi_temp_path $dir/nginx/temp/uwsgi;
  scgi_temp_path $dir/nginx/temp/scgi;

  # the yardstick: the saved pages, compressed once like Beffroi's
  server {
    listen 127.0.0.1:$static_port;
    root $www;
    gzip_static on;
  }

  # Beffroi behind a caching proxy that follows its headers (Cache-Control, Vary, Set-Cookie, ETag)
  upstream beffroi { server 127.0.0.1:$port; keepalive 64; }
  proxy_cache_path $dir/nginx/cache keys_zone=pages:10m max_size=256m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://beffroi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_cache pages;
      proxy_cache_revalidate on;
      proxy_cache_lock on;
      proxy_cache_use_stale updating;
      proxy_cache_background_update on;
      add_header X-Cache \$upstream_cache_status always;
    }
  }
}
CONF
"$nginx" -c "$dir/nginx/nginx.conf" -p "$dir/nginx" 2>>"$dir/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 1 100); do
  if curl -fs -o /dev/null "http://127.0.0.1:$static_port/news.html"; then break; fi
  if ! kill -0 "$nginx_pid" 2>/dev/null; then echo "nginx ended:" >&2; cat "$dir/nginx/error.log" >&2; exit 1; fi
  sleep 0.1
done
# the proxy keeps Beffroi's pages for anonymous visitors, and only those
curl -fs -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$proxy_port$news"
proxied=$(curl -fs -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$proxy_port$news" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" {print $2}')

# one wrk phase: "requests/s p99 answers-not-2xx/3xx socket-errors"
measure() {
  wrk -t2 -c"$users" -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$1" >"$dir/wrk.log" 2>&1
  awk '
    /Requests\/sec:/ { rate = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { failed = $NF }
    /Socket errors:/ { gsub(",", ""); sockets = $4 + $6 + $8 + $10 }
    END { print rate, p99, failed + 0, sockets + 0 }' "$dir/wrk.log"
}

# Beffroi's warm-up (the JIT), on both pages, when Gatling has not warmed it
if [ "${GATLING:-1}" = 0 ]; then
  for path in "$news" /; do wrk -t2 -c"$users" -d"${WARMUP:-10}s" -H 'Accept-Encoding: gzip' "$base$path" >/dev/null 2>&1; done
fi

echo "nginx yardstick (wrk, ${users} connections, ${seconds} s per phase; proxy cache on a second request: ${proxied:-none}):"
for page in "news:$news" "home:/"; do
  name=${page%%:*}; path=${page#*:}
  read -r s1 s1p99 s1f s1s < <(measure "http://127.0.0.1:$static_port/$name.html")
  read -r b b99 bf bs < <(measure "$base$path")
  read -r x x99 xf xs < <(measure "http://127.0.0.1:$proxy_port$path")
  read -r s2 s2p99 s2f s2s < <(measure "http://127.0.0.1:$static_port/$name.html")
  awk -v name="$name" -v s1="$s1" -v s2="$s2" -v b="$b" -v x="$x" -v s1p99="$s1p99" -v s2p99="$s2p99" \
      -v b99="$b99" -v x99="$x99" -v failed=$((s1f + bf + xf + s2f)) -v sockets="$s1s/$bs/$xs/$s2s" '
    BEGIN {
      s = (s1 + s2) / 2
      printf "  %s: nginx static %.0f before, %.0f after (p99 %s, %s); Beffroi %.0f (p99 %s); Beffroi behind nginx proxy_cache %.0f (p99 %s)\n",
        name, s1, s2, s1p99, s2p99, b, b99, x, x99
      printf "  %s: answers not 2xx/3xx %d; socket errors (static/Beffroi/proxy/static) %s\n", name, failed, sockets
      printf "  %s: Beffroi / nginx %.1f %% (target >= 50 %%); behind the proxy / nginx %.1f %%\n", name, 100 * b / s, 100 * x / s
    }'
done
