// Segmentation in headless Chromium: our WebAssembly build of jieba-rs (the
// probe, crates/core/examples/bench_probe.rs) beside `jieba-wasm` 2.4.0 from
// npm on the same text, plus our own segmenter (jieba-rs with the domain
// words). Dictionary build time, throughput and whether the tokens agree.
//
//   node bench/segment.mjs PROBE.wasm TEXT.txt [RUNS] > result.json
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const [probe, textFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? "5");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tmp = dirname(textFile);
const server = await serve({
  "/jieba/": join(root, "node_modules/jieba-wasm/pkg/web"),
  "/probe/": dirname(probe),
  "/text/": tmp,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const page = await browser.newPage();
await page.goto(server.url + "text/" + textFile.split("/").pop());
const out = await page.evaluate(async ({ probeUrl, textUrl, runs }) => {
  const text = await (await fetch(textUrl)).text();
  const bytes = new TextEncoder().encode(text);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

  // jieba-wasm: the module, then its dictionary (built on first use).
  let t = performance.now();
  const jw = await import("/jieba/jieba_rs_wasm.js");
  await jw.default();
  const jwLoad = performance.now() - t;
  t = performance.now();
  jw.cut("京津冀", true);
  const jwDict = performance.now() - t;

  // Our probe: the module, then jieba-rs's dictionary, then ours.
  t = performance.now();
  const { instance } = await WebAssembly.instantiateStreaming(fetch(probeUrl), {});
  const p = instance.exports;
  const probeLoad = performance.now() - t;
  t = performance.now();
  p.plain_init();
  const plainDict = performance.now() - t;
  t = performance.now();
  p.ours_init();
  const oursDict = performance.now() - t;

  const put = () => {
    const ptr = p.probe_alloc(bytes.length);
    new Uint8Array(p.memory.buffer, ptr, bytes.length).set(bytes);
    return ptr;
  };
  const times = { jiebaWasm: [], plain: [], ours: [] };
  let counts = {};
  for (let r = 0; r < runs + 1; r++) {
    t = performance.now();
    const words = jw.cut(text, true);
    const a = performance.now() - t;
    let ptr = put();
    t = performance.now();
    const n = p.plain_count(ptr, bytes.length);
    const b = performance.now() - t;
    p.probe_free(ptr, bytes.length);
    ptr = put();
    t = performance.now();
    const m = p.ours_count(ptr, bytes.length);
    const c = performance.now() - t;
    p.probe_free(ptr, bytes.length);
    if (r > 0) {
      times.jiebaWasm.push(a);
      times.plain.push(b);
      times.ours.push(c);
    }
    counts = { jiebaWasm: words.length, plain: n, ours: m };
  }
  // Token for token: jieba-wasm's words against jieba-rs's in our build.
  const ptr = put();
  const packed = p.plain_cut(ptr, bytes.length);
  p.probe_free(ptr, bytes.length);
  const outPtr = Number(packed >> 32n), outLen = Number(packed & 0xffffffffn);
  const mine = new TextDecoder().decode(new Uint8Array(p.memory.buffer, outPtr, outLen)).split("\u0001");
  p.probe_free(outPtr, outLen);
  const theirs = jw.cut(text, true);
  let firstDifference = null;
  for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
    if (mine[i] !== theirs[i]) {
      firstDifference = { at: i, ours: mine.slice(i, i + 5), jiebaWasm: theirs.slice(i, i + 5) };
      break;
    }
  }
  // Where the two disagree: cut positions (char offsets) only one of them makes.
  const cuts = (ws) => { const c = new Set(); let at = 0; for (const w of ws) { at += [...w].length; c.add(at); } return c; };
  const a = cuts(mine), b = cuts(theirs);
  const onlyOurs = [...a].filter((x) => !b.has(x)).length;
  const onlyTheirs = [...b].filter((x) => !a.has(x)).length;
  // The words that differ, by kind: do they involve a Chinese character?
  const theirSet = new Set(theirs), mineSet = new Set(mine);
  const differing = [...new Set([...mine.filter((w) => !theirSet.has(w)), ...theirs.filter((w) => !mineSet.has(w))])];
  const han = differing.filter((w) => /\p{Script=Han}/u.test(w));
  return {
    bytes: bytes.length,
    cutsOnlyOurs: onlyOurs,
    cutsOnlyJiebaWasm: onlyTheirs,
    cutsTotal: a.size,
    differingWords: differing.slice(0, 20),
    differingHanWords: han.slice(0, 20),
    moduleLoadMs: { jiebaWasm: jwLoad, probe: probeLoad },
    dictionaryMs: { jiebaWasm: jwDict, plain: plainDict, ours: oursDict },
    medianMs: { jiebaWasm: median(times.jiebaWasm), plain: median(times.plain), ours: median(times.ours) },
    times,
    tokens: counts,
    identical: firstDifference === null,
    firstDifference,
  };
}, { probeUrl: "/probe/" + probe.split("/").pop(), textUrl: "/text/" + textFile.split("/").pop(), runs });
await browser.close();
await server.close();
console.log(JSON.stringify(out, null, 1));
