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
const tasks = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.dur > 8000 && ["RunTask", "ThreadControllerImpl::RunTask"].includes(e.name));
for (const t of tasks.sort((a,b)=>a.ts-b.ts)) {
  const inner = ev.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 3000);
  const top = inner.sort((a, b) => b.dur - a.dur).slice(0, 6).map((e) => `${e.name}${e.args?.data?.url ? "(" + e.args.data.url.slice(-20) + ")" : ""}${e.args?.data?.functionName ? "[" + e.args.data.functionName + "]" : ""} ${(e.dur / 1000).toFixed(0)}`);
  console.log(`${((t.ts - t0) / 1000).toFixed(0)} ms +${(t.dur / 1000).toFixed(0)}: ${top.join(" | ")}`);
}
const marks = ev.filter((e) => e.cat?.includes("user_timing") && e.name.startsWith("jjj")).map((e) => `${e.name}@${((e.ts - t0) / 1000).toFixed(0)}`);
console.log(marks.join(" "));
await browser.close(); await server.close();
