import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

test('lists the seed articles and finds 社工站 as you type', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const all = await app.total();
  assert.ok(all >= 5, `expected the seed articles listed, saw ${all}`);
  await app.search('社工站');
  const found = await app.waitForTotalBelow(all);
  assert.ok(found >= 1, 'no results for 社工站');
  assert.equal(await app.results.count(), Math.min(found, 10));
  const marks = await page.locator('[data-testid=result-item] mark').allTextContents();
  assert.ok(marks.includes('社工站'), `社工站 is not highlighted: ${marks}`);
  await page.close();
});

test('nothing is searched while an input method is composing', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const all = await app.total();
  await app.input.dispatchEvent('compositionstart');
  await app.input.evaluate((el) => {
    el.value = '社工站';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
  });
  await page.waitForTimeout(400);
  assert.equal(await app.total(), all, 'results changed during composition');
  await app.input.dispatchEvent('compositionend');
  await app.waitForTotalBelow(all);
  await page.close();
});

test('/ focuses the search box', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search-input');
  assert.equal(await app.input.inputValue(), '', 'the slash is not typed into the box');
  await page.close();
});

test('a query with no matches says so and offers to remove the filters', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  await app.programs.first().locator('input').check();
  await app.search('量子计算机');
  await app.waitForTotalToBe(0);
  const empty = page.locator('.empty');
  assert.match(await empty.textContent(), /没有找到文章/);
  await empty.getByRole('button', { name: '清除筛选条件' }).click();
  assert.equal(await app.chips.count(), 0);
  await page.close();
});

test('the bundle download shows progress before the results', async () => {
  const page = await ctx.browser.newPage();
  await page.route('**/bundle.bin', async (route) => {
    const response = await route.fetch();
    await new Promise((ok) => setTimeout(ok, 800));
    await route.fulfill({ response });
  });
  await page.goto(ctx.server.url);
  const progress = page.getByTestId('load-progress');
  await progress.waitFor();
  assert.match(await progress.textContent(), /正在加载数据包/);
  assert.equal(await progress.getByRole('progressbar').count(), 1);
  await page.getByTestId('result-item').first().waitFor();
  assert.equal(await progress.count(), 0);
  await page.close();
});

test('what the query parser could not take as written is shown, in the reader\'s language', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  await app.search('社工 date:明年');
  const warning = page.getByTestId('query-warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /看不懂日期“明年”.*2024-05\.\.2024-09/);
  await app.langToggle.click();
  await page.waitForFunction(() => /cannot read the date/.test(document.querySelector('[data-testid=query-warning]')?.textContent));
  await app.search('社工');
  await warning.waitFor({ state: 'detached' });
  await page.close();
});
