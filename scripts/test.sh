#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure:
# formatting, clippy, native tests (jjj-cli's also with its feature synth), a
# wasm32 build of jjj-core, the release build of the app, the same analysis in
# wasm32 as natively, and the browser test against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."

current="setup"
trap 'status=$?; if [ $status -ne 0 ]; then echo "test.sh: FAILED at step: $current (exit $status)" >&2; fi' EXIT
started=$SECONDS
step() {
  current="$1"
  printf '\n==> %s\n' "$current"
}

step "setup (scripts/setup.sh)"
scripts/setup.sh
[ -d "$HOME/.cargo/bin" ] && PATH="$HOME/.cargo/bin:$PATH"

step "cargo fmt --all --check"
cargo fmt --all --check

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test --workspace"
cargo test --workspace

# `jjj synth` (the benchmarks' corpus generator) is behind the jjj-cli feature
# `synth`, off by default; the shard/merge test writes its pages with it.
step "cargo clippy and cargo test of jjj-cli --features synth"
cargo clippy -p jjj-cli --all-targets --features synth -- -D warnings
cargo test -p jjj-cli --features synth

step "wasm32 build of jjj-core"
(
  # shellcheck source=scripts/env.sh
  . scripts/env.sh
  cargo build -p jjj-core --target wasm32-unknown-unknown
)

step "trunk build --release"
(
  # shellcheck source=scripts/env.sh
  . scripts/env.sh
  trunk build --release
)

step "wasm32 and native give the same analysis (node --test tests/wasm/)"
(
  # shellcheck source=scripts/env.sh
  . scripts/env.sh
  cargo build -p jjj-core --example wasm_probe --target wasm32-unknown-unknown --profile wasm-release
)
node --test tests/wasm/

step "hostile inputs against the release CLI (node --test tests/hostile/)"
node --test tests/hostile/

step "end-to-end test (node --test tests/e2e/)"
node --test tests/e2e/

current="summary"
echo
echo "test.sh: all steps passed (fmt, clippy, cargo test, jjj-cli --features synth, wasm32 core, trunk build, wasm = native, hostile inputs, e2e) in $((SECONDS - started)) s"
