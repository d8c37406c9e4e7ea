// The README's screenshots: `node tests/e2e/readme-shots.mjs` (after a
// release build) writes docs/screenshots/*.png.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveDir } from "./server.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const OUT = join(ROOT, "docs", "screenshots");
await mkdir(OUT, { recursive: true });
const server = await serveDir(join(ROOT, "dist"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});

async function shot(name, hash, viewport, prepare) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await page.locator(".layout").waitFor({ timeout: 30_000 });
  if (prepare) await prepare(page);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  await context.close();
}

const desktop = { width: 1280, height: 860 };
await shot("dashboard", "", desktop);
await shot("reader", "#v=articles", desktop, async (page) => {
  await page.locator(".article", { hasText: "聚焦京津冀" }).click();
  await page.locator("article.reader .m-flow").first().scrollIntoViewIfNeeded();
});
await shot("flows-en", `#v=flows&region=${encodeURIComponent("河北省")}`, desktop, async (page) => {
  await page.locator(".lang-switch").click();
  await page.locator("table.data tbody tr").first().waitFor();
});
await shot("import", "#v=import", desktop, async (page) => {
  await page.locator("input[type=file]").setInputFiles([join(ROOT, "tests/e2e/fixtures/gbk-page.txt"), join(ROOT, "tests/e2e/fixtures/script-page.html")]);
  await page.locator(".import-item.ok").nth(1).waitFor({ timeout: 60_000 });
});
await shot("articles-phone", "#v=articles", { width: 390, height: 844 });
await browser.close();
await server.close();
console.log("written to", OUT);
