#!/usr/bin/env bash
# Benchmark (not a test): search over a synthetic registry of 10,000 records, in headless Chromium.
# Needs Debian's chromium + chromium-driver, as the browser tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile -Dkeizu.npm.skip=true
mvn -q -B -pl generator exec:java -Dexec.mainClass=org.keizu.browser.SearchBenchmark -Dexec.classpathScope=test \
    -Dexec.args="${1:-10000}" -Dexec.workingdir="$(pwd)"
