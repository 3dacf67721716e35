// Shegong's service worker: after one visit the page works offline.
//
// It keeps the app shell (the page and every file it links), `bundle.bin` and its pages file
// `bundle.pages.bin`, and any bundle the app asks it to keep (a `?bundle=` collection). Requests go to the network first, so a new
// build or a rebuilt bundle shows at once when online; the cache answers only when the network
// cannot.
const CACHE = 'shegong-v1';

/** The page and the files it links (Trunk gives them hashed names, so read them off the page). */
async function shell() {
  const scope = self.registration.scope;
  const page = await fetch(scope, { cache: 'no-cache' });
  const html = await page.text();
  const linked = [...html.matchAll(/(?:href|src)="([^"#]+)"/g)]
    .map((m) => new URL(m[1], scope))
    .filter((u) => u.origin === self.location.origin)
    .map((u) => u.href);
  const bundle = ['bundle.bin', 'bundle.pages.bin'].map((f) => new URL(f, scope).href);
  return { page: [scope, ...new Set(linked)], bundle };
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const { page, bundle } = await shell();
      // The page and its files must all be kept, or the worker does not install (and is tried
      // again on the next visit); a missing default bundle (the app may use ?bundle=) is fine.
      await cache.addAll(page);
      for (const url of bundle) await cache.add(url).catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

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

// The app sends { cache: <absolute URL> } for the bundle and its pages file once it has loaded.
self.addEventListener('message', (event) => {
  const url = event.data?.cache;
  if (typeof url === 'string') {
    event.waitUntil(caches.open(CACHE).then((c) => c.add(url)).catch(() => undefined));
  }
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith('http')) return;
  // Every navigation shows the same page; its query string only carries the app's state.
  const navigate = req.mode === 'navigate';
  const key = navigate ? self.registration.scope : req;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok && (res.type === 'basic' || res.type === 'cors')) {
          await cache.put(key, res.clone());
        }
        return res;
      } catch (err) {
        const kept = await cache.match(key);
        if (kept) return kept;
        throw err;
      }
    })(),
  );
});
