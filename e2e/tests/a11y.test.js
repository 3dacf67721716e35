// axe-core finds no serious or critical accessibility problems on the main views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Run axe on the page; fail listing every serious or critical violation. */
async function check(page, view) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${view}:\n${violations.join('\n')}`);
}

test('the search view', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  await app.search('社工站');
  await app.waitForUrl((s) => s.get('q') === '社工站');
  await page.getByTestId('facet-region').locator('.toggle').first().click();
  await app.programs.first().locator('input').check();
  await check(page, 'search view');
  await page.close();
});

test('the article view and its original text', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  await app.openResult(0);
  await check(page, 'article view');
  await app.article.getByTestId('original-toggle').click();
  await check(page, 'original text');
  await page.close();
});

test('the English, mobile and error views', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 360, height: 740 } });
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  await app.langToggle.click();
  await check(page, 'English mobile view');
  await page.goto(`${ctx.server.url}?bundle=missing.bin`);
  await app.error.waitFor();
  await check(page, 'error screen');
  await page.close();
});

test('the drop-in element: results, facets and its article view', async () => {
  const { serveEmbedSite } = await import('../embed-site.js');
  const { ElementPage } = await import('../pages/element-page.js');
  const site = await serveEmbedSite();
  const page = await ctx.browser.newPage();
  await page.goto(`${site.url}plain.html`);
  const el = new ElementPage(page);
  await el.search('社工站');
  await el.waitForTotal((n) => n < 15);
  await el.host.getByTestId('facet-region').locator('.toggle').first().click();
  await el.programs.first().locator('input').check();
  // The page's CSP forbids inline scripts: axe comes in through the debugging protocol.
  await page.evaluate(await readFile(axePath, 'utf8'));
  const run = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(await run(), [], 'element search view');
  await el.results.first().locator('h3 button').click();
  await el.article.getByTestId('original-toggle').click();
  await el.article.getByTestId('original-text').waitFor();
  assert.deepEqual(await run(), [], 'element article view');
  await page.close();
  await site.close();
});
