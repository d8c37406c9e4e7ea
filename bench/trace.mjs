// Where the main thread's time goes until the first chart: a Chromium
// trace of one cold load, printed as the main thread's longer events, the
// network requests and the app's User Timing marks (jjj-boot, jjj-started,
// jjj-corpus-ready, jjj-first-chart).   node bench/trace.mjs dist
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
const server = await serve({ "/": process.argv[2] });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
await browser.startTracing(page, { categories: ["devtools.timeline", "v8.execute", "blink.user_timing", "v8"] });
await page.goto(server.url);
await page.waitForFunction(() => performance.getEntriesByName("jjj-first-chart").length > 0, null, { timeout: 120000 });
await page.waitForTimeout(300);
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const main = ev.find((e) => e.name === "thread_name" && e.args.name === "CrRendererMain");
const tid = main.tid, pid = main.pid;
const nav = ev.find((e) => e.name === "navigationStart" && e.pid === pid) ?? ev.find(e => e.name === "TracingStartedInBrowser");
const t0 = nav.ts;
const names = new Map(); for (const e of ev) if (e.pid === pid && e.tid === tid && e.ph === "X" && e.dur > 20000) names.set(e.name, (names.get(e.name) ?? 0) + 1);
console.log([...names].join(", "));
const top = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur > 10000 && ["Layout", "EvaluateScript", "v8.run", "RunMicrotasks", "FunctionCall", "TimerFire", "ParseHTML", "UpdateLayoutTree", "Paint", "v8.compile", "v8.wasm.compile", "CompileScript", "ScheduleStyleRecalculation", "RecalculateStyles", "v8.callFunction", "PrePaint", "Layerize", "wasm.CompileLazy"].includes(e.name));
for (const t of top.sort((a, b) => a.ts - b.ts)) console.log(`${((t.ts - t0) / 1000).toFixed(0)} +${(t.dur / 1000).toFixed(0)} ${t.name} ${t.args?.data?.url?.slice(-25) ?? ""} ${t.args?.data?.functionName ?? ""}`);
for (const e of ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur > 2000 && e.ts - t0 < 600000).sort((a, b) => a.ts - b.ts).slice(0, 60)) console.log("  ", ((e.ts - t0) / 1000).toFixed(0), "+" + (e.dur / 1000).toFixed(0), e.name, e.args?.data?.url?.slice(-20) ?? "");
for (const e of ev.filter((e) => e.name === "ResourceFinish" || e.name === "ResourceSendRequest")) console.log("  net", e.name, ((e.ts - t0) / 1000).toFixed(0), e.args?.data?.url?.slice(-20) ?? e.args?.data?.requestId);
const marks = ev.filter((e) => e.cat?.includes("user_timing") && e.name.startsWith("jjj")).map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(0)}`);
console.log(marks.join(" "));
await browser.close(); await server.close();
