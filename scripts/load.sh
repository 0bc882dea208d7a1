#!/usr/bin/env bash
# Load run: the JCC example query against Corridor (response cache on, as
# deployed, and off, so every request executes the query) and against a static
# handler that answers the very same bytes, side by side, with wrk on 127.0.0.1
# only.
# Usage: scripts/load.sh [duration=10s] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10s}
conns=${2:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/corridor" .
go build -o "$work/staticserve" ./internal/tools/staticserve

query=docs/queries/jcc-commitments.graphql
python3 - "$query" > "$work/body.json" <<'PY'
import json, sys
print(json.dumps({"query": open(sys.argv[1]).read()}), end="")
PY
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body.json", "rb"); wrk.body = f:read("*a"); f:close()
LUA

start() { # port, response cache size
  PORT=$1 CORRIDOR_HOST=127.0.0.1 CORRIDOR_RATE_LIMIT=0 CORRIDOR_LOG_LEVEL=error CORRIDOR_RESPONSE_CACHE=$2 \
    CORRIDOR_DATA_DIR="$work/data$1" "$work/corridor" serve >"$work/corridor$1.log" 2>&1 &
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$1/healthz" >/dev/null && break; sleep 0.1; done
}
start 8098 1000
start 8096 0
curl -fs -H 'Content-Type: application/json' --data-binary @"$work/body.json" \
  http://127.0.0.1:8098/graphql > "$work/answer.json"
grep -q '"errors"' "$work/answer.json" && { echo "query failed:"; cat "$work/answer.json"; exit 1; }
echo "answer: $(wc -c < "$work/answer.json") bytes"

"$work/staticserve" -addr 127.0.0.1:8097 -file "$work/answer.json" &
for _ in $(seq 100); do curl -fs -o /dev/null http://127.0.0.1:8097/ && break; sleep 0.1; done

run() { wrk -t2 -c"$conns" -d"$duration" -s "$work/post.lua" "$1" | tee /dev/stderr | awk '/Requests\/sec/ {print $2}'; }
echo "== corridor, response cache on (default)"; c=$(run http://127.0.0.1:8098/graphql)
echo "== corridor, response cache off"; u=$(run http://127.0.0.1:8096/graphql)
echo "== static handler, same bytes"; s=$(run http://127.0.0.1:8097/graphql)
python3 -c "c,u,s=float('$c'),float('$u'),float('$s'); print(f'corridor {c:.0f} req/s (cache off: {u:.0f}), static {s:.0f} req/s, ratio {c/s:.2f} (cache off: {u/s:.3f}; target >= 0.5)')"
