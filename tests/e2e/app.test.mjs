// Browser behaviour of the built app (dist/), in headless Chromium.
// Run `trunk build --release` first; scripts/test.sh does both.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveDir } from "./server.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");
const PAGE_EXTENSIONS = /\.(txt|html?|text|xhtml)$/i;
// Seed 004's headline (also its first line, so it holds for any title extractor).
const KNOWN_TITLE = "聚焦京津冀协同发展三个率先突破";

let server;
let browser;

before(async () => {
  await stat(join(DIST, "index.html")).catch(() => {
    throw new Error("dist/index.html is missing: run `trunk build --release` first");
  });
  server = await serveDir(DIST);
  // A normal launch: playwright gives the browser a fresh temporary profile.
  browser = await chromium.launch({
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
  await browser?.close();
  await server?.close();
});

/** A fresh page that records console errors, page errors and every request. */
async function openApp(viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => requests.push(req.url()));
  return { page, problems, requests };
}

async function seedCount() {
  return (await readdir(join(ROOT, "assets", "seeds"))).filter((f) => PAGE_EXTENSIONS.test(f))
    .length;
}

describe("the article list", () => {
  test("the app shows every article of the default corpus", async () => {
    const { page, problems, requests } = await openApp();
    await page.goto(server.url);
    const count = page.locator(".count");
    await count.waitFor({ timeout: 30_000 });
    assert.equal((await count.textContent()).trim(), `${await seedCount()} 篇文章`);
    assert.equal(await page.locator(".article-list > li").count(), await seedCount());
    assert.match(await page.locator("h1").textContent(), /京津冀产业流向浏览器/);
    await page.getByText(KNOWN_TITLE).first().waitFor();

    await page.screenshot({ path: join(ARTIFACTS, "list-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, "list-phone.png"), fullPage: true });

    assert.deepEqual(problems, []);
    const host = new URL(server.url).host;
    const foreign = requests.filter((u) => !u.startsWith("data:") && new URL(u).host !== host);
    assert.deepEqual(foreign, [], "every request goes to the local server");
    assert.ok(requests.some((u) => u.endsWith("/corpus.jjj")), "the corpus was fetched");
    await page.close();
  });

  test("a missing corpus shows an error message in the page", async () => {
    const { page } = await openApp();
    await page.route("**/corpus.jjj", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(server.url);
    const alert = page.locator("[role=alert]");
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /语料加载失败/);
    assert.match(await alert.textContent(), /HTTP 404/);
    await page.close();
  });
});

describe("the reader", () => {
  test("opening an article shows its body as text", async () => {
    const { page, problems } = await openApp({ width: 390, height: 844 });
    await page.goto(server.url);
    await page.locator(".article", { hasText: KNOWN_TITLE }).click();
    const reader = page.locator("article.reader");
    await reader.waitFor();
    assert.match(await reader.locator(".reader-title").textContent(), new RegExp(KNOWN_TITLE));
    const paragraphs = reader.locator(".body > p");
    assert.ok((await paragraphs.count()) > 3, "the body is split into paragraphs");
    assert.match(await reader.locator(".body").textContent(), /产业转移对接协作/);
    // The deck lines repeating the headline are not part of the body.
    assert.doesNotMatch(await reader.locator(".body").textContent(), /——聚焦/);
    for (const label of ["作者", "责任编辑", "编码", "字形"]) {
      await reader.locator("dt", { hasText: label }).waitFor();
    }
    // The top of the reader (the whole article is many screens long).
    await page.screenshot({ path: join(ARTIFACTS, "reader-phone.png") });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, "reader-desktop.png") });

    await reader.getByLabel("显示简体正文").check();
    assert.ok((await paragraphs.count()) > 3, "the simplified body is shown too");

    await reader.getByRole("button", { name: /返回文章列表/ }).click();
    await page.locator(".count").waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("no text of the corpus is ever rendered as markup", async () => {
    // Some seed pages carry HTML tags in their text; they must show as characters.
    const { page, problems } = await openApp();
    await page.goto(server.url);
    const items = page.locator(".article");
    await items.first().waitFor({ timeout: 30_000 });
    const n = await items.count();
    for (let i = 0; i < n; i += 1) {
      await items.nth(i).click();
      const reader = page.locator("article.reader");
      await reader.waitFor();
      const strayElements = await reader
        .locator(".body")
        .evaluate((body) => [...body.querySelectorAll("*")].filter((e) => e.tagName !== "P").length);
      assert.equal(strayElements, 0, `article ${i}: only <p> elements in the body`);
      const titleElements = await reader.locator(".reader-title *").count();
      assert.equal(titleElements, 0, `article ${i}: the title is plain text`);
      await reader.getByRole("button", { name: /返回文章列表/ }).click();
      await items.first().waitFor();
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
