#!/usr/bin/env bash
# Runs every benchmark of parley and says where the results are.
#
#   scripts/bench.sh                  # reader, store, detect, startup, corpus
#   scripts/bench.sh reader startup   # only those
#
# The criterion suites (reader, store, detect) measure process CPU time by default, so
# their figures hold on a shared machine; PARLEY_BENCH_CLOCK=wall measures elapsed time.
# PARLEY_BENCH_SIZES=5KB,1MB limits the reader suite to those sizes; the startup bench
# reads PARLEY_STARTUP_SIZES (in MB, default 0.005,1,10,50 here), PARLEY_STARTUP_RUNS
# and PARLEY_STARTUP_ROUNDS. Once built, the whole run takes 5–10 minutes on two cores.
set -euo pipefail

cd "$(dirname "$0")/.."
suites=("$@")
if [ ${#suites[@]} -eq 0 ]; then
    suites=(reader store detect startup corpus)
fi

out="target/bench-results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
touch "$out/.started" # criterion files newer than this are from this run

# what the figures were measured on
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cores: $(nproc)"
    echo "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p')"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "clock: ${PARLEY_BENCH_CLOCK:-cpu}"
} >"$out/machine.txt"
cat "$out/machine.txt"

# build first, so that compiling is not measured and a build error stops everything
cargo bench --no-run "${suites[@]/#/--bench=}"

for suite in "${suites[@]}"; do
    echo "== $suite"
    if [ "$suite" = startup ]; then
        PARLEY_STARTUP_SIZES="${PARLEY_STARTUP_SIZES:-0.005,1,10,50}" \
            cargo bench --bench startup 2>&1 | tee "$out/startup.txt"
    else
        cargo bench --bench "$suite" 2>&1 | tee "$out/$suite.txt"
    fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"

# one line per criterion benchmark: its id and median, from criterion's own files
medians="$out/medians.txt"
: >"$medians"
for suite in "${suites[@]}"; do
    [ -d "target/criterion/$suite" ] || continue
    find "target/criterion/$suite" -path '*/new/benchmark.json' -newer "$out/.started" | sort | while read -r bench; do
        id=$(sed -E 's/.*"full_id":"([^"]*)".*/\1/' "$bench")
        ns=$(sed -E 's/.*"median":\{"confidence_interval":\{[^}]*\},"point_estimate":([0-9.eE+-]+).*/\1/' \
            "${bench%benchmark.json}estimates.json")
        awk -v id="$id" -v ns="$ns" 'BEGIN {
            if (ns < 1e3) printf "%-48s %10.1f ns\n", id, ns;
            else if (ns < 1e6) printf "%-48s %10.1f µs\n", id, ns / 1e3;
            else if (ns < 1e9) printf "%-48s %10.1f ms\n", id, ns / 1e6;
            else printf "%-48s %10.2f s\n", id, ns / 1e9 }' >>"$medians"
    done
done

echo
echo "Results:"
echo "  $out/machine.txt       the machine, commit and load average"
echo "  $out/<suite>.txt       each suite's full output"
[ -s "$medians" ] && echo "  $medians        the median of every criterion benchmark"
[ -f "$out/startup.txt" ] && echo "  $out/startup.txt       first screen, peak memory and keystroke tables"
echo "  target/criterion/report/index.html   criterion's reports (compare runs with --save-baseline/--baseline)"
