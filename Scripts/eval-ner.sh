#!/usr/bin/env bash
# Scores the entity recognizer: GUM dev (score.py) and the seed article (seed-gold/check.py).
# Usage: Scripts/eval-ner.sh [SHARED_DIR]   (default: ../shared next to the checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
scratch="${SCRATCH:-.build}"
swift build -c release --scratch-path "$scratch" --product entitygraph >/dev/null
bin="$scratch/release/entitygraph"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" mentions "$shared/eval/gum-dev" --format jsonl >"$out/dev.jsonl"
echo "== gum-dev (python3 $shared/eval/score.py)"
python3 "$shared/eval/score.py" "$shared/eval/gum-dev/gold.jsonl" "$out/dev.jsonl"
"$bin" build "$shared/seeds" --out "$out/seeds" --format json 2>/dev/null
echo "== seed article (python3 $shared/seed-gold/check.py)"
python3 "$shared/seed-gold/check.py" "$out/seeds/graph.json" | sed -n '1,12p'
