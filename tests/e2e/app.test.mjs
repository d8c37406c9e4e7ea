// Browser behaviour of the built app (dist/), in headless Chromium.
// Run `trunk build --release` first; scripts/test.sh does both.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  ARTIFACTS, FIXTURES, KNOWN_TITLE, ROOT, cardNumber, enc, env, inkedPixels, openApp, ready, seedCount, useApp,
} from "./helpers.mjs";

useApp();

describe("the dashboard", () => {
  test("charts are drawn for the default corpus and nothing is fetched from elsewhere", async () => {
    const { context, page, problems, requests } = await openApp();
    await ready(page);
    assert.equal(await cardNumber(page, 0), await seedCount());
    for (const chart of ["sankey", "map", "industries", "years", "terms"]) {
      await page.locator(`.panel[data-chart=${chart}] canvas`).first().waitFor();
      await page.waitForFunction(
        (name) => {
          const c = document.querySelector(`.panel[data-chart=${name}] canvas`);
          return c && c.width > 100 && c.height > 100;
        },
        chart,
      );
      await page.waitForTimeout(400);
      assert.ok((await inkedPixels(page, chart)) > 2000, `${chart} has drawn something`);
    }
    // Text alternatives: every chart has a data table.
    assert.equal(await page.locator(".panel .chart-table table").count(), 5);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-phone.png"), fullPage: true });
    assert.deepEqual(problems, []);
    const host = new URL(env.server.url).host;
    const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).host !== host);
    assert.deepEqual(foreign, [], "every request goes to the local server");
    // The policy that says so is in the page.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|https?:/);
    await context.close();
  });

  test("the first chart is drawn before the app starts, and the app takes it over", async () => {
    // boot.js draws first-chart.json (written by the build from the same
    // corpus, src/prerender.rs); the app's Sankey, showing the same option,
    // adopts that very chart instead of drawing a second one.
    const { context, page, problems } = await openApp();
    await ready(page);
    await page.locator(".panel[data-chart=sankey] canvas").first().waitFor();
    await page.waitForFunction(() => !globalThis.jjjFirstChart);
    const shape = await page.evaluate(() => ({
      adopted: document.querySelectorAll(".panel[data-chart=sankey] .chart > .first-chart").length,
      strays: [...document.querySelectorAll(".first-chart")].filter((e) => !e.closest(".panel")).length,
      instances: document.querySelectorAll(".panel[data-chart=sankey] [_echarts_instance_]").length,
      marks: performance.getEntriesByName("jjj-first-chart").length,
    }));
    assert.deepEqual(shape, { adopted: 1, strays: 0, instances: 1, marks: 1 });
    // It fills the app's box, and it is the app's chart: a click on a node filters.
    const [outer, inner] = await page.evaluate(() => {
      const box = (e) => [Math.round(e.getBoundingClientRect().width), Math.round(e.getBoundingClientRect().height)];
      return [box(document.querySelector(".panel[data-chart=sankey] .chart")), box(document.querySelector(".first-chart"))];
    });
    assert.deepEqual(inner, outer);
    assert.ok((await inkedPixels(page, "sankey")) > 2000);
    assert.deepEqual(problems, []);
    // Another view in the link (a new page: a hash alone would not reload):
    // nothing is drawn early.
    const other = await context.newPage();
    await ready(other, "#v=flows");
    await other.locator(".flows-table, table").first().waitFor();
    assert.equal(await other.locator(".first-chart").count(), 0);
    assert.equal(await other.evaluate(() => performance.getEntriesByName("jjj-first-chart").length), 0);
    await context.close();
  });

  test("when the chart library cannot be loaded, each chart says so and the rest works", async () => {
    const { context, page } = await openApp();
    await page.route("**/echarts.min.js", (route) => route.abort());
    await ready(page);
    const error = page.locator(".panel[data-chart=sankey] .chart-error");
    await error.waitFor();
    assert.match(await error.textContent(), /echarts\.min\.js/);
    // No empty chart box above the message.
    const box = page.locator(".panel[data-chart=sankey] .chart");
    assert.equal(await box.count(), 1);
    assert.equal(await box.isVisible(), false);
    // The filters and the other panels do not wait for a chart that never comes.
    await page.locator("select[name=region]").waitFor();
    await page.locator(".panel[data-chart=terms] .chart-error").waitFor();
    assert.equal(await page.locator(".panel .chart-table table").count(), 5);
    await page.locator(".tab", { hasText: "文章" }).click();
    await page.locator(".article").first().waitFor();
    await context.close();
  });

  test("clicking a sankey link filters the article list", async () => {
    const { context, page, problems } = await openApp();
    await ready(page);
    const before = await cardNumber(page, 0);
    // (The element ECharts draws in: the box itself, or the chart drawn
    // before the app started, which the box took over.)
    const el = page.locator(".panel[data-chart=sankey] [_echarts_instance_]");
    await page.waitForTimeout(800);
    // Where the widest link's band is drawn: its bezier's middle, half its thickness down.
    const spot = await el.evaluate((div) => {
      const chart = echarts.getInstanceByDom(div);
      const data = chart.getModel().getSeriesByIndex(0).getData("edge");
      let best = 0;
      const value = (i) => data.getRawDataItem(i).value;
      for (let i = 0; i < data.count(); i += 1) if (value(i) > value(best)) best = i;
      const path = data.getItemGraphicEl(best);
      const s = path.shape;
      const t = 0.5;
      const bez = (a, b, c, d) => (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
      const x = bez(s.x1, s.cpx1, s.cpx2, s.x2);
      const y = bez(s.y1, s.cpy1, s.cpy2, s.y2) + (s.extent || 0) / 2;
      const [gx, gy] = path.transformCoordToGlobal ? path.transformCoordToGlobal(x, y) : [x, y];
      const item = data.getRawDataItem(best);
      return { x: gx, y: gy, source: item.source, target: item.target };
    });
    const box = await el.boundingBox();
    await page.mouse.click(box.x + spot.x, box.y + spot.y);
    // The link's two ends become the direction filter…
    const chips = page.locator(".chips .chip");
    await chips.first().waitFor();
    const text = await page.locator(".chips").textContent();
    assert.match(text, /流出：/);
    assert.match(text, /流入：/);
    assert.ok(text.includes(spot.source.replace(/ →$/, "")), `${text} names ${spot.source}`);
    assert.ok(text.includes(spot.target.replace(/^→ /, "")), `${text} names ${spot.target}`);
    assert.match(await page.evaluate(() => decodeURIComponent(location.hash)), /from=.+&to=/);
    // …and the article list shows only the articles with such a flow.
    const after = await cardNumber(page, 0);
    assert.ok(after >= 1 && after < before, `${after} of ${before} articles`);
    await page.locator(".tab", { hasText: "文章" }).click();
    await page.locator(".article-list").waitFor();
    assert.equal(await page.locator(".article-list > li").count(), after);
    assert.equal((await page.locator(".count").textContent()).trim(), `${after} 篇文章`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an evidence sentence opens the article at that sentence", async () => {
    const { context, page } = await openApp();
    await ready(page);
    const item = page.locator(".evidence-list li").first();
    const sentence = (await item.locator("q").textContent()).trim();
    await item.locator("a").click();
    const target = page.locator("article.reader .m-target").first();
    await target.waitFor();
    const marked = (await page.locator("article.reader .m-target").allTextContents()).join("");
    // The reader shows the text as written (often traditional script): compare
    // the simplified view, which is the evidence's own script.
    await page.getByLabel("简体（标注）").check();
    await page.locator("article.reader .m-target").first().waitFor();
    const simp = (await page.locator("article.reader .m-target").allTextContents()).join("");
    assert.equal(simp, sentence);
    assert.ok(marked.length > 0);
    await context.close();
  });
});

describe("filters and links", () => {
  test("a URL reopens the same view and the back button works", async () => {
    const { context, page, problems } = await openApp();
    await ready(page, `#v=flows&region=${enc("沧州市")}&sort=-count`);
    await page.locator("table.data tbody tr").first().waitFor();
    assert.match(await page.locator(".chips").textContent(), /地区：沧州市/);
    assert.equal(await page.locator(".tab.current").textContent(), "流向");
    const rows = await page.locator("table.data tbody tr").count();
    assert.ok(rows >= 1);
    // Every row is a flow into or out of 沧州 or a place inside it.
    for (const r of await page.locator("table.data tbody tr").allTextContents()) {
      assert.match(r, /沧州|渤海新区|黄骅/);
    }
    // Sorted by count, largest first.
    const counts = (await page.locator("table.data tbody tr td:nth-child(5)").allTextContents())
      .map((t) => parseFloat(t) || 0);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    // Another view, then back.
    await page.locator(".tab", { hasText: "概览" }).click();
    await page.locator(".cards").waitFor();
    await page.goBack();
    await page.locator("table.data tbody tr").first().waitFor();
    assert.equal(await page.locator(".tab.current").textContent(), "流向");
    assert.match(await page.locator(".chips").textContent(), /地区：沧州市/);
    // Removing the chip removes the filter.
    await page.locator(".chip button").click();
    await page.waitForFunction(() => !decodeURIComponent(location.hash).includes("region="));
    assert.ok((await page.locator("table.data tbody tr").count()) > rows);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the filters can be used by keyboard and show facet counts", async () => {
    const { context, page } = await openApp();
    await ready(page);
    const region = page.locator("select[name=region]");
    const options = await region.locator("option").allTextContents();
    assert.ok(options.some((o) => /^河北省（\d+）$/.test(o)), options.join("|"));
    // Places below a province are indented under it.
    assert.ok(options.some((o) => /^　沧州市（\d+）$/.test(o)), options.join("|"));
    await region.focus();
    await region.selectOption("河北省");
    await page.locator(".chip").first().waitFor();
    await page.locator(".chip button").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll(".chip").length === 0);
    await page.locator("input[name=q]").fill("疏解");
    await page.keyboard.press("Enter");
    await page.locator(".chip", { hasText: "疏解" }).waitFor();
    await context.close();
  });

  test("the concordance lists every occurrence, sortable by the words on the right", async () => {
    const { context, page } = await openApp();
    await ready(page, `#v=kwic&k=${enc("承接")}&ks=right`);
    await page.locator(".kwic-table tr").first().waitFor();
    const expected = execFileSync(join(ROOT, "target/release/jjj"), ["kwic", join(ROOT, "assets/seeds"), "承接", "--limit", "100000"])
      .toString()
      .trim()
      .split("\n").length;
    assert.equal(await page.locator(".kwic-table tr").count(), expected);
    await page.locator(".kwic-table tr .kwic-hit a").first().click();
    await page.locator("article.reader .m-target").first().waitFor();
    await context.close();
  });
});

describe("import", () => {
  async function importFiles(page, files) {
    await page.locator(".tab", { hasText: "导入" }).click();
    await page.locator("input[type=file]").setInputFiles(files);
  }

  test("a GBK file imports and survives a reload", async () => {
    const { context, page, problems } = await openApp();
    await ready(page);
    await importFiles(page, [join(FIXTURES, "gbk-page.txt")]);
    const item = page.locator(".import-item.ok");
    await item.waitFor({ timeout: 60_000 });
    assert.match(await item.textContent(), /已加入：天津武清承接北京产业转移成效显著/);
    await page.locator(".tab", { hasText: "文章" }).click();
    const article = page.locator(".article", { hasText: "天津武清承接北京产业转移成效显著" });
    await article.waitFor();
    assert.match(await article.textContent(), /导入/);
    assert.match(await article.textContent(), /GBK|条流向/);
    await page.screenshot({ path: join(ARTIFACTS, "import-desktop.png"), fullPage: true });
    // After a reload it is analysed again from what was stored.
    await page.reload();
    await page.locator(".tab", { hasText: "文章" }).click();
    await page.locator(".article", { hasText: "天津武清承接北京产业转移成效显著" }).waitFor({ timeout: 60_000 });
    assert.equal(await page.locator(".article-list > li").count(), (await seedCount()) + 1);
    // Its flows join the corpus's.
    await page.locator(".tab", { hasText: "流向" }).click();
    await page.locator("table.data tbody tr", { hasText: "武清" }).first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an HTML file with a script imports as inert text", async () => {
    const { context, page, problems } = await openApp();
    await ready(page);
    await importFiles(page, [join(FIXTURES, "script-page.html")]);
    await page.locator(".import-item.ok").waitFor({ timeout: 60_000 });
    await page.locator(".import-item.ok a").click();
    const reader = page.locator("article.reader");
    await reader.waitFor();
    const body = reader.locator(".body");
    assert.match(await body.textContent(), /沧州市承接北京企业32家/);
    // The escaped tag in the page is text, and nothing in the body is an element
    // but the reader's own paragraphs and marks.
    assert.match(await body.textContent(), /<b>加粗<\/b>/);
    const foreign = await body.evaluate((b) =>
      [...b.querySelectorAll("*")].filter((e) => !["P", "SPAN"].includes(e.tagName)).map((e) => e.tagName),
    );
    assert.deepEqual(foreign, []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script of the page ran");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the bad files of a mixed drop are listed with reasons and the good one is added", async () => {
    const { context, page } = await openApp();
    await ready(page);
    await importFiles(page, [
      { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
      { name: "photo.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex") },
      { name: "gbk-page.txt", mimeType: "text/plain", buffer: await readFile(join(FIXTURES, "gbk-page.txt")) },
    ]);
    await page.locator(".import-item.ok").waitFor({ timeout: 60_000 });
    await page.locator(".import-item.bad").nth(1).waitFor({ timeout: 60_000 });
    const bad = await page.locator(".import-item.bad").allTextContents();
    assert.ok(bad.some((t) => t.includes("empty.txt") && t.includes("文件是空的")), bad.join("|"));
    assert.ok(bad.some((t) => t.includes("photo.png") && t.includes("二进制")), bad.join("|"));
    await context.close();
  });
});

describe("export, language, offline", () => {
  test("CSV export downloads the filtered rows", async () => {
    const { context, page } = await openApp();
    await ready(page, `#v=flows&region=${enc("沧州市")}`);
    await page.locator("table.data tbody tr").first().waitFor();
    const shown = await page.locator("table.data tbody tr").count();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=flows-csv]").click()]);
    assert.equal(download.suggestedFilename(), "jjj-flows.csv");
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    assert.match(lines[0], /^doc,date,source,title,from,from_en,to,to_en/);
    assert.equal(lines.length - 1, shown);
    for (const l of lines.slice(1)) assert.match(l, /沧州|渤海新区|黄骅/);
    // A chart exports as a PNG image.
    await page.locator(".tab", { hasText: "概览" }).click();
    await page.locator(".panel[data-chart=sankey] canvas").waitFor();
    await page.waitForTimeout(500);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".panel[data-chart=sankey] .panel-head button").click(),
    ]);
    const bytes = await readFile(await png.path());
    assert.equal(bytes.subarray(1, 4).toString(), "PNG");
    await context.close();
  });

  test("an export contains exactly the rows on screen, in their order, under a row filter and a sort", async () => {
    const { context, page, problems } = await openApp();
    await ready(page, "#v=figures");
    const rows = page.locator("table.data tbody tr");
    await rows.first().waitFor();
    // Sort by value, then keep the rows that mention 亿.
    await page.locator("table.data thead th", { hasText: "数值" }).locator("button").first().click();
    await page.waitForTimeout(300);
    await page.fill("input[name=rows]", "亿");
    await page.waitForTimeout(400);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td").textContent.trim()));
    assert.ok(shown.length > 0, "some rows mention 亿");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-export=figures-csv]").click()]);
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n").slice(1);
    assert.equal(lines.length, shown.length, "as many rows as on screen");
    // Column 7 of the CSV is the figure as written, the table's first column.
    const raws = lines.map((l) => l.match(/^(?:"[^"]*"|[^,]*),(?:"[^"]*"|[^,]*),(?:"[^"]*"|[^,]*),(?:"[^"]*"|[^,]*),[^,]*,[^,]*,("[^"]*"|[^,]*)/)[1].replace(/^"|"$/g, ""));
    assert.deepEqual(raws, shown, "the same rows in the same order");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the English UI shows English labels and is remembered", async () => {
    const { context, page, problems } = await openApp();
    await ready(page);
    await page.locator(".lang-switch").click();
    await page.locator(".tab", { hasText: "Overview" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await page.locator("select[name=region]").waitFor();
    const options = await page.locator("select[name=region] option").allTextContents();
    assert.ok(options.some((o) => o.startsWith("Hebei")), options.join("|"));
    await page.locator(".tab", { hasText: "Flows" }).click();
    await page.locator("table.data tbody tr").first().waitFor();
    assert.match(await page.locator("table.data").textContent(), /Beijing/);
    await page.screenshot({ path: join(ARTIFACTS, "flows-english-desktop.png"), fullPage: true });
    await page.reload();
    await page.locator(".tab", { hasText: "Overview" }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the app reloads with the network off", async () => {
    const { context, page } = await openApp();
    await ready(page);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state;
    });
    // Wait until the worker has kept the files.
    await page.waitForFunction(async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0])).keys()).length >= 8);
    await context.setOffline(true);
    await page.reload();
    await page.locator(".cards").waitFor({ timeout: 30_000 });
    assert.equal(await cardNumber(page, 0), await seedCount());
    await context.close();
  });
});

describe("the article list and reader", () => {
  test("the articles view lists every article of the corpus", async () => {
    const { context, page, problems } = await openApp({ width: 390, height: 844 });
    await ready(page, "#v=articles");
    const count = page.locator(".count");
    await count.waitFor();
    assert.equal((await count.textContent()).trim(), `${await seedCount()} 篇文章`);
    assert.equal(await page.locator(".article-list > li").count(), await seedCount());
    await page.getByText(KNOWN_TITLE).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "articles-phone.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a missing corpus shows an error message in the page", async () => {
    const { context, page } = await openApp();
    await page.route("**/corpus.jjj", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(env.server.url);
    const alert = page.locator("[role=alert]");
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /语料加载失败/);
    assert.match(await alert.textContent(), /HTTP 404/);
    // The chart drawn before the app is only for the corpus it was made from.
    assert.equal(await page.locator("[_echarts_instance_]").count(), 0);
    await context.close();
  });

  test("the reader marks places, industries, figures and flows, and shows plain text on request", async () => {
    const { context, page, problems } = await openApp();
    await ready(page, "#v=articles");
    await page.locator(".article", { hasText: KNOWN_TITLE }).click();
    const reader = page.locator("article.reader");
    await reader.waitFor();
    for (const cls of ["m-place", "m-ind", "m-fig", "m-flow"]) {
      assert.ok((await reader.locator(`.body .${cls}`).count()) > 0, cls);
    }
    assert.match(await reader.locator(".body").textContent(), /产业转移对接协作/);
    await page.screenshot({ path: join(ARTIFACTS, "reader-desktop.png") });
    await reader.getByLabel("原文（无标注）").check();
    assert.equal(await reader.locator(".body .m-place").count(), 0);
    await reader.locator(".back").click();
    await page.locator(".count").waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("no text of the corpus is ever rendered as markup", async () => {
    const { context, page, problems } = await openApp();
    await ready(page, "#v=articles");
    const items = page.locator(".article");
    await items.first().waitFor({ timeout: 30_000 });
    const n = await items.count();
    for (let i = 0; i < n; i += 1) {
      await items.nth(i).click();
      const reader = page.locator("article.reader");
      await reader.waitFor();
      const stray = await reader
        .locator(".body")
        .evaluate((body) => [...body.querySelectorAll("*")].filter((e) => !["P", "SPAN"].includes(e.tagName)).length);
      assert.equal(stray, 0, `article ${i}: only the reader's own elements in the body`);
      assert.equal(await reader.locator(".reader-title *").count(), 0, `article ${i}: the title is plain text`);
      await reader.locator(".back").click();
      await items.first().waitFor();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("numbers that must be right", () => {
  test("the sankey by amount draws the joint origin and says its width never adds figures", async () => {
    const { context, page, problems } = await openApp({ width: 1400, height: 900 });
    await ready(page, "#w=amount");
    const panel = page.locator(".panel[data-chart=sankey]");
    await panel.locator("canvas").first().waitFor();
    await page.waitForTimeout(600);
    assert.ok((await inkedPixels(page, "sankey")) > 2000, "the amount sankey is not blank");
    // The amount stated for 京津 as one origin is one row from 京津, stated once.
    await panel.locator(".chart-table summary").click();
    const rows = panel.locator(".chart-table tbody tr");
    const jingjin = rows.filter({ hasText: "京津" }).first();
    assert.match(await jingjin.textContent(), /元/);
    assert.match(await panel.locator(".weight-note").first().textContent(), /最大值/);
    await page.screenshot({ path: join(ARTIFACTS, "sankey-amount-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, "sankey-amount-phone.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("every origin and destination count is the number of articles choosing it gives", async () => {
    const { context, page, problems } = await openApp();
    await ready(page);
    for (const name of ["from", "to"]) {
      const values = await page.locator(`select[name=${name}] option`).evaluateAll((os) =>
        os.filter((o) => o.value).map((o) => [o.value, Number(o.textContent.match(/（(\d+)）$/)[1])]),
      );
      assert.ok(values.length > 0, `${name} has options`);
      for (const [value, n] of values) {
        await page.selectOption(`select[name=${name}]`, value);
        await page.waitForFunction(
          ([sel, v]) => document.querySelector(sel).value === v,
          [`select[name=${name}]`, value],
        );
        await page.waitForTimeout(200);
        assert.equal(await cardNumber(page, 0), n, `${name} = ${value}`);
        await page.selectOption(`select[name=${name}]`, "");
        await page.waitForTimeout(200);
      }
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("undated articles can be chosen in the year filter and in the years chart", async () => {
    const { context, page, problems } = await openApp();
    await ready(page);
    const option = page.locator("select[name=y0] option[value=undated]");
    const n = Number((await option.textContent()).match(/（(\d+)）$/)[1]);
    assert.ok(n > 0);
    await page.selectOption("select[name=y0]", "undated");
    await page.waitForFunction(() => location.hash.includes("undated=1"));
    await page.waitForTimeout(300);
    assert.equal(await cardNumber(page, 0), n);
    assert.match(await page.locator(".chip").first().textContent(), /无日期/);
    await page.screenshot({ path: join(ARTIFACTS, "undated-desktop.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("no errors", () => {
  test("leaving the dashboard and coming back raises no page error", async () => {
    const { context, page, problems } = await openApp();
    await ready(page);
    await page.locator(".panel[data-chart=sankey] canvas").first().waitFor();
    for (const tab of ["文章", "流向", "数据", "概览", "语境检索", "概览"]) {
      await page.locator(".tab", { hasText: tab }).first().click();
      await page.waitForTimeout(700);
    }
    // And leaving before the charts have drawn.
    await ready(page, "#w=amount");
    await page.locator(".tab", { hasText: "文章" }).first().click();
    await page.waitForTimeout(1500);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
