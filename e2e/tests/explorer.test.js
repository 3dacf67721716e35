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

test('nothing is searched while an input method is composing', async () => {
  const { page, app } = await openApp();
  const all = await app.results.count();
  await app.input.dispatchEvent('compositionstart');
  await app.input.evaluate((el) => {
    el.value = '社工站';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
  });
  await page.waitForTimeout(400);
  assert.equal(await app.results.count(), all, 'results changed during composition');
  await app.input.dispatchEvent('compositionend');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result-item]').length < n, all);
  await page.close();
});

test('/ focuses the search box', async () => {
  const { page, app } = await openApp();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search-input');
  assert.equal(await app.input.inputValue(), '', 'the slash is not typed into the box');
  await page.close();
});

test('sorting by newest puts dated articles first, newest first', async () => {
  const { page, app } = await openApp();
  await page.getByTestId('sort-select').selectOption('newest');
  await page.waitForTimeout(300);
  const dates = await page.locator('[data-testid=result-item] .date').allTextContents();
  assert.ok(dates.length >= 2);
  const first = await app.results.first().locator('.date').textContent();
  assert.match(first, /^2024年9月/);
  await page.close();
});

test('an article opens with its entities marked and closes again', async () => {
  const { page, app } = await openApp();
  await app.search('精神健康');
  await page.waitForTimeout(400);
  await app.results.first().locator('h3 button').click();
  const view = page.getByTestId('article-view');
  await view.waitFor();
  assert.ok((await view.locator('.ent-place').count()) > 0, 'places are marked');
  assert.match(await view.locator('.facts').textContent(), /嘉定区/);
  await view.getByRole('button', { name: '关闭' }).click();
  assert.equal(await view.count(), 0);
  await page.close();
});

test('the result set exports as CSV (with BOM) and JSON', async () => {
  const { page, app } = await openApp();
  await app.search('社工站');
  await page.waitForTimeout(400);
  const shown = await app.results.count();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csvText = await readFile(await csv.path(), 'utf8');
  assert.ok(csvText.startsWith('\uFEFFid,title'), 'CSV starts with a BOM and a header');
  assert.equal(csvText.trim().split('\n').length - 1 >= shown, true);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const articles = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(articles.length, shown);
  assert.ok(articles.every((a) => a.text.includes('社工站') || (a.title ?? '').includes('社工站')));
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
  await page.getByTestId('article-view').waitFor();
  await page.close();
});
