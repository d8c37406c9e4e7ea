// Reliability and security in the browser: a worker crash, a damaged stored
// record, a full storage, the Content-Security-Policy, spreadsheet formulas.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveDir } from "./server.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const FIXTURES = join(ROOT, "tests", "e2e", "fixtures");
let server;
let browser;

before(async () => {
  await stat(join(DIST, "index.html"));
  server = await serveDir(DIST, "/jjj-explorer/");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = "#v=import") {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + hash);
  await page.locator(".layout").waitFor({ timeout: 30_000 });
  return { context, page, errors };
}

async function importBuffer(page, name, buffer) {
  await page.locator("input[type=file]").setInputFiles({ name, mimeType: "text/plain", buffer });
}

describe("nothing lost", () => {
  test("a crash of the worker shows a message, keeps the file and the page usable", async () => {
    const { context, page, errors } = await open();
    // The worker's code throws as it starts: the same event as a panic.
    await page.route("**/jjj-worker_loader.js", (r) =>
      r.fulfill({ status: 200, contentType: "text/javascript", body: "throw new Error('worker crash for the test');" }),
    );
    const gbk = await readFile(join(FIXTURES, "gbk-page.txt"));
    await importBuffer(page, "gbk-page.txt", gbk);
    const alert = page.locator(".import [role=alert]");
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /分析程序出错，已自动重新启动/);
    assert.match(await page.locator(".import-item.bad").textContent(), /已保存/);
    // The page still works, and a new worker takes the next import.
    await page.unroute("**/jjj-worker_loader.js");
    await page.locator(".tab", { hasText: "概览" }).click();
    await page.locator(".cards").waitFor();
    await page.locator(".tab", { hasText: "导入" }).click();
    await importBuffer(page, "gbk-again.txt", gbk);
    await page.locator(".import-item.ok").waitFor({ timeout: 60_000 });
    // The crashed file was kept: after a reload it is analysed.
    await page.reload();
    await page.locator(".tab", { hasText: "文章" }).click();
    await page.locator(".article", { hasText: "天津武清承接北京产业转移成效显著" }).waitFor({ timeout: 60_000 });
    assert.deepEqual(errors.filter((e) => !e.includes("worker crash")), []);
    await context.close();
  });

  test("a damaged stored record is skipped with a warning and the rest load", async () => {
    const { context, page } = await open();
    await importBuffer(page, "gbk-page.txt", await readFile(join(FIXTURES, "gbk-page.txt")));
    await page.locator(".import-item.ok").waitFor({ timeout: 60_000 });
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open("jjj-explorer", 1);
          req.onsuccess = () => {
            const tx = req.result.transaction("imports", "readwrite");
            tx.objectStore("imports").put({ id: "damaged", name: 7, bytes: "not bytes" });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page.reload();
    await page.locator(".tab", { hasText: "导入" }).click();
    const alert = page.locator(".import [role=alert]");
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /1 条已保存的导入记录已损坏，已跳过/);
    await page.locator(".import-item.ok").waitFor({ timeout: 60_000 });
    await context.close();
  });

  test("a full storage is said plainly and leaves nothing half-written", async () => {
    const { context, page } = await open();
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await importBuffer(page, "gbk-page.txt", await readFile(join(FIXTURES, "gbk-page.txt")));
    const item = page.locator(".import-item.ok");
    await item.waitFor({ timeout: 60_000 });
    assert.match(await item.textContent(), /未能保存，刷新后将丢失：存储空间已满/);
    await page.reload();
    await page.locator(".tab", { hasText: "文章" }).click();
    await page.locator(".article-list").waitFor();
    assert.equal(await page.locator(".article", { hasText: "天津武清" }).count(), 0);
    await context.close();
  });
});

describe("no way in", () => {
  test("the Content-Security-Policy is in force", async () => {
    const { context, page } = await open("");
    const result = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const s = document.createElement("script");
      s.textContent = "window.__inline = 1;";
      document.body.appendChild(s);
      let fetched = true;
      try {
        await fetch("https://example.com/data.json");
      } catch {
        fetched = false;
      }
      const img = new Image();
      img.src = "https://example.com/x.png";
      await new Promise((r) => setTimeout(r, 300));
      return { inline: window.__inline, fetched, violations };
    });
    assert.equal(result.inline, undefined, "an inline script did not run");
    assert.equal(result.fetched, false, "a request to another host is refused");
    assert.ok(result.violations.some((v) => v.startsWith("connect-src")), result.violations.join());
    assert.ok(result.violations.some((v) => v.startsWith("script-src")), result.violations.join());
    assert.ok(result.violations.some((v) => v.startsWith("img-src")), result.violations.join());
    await context.close();
  });

  test("a formula in an imported page exports inert", async () => {
    const { context, page } = await open();
    await page.locator("textarea[name=paste]").fill('=HYPERLINK("http://example.com","点击")北京一家服装企业整体搬迁至河北沧州。\n+1+2 天津一家化工企业外迁至山东滨州。');
    await page.getByRole("button", { name: "分析粘贴的文本" }).click();
    await page.locator(".import-item.ok").waitFor({ timeout: 60_000 });
    await page.locator(".tab", { hasText: "流向" }).click();
    await page.locator("input[name=q]").fill("HYPERLINK");
    await page.keyboard.press("Enter");
    await page.locator("table.data tbody tr").first().waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=flows-csv]").click()]);
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    assert.match(csv, /'=HYPERLINK/);
    // No cell starts with a formula sign, quoted or not.
    for (const line of csv.split("\r\n")) assert.doesNotMatch(line, /(^|,)"?[=+@-]/, line);
    await context.close();
  });
});
