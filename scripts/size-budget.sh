#!/usr/bin/env bash
# Checks the download budget of the default build: www/pkg's .wasm + JS glue (each file, gzipped
# -9), at most 150 KiB (issue 2). Sizes are deterministic, so this is a test, not a benchmark.
# Usage: scripts/size-budget.sh [PKG_DIR]   (builds www/pkg first when it is missing or stale)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
PKG_DIR=${1:-www/pkg}
BUDGET=$((150 * 1024))
[ "$PKG_DIR" != www/pkg ] || bash scripts/build-wasm.sh
wasm=$(gzip -9 -c "$PKG_DIR/notice_search_bg.wasm" | wc -c)
# The glue: every .js of the package (notice_search.js, with src/result.js folded in).
glue=0
while IFS= read -r f; do glue=$((glue + $(gzip -9 -c "$f" | wc -c))); done < <(find "$PKG_DIR" -name '*.js')
total=$((wasm + glue))
if [ "$total" -gt "$BUDGET" ]; then
  echo "size budget exceeded: $PKG_DIR .wasm $wasm + glue $glue = $total bytes gzipped > $BUDGET" >&2
  exit 1
fi
say "size budget: .wasm $wasm + glue $glue = $total bytes gzipped ($((total * 100 / BUDGET))% of $BUDGET)"
