#!/usr/bin/env bash
# Ingest benchmark: Osteon's persisted rate against the broker's bare delivery rate, same
# payloads, same run. Prints a Markdown table; see docs/benchmarks.md.
#   bench/ingest.sh [-Ddevices=200 -Dseconds=100 -Dhours=24]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx4g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.osteon.bench.IngestBenchmark
