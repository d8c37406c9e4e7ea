#!/usr/bin/env bash
# Installs what building and testing the app needs, skipping what is present.
# Prints one line per step. Safe to run again; fast when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
step() { printf 'setup: %s\n' "$*"; }

[ -d "$HOME/.cargo/bin" ] && PATH="$HOME/.cargo/bin:$PATH"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root to run: $*" >&2
    return 1
  fi
}

has_wasm_target() {
  command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

# 1. System packages. The browser and CJK fonts are for the end-to-end test; the
#    Debian Rust toolchain only when rustup has no wasm32 std (see scripts/env.sh).
wanted=(chromium chromium-driver fonts-noto-cjk)
has_wasm_target || wanted+=(rustc-web cargo-web rust-web-src lld-22 clang)
command -v node >/dev/null 2>&1 || wanted+=(nodejs)
command -v npm >/dev/null 2>&1 || wanted+=(npm)
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "apt packages present (${wanted[*]})"
else
  step "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# 2. trunk, pinned: 0.22 needs a newer rustc than these machines have.
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  step "trunk $TRUNK_VERSION present"
else
  step "cargo install trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
#    Not --locked: one of its locked dependencies is missing from the mirror.
wb_version="$(scripts/wasm-bindgen-version.sh)"
if wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $wb_version\b"; then
  step "wasm-bindgen-cli $wb_version present"
else
  step "cargo install wasm-bindgen-cli $wb_version (about 5.5 minutes)"
  cargo install wasm-bindgen-cli --version "=$wb_version"
fi

# 4. Node packages (wasm-opt from binaryen, playwright-core, echarts), from the lock file.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f node_modules/.jjj-lock-sum ] && [ "$(cat node_modules/.jjj-lock-sum)" = "$lock_sum" ]; then
  step "node_modules up to date with package-lock.json"
else
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >node_modules/.jjj-lock-sum
fi

# 5. The environment for wasm builds.
# shellcheck source=scripts/env.sh
. scripts/env.sh
if [ "$JJJ_WASM_TOOLCHAIN" = rustup ]; then
  step "wasm toolchain: rustup's cargo with the wasm32-unknown-unknown target"
else
  step "wasm toolchain: Debian's cargo building std from source (RUSTC_BOOTSTRAP=1, CARGO_TARGET_DIR=target/wasm)"
fi
