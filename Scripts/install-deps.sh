#!/usr/bin/env bash
# Installs what EntityGraph needs from Debian when it is missing: Graphviz's C library and CLI,
# pkg-config, and the ISO 3166 country data. Safe to run again: it only installs what is absent.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || need+=(iso-codes)

if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: installing ${need[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root to install ${need[*]}; run: apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Graphviz finds its layout plugins through a config file written at install time; without it
# every layout fails with 'Layout type: "dot" not recognized'. `dot -c` (as root) writes it.
if ! dot -Tsvg >/dev/null 2>&1 <<<'digraph{a}'; then
  echo "install-deps: registering Graphviz plugins (dot -c)" >&2
  if [ "$(id -u)" -eq 0 ]; then dot -c; else sudo dot -c; fi
fi

command -v swift >/dev/null 2>&1 || {
  echo "install-deps: the Swift toolchain (6.0 or newer) is not on PATH; install it from swift.org" >&2
  exit 1
}
