#!/usr/bin/env bash
# Benchmark (not a test): how long `keizu serve` takes to rebuild the real registry after a
# one-record edit. Clones the repository into a temporary folder (its history included, so the
# version pages are built too; your own data/ is never touched), starts serve on a free port,
# renames one record EDITS times (a few warm-up edits first), and prints each rebuild's summary
# and the median. Needs the jar: mvn -q -o package -DskipTests -Dkeizu.site.skip=true
# usage: scripts/bench-serve.sh [RECORD-ID] [EDITS] [WARM-UP]
set -euo pipefail
cd "$(dirname "$0")/.."
record=${1:-allam-7b}
edits=${2:-11}
warmup=${3:-3}
jar=$(pwd)/generator/target/keizu.jar
work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
git clone -q . "$work/repo"
cd "$work/repo"
file=data/models/$record.yaml
cp "$file" "$work/original.yaml"
java -jar "$jar" serve --port 0 --out "$work/site" >"$work/out" 2>"$work/err" &
pid=$!
until grep -q '^serving' "$work/out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/err"; exit 1; }
    sleep 0.5
done
grep '^rebuilt' "$work/err" | sed 's/^/first build: /'
for i in $(seq 1 $((warmup + edits))); do
    before=$(grep -c '^rebuilt\|error(s)' "$work/err" || true)
    sed "s/^name: \(.*\)$/name: \1 (edit $i)/" "$work/original.yaml" >"$work/edited.yaml"
    cp "$work/edited.yaml" "$file"
    until [ "$(grep -c '^rebuilt\|error(s)' "$work/err" || true)" -gt "$before" ]; do sleep 0.1; done
    line=$(grep '^rebuilt\|error(s)' "$work/err" | tail -1)
    if [ "$i" -le "$warmup" ]; then echo "warm-up: $line"; else echo "edit: $line"; fi
    sleep 0.5
done
grep '^rebuilt' "$work/err" | tail -n "$edits" | sed 's/.* in \([0-9]*\) ms.*/\1/' | sort -n |
    awk '{ t[NR] = $1 } END { printf "median of %d one-record edits: %d ms\n", NR, (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
