#!/usr/bin/env bash
# Every number in BENCHMARKS.md, with one command: builds what it measures,
# writes synthetic corpora (jjj synth, in a jjj built with the jjj-cli
# feature `synth`), then runs the native, WebAssembly and headless-Chromium
# benchmarks and prints the summary table (also written to
# target/bench/summary.md, the raw results beside it as JSON).
#
#   scripts/bench.sh                  # the whole set (about 15 minutes on 2 cores)
#   BENCH_BIG=20000 scripts/bench.sh  # a smaller "large" corpus than 100,000
#
# Nothing here asserts a time: the results are read, not enforced.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
[ -d "$HOME/.cargo/bin" ] && PATH="$HOME/.cargo/bin:$PATH"

out="$PWD/target/bench"
big="${BENCH_BIG:-100000}"
mkdir -p "$out"
log() { printf '\n==> %s\n' "$*" >&2; }

log "build: jjj, the native bench, the wasm probe, the app"
# With `jjj synth` (the feature `synth`), kept aside: trunk's pre-build hook
# (scripts/build-corpus.sh) rebuilds target/release/jjj without it.
cargo build --release --quiet -p jjj-cli --features synth
cp target/release/jjj "$out/jjj"
cargo build --release --quiet -p jjj-core --features gzip --example bench_native
(
  # shellcheck source=scripts/env.sh
  . scripts/env.sh
  cargo build --profile wasm-release --quiet -p jjj-core --example bench_probe --target wasm32-unknown-unknown
  trunk build --release >/dev/null 2>&1
)
jjj="$out/jjj"
native=target/release/examples/bench_native
probe=""
for p in target/wasm/wasm32-unknown-unknown/wasm-release/examples/bench_probe.wasm \
  target/wasm32-unknown-unknown/wasm-release/examples/bench_probe.wasm; do
  [ -z "$probe" ] && [ -f "$p" ] && probe="$p"
done
[ -n "$probe" ] || { echo "bench.sh: the wasm probe was not built" >&2; exit 1; }

log "corpora: jjj synth 10,000 and $big articles, split in chunks of 200"
for n in 10000 "$big"; do
  # (Rebuilt when missing, or written by a build that reads another format.)
  if ! "$native" index "$out/c$n/corpus.jjj" /dev/null 2>/dev/null; then
    rm -rf "$out/c$n"
    [ -d "$out/p$n" ] || "$jjj" synth --articles "$n" --seed 1 -o "$out/p$n" >/dev/null
    "$jjj" build-corpus "$out/p$n" -o "$out/c$n/corpus.jjj" --split 200 >/dev/null 2>"$out/build-$n.log"
  fi
  # The index as the app holds it once loaded, uncompressed, for the query benchmarks.
  "$native" index "$out/c$n/corpus.jjj" "$out/c$n/index-whole.jjj"
  rm -rf "$out/dist-$n"
  cp -r dist "$out/dist-$n"
  rm -f "$out/dist-$n/corpus.jjj"
  cp -r "$out/c$n/corpus.jjj" "$out/c$n/corpus" "$out/dist-$n/"
  # Its first chart, drawn before the app starts (README: src/prerender.rs),
  # as a site publishing this corpus would write it.
  cargo run --quiet -p jjj-explorer --bin jjj-explorer -- prerender \
    "$out/dist-$n/corpus.jjj" "$out/dist-$n/first-chart.json"
done

log "jjj build-corpus throughput on 10,000 synthetic pages: 1 thread, then every core"
for j in 1 "$(nproc)"; do
  for r in 1 2 3; do
    "$jjj" build-corpus "$out/p10000" -o "$out/throughput.jjj" --jobs "$j" 2>&1 >/dev/null | grep -o '[0-9.]* MB/s' | cut -d' ' -f1
  done | sort -n | sed -n 2p >"$out/build-j$([ "$j" = 1 ] && echo 1 || echo all).txt"
done
# Real pages: the seed articles, 200 copies each (the ids differ by a line).
rm -rf "$out/seeds-x200" && mkdir -p "$out/seeds-x200"
for f in assets/seeds/*; do
  for k in $(seq 1 200); do
    { cat "$f"; printf '\n%s\n' "$k"; } >"$out/seeds-x200/$(basename "$f").$k"
  done
done
for j in 1 "$(nproc)"; do
  for r in 1 2 3; do
    "$jjj" build-corpus "$out/seeds-x200" -o "$out/throughput.jjj" --jobs "$j" 2>&1 >/dev/null | grep -o '[0-9.]* MB/s' | cut -d' ' -f1
  done | sort -n | sed -n 2p >"$out/build-seeds-j$([ "$j" = 1 ] && echo 1 || echo all).txt"
done

log "segmentation: native, and in headless Chromium beside jieba-wasm"
"$native" text dist/corpus.jjj >"$out/text-1.txt"
: >"$out/text.txt"
for _ in $(seq 1 12); do cat "$out/text-1.txt" >>"$out/text.txt"; done
"$native" segment "$out/text.txt" >"$out/segment-native.json"
node bench/segment.mjs "$probe" "$out/text.txt" 5 >"$out/segment-browser.json"

log "filter + facets: native, wasm, FlexSearch, MiniSearch"
for n in 10000 "$big"; do
  "$native" query "$out/c$n/index-whole.jjj" bench/queries.txt 10 >"$out/query-native-$n.json"
  [ -f "$out/peers-$n.jsonl" ] || "$native" peers "$out/c$n/corpus.jjj" >"$out/peers-$n.jsonl"
  node --max-old-space-size=12000 bench/query.mjs "$probe" "$out/c$n/index-whole.jjj" "$out/peers-$n.jsonl" bench/queries.txt 10 \
    >"$out/query-wasm-$n.json" 2>"$out/query-wasm-$n.log" || echo "the wasm/peer query run on $n failed: see $out/query-wasm-$n.log" >&2
done

log "the app in headless Chromium (cold cache, localhost, gzip)"
node bench/browser.mjs --dist dist --runs 7 --queries bench/queries.txt --import >"$out/browser-default.json"
# The same Sankey on a bare page with only echarts.min.js, runs alternating with the app's.
node bench/bare.mjs --dist dist --runs 7 >"$out/bare.json"
node bench/browser.mjs --dist "$out/dist-10000" --runs 3 --queries bench/queries.txt >"$out/browser-10000.json"
# The large corpus may not load at all in the browser: report what happened.
node bench/browser.mjs --dist "$out/dist-$big" --runs 1 --queries bench/queries.txt --timeout 300000 \
  >"$out/browser-$big.json" 2>"$out/browser-$big.log" || echo "the $big-article run failed: see $out/browser-$big.log" >&2

log "summary"
node bench/report.mjs "$out" "$big" "$(nproc)" | tee "$out/summary.md"
