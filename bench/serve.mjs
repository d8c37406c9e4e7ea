// A static file server for the benchmarks: like GitHub Pages, it answers
// with gzip when the browser accepts it, so transfer sizes are what a
// visitor downloads. `mounts` maps URL prefixes to folders.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { TYPES } from "../tests/e2e/server.mjs";

export async function serve(mounts) {
  const roots = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const gz = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const hit = roots.find(([p]) => path.startsWith(p));
      if (!hit) return res.writeHead(404).end();
      const [prefix, base] = hit;
      let file = normalize(join(base, path.slice(prefix.length)));
      if (file !== base && !file.startsWith(base + sep)) return res.writeHead(403).end();
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!gz.has(file)) gz.set(file, gzipSync(body, { level: 6 }));
        body = gz.get(file);
        headers["content-encoding"] = "gzip";
      }
      headers["content-length"] = body.length;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** A new headless Chromium as every benchmark runs it (nothing cached, no GPU). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic", "--enable-precise-memory-info"],
  });
}
