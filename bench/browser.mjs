// The app in headless Chromium, cold cache, served on localhost with gzip:
// time to the first chart, transfer before it, main-thread long tasks while
// loading, filtering and importing, the worker's dictionary, and memory.
//
//   node bench/browser.mjs --dist DIR [--runs N] [--queries FILE] [--import] > result.json
//
// Every run is a new browser (nothing cached, no service worker yet).
// The app sets the User Timing mark `jjj-first-chart` when its first chart
// is drawn (src/echarts.rs) and `jjj-corpus-ready` when the corpus is loaded
// (for a split corpus: its index, after the first screen). Memory is read
// at the first chart and after the corpus is loaded.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { launch, serve } from "./serve.mjs";

const args = process.argv.slice(2);
const opt = (k, d) => {
  const i = args.indexOf(k);
  return i < 0 ? d : args[i + 1];
};
const dist = opt("--dist");
const runs = Number(opt("--runs", "5"));
const queries = opt("--queries") ? readFileSync(opt("--queries"), "utf8").split("\n").filter((l) => l.trim()) : [];
const doImport = args.includes("--import");
const timeout = Number(opt("--timeout", "180000"));
// The filter chosen right after the first chart (the hash's query): what it
// fetches before it answers is the row "fetched by the time the first
// filter answers" of BENCHMARKS.md.
const firstFilter = opt("--first-filter", "region=%E6%B2%B3%E5%8C%97%E7%9C%81");

const LONG_TASKS = `
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
  }).observe({ type: "longtask", buffered: true });
`;

// Resident memory of the browser's processes (renderers, GPU, browser), kB.
function browserMemory(pid) {
  const out = execFileSync("ps", ["-eo", "pid,ppid,rss,args"], { encoding: "utf8" });
  const rows = out.split("\n").slice(1).map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/)?.slice(1)).filter(Boolean);
  const kids = new Map();
  for (const [p, pp] of rows) kids.set(pp, [...(kids.get(pp) ?? []), p]);
  const all = new Set([String(pid)]);
  const stack = [String(pid)];
  while (stack.length) for (const k of kids.get(stack.pop()) ?? []) if (!all.has(k)) { all.add(k); stack.push(k); }
  let total = 0, renderer = 0;
  for (const [p, , rss, cmd] of rows) {
    if (!all.has(p)) continue;
    total += Number(rss);
    if (cmd.includes("--type=renderer")) renderer += Number(rss);
  }
  return { totalKB: total, rendererKB: renderer };
}


const server = await serve({ "/": dist });
// The server gzips each file the first time it is asked for it (GitHub Pages
// serves files already compressed): ask once for every file beside the page,
// the corpus index too, before anything is timed.
for (const name of readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)) {
  await (await fetch(server.url + name, { headers: { "accept-encoding": "gzip" } })).arrayBuffer();
}
const result = { dist, runs: [], interactions: null };
for (let run = 0; run < runs; run++) {
  const browser = await launch();
  // No service worker: it would take the requests made once it is active
  // (the index's later pieces), which the page's request events do not
  // report, and a first visit is what is measured.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: "block" });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  const requests = [];
  const record = async (r) => {
    const s = await r.sizes().catch(() => null);
    const t = r.timing();
    requests.push({ url: r.url().replace(server.url, ""), bytes: s ? s.responseBodySize + s.responseHeadersSize : 0, end: t.startTime + t.responseEnd });
  };
  page.on("requestfinished", record);
  context.on("requestfinished", () => {});
  await page.goto(server.url, { waitUntil: "commit" });
  await page.waitForFunction(() => performance.getEntriesByName("jjj-first-chart").length > 0, null, { timeout, polling: 50 });
  // One more frame: the chart's canvas is on screen.
  const marks = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok({
    origin: performance.timeOrigin,
    firstChart: performance.getEntriesByName("jjj-first-chart")[0].startTime,
    corpusReady: performance.getEntriesByName("jjj-corpus-ready")[0]?.startTime ?? null,
    painted: performance.now(),
    all: Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("jjj-")).map((m) => [m.name, Math.round(m.startTime)])),
  })))));
  const chartAt = marks.origin + marks.firstChart;
  const atChart = browserMemory(browser.process?.()?.pid ?? 0);
  // The first filter, chosen at once (src/dashboard.rs marks
  // \`jjj-first-filter\` when its dashboard is drawn).
  const filterAsked = await page.evaluate((q) => { const t = performance.now(); location.hash = `v=dashboard&${q}`; return t; }, firstFilter);
  await page.waitForFunction(() => performance.getEntriesByName("jjj-first-filter").length > 0, null, { timeout, polling: 20 });
  const filterAt = await page.evaluate(() => performance.getEntriesByName("jjj-first-filter")[0].startTime);
  // A split corpus draws its first screen from its head, then loads the
  // index: the filters answer from \`jjj-corpus-ready\` on.
  await page.waitForFunction(() => performance.getEntriesByName("jjj-corpus-ready").length > 0, null, { timeout, polling: 50 });
  marks.corpusReady = await page.evaluate(() => performance.getEntriesByName("jjj-corpus-ready")[0].startTime);
  await page.waitForTimeout(1500);
  const before = requests.filter((r) => r.end <= chartAt);
  const readyAt = marks.origin + marks.corpusReady;
  const beforeReady = requests.filter((r) => r.end <= readyAt);
  const beforeFilter = requests.filter((r) => r.end <= marks.origin + filterAt);
  const mem = browserMemory(browser.process?.()?.pid ?? 0);
  const heap = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : null);
  const wasmHeap = await page.evaluate(() => globalThis.jjjMemory?.buffer.byteLength ?? null);
  const long = await page.evaluate(() => window.__long);
  result.runs.push({
    firstChartMs: Math.round(marks.firstChart),
    corpusReadyMs: marks.corpusReady && Math.round(marks.corpusReady),
    paintedMs: Math.round(marks.painted),
    marks: marks.all,
    transferBeforeChartBytes: before.reduce((a, r) => a + r.bytes, 0),
    transferBeforeReadyBytes: beforeReady.reduce((a, r) => a + r.bytes, 0),
    firstFilter: { query: firstFilter, askedMs: Math.round(filterAsked), answeredMs: Math.round(filterAt), transferBeforeBytes: beforeFilter.reduce((a, r) => a + r.bytes, 0), requests: beforeFilter.filter((r) => r.end > chartAt).map((r) => `${r.url} ${r.bytes}`) },
    transferTotalBytes: requests.reduce((a, r) => a + r.bytes, 0),
    requestsBeforeChart: before.map((r) => `${r.url} ${r.bytes}`),
    longTasksDuringLoad: long,
    memory: { ...mem, jsHeapBytes: heap, wasmMemoryBytes: wasmHeap },
    memoryAtFirstChart: atChart,
    problems,
  });
  if (run === runs - 1) {
    // Filtering: each query through the URL's hash, as a link or a click does.
    const filters = [];
    for (const q of queries) {
      const before = await page.evaluate(() => window.__long.length);
      const ms = await page.evaluate((hash) => new Promise((ok) => {
        const t = performance.now();
        location.hash = hash;
        requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now() - t)));
      }), `v=dashboard&${q}`);
      await page.waitForTimeout(300);
      const long = await page.evaluate((n) => window.__long.slice(n), before);
      filters.push({ query: q, ms: Math.round(ms), longTasks: long });
    }
    let imported = null;
    if (doImport) {
      await page.evaluate(() => { location.hash = "v=import"; });
      await page.locator("textarea[name=paste]").waitFor();
      const n0 = await page.evaluate(() => window.__long.length);
      const text = readFileSync(new URL("../assets/seeds/001_24c4d525af6cbe55.txt", import.meta.url), "utf8");
      // A new page (not a copy of a shipped one), so it joins the corpus.
      await page.locator("textarea[name=paste]").fill(`${text}\n基准测试副本 ${Date.now()}`);
      const t0 = Date.now();
      await page.locator("button", { hasText: "分析粘贴的文本" }).click();
      await page.locator(".import-item.ok").first().waitFor({ timeout });
      const importMs = Date.now() - t0;
      // The worker starts with the first import and reports its dictionary time.
      const note = page.locator("p.note", { hasText: /ms/ });
      await note.waitFor({ timeout });
      const readyText = await note.textContent();
      await page.waitForTimeout(500);
      imported = {
        dictionaryReady: readyText.trim(),
        importMs,
        status: (await page.locator(".import-item").first().textContent()).trim().slice(0, 60),
        longTasks: await page.evaluate((n) => window.__long.slice(n), n0),
      };
    }
    result.interactions = { filters, imported };
  }
  await browser.close();
  process.stderr.write(`run ${run + 1}/${runs}: first chart ${result.runs.at(-1).firstChartMs} ms\n`);
}
await server.close();
console.log(JSON.stringify(result, null, 1));
