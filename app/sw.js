// Shegong's service worker: after one visit the page works offline.
//
// It downloads nothing on its own account while the page loads: the page's loader keeps the
// app's wasm as it arrives, the search worker keeps the bundle, its chunks and its pages file
// as it fetches them (crates/wasm/js/shegong.js), all in this cache. Once the first results show it asks
// for the rest of its files to be kept (`{ keep: [urls] }`): they are taken from the HTTP cache
// where the server allows it, else downloaded. Requests go to the network first, so a new build
// or a rebuilt bundle shows at once when online, and every response is kept as it passes (after
// it is passed on); the cache answers only when the network cannot.
const CACHE = 'shegong-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page sends { keep: [absolute URLs] } for its files that are not kept yet.
self.addEventListener('message', (event) => {
  const urls = event.data?.keep;
  if (!Array.isArray(urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const url of urls) {
        if (typeof url !== 'string' || (await cache.match(url))) continue;
        try {
          const res = await fetch(url, { cache: 'force-cache' });
          if (res.ok) await cache.put(url, res);
        } catch {
          // Offline now: kept on a later visit.
        }
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith('http')) return;
  // Every navigation shows the same page; its query string only carries the app's state.
  const navigate = req.mode === 'navigate';
  const key = navigate ? self.registration.scope : req;
  event.respondWith(
    (async () => {
      try {
        const res = await fetch(req);
        // Kept after the response is on its way: a search waiting for a chunk never waits for
        // the cache's disk.
        if (res.ok && (res.type === 'basic' || res.type === 'cors')) {
          const copy = res.clone();
          event.waitUntil(caches.open(CACHE).then((c) => c.put(key, copy)));
        }
        return res;
      } catch (err) {
        const kept = await caches.open(CACHE).then((c) => c.match(key));
        if (kept) return kept;
        throw err;
      }
    })(),
  );
});
