# Sourced by the benchmarks that start the application: the jar built (unless SKIP_BUILD=1), the application started
# in a folder of its own on a free loopback port against the database chosen, awaited until it answers, and stopped
# (its folder removed) when the script ends, however it ends.
#
#   bench_build [simulations]   the jar ($jar; JAR= to choose one), and the Gatling simulations when asked
#   bench_folder                $dir (a new folder holding a copy of the jar), $port, $base (http://127.0.0.1:$port)
#   bench_postgres NAME         the database NAME on 127.0.0.1:5432 dropped and created; $database (the application's
#                               arguments for it) and sql (psql on it: sql -c STATEMENT, sql -f FILE)
#   bench_h2                    the demo's embedded database in $dir; $database
#   bench_start [VAR=value...]  the application with "${database[@]}" (and the variables given), awaited; JAVA_OPTS
#                               are its JVM's options (a flight recording, say)

java=${JAVA_HOME:+$JAVA_HOME/bin/}java

bench_build() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    ./mvnw -q -B -DskipTests package
    if [ "${1:-}" = simulations ]; then ./mvnw -q -B -f perf/pom.xml test-compile; fi
  fi
  jar=${JAR:-$(ls target/beffroi-*.jar | grep -v original | head -n1)}
}

bench_folder() {
  dir=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  base="http://127.0.0.1:$port"
  cp "$jar" "$dir/beffroi.jar"
  pid=
  trap bench_stop EXIT
}

bench_postgres() {
  bench_db=$1
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $bench_db" -c "create database $bench_db"
  database=(--spring.profiles.active=demo,bench,postgres
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$bench_db")
  sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$bench_db" "$@"; }
}

bench_h2() {
  database=(--spring.profiles.active=demo,bench)
}

bench_start() {
  (cd "$dir" && exec env "$@" "$java" ${JAVA_OPTS:-} -jar beffroi.jar --server.port="$port" \
    --server.address=127.0.0.1 "${database[@]}" >"$dir/out.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "$base/actuator/health"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the application ended before answering:" >&2; cat "$dir/out.log" >&2; exit 1
    fi
    sleep 0.1
  done
  echo "the application did not answer within two minutes" >&2; exit 1
}

bench_stop() {
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  rm -rf "${dir:?}"
}
