// Issue #15's acceptance: a reader adds their own pages to the app loaded with an empty bundle
// (the five seed pages, a GBK page, binary data), sees their articles with the facets the CLI's
// bundle of the same files has, keeps them over a reload and offline, corrects a region and
// sees the facet change, exports the bundle (`shegong search` reads it; it is byte for byte what
// `shegong build --corrections` writes) and the offline HTML file, removes one article and then everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli as shegong, DIST, launch, serve } from '../support.js';
import { YoursPage } from '../pages/yours-page.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Wait until the service worker keeps every URL in `paths` (relative to the page). */
async function cached(page, paths) {
  await page.waitForFunction(
    async (paths) => {
      if (!navigator.serviceWorker.controller) return false;
      for (const p of paths) {
        if (!(await caches.match(new URL(p, location.href).href))) return false;
      }
      return true;
    },
    paths,
    { polling: 200, timeout: 30_000 },
  );
}

test('a reader adds, keeps, corrects, exports and removes their own pages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shegong-yours-'));
  const server = await serve([DIST, dir]);
  const browser = await launch();
  try {
    // The pages: the seeds, one of them again in GBK, and binary data.
    mkdirSync(join(dir, 'mine'));
    mkdirSync(join(dir, 'none'));
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
    for (const n of seeds) writeFileSync(join(dir, 'mine', n), readFileSync(join(ROOT, 'seeds', n)));
    writeFileSync(join(dir, 'mine', 'gbk.txt'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', join(ROOT, 'seeds', seeds[1])]));
    writeFileSync(join(dir, 'mine', 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0, 0]));
    const good = [...seeds, 'gbk.txt'];
    // The empty bundle the app starts with, and the CLI's bundle of the good files.
    const empty = shegong(['build', 'none', '-o', 'empty.bin', '--quiet'], dir);
    assert.equal(empty.status, 0, empty.stderr);
    const cli = shegong(['build', ...good, '-o', '../cli.bin', '--quiet'], join(dir, 'mine'));
    assert.equal(cli.status, 0, cli.stderr);

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const app = new YoursPage(page);
    await app.open(`${server.url}?bundle=cli.bin`);
    const want = { total: await app.total(), facets: await app.facetTexts() };
    assert.ok(want.total >= 15, `the CLI's bundle has the seeds' articles: ${want.total}`);

    await app.open(`${server.url}?bundle=empty.bin`);
    assert.equal(await app.total(), 0);
    // A search-only visit loads nothing of the extraction module.
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/extract/')));
    assert.deepEqual(await loaded(), []);

    // Dropped on the page, as from the desktop.
    await app.drop([...good, 'image.bin'].map((n) => join(dir, 'mine', n)));
    await app.waitForTotalToBe(want.total);
    await app.waitForYours(want.total);
    assert.equal(await app.marks.count(), Math.min(want.total, 10), 'every result on the page is marked as yours');
    assert.deepEqual(await app.facetTexts(), want.facets, 'the same facets as the CLI bundle of the same files');
    assert.deepEqual(await app.failed.evaluateAll((els) => els.map((e) => e.dataset.name)), ['image.bin']);
    assert.match(await app.failed.first().textContent(), /二进制数据/);

    // Kept: a reload, then offline with the server gone.
    await page.reload();
    await app.waitForYours(want.total);
    assert.equal(await app.total(), want.total);
    await cached(page, ['extract/worker.js', 'extract/shegong_wasm_extract_bg.wasm', 'extract/dict.bin.gz', 'extract/store.js', 'empty.bin']);
    await context.setOffline(true);
    await page.reload();
    await app.waitForYours(want.total);
    assert.equal(await app.total(), want.total, 'offline, the reader’s articles are back');
    await context.setOffline(false);

    // Correct one article's region (typed in Traditional script: 廣州) and see the region facet follow.
    await app.search('精神健康');
    await app.waitForTotalBelow(want.total);
    await app.openResult(0);
    const id = await page.getByTestId('result-item').first().getAttribute('data-article-id');
    const before = await app.facetTexts();
    assert.doesNotMatch(await app.article.innerText(), /广东省/);
    const picked = await app.correctRegion('廣州');
    assert.match(picked, /^广东省 › 广州市$/);
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid=facet-region]')?.innerText !== old,
      before[0],
    );
    assert.match((await app.facetTexts())[0], /广东省\s*1/);
    await app.article.getByRole('button', { name: /×/ }).click().catch(() => page.keyboard.press('Escape'));
    await app.search('');

    // Export: the bundle `shegong build --corrections` writes, and `shegong search` opens it.
    const out = join(dir, 'out');
    mkdirSync(out);
    const files = await app.exportTo(out, 3);
    assert.deepEqual(Object.keys(files).sort(), ['bundle.bin', 'bundle.pages.bin', 'corrections.json']);
    const corrections = JSON.parse(readFileSync(files['corrections.json'], 'utf8'));
    assert.equal(corrections.articles[0].id, id);
    const rebuilt = shegong(['build', ...good, '-o', '../rebuilt.bin', '--corrections', files['corrections.json'], '--quiet'], join(dir, 'mine'));
    assert.equal(rebuilt.status, 0, rebuilt.stderr);
    assert.ok(readFileSync(files['bundle.bin']).equals(readFileSync(join(dir, 'rebuilt.bin'))), 'byte for byte the CLI bundle');
    const found = shegong(['search', files['bundle.bin'], 'region:广州市', '--json'], dir);
    assert.equal(found.status, 0, found.stderr);
    assert.ok(JSON.parse(found.stdout).some((h) => h.id === id), `${id} found by its corrected region`);

    // And as one offline HTML file: it opens from file:// with the reader's articles, corrected.
    const single = await app.exportTo(out, 1, page.getByTestId('export-single-file'));
    const offline = await browser.newContext();
    await offline.setOffline(true);
    const file = new YoursPage(await offline.newPage());
    await file.open(pathToFileURL(single['shegong.html']).href);
    assert.equal(await file.total(), want.total);
    assert.match((await file.facetTexts())[0], /广东省\s*1/);
    await offline.close();

    // Remove one article, then all: the collection is empty again, and stays so.
    await app.openResult(0);
    await app.article.getByTestId('remove-article').click();
    await app.waitForTotalToBe(want.total - 1);
    await app.waitForYours(want.total - 1);
    await app.removeAllButton.click();
    await app.waitForTotalToBe(0);
    await page.reload();
    await app.count.waitFor();
    assert.equal(await app.total(), 0);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// A folder dropped on the page is walked: its files and its subfolders' files, each named by its
// path in the drop; a file in it that cannot be read is listed by that path.
test('a dropped folder is read with its subfolders, files named by their path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shegong-yours-folder-'));
  const server = await serve([DIST, dir]);
  const browser = await launch();
  try {
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
    mkdirSync(join(dir, 'folder', 'inner'), { recursive: true });
    mkdirSync(join(dir, 'none'));
    writeFileSync(join(dir, 'folder', seeds[0]), readFileSync(join(ROOT, 'seeds', seeds[0])));
    writeFileSync(join(dir, 'folder', 'inner', seeds[1]), readFileSync(join(ROOT, 'seeds', seeds[1])));
    writeFileSync(join(dir, 'folder', 'inner', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0, 0]));
    const empty = shegong(['build', 'none', '-o', 'empty.bin', '--quiet'], dir);
    assert.equal(empty.status, 0, empty.stderr);
    const cli = shegong(['build', 'folder', '-o', 'folder.bin', '--quiet'], dir);
    assert.equal(cli.status, 1, 'the CLI skips the binary file');
    const page = await browser.newPage();
    const app = new YoursPage(page);
    await app.open(`${server.url}?bundle=folder.bin`);
    const want = await app.total();
    assert.ok(want >= 2, `both seed pages' articles: ${want}`);
    await app.open(`${server.url}?bundle=empty.bin`);
    await app.drop([join(dir, 'folder')]);
    await app.waitForYours(want);
    assert.deepEqual(await app.failed.evaluateAll((els) => els.map((e) => e.dataset.name)), ['folder/inner/image.txt']);
    const ids = await page.getByTestId('result-item').evaluateAll((els) => els.map((e) => e.dataset.articleId));
    assert.ok(ids.some((id) => id.startsWith(`folder/inner/${seeds[1]}#`)), ids.join(' '));
    assert.ok(ids.some((id) => id.startsWith(`folder/${seeds[0]}#`)), ids.join(' '));
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// The browser's storage full while pages are added: the app says so and what was not kept, and
// keeps nothing of that page; the pages kept before stay.
test('a full disk while adding pages is shown in the app, and nothing of the page stays', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shegong-yours-quota-'));
  const server = await serve([DIST, dir]);
  const browser = await launch();
  try {
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
    mkdirSync(join(dir, 'none'));
    writeFileSync(join(dir, seeds[0]), readFileSync(join(ROOT, 'seeds', seeds[0])));
    // One page of 3.6 MB of text: more than the room left.
    writeFileSync(join(dir, 'big.txt'), `社工站开展服务\n\n${'社区社会工作服务站开展志愿服务。'.repeat(80_000)}`);
    const empty = shegong(['build', 'none', '-o', 'empty.bin', '--quiet'], dir);
    assert.equal(empty.status, 0, empty.stderr);
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Chromium reads the quota when the origin first uses storage: set it before the app opens.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(server.url).origin, quotaSize: 6 * 1024 * 1024 });
    const app = new YoursPage(page);
    await app.open(`${server.url}?bundle=empty.bin`);
    await app.add([join(dir, seeds[0])]);
    const kept = await app.yours();
    assert.ok(kept > 0);
    await app.add([join(dir, 'big.txt')]);
    await app.error.waitFor();
    assert.match(await app.error.textContent(), /浏览器存储空间已满.*big\.txt/);
    assert.equal(await app.yours(), kept, 'the pages kept before stay, nothing of big.txt');
    await page.reload();
    await app.waitForYours(kept);
    const ids = await page.getByTestId('result-item').evaluateAll((els) => els.map((e) => e.dataset.articleId));
    assert.ok(ids.every((id) => !id.startsWith('big.txt')), ids.join(' '));
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// The reader's pages are searched together with the loaded bundle's articles: built into one
// bundle with a one-file bundle's; joined in the search worker to a chunked bundle, whose
// articles are not all on the page — the results and facet counts are then those of one bundle
// of both, the reader's articles marked, and removing them leaves the chunked bundle alone.
test('added pages join a one-file bundle and a chunked one in results and facets', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shegong-yours-base-'));
  const server = await serve([DIST, dir]);
  const browser = await launch();
  try {
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt')).sort();
    const [mine, ...rest] = seeds;
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', mine), readFileSync(join(ROOT, 'seeds', mine)));
    const paths = rest.map((n) => join(ROOT, 'seeds', n));
    for (const [args, what] of [
      [['-o', join(dir, 'one.bin')], 'the one-file bundle'],
      [['-o', join(dir, 'chunked', 'bundle.bin'), '--index', 'chunked'], 'the chunked bundle'],
      [['-o', join(dir, 'all.bin')], 'the bundle of every page'],
      [['-o', join(dir, 'alone.bin')], 'the bundle of the added page'],
    ]) {
      const pages = what.includes('every') ? [...paths, join(dir, 'mine', mine)] : what.includes('added') ? [join(dir, 'mine', mine)] : paths;
      const r = shegong(['build', ...pages, '--quiet', ...args], dir);
      assert.equal(r.status, 0, `${what}: ${r.stderr}`);
    }
    const page = await browser.newPage();
    const app = new YoursPage(page);
    const totalOf = async (bundle) => {
      await app.open(`${server.url}?bundle=${bundle}`);
      return app.total();
    };
    const [all, alone, base] = [await totalOf('all.bin'), await totalOf('alone.bin'), await totalOf('one.bin')];
    assert.ok(alone > 0 && base > 0 && all === base + alone, `${all} = ${base} + ${alone}`);
    // One of the reader's articles to look for, by its title.
    await app.open(`${server.url}?bundle=alone.bin`);
    const first = app.results.first();
    // The CLI names it by its path, the app by its file name.
    const mineId = (await first.getAttribute('data-article-id')).split('/').pop();
    const mineTitle = (await first.locator('h3 button').textContent()).trim();
    // The facets one bundle of both shows.
    await app.open(`${server.url}?bundle=all.bin`);
    const allFacets = await app.facetTexts();
    await app.open(`${server.url}?bundle=one.bin`);

    // One-file bundle: combined, searched in the worker.
    await app.add([join(dir, 'mine', mine)]);
    await app.waitForYours(alone);
    await app.waitForTotalToBe(all);
    assert.deepEqual(await app.facetTexts(), allFacets, 'the facet counts of one bundle of both');
    await app.removeAllButton.click();
    await app.waitForTotalToBe(base);

    // Chunked bundle: the added page's articles joined in the search worker.
    await app.open(`${server.url}?bundle=chunked/bundle.bin`);
    assert.equal(await app.total(), base);
    const baseFacets = await app.facetTexts();
    await app.add([join(dir, 'mine', mine)]);
    await app.waitForYours(alone);
    await app.waitForTotalToBe(all);
    assert.deepEqual(await app.facetTexts(), allFacets, 'the facet counts of one bundle of both');
    assert.match(await page.getByTestId('export-scope').textContent(), /只有你的文章/);
    await app.search(mineTitle);
    const found = page.locator(`[data-testid=result-item][data-article-id="${mineId}"]`);
    await found.getByTestId('yours-mark').waitFor();
    const marked = await app.marks.evaluateAll((els) => els.map((e) => e.closest('[data-testid=result-item]').dataset.articleId));
    assert.ok(marked.every((id) => id.startsWith(`${mine}#`)), `only the reader's articles are marked: ${marked}`);
    await app.search('');
    await app.waitForTotalToBe(all);
    await app.removeAllButton.click();
    await app.waitForTotalToBe(base);
    await app.waitForYours(0);
    assert.deepEqual(await app.facetTexts(), baseFacets, 'the chunked bundle alone again');
    assert.equal(await app.marks.count(), 0);
    assert.equal(await page.getByTestId('export-scope').count(), 0);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
