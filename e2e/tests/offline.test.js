// After one visit the service worker keeps the page and its bundle: it reloads and searches
// with the server gone and the browser offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

/** Wait until the service worker controls the page and keeps the bundle at `path`. */
async function kept(page, path) {
  await page.waitForFunction(
    async (path) => {
      if (!navigator.serviceWorker.controller) return false;
      const keys = await caches.keys();
      for (const k of keys) {
        if (await (await caches.open(k)).match(new URL(path, location.href).href)) return true;
      }
      return false;
    },
    path,
    { polling: 200 },
  );
}

for (const [name, query, path] of [
  ['the default bundle', '', 'bundle.bin'],
  ['a ?bundle= bundle', '?bundle=bundle.bin%3Fcopy', 'bundle.bin?copy'],
]) {
  test(`offline reload with ${name}`, async () => {
    const server = await serve();
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const app = new SearchPage(page);
      await app.open(server.url + query);
      const all = await app.total();
      await kept(page, path);
      await server.close();
      await context.setOffline(true);
      await page.reload();
      await app.count.waitFor();
      assert.equal(await app.total(), all, 'the same articles offline');
      await app.search('社工站');
      await app.waitForTotalBelow(all);
    } finally {
      await browser.close();
      await server.close().catch(() => undefined);
    }
  });
}
