#!/usr/bin/env bash
# Runs every fuzz target for a while (default 60 s each): `fuzz/run.sh [SECONDS]`.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); works on the stable toolchain because
# the targets are built without a sanitizer (RUSTC_BOOTSTRAP lets cargo-fuzz pass the
# coverage flags libFuzzer needs).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
export RUSTC_BOOTSTRAP=1
for target in article detect store config render; do
    mkdir -p "corpus/$target"
    echo "== $target: ${seconds}s"
    cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 2>&1 | tail -n 3
done
