#!/usr/bin/env bash
# Start-up to ready, Beffroi (embedded database, fresh data directory, demo profile) against a bare
# Spring Boot web application started the same way. Prints the median and mean of each and the ratio.
# Usage: perf/startup.sh [runs]   (default 5). Loopback only; every process started is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

./mvnw -q -B -DskipTests package
./mvnw -q -B -DskipTests -f perf/startup-baseline/pom.xml package
beffroi_jar=$(ls target/beffroi-*.jar | grep -v original | head -n1)
baseline_jar=$(ls perf/startup-baseline/target/startup-baseline-*.jar | grep -v original | head -n1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Launches a jar in an empty working directory and prints the milliseconds until the URL answers 200.
time_to_ready() {
  local jar=$1 path=$2 dir port pid start end
  dir=$(mktemp -d); port=$(free_port)
  start=$(date +%s%N)
  (cd "$dir" && exec "$java" -jar "$OLDPWD/$jar" --server.port="$port" --server.address=127.0.0.1 >"$dir/out.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port$path"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "process ended before answering: $dir/out.log" >&2; return 1; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  echo $(( (end - start) / 1000000 ))
}

stats() { sort -n | awk '{a[NR]=$1; s+=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%d %d\n", m, s/NR}'; }

b=(); s=()
for i in $(seq 1 "$runs"); do
  # alternate the order so that a noisy moment does not favour one side
  if (( i % 2 )); then b+=("$(time_to_ready "$baseline_jar" /actuator/health)"); s+=("$(time_to_ready "$beffroi_jar" /actuator/health)")
  else s+=("$(time_to_ready "$beffroi_jar" /actuator/health)"); b+=("$(time_to_ready "$baseline_jar" /actuator/health)"); fi
done
read -r bmed bmean < <(printf '%s\n' "${b[@]}" | stats)
read -r smed smean < <(printf '%s\n' "${s[@]}" | stats)
echo "runs: $runs  ($(nproc) cores, $("$java" -version 2>&1 | head -n1))"
echo "bare Spring Boot web app: median ${bmed} ms, mean ${bmean} ms  (${b[*]})"
echo "Beffroi (H2, fresh ./data, demo): median ${smed} ms, mean ${smean} ms  (${s[*]})"
awk -v s="$smed" -v b="$bmed" 'BEGIN {printf "ratio Beffroi / bare (medians): %.2f\n", s/b}'
