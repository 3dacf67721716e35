// Pages a reader adds in the browser (the extraction module in its worker, dist/extract/)
// against the `shegong` command on the same files: the same articles, and the same bundle byte
// for byte with the same corrections, alone and combined with a loaded bundle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli as shegong, useBrowser } from '../support.js';
import { ExtractionPage } from '../pages/extraction-page.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const ctx = useBrowser();

// A folder `mine/` with the five seed pages, one of them (two articles) again in GBK, and binary data
// named .txt; `seeds/` with the seeds, built into the bundle a reader has loaded.
let dir;
const files = new Map();
const modified = new Map();
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'shegong-addpages-'));
  mkdirSync(join(dir, 'mine'));
  mkdirSync(join(dir, 'seeds'));
  const seeds = readdirSync(join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
  for (const n of seeds) {
    const bytes = readFileSync(join(ROOT, 'seeds', n));
    files.set(`mine/${n}`, bytes);
    writeFileSync(join(dir, 'seeds', n), bytes);
  }
  files.set('mine/gbk.txt', execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', join(ROOT, 'seeds', seeds[1])]));
  files.set('mine/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  // As the browser gives them (File.lastModified): they date the bundle, as the CLI dates it.
  for (const name of files.keys()) modified.set(name, Math.floor(statSync(join(dir, name)).mtimeMs));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The file names in name order (as `shegong` reads them). */
const names = () => [...files.keys()].sort();

async function open() {
  const context = await ctx.browser.newContext();
  return { context, page: await ExtractionPage.open(context, ctx.server.url, files, modified) };
}

test('the browser reads, splits and extracts pages as `shegong extract` does, GBK included, and reports what it cannot read', async () => {
  const { context, page } = await open();
  try {
    const run = await page.add(names());
    assert.equal(run.done, 7);
    assert.equal(run.cancelled, false);
    assert.deepEqual(run.failed.map((f) => f.name), ['mine/image.txt']);
    assert.match(run.failed[0].error, /^二进制数据.*binary data/);
    const cli = shegong(['extract', ...names(), '--format', 'json'], dir);
    assert.equal(cli.status, 1, 'the CLI skips the binary file');
    assert.match(cli.stderr, /mine\/image\.txt: 二进制数据/);
    const expected = JSON.parse(cli.stdout);
    const browser = run.files.flatMap((f) => f.articles);
    assert.ok(expected.length > 15, `the seeds' 15 articles and the GBK page's: ${expected.length}`);
    assert.equal(run.articles, expected.length);
    assert.deepEqual(browser, expected);
    // The GBK copy reads as the page it was encoded from.
    const gbk = browser.filter((a) => a.file === 'mine/gbk.txt').map((a) => a.text);
    const original = browser.filter((a) => a.file === names()[1]).map((a) => a.text);
    assert.ok(gbk.length > 0);
    assert.deepEqual(gbk, original);
    // What was read is kept: every article the CLI found, under its id.
    const kept = await page.store('articles');
    assert.deepEqual(kept.map((a) => a.id).sort(), expected.map((a) => a.id).sort());
  } finally {
    await context.close();
  }
});

/** Correct a region (picked from the gazetteer, typed in Traditional), programs and a date,
 * clear one date, and remove one article of a page that keeps others. */
async function correctSome(page) {
  const articles = await page.store('articles');
  const [first, second] = articles.filter((a) => a.file === 'mine/gbk.txt');
  assert.ok(second, 'the page holds two articles or more');
  const [region] = await page.regions('閔行', 5);
  assert.equal(region.district, '闵行区');
  const programs = (await page.programs()).map((p) => p.id);
  await page.store('correct', first.id, { region, programs: [programs[3], programs[0]], date: '2024-05' });
  await page.store('correct', articles[0].id, { date: null });
  assert.equal(await page.store('removeArticle', second.id), true);
  return page.store('correctionsFile');
}

test('the exported bundle is byte for byte what `shegong build --corrections` writes from the same files', async () => {
  const { context, page } = await open();
  try {
    await page.add(names());
    const corrections = await correctSome(page);
    assert.equal(corrections.articles.length, 3);
    const out = await page.export();
    assert.deepEqual(out.unmatched, []);
    assert.deepEqual(out.corrections, corrections);
    writeFileSync(join(dir, 'corrections.json'), JSON.stringify(out.corrections, null, 2));
    const cli = shegong(
      ['build', ...names(), '-o', 'alone/bundle.bin', '--quiet', '--corrections', 'corrections.json'],
      dir,
    );
    assert.equal(cli.status, 1, cli.stderr);
    const bundle = readFileSync(join(dir, 'alone/bundle.bin'));
    const pages = readFileSync(join(dir, 'alone/bundle.pages.bin'));
    assert.ok(out.bundle.equals(bundle), `bundles differ: ${out.bundle.length} bytes in the browser, ${bundle.length} by the CLI`);
    assert.ok(out.pages.equals(pages), `pages files differ: ${out.pages.length} and ${pages.length} bytes`);
    // The CLI opens it: the corrected region is searchable.
    const found = shegong(['search', 'alone/bundle.bin', 'region:闵行区', '--json'], dir);
    assert.equal(found.status, 0, found.stderr);
    assert.ok(JSON.parse(found.stdout).some((h) => h.id.startsWith('mine/gbk.txt#')));
  } finally {
    await context.close();
  }
});

test('exported with a loaded bundle, it holds both, as `shegong build` of all the files', async () => {
  const built = shegong(['build', 'seeds', '-o', 'base/bundle.bin', '--quiet'], dir);
  assert.equal(built.status, 0, built.stderr);
  const base = {
    bundle: readFileSync(join(dir, 'base/bundle.bin')),
    pages: readFileSync(join(dir, 'base/bundle.pages.bin')),
  };
  const { context, page } = await open();
  try {
    await page.add(names());
    await correctSome(page);
    const out = await page.export(base);
    writeFileSync(join(dir, 'corrections.json'), JSON.stringify(out.corrections));
    const cli = shegong(
      ['build', 'seeds', ...names(), '-o', 'both/bundle.bin', '--quiet', '--corrections', 'corrections.json'],
      dir,
    );
    assert.equal(cli.status, 1, cli.stderr);
    assert.ok(out.bundle.equals(readFileSync(join(dir, 'both/bundle.bin'))), 'bundles differ');
    assert.ok(out.pages.equals(readFileSync(join(dir, 'both/bundle.pages.bin'))), 'pages files differ');
    // Without the loaded bundle's pages file there is a bundle but no pages file.
    const bare = await page.export({ bundle: base.bundle });
    assert.ok(bare.bundle.equals(out.bundle));
    assert.equal(bare.pages, null);
  } finally {
    await context.close();
  }
});

test('adding can be cancelled: the files read until then are kept, the rest are not', async () => {
  const { context, page } = await open();
  try {
    const run = await page.add(names(), { cancelAfter: 2 });
    assert.equal(run.cancelled, true);
    assert.ok(run.done >= 2 && run.done < 7, `${run.done} files read`);
    const kept = (await page.store('pages')).map((p) => p.name);
    const read = run.files.filter((f) => !f.error).map((f) => f.name);
    assert.deepEqual(kept.sort(), read.sort());
  } finally {
    await context.close();
  }
});

test('regions are picked as typed, in Simplified or Traditional, narrowed by a place named before', async () => {
  const { context, page } = await open();
  try {
    const simplified = await page.regions('广州', 3);
    assert.deepEqual(await page.regions('廣州', 3), simplified);
    assert.deepEqual([simplified[0].province, simplified[0].city], ['广东省', '广州市']);
    const gansu = await page.regions('甘肃 城关镇', 50);
    assert.ok(gansu.length > 0 && gansu.every((r) => r.province === '甘肃省'));
    assert.deepEqual(await page.regions('', 5), []);
  } finally {
    await context.close();
  }
});

test('a full disk stops adding with a message that says so; the pages kept before it stay', async () => {
  const context = await ctx.browser.newContext();
  try {
    // Leave the origin a little room only (Chromium reads the quota when storage is first used).
    const cdp = await context.newCDPSession(await context.newPage());
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(ctx.server.url).origin, quotaSize: 1 << 20 });
    const [a, b] = names();
    const big = Buffer.from(files.get(a).toString().repeat(120));
    const own = new Map([[a, files.get(a)], ['mine/big.txt', big], [b, files.get(b)]]);
    const page = await ExtractionPage.open(context, ctx.server.url, own);
    await assert.rejects(page.add([a, 'mine/big.txt', b]), /浏览器存储空间已满，页面 mine\/big\.txt 没有保存，.*\(browser storage is full: page mine\/big\.txt was not saved/);
    assert.deepEqual((await page.store('pages')).map((p) => p.name), [a]);
  } finally {
    await context.close();
  }
});
