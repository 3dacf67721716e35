// The single file (`shegong build … --single-file`) opened from file:// with the network off:
// search, every facet, article and original text, URL state in the fragment, language,
// export; adding pages in a file built with --add-pages; and dist/index.html opened from file:// says what to do and links to the single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch, shegong } from '../support.js';
import { SearchPage } from '../pages/search-page.js';
import { YoursPage } from '../pages/yours-page.js';

let browser;
let dir;
let report;

before(async () => {
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'shegong-single-'));
  report = await shegong('build', 'seeds', '--single-file', join(dir, 'seeds.html'), '--with-pages', '--app', DIST, '--quiet');
  await shegong('build', 'seeds', '--single-file', join(dir, 'no-pages.html'), '--app', DIST, '--quiet');
});

after(async () => {
  await browser?.close();
});

/**
 * Open a file in a fresh offline context that refuses every network request; resolves to the
 * page, its page object and the URLs it requested.
 */
async function openOffline(file) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.setOffline(true);
  await context.route(/^(https?|wss?):/, (route) => route.abort());
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = new SearchPage(page);
  await app.open(pathToFileURL(file).href);
  return { page, app, requested, errors, context };
}

test('the build reports the single file and its gzipped size', () => {
  assert.match(report, /seeds\.html \(\d+ bytes, \d+ gzipped; with the original pages\)/);
});

test('from file:// with no network: 社工站, region and program filters, article and original text', async () => {
  const file = join(dir, 'seeds.html');
  const { page, app, requested, errors, context } = await openOffline(file);
  const all = await app.total();
  assert.equal(all, 15);
  await app.search('社工站');
  const found = await app.waitForTotalBelow(all);
  assert.ok(found > 0);
  await app.waitForFragment((s) => s.get('q') === '社工站');

  await page.getByTestId('facet-region').locator('button.region').first().click();
  const byRegion = await app.waitForTotal((n, found) => n <= found, found);
  await app.waitForFragment((s) => s.has('region'));
  await app.programs.first().locator('input').check();
  await app.waitForFragment((s) => s.has('region') && s.has('program'));
  const byBoth = await app.waitForTotal((n, byRegion) => n <= byRegion, byRegion);
  assert.ok(byBoth > 0, 'the first region and program still find articles');
  assert.equal(await app.chips.count(), 2);

  await app.openResult(0);
  await app.waitForFragment((s) => s.has('article'));
  await page.getByTestId('original-toggle').click();
  const original = page.getByTestId('original-text');
  await original.waitFor();
  assert.ok((await original.textContent()).length > 50, 'the original page text, embedded');

  // The state lives in the fragment: a reload comes back to it, back steps out of it.
  await page.reload();
  await app.article.waitFor();
  assert.equal(await app.chips.count(), 2);
  assert.equal(await app.input.inputValue(), '社工站');
  await page.keyboard.press('Escape');
  await app.waitForFragment((s) => !s.has('article'));
  await page.goBack();
  await app.article.waitFor();

  // A month in the date facet.
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-chip').first().click();
  await page.getByTestId('filter-chip').first().click();
  await app.months.first().click();
  await app.waitForFragment((s) => s.has('from') && s.has('to'));

  assert.deepEqual([...new Set(requested)], [pathToFileURL(file).href], 'nothing but the file itself (opened and reloaded)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('language toggle and exports work from file://', async () => {
  const { page, app, context } = await openOffline(join(dir, 'seeds.html'));
  await app.langToggle.click();
  assert.match(await app.count.textContent(), /15 articles/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = await readFile(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFid,file,title'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const articles = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(articles.length, 15);
  for (const a of articles) assert.ok(text.includes(`\n${a.id},`), `${a.id} is in the CSV`);
  await context.close();
});

test('a single file built without --with-pages says how to include the original pages', async () => {
  const { page, app, context } = await openOffline(join(dir, 'no-pages.html'));
  await app.openResult(0);
  await page.getByTestId('original-toggle').click();
  assert.match(await page.getByTestId('original-text').textContent(), /--with-pages/);
  await context.close();
});

test('dist/index.html from file:// explains what to do and links to the single file beside it', async () => {
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
  const notice = page.locator('.boot-file');
  await notice.waitFor();
  assert.match(await notice.textContent(), /file:\/\/.*python3 -m http\.server/s);
  await notice.locator('a.offline-link').first().click();
  const app = new SearchPage(page);
  await app.count.waitFor();
  assert.equal(await app.total(), 15, 'shegong-offline.html searches the seeds');
  await context.close();
});

test('built with --add-pages, the single file adds pages from file:// with no network, keeps them and corrects them', async () => {
  const file = join(dir, 'add.html');
  await shegong('build', 'seeds', '--single-file', file, '--add-pages', '--app', DIST, '--quiet');
  const { page, app, errors, context } = await openOffline(file);
  const yours = new YoursPage(page);
  assert.equal(await app.total(), 15);
  const seed = join(DIST, '..', 'seeds', (await readdir(join(DIST, '..', 'seeds'))).filter((n) => n.endsWith('.txt')).sort()[0]);
  await writeFile(join(dir, 'mine.txt'), await readFile(seed));
  await writeFile(join(dir, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0, 0]));
  await yours.add([join(dir, 'mine.txt'), join(dir, 'image.bin')]);
  const added = await yours.yours();
  assert.ok(added >= 1, `articles of mine.txt: ${added}`);
  await app.waitForTotalToBe(15 + added);
  assert.deepEqual(await yours.failed.evaluateAll((els) => els.map((e) => e.dataset.name)), ['image.bin']);
  await page.reload();
  await yours.waitForYours(added);
  await page.getByTestId('result-item').filter({ has: page.getByTestId('yours-mark') }).first().locator('h3 button').click();
  await app.article.waitFor();
  // The file has no pages of its own (no --with-pages), but the reader's page is at hand.
  await page.getByTestId('original-toggle').click();
  await page.getByTestId('original-text').waitFor();
  const shown = (await page.getByTestId('original-text').textContent()).trim();
  assert.ok(shown.length > 30 && (await readFile(seed, 'utf8')).includes(shown.slice(0, 30)), `the original text of the reader’s page: ${shown.slice(0, 200)}`);
  await page.getByTestId('original-toggle').click();
  assert.match(await yours.correctRegion('廣州'), /广州市/);
  await page.waitForFunction(() => /广东省/.test(document.querySelector('[data-testid=facet-region]')?.innerText));
  assert.deepEqual(errors, []);
  await context.close();
});
