#!/usr/bin/env bash
# Times the demo's first minutes at a chosen hour: runs ./osteon run under libfaketime (Debian
# faketime) shifted so that it starts at INSTANT, on a fresh demo database, and prints every
# ~10 s what a physiotherapist would see: the alert kinds, each patient's last-week adherence and
# current-week status, and the steady patient's newest day (wear, impacts by band, MVPA).
#
#   bench/demo-at-hour.sh "2026-12-05 00:09:00" [SECONDS]
#
# It DROPS the demo's own database (osteon) first, as a fresh clone would have none, and stops the
# demo after SECONDS (default 200). PostgreSQL's clock is not shifted: ingest stamps receipts with
# it, so a run shifted by hours judges alerts against receipts hours off (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
instant=$1
seconds=${2:-200}
command -v faketime >/dev/null || { echo "needs faketime (apt-get install faketime)" >&2; exit 2; }
log=$(mktemp)
offset=$(( $(date -u -d "$instant" +%s) - $(date -u +%s) ))
if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- psql -qc "drop database if exists osteon with (force)"
else sudo -u postgres psql -qc "drop database if exists osteon with (force)"; fi >/dev/null
start=$(date +%s)
timeout $((seconds + 120)) faketime -f "+${offset}s" ./osteon run >"$log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null; pkill -f quarkus-run.jar 2>/dev/null; pkill -f SimulatorCommand 2>/dev/null; rm -f "$log"' EXIT
token=""
until [ -n "$token" ]; do
  sleep 1
  kill -0 $demo 2>/dev/null || { cat "$log"; exit 1; }
  token=$(grep -o 'Swagger UI): .*' "$log" | cut -d' ' -f3 || true)
done
echo "demo at $instant: token printed after $(( $(date +%s) - start )) s"
get() { curl -s -H "Authorization: Bearer $token" "http://localhost:8080$1"; }
while [ $(( $(date +%s) - start )) -lt "$seconds" ]; do
  sleep 10
  alerts=$(get /api/v1/alerts | python3 -c 'import json,sys; print(sorted({a["rule"] for a in json.load(sys.stdin)["items"]}))')
  roster=$(get /api/v1/physiotherapists/me/patients)
  weeks=$(python3 -c 'import json,sys; print([(i["displayName"], i["lastWeekAdherence"], i["currentWeekStatus"]) for i in json.load(sys.stdin)["items"]])' <<<"$roster")
  steady=$(python3 -c 'import json,sys; print(next(i["patientId"] for i in json.load(sys.stdin)["items"] if "steady" in i["displayName"]))' <<<"$roster")
  day=$(get "/api/v1/patients/$steady/days" | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(x["date"], x["wearHours"], x["impactsByBand"], x["mvpaMinutes"]) for x in d[-1:]])')
  echo "[$(( $(date +%s) - start )) s] alerts=$alerts weeks=$weeks newest day of the steady patient=$day"
done
