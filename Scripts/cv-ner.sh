#!/usr/bin/env bash
# Five-fold cross-validation of the whole entity recognizer (tagger and rules) on GUM train, as SOURCES.md
# describes: fold K trains on the GUM train documents with (index + 1 + K) mod 5 != 0 plus every --also file,
# then `entitygraph mentions --model` reads the held-out texts; the five folds' mentions are pooled and scored
# with score.py against gum-train/gold.jsonl. Two folds train at once (2 cores).
#
# Usage: Scripts/cv-ner.sh [train options: --also FILE ..., --epochs N, --bags N, --seed S, ...]
#   SHARED=../shared, BIN=.build/release/entitygraph
#   SEEDS="42 1 2 3"  cross-validate once per shuffling seed (train's --seed) and print each seed's summary
#                     line and their mean and spread: one figure moves with the seed alone (SOURCES.md), so
#                     compare changes over several seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
bin="${BIN:-.build/release/entitygraph}"
gum="$shared/eval/gum-train"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
fold() {
  local k="$1"; shift
  mkdir -p "$out/held$k"
  grep '^# doc = ' "$gum/train.conll" | sed 's/^# doc = //' | awk -v k="$k" '(NR + k) % 5 == 0' |
    while read -r id; do ln -sf "$(realpath "$gum/$id.txt")" "$out/held$k/$id.txt"; done
  "$bin" train --conll "$gum/train.conll" --holdout-every 5 --holdout-fold "$k" --out "$out/f$k.bin" "$@" \
    2>"$out/train$k.log"
  "$bin" mentions "$out/held$k" --model "$out/f$k.bin" --format jsonl >"$out/m$k.jsonl"
  grep 'held out' "$out/train$k.log" | sed "s/^/fold $k tagger alone: /"
}
# One cross-validation with the given train options; prints score.py's report.
crossValidate() {
  for k in 0 1 2 3 4; do
    fold "$k" "$@" &
    if (( k % 2 == 1 )); then wait; fi
  done
  wait
  cat "$out"/m?.jsonl >"$out/all.jsonl"
  python3 "$shared/eval/score.py" "$gum/gold.jsonl" "$out/all.jsonl"
}
if [[ -z "${SEEDS:-}" ]]; then
  crossValidate "$@"
  exit 0
fi
figures=()
for seed in $SEEDS; do
  line="$(crossValidate "$@" --seed "$seed" | tail -1)"
  echo "seed $seed: $line"
  figures+=("$(awk '{print $3}' <<<"$line")")
done
printf '%s\n' "${figures[@]}" | awk '
  { s += $1; if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1 }
  END { printf "micro-F1 exact over %d seeds: mean %.4f, lowest %.3f, highest %.3f\n", NR, s / NR, lo, hi }'
