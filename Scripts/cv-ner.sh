#!/usr/bin/env bash
# Five-fold cross-validation of the whole entity recognizer (tagger and rules) on GUM train, as SOURCES.md
# describes: fold K trains on the GUM train documents with (index + 1 + K) mod 5 != 0 plus every --also file,
# then `entitygraph mentions --model` reads the held-out texts; the five folds' mentions are pooled and scored
# with score.py against gum-train/gold.jsonl. Two folds train at once (2 cores).
#
# Usage: Scripts/cv-ner.sh [--also FILE ...] [--epochs N]     (SHARED=../shared, BIN=.build/release/entitygraph)
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
    while read -r id; do ln -s "$(realpath "$gum/$id.txt")" "$out/held$k/$id.txt"; done
  "$bin" train --conll "$gum/train.conll" --holdout-every 5 --holdout-fold "$k" --out "$out/f$k.bin" "$@" \
    2>"$out/train$k.log"
  "$bin" mentions "$out/held$k" --model "$out/f$k.bin" --format jsonl >"$out/m$k.jsonl"
  grep 'held out' "$out/train$k.log" | sed "s/^/fold $k tagger alone: /"
}
for k in 0 1 2 3 4; do
  fold "$k" "$@" &
  if (( k % 2 == 1 )); then wait; fi
done
wait
cat "$out"/m?.jsonl >"$out/all.jsonl"
python3 "$shared/eval/score.py" "$gum/gold.jsonl" "$out/all.jsonl"
