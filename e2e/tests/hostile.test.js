// Titles, text and file names carrying markup and script show as text — in the app, in the
// element and in the single file: no dialog fires and no such element exists in the DOM.
// CSV exports neutralise formula injection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch, serve, shegong } from '../support.js';
import { serveEmbedSite } from '../embed-site.js';
import { injected, writeHostilePages } from '../hostile.js';
import { SearchPage } from '../pages/search-page.js';
import { ElementPage } from '../pages/element-page.js';

const TITLE = '<script>alert(1)</script>社工站开展反诈骗宣传培训';
let browser;
let dir;

before(async () => {
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'shegong-hostile-'));
  await shegong('build', 'seeds', await writeHostilePages(join(dir, 'pages')), '-o', join(dir, 'hostile.bin'), '--quiet');
});

after(async () => {
  await browser?.close();
});

/** A page that records dialogs and script errors. */
async function watchedPage() {
  const page = await browser.newPage({ acceptDownloads: true });
  const fired = [];
  page.on('dialog', (d) => {
    fired.push(d.message());
    d.dismiss();
  });
  page.on('pageerror', (e) => fired.push(`error: ${e.message}`));
  return { page, fired };
}

/**
 * Search `ui` (a page object) for the hostile article, open it and its original page, and
 * check everything showed as text. `root` is where the testids are (the page or the element).
 */
async function readsAsText(page, ui, root, waitForOne) {
  await ui.search('反诈骗');
  await waitForOne();
  await ui.results.filter({ hasText: '反诈骗' }).waitFor();
  const title = await ui.results.first().locator('h3').textContent();
  assert.equal(title, TITLE, 'the title shows as text');
  await ui.results.first().locator('h3 button').click();
  await ui.article.waitFor();
  const view = await ui.article.textContent();
  for (const s of [TITLE, '<img src=x onerror=alert(1)>', '</textarea><script>alert(1)</script>', '<img src=x onerror=alert(1)>.txt']) {
    assert.ok(view.includes(s), `the article view shows ${s} as text`);
  }
  await root.getByTestId('original-toggle').click();
  const original = root.getByTestId('original-text');
  await original.waitFor();
  assert.ok((await original.textContent()).includes('点击<a href="javascript:alert(1)">这里</a>报名'), 'the original page shows as text');
  assert.deepEqual(await page.evaluate(injected), [], 'no element made from the hostile strings');
  return view;
}

/** Search the app for the page with formulas and export the results as CSV; resolves to its text. */
async function exportedCsv(page, app) {
  await app.search('天河区');
  await app.results.filter({ hasText: '社工站招募志愿者' }).waitFor();
  await app.waitForTotalToBe(1);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  return readFile(await csv.path(), 'utf8');
}

test('the app shows hostile strings as text and neutralises formulas in CSV', async () => {
  const server = await serve([dir, DIST]);
  const { page, fired } = await watchedPage();
  const app = new SearchPage(page);
  await app.open(`${server.url}?bundle=hostile.bin`);
  await readsAsText(page, app, page, () => app.waitForTotalToBe(1));
  await page.keyboard.press('Escape');
  const text = await exportedCsv(page, app);
  assert.ok(text.includes(`,"'=HYPERLINK(""http://x"",""点我"")社工站招募志愿者",`), 'a formula title is written with a leading quote');
  assert.ok(text.includes(",'@SUM(1+1)天河区社工站"), 'so is text starting with @');
  assert.deepEqual(fired, [], 'no dialog fired');
  await page.close();
  await server.close();
});

test('the element shows hostile strings as text; a javascript: URL is no link', async () => {
  const site = await serveEmbedSite();
  const { page, fired } = await watchedPage();
  await page.goto(`${site.url}hostile.html`);
  const el = new ElementPage(page);
  await el.waitForTotal((n) => n > 0);
  const view = await readsAsText(page, el, el.host, () => el.waitForTotal((n) => n === 1));
  assert.ok(view.includes('javascript:alert(1)'), 'the url shows as text');
  assert.equal(await el.article.locator('a').count(), 0, 'and is no link');
  await page.keyboard.press('Escape');
  await el.search('成华区');
  const second = el.results.filter({ hasText: '社区社工站为老服务' });
  await second.waitFor();
  assert.equal(await second.locator('h3').textContent(), '</textarea><img src=x onerror=alert(1)>社区社工站为老服务');
  assert.match(await second.getAttribute('data-article-id'), /\/javascript:alert\(1\)\.txt#1$/, 'the id shows as given');
  assert.deepEqual(await page.evaluate(injected), []);
  assert.deepEqual(fired, [], 'no dialog fired');
  await page.close();
  await site.close();
});

test('the single file shows hostile strings as text from file://', async () => {
  const file = join(dir, 'hostile.html');
  await shegong('build', 'seeds', join(dir, 'pages'), '--single-file', file, '--with-pages', '--app', DIST, '--quiet');
  const html = await readFile(file, 'utf8');
  assert.ok(!html.includes('alert(1)'), 'the strings are only inside the base64 blocks');
  const { page, fired } = await watchedPage();
  const app = new SearchPage(page);
  await app.open(pathToFileURL(file).href);
  await readsAsText(page, app, page, () => app.waitForTotalToBe(1));
  await page.keyboard.press('Escape');
  assert.ok((await exportedCsv(page, app)).includes(`,"'=HYPERLINK(""http://x"",""点我"")社工站招募志愿者",`));
  assert.deepEqual(await page.evaluate(injected), []);
  assert.deepEqual(fired, [], 'no dialog fired');
  await page.close();
});
