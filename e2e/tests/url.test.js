// The state lives in the URL: reload keeps it, links can be shared, back/forward work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

test('query, filters, sort and the open article survive a reload', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const all = await app.total();
  await app.search('社工');
  await app.waitForUrl((s) => s.get('q') === '社工');
  await app.programs.first().locator('input').check();
  await app.sort.selectOption('newest');
  await app.waitForUrl((s) => s.has('program') && s.get('sort') === 'newest');
  const total = await app.total();
  assert.ok(total < all);
  const id = await app.results.first().getAttribute('data-article-id');
  await app.openResult(0);
  await app.waitForUrl((s) => s.has('article'));

  await page.reload();
  await app.article.waitFor();
  assert.equal(await app.input.inputValue(), '社工');
  assert.ok(await app.programs.first().locator('input').isChecked());
  assert.equal(await app.sort.inputValue(), 'newest');
  assert.equal(await app.total(), total);
  assert.equal(new URL(page.url()).searchParams.get('article'), id);
  await page.close();
});

test('back and forward step through earlier searches', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const all = await app.total();
  await app.search('培训');
  const trained = await app.waitForTotalBelow(all);
  // The program's count says what the filtered total will be; the URL may change before the
  // results do, so the total is awaited, not read at once.
  const program = app.programs.first();
  const narrowed = Number(await program.locator('.n').textContent());
  await program.locator('input').check();
  await app.waitForUrl((s) => s.has('program'));
  await app.waitForTotalToBe(narrowed);

  await page.goBack();
  await app.waitForUrl((s) => !s.has('program') && s.get('q') === '培训');
  assert.equal(await app.waitForTotalToBe(trained), trained);
  assert.ok(!(await app.programs.first().locator('input').isChecked()));
  await page.goBack();
  await app.waitForUrl((s) => !s.has('q'));
  assert.equal(await app.waitForTotalToBe(all), all);
  assert.equal(await app.input.inputValue(), '', 'the search box follows the URL');
  await page.goForward();
  await app.waitForUrl((s) => s.get('q') === '培训');
  assert.equal(await app.input.inputValue(), '培训');
  await page.goForward();
  assert.equal(await app.waitForTotalToBe(narrowed), narrowed);
  await page.close();
});

test('a shared link opens the same search, page and article', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const id = (await app.resultIds())[3];
  const title = await app.results.nth(3).locator('h3').textContent();

  const other = await ctx.browser.newPage();
  const shared = new SearchPage(other);
  await shared.open(`${ctx.server.url}?sort=newest&page=2&article=${encodeURIComponent(id)}`);
  await shared.article.waitFor();
  assert.equal(await shared.article.locator('h2').textContent(), title);
  assert.match(await shared.pager.textContent(), /第 2 \/ 2 页/);
  await other.keyboard.press('Escape');
  await shared.waitForUrl((s) => !s.has('article') && s.get('page') === '2');
  await other.close();
  await page.close();
});
