#!/usr/bin/env bash
# How long the console's triage list (GET /console) takes the server for one physiotherapist with
# 500 patients, each with a program in force and 90 days of day_summary rows. Builds the service,
# seeds a database of its own (osteon_bench_console, dropped and made again; owned by osteon),
# starts the packaged service against it on a free port, signs in through a one-time link and
# times ~20 requests with curl (time_total, on this machine). Prints a Markdown summary; see
# docs/benchmarks.md.
#   bench/console-triage.sh [patients=500] [days=90] [runs=20]
set -euo pipefail
cd "$(dirname "$0")/.."
PATIENTS=${1:-500}
DAYS=${2:-90}
RUNS=${3:-20}
DB=osteon_bench_console
WORK=target/bench-console
mkdir -p "$WORK"

./mvnw -B -q package -DskipTests

psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -c "drop database if exists $DB" -c "create database $DB owner osteon"
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 -At)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://localhost:$PORT"
java -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -Dquarkus.http.port="$PORT" \
  -Dosteon.auth.local-key-dir="$WORK/jwt" \
  -Dosteon.ingest.client-id="osteon-bench-console-$$" \
  -Dosteon.ingest.clean-session=true \
  -Dosteon.ingest.topic-root="bench-console-$$/v1/devices" \
  -Dquarkus.log.level=WARN \
  -jar target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf -o /dev/null "$BASE/q/health/live" && break
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log"; exit 1; }
  sleep 0.5
done

token_for() {
  java -cp target/classes org.osteon.auth.TokenCommand --key-dir "$WORK/jwt" --role "$1" --subject "$2"
}
admin=$(token_for admin bench-admin)
curl -sf -o /dev/null -X POST "$BASE/api/v1/physiotherapists" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d '{"subject":"bench-physio","displayName":"Bench Physiotherapist"}'
physio=$(token_for physio bench-physio)

# Patients through the API (registered by the physiotherapist, hence assigned to them).
for i in $(seq 1 "$PATIENTS"); do
  printf '{"displayName":"OST-%04d","timeZone":"Europe/Vienna"}\n' "$i"
done | while read -r body; do
  curl -sf -o /dev/null -X POST "$BASE/api/v1/patients" -H "Authorization: Bearer $physio" \
    -H 'Content-Type: application/json' -d "$body"
done

# Programs in force since before the seeded days (the API refuses backdated ones) and the days as
# the engine writes them, with steps that vary by patient and day.
"${PSQL[@]}" <<SQL
insert into program_version (patient_id, version, effective_from, components, author_role, author_subject,
                             reason, created_at)
select id, 1, current_date - $DAYS - 7,
       '[{"kind":"steps","stepsPerDay":7000,"daysPerWeek":5},{"kind":"impacts","minG":4.2,"count":20,"per":"day"}]'::jsonb,
       'physio', 'bench-physio', 'benchmark', now()
from patient;
insert into day_summary (patient_id, local_date, wear_minutes, enmo_mg, mvpa_minutes, mvpa_bouted_1_minutes,
                         mvpa_bouted_5_minutes, mvpa_bouted_10_minutes, steps, impacts_by_band, impacts_at_or_above,
                         osteogenic_index, daily_stress_stimulus, sedentary_minutes, longest_sedentary_bout_minutes,
                         resistance_sessions, relative_amplitude, rolling7_ra, rolling7_is, rolling7_iv, provenance,
                         computed_at)
select p.id, current_date - d, 600 + (abs(hashtext(p.id::text || d)) % 300), 30.5, 40, 35, 30, 25,
       2000 + (abs(hashtext(p.id::text || d || 's')) % 9000),
       '{"low": 500, "medium": 60, "high": 12}'::jsonb,
       jsonb_build_object('4.2', abs(hashtext(p.id::text || d || 'i')) % 40),
       40.2, 11.8, 480, 60, 0, 0.84, 0.87, 0.6, 0.7,
       '{"enmo": "van Hees 2014", "cutPoints": "hildebrand-wrist"}'::jsonb, now()
from patient p, generate_series(1, $DAYS) d;
analyze;
SQL
echo "seeded: $("${PSQL[@]}" -c 'select count(*) from patient') patients, $("${PSQL[@]}" -c 'select count(*) from day_summary') day_summary rows, $("${PSQL[@]}" -c 'select count(*) from program_version') program versions" >&2

link=$(curl -sf -X POST "$BASE/api/v1/console/sign-in-links" -H "Authorization: Bearer $physio" |
  sed -n 's/.*"path":"\([^"]*\)".*/\1/p')
curl -sf -o /dev/null -c "$WORK/cookies" "$BASE$link"
rows=$(curl -sf -b "$WORK/cookies" "$BASE/console" | grep -c 'data-patient-id=' || true)
[ "$rows" = "$PATIENTS" ] || { echo "the triage list shows $rows patients, not $PATIENTS" >&2; exit 1; }

# Two warm-up requests (class loading, caches), then the measured ones.
for _ in 1 2; do curl -sf -o /dev/null -b "$WORK/cookies" "$BASE/console"; done
for _ in $(seq 1 "$RUNS"); do
  curl -sf -o /dev/null -b "$WORK/cookies" -w '%{time_total}\n' "$BASE/console"
done >"$WORK/times"

sort -n "$WORK/times" | python3 -c "
import sys, math
t = [float(x) for x in sys.stdin]
n = len(t)
median = (t[(n - 1) // 2] + t[n // 2]) / 2
p95 = t[min(n - 1, math.ceil(0.95 * n) - 1)]
print(f'| $PATIENTS patients × $DAYS days | {n} | {median * 1000:.0f} ms | {p95 * 1000:.0f} ms | {t[0] * 1000:.0f} ms | {t[-1] * 1000:.0f} ms |')
"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)" >&2
