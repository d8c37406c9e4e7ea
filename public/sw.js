// Keeps the built app so that it opens with the network cut. At install it
// stores the page and every file the page names (and the worker's files);
// afterwards files with a build hash in their name come from the cache, the
// rest from the network when it answers (so a new build shows) and from the
// cache when it does not.
const CACHE = "jjj-explorer-v1";
const FIXED = ["./", "index.html", "corpus.jjj", "first-chart.json", "echarts.min.js", "boot.js", "favicon.svg",
  "jjj-worker_loader.js", "jjj-worker.js", "jjj-worker_bg.wasm"];
const HASHED = /-[0-9a-f]{8,20}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch("index.html", { cache: "no-store" });
    const html = await page.clone().text();
    await cache.put("index.html", page);
    const named = [...html.matchAll(/(?:src|href|data-js|data-wasm)="([^"#?]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !/^[a-z]+:/i.test(u));
    const all = [...new Set([...FIXED, ...named])];
    // One missing file must not stop the others from being kept.
    await Promise.all(all.map((u) => cache.add(new Request(u, { cache: "no-store" })).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (HASHED.test(url.pathname)) {
      const hit = await cache.match(req);
      if (hit) return hit;
    }
    try {
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone()).catch(() => {});
      return res;
    } catch (err) {
      const hit = (await cache.match(req, { ignoreSearch: true })) ??
        (req.mode === "navigate" ? await cache.match("index.html") : undefined);
      if (hit) return hit;
      throw err;
    }
  })());
});
