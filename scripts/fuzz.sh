#!/usr/bin/env bash
# Fuzzes every target of HostileInputFuzzTest for real (10 minutes each, as its @FuzzTest says),
# two at a time, then prints executions, corpus size and findings per target.
# Inputs that break a target are written by Jazzer beside the seeds, under
# generator/src/test/resources/org/keizu/fuzz/HostileInputFuzzTestInputs/<target>/, so that every
# later `mvn verify` replays them; commit them with the fix.
# Usage: scripts/fuzz.sh [target ...]   (default: all eight)
set -uo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(recordLoading plainYaml markdown idsToPaths csvCells jsonOutput configNormalisation findingFormatting)
logs=generator/target/fuzz
mkdir -p "$logs"
mvn -q -o test-compile >/dev/null || mvn -q test-compile
export JAZZER_FUZZ=1
# Without this only the test's own package is instrumented (research/stack.md).
export JAZZER_INSTRUMENTATION_INCLUDES='org.keizu.**:com.fasterxml.**:org.yaml.**:org.jsoup.**:org.commonmark.**:com.networknt.**'

fuzz() {
  # Surefire's default execution only: -Dtest would otherwise make the 512 MB execution fuzz again.
  mvn -o surefire:test@default-test -Dtest="HostileInputFuzzTest#$1" -Dsurefire.failIfNoSpecifiedTests=false \
      >"$logs/$1.log" 2>&1
  echo "$1 exit $?" >>"$logs/status"
}
rm -f "$logs/status"
running=0
for t in "${targets[@]}"; do
  fuzz "$t" &
  running=$((running + 1))
  if [ "$running" -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait

printf '%-22s %14s %10s %s\n' target executions corpus result
for t in "${targets[@]}"; do
  execs=$(grep -oE 'Done [0-9]+ runs' "$logs/$t.log" | tail -1 | tr -dc '0-9')
  corpus=$(find ".cifuzz-corpus/org.keizu.fuzz.HostileInputFuzzTest/$t" -type f 2>/dev/null | wc -l)
  result=$(grep -qx "$t exit 0" "$logs/status" && echo "no finding" || echo "FINDING: see $logs/$t.log")
  printf '%-22s %14s %10s %s\n' "$t" "${execs:-?}" "$corpus" "$result"
done
