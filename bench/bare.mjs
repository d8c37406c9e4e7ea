// The reference for the default corpus's first chart: a bare page that
// loads the same echarts.min.js from the same server and draws the same
// Sankey (the option the app drew, read back from ECharts after a run of
// the app), with no app code and no corpus. Runs alternate between the app
// and the bare page, each in a new headless Chromium (nothing cached).
//
//   node bench/bare.mjs --dist DIR [--runs N] > result.json
//
// Both pages set the User Timing mark `jjj-first-chart` right after
// ECharts' setOption (the app in src/echarts.rs).
import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, serve } from "./serve.mjs";

const args = process.argv.slice(2);
const opt = (k, d) => {
  const i = args.indexOf(k);
  return i < 0 ? d : args[i + 1];
};
const dist = opt("--dist", "dist");
const runs = Number(opt("--runs", "7"));


/** A new browser opens `url`; the time of the mark `jjj-first-chart`, and `grab()` evaluated then. */
async function firstChart(url, grab) {
  const browser = await launch();
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => performance.getEntriesByName("jjj-first-chart").length > 0, null, { timeout: 60000, polling: 20 });
  const ms = await page.evaluate(() => performance.getEntriesByName("jjj-first-chart")[0].startTime);
  const grabbed = grab ? await page.evaluate(grab) : null;
  await browser.close();
  return { ms: Math.round(ms), grabbed };
}

// The option the app draws first, and the size of its box.
const app = await serve({ "/": dist });
const { grabbed: sankey } = await firstChart(app.url, () => {
  const el = document.querySelector("[_echarts_instance_]");
  const option = globalThis.echarts.getInstanceByDom(el).getOption();
  return { option: JSON.stringify(option), width: el.clientWidth, height: el.clientHeight };
});

const dir = mkdtempSync(join(tmpdir(), "jjj-bare-"));
copyFileSync(join(dist, "echarts.min.js"), join(dir, "echarts.min.js"));
writeFileSync(join(dir, "bare.js"), `const chart = echarts.init(document.getElementById("chart"), null, { renderer: "canvas" });
chart.setOption(${sankey.option}, { notMerge: true });
performance.mark("jjj-first-chart");
`);
writeFileSync(join(dir, "index.html"), `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare ECharts</title></head>
<body><div id="chart" style="width:${sankey.width}px;height:${sankey.height}px"></div>
<script src="echarts.min.js"></script><script src="bare.js"></script></body></html>
`);
const bare = await serve({ "/": dir });
// The servers gzip each file the first time it is asked for: not timed.
for (const [server, file] of [[bare, "echarts.min.js"], [bare, "bare.js"], [bare, ""]]) {
  await (await fetch(server.url + file, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
}
const result = { dist, runs, app: [], bare: [] };
for (let k = 0; k < runs; k++) {
  result.app.push((await firstChart(app.url)).ms);
  result.bare.push((await firstChart(bare.url)).ms);
  process.stderr.write(`run ${k + 1}/${runs}: app ${result.app.at(-1)} ms, bare ECharts ${result.bare.at(-1)} ms\n`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
result.appMedianMs = median(result.app);
result.bareMedianMs = median(result.bare);
result.ratio = result.appMedianMs / result.bareMedianMs;
await app.close();
await bare.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result, null, 1));
