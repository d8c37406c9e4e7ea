// Screenshots of the built app for a person to look at:
// `node tests/e2e/shot.mjs [hash] [name]` writes tests/e2e/artifacts/<name>-{desktop,phone}.png;
// `JJJ_LANG=en` takes them in English.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveDir } from "./server.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const OUT = join(ROOT, "tests", "e2e", "artifacts");
const hash = process.argv[2] ?? "";
const name = process.argv[3] ?? "view";
await mkdir(OUT, { recursive: true });
const server = await serveDir(join(ROOT, "dist"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
for (const [label, viewport] of [["desktop", { width: 1400, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport });
  if (process.env.JJJ_LANG) {
    await page.addInitScript((l) => localStorage.setItem("jjj-lang", l), process.env.JJJ_LANG);
  }
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(`${label} console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => console.log(`${label} page error: ${e.message}`));
  await page.goto(server.url + hash);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: join(OUT, `${name}-${label}.png`), fullPage: true });
  await page.close();
}
await browser.close();
await server.close();
console.log("written", name);
