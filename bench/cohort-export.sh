#!/usr/bin/env bash
# The cohort export's memory: seeds a database of its own (osteon_bench_cohort, dropped and made
# again) with PATIENTS patients x DAYS scored days (each with a provenance of the size the engine
# writes), starts the packaged service on it with a small heap (-Xmx$HEAP), and streams
# GET /api/v1/cohort/days as the study role to a file while jstat samples the service's heap
# every 100 ms. Prints the export's size and time and the heap in use before and at most during it.
#
#   bench/cohort-export.sh [PATIENTS=200] [DAYS=90] [HEAP=128m]
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-200}
days=${2:-90}
heap=${3:-128m}
db=osteon_bench_cohort
port=8098
keys=$(mktemp -d)
psqlp() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- psql -q "$@"; else sudo -u postgres psql -q "$@"; fi; }
psqlp -c "drop database if exists $db with (force)" -c "create database $db owner osteon" >/dev/null
psqlp -d $db -c "alter schema public owner to osteon" >/dev/null
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
log=$(mktemp)
out=$(mktemp)
samples=$(mktemp)
java -Xmx"$heap" -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db -Dquarkus.http.port=$port \
  -Dosteon.auth.local-key-dir="$keys" -Dosteon.ingest.client-id=osteon-bench-cohort \
  -Dosteon.ingest.topic-root=bench-cohort/v1/devices -Dosteon.alerts.every=off \
  -Dosteon.interop.cohort-pseudonym-key=bench-key \
  -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; rm -rf "$keys" "$log" "$out" "$samples"' EXIT
until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do
  kill -0 $service 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
# A provenance of about the size the engine writes (algorithms, versions, parameters).
provenance=$(python3 -c 'import json; print(json.dumps({"algorithm": "osteon-day", "version": "1", "parameters": {("p%02d" % i): "x" * 30 for i in range(40)}}))')
psqlp -d $db <<SQL
insert into patient (id, display_name, time_zone, created_at)
  select md5('p' || i)::uuid, 'Patient ' || lpad(i::text, 4, '0'), 'Europe/Vienna', now() - interval '120 days'
  from generate_series(1, $patients) i;
insert into day_summary (patient_id, local_date, wear_minutes, enmo_mg, mvpa_minutes, mvpa_bouted_1_minutes,
    mvpa_bouted_5_minutes, mvpa_bouted_10_minutes, steps, impacts_by_band, impacts_at_or_above, osteogenic_index,
    daily_stress_stimulus, sedentary_minutes, longest_sedentary_bout_minutes, resistance_sessions, provenance,
    computed_at)
  select md5('p' || i)::uuid, current_date - d, 600 + (i * 7 + d * 13) % 300, 25.5, (i + d) % 45, 20, 15, 10,
    3000 + (i * 31 + d * 17) % 8000, '{"low": 500, "medium": 60, "high": 12}',
    '{"1.3": 4410, "2.0": 900, "3.0": 120, "4.2": 31}', 40.2, 11.8, 480, 95, 0, '$provenance'::jsonb, now()
  from generate_series(1, $patients) i, generate_series(1, $days) d;
analyze;
SQL
token=$(java -cp target/classes org.osteon.auth.TokenCommand --key-dir "$keys" --role study --subject bench-study)
heap_used() { jstat -gc "$service" | awk 'NR==2 { printf "%.1f", ($3 + $4 + $6 + $8) / 1024 }'; }
for _ in 1 2 3; do # warm-up: the first exports pay for loading and compiling the code
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/cohort/days?from=$(date -u -d "-$days days" +%F)"
done
jcmd "$service" GC.run >/dev/null
before=$(heap_used)
( while kill -0 $service 2>/dev/null; do heap_used >>"$samples"; echo >>"$samples"; sleep 0.1; done ) &
sampler=$!
start=$(date +%s.%N)
curl -sf -o "$out" -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/cohort/days?from=$(date -u -d "-$days days" +%F)"
end=$(date +%s.%N)
kill $sampler 2>/dev/null || true
bytes=$(stat -c %s "$out")
lines=$(grep -c '"type":"day"' "$out")
last=$(tail -n 1 "$out")
max=$(sort -n "$samples" | tail -n 1)
awk -v b="$bytes" -v l="$lines" -v s="$start" -v e="$end" -v before="$before" -v max="$max" -v heap="$heap" \
  -v p="$patients" -v d="$days" 'BEGIN {
  printf "| %d x %d | %d | %.1f MB | %.2f s | %.0f days/s | %s | %.1f MB | %.1f MB |\n",
    p, d, l, b / 1e6, e - s, l / (e - s), heap, before, max }'
echo "last line: $last"
