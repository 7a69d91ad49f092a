#!/usr/bin/env bash
# Benchmark: `entitygraph quotes` beside `entitygraph build --format json` on the same folder of N articles
# (default 1,000), release build, one run each, printed side by side. The articles are the project's own
# texts (seeds/ and the invented speech fixtures), each copy with its own file name so every one is analysed.
# Usage: Scripts/bench-quotes.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
swift build -c release --product entitygraph >/dev/null
bin=.build/release/entitygraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
sources=(seeds/*.txt Tests/ExtractionTests/Fixtures/speech/*.txt Tests/ExtractionTests/Fixtures/heldout/*.txt)
i=0
while [ "$i" -lt "$n" ]; do
  for f in "${sources[@]}"; do
    [ "$i" -ge "$n" ] && break
    # A line naming the copy keeps every file's content (and hash) distinct.
    { echo "Copy $i."; echo; cat "$f"; } > "$tmp/in/a$(printf %05d "$i").txt"
    i=$((i + 1))
  done
done
bytes=$(cat "$tmp"/in/*.txt | wc -c)
now() { date +%s.%N; }
t0=$(now); "$bin" build "$tmp/in" --out "$tmp/out" --format json >/dev/null 2>&1; t1=$(now)
"$bin" quotes "$tmp/in" --format jsonl > "$tmp/quotes.jsonl" 2>/dev/null; t2=$(now)
"$bin" quotes "$tmp/in" > /dev/null 2>&1; t3=$(now)
records=$(wc -l < "$tmp/quotes.jsonl")
awk -v n="$n" -v b="$bytes" -v a="$t0" -v c="$t1" -v d="$t2" -v e="$t3" -v r="$records" 'BEGIN {
  build = c - a; jsonl = d - c; table = e - d
  printf "%d articles, %.1f MB, %d quote records\n", n, b / 1e6, r
  printf "%-34s %8s %10s\n", "command", "seconds", "vs build"
  printf "%-34s %8.2f %10s\n", "build --format json", build, "1.00x"
  printf "%-34s %8.2f %9.2fx\n", "quotes --format jsonl", jsonl, jsonl / build
  printf "%-34s %8.2f %9.2fx\n", "quotes (table)", table, table / build
}'
