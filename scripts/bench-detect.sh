#!/usr/bin/env bash
# Benchmark (not a test): how long `detect` takes against 1,000 bases. Prints medians over 21 runs after 20 warm-up runs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B -pl generator exec:java -Dexec.mainClass=org.keizu.bench.DetectBenchmark -Dexec.classpathScope=test \
    -Dexec.args="$(pwd)/data/snapshots"
