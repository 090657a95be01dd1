#!/usr/bin/env bash
# `parley detect DIR --save` against `parley detect` on the same articles joined into one
# file, as whole processes in one hyperfine run (docs/PERFORMANCE.md, issue 19):
#
#   scripts/corpus_vs_joined.sh ARTICLES [PARLEY...]
#
# ARTICLES is a folder of .txt articles (e.g. PolNeAR's polnear-train/text); each PARLEY
# is a parley binary (target/release/parley by default), so that two builds can be
# compared in the same run. RUNS (default 10) and WARMUP (default 1) set hyperfine's
# counts; WORK (default target/corpus-vs-joined) is where the copies go.
#
# Every --save run gets a fresh copy of the folder, made before the timing starts and
# moved into place by hyperfine's --prepare (a rename), and the copy used before it is
# moved aside, not deleted: ext4 without a journal passes over the inodes deleted in the
# last minute when it makes a new file, which once took 60 % of such a run's CPU. The
# copies are removed at the end.
set -euo pipefail

articles=${1:?usage: scripts/corpus_vs_joined.sh ARTICLES [PARLEY...]}
shift
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=(target/release/parley)
runs=${RUNS:-10}
warmup=${WARMUP:-1}
work=${WORK:-target/corpus-vs-joined}
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$work"
mkdir -p "$work/fresh" "$work/used"
"$here/news_input.py" "$articles" "$work/joined.txt" --once
copies=$(( (runs + warmup) * ${#bins[@]} ))
for i in $(seq "$copies"); do
    mkdir "$work/fresh/$i"
    cp "$articles"/*.txt "$work/fresh/$i/"
done
sync
echo "copies made; waiting a minute so that no deletion is recent"
sleep 61

# the next fresh copy becomes $work/pn, the last one used goes aside (a script: hyperfine
# runs its commands without a shell here)
cat > "$work/next.sh" <<END
#!/usr/bin/env bash
set -e
if [ -d "$work/pn" ]; then mv "$work/pn" "$work/used/\$(date +%s%N)"; fi
mv "\$(ls -d "$work"/fresh/* | head -n 1)" "$work/pn"
END
chmod +x "$work/next.sh"
args=()
for b in "${bins[@]}"; do
    args+=(--prepare "$work/next.sh" -n "$b detect DIR --save" "$b detect $work/pn --save")
    args+=(--prepare true -n "$b detect joined.txt" "$b detect $work/joined.txt")
done
hyperfine -N -w "$warmup" -r "$runs" --output=null --export-json "$work/hyperfine.json" \
    "${args[@]}"
rm -rf "$work/fresh" "$work/used" "$work/pn"
