import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";
const server = await serve({ "/": process.argv[2] });
for (let i = 0; i < 3; i++) {
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
page.on("pageerror", (e) => console.log("pageerror", e.message.slice(0,100)));
await page.goto(server.url);
await page.waitForTimeout(3000);
console.log(await page.evaluate(() => JSON.stringify(performance.getEntriesByType("mark").map(m => [m.name, Math.round(m.startTime)]).concat(performance.getEntriesByType("resource").filter(r => /corpus|wasm/.test(r.name)).map(r => [r.name.slice(-12), Math.round(r.startTime), Math.round(r.responseEnd)])))));
await browser.close(); }
await server.close();
