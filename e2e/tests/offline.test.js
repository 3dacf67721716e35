// After one visit the service worker keeps the page and its bundle: it reloads and searches
// with the server gone and the browser offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

/** Wait until the service worker controls the page and keeps the page, its files and `paths`. */
async function kept(page, paths) {
  await page.waitForFunction(
    async (paths) => {
      // Settled: a worker controls the page and no other is installing or waiting.
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg?.active || reg.active.state !== 'activated' || reg.installing || reg.waiting) return false;
      if (navigator.serviceWorker.controller?.state !== 'activated') return false;
      const wanted = [
        new URL('./', location.href).href,
        ...paths.map((p) => new URL(p, location.href).href),
        ...[...document.querySelectorAll('link[href], script[src]')]
          .map((e) => e.href || e.src)
          .filter((u) => u.startsWith(location.origin)),
      ];
      const keys = await caches.keys();
      for (const url of wanted) {
        let found = false;
        for (const k of keys) found ||= Boolean(await (await caches.open(k)).match(url));
        if (!found) return false;
      }
      return true;
    },
    paths,
    { polling: 200 },
  );
}

for (const [name, query, paths] of [
  ['the default bundle', '', ['bundle.bin', 'bundle.pages.bin']],
  ['a ?bundle= bundle', '?bundle=bundle.bin%3Fcopy', ['bundle.bin?copy', 'bundle.pages.bin?copy']],
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
      await kept(page, paths);
      await page.waitForTimeout(300);
      await kept(page, paths);
      await server.close();
      await context.setOffline(true);
      await page.reload();
      await app.count.waitFor();
      assert.equal(await app.total(), all, 'the same articles offline');
      await app.search('社工站');
      await app.waitForTotalBelow(all);
      // The original pages, never opened online, come from the worker's cache.
      await app.openResult(0);
      await app.article.getByTestId('original-toggle').click();
      assert.ok((await app.article.getByTestId('original-text').textContent()).length > 100);
    } finally {
      await browser.close();
      await server.close().catch(() => undefined);
    }
  });
}
