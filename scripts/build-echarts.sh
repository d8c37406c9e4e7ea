#!/usr/bin/env bash
# Trunk pre_build hook: bundles the parts of ECharts the charts use
# (src/js/echarts-entry.js) from the pinned npm package into the build's
# staging folder as echarts.min.js, with esbuild (pinned in package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRUNK_STAGING_DIR:-dist}/echarts.min.js"
node_modules/.bin/esbuild src/js/echarts-entry.js --bundle --minify --format=iife \
  --target=es2020 --legal-comments=eof --log-level=warning --outfile="$out"
echo "build-echarts: $(wc -c < "$out") bytes -> $out"
