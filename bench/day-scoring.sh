#!/usr/bin/env bash
# Scoring a 24-h hip day at 100 Hz with and without the estimated peak ground-reaction force
# (docs/benchmarks.md, "Scoring a day"). No database or broker. Arguments: rounds (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.osteon.engine.DayScoringBenchmark "$@"
