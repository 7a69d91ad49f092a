#!/usr/bin/env bash
# Rebuilds the bundled relation model (Sources/Extraction/Resources/relation-model.bin) the way SOURCES.md
# describes, cross-fitted: the bundled tagger was trained on CoNLL04 and CrossRE train, so on those sentences
# its mentions are near-perfect; the relation model must learn (and choose its thresholds) from mentions as good
# as unseen news gets. So five fold taggers are trained, tagger K on GUM train plus the relation sentences NOT in
# fold K (sentence i, counted over conll04-train then crossre-news-train, is in fold i mod 5), and
# `entitygraph train-relations --fold-tagger` analyses each sentence with the tagger that never saw it.
# The converted sentences stay in a temporary folder outside the checkout (licence: training only).
#
# Usage: Scripts/train-relation-model.sh [OUT] [train-relations options…]
#        (SHARED=../shared, BIN=.build/release/entitygraph; OUT defaults to the bundled model; --cv-only to measure)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
bin="${BIN:-.build/release/entitygraph}"
out="${1:-Sources/Extraction/Resources/relation-model.bin}"
shift || true
rel="$shared/eval/relations"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
conll04="$rel/conll04-train/gold.jsonl"
crossre="$rel/crossre-news-train/gold.jsonl"
offset="$(grep -c . "$conll04")"
taggers=()
for k in 0 1 2 3 4; do
  python3 Scripts/spans-to-conll.py "$conll04" "$tmp/c$k.conll" conll04- --skip-fold "$k/5"
  python3 Scripts/spans-to-conll.py "$crossre" "$tmp/x$k.conll" crossre- --skip-fold "$k/5" --offset "$offset"
  # The bundled tagger's recipe (SOURCES.md): nine bags, seed 2.
  "$bin" train --conll "$shared/eval/gum-train/train.conll" --also "$tmp/c$k.conll" --also "$tmp/x$k.conll" \
    --bags 9 --seed 2 --out "$tmp/t$k.bin" 2>"$tmp/train$k.log"
  taggers+=(--fold-tagger "$tmp/t$k.bin")
done
# With --cv-only, train-relations prints the figures and writes nothing to --out.
"$bin" train-relations --conll04 "$rel/conll04-train" --crossre "$rel/crossre-news-train" --folds 5 \
  "${taggers[@]}" --out "$out" "$@"
