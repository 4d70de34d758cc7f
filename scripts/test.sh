#!/usr/bin/env bash
# Installs what the tests need (idempotent; a new machine works) and runs every test:
#   1. cargo test: unit, integration, property (brute-force oracle) and doc tests;
#   2. the wasm interface in headless Chromium (wasm-bindgen-test);
# End-to-end tests of the page and element: scripts/e2e.sh (not yet part of this command).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_rust_target
ensure_wasm_bindgen
ensure_browser

say "1/2 cargo test"
cargo test --quiet

say "2/2 wasm tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test wasm

