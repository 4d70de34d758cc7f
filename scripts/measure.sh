#!/usr/bin/env bash
# Measures the figures quoted in the README on People's Daily (3,139 articles, 5.4 MB), fetched
# at run time by ../shared/corpus/fetch.sh (never committed). Usage: scripts/measure.sh [DIR]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
DIR=${1:-corpora/peoples_daily}
if [ ! -d "$DIR" ]; then
  [ -x ../shared/corpus/fetch.sh ] || { echo "no $DIR and no ../shared/corpus/fetch.sh to fetch it" >&2; exit 1; }
  bash ../shared/corpus/fetch.sh corpora
fi
text_bytes=$(find -L "$DIR" -name '*.txt' -print0 | sort -z | xargs -0 cat | wc -c)
text_gz=$(find -L "$DIR" -name '*.txt' -print0 | sort -z | xargs -0 cat | gzip -9 | wc -c)
say "native engine (cargo run --release --example report -- $DIR)"
cargo run --quiet --release --example report -- "$DIR"
say "wasm module with $DIR inside"
start=$(date +%s.%N)
NOTICES_DIR="$ROOT/$DIR" PKG_DIR=target/pkg-measure bash scripts/build-wasm.sh
wasm=target/pkg-measure/notice_search_bg.wasm
wasm_gz=$(gzip -9 -c "$wasm" | wc -c)
echo "text              $text_bytes bytes, gzip -9 $text_gz bytes"
echo "wasm gzipped      $wasm_gz bytes = $(python3 -c "print(round($wasm_gz/$text_gz, 3))")x the gzipped text"
node scripts/wasm-stats.mjs target/pkg-measure "$DIR" "$text_bytes"
say "wasm module with the default notices"
PKG_DIR=target/pkg-default bash scripts/build-wasm.sh
