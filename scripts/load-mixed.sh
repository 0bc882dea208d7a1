#!/usr/bin/env bash
# Mixed load run: builds corridor, serves the bundled dataset on 127.0.0.1 with the
# rate limit off and a fresh data directory, and sends the example queries at a
# fixed rate with internal/tools/loadmix, one request in WRITE_EVERY (default 10)
# being a write (create or rename a person). loadmix reports throughput,
# p50/p90/p99 latency and errors, then reads every acknowledged write back. The
# server is then stopped (SIGTERM), started again on the same data directory, and
# every acknowledged write is read back once more: nothing acknowledged may be
# lost. Exit status 1 when any request failed, p99 missed its target or a write
# was lost.
# Usage: scripts/load-mixed.sh [rate=200] [duration=30s] [loadmix flags...]
#   WRITE_EVERY=0 scripts/load-mixed.sh 200 30s      # reads only
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}
duration=${2:-30s}
shift $(( $# < 2 ? $# : 2 ))
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

go build -o "$work/corridor" .
go build -o "$work/loadmix" ./internal/tools/loadmix
port=${LOAD_PORT:-8099}
key="load-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
start() {
  PORT=$port CORRIDOR_HOST=127.0.0.1 CORRIDOR_RATE_LIMIT=0 CORRIDOR_LOG_LEVEL=warn \
    CORRIDOR_API_KEYS="load:editor:$key" CORRIDOR_DATA_DIR="$work/data" \
    "$work/corridor" serve >>"$work/corridor.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.1; done
  echo "server did not start:" >&2; cat "$work/corridor.log" >&2; exit 1
}
start
url="http://127.0.0.1:$port/graphql"
status=0
"$work/loadmix" -url "$url" -rate "$rate" -duration "$duration" \
  -write-every "${WRITE_EVERY:-10}" -key "$key" -ack-file "$work/acks.json" "$@" || status=$?
if [ "${WRITE_EVERY:-10}" != 0 ] && [ -s "$work/acks.json" ]; then
  kill -TERM "$pid"; wait "$pid" || true; pid=""
  start
  echo "after a restart on the same data directory:"
  "$work/loadmix" -url "$url" -verify "$work/acks.json" || status=$?
fi
exit $status
