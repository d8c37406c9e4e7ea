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

try {
  const { default: init } = await glue;
  const wasm = await init({ module_or_path: await code });
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
// until the first chart is drawn, or a few seconds, rather than compete with it.
if ("serviceWorker" in navigator) {
  const register = () =>
    navigator.serviceWorker.register("sw.js").catch((err) => {
      console.warn("offline copy unavailable:", err);
    });
  let waited = 0;
  const later = () => {
    waited += 100;
    if (performance.getEntriesByName("jjj-first-chart").length > 0 || waited >= 3000) register();
    else setTimeout(later, 100);
  };
  later();
}
