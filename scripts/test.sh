#!/usr/bin/env bash
# Installs what the tests need (idempotent; a new machine works) and runs every test:
#   1. cargo test: unit, integration, property (brute-force oracle) and doc tests, and the
#      committed fuzzing corpus replayed;
#   2. a 20-second run of each fuzz target (scripts/fuzz.sh; skipped without nightly and
#      cargo-fuzz);
#   3. the wasm interface in headless Chromium (wasm-bindgen-test);
#   4. end-to-end tests of the pages and the element in headless Chromium (scripts/e2e.sh);
#   5. the download budget of the default build (scripts/size-budget.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_rust_target
ensure_wasm_bindgen
ensure_browser

say "1/5 cargo test"
cargo test --quiet

say "2/5 fuzz smoke run"
bash scripts/fuzz.sh 20

say "3/5 wasm tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test wasm

say "4/5 end-to-end tests"
bash scripts/e2e.sh

say "5/5 size budget"
bash scripts/size-budget.sh
