#!/usr/bin/env bash
# The reads apps make, under load: seeds a database of its own with PATIENTS patients x DAYS
# scored days (physiotherapists with 500 patients each), starts the packaged service on it and
# sends each kind of request at a fixed rate (open loop: latency from the scheduled instant).
# Prints a Markdown table; see docs/benchmarks.md, "Reads under load".
#   -Dchurn=N announces N days scored a second (random patients, today) while each kind runs
#   -Djfr=FILE records the service with Java Flight Recorder; -Ddump=PREFIX writes each request's latency to PREFIX-RATE.csv; -Dosteon.*=… and -Dquarkus.*=… go to the service
#   bench/reads.sh [-Dpatients=10000 -Ddays=365 -DperPhysio=500 -Dwarmup=10 -Dmeasured=30
#                   -Dkinds=adherence:2000,days:500,roster:10]  kinds: adherence (last week), current (this week), days, roster
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.osteon.bench.ReadBenchmark
