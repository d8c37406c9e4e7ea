// The analysis gives the same result natively and in WebAssembly: the same
// tokens, regions, industries, flows and figures, for the seed pages and for
// every hand-written case text. Needs the native CLI (target/release/jjj)
// and the probe module (crates/core/examples/wasm_probe.rs) built for wasm32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const probePaths = [
  process.env.JJJ_WASM_PROBE,
  join(root, 'target/wasm/wasm32-unknown-unknown/wasm-release/examples/wasm_probe.wasm'),
  join(root, 'target/wasm32-unknown-unknown/wasm-release/examples/wasm_probe.wasm'),
].filter(Boolean);
const cli = join(root, 'target/release/jjj');

async function loadProbe() {
  const path = probePaths.find((p) => existsSync(p));
  assert.ok(path, `probe module not built; looked in ${probePaths.join(', ')}`);
  const { instance } = await WebAssembly.instantiate(readFileSync(path), {});
  const { memory, probe_alloc, probe_free, probe_analyze } = instance.exports;
  return (bytes) => {
    const ptr = probe_alloc(bytes.length);
    new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
    const packed = probe_analyze(ptr, bytes.length);
    probe_free(ptr, bytes.length);
    const outPtr = Number(packed >> 32n);
    const outLen = Number(packed & 0xffffffffn);
    const json = new TextDecoder().decode(new Uint8Array(memory.buffer, outPtr, outLen));
    probe_free(outPtr, outLen);
    return JSON.parse(json);
  };
}

function native(bytes) {
  try {
    const out = execFileSync(cli, ['extract', '-', '--json'], { input: bytes, maxBuffer: 1 << 28 });
    const d = JSON.parse(out.toString('utf8'));
    return { tokens: d.tokens, regions: d.regions, industries: d.industries, flows: d.flows, figures: d.figures };
  } catch (e) {
    // One line on stderr: `jjj: cannot extract standard input: <reason>`.
    const line = e.stderr.toString('utf8').trim();
    return { error: line.replace(/^jjj: cannot extract standard input: /, '') };
  }
}

function pages() {
  const seeds = join(root, 'assets/seeds');
  const out = readdirSync(seeds).sort().map((f) => [f, readFileSync(join(seeds, f))]);
  const fixtures = join(root, 'crates/core/tests/fixtures/analysis');
  for (const f of readdirSync(fixtures).filter((f) => f.startsWith('cases_'))) {
    for (const c of JSON.parse(readFileSync(join(fixtures, f), 'utf8'))) {
      // A case is a sentence or two: give it a headline so the page
      // cleaner treats it as an article.
      out.push([`${f}:${c.name}`, Buffer.from(`测试页面\n${c.text}`, 'utf8')]);
    }
  }
  return out;
}

test('wasm and native builds give identical analyses', async () => {
  assert.ok(existsSync(cli), `native CLI not built: ${cli}`);
  const wasm = await loadProbe();
  const all = pages();
  let analysed = 0;
  for (const [name, bytes] of all) {
    const w = wasm(bytes);
    const n = native(bytes);
    assert.deepEqual(w, n, name);
    if (!w.error) analysed += 1;
  }
  // Most pages must have been analysed, not just refused alike.
  assert.ok(analysed >= all.length * 0.8, `${analysed} of ${all.length} analysed`);
  assert.ok(all.length > 150);
});
