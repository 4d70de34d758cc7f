#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/fuzz_targets: query, index) for SECONDS each (default 20) over
# the committed corpus, one process each. New inputs go to a scratch folder, so the committed
# corpus stays as it is (to grow it: see README, "Limits and errors").
# Needs the nightly toolchain and cargo-fuzz; without them it says so and exits 0.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SECONDS_EACH=${1:-20}
if ! rustup run nightly rustc --version >/dev/null 2>&1 || ! cargo fuzz --version >/dev/null 2>&1; then
  say "fuzz smoke run skipped: needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz)"
  exit 0
fi
cd "$ROOT/fuzz"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in query index; do
  say "fuzzing $target for ${SECONDS_EACH} s"
  mkdir -p "$scratch/$target"
  log="$scratch/$target.log"
  if ! cargo +nightly fuzz run -O "$target" "$scratch/$target" "corpus/$target" -- \
      -max_total_time="$SECONDS_EACH" -max_len=8192 -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    say "fuzz target $target failed: the input is in fuzz/artifacts/$target"
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units)' "$log" || true
done
