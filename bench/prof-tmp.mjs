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
const { profile } = await cdp.send("Profiler.stop");
console.log(await page.evaluate(() => JSON.stringify(performance.getEntriesByType("mark").map(m => [m.name, Math.round(m.startTime)]))));
const self = new Map();
const dt = profile.timeDeltas; const samples = profile.samples;
const byId = new Map(profile.nodes.map(n => [n.id, n]));
for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]); const k = n.callFrame.functionName + " " + n.callFrame.url.slice(-25); self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ms  ${k}`).join("\n"));
await browser.close(); await server.close();
