// The page works at 360 px wide: nothing overflows sideways, search and articles are usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();

test('a 360 px wide screen: no sideways scrolling, search and article view fit', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const app = new SearchPage(page);
  await app.open(ctx.server.url);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok((await overflow()) <= 0, `the page is ${await overflow()} px too wide`);
  const box = await app.input.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, 'the search box fits');
  // Results come first; the filters fold out behind a button.
  assert.ok(!(await page.getByTestId('facet-program').isVisible()), 'filters start folded');
  const firstResult = await app.results.first().boundingBox();
  assert.ok(firstResult.y < 740, 'the first result is on the first screen');
  await page.getByTestId('filters-toggle').tap();
  assert.ok(await page.getByTestId('facet-program').isVisible());
  await app.input.tap();
  await app.search('培训');
  await app.waitForUrl((s) => s.get('q') === '培训');
  assert.ok((await overflow()) <= 0, 'results do not overflow');
  const first = await app.results.first().boundingBox();
  assert.ok(first.width <= 360 && first.width > 250, 'results use the width');
  await app.results.first().locator('h3 button').tap();
  await app.article.waitFor();
  const dialog = await app.article.boundingBox();
  assert.ok(dialog.x >= 0 && dialog.x + dialog.width <= 360, 'the article view fits');
  await app.article.getByRole('button', { name: '关闭' }).tap();
  assert.equal(await app.article.count(), 0);
  await page.close();
});
