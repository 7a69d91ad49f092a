#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL server: installs Debian's postgresql when it is missing,
# creates a cluster in a temporary folder (initdb), starts it on a free loopback port (pg_ctl), exports
#   ENTITYGRAPH_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/postgres
# runs the command, and always stops the server and deletes the folder. initdb and pg_ctl refuse to run as
# root, so as root they run as the `postgres` user that Debian's package creates.
#
# When PostgreSQL cannot be installed, the command still runs, with ENTITYGRAPH_POSTGRES_UNAVAILABLE set to
# the reason; the PostgreSQL tests then report themselves skipped with that reason.
#
#   Scripts/with-postgres.sh swift test --skip-build
#   WITH_POSTGRES_OPTIONS="-c fsync=off" Scripts/with-postgres.sh make bench
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGUMENT...]" >&2
  exit 64
fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: installing postgresql from Debian" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = "none" ] || ! command -v apt-get >/dev/null 2>&1; then
    ENTITYGRAPH_POSTGRES_UNAVAILABLE="PostgreSQL is not installed and cannot be (no apt-get or no root); run: apt-get install -y postgresql"
    echo "with-postgres: $ENTITYGRAPH_POSTGRES_UNAVAILABLE" >&2
    export ENTITYGRAPH_POSTGRES_UNAVAILABLE
    exec "$@"
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null; }; then
    ENTITYGRAPH_POSTGRES_UNAVAILABLE="apt-get install postgresql failed"
    echo "with-postgres: $ENTITYGRAPH_POSTGRES_UNAVAILABLE" >&2
    export ENTITYGRAPH_POSTGRES_UNAVAILABLE
    exec "$@"
  fi
  bin=$(find_bin)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/entitygraph-pg.XXXXXX")
chmod 755 "$dir"
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop() {
  as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  echo "with-postgres: initdb failed" >&2
  exit 1
}
if ! as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
    -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c max_connections=200 ${WITH_POSTGRES_OPTIONS:-}\" start" \
    >/dev/null; then
  cat "$dir/server.log" >&2 || true
  echo "with-postgres: the server did not start" >&2
  exit 1
fi
export ENTITYGRAPH_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
set +e
"$@"
status=$?
set -e
exit $status
