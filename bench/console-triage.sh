#!/usr/bin/env bash
# Times the console's triage list (GET /console) on the server for one physiotherapist with
# PATIENTS patients, each with DAYS scored days and a steps program in force since before them:
# seeds a database of its own (osteon_bench_console, dropped and made again), starts the packaged
# service on it, signs in with a one-time link and requests the page RUNS times with curl. Prints
# the median and the 95th percentile of curl's time_total (connection on loopback, the whole page
# rendered and received), and the page's size.
#
#   bench/console-triage.sh [PATIENTS=500] [DAYS=90] [RUNS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-500}
days=${2:-90}
runs=${3:-30}
db=osteon_bench_console
port=8097
keys=$(mktemp -d)
psqlp() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- psql -q "$@"; else sudo -u postgres psql -q "$@"; fi; }
psqlp -c "drop database if exists $db with (force)" -c "create database $db owner osteon" >/dev/null
psqlp -d $db -c "alter schema public owner to osteon" >/dev/null
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
log=$(mktemp)
java -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db -Dquarkus.http.port=$port \
  -Dosteon.auth.local-key-dir="$keys" -Dosteon.ingest.client-id=osteon-bench-console \
  -Dosteon.ingest.topic-root=bench-console/v1/devices -Dosteon.alerts.every=off \
  -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; rm -rf "$keys" "$log"' EXIT
until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do
  kill -0 $service 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
# The tables exist once the service has run its migrations: seed them.
psqlp -d $db <<SQL
insert into physiotherapist (id, subject, display_name, created_at)
  values ('00000000-0000-0000-0000-000000000001', 'bench-physio', 'Bench Physiotherapist', now());
insert into patient (id, display_name, time_zone, created_at)
  select md5('p' || i)::uuid, 'Patient ' || lpad(i::text, 4, '0'), 'Europe/Vienna', now() - interval '120 days'
  from generate_series(1, $patients) i;
insert into care_assignment (physio_id, patient_id, assigned_at)
  select '00000000-0000-0000-0000-000000000001', md5('p' || i)::uuid, now() from generate_series(1, $patients) i;
insert into program_version (patient_id, version, effective_from, components, author_role, author_subject, reason,
    created_at)
  select md5('p' || i)::uuid, 1, current_date - ($days + 7), '[{"kind":"steps","stepsPerDay":7000,"daysPerWeek":5}]',
    'physio', 'bench-physio', 'benchmark', now()
  from generate_series(1, $patients) i;
insert into day_summary (patient_id, local_date, wear_minutes, mvpa_minutes, steps, computed_at)
  select md5('p' || i)::uuid, current_date - d, 600 + (i * 7 + d * 13) % 300, (i + d) % 45,
    3000 + (i * 31 + d * 17) % 8000, now()
  from generate_series(1, $patients) i, generate_series(1, $days) d;
analyze;
SQL
token=$(java -cp target/classes org.osteon.auth.TokenCommand --key-dir "$keys" --role physio --subject bench-physio)
path=$(curl -sf -X POST "http://localhost:$port/api/v1/console/sign-in-links" -H "Authorization: Bearer $token" |
  sed -n 's/.*"path":"\([^"]*\)".*/\1/p')
jar=$(mktemp)
curl -s -o /dev/null -c "$jar" "http://localhost:$port$path"
curl -s -o /dev/null -b "$jar" "http://localhost:$port/console" # warm-up
times=()
for _ in $(seq 1 "$runs"); do
  times+=("$(curl -s -o /dev/null -b "$jar" -w '%{time_total}' "http://localhost:$port/console")")
done
size=$(curl -s -b "$jar" "http://localhost:$port/console" | wc -c)
rows=$(curl -s -b "$jar" "http://localhost:$port/console" | grep -c 'data-patient-id=' || true)
rm -f "$jar"
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" -v rows="$rows" -v size="$size" \
  '{ t[NR] = $1 } END { printf "triage list, %d patients shown, %d bytes: median %.0f ms, p95 %.0f ms over %d runs\n", rows, size, t[int((n + 1) / 2)] * 1000, t[int(n * 0.95 + 0.999)] * 1000, n }'
