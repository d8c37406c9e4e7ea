// Starts the app. Trunk fills in the data-js / data-wasm attributes of the
// <script> tag that loads this file (see Trunk.toml, pattern_script); keeping
// the loader out of the page lets the CSP forbid inline scripts.
performance.mark("jjj-boot");
const tag = document.querySelector("script[data-js][data-wasm]");
// The corpus downloads while the app's code does (src/corpus.rs takes it).
globalThis.jjjCorpus = fetch("corpus.jjj");

// The app's code compiles (off the main thread) while ECharts is evaluated,
// instead of after it; the charts wait for `jjjCharts` (src/echarts.rs).
async function compile(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const type = (res.headers.get("content-type") ?? "").split(";")[0].trim();
  if (type === "application/wasm") return WebAssembly.compileStreaming(res);
  return WebAssembly.compile(await res.arrayBuffer());
}
const code = compile(tag.dataset.wasm);

// The first chart, drawn before the app has started: the build writes the
// default view's Sankey to first-chart.json (src/prerender.rs; the page
// preloads it). Only on the default view, at a width where the app does not
// shorten names, and only for the corpus the file was made from; the app
// takes the chart over when it draws the same one, and replaces it
// otherwise (src/echarts.rs).
function fnv1a32(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}
async function firstChartOption() {
  if (location.hash.replace(/^#/, "") !== "" || innerWidth <= 560) return null;
  const [chart, bytes] = await Promise.all([
    fetch("first-chart.json").then((r) => (r.ok ? r.json() : null)),
    globalThis.jjjCorpus.then((r) => (r.ok ? r.clone().arrayBuffer() : null)),
  ]);
  if (!chart || !bytes || bytes.byteLength !== chart.bytes) return null;
  if (fnv1a32(new Uint8Array(bytes)) !== chart.fnv) return null;
  let lang = "zh";
  try {
    if (localStorage.getItem("jjj-lang") === "en") lang = "en";
  } catch {
    // No storage: the app's default language.
  }
  return typeof chart[lang] === "string" ? { json: chart[lang], lang } : null;
}
const firstOption = firstChartOption().catch(() => null);
// Set once the app has started: from then on the app draws its own charts
// (a chart drawn late could stay on a view the reader has moved to).
let appStarted = false;
function drawFirstChart({ json, lang }) {
  if (appStarted || location.hash.replace(/^#/, "") !== "") return;
  const el = document.createElement("div");
  el.className = "first-chart";
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", lang === "en" ? "Flows (Sankey)" : "产业流向（桑基图）");
  document.body.append(el);
  try {
    const instance = echarts.init(el, null, { renderer: "canvas" });
    instance.setOption(JSON.parse(json), { notMerge: true });
    performance.mark("jjj-first-chart");
    globalThis.jjjFirstChart = { el, instance, json };
  } catch (err) {
    el.remove();
    throw err;
  }
}
code.catch(() => {}); // reported below, once awaited
const glue = import(tag.dataset.js);
globalThis.jjjCharts = new Promise((ok, fail) => {
  const s = document.createElement("script");
  s.src = "echarts.min.js";
  s.onload = () => {
    performance.mark("jjj-echarts");
    ok();
  };
  s.onerror = () => fail(new Error("echarts.min.js"));
  document.head.append(s);
});
// A chart that cannot load its library says so itself.
globalThis.jjjCharts.catch(() => {});
// The early chart is drawn as soon as ECharts is in, and the app starts
// after it: starting the app on the same thread first held the chart back
// by 100-250 ms. (Never more than a second and a half's wait for the app.)
const firstDrawn = Promise.race([
  Promise.all([firstOption, globalThis.jjjCharts]).then(([option]) => {
    if (option) drawFirstChart(option);
  }),
  new Promise((done) => setTimeout(done, 1500)),
]).catch((err) => console.warn("first chart:", err));

try {
  const { default: init } = await glue;
  const module = await code;
  await firstDrawn;
  appStarted = true;
  const wasm = await init({ module_or_path: module });
  // For the benchmarks (bench/browser.mjs): the size of the app's heap.
  globalThis.jjjMemory = wasm.memory;
  performance.mark("jjj-started");
  document.getElementById("boot")?.remove();
} catch (err) {
  const box = document.getElementById("boot");
  if (box) {
    box.className = "boot-error";
    box.textContent = `程序无法启动：${err}。请使用较新的浏览器（需支持 WebAssembly）并刷新页面。`;
  }
  throw err;
}

// After the first visit the app works offline: sw.js keeps the built files.
// It downloads every built file (the worker's large wasm too), so it waits
// until the app has drawn (or taken over) its first chart, or a few seconds,
// rather than compete with it.
if ("serviceWorker" in navigator) {
  const register = () =>
    navigator.serviceWorker.register("sw.js").catch((err) => {
      console.warn("offline copy unavailable:", err);
    });
  let waited = 0;
  const later = () => {
    waited += 100;
    if (performance.getEntriesByName("jjj-settled").length > 0 || waited >= 3000) register();
    else setTimeout(later, 100);
  };
  later();
}
