#!/usr/bin/env bash
# End-to-end latency benchmark: publish → stored → day event (SSE) → day visible over REST, with a
# live fleet of wrist devices; and the broker's bare delivery rate for the same stream, same run.
# Prints Markdown tables; see docs/benchmarks.md.
#   bench/latency.sh [-Ddevices=1000 (or a list: 100,1000) -Dwarmup=20 -Dmeasured=60 -Dsample=100]
#   bench/latency.sh -Dsweep=250,500,1000,1500,2000      # stops at the first step not sustained
#   any -Dosteon.engine.*=… is passed to the service (default: the service's own defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec java -Xmx2g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.osteon.bench.LatencyBenchmark
