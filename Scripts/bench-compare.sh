#!/usr/bin/env bash
# Speed of the whole extraction pipeline (`eg-bench extract --full`, every default stage) at this
# checkout and at an older commit, side by side in one run, each pinned to one core (issue 8's bar:
# at least 1.3x the words/s of 3f52372, peak memory no higher).
#
# Usage: Scripts/bench-compare.sh [OLD_COMMIT] [WORDS] [ROUNDS]     defaults: 3f52372 500000 2
#   TEXTS=DIR   the texts to repeat (default ../shared/eval/gum-train)
#   SCRATCH=DIR where the old commit is unpacked and built (default $TMPDIR/eg-bench-<commit>, kept
#               between runs so only the first run pays for the old build)
# The old commit is built from `git archive` into its own folder with its own .build, release mode.
# Figures: words per CPU second of the benchmark thread (immune to other processes on the machine),
# wall-clock words/s on one core, and the whole process's peak resident memory. Runs alternate
# old/new ROUNDS times; the best round of each is compared.
set -euo pipefail
cd "$(dirname "$0")/.."
old="$(git rev-parse --short "${1:-3f52372}")"
words="${2:-500000}"
rounds="${3:-2}"
texts="$(cd "${TEXTS:-../shared/eval/gum-train}" && pwd)"
scratch="${SCRATCH:-${TMPDIR:-/tmp}/eg-bench-$old}"
core="${BENCH_CORE:-0}"

if [ ! -f "$scratch/src/Package.swift" ]; then
  rm -rf "$scratch/src"
  mkdir -p "$scratch/src"
  git archive "$old" | tar -x -C "$scratch/src"
fi
echo "building eg-bench (release) at $old in $scratch/src and at the working tree ..." >&2
swift build -c release --product eg-bench --package-path "$scratch/src" >"$scratch/build.log" 2>&1 \
  || { tail -20 "$scratch/build.log" >&2; exit 1; }
swift build -c release --product eg-bench >"$scratch/build-new.log" 2>&1 || { tail -20 "$scratch/build-new.log" >&2; exit 1; }
old_bin="$scratch/src/.build/release/eg-bench"
new_bin=".build/release/eg-bench"

run() { # binary -> "cpu_words_per_s wall_words_per_s peak_kb"
  local out
  out="$(taskset -c "$core" /usr/bin/time -f 'PEAK %M' "$1" extract --full --no-hostile --texts "$texts" --words "$words" 2>&1)"
  local cpu wall peak
  cpu="$(echo "$out" | awk '/words per CPU second/ { for (i = 1; i <= NF; i++) if ($i == "words") { print $(i - 1); exit } }')"
  wall="$(echo "$out" | awk '/^1 core/ { for (i = 1; i <= NF; i++) if ($i == "words/s") { print $(i - 1); exit } }')"
  peak="$(echo "$out" | awk '/^PEAK/ { print $2 }')"
  echo "$cpu $wall $peak"
}

best_old=(0 0 0); best_new=(0 0 0)
for r in $(seq "$rounds"); do
  read -r -a o <<<"$(run "$old_bin")"
  read -r -a n <<<"$(run "$new_bin")"
  echo "round $r: $old ${o[0]} words/CPU-s, $(git rev-parse --short HEAD) ${n[0]} words/CPU-s" >&2
  if awk -v a="${o[0]}" -v b="${best_old[0]}" 'BEGIN { exit !(a > b) }'; then best_old=("${o[@]}"); fi
  if awk -v a="${n[0]}" -v b="${best_new[0]}" 'BEGIN { exit !(a > b) }'; then best_new=("${n[@]}"); fi
done

head="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources || echo '+changes')"
echo "eg-bench extract --full, $words words of $(basename "$texts") repeated, one core (taskset -c $core), best of $rounds"
printf '%-22s %16s %16s %14s\n' "build" "words/CPU-s" "words/s (wall)" "peak memory"
printf '%-22s %16.0f %16.0f %11.0f MB\n' "$old (old)" "${best_old[0]}" "${best_old[1]}" "$(echo "${best_old[2]} / 1024" | bc -l)"
printf '%-22s %16.0f %16.0f %11.0f MB\n' "$head (new)" "${best_new[0]}" "${best_new[1]}" "$(echo "${best_new[2]} / 1024" | bc -l)"
awk -v a="${best_old[0]}" -v b="${best_new[0]}" -v c="${best_old[1]}" -v d="${best_new[1]}" -v p="${best_old[2]}" -v q="${best_new[2]}" \
  'BEGIN { printf "ratio new/old: %.2fx words/CPU-s, %.2fx words/s (bar: >= 1.3x), peak memory %.2fx (bar: <= 1.0x)\n", b / a, d / c, q / p }'
