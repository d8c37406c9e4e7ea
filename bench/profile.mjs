// Where the main thread's time goes between the corpus arriving and the
// first chart: a V8 CPU profile of one cold load, summed by function (self
// and total) over the samples from the corpus index being built
// (`Index::with_terms`) to the end of the first `setOption`.
//
//   node bench/profile.mjs DIST
//
// Function names need a build that keeps them: add `data-keep-debug` and
// `data-wasm-opt="0"` to the app's <link data-trunk rel="rust"> in
// index.html and `trunk build --release --dist /tmp/dist-names` (slower
// code than the shipped build; read the shares, not the times).
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
const server = await serve({ "/": process.argv[2] });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName("jjj-first-chart").length > 0, null, { timeout: 120000 });
const marks = await page.evaluate(() => performance.getEntriesByType("mark").map(m => m.name + "@" + Math.round(m.startTime)).join(" "));
const { profile } = await cdp.send("Profiler.stop");
console.log(marks);
// Self and total time by function, over the samples of the window above.
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(), total = new Map();
const dt = profile.timeDeltas;
const stackNames = (id) => { const out = []; while (id !== undefined) { out.push(byId.get(id).callFrame.functionName); id = parent.get(id); } return out; };
const times = [];
let tt = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) { tt += dt[i]; times.push(tt); }
const startIdx = profile.samples.findIndex((id) => stackNames(id).some((f) => f.includes("with_terms")));
const setIdx = profile.samples.findIndex((id, i) => i > startIdx && stackNames(id).some((f) => f.includes("setOption")));
let endIdx = setIdx; while (endIdx < profile.samples.length && stackNames(profile.samples[endIdx]).some((f) => f.includes("setOption") || f === "(program)")) endIdx++;
console.log("window ms", ((times[endIdx] - times[startIdx]) / 1000).toFixed(1), "first setOption at +", ((times[setIdx] - times[startIdx]) / 1000).toFixed(1));
const name = (n) => `${(n.callFrame.functionName || "(anon)").slice(0,160)} ${n.callFrame.url.split("/").pop().slice(0, 12)}`;
for (let i = startIdx; i < endIdx; i++) {
  const d = (dt[i + 1] ?? 0) / 1000;
  let id = profile.samples[i];
  const n = byId.get(id);
  self.set(name(n), (self.get(name(n)) ?? 0) + d);
  const seen = new Set();
  while (id !== undefined) { const k = name(byId.get(id)); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + d); } id = parent.get(id); }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k}`).join("\n");
console.log("SELF\n" + top(self, 40)); console.log("TOTAL\n" + top(total, 80));
await browser.close(); await server.close();
