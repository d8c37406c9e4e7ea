#!/usr/bin/env bash
# Trunk pre_build hook: builds the native `jjj` CLI and writes the default
# corpus bundle into the build's staging folder, so it ships as corpus.jjj.
#
# It runs inside trunk, whose environment may select the wasm toolchain
# (scripts/env.sh); the CLI is a native program, so undo that here.
set -euo pipefail
cd "$(dirname "$0")/.."

unset CARGO_UNSTABLE_BUILD_STD RUSTC_BOOTSTRAP CARGO_BUILD_TARGET RUSTFLAGS
cargo=cargo
[ -x "$HOME/.cargo/bin/cargo" ] && cargo="$HOME/.cargo/bin/cargo"
export CARGO_TARGET_DIR="$PWD/target"

out="${TRUNK_STAGING_DIR:-dist}/corpus.jjj"
echo "build-corpus: $cargo build --release -p jjj-cli, then jjj build-corpus assets/seeds -o $out"
"$cargo" build --release --quiet -p jjj-cli
"$CARGO_TARGET_DIR/release/jjj" build-corpus assets/seeds -o "$out"

# The first chart, drawn by public/boot.js before the app has started
# (src/prerender.rs): the app's own chart code, built natively.
chart="$(dirname "$out")/first-chart.json"
echo "build-corpus: $cargo run --bin jjj-explorer -- prerender $out $chart"
"$cargo" run --quiet -p jjj-explorer --bin jjj-explorer -- prerender "$out" "$chart"
