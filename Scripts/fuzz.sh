#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer and AddressSanitizer (issue 12).
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]     # default 60 s each, every target
#
# Targets (sources in Tests/Fuzz/Targets/, committed seeds in Tests/Fuzz/corpus/<target>/):
#   document-loader  bytes → text (DocumentLoader.decode: UTF-8, byte order marks, binary checks)
#   pipeline         text → graph through every default stage; offsets inside the text, evidence text
#                    equal to the slice, relations between existing entities, JSON round trip
#   dot-writer       any graph → DOT that Graphviz's parser (agmemread) reads back with equal labels
#   graph-json       the graph JSON reader; what it accepts survives writing and reading again
#
# The library modules are built once with coverage and ASan into .build-fuzz (release, so the
# figures mean something), and each target is linked with `swiftc -sanitize=fuzzer,address`.
# New inputs go to .build-fuzz/corpus/<target>/ (not committed), crashes to .build-fuzz/crashes/.
# Prints one summary line per target: executions, executions/s, coverage (libFuzzer's cov:), result.
# Exit status 1 when a target crashed or failed an invariant (its input is named on stderr).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-60}
shift || true
ALL=(document-loader pipeline dot-writer graph-json)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL[@]}")
SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-$(dirname "$(command -v "$SWIFT")")/swiftc}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
FLAGS=(-c release --scratch-path "$SCRATCH" -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,trace-cmp,pc-table)

# libFuzzer needs inline 8-bit counters and PC tables (what `-sanitize=fuzzer` itself asks for); plain
# `edge` coverage is trace-pc-guard, which libFuzzer refuses.
needs_extraction=false
needs_rendering=false
for t in "${TARGETS[@]}"; do
  case $t in
    pipeline) needs_extraction=true ;;
    dot-writer) needs_rendering=true ;;
    document-loader | graph-json) ;;
    *) echo "unknown fuzz target '$t' (known: ${ALL[*]})" >&2; exit 64 ;;
  esac
done
echo "== building instrumented modules in $SCRATCH" >&2
# SwiftPM does not rebuild objects when only -Xswiftc flags change: start over when they did.
stamp=$SCRATCH/fuzz-flags
if [ "$(cat "$stamp" 2>/dev/null)" != "${FLAGS[*]}" ]; then
  rm -rf "$SCRATCH"/*/release/{DocumentModel,Extraction,GraphRendering}.build
  mkdir -p "$SCRATCH"
  echo "${FLAGS[*]}" >"$stamp"
fi
$SWIFT build "${FLAGS[@]}" --target DocumentModel >&2
$needs_extraction && $SWIFT build "${FLAGS[@]}" --target Extraction >&2
$needs_rendering && $SWIFT build "${FLAGS[@]}" --target GraphRendering >&2

BIN=$($SWIFT build "${FLAGS[@]}" --show-bin-path)
objects() { find "$BIN/$1.build" -name '*.o' | sort; }

link_target() {
  local t=$1 out=$BIN/fuzz-$1
  local common=(-O -sanitize=fuzzer,address -parse-as-library -I "$BIN/Modules" -module-name "Fuzz_${t//-/_}")
  case $t in
    document-loader)
      # The loader lives in the CLI module (which pulls in ArgumentParser and GRDB); its three files
      # import only DocumentModel and Foundation, so they are compiled into the target.
      "$SWIFTC" "${common[@]}" Tests/Fuzz/Targets/DocumentLoaderFuzz.swift \
        Sources/EntityGraphCLI/Input/DocumentLoader.swift Sources/EntityGraphCLI/Input/InputBytes.swift \
        Sources/EntityGraphCLI/Input/TextEncodingSniffer.swift $(objects DocumentModel) -o "$out" ;;
    pipeline)
      "$SWIFTC" "${common[@]}" Tests/Fuzz/Targets/PipelineFuzz.swift \
        $(objects DocumentModel) $(objects Extraction) -o "$out" ;;
    dot-writer)
      "$SWIFTC" "${common[@]}" -I Sources/CGraphviz Tests/Fuzz/Targets/DOTWriterFuzz.swift \
        $(objects DocumentModel) $(objects GraphRendering) -lgvc -lcgraph -lcdt -o "$out" ;;
    graph-json)
      "$SWIFTC" "${common[@]}" Tests/Fuzz/Targets/GraphJSONFuzz.swift $(objects DocumentModel) -o "$out" ;;
  esac
}

max_len() {
  case $1 in
    pipeline) echo 4096 ;;
    dot-writer) echo 2048 ;;
    *) echo 8192 ;;
  esac
}

status=0
mkdir -p "$SCRATCH/crashes" "$SCRATCH/logs"
for t in "${TARGETS[@]}"; do
  echo "== linking fuzz-$t" >&2
  link_target "$t" 2> >(grep -v "Cannot export local symbol" >&2)
  work=$SCRATCH/corpus/$t
  mkdir -p "$work"
  log=$SCRATCH/logs/$t.log
  echo "== fuzzing $t for ${SECONDS_EACH} s (log: $log)" >&2
  set +e
  # Relative paths: the pipeline finds its resources next to the binary or at the build path.
  # Swift's own backtracer would run inside ASan and report itself; libFuzzer prints the stack.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 "$BIN/fuzz-$t" -max_total_time="$SECONDS_EACH" \
    -max_len="$(max_len "$t")" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$SCRATCH/crashes/$t-" "$work" "Tests/Fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1 || true)
  cov=$( (grep -o 'cov: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
  ft=$( (grep -o 'ft: [0-9]*' "$log" || true) | tail -1 | cut -d' ' -f2)
  if [ $rc -eq 0 ]; then
    result=ok
  else
    crash=$( (ls -t "$SCRATCH"/crashes/"$t"-* 2>/dev/null || true) | head -1)
    result="FAILED (exit $rc; input: ${crash:-none saved})"
    status=1
    grep -E "ERROR|Fatal error|Precondition|SUMMARY" "$log" | head -5 >&2 || true
  fi
  printf '%-16s %12s execs %8s exec/s  cov %-6s ft %-6s %s\n' "$t" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
exit $status
