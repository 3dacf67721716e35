import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

test('lists the seed articles and finds 社工站 as you type', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const all = await app.results.count();
  assert.ok(all >= 5, `expected the seed articles listed, saw ${all}`);
  await app.search('社工站');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=result-count]')?.textContent.includes('共') &&
      document.querySelectorAll('[data-testid=result-item]').length < 5,
  );
  const ids = await app.resultIds();
  assert.ok(ids.length >= 1, 'no results for 社工站');
  const marks = await page.locator('[data-testid=result-item] mark').allTextContents();
  assert.ok(marks.includes('社工站'), `社工站 is not highlighted: ${marks}`);
  await page.close();
});

test('a missing bundle shows the error screen', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.server.url}?bundle=missing.bin`);
  const app = new SearchPage(page);
  await app.error.waitFor();
  assert.match(await app.error.textContent(), /missing\.bin/);
  await page.close();
});
