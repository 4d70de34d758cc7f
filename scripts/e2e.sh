#!/usr/bin/env bash
# End-to-end tests of www/ in Chromium (playwright-core); builds www/pkg first.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_browser
bash scripts/build-wasm.sh
ensure_e2e_deps
(cd tests/e2e && node --test)
