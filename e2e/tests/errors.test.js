// A missing, truncated, corrupted, too-new or foreign bundle each gets its own explanation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useBrowser } from '../support.js';
import { SearchPage } from '../pages/search-page.js';

const ctx = useBrowser();
const good = await readFile(resolve(import.meta.dirname, '..', '..', 'dist', 'bundle.bin'));

/** Open the app with `bundle.bin` answered by `body`; resolves to the error screen's text. */
async function errorFor(body) {
  const page = await ctx.browser.newPage();
  await page.route('**/bundle.bin', (route) => route.fulfill({ status: 200, body }));
  await page.goto(ctx.server.url);
  const app = new SearchPage(page);
  await app.error.waitFor();
  const text = await app.error.textContent();
  await page.close();
  return text;
}

test('a missing bundle names the URL and the HTTP status', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.server.url}?bundle=missing.bin`);
  const app = new SearchPage(page);
  await app.error.waitFor();
  const text = await app.error.textContent();
  assert.match(text, /missing\.bin/);
  assert.match(text, /HTTP 404/);
  assert.match(text, /\?bundle=/, 'says what to do');
  await page.close();
});

test('a truncated bundle', async () => {
  assert.match(await errorFor(good.subarray(0, good.length - 100)), /不完整.*重新下载/);
});

test('a corrupted bundle', async () => {
  const flipped = Buffer.from(good);
  flipped[Math.floor(flipped.length / 2)] ^= 0x40;
  assert.match(await errorFor(flipped), /已损坏.*shegong build/);
});

test('a bundle from a newer format', async () => {
  const newer = Buffer.from(good);
  newer.writeUInt16LE(99, 4);
  newer.writeUInt16LE(99, 6);
  assert.match(await errorFor(newer), /格式版本 99 .*更新.*请更新 Shegong/);
});

// Bundles with a valid checksum but an inconsistent payload (crates/search/tests/fixtures/crafted):
// each is refused on load with what is wrong, never a crash.
const crafted = resolve(import.meta.dirname, '..', '..', 'crates', 'search', 'tests', 'fixtures', 'crafted');
for (const [file, says] of [
  ['postings-past-the-articles.bin', /document 2/],
  ['facet-node-past-the-tree.bin', /region node 4/],
  ['unknown-program-id.bin', /program `nonesuch`/],
]) {
  test(`a crafted bundle is refused: ${file}`, async () => {
    const text = await errorFor(await readFile(resolve(crafted, file)));
    assert.match(text, /内容有误.*shegong build/);
    assert.match(text, says);
  });
}

test('a file that is not a bundle', async () => {
  assert.match(await errorFor(Buffer.from('<!doctype html><p>Not found</p>')), /不是 Shegong 数据包/);
});

test('the error screen follows the language toggle', async () => {
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.server.url}?bundle=missing.bin`);
  const app = new SearchPage(page);
  await app.error.waitFor();
  await app.langToggle.click();
  assert.match(await app.error.textContent(), /Could not download the bundle missing\.bin/);
  await page.close();
});

test('a missing or foreign pages file is explained in the article view, the search still works', async () => {
  for (const [answer, expected] of [
    [(route) => route.fulfill({ status: 404, body: 'no' }), /HTTP 404/],
    [(route) => route.fulfill({ status: 200, body: good }), /不是 Shegong 原始页面文件/],
  ]) {
    // No service worker: it would answer the pages request itself, past the route.
    const page = await ctx.browser.newPage({ serviceWorkers: 'block' });
    await page.route('**/bundle.pages.bin', answer);
    const app = new SearchPage(page);
    await app.open(ctx.server.url);
    await app.openResult(0);
    await app.article.getByTestId('original-toggle').click();
    const message = app.article.getByTestId('original-text');
    await message.waitFor();
    assert.match(await message.textContent(), expected);
    assert.match(await message.textContent(), /bundle\.pages\.bin/);
    assert.ok((await app.total()) > 0);
    await page.close();
  }
});
