#!/usr/bin/env bash
# Time and peak memory of the whole `build --format json` process on each hostile shape at 1, 2, 4 and 8 MB
# (seconds per MB must stay flat within 1.5×), then peak memory on a 20 MB input of each shape (bar: under
# 300 MB). N MB means N MiB, so "20" is 21 MB, past the default 20 MB input limit, which the script raises.
# Release build. Usage: Scripts/bench-hostile.sh [SIZES] [BIG_MB]   e.g. Scripts/bench-hostile.sh "1 2 4 8" 20
# SHAPES="one-line-mix article" limits the shapes. OLD_BIN=PATH also runs an older entitygraph binary on the
# same inputs, right after the new one, and prints its figures beside them ("old: …").
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-1 2 4 8}"
big="${2:-20}"
swift build -c release --product entitygraph >/dev/null
bin=.build/release/entitygraph
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shapes="${SHAPES:-$(python3 Scripts/hostile-text.py --list)}"

run() { # shape MB [binary] -> "seconds peakMB graphMB" (the input is written once per shape and size)
  local shape="$1" mb="$2" exe="${3:-$bin}"
  [ "$exe" != "$bin" ] || python3 Scripts/hostile-text.py "$shape" "$mb" "$work/in.txt"
  rm -rf "$work/out"
  /usr/bin/time -f '%e %M' -o "$work/time" "$exe" build "$work/in.txt" --out "$work/out" --format json --max-file-size 25000000 >/dev/null 2>"$work/err" \
    || { echo "FAILED($(tail -1 "$work/err"))"; return; }
  read -r secs kb <"$work/time"
  local json=0
  [ -f "$work/out/graph.json" ] && json=$(stat -c %s "$work/out/graph.json")
  awk -v s="$secs" -v k="$kb" -v j="$json" -v mb="$mb" \
    'BEGIN { printf "%6.2f s/MB %5.0f MB peak %5.1f MB json", s / mb, k / 1024, j / 1048576 }'
}

echo "build --format json, whole process, release ($(git rev-parse --short HEAD)); s/MB flat within 1.5x, peak < 300 MB"
for shape in $shapes; do
  line="$(printf '%-18s' "$shape")"
  rates=()
  for mb in $sizes; do
    r="$(run "$shape" "$mb")"
    line+=" | ${mb} MB ${r}"
    [ -z "${OLD_BIN:-}" ] || line+=" (old: $(run "$shape" "$mb" "$OLD_BIN"))"
    rates+=("$(echo "$r" | awk '{print $1}')")
  done
  spread=$(printf '%s\n' "${rates[@]}" | awk 'NR==1{mn=$1;mx=$1} {if($1<mn)mn=$1; if($1>mx)mx=$1} END{ if (mn > 0) printf "%.2f", mx/mn; else print "n/a"}')
  echo "$line | spread ${spread}x"
done
if [ "$big" != "0" ]; then
  for shape in $shapes; do
    echo "$(printf '%-18s' "$shape") ${big} MB: $(run "$shape" "$big")${OLD_BIN:+ (old: $(run "$shape" "$big" "$OLD_BIN"))}"
  done
fi
