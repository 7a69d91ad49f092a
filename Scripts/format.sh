#!/usr/bin/env bash
# Formats the sources in place with the toolchain's swift-format, then lints strictly.
#   Scripts/format.sh          format in place, then lint --strict (what a developer runs before committing)
#   Scripts/format.sh --check  lint --strict only, changing nothing (what `make test` and CI run)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests Package.swift)
if [ "${1:-}" != "--check" ]; then
  swift format format --in-place --recursive --parallel "${paths[@]}"
fi
swift format lint --strict --recursive --parallel "${paths[@]}"
echo "format: lint --strict passed"
