#!/usr/bin/env bash
# Sets up what is missing, builds the wasm module with the notices inside (NOTICES_DIR, default
# notices/) and serves www/ on http://127.0.0.1:${PORT:-8080}/ until Ctrl-C: the demo, the
# embedding example (examples/embed.html) and the benchmark (bench.html).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/build-wasm.sh
PORT=${PORT:-8080}
say "open http://127.0.0.1:$PORT/ (Ctrl-C stops the server)"
exec node tests/e2e/serve.mjs "$PORT" "$ROOT/www"
