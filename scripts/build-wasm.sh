#!/usr/bin/env bash
# Builds www/pkg/ (or $PKG_DIR): the WebAssembly module, with the index of the notices in $NOTICES_DIR
# (default: notices/) inside it, its JS glue and TypeScript declarations. For www/pkg it also
# writes www/sw-manifest.js (what the service worker caches, and the build's version).
# Skips the build when the package is newer than every input and was built from the same
# notices folder; FORCE=1 builds anyway.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
PKG_DIR=${PKG_DIR:-www/pkg}
NOTICES=$(realpath -m "${NOTICES_DIR:-notices}")
wasm="$PKG_DIR/notice_search_bg.wasm"
stamp="$PKG_DIR/.notices-dir"

# Fresh: built from the same folder, and nothing it depends on changed since.
fresh() {
  [ "${FORCE:-0}" != 1 ] && [ -f "$wasm" ] && [ -f "$PKG_DIR/notice_search.js" ] &&
    [ "$(cat "$stamp" 2>/dev/null)" = "$NOTICES|${NOTICE_SYNONYMS:-}" ] &&
    [ -z "$(find -L src build build.rs data Cargo.toml Cargo.lock "$NOTICES" ${NOTICE_SYNONYMS:+"$NOTICE_SYNONYMS"} -newer "$wasm" -print -quit 2>/dev/null)" ]
}

if fresh; then
  say "$PKG_DIR is up to date (notices: $NOTICES)"
else
  ensure_rust_target
  ensure_wasm_pack
  ensure_wasm_bindgen
  ensure_binaryen
  say "building the wasm module (notices: $NOTICES)"
  wasm-pack --quiet build --target web --release --out-dir "$ROOT/$PKG_DIR" --out-name notice_search
  node scripts/inline-snippets.mjs "$PKG_DIR" >/dev/null
  # wasm-pack --quiet hides cargo's warnings: show what build.rs said about the notice files
  # (skipped and ignored files, and the summary line), kept in its output file.
  out=$(ls -t "${CARGO_TARGET_DIR:-$ROOT/target}"/wasm32-unknown-unknown/release/build/notice-search-*/output 2>/dev/null | head -1)
  if [ -n "$out" ]; then sed -n 's/^cargo::\{0,1\}warning=/notices: /p' "$out" >&2; fi
  "$TOOLS/node_modules/.bin/wasm-opt" -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  echo "$NOTICES|${NOTICE_SYNONYMS:-}" >"$stamp"
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  glue=$(gzip -9 -c "$PKG_DIR/notice_search.js" | wc -c)
  say "$PKG_DIR ready: notice_search_bg.wasm $raw bytes, $gz gzipped (+ $glue gzipped JS glue)"
fi
if [ "$(realpath -m "$PKG_DIR")" = "$ROOT/www/pkg" ]; then
  node scripts/sw-manifest.mjs www >/dev/null
fi
