// A chunked bundle (`shegong build --index chunked`) in the app and through the JS API: it
// answers as the one-file bundle of the same pages does — search, each facet, paging, the
// article view and the original text — fetching its chunks as it goes; a chunk that is missing
// or comes from another build is explained, with the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP, ROOT, buildSeeds, elementDir, launch, serve, useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';
import { ElementPage } from '../pages/element-page.js';

const chunked = buildSeeds(['--index', 'chunked']);
// Another build: the same kind of bundle from fewer pages.
const other = buildSeeds(['--index', 'chunked'], [join(ROOT, 'seeds', '000_3b459c57097bf54f.txt')]);
const ctx = useBrowser(() => ({ '/chunked/': chunked }));

// The JS API and the element (scripts/element.sh) beside a one-file and a chunked bundle of the
// seeds, every page under the strict CSP.
let site;
let browser;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shegong-api-'));
  cpSync(await elementDir(), join(dir, 'shegong-search'), { recursive: true });
  cpSync(chunked, join(dir, 'chunked'), { recursive: true });
  cpSync(buildSeeds(), join(dir, 'one'), { recursive: true });
  writeFileSync(join(dir, 'api.html'), '<!doctype html><html><head><meta charset="utf-8" /></head><body></body></html>');
  writeFileSync(
    join(dir, 'element.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><script type="module" src="shegong-search/shegong-search.js"></script></head>
<body><shegong-search bundle="chunked/bundle.bin" limit="5"></shegong-search></body></html>`,
  );
  site = await serve(dir, { headers: { 'content-security-policy': CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** The app over the default one-file bundle and over the chunked one, side by side. */
async function both(query = '') {
  const pages = [];
  for (const bundle of ['', 'bundle=chunked/bundle.bin']) {
    const page = await ctx.browser.newPage();
    const app = new SearchPage(page);
    await app.open(`${ctx.server.url}?${[bundle, query].filter(Boolean).join('&')}`);
    pages.push({ page, app });
  }
  return pages;
}

/** The same in both apps: count and result ids. */
async function same([one, two], what) {
  await one.app.page.waitForTimeout(0);
  const total = await one.app.total();
  assert.equal(await two.app.waitForTotalToBe(total), total, `${what}: count`);
  assert.deepEqual(await two.app.resultIds(), await one.app.resultIds(), `${what}: results`);
}

test('a chunked bundle searches, filters by each facet and pages as the one-file bundle does', async () => {
  const apps = await both();
  await same(apps, 'browse');
  for (const { app } of apps) await app.search('社工站');
  for (const { app } of apps) await app.waitForTotal((n) => n < 15);
  await same(apps, 'search');
  // Each facet: the first program, the first province, the first month.
  for (const [what, pick] of [
    ['program', (app) => app.programs.first().locator('input').check()],
    ['region', (app) => app.page.getByTestId('facet-region').locator('.tree > li > button.region').first().click()],
    ['month', (app) => app.months.first().click()],
  ]) {
    const before = await apps[0].app.total();
    for (const { app } of apps) await pick(app);
    await apps[0].app.waitForTotal((n, b) => n !== b, before).catch(() => undefined);
    await same(apps, what);
    for (const { page } of apps) await page.getByRole('button', { name: '清除全部' }).click();
  }
  for (const { app } of apps) await app.search('');
  for (const { app } of apps) await app.waitForTotalToBe(15);
  for (const { app } of apps) await app.pager.getByRole('button', { name: '下一页' }).click();
  for (const { app } of apps) await app.waitForUrl((s) => s.get('page') === '2');
  // The URL changes at once; the worker's answer follows: page 2 of 15 holds 5 results.
  for (const { app } of apps) await app.results.nth(5).waitFor({ state: 'detached' });
  await same(apps, 'page 2');
  for (const { page } of apps) await page.close();
});

test('a chunked bundle opens an article and its original page text', async () => {
  const page = await ctx.browser.newPage();
  const app = new SearchPage(page);
  await app.open(`${ctx.server.url}?bundle=chunked/bundle.bin&q=社工站`);
  const title = await app.results.first().locator('h3').textContent();
  await app.openResult(0);
  assert.equal(await app.article.locator('h2').textContent(), title);
  await app.article.getByTestId('original-toggle').click();
  const original = app.article.getByTestId('original-text');
  await original.waitFor();
  assert.ok((await original.textContent()).length > 100);
  await page.close();
});

/** The app over the chunked bundle with one chunk answered by `answer`; the search error. */
async function searchWith(chunk, answer) {
  const page = await ctx.browser.newPage({ serviceWorkers: 'block' });
  await page.route(`**/chunked/bundle.chunks/${chunk}`, answer);
  const app = new SearchPage(page);
  await page.goto(`${ctx.server.url}?bundle=chunked/bundle.bin&q=社工站`);
  const error = page.getByTestId('search-error');
  await error.waitFor();
  const text = await error.textContent();
  await page.close();
  return text;
}

test('a missing chunk is explained with its file, in the app', async () => {
  const text = await searchWith('t*.bin', (route) => route.fulfill({ status: 404, body: 'no' }));
  assert.match(text, /bundle\.chunks\/t\d+\.bin/);
  assert.match(text, /HTTP 404/);
  assert.match(text, /\.chunks 文件夹/, 'says what to do');
});

test('a chunk of another build is refused with what to do, in the app', async () => {
  const foreign = readFileSync(join(other, 'bundle.chunks', 'a0.bin'));
  const text = await searchWith('a*.bin', (route) => route.fulfill({ status: 200, body: foreign }));
  assert.match(text, /另一次生成/);
  assert.match(text, /bundle\.chunks\/a\d+\.bin/);
});

/** Run `script` (the body of an async function given `Shegong` from shegong.js) in the JS API page. */
async function inApi(script, route) {
  const page = await browser.newPage({ serviceWorkers: 'block' });
  if (route) await page.route(...route);
  await page.goto(`${site.url}api.html`);
  const result = await page.evaluate(`(async () => {
    const { Shegong } = await import('./shegong-search/shegong.js');
    try { ${script} } catch (e) { return { error: e.message }; }
  })()`);
  await page.close();
  return result;
}

test('the JS API searches a chunked bundle in its worker as it searches a one-file bundle', async () => {
  const got = await inApi(`
    const ids = async (bundle, options) => {
      const s = await Shegong.load(bundle, options);
      const r = await s.search('社工站', {}, { limit: 20 });
      return { total: r.total, ids: r.hits.map((h) => h.id), info: await s.info() };
    };
    const one = await ids('one/bundle.bin');
    const two = await ids('chunked/bundle.bin');
    const here = await ids('chunked/bundle.bin', { worker: false });
    const s = await Shegong.load('chunked/bundle.bin');
    const article = await s.article(two.ids[0]);
    const original = await s.original(two.ids[0]);
    // A newer search marked latest cancels an older one.
    const older = s.search('老人', {}, { latest: true }).then(() => 'answered', (e) => e.name);
    const newer = await s.search('社工', {}, { latest: true });
    return { one, two, here, title: article.title, original: original.length, older: await older, newer: newer.total };
  `);
  assert.ok(got.one.total > 0, JSON.stringify(got));
  assert.deepEqual(got.two.ids, got.one.ids);
  assert.deepEqual(got.here.ids, got.one.ids, 'without a worker too');
  assert.equal(got.two.info.chunked, true);
  assert.equal(got.one.info.chunked, false);
  assert.ok(got.title && got.original > 100);
  assert.equal(got.older, 'AbortError');
  assert.ok(got.newer > 0);
});

test('the JS API explains a missing chunk and a chunk of another build', async () => {
  const search = `const s = await Shegong.load('chunked/bundle.bin');
    await s.search('社工站');
    return {};`;
  const missing = await inApi(search, ['**/chunked/bundle.chunks/t*.bin', (r) => r.fulfill({ status: 404, body: 'no' })]);
  assert.match(missing.error, /could not download the chunk .*bundle\.chunks\/t\d+\.bin: the server answered HTTP 404/);
  const foreign = readFileSync(join(other, 'bundle.chunks', 'a0.bin'));
  const mixed = await inApi(search, ['**/chunked/bundle.chunks/a*.bin', (r) => r.fulfill({ status: 200, body: foreign })]);
  assert.match(mixed.error, /bundle\.chunks\/a\d+\.bin: .*another build/);
});

test('the element searches a chunked bundle', async () => {
  const page = await browser.newPage({ serviceWorkers: 'block' });
  await page.goto(`${site.url}element.html`);
  const el = new ElementPage(page);
  await el.waitForTotal((n) => n === 15);
  await el.search('社工站');
  const n = await el.waitForTotal((n) => n > 0 && n < 15);
  assert.equal(await el.results.count(), Math.min(n, 5));
  await page.close();
});
