# Shared set-up steps for the scripts: each installs what is missing and does nothing when it
# is already there, so every script can be run on a new machine.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
BINARYEN_VERSION=132.0.0
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version pinned in Cargo.toml (the CLI must match it exactly).
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml"
}

ensure_rust_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_pack() {
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack (cargo install, a few minutes)"
    cargo install wasm-pack
  fi
}

ensure_wasm_bindgen() {
  local want; want=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    say "installing wasm-bindgen-cli $want (cargo install, a few minutes)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# wasm-opt from the npm package binaryen (Debian's binaryen 108 produces broken modules).
ensure_binaryen() {
  if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ]; then
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$TOOLS"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
}

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (apt)"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_browser() {
  apt_install chromium chromium-driver fonts-noto-cjk
}

# npm packages of the end-to-end tests, reinstalled (npm ci) whenever package-lock.json changed.
ensure_e2e_deps() {
  local dir="$ROOT/tests/e2e" want have
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  have=$(cat "$dir/node_modules/.lock-sha256" 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    say "installing the end-to-end test dependencies (npm ci in tests/e2e)"
    (cd "$dir" && npm ci --silent --no-audit --no-fund >/dev/null)
    echo "$want" >"$dir/node_modules/.lock-sha256"
  fi
}
