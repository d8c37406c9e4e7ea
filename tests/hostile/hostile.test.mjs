// Hostile inputs (tests/hostile/inputs/ and two large files written here)
// against the release CLI: each gets a clean result or one clear line, never
// a panic; build-corpus reports the bad ones and keeps the rest, and with
// --strict refuses to write a bundle.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CLI = join(ROOT, "target/release/jjj");
const EXPECTED = JSON.parse(readFileSync(join(ROOT, "tests/hostile/expected.json"), "utf8"));
let dir;

before(() => {
  assert.ok(existsSync(CLI), `build the release CLI first: ${CLI}`);
  dir = mkdtempSync(join(tmpdir(), "jjj-hostile-"));
  cpSync(join(ROOT, "tests/hostile/inputs"), dir, { recursive: true });
  const para = "北京市一般制造业企业持续疏解，一批企业迁往河北沧州和天津武清，2023年共引进项目120个，总投资达58.6亿元。";
  const head = "一个很大的页面\n日期：2023-05-01 来源：测试日报\n";
  const huge = Buffer.from(head + (para + "\n").repeat(Math.ceil((50 * 2 ** 20) / Buffer.byteLength(para + "\n"))));
  writeFileSync(join(dir, "huge-50mb.txt"), huge);
  writeFileSync(join(dir, "one-line-5mb.txt"), head + para.repeat(Math.ceil((5 * 2 ** 20) / Buffer.byteLength(para))));
});

after(() => rmSync(dir, { recursive: true, force: true }));

function jjj(args) {
  return spawnSync(CLI, args, { maxBuffer: 2 ** 31 - 1, encoding: "utf8" });
}

test("every hostile input gives a clean result or one clear line, never a panic", () => {
  const files = readdirSync(dir).sort();
  assert.deepEqual(files, Object.keys(EXPECTED).filter((k) => !k.startsWith("_")).sort());
  for (const f of files) {
    const want = EXPECTED[f];
    const started = Date.now();
    const r = jjj(["extract", join(dir, f), "--json"]);
    const took = Date.now() - started;
    assert.doesNotMatch(r.stderr, /panicked|RUST_BACKTRACE/, `${f}: ${r.stderr}`);
    if (want.outcome === "error") {
      assert.notEqual(r.status, 0, `${f} should fail`);
      assert.equal(r.stderr.trim().split("\n").length, 1, `${f}: ${r.stderr}`);
      assert.ok(r.stderr.includes(want.message), `${f}: ${r.stderr}`);
      continue;
    }
    assert.equal(r.status, 0, `${f}: ${r.stderr}`);
    const d = JSON.parse(r.stdout);
    const kinds = d.warnings.map((w) => w.kind);
    if ("encoding" in want) assert.equal(d.encoding, want.encoding, f);
    if ("warning" in want) assert.ok(kinds.includes(want.warning), `${f}: ${kinds}`);
    if ("title" in want) assert.equal(d.title, want.title, f);
    if ("date" in want) assert.equal(d.date, want.date, f);
    if ("source" in want) assert.equal(d.source, want.source, f);
    for (const s of want.body_contains ?? []) assert.ok(d.body.includes(s), `${f}: body lacks ${s}`);
    for (const s of want.body_lacks ?? []) assert.ok(!d.body.includes(s) && !(d.title ?? "").includes(s), `${f}: body has ${JSON.stringify(s)}`);
    if ("max_figure" in want) for (const g of d.figures) assert.ok(g.value <= want.max_figure, `${f}: ${g.raw}`);
    // The analysis of what was kept is whole: tokens cover the text.
    assert.equal(d.tokens.reduce((a, b) => a + b, 0), [...d.body_simplified].length, `${f}: tokens`);
    console.log(`  ${f}: ok in ${took} ms, ${d.flows.length} flows, ${d.figures.length} figures, warnings ${kinds.join(",") || "none"}`);
  }
});

test("build-corpus reports the bad files and keeps the rest, or with --strict writes nothing", () => {
  const out = join(dir, "..", `jjj-hostile-${process.pid}.jjj`);
  const r = jjj(["build-corpus", dir, "-o", out]);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /panicked/);
  const bad = Object.entries(EXPECTED).filter(([k, v]) => !k.startsWith("_") && v.outcome === "error").map(([k]) => k);
  const good = Object.keys(EXPECTED).filter((k) => !k.startsWith("_")).length - bad.length;
  for (const f of bad) assert.match(r.stderr, new RegExp(`skipped .*${f.replace(".", "\\.")}: `), f);
  assert.match(r.stdout, new RegExp(`total: ${good} documents, ${bad.length} skipped`));
  assert.ok(existsSync(out));
  rmSync(out);
  const s = jjj(["build-corpus", dir, "-o", out, "--strict"]);
  assert.notEqual(s.status, 0);
  assert.match(s.stderr, /--strict/);
  assert.ok(!existsSync(out), "no bundle with --strict");
});
