#!/usr/bin/env bash
# Fan-out of one alert to N e-mail subscribers into a local SMTP sink (Postfix's smtp-sink), against the raw
# rate of the same sink driven by Postfix's smtp-source with the same number of connections and mails of the
# same size, measured right before and right after the fan-out and averaged. The application runs with a heap
# capped at 256 MB; it reports its peak heap during the send.
# Prints both rates, the ratio (target >= 50 %) and the peak heap.
# Usage: perf/alerts.sh [recipients]   (default 100000)
#        perf/alerts.sh --two-million  (2,000,000 recipients; allow up to 30 minutes)
# CONNECTIONS=4 SMTP connections on both sides (the application: WORKERS=2 workers sharing them);
# DB=h2 (default, an embedded database in a new folder) or
# DB=postgres (database beffroi_bench on 127.0.0.1:5432, dropped and created). Loopback only; every process
# started here is stopped at the end. Needs Debian's postfix package (smtp-sink, smtp-source).
set -euo pipefail
cd "$(dirname "$0")/.."
recipients=100000
case "${1:-}" in
  --two-million) recipients=2000000 ;;
  '') ;;
  *) recipients=$1 ;;
esac
connections=${CONNECTIONS:-4}
workers=${WORKERS:-2}
db=${DB:-h2}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
command -v smtp-sink >/dev/null || PATH=$PATH:/usr/sbin
command -v smtp-source >/dev/null || { echo "smtp-source not found: apt-get install -y postfix" >&2; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then   # SKIP_BUILD=1: use the jar already built
  ./mvnw -q -B -DskipTests package
fi
jar=$(ls target/beffroi-*.jar | grep -v original | head -n1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

dir=$(mktemp -d); port=$(free_port); sink_port=$(free_port); base="http://127.0.0.1:$port"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT

# the sink: accepts every mail and drops it (as root it must be told whom to run as)
smtp-sink -u nobody 127.0.0.1:"$sink_port" 256 >"$dir/sink.log" 2>&1 &
pids+=($!)

raw_rate() { # mails per second of smtp-source: $1 mails of $2 bytes over $connections connections
  local start end
  start=$(date +%s.%N)
  smtp-source -d -s "$connections" -m "$1" -l "$2" -f alertes@belvoir.example -t habitant@belvoir.example \
    127.0.0.1:"$sink_port" >/dev/null
  end=$(date +%s.%N)
  awk -v n="$1" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }'
}

database=()
if [ "$db" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c 'drop database if exists beffroi_bench' -c 'create database beffroi_bench'
  database=(--spring.profiles.active=demo,bench,postgres
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/beffroi_bench)
else
  database=(--spring.profiles.active=demo,bench)
fi

cp "$jar" "$dir/beffroi.jar"
(cd "$dir" && exec "$java" -Xmx256m ${JAVA_OPTS:-} -jar beffroi.jar --server.port="$port" --server.address=127.0.0.1 "${database[@]}" \
  --spring.mail.host=127.0.0.1 --spring.mail.port="$sink_port" --beffroi.alerts.delivery.workers="$workers" --beffroi.alerts.email.connections=$(( (connections + workers - 1) / workers )) \
  --beffroi.bench.alert-recipients="$recipients" >"$dir/out.log" 2>&1) &
pids+=($!)
app=$!

field() { awk -v k="$1" '$1 == k { print $2 }'; }
deadline=$((SECONDS + 1800))
status=""
await_state() { # polls the bench's state until it is $1
  while :; do
    if ! kill -0 "$app" 2>/dev/null; then echo "the application ended:" >&2; tail -n 40 "$dir/out.log" >&2; exit 1; fi
    status=$(curl -fs "$base/bench/alerts" || true)
    [ "$(echo "$status" | field state)" = "$1" ] && return
    [ $SECONDS -gt $deadline ] && { echo "not $1 after 30 minutes:" >&2; echo "$status" >&2; exit 1; }
    sleep 2
  done
}

# the baseline before and after the fan-out, averaged: the machine's pace drifts during a run
await_state READY
bytes=$(echo "$status" | field mail_bytes)
raw_count=$(( recipients < 200000 ? recipients : 200000 )) # at most 200,000: its rate is steady well before
raw_before=$(raw_rate "$raw_count" "$bytes")
curl -fs "$base/bench/alerts/send" >/dev/null
await_state DONE
raw_after=$(raw_rate "$raw_count" "$bytes")
raw=$(( (raw_before + raw_after) / 2 ))

elapsed=$(echo "$status" | field elapsed_ms)
sent=$(echo "$status" | field sent)
app_rate=$(awk -v n="$sent" -v ms="$elapsed" 'BEGIN { printf "%.0f", n * 1000 / ms }')

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -n1); database: $db; $connections SMTP connections"
echo "fan-out: $sent of $recipients mails of $bytes bytes in $((elapsed / 1000)) s: $app_rate mails/s (failed: $(echo "$status" | field failed))"
echo "smtp-source: $raw_count mails of $bytes bytes: $raw_before mails/s before, $raw_after after: $raw mails/s"
awk -v a="$app_rate" -v r="$raw" 'BEGIN { printf "fan-out / raw SMTP: %.1f %%  (target >= 50 %%)\n", 100 * a / r }'
echo "peak heap in use during the send (sampled every 20 ms): $(echo "$status" | field peak_heap_mb) MB (heap capped at $(echo "$status" | field max_heap_mb) MB; target < 256 MB)"
