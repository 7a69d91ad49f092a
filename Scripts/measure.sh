#!/usr/bin/env bash
# Prints the quality figures of the closing note. Needs the team's shared folder (default ../shared).
# Usage: Scripts/measure.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
swift build -c release --product entitygraph >/dev/null
bin=.build/release/entitygraph
tmp=$(mktemp -d)

echo "== GUM dev: entity mentions (score.py)"
$bin mentions "$shared/eval/gum-dev" > "$tmp/dev.jsonl"
python3 "$shared/eval/score.py" "$shared/eval/gum-dev/gold.jsonl" "$tmp/dev.jsonl" | tail -n 25

echo "== Seed article (check.py on a fresh build of seeds/)"
$bin build seeds --out "$tmp/seed" --format json 2>/dev/null
python3 "$shared/seed-gold/check.py" "$tmp/seed/graph.json" | tail -n 12

for set in heldout heldout-blind; do
  echo "== Speaker-country pairs on Tests/ExtractionTests/Fixtures/$set"
  mkdir -p "$tmp/$set-txt"
  cp Tests/ExtractionTests/Fixtures/$set/*.txt "$tmp/$set-txt/"
  $bin build "$tmp/$set-txt" --out "$tmp/$set" --format json 2>/dev/null
  python3 Scripts/score-speakers.py "$tmp/$set/graph.json" --gold-dir Tests/ExtractionTests/Fixtures/$set | tail -n 3
done
rm -rf "$tmp"
