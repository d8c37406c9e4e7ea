#!/usr/bin/env bash
# Prints the version of the wasm-bindgen crate in Cargo.lock: the one place
# it is read. wasm-bindgen-cli must equal it exactly (scripts/setup.sh and
# .github/workflows/pages.yml install that version).
set -euo pipefail
cd "$(dirname "$0")/.."
v="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$v" ]; then
  echo "wasm-bindgen-version: no wasm-bindgen package in Cargo.lock" >&2
  exit 1
fi
echo "$v"
