#!/usr/bin/env bash
# Times search() inside headless Chromium with www/bench.html and prints p50/p95/p99 and wasm
# memory before/after a long loop of searches.
#   scripts/bench-browser.sh [PKG_DIR] [--queries N] [--limit N] [--memory N] [--seed N]
# PKG_DIR defaults to www/pkg (built from notices/ if missing). For People's Daily:
#   NOTICES_DIR=$PWD/corpora/peoples_daily PKG_DIR=target/pkg-pd bash scripts/build-wasm.sh
#   scripts/bench-browser.sh target/pkg-pd
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
pkg=www/pkg
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then pkg=$1; shift; fi
[ "$pkg" = www/pkg ] && bash scripts/build-wasm.sh
ensure_browser
ensure_e2e_deps
node tests/e2e/bench-run.mjs --pkg "$pkg" "$@"
