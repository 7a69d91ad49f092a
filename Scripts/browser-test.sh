#!/usr/bin/env bash
# The HTML report in a real browser (issue 13): installs what is missing (Debian's chromium and
# chromium-driver, Selenium in a throw-away virtual environment outside the repository), builds
# entitygraph, makes the reports and runs Tests/Browser/report_test.py on them in headless Chromium.
#
#   Scripts/browser-test.sh                      # what `make test` runs
#   SCRATCH=.build-report Scripts/browser-test.sh   # reuse another build folder
#   BIG_REPORT=/tmp/big.html Scripts/browser-test.sh   # also time a big store's report (< 3 s)
#
# Screenshots go to $SHOTS (default .build/browser-screenshots, not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SCRATCH=${SCRATCH:-.build}
VENV=${EG_BROWSER_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/entitygraph/browser-venv}
SHOTS=${SHOTS:-$SCRATCH/browser-screenshots}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/eg-browser.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "browser-test: installing chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! "$VENV/bin/python" -c 'import selenium' 2>/dev/null; then
  echo "browser-test: installing Selenium into $VENV"
  rm -rf "$VENV"
  if ! command -v python3 >/dev/null || ! python3 -m venv "$VENV" >/dev/null 2>&1; then
    # Debian's python3 makes virtual environments only with python3-venv.
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3 python3-venv >/dev/null
    rm -rf "$VENV"
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/pip" install -q --disable-pip-version-check selenium
fi

"$SWIFT" build --scratch-path "$SCRATCH" --product entitygraph >/dev/null
BIN="$SCRATCH/debug/entitygraph"
mkdir -p "$SHOTS"

"$BIN" build seeds --out "$WORK/seed" --format json html 2>/dev/null
"$BIN" query mentions seeds --kind country --format json >"$WORK/mentions.json"
python3 Tests/Browser/make_hostile_graph.py Tests/Browser/fixtures/hostile-article.txt "$WORK/hostile-graph.json"
"$BIN" report --graph "$WORK/hostile-graph.json" -o "$WORK/hostile-graph.html" 2>/dev/null
"$BIN" report Tests/Browser/fixtures/hostile-article.txt -o "$WORK/hostile-text.html" 2>/dev/null

"$VENV/bin/python" Tests/Browser/report_test.py --work "$WORK" --shots "$SHOTS" \
  --chromium "$(command -v chromium)" --chromedriver "$(command -v chromedriver)" ${BIG_REPORT:+--big "$BIG_REPORT"}
