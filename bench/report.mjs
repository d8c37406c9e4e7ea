// Reads the results scripts/bench.sh wrote and prints the summary table
// (Markdown): every target of BENCHMARKS.md, ours beside the peer measured
// in the same run, and the ratio.
//   node bench/report.mjs target/bench 100000
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, big = "100000", cores = "2"] = process.argv.slice(2);
const read = (f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8") : null);
const json = (f) => { const s = read(f); return s ? JSON.parse(s) : null; };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f0 = (x) => (x == null ? "–" : Math.round(x).toLocaleString("en"));
const f1 = (x) => (x == null ? "–" : x.toFixed(1));
const f2 = (x) => (x == null ? "–" : x.toFixed(2));
const kb = (b) => (b == null ? "–" : `${Math.round(b / 1024).toLocaleString("en")} KB`);
const mb = (kB) => (kB == null ? "–" : `${Math.round(kB / 1024).toLocaleString("en")} MB`);
const ok = (yes) => (yes ? "met" : "**missed**");
const rows = [];
const row = (...c) => rows.push(`| ${c.join(" | ")} |`);

const browser = (f) => {
  const b = json(f);
  if (!b) return null;
  const r = b.runs;
  const long = r.flatMap((x) => x.longTasksDuringLoad);
  const filterLong = (b.interactions?.filters ?? []).flatMap((x) => x.longTasks);
  return {
    firstChart: median(r.map((x) => x.firstChartMs)),
    all: r.map((x) => x.firstChartMs),
    transfer: median(r.map((x) => x.transferBeforeChartBytes)),
    ready: median(r.map((x) => x.corpusReadyMs ?? x.firstChartMs)),
    transferReady: median(r.map((x) => x.transferBeforeReadyBytes ?? x.transferBeforeChartBytes)),
    // The first filter, chosen right after the first chart (bench/browser.mjs).
    filterQuery: r[0].firstFilter?.query,
    filterAfter: r[0].firstFilter ? median(r.map((x) => x.firstFilter.answeredMs - x.firstFilter.askedMs)) : null,
    transferFilter: r[0].firstFilter ? median(r.map((x) => x.firstFilter.transferBeforeBytes)) : null,
    rendererAtChart: Math.max(...r.map((x) => x.memoryAtFirstChart?.rendererKB ?? x.memory.rendererKB)),
    total: median(r.map((x) => x.transferTotalBytes)),
    memory: Math.max(...r.map((x) => x.memory.totalKB)),
    renderer: Math.max(...r.map((x) => x.memory.rendererKB)),
    wasm: Math.max(...r.map((x) => x.memory.wasmMemoryBytes ?? 0)),
    loadLong: long,
    loadLongPerRun: long.length / r.length,
    filterLong,
    filterMs: (b.interactions?.filters ?? []).map((x) => x.ms),
    imported: b.interactions?.imported,
  };
};

const def = browser("browser-default.json");
const d10 = browser("browser-10000.json");
const dbig = browser(`browser-${big}.json`);
if (def) {
  row("first chart, default corpus (5 articles), cold cache", "≤ 500 ms", `${f0(def.firstChart)} ms (runs: ${def.all.join(", ")})`, "spike: 1 s to first text", "", ok(def.firstChart <= 500));
  const worst = (xs) => (xs.length ? `${xs.length}, longest ${Math.max(...xs.map((x) => x.ms))} ms` : "none");
  const imp = def.imported;
  row("long tasks > 50 ms: load (per run) / filtering / import", "none",
    `load: ${f1(def.loadLongPerRun)} per run (${worst(def.loadLong)}); filtering ${def.filterMs.length} views: ${worst(def.filterLong)}; import: ${imp ? worst(imp.longTasks) : "–"}`,
    "", "", ok(def.loadLong.length + def.filterLong.length + (imp?.longTasks.length ?? 0) === 0));
  const bare = json("bare.json");
  if (bare) row("default corpus: first chart against a bare page drawing the same Sankey (same server, same echarts.min.js, alternating runs)", "≤ 1.3×",
    `app ${f0(bare.appMedianMs)} ms (runs: ${bare.app.join(", ")})`, `bare ECharts ${f0(bare.bareMedianMs)} ms (runs: ${bare.bare.join(", ")})`, `${f2(bare.ratio)}×`, ok(bare.ratio <= 1.3));
  row("transfer before the first chart (gzip)", "≤ 900 KB", `${kb(def.transfer)} (all, with the worker: ${kb(def.total)})`, "jieba-rs + default dictionary alone: 2.3 MB", "", ok(def.transfer <= 900 * 1024));
  if (imp) row("import of a pasted page, first of the session (worker start, dictionary, analysis)", "", `${f0(imp.importMs)} ms`, "", "", "");
}
const sn = json("segment-native.json");
const sb = json("segment-browser.json");
if (sn && sb) {
  row("segmentation dictionary ready (wasm, Chromium)", "≤ 200 ms",
    `ours (jieba-rs + domain words): ${f0(sb.dictionaryMs.ours)} ms; jieba-rs \`Jieba::new()\` alone: ${f0(sb.dictionaryMs.plain)} ms; in the app's worker: ${def?.imported?.dictionaryReady ?? "–"}`,
    `jieba-wasm 2.4.0: ${f0(sb.dictionaryMs.jiebaWasm)} ms (+ module ${f0(sb.moduleLoadMs.jiebaWasm)} ms)`,
    `${f2(sb.dictionaryMs.ours / sb.dictionaryMs.jiebaWasm)}×`, ok(sb.dictionaryMs.ours <= 200));
  const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1e3);
  const natPlain = mbps(sn.bytes, median(sn.plain_ms));
  const natOurs = mbps(sn.bytes, median(sn.ours_ms));
  const wPlain = mbps(sb.bytes, sb.medianMs.plain);
  const wOurs = mbps(sb.bytes, sb.medianMs.ours);
  const jw = mbps(sb.bytes, sb.medianMs.jiebaWasm);
  row(`segmentation throughput in Chromium (${f1(sb.bytes / 1e6)} MB of article text)`, "≥ 0.6 × native, ≥ 1.0 × jieba-wasm, identical tokens",
    `jieba-rs in our wasm: ${f2(wPlain)} MB/s (${f2(wPlain / natPlain)}× native ${f2(natPlain)} MB/s); ours with domain words: ${f2(wOurs)} MB/s (native ${f2(natOurs)})`,
    `jieba-wasm: ${f2(jw)} MB/s`, `${f2(wPlain / jw)}× jieba-wasm; tokens ${sb.identical ? "identical" : "differ"} (${f0(sb.tokens.plain)} vs ${f0(sb.tokens.jiebaWasm)})`,
    ok(wPlain >= 0.6 * natPlain && wPlain >= jw && sb.identical));
}
for (const [n, target] of [["10000", 16], [big, 100]]) {
  const w = json(`query-wasm-${n}.json`);
  const nat = json(`query-native-${n}.json`);
  if (!w) continue;
  const np95 = nat ? [...nat.times_ms].sort((a, b) => a - b)[Math.floor(nat.times_ms.length * 0.95)] : null;
  row(`filter + facet update p95, ${Number(n).toLocaleString("en")} articles (${w.queries} queries × ${w.runs})`, `≤ ${target} ms`,
    `wasm (V8): ${f1(w.ours.p95)} ms (median ${f1(w.ours.median)}); native ${f1(np95)} ms`,
    `MiniSearch ${f1(w.minisearch.p95)} ms (median ${f1(w.minisearch.median)}); FlexSearch ${f1(w.flexsearch.p95)} ms (median ${f1(w.flexsearch.median)})`,
    `${f2(w.ours.p95 / w.minisearch.p95)}× MiniSearch, ${f2(w.ours.p95 / w.flexsearch.p95)}× FlexSearch`, ok(w.ours.p95 <= target));
}
const heap = (b) => (b.wasm ? `, app heap (wasm memory, reserved) ${mb(b.wasm / 1024)}` : "");
if (def) row("memory, default corpus", "", `all browser processes ${mb(def.memory)}, renderer ${mb(def.renderer)}${heap(def)}`, "", "", "");
const split = (b) => `first chart ${f0(b.firstChart)} ms (runs: ${b.all.join(", ")}), ${kb(b.transfer)} before it (renderer then ${mb(b.rendererAtChart)}); the first filter (${decodeURIComponent(b.filterQuery ?? "–")}, chosen then) answered ${f0(b.filterAfter)} ms after it was chosen, ${kb(b.transferFilter)} before it; index loaded, every filter answers: ${f0(b.ready)} ms, ${kb(b.transferReady)} before it`;
const dashboard = (b) => (b.filterMs.length ? `; dashboard after a filter (link or click to two frames): ${b.filterMs.join(", ")} ms` : "");
if (d10) row("10,000 articles (head, index, chunks)", "", `${split(d10)}; memory ${mb(d10.memory)} (renderer ${mb(d10.renderer)}${heap(d10)})${dashboard(d10)}`, "", "", "");
// An empty page already takes a lot of memory in the browser's processes
// (BENCHMARKS.md), so the memory target is read as what the corpus adds to
// the renderer over the 5-article page.
const added = (b) => (def ? b.renderer - def.renderer : null);
if (dbig) {
  row(`first chart, ${Number(big).toLocaleString("en")} articles (head, index, chunks)`, "≤ 1.5 s, ≤ 500 KB of corpus before it",
    split(dbig), "Pagefind loads index chunks on demand", "", ok(dbig.firstChart <= 1500));
  row(`corpus fetched by the time the first filter answers, ${Number(big).toLocaleString("en")} articles`, "≤ 5 MB gzip",
    `${kb(dbig.transferFilter == null ? null : dbig.transferFilter - dbig.transfer)} after the first chart (${kb(dbig.transferFilter)} in all, the app's files too); the whole index, which two filters, search text and the other views read: ${kb(dbig.transferReady - dbig.transfer)}`,
    "Pagefind fetches its index by word", "", ok(dbig.transferFilter != null && dbig.transferFilter - dbig.transfer <= 5 * 1024 * 1024));
  row(`memory, ${Number(big).toLocaleString("en")} articles`, "≤ 300 MB more than 5 articles",
    `renderer ${mb(dbig.renderer)} once the index is loaded, **${mb(added(dbig))} more than with 5 articles**${heap(dbig)}; all browser processes ${mb(dbig.memory)}${dashboard(dbig)}`,
    "", "", ok(added(dbig) <= 300 * 1024));
}
const b1 = read("build-j1.txt"), bn = read("build-jall.txt");
const s1 = read("build-seeds-j1.txt"), sN = read("build-seeds-jall.txt");
if (b1) row("`jjj build-corpus`, MB/s of raw pages", "≥ 5 MB/s per core, every core",
  `synthetic pages: ${b1.trim()} MB/s on 1 thread, ${bn?.trim() ?? "–"} on ${cores}; real seed pages ×200: ${s1?.trim() ?? "–"} on 1, ${sN?.trim() ?? "–"} on ${cores}`,
  "", "", ok(Number(b1) >= 5));

console.log("| what | target | ours | peer or reference | ratio | |");
console.log("|---|---|---|---|---|---|");
console.log(rows.join("\n"));
