#!/usr/bin/env bash
# Benchmark (not a test): Keizu against Hugo + Pagefind on the same synthetic registry, in one run.
# For each size N it generates N model records and the equivalent Hugo site (SyntheticSites), then
# builds each RUNS times into a fresh folder and prints the median wall time and peak memory
# (resident set of the largest process, GNU time's %M) and the ratios:
#   full build with search   keizu build            vs  hugo && pagefind
#   site alone               keizu build --no-search vs  hugo
# plus the site alone under a 512 MB heap, `keizu validate` alone, `keizu detect` of one config
# (each through scripts/keizu, as the README runs Keizu, and validate and detect with java -jar too),
# and, up to SERVE_MAX records (default 10000), `keizu serve` after a one-record edit: when the
# edited record's page is written (serve's "showing" line) and when the whole site is.
# Each run writes into a fresh folder. The sites are written to a memory file system (tmpfs:
# /dev/shm, or BENCH_OUT) when one has room (16 GB), the previous run's site deleted before each
# run: on a disk with ext4 without a journal, creating files after deleting many costs several
# times more for minutes (the allocator skips, one by one, inodes freed in the last 60 s, or 360 s
# while their table's block is not written back), which charged each tool for the clean-up of the
# runs before it. Set BENCH_OUT=disk to write beside the synthetic registry instead: there the
# folders of earlier runs are moved aside and deleted only after the last run of a size, and the
# script syncs and waits 65 s before the next size.
# Installs Hugo from Debian if missing. Needs node_modules (npm ci); builds the jar.
# usage: scripts/bench-build.sh [RUNS] [N ...]      (default: 3 runs at 1000 10000 30000)
#        LARGE_RUNS=1 scripts/bench-build.sh 3 ...   (RUNS at N < 30000, LARGE_RUNS at N >= 30000)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${1:-3}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 30000)

command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
# Pagefind is the yardstick's search index (Keizu writes its own): installed here, pinned, for Hugo's site.
pagefind_home=$repo/generator/target/bench-pagefind
[ -x "$pagefind_home/node_modules/.bin/pagefind" ] ||
    npm install --prefix "$pagefind_home" --no-audit --no-fund --no-save pagefind@1.6.0 >/dev/null
mvn -q -B -f generator/pom.xml package -DskipTests -Dkeizu.site.skip=true -Dkeizu.npm.skip=true
mvn -q -B -f generator/pom.xml dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$repo/generator/target/bench-classpath.txt" >/dev/null
classpath="$repo/generator/target/test-classes:$repo/generator/target/classes:$(cat generator/target/bench-classpath.txt)"
jar=$repo/generator/target/keizu.jar
# Keizu as its README runs it: the launcher picks the JVM settings per command (class-data archive,
# first JIT tier for the quick commands; for build a 640 MB heap, the serial collector and less
# inlining). `java -jar` figures for validate and detect are printed too, and the 512 MB build runs
# the jar directly.
keizu=$repo/scripts/keizu
pagefind=$pagefind_home/node_modules/.bin/pagefind

# median of the numbers on standard input
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# The folder the built sites go to: a tmpfs with room, unless BENCH_OUT names another or is "disk".
memory_folder() {
    local folder=${BENCH_OUT:-/dev/shm}
    [ "$folder" != disk ] && [ -d "$folder" ] && [ "$(df --output=avail -k "$folder" | tail -1)" -ge 16000000 ] &&
        echo "$folder"
}
shm=$(memory_folder || true)
# A site left in memory by an interrupted run would hold the machine's memory until a reboot.
trap 'if [ -n "${outs:-}" ] && [ "$outs" != "${work:-}" ]; then rm -rf "$outs"; fi' EXIT

echo "bench-build: $runs runs per figure at N = ${sizes[*]} (${LARGE_RUNS:-$runs} at N >= 30000); $(nproc) cores; $(java -version 2>&1 | head -1); $(hugo version | cut -d' ' -f1-2); pagefind $("$pagefind" --version | cut -d' ' -f2); sites written to ${shm:-the disk}"

# measure LABEL DIR OUT COMMAND...: runs COMMAND in DIR RUNS times, the site of the run before
# deleted (on a tmpfs) or moved aside (on a disk) first, never while anything is timed; sets wall
# (s) and rss (MB) to the medians.
measure() {
    local label=$1 dir=$2 out=$3
    shift 3
    local times=() mems=()
    for _ in $(seq 1 "$runs"); do
        if [ -e "$out" ]; then
            if [ "$outs" = "$work" ]; then mv "$out" "$(mktemp -d "$work/trash/XXXXXX")/"; else rm -rf "$out"; fi
        fi
        if ! (cd "$dir" && /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/log" 2>&1); then
            printf '  %-34s FAILED: %s\n' "$label" "$(grep -v '^\s*at ' "$work/log" | tail -3 | tr '\n' ' ')"
            wall=0 rss=0
            return 0
        fi
        read -r t m <"$work/time"
        times+=("$t")
        mems+=("$m")
    done
    wall=$(printf '%s\n' "${times[@]}" | median)
    rss=$(printf '%s\n' "${mems[@]}" | median | awk '{printf "%.0f", $1/1024}')
    printf '  %-34s median %7.2f s  %6d MB   (runs: %s s)\n' "$label" "$wall" "$rss" "${times[*]}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

# serve_edit DIR: starts keizu serve over DIR's data, edits one record EDITS times (waiting for each
# rebuild to end) and sets shown_ms and rebuilt_ms to the medians of the times serve reports: its
# "showing <page> N ms after the save" line (the edited record's pages written, the open page
# reloaded; counted from the first change the watcher saw, so its wait for the save to end is in) and
# its "rebuilt N files in M ms" line (the whole site). The first edit is a warm-up.
serve_edit() {
    local dir=$1 edits=5 pid
    (cd "$dir" && exec "$keizu" serve --port 0 --out "$outs/serve-site" >"$work/serve.out" 2>"$work/serve.err") &
    pid=$!
    until grep -q '^serving' "$work/serve.out" 2>/dev/null; do sleep 1; done
    local file
    file=$(find "$dir/data/models" -name 'synthetic-*.yaml' | sort | sed -n 1p) # not head, whose early exit fails the pipeline
    cp "$file" "$work/original.yaml"
    local i before
    for i in $(seq 0 "$edits"); do
        before=$(grep -c '^rebuilt' "$work/serve.err" || true)
        sed "s/^name: \(.*\)$/name: \1 (edit $i)/" "$work/original.yaml" >"$file"
        until [ "$(grep -c '^rebuilt' "$work/serve.err" || true)" -gt "$before" ]; do sleep 0.1; done
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    cp "$work/original.yaml" "$file"
    shown_ms=$(grep '^showing' "$work/serve.err" | tail -n "$edits" | grep -o '[0-9]* ms after the save' | awk '{print $1}' | median)
    rebuilt_ms=$(grep '^rebuilt' "$work/serve.err" | tail -n "$edits" | grep -o 'in [0-9]* ms' | awk '{print $2}' | median)
}

all_runs=$runs
for n in "${sizes[@]}"; do
    runs=$all_runs
    if [ "$n" -ge 30000 ]; then runs=${LARGE_RUNS:-$all_runs}; fi
    work=$(mktemp -d)
    mkdir "$work/trash"
    outs=$work
    if [ -n "$shm" ]; then outs=$(mktemp -d "$shm/keizu-bench.XXXXXX"); fi
    java -cp "$classpath" org.keizu.bench.SyntheticSites "$n" "$work" >/dev/null
    cp -r templates "$work/keizu/templates"
    pages=$(find "$work/keizu/data/models" -name '*.yaml' | wc -l)
    echo
    echo "N = $n synthetic models ($pages records with the real ones)"

    measure "keizu build (with search)" "$work/keizu" "$outs/out-keizu" \
        "$keizu" build --out "$outs/out-keizu" --as-of 2026-11-30
    kf_wall=$wall kf_rss=$rss
    files_keizu=$(find "$outs/out-keizu" -type f | wc -l)
    largest=$(find "$outs/out-keizu" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
    over=$(find "$outs/out-keizu" -name '*.html' -size +200000c | wc -l)
    measure "hugo && pagefind" "$work/hugo" "$outs/out-hugo" \
        sh -c "hugo --quiet -d '$outs/out-hugo' && '$pagefind' --site '$outs/out-hugo' --quiet"
    hf_wall=$wall hf_rss=$rss
    files_hugo=$(find "$outs/out-hugo" -type f | wc -l)
    measure "keizu build --no-search" "$work/keizu" "$outs/out-keizu" \
        "$keizu" build --out "$outs/out-keizu" --no-search --as-of 2026-11-30
    ks_wall=$wall ks_rss=$rss
    measure "hugo" "$work/hugo" "$outs/out-hugo" hugo --quiet -d "$outs/out-hugo"
    hs_wall=$wall hs_rss=$rss
    measure "keizu build --no-search, -Xmx512m" "$work/keizu" "$outs/out-keizu" \
        java -Xmx512m -jar "$jar" build --out "$outs/out-keizu" --no-search --as-of 2026-11-30
    measure "keizu validate" "$work/keizu" "$work/none" "$keizu" validate
    measure "keizu detect (one config)" "$work/keizu" "$work/none" \
        "$keizu" detect data/snapshots/deepseek-ai/DeepSeek-R1/*/config.json
    measure "java -jar keizu.jar validate" "$work/keizu" "$work/none" java -jar "$jar" validate
    measure "java -jar keizu.jar detect" "$work/keizu" "$work/none" \
        java -jar "$jar" detect data/snapshots/deepseek-ai/DeepSeek-R1/*/config.json

    if [ "$n" -le "${SERVE_MAX:-10000}" ]; then
        serve_edit "$work/keizu"
        echo "  keizu serve, one-record edit (medians of 5 after a warm-up): its page shown after $shown_ms ms, the whole site rebuilt after $rebuilt_ms ms"
    fi
    echo "  files: keizu $files_keizu, hugo $files_hugo; largest keizu page: $largest ($over pages over 200,000 bytes)"
    echo "  ratio full build with search, keizu / (hugo + pagefind): wall $(ratio "$kf_wall" "$hf_wall")x, peak memory $(ratio "$kf_rss" "$hf_rss")x"
    echo "  ratio site alone, keizu --no-search / hugo:             wall $(ratio "$ks_wall" "$hs_wall")x, peak memory $(ratio "$ks_rss" "$hs_rss")x"
    rm -rf "$work"
    if [ "$outs" = "$work" ]; then
        sync
        sleep 65
    else
        rm -rf "$outs"
    fi
done
