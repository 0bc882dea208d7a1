#!/usr/bin/env bash
# Mixed load run: builds corridor, serves the bundled dataset on 127.0.0.1 with the
# rate limit off, and sends the example queries at a fixed rate with
# internal/tools/loadmix, which reports throughput, p50/p90/p99 latency and errors
# (exit status 1 when any request failed or p99 missed its target).
# Usage: scripts/load-mixed.sh [rate=200] [duration=30s] [loadmix flags...]
# e.g. mix in a write, one request in ten, once a mutation exists:
#   CORRIDOR_API_KEYS=load:editor:<key> CORRIDOR_LOAD_KEY=<key> \
#   scripts/load-mixed.sh 200 30s -mutation m.graphql -mutation-vars '{"id":"…"}'
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
PORT=$port CORRIDOR_HOST=127.0.0.1 CORRIDOR_RATE_LIMIT=0 CORRIDOR_LOG_LEVEL=warn \
  CORRIDOR_DATA_DIR="$work/data" "$work/corridor" serve >"$work/corridor.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
"$work/loadmix" -url "http://127.0.0.1:$port/graphql" -rate "$rate" -duration "$duration" "$@"
