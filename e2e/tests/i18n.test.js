// Chinese by default; the English toggle switches every label and is remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

test('the language toggle switches to English and back, and is remembered', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  assert.equal(await page.locator('h1').textContent(), '社工新闻检索');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await app.count.textContent(), /共 \d+ 篇/);

  await app.langToggle.click();
  assert.equal(await page.locator('h1').textContent(), 'Social work news search');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await app.count.textContent(), /\d+ articles/);
  assert.equal(await page.getByTestId('facet-program').locator('legend').textContent(), 'Program type');
  assert.match((await app.programs.allTextContents()).join(' '), /[A-Za-z]{4}/, 'program labels in English');
  assert.equal(await app.input.getAttribute('aria-label'), 'Search articles (press / to focus)');

  await page.reload();
  await app.count.waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Social work news search', 'English is remembered');
  await app.langToggle.click();
  assert.equal(await page.locator('h1').textContent(), '社工新闻检索');
  await context.close();
});
