// Filter + facet updates: our query code compiled to WebAssembly (the
// probe, crates/core/examples/bench_probe.rs, in V8) beside FlexSearch and
// MiniSearch on the same documents and queries. The peers cannot segment
// Chinese: they are given the text already cut into words by our segmenter
// (spaces between words), and their facets are counted here in JavaScript
// the way ours are (each facet with the other filters applied).
//
//   node bench/query.mjs PROBE.wasm INDEX.jjj PEERS.jsonl QUERIES.txt [RUNS] > result.json
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import FlexSearch from "flexsearch";

const [probe, indexFile, peersFile, queriesFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? "10");
const queries = readFileSync(queriesFile, "utf8").split("\n");
if (queries.at(-1) === "") queries.pop();
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const summary = (xs) => ({ median: pct(xs, 0.5), p95: pct(xs, 0.95), max: Math.max(...xs), n: xs.length });

// ---- ours, in WebAssembly ----
const { instance } = await WebAssembly.instantiate(readFileSync(probe), {});
const p = instance.exports;
const put = (bytes) => {
  const ptr = p.probe_alloc(bytes.length);
  new Uint8Array(p.memory.buffer, ptr, bytes.length).set(bytes);
  return ptr;
};
let t = performance.now();
const bundle = readFileSync(indexFile);
const docsLoaded = p.load(put(bundle), bundle.length);
const oursLoad = performance.now() - t;
const ours = [];
const oursCounts = [];
for (let r = 0; r < runs + 1; r++) {
  for (const q of queries) {
    const b = new TextEncoder().encode(q);
    const ptr = put(b);
    t = performance.now();
    const n = p.query(ptr, b.length);
    const ms = performance.now() - t;
    p.probe_free(ptr, b.length);
    if (r > 0) ours.push(ms);
    else oursCounts.push(n);
  }
}

// ---- the peers ----
const docs = readFileSync(peersFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
docs.forEach((d, i) => {
  d.i = i;
  d.year = d.date ? Number(d.date.slice(0, 4)) : null;
});
const parse = (s) => {
  const q = {};
  for (const kv of s.split("&")) {
    const [k, v = ""] = kv.split("=");
    if (k) q[k] = decodeURIComponent(v);
  }
  return q;
};

// The filters and facets over a candidate set (null: every document).
function facets(cand, q) {
  const fails = new Uint8Array(docs.length);
  for (const d of docs) {
    let b = 0;
    if (cand && !cand.has(d.i)) { fails[d.i] = 1; continue; }
    if (q.region && !d.regions.includes(q.region)) b |= 2;
    if (q.industry && !d.industries.includes(q.industry)) b |= 4;
    if ((q.y0 || q.y1) && !(d.year && !(q.y0 && d.year < Number(q.y0)) && !(q.y1 && d.year > Number(q.y1)))) b |= 8;
    if (q.source && d.source !== q.source) b |= 16;
    if ((q.from || q.to) && !d.flows.some((f) => (!q.from || f[0].includes(q.from)) && (!q.to || f[1].includes(q.to)))) b |= 32;
    fails[d.i] = b;
  }
  const count = () => new Map();
  const add = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  const [regions, inds, years, sources, dirs] = [count(), count(), count(), count(), count()];
  const hits = [];
  for (const d of docs) {
    const f = fails[d.i];
    if (f === 0) hits.push(d);
    if ((f & ~2) === 0) for (const r of d.regions) add(regions, r);
    if ((f & ~4) === 0) for (const x of d.industries) add(inds, x);
    if ((f & ~8) === 0 && d.year) add(years, d.year);
    if ((f & ~16) === 0 && d.source) add(sources, d.source);
    if ((f & ~32) === 0) for (const k of new Set(d.flows.filter((x) => x[2] !== x[3]).map((x) => x[2] + ">" + x[3]))) add(dirs, k);
  }
  hits.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.i - b.i);
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return hits.length + sorted(regions).length + sorted(inds).length + years.size + sorted(sources).length + sorted(dirs).length;
}

t = performance.now();
const mini = new MiniSearch({ idField: "i", fields: ["title", "text"], tokenize: (s) => s.split(/\s+/) });
mini.addAll(docs);
const miniBuild = performance.now() - t;
t = performance.now();
const flex = new FlexSearch.Index({ tokenize: "strict" });
for (const d of docs) flex.add(d.i, `${d.title} ${d.text}`);
const flexBuild = performance.now() - t;

const peers = { minisearch: [], flexsearch: [] };
const peerCounts = { minisearch: [], flexsearch: [] };
for (let r = 0; r < runs + 1; r++) {
  for (const line of queries) {
    const q = parse(line);
    const words = (q.q ?? "").split(/\s+/).filter(Boolean);
    t = performance.now();
    const a = words.length ? new Set(mini.search(words.join(" "), { combineWith: "AND" }).map((h) => h.id)) : null;
    const na = facets(a, q);
    const ma = performance.now() - t;
    t = performance.now();
    let b = null;
    for (const w of words) {
      const ids = new Set(flex.search(w, { limit: docs.length }));
      b = b ? new Set([...b].filter((x) => ids.has(x))) : ids;
    }
    const nb = facets(b, q);
    const mb = performance.now() - t;
    if (r > 0) {
      peers.minisearch.push(ma);
      peers.flexsearch.push(mb);
    } else {
      peerCounts.minisearch.push(na);
      peerCounts.flexsearch.push(nb);
    }
  }
}
console.log(JSON.stringify({
  documents: docsLoaded,
  queries: queries.length,
  runs,
  ours: { loadMs: oursLoad, ...summary(ours), checks: oursCounts },
  minisearch: { buildMs: miniBuild, ...summary(peers.minisearch), checks: peerCounts.minisearch },
  flexsearch: { buildMs: flexBuild, ...summary(peers.flexsearch), checks: peerCounts.flexsearch },
}, null, 1));
