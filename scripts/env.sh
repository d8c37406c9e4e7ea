# shellcheck shell=bash
# Selects the toolchain for wasm32 builds. Source it: `. scripts/env.sh`.
#
# Normal case (a laptop, GitHub Actions): rustup's cargo, whose toolchain has the
# wasm32-unknown-unknown std installed. Fallback (machines where rustup cannot
# fetch that target): Debian's rustc/cargo build std from source, in a target
# dir of their own so native and wasm builds don't evict each other's caches.

JJJ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JJJ_ROOT

if [ -d "$HOME/.cargo/bin" ]; then
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
fi

if command -v rustup >/dev/null 2>&1 &&
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  JJJ_WASM_TOOLCHAIN=rustup
else
  JJJ_WASM_TOOLCHAIN=debian
  PATH="/usr/bin:$PATH"
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_DIR="$JJJ_ROOT/target/wasm"
fi
export JJJ_WASM_TOOLCHAIN

# npm's binaryen (wasm-opt 132) must win over any system wasm-opt: Debian's
# binaryen 108 writes modules that fail to load.
PATH="$JJJ_ROOT/node_modules/.bin:$PATH"
export PATH
