#!/usr/bin/env bash
# Rebuilds the playground into web/dist from a clean checkout: installs the
# exact dependencies of package-lock.json and runs the Vite build. Needs Node
# 20.19+ and npm; the result (web/dist) is committed, so the Go build needs
# neither. Run it after changing web/src or the example queries in
# docs/queries/*.graphql.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
