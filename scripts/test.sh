#!/usr/bin/env bash
# Runs Corridor's whole test suite. It first installs what the tests need when it
# is missing (Chromium for the browser tests, the web apps' node modules from
# web/package-lock.json for axe-core, node modules for the offline Cypher linter), then checks formatting, vet, generated code, and runs every
# Go test with the race detector. In CI (CI=true) nothing is skipped: a missing
# dependency is a failure. Neo4j contract tests run only when NEO4J_TEST_URI is set.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
need_apt() { # need_apt <command> <package>...
  local cmd=$1; shift
  if ! command -v "$cmd" >/dev/null 2>&1; then
    log "installing $* (for $cmd)"
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
  fi
}

need_apt chromium chromium
need_apt xmllint libxml2-utils
need_apt node nodejs npm
if [ ! -d web/node_modules/axe-core ]; then
  log "installing the web apps' node modules (axe-core for the explorer's accessibility tests)"
  npm ci --prefix web --no-audit --no-fund --loglevel=error
fi
if [ -f tools/cypherlint/package.json ] && [ ! -d tools/cypherlint/node_modules ]; then
  log "installing the Cypher linter's node modules"
  npm ci --prefix tools/cypherlint --no-audit --no-fund --loglevel=error
fi

log "go mod download"
go mod download

log "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt would change:"; echo "$unformatted"; exit 1; fi

log "go vet"
go vet ./...

log "go generate leaves no diff"
before=$(git status --porcelain=v1 --untracked-files=all; git diff | sha256sum)
go generate ./...
after=$(git status --porcelain=v1 --untracked-files=all; git diff | sha256sum)
if [ "$before" != "$after" ]; then
  echo "go generate changed the tree:"; git status --short; exit 1
fi

log "go test -race ./..."
set +e
go test -race -count=1 -timeout 30m ./... 2>&1 | tee /tmp/corridor-test.log
status=${PIPESTATUS[0]}
set -e
passed=$(grep -c '^ok ' /tmp/corridor-test.log || true)
failed=$(grep -c '^FAIL' /tmp/corridor-test.log || true)
echo "packages: $passed passed, $failed failed"

# A short run of every fuzz target, one after the other (the committed corpora
# under testdata/fuzz already ran above as ordinary tests). CORRIDOR_FUZZTIME
# sets the run per target, as a count of inputs (10000x) or a duration (4s); 0
# skips this step. A count is the default: a duration races Go's fuzz
# coordinator against its own deadline on a busy machine (golang/go#56238-like
# "context deadline exceeded" with no failing input).
fuzztime=${CORRIDOR_FUZZTIME:-10000x}
if [ "$fuzztime" != 0 ]; then
  log "fuzzing each target for $fuzztime"
  fuzz_failed=0
  while read -r file target; do
    pkg=./$(dirname "$file")
    echo "-- $pkg $target"
    fuzz() { go test -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" "$pkg" >/tmp/corridor-fuzz.log 2>&1; }
    if ! fuzz; then
      cat /tmp/corridor-fuzz.log
      # Go's fuzz coordinator can stop on its own deadline ("context deadline
      # exceeded") while a worker is busy, without any failing input: that is the
      # engine timing out, not a finding. Run such a target once more; a real
      # finding always writes its input ("Failing input written to") and fails.
      if ! grep -q 'Failing input written to' /tmp/corridor-fuzz.log &&
        grep -q 'context deadline exceeded' /tmp/corridor-fuzz.log; then
        echo "   (fuzz engine deadline without a failing input: running $target again)"
        fuzz || { cat /tmp/corridor-fuzz.log; fuzz_failed=1; }
      else
        fuzz_failed=1
      fi
    fi
  done < <(git grep -E '^func Fuzz[A-Za-z0-9_]*\(' -- '*_test.go' | sed -E 's/^([^:]+):func (Fuzz[A-Za-z0-9_]*)\(.*/\1 \2/')
  if [ "$fuzz_failed" != 0 ]; then echo "fuzzing found failures (inputs saved under testdata/fuzz)"; status=1; fi
fi
exit "$status"
