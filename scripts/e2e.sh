#!/usr/bin/env bash
# End-to-end tests of www/ in headless Chromium (tests/e2e, playwright-core + axe-core):
# builds www/pkg from notices/ and target/pkg-hostile from tests/e2e/hostile-notices first.
# Screenshots go to artifacts/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_browser
bash scripts/build-wasm.sh
NOTICES_DIR=tests/e2e/hostile-notices PKG_DIR=target/pkg-hostile bash scripts/build-wasm.sh
ensure_e2e_deps
say "end-to-end tests in headless Chromium (tests/e2e)"
(cd tests/e2e && node --test --test-reporter=spec)
