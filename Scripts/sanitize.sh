#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer (issue 12), each in its own build folder.
#
#   Scripts/sanitize.sh [address|thread|all]      # default all
#
# address: every Swift Testing suite, debug build in .build-asan (the CLI tests run the ASan-built
#          entitygraph binary too). Leak checking is off: the Swift runtime and Graphviz keep
#          process-lifetime allocations (see /work/shared/GRAPHVIZ_NOTES.md, leaks).
# thread:  the suites that run code concurrently in one process, debug build in .build-tsan:
#          ConcurrencyTests (corpus analysis on all cores, a 4-worker batch ingest into one store
#          with a reader, renders from 12 tasks through the Graphviz lock), GraphvizRendererTests
#          (concurrent renders), IngestTests (concurrent batch ingest), PipelineFuzzTests.
# Reports go to .build-asan/sanitizer.log and .build-tsan/sanitizer.log; the exit status is
# non-zero when a run failed or a sanitizer reported anything.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
MODE=${1:-all}
TSAN_FILTER=${TSAN_FILTER:-ConcurrencyTests|GraphvizRendererTests|IngestTests|PipelineFuzzTests}
status=0

run() {
  local sanitizer=$1 scratch=$2
  shift 2
  local log=$scratch/sanitizer.log
  echo "== $sanitizer: building in $scratch" >&2
  $SWIFT build --build-tests --scratch-path "$scratch" --sanitize="$sanitizer" >&2
  mkdir -p "$scratch"
  echo "== $sanitizer: testing (log: $log)" >&2
  set +e
  ASAN_OPTIONS=detect_leaks=0:halt_on_error=0 TSAN_OPTIONS=halt_on_error=0:second_deadlock_stack=1 \
    $SWIFT test --skip-build --scratch-path "$scratch" --sanitize="$sanitizer" "$@" >"$log" 2>&1
  local rc=$?
  set -e
  local reports
  reports=$(grep -c -E "^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)" "$log" || true)
  local summary
  summary=$(grep -E "^(✔|✘) Test run with" "$log" | tail -1 || true)
  echo "$sanitizer: exit $rc; $reports sanitizer report(s); ${summary:-no summary (see $log)}"
  grep -E "SUMMARY: (Address|Thread)Sanitizer" "$log" | sort | uniq -c | head -20 || true
  if [ "$rc" -ne 0 ] || [ "$reports" -ne 0 ]; then status=1; fi
}

case $MODE in
  address) run address .build-asan ;;
  thread) run thread .build-tsan --filter "$TSAN_FILTER" ;;
  all)
    run address .build-asan
    run thread .build-tsan --filter "$TSAN_FILTER"
    ;;
  *) echo "usage: Scripts/sanitize.sh [address|thread|all]" >&2; exit 64 ;;
esac
exit $status
