import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

test('a program facet filters results, keeps its own counts, and shows a removable chip', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const all = await app.results.count();
  const facet = page.getByTestId('facet-program');
  const options = facet.locator('label.option');
  assert.ok((await options.count()) >= 3, 'program options are listed');
  const before = await options.allTextContents();
  // Pick the smallest program so the filter visibly narrows the list.
  const counts = await options.locator('.n').allTextContents();
  const smallest = counts.map(Number).reduce((best, n, i, arr) => (n < arr[best] ? i : best), 0);
  await options.nth(smallest).locator('input').check();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result-item]').length < n, all);
  assert.equal(await app.results.count(), Number(counts[smallest]));
  // Disjunctive counts: the program facet's own options are unchanged.
  assert.deepEqual(await options.allTextContents(), before);
  const chip = page.getByTestId('filter-chip');
  assert.equal(await chip.count(), 1);
  await chip.click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result-item]').length === n, all);
  await page.close();
});

test('the region tree selects a district', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const all = await app.results.count();
  const region = page.getByTestId('facet-region');
  await region.locator('.toggle').first().click();
  await region.locator('.toggle').nth(1).click();
  const district = region.locator('ul ul ul button.region').first();
  const name = await district.textContent();
  await district.click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result-item]').length < n, all);
  const places = await page.locator('[data-testid=result-item] .place').allTextContents();
  assert.ok(places.length > 0 && places.every((p) => p.includes(name)), `${name}: ${places}`);
  await page.close();
});
