import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

async function openApp() {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  return { page, app, all: await app.total() };
}

test('a program facet filters results, keeps its own counts, and shows a removable chip', async () => {
  const { page, app, all } = await openApp();
  assert.ok((await app.programs.count()) >= 3, 'program options are listed');
  const before = await app.programs.allTextContents();
  // Pick the smallest program so the filter visibly narrows the list.
  const counts = (await app.programs.locator('.n').allTextContents()).map(Number);
  const smallest = counts.reduce((best, n, i, arr) => (n < arr[best] ? i : best), 0);
  await app.programs.nth(smallest).locator('input').check();
  assert.equal(await app.waitForTotalToBe(counts[smallest]), counts[smallest]);
  // Disjunctive counts: the program facet's own options are unchanged.
  assert.deepEqual(await app.programs.allTextContents(), before);
  // OR within the facet: a second program adds its articles.
  const other = smallest === 0 ? 1 : 0;
  await app.programs.nth(other).locator('input').check();
  const both = await app.waitForTotal((n, one) => n !== one, counts[smallest]);
  assert.ok(both >= Math.max(counts[smallest], counts[other]) && both <= counts[smallest] + counts[other]);
  assert.equal(await app.chips.count(), 2);
  await page.getByRole('button', { name: '清除全部' }).click();
  assert.equal(await app.waitForTotalToBe(all), all);
  await page.close();
});

test('the region tree selects a district, with counts at each level', async () => {
  const { page, app, all } = await openApp();
  const region = page.getByTestId('facet-region');
  const provinces = await region.locator('.tree > li > .n').allTextContents();
  const unknown = Number((await region.locator('.unknown .n').textContent().catch(() => '0')) || 0);
  assert.equal(provinces.map(Number).reduce((a, b) => a + b, 0) + unknown, all, 'province counts add up');
  // A province (not a municipality, whose districts stand right under it): open it, then a city.
  const province = region.locator('.tree > li').filter({ has: page.locator(':scope > button.region', { hasText: /省$/ }) }).first();
  await province.locator(':scope > .toggle').click();
  await province.locator(':scope > ul > li > .toggle').first().click();
  const district = province.locator(':scope > ul > li > ul > li > button.region').first();
  const name = await district.textContent();
  const expected = Number(await province.locator(':scope > ul > li > ul > li > .n').first().textContent());
  await district.click();
  assert.equal(await app.waitForTotalToBe(expected), expected);
  const places = await page.locator('[data-testid=result-item] .place').allTextContents();
  assert.ok(places.length > 0 && places.every((p) => p.includes(name)), `${name}: ${places}`);
  await page.close();
});

test('a municipality lists its districts right under it, not under a second city of its name', async () => {
  const { page, app } = await openApp();
  const region = page.getByTestId('facet-region');
  const city = region.locator('.tree > li').filter({ has: page.locator(':scope > button.region', { hasText: /^(北京|上海|天津|重庆)市$/ }) }).first();
  const name = await city.locator(':scope > button.region').textContent();
  await city.locator(':scope > .toggle').click();
  const below = city.locator(':scope > ul > li > button.region');
  await below.first().waitFor();
  const names = await below.allTextContents();
  assert.ok(names.length > 0 && names.every((n) => n !== name && /区$|县$/.test(n)), `${name}: ${names}`);
  // Selecting one of them finds its articles.
  const expected = Number(await city.locator(':scope > ul > li > .n').first().textContent());
  await below.first().click();
  assert.equal(await app.waitForTotalToBe(expected), expected);
  const places = await page.locator('[data-testid=result-item] .place').allTextContents();
  assert.ok(places.every((p) => p.includes(names[0])), `${names[0]}: ${places}`);
  await page.close();
});

test('the region tree stays open while the reader types', async () => {
  const { page, app, all } = await openApp();
  const region = page.getByTestId('facet-region');
  const toggle = region.locator('.toggle').first();
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const province = await region.locator('.tree > li > button.region').first().textContent();
  // Each keystroke gives new results and new counts; the open province stays open.
  await app.search('社工');
  await app.waitForTotal((n, all) => n < all, all);
  const li = region.locator('.tree > li').filter({ has: page.locator(`button.region:text-is("${province}")`) });
  assert.equal(await li.locator('> .toggle').getAttribute('aria-expanded'), 'true');
  assert.ok((await li.locator('ul button.region').count()) > 0, 'its children are still shown');
  await page.close();
});

test('the month histogram selects a month, then a range of months', async () => {
  const { page, app } = await openApp();
  const n = await app.months.count();
  assert.ok(n >= 2, 'at least two months in the histogram');
  const counts = (await app.months.locator('.n').allTextContents()).map(Number);
  const labels = await app.months.locator('.label').allTextContents();
  await app.months.first().click();
  assert.equal(await app.waitForTotalToBe(counts[0]), counts[0]);
  await app.months.nth(n - 1).click();
  // The range holds every month bar, and the articles dated only to a year inside it.
  const years = await page.getByTestId('facet-date').locator('p.option:not(.unknown)').allTextContents();
  const yearOnly = years
    .map((t) => [t.slice(0, 4), Number(t.match(/(\d+)$/)[1])])
    .filter(([y]) => `${y}-01` >= labels[0] && `${y}-12` <= labels[n - 1])
    .reduce((a, [, c]) => a + c, 0);
  const sum = counts.reduce((a, b) => a + b, 0) + yearOnly;
  assert.equal(await app.waitForTotalToBe(sum), sum);
  await app.waitForUrl((s) => s.has('from') && s.has('to'));
  assert.match(await app.chips.first().textContent(), new RegExp(`${labels[0]} – ${labels[n - 1]}`));
  // The month inputs show the range and can change it.
  const from = page.getByTestId('facet-date').locator('input[type=month]').first();
  assert.equal(await from.inputValue(), labels[0]);
  await from.fill(labels[n - 1]);
  assert.equal(await app.waitForTotalToBe(counts[n - 1]), counts[n - 1]);
  await page.close();
});
