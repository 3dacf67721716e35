import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

async function openApp() {
  const page = await ctx.browser.newPage({ acceptDownloads: true });
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  return { page, app };
}

test('sorting by newest puts dated articles first, newest first', async () => {
  const { page, app } = await openApp();
  await app.sort.selectOption('newest');
  await app.waitForUrl((s) => s.get('sort') === 'newest');
  const dates = await page.locator('[data-testid=result-item] .date').allTextContents();
  assert.ok(dates.length >= 2);
  assert.match(dates[0], /^2024年9月/);
  await page.close();
});

test('results come in pages of ten', async () => {
  const { page, app } = await openApp();
  const total = await app.total();
  assert.ok(total > 10, 'the seeds have more than one page of articles');
  assert.equal(await app.results.count(), 10);
  const first = await app.resultIds();
  assert.match(await app.pager.textContent(), /第 1 \/ 2 页/);
  await app.pager.getByRole('button', { name: '下一页' }).click();
  await app.waitForUrl((s) => s.get('page') === '2');
  assert.equal(await app.results.count(), total - 10);
  const second = await app.resultIds();
  assert.ok(second.every((id) => !first.includes(id)), 'page 2 shows other articles');
  assert.equal(await page.getByTestId('result-list').getAttribute('start'), '11');
  assert.ok(await app.pager.getByRole('button', { name: '下一页' }).isDisabled());
  // A new search starts again on the first page.
  await app.search('社工');
  await app.waitForUrl((s) => s.get('q') === '社工' && !s.has('page'));
  await page.close();
});

test('an article opens with its entities marked, shows the original page text, and closes', async () => {
  const { page, app } = await openApp();
  const pagesRequests = [];
  page.on('request', (r) => r.url().includes('bundle.pages.bin') && pagesRequests.push(r.url()));
  const all = await app.total();
  await app.search('精神健康');
  await app.waitForTotalBelow(all);
  await app.openResult(0);
  const view = app.article;
  assert.ok((await view.locator('.ent-place').count()) > 0, 'places are marked');
  assert.match(await view.locator('.facts').textContent(), /嘉定区/);
  const clean = await view.locator('.body').textContent();
  assert.deepEqual(pagesRequests, [], 'the original pages are not downloaded until wanted');
  await view.getByTestId('original-toggle').click();
  const original = await view.getByTestId('original-text').textContent();
  assert.ok(original.length > 100, 'the original page text is shown');
  assert.notEqual(original.replace(/\s/g, ''), clean.replace(/\s/g, ''), 'the original differs from the clean text');
  assert.ok(!(await view.locator('.body').isVisible()), 'the clean text is hidden meanwhile');
  assert.equal(pagesRequests.length, 1, 'the pages file is fetched once, when first wanted');
  await view.getByTestId('original-toggle').click();
  assert.ok(await view.locator('.body').isVisible());
  await view.getByRole('button', { name: '关闭' }).click();
  assert.equal(await view.count(), 0);
  await app.openResult(0);
  await page.keyboard.press('Escape');
  assert.equal(await view.count(), 0, 'Escape closes the article');
  await page.close();
});

test('the whole result set exports as CSV (with BOM) and JSON', async () => {
  const { page, app } = await openApp();
  const all = await app.total();
  await app.search('社工站');
  const total = await app.waitForTotalBelow(all);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csvText = await readFile(await csv.path(), 'utf8');
  assert.ok(csvText.startsWith('\uFEFFid,file,title'), 'CSV starts with a BOM and a header');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const articles = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(articles.length, total, 'every matching article, not only the page shown');
  assert.ok(articles.every((a) => a.text.includes('社工站') || (a.title ?? '').includes('社工站')));
  for (const a of articles) assert.ok(csvText.includes(`\n${a.id},`), `${a.id} is in the CSV`);
  await page.close();
});

test('arrow keys move from the search box through the results; Enter opens one', async () => {
  const { page, app } = await openApp();
  await app.input.focus();
  await page.keyboard.press('ArrowDown');
  const first = await app.results.first().getAttribute('data-article-id');
  const focused = () => page.evaluate(() => document.activeElement?.closest('[data-testid=result-item]')?.dataset.articleId);
  assert.equal(await focused(), first);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), await app.results.nth(1).getAttribute('data-article-id'));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search-input');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await app.article.waitFor();
  await page.close();
});
