#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure:
# formatting, clippy, native tests (with every feature: jjj-cli's synth too),
# a wasm32 build of jjj-core, the release CLI, the release build of the app,
# the same analysis in wasm32 as natively, hostile inputs, and the browser
# test against the built app. The last lines give the time each step took.
set -euo pipefail
cd "$(dirname "$0")/.."

current="setup"
trap 'status=$?; if [ $status -ne 0 ]; then echo "test.sh: FAILED at step: $current (exit $status)" >&2; fi' EXIT
started=$SECONDS
step_started=$SECONDS
times=""
# Starts a step, and notes how long the one before took.
step() {
  if [ "$current" != "setup" ]; then
    times+="$(printf '%6d s  %s' $((SECONDS - step_started)) "$current")"$'\n'
  fi
  current="$1"
  step_started=$SECONDS
  printf '\n==> %s\n' "$current"
}

step "setup (scripts/setup.sh)"
scripts/setup.sh
[ -d "$HOME/.cargo/bin" ] && PATH="$HOME/.cargo/bin:$PATH"

step "cargo fmt --all --check"
cargo fmt --all --check

# --all-features: `jjj synth` (the benchmarks' corpus generator) is behind
# jjj-cli's feature `synth`, off by default; the shard/merge test uses it.
step "cargo clippy --workspace --all-targets --all-features -- -D warnings"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "cargo test --workspace --all-features"
cargo test --workspace --all-features

step "wasm32 build of jjj-core and its probe (wasm-release, shared with trunk's worker build)"
(
  # shellcheck source=scripts/env.sh
  . scripts/env.sh
  cargo build -p jjj-core --lib --example wasm_probe --target wasm32-unknown-unknown --profile wasm-release
)

step "release CLI (target/release/jjj: the corpus, the wasm and hostile-input tests)"
cargo build --release -p jjj-cli

step "trunk build --release"
(
  # shellcheck source=scripts/env.sh
  . scripts/env.sh
  trunk build --release
)

step "wasm32 and native give the same analysis (node --test tests/wasm/)"
node --test tests/wasm/

step "hostile inputs against the release CLI (node --test tests/hostile/)"
node --test tests/hostile/

step "end-to-end test (node --test tests/e2e/)"
node --test tests/e2e/

step "summary"
echo
printf 'test.sh: time per step\n%s' "$times"
echo "test.sh: all steps passed (fmt, clippy, cargo test, wasm32 core, trunk build, wasm = native, hostile inputs, e2e) in $((SECONDS - started)) s"
