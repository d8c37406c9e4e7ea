// The views a researcher works in, as issue 14 asks for them: a flow's firm
// and year, a figure's place and year, labels that fit, the map, English
// everywhere, and the phone. Every value here was read from the seeds.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ARTIFACTS, DIST, ROOT, cardNumber, env, inkedPixels, openApp, ready, seedCount, useApp,
} from "./helpers.mjs";
import { serveDir } from "./server.mjs";

useApp();

/** The text of the cell of `label`'s column in the first row containing `text`. */
async function cell(page, text, label) {
  const row = page.locator("table.data tbody tr", { hasText: text }).first();
  await row.waitFor();
  return (await row.locator(`td[data-label="${label}"]`).textContent()).trim();
}

/** The labels ECharts drew for a chart's first series (hidden ones left out), as page rectangles. */
async function drawnLabels(page, chart) {
  const el = page.locator(`.panel[data-chart=${chart}] [_echarts_instance_]`);
  await el.locator("canvas").first().waitFor();
  await page.waitForTimeout(900);
  return el.evaluate((div) => {
    const c = echarts.getInstanceByDom(div);
    const data = c.getModel().getSeriesByIndex(0).getData();
    const out = [];
    for (let i = 0; i < data.count(); i += 1) {
      const t = data.getItemGraphicEl(i)?.getTextContent();
      if (!t || t.ignore || t.invisible) continue;
      const r = t.getBoundingRect().clone();
      r.applyTransform(t.getComputedTransform());
      out.push({ name: data.getName(i), x: r.x, y: r.y, w: r.width, h: r.height });
    }
    return { width: c.getWidth(), height: c.getHeight(), labels: out, count: data.count() };
  });
}

describe("the workflow", () => {
  test("every flow row shows its firm and the year its sentence states", async () => {
    const { context, page, problems } = await openApp({ width: 1400, height: 900 });
    await ready(page, "#v=flows");
    // SMC's move to Tianjin: "2016年，…SMC在北京亦庄的引导下注册成立SMC（天津）…".
    assert.equal(await cell(page, "2016年，随着京津冀协同发展深入推进", "年份"), "2016");
    // 铜牛制衣厂 moves to Hebei; the 2023年 of its sentence dates another
    // plant's opening, after a semicolon, so the row has no year.
    assert.equal(await cell(page, "铜牛制衣厂", "企业"), "铜牛制衣厂");
    assert.equal(await cell(page, "铜牛制衣厂", "年份"), "");
    await page.screenshot({ path: join(ARTIFACTS, "flows-desktop.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("every figure row shows its place and the year it refers to", async () => {
    const { context, page, problems } = await openApp({ width: 1400, height: 900 });
    await ready(page, "#v=figures");
    // "截至目前，曹妃甸协同发展示范区承接京津项目256个".
    assert.match(await cell(page, "256个", "地点"), /曹妃甸/);
    // "2017年，全省从京津引进资金突破2500亿元": 全省 is Hebei.
    assert.equal(await cell(page, "突破2500亿元", "地点"), "河北省");
    assert.equal(await cell(page, "突破2500亿元", "年份"), "2017");
    // "去年11月" in an article of 2018-01-22 is 2017; "十三五" is 2016–2020.
    assert.equal(await cell(page, "30万台", "年份"), "2017");
    assert.equal(await cell(page, "“十三五”北京累计疏解退出2154家", "年份"), "2016–2020");
    await page.screenshot({ path: join(ARTIFACTS, "figures-desktop.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("labels fit", () => {
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    test(`every sankey label and every top term is drawn inside its chart at ${width} px`, async () => {
      const { context, page, problems } = await openApp({ width, height });
      await ready(page, "#lv=exact&ind=1");
      const sankey = await drawnLabels(page, "sankey");
      assert.ok(sankey.labels.length > 3, "the sankey has labels");
      for (const l of sankey.labels) {
        assert.ok(l.x >= -1 && l.x + l.w <= sankey.width + 1, `${l.name} spans ${l.x}–${l.x + l.w} of ${sankey.width}`);
      }
      const terms = page.locator(".panel[data-chart=terms] [_echarts_instance_]");
      await terms.locator("canvas").first().waitFor();
      const shown = await terms.evaluate((div) => {
        const c = echarts.getInstanceByDom(div);
        const axis = c.getModel().getComponent("yAxis").axis;
        return { labels: axis.getViewLabels().length, data: axis.scale.getOrdinalMeta().categories.length };
      });
      assert.ok(shown.data >= 10, `${shown.data} terms`);
      assert.equal(shown.labels, shown.data, "no term's label is skipped");
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe("the map", () => {
  test("the map draws outlines, shows Hebei city by city, and no two labels overlap", async () => {
    const { context, page, problems } = await openApp({ width: 1400, height: 900 });
    await ready(page);
    const map = await drawnLabels(page, "map");
    const names = await page.locator(".panel[data-chart=map] [_echarts_instance_]").evaluate((div) => {
      const c = echarts.getInstanceByDom(div);
      const data = c.getModel().getSeriesByIndex(0).getData();
      return { geo: c.getOption().geo?.[0]?.map, all: Array.from({ length: data.count() }, (_, i) => data.getName(i)) };
    });
    assert.equal(names.geo, "jjj");
    // Towns and zones count to their city: 张家湾镇 is Beijing's.
    assert.ok(!names.all.includes("张家湾镇"), names.all.join("|"));
    assert.ok(names.all.includes("北京市"), names.all.join("|"));
    // A flow stated only for Hebei ends at the whole province, said so.
    assert.ok(names.all.some((n) => n.startsWith("河北省（全省）")), names.all.join("|"));
    for (let i = 0; i < map.labels.length; i += 1) {
      for (let j = i + 1; j < map.labels.length; j += 1) {
        const [a, b] = [map.labels[i], map.labels[j]];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        assert.ok(apart, `labels ${a.name} and ${b.name} overlap`);
      }
    }
    assert.ok((await inkedPixels(page, "map")) > 20000, "the outlines are drawn");
    await page.screenshot({ path: join(ARTIFACTS, "map-desktop.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("English everywhere", () => {
  test("units, outlets, lists, plurals and what a figure counts read as English", async () => {
    const { context, page, problems } = await openApp({ width: 1400, height: 900 });
    await ready(page);
    await page.locator(".lang-switch").click();
    await page.locator(".tab", { hasText: "Articles" }).click();
    await page.locator(".article-list > li").first().waitFor();
    const list = await page.locator(".article-list").textContent();
    assert.match(list, /People's Daily Online/);
    assert.doesNotMatch(list, /人民網/);
    assert.doesNotMatch(list, /\b1 (figures|flows)\b/);
    assert.doesNotMatch(await page.locator(".article-places").allTextContents().then((t) => t.join("")), /、/);
    await page.locator(".tab", { hasText: "Figures" }).click();
    await page.locator("table.data tbody tr").first().waitFor();
    const units = await page.locator('td[data-label="Unit"]').allTextContents();
    assert.ok(units.length > 10);
    for (const u of units) assert.doesNotMatch(u, /[\u4e00-\u9fff]/, `unit ${u}`);
    // What it counts: an English gloss, then the phrase as written.
    assert.match(await cell(page, "256个", "What it counts"), /^projects \(/);
    await page.screenshot({ path: join(ARTIFACTS, "figures-english-desktop.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("on a phone", () => {
  test("the filter panel folds once a filter is applied, the reader starts at the article, and the evidence is reached", async () => {
    const { context, page, problems } = await openApp({ width: 390, height: 844 });
    await ready(page);
    const panel = page.locator("details.filters-box");
    await panel.locator("summary").click();
    assert.equal(await panel.getAttribute("open"), "");
    const option = await page.locator("select[name=industry] option").nth(1).getAttribute("value");
    await page.selectOption("select[name=industry]", option);
    await page.waitForFunction(() => location.hash.includes("industry="));
    await page.waitForTimeout(300);
    assert.equal(await panel.getAttribute("open"), null, "the panel folded");
    await page.screenshot({ path: join(ARTIFACTS, "filtered-phone.png"), fullPage: false });
    // The reader opens at the article, not at the top of the page.
    await page.locator(".tab", { hasText: "文章" }).click();
    await page.locator(".article-list a.article").first().click();
    await page.locator("article.reader").waitFor();
    await page.waitForTimeout(300);
    const top = await page.locator("article.reader").evaluate((a) => a.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < 844 / 3, `the article starts at ${top}px`);
    // A table row's evidence and its link fit the screen, without scrolling sideways.
    await page.goto(page.url().split("#")[0] + "#v=flows");
    const evidence = page.locator("table.data tbody td.evidence-cell").first();
    await evidence.waitFor();
    const box = await evidence.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 391, `evidence at ${box.x}+${box.width}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 391));
    await page.screenshot({ path: join(ARTIFACTS, "flows-phone.png"), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("a split corpus", () => {
  test("a split, compressed corpus opens like the single bundle and its reader fetches the text", async () => {
    // The seeds as an index and chunks of two documents, gzip-compressed,
    // beside a copy of the app.
    const dir = await mkdtemp(join(tmpdir(), "jjj-split-"));
    await cp(DIST, dir, { recursive: true });
    execFileSync(join(ROOT, "target/release/jjj"), [
      "build-corpus", join(ROOT, "assets/seeds"), "-o", join(dir, "corpus.jjj"), "--split", "2", "--views-from", "0", "--quiet",
    ]);
    for (const file of ["corpus.jjj", "corpus/index-000.jjj", "corpus/lean-000.jjj", "corpus/00000.jjj"]) {
      const bytes = await readFile(join(dir, file));
      assert.deepEqual([bytes[0], bytes[1]], [0x1f, 0x8b], `${file} is gzip-compressed`);
    }
    const server = await serveDir(dir, "/split/");
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
    // The index is held back: the first screen comes from the head alone.
    let release;
    const gate = new Promise((r) => { release = r; });
    // (lean: what the app loads first; whole: what the tables load.)
    await page.route(/\/corpus\/(index|lean)-000\.jjj$/, async (route) => { await gate; await route.continue(); });
    await page.goto(server.url);
    await page.locator(".layout").waitFor({ timeout: 30_000 });
    assert.equal(await cardNumber(page, 0), await seedCount());
    await page.locator(".panel[data-chart=sankey] canvas").first().waitFor();
    await page.waitForFunction(() => performance.getEntriesByName("jjj-first-chart").length > 0);
    assert.ok((await inkedPixels(page, "sankey")) > 1000, "the Sankey is drawn before the index");
    const headFlows = await cardNumber(page, 2);
    // The filters show the head's counts; a view that needs the index says it is loading.
    await page.locator("select[name=region] option").nth(1).waitFor({ state: "attached" });
    await page.goto(`${server.url}#v=flows`);
    await page.getByRole("status").filter({ hasText: "正在载入索引" }).waitFor();
    await page.goto(`${server.url}#v=dashboard`);
    const single = await openApp();
    await ready(single.page);
    const cards = (p) => p.locator(".card .card-number").allTextContents();
    const sameCards = async (hash, what) => {
      for (const p of [page, single.page]) await p.evaluate((h) => { location.hash = h; }, hash);
      let same = false;
      for (let k = 0; k < 50 && !same; k++) {
        await page.waitForTimeout(100);
        const [a, b] = [await cards(page), await cards(single.page)];
        same = a.length === 4 && JSON.stringify(a) === JSON.stringify(b) && Number(a[0]) < await seedCount();
      }
      assert.ok(same, `${what}: ${await cards(page)} on the split corpus, ${await cards(single.page)} on the bundle`);
    };
    // One filter is answered before the index, from the view the build
    // computed for it (a file of its own), as the single bundle answers it.
    const views = [];
    page.on("request", (r) => { if (/\/corpus\/view-\d+\.jjj$/.test(r.url())) views.push(r.url()); });
    const hebei = "v=dashboard&region=%E6%B2%B3%E5%8C%97%E7%9C%81";
    await sameCards(hebei, "河北省 before the index");
    assert.equal(views.length, 1, views.join(" "));
    assert.equal(await page.evaluate(() => performance.getEntriesByName("jjj-corpus-ready").length), 0, "the index is still held back");
    // Two filters need the index: the dashboard says it is loading, then
    // answers as the single bundle does.
    const two = `${hebei}&y0=2015`;
    await page.evaluate((h) => { location.hash = h; }, two);
    await page.getByRole("status").filter({ hasText: "正在载入索引" }).waitFor();
    release();
    await page.waitForFunction(() => performance.getEntriesByName("jjj-corpus-ready").length > 0);
    await sameCards(two, "河北省 from 2015");
    await page.evaluate(() => { location.hash = "v=dashboard"; });
    await page.waitForFunction((n) => Number(document.querySelectorAll(".card .card-number")[2]?.textContent) === n, headFlows);
    // The same flows as the single bundle's, counted on its card.
    await single.page.evaluate(() => { location.hash = "v=dashboard"; });
    await page.waitForTimeout(300);
    assert.equal(await cardNumber(page, 2), await cardNumber(single.page, 2));
    await sameCards(hebei, "河北省 once the index is in");
    // The split corpus is held lean (its documents' flows and figures are in
    // its index only), yet every view shows what the single bundle shows.
    const both = async (hash, read, what) => {
      for (const p of [page, single.page]) await p.evaluate((h) => { location.hash = h; }, hash);
      let a, b;
      for (let k = 0; k < 100; k++) {
        await page.waitForTimeout(100);
        [a, b] = [await read(page), await read(single.page)];
        if (a.length > 0 && JSON.stringify(a) === JSON.stringify(b)) return a;
      }
      assert.fail(`${what}: ${JSON.stringify(a)} on the split corpus, ${JSON.stringify(b)} on the bundle`);
    };
    // The article list counts each article's flows and figures.
    const metas = await both("v=articles", (p) => p.locator(".article-list .article-meta").allTextContents(), "articles");
    assert.ok(metas.some((m) => /[1-9]\d* 条流向/.test(m)), metas.join(" / "));
    // The evidence under the dashboard: each sentence's flows (from its chunk) and the sentence.
    const evidence = await both("v=dashboard", (p) => p.locator(".evidence-list li").allTextContents(), "evidence");
    assert.ok(evidence.length >= 5, evidence.join(" / "));
    // The tables list every flow and figure: the lean corpus fetches its
    // whole summaries first, then shows the same rows.
    const rows = (p) => p.locator("table.data tbody tr").allTextContents();
    const flows = await both("v=flows", rows, "flows table");
    assert.equal(flows.length, headFlows);
    await both("v=figures", rows, "figures table");
    await single.context.close();
    // An import joins a lean corpus (its whole summaries are fetched first),
    // and a removal leaves it as it was.
    await page.goto(`${server.url}#v=import`);
    await page.locator("input[type=file]").setInputFiles([join(ROOT, "tests/e2e/fixtures/gbk-page.txt")]);
    await page.locator(".import-item.ok").waitFor({ timeout: 60_000 });
    await page.goto(`${server.url}#v=articles`);
    await page.locator(".article", { hasText: "天津武清承接北京产业转移成效显著" }).waitFor();
    assert.equal(await page.locator(".article-list > li").count(), (await seedCount()) + 1);
    await page.goto(`${server.url}#v=dashboard`);
    await page.waitForFunction((n) => Number(document.querySelectorAll(".card .card-number")[2]?.textContent) > n, headFlows);
    await page.goto(`${server.url}#v=import`);
    await page.locator(".import-item button", { hasText: "移除" }).first().click();
    await page.goto(`${server.url}#v=articles`);
    await page.waitForFunction((n) => document.querySelectorAll(".article-list > li").length === n, await seedCount());
    // The reader needs the whole text: it comes from a chunk.
    await page.goto(`${server.url}#v=articles`);
    await page.locator(".article-list a.article").first().click();
    const body = page.locator("article.reader .body");
    await body.waitFor();
    await page.waitForFunction(() => (document.querySelector("article.reader .body")?.textContent ?? "").length > 200);
    assert.deepEqual(problems, []);
    await context.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
});
