// What the end-to-end test files share: the built app served as GitHub
// Pages serves it, a headless Chromium, and small readers of the page.
import { after, before } from "node:test";
import { mkdir, readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveDir } from "./server.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");
export const FIXTURES = join(ROOT, "tests", "e2e", "fixtures");
export const PAGE_EXTENSIONS = /\.(txt|html?|text|xhtml)$/i;
// Seed 004's headline (also its first line, so it holds for any title extractor).
export const KNOWN_TITLE = "聚焦京津冀协同发展三个率先突破";
export const enc = encodeURIComponent;

/** The server and browser of the running test file (set by useApp). */
export const env = { server: null, browser: null };

/** Registers the hooks that serve dist/ and start Chromium for a test file. */
export function useApp() {
before(async () => {
  await stat(join(DIST, "index.html")).catch(() => {
    throw new Error("dist/index.html is missing: run `trunk build --release` first");
  });
  // Served under a sub-path, as GitHub Pages serves it.
  env.server = await serveDir(DIST, "/jjj-explorer/");
  env.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
});
}

/** A fresh page (in a fresh profile) that records problems and requests. */
export async function openApp(viewport = { width: 1280, height: 900 }) {
  const context = await env.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => requests.push(req.url()));
  return { context, page, problems, requests };
}

export async function ready(page, hash = "") {
  await page.goto(env.server.url + hash);
  await page.locator(".layout").waitFor({ timeout: 30_000 });
}

export async function seedCount() {
  return (await readdir(join(ROOT, "assets", "seeds"))).filter((f) => PAGE_EXTENSIONS.test(f)).length;
}

/** Pixels of a chart's canvas that are not blank. */
export async function inkedPixels(page, chart) {
  return page.locator(`.panel[data-chart=${chart}] canvas`).first().evaluate((c) => {
    const g = c.getContext("2d");
    const { data } = g.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, gg, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 0 && !(r > 245 && gg > 245 && b > 245)) n += 1;
    }
    return n;
  });
}

export async function cardNumber(page, index) {
  return Number((await page.locator(".card .card-number").nth(index).textContent()).trim());
}

