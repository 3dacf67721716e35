// The reader's collection in IndexedDB (dist/extract/store.js): pages with their articles
// kept whole or not at all, corrections, removal one by one and all at once, kept across
// reloads, and a full disk reported with nothing half-written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from '../support.js';
import { ExtractionPage } from '../pages/extraction-page.js';

const ctx = useBrowser();

/** A page's worth of articles as the extraction module gives them (only what the store reads). */
function page(name, n, text = `${name} 的正文`) {
  const articles = Array.from({ length: n }, (_, i) => ({ id: `${name}#${i + 1}`, file: name, title: `${name} ${i + 1}` }));
  return [{ name, text, modified: 1700000000000 }, articles];
}

async function open() {
  const context = await ctx.browser.newContext();
  return { context, page: await ExtractionPage.open(context, ctx.server.url) };
}

const ids = (list) => list.map((x) => x.id ?? x.name).sort();

test('pages are kept with their articles, corrected, and removed one by one or all at once', async () => {
  const { context, page: p } = await open();
  try {
    await p.store('addPage', ...page('a.txt', 3));
    await p.store('addPage', ...page('b.txt', 1));
    assert.deepEqual(ids(await p.store('pages')), ['a.txt', 'b.txt']);
    assert.deepEqual(ids(await p.store('articles')), ['a.txt#1', 'a.txt#2', 'a.txt#3', 'b.txt#1']);

    const region = { province: '上海市', city: '上海市', district: '闵行区', town: null, code: '310112' };
    await p.store('correct', 'a.txt#1', { region });
    const merged = await p.store('correct', 'a.txt#1', { programs: ['elderly'], date: null });
    assert.deepEqual(merged, { id: 'a.txt#1', region, programs: ['elderly'], date: null });
    await assert.rejects(p.store('correct', 'nope.txt#1', { date: '2024' }), /no article nope\.txt#1/);
    await assert.rejects(p.store('correct', 'a.txt#1', { title: 'x' }), /cannot correct title/);

    // One article of a page that keeps others: removed, and said so in the corrections.
    assert.equal(await p.store('removeArticle', 'a.txt#2'), true);
    assert.deepEqual(ids(await p.store('articles')), ['a.txt#1', 'a.txt#3', 'b.txt#1']);
    assert.deepEqual(await p.store('correctionsFile'), {
      version: 1,
      articles: [
        { id: 'a.txt#1', region, programs: ['elderly'], date: null },
        { id: 'a.txt#2', removed: true },
      ],
    });
    // A page's last article: the page goes, with nothing left of it.
    assert.equal(await p.store('removeArticle', 'b.txt#1'), true);
    assert.deepEqual(ids(await p.store('pages')), ['a.txt']);
    assert.equal(await p.store('removeArticle', 'b.txt#1'), false);

    await p.store('removeAll');
    assert.deepEqual(await p.store('pages'), []);
    assert.deepEqual(await p.store('articles'), []);
    assert.deepEqual((await p.store('correctionsFile')).articles, []);
  } finally {
    await context.close();
  }
});

test('a page added again keeps its corrections if its text is the same and drops them if it changed', async () => {
  const { context, page: p } = await open();
  try {
    await p.store('addPage', ...page('a.txt', 3));
    await p.store('correct', 'a.txt#1', { date: '2024-05' });
    await p.store('removeArticle', 'a.txt#2');
    await p.store('addPage', ...page('a.txt', 3));
    assert.deepEqual(ids(await p.store('articles')), ['a.txt#1', 'a.txt#3'], 'still removed');
    assert.equal((await p.store('corrections')).length, 2);
    await p.store('addPage', ...page('a.txt', 2, 'another text'));
    assert.deepEqual(ids(await p.store('articles')), ['a.txt#1', 'a.txt#2']);
    assert.deepEqual(await p.store('corrections'), []);
  } finally {
    await context.close();
  }
});

test('the collection is still there after a reload', async () => {
  const { context, page: p } = await open();
  try {
    await p.store('addPage', ...page('a.txt', 2));
    await p.store('correct', 'a.txt#2', { programs: ['youth'] });
    await p.reload();
    assert.deepEqual(ids(await p.store('articles')), ['a.txt#1', 'a.txt#2']);
    assert.deepEqual(await p.store('corrections'), [{ id: 'a.txt#2', programs: ['youth'] }]);
  } finally {
    await context.close();
  }
});

test('nothing half-written stays: a failed page leaves nothing of itself and the rest intact', async () => {
  const { context, page: p } = await open();
  try {
    await p.store('addPage', ...page('a.txt', 2));
    const [meta, articles] = page('b.txt', 3);
    articles[2].file = 'c.txt';
    await assert.rejects(p.store('addPage', meta, articles), /b\.txt#3 is not of page b\.txt/);
    assert.deepEqual(ids(await p.store('pages')), ['a.txt']);
    assert.deepEqual(ids(await p.store('articles')), ['a.txt#1', 'a.txt#2']);
  } finally {
    await context.close();
  }
});

test('a full disk is reported, with what was not saved, and the pages saved before are kept', async () => {
  const context = await ctx.browser.newContext();
  try {
    // Leave the origin a little room only (Chromium reads the quota when storage is first used).
    const cdp = await context.newCDPSession(await context.newPage());
    const origin = new URL(ctx.server.url).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2 * 1024 * 1024 });
    const p = await ExtractionPage.open(context, ctx.server.url);
    await p.store('addPage', ...page('a.txt', 2));
    const [meta, articles] = page('big.txt', 2, '社工'.repeat(4 * 1024 * 1024));
    const error = await p.page.evaluate(
      ([meta, articles]) =>
        window.collection.addPage(meta, articles).then(
          () => null,
          (e) => ({ name: e.name, message: e.message }),
        ),
      [meta, articles],
    );
    assert.equal(error?.name, 'StorageFullError');
    assert.match(error.message, /^浏览器存储空间已满，页面 big\.txt 没有保存，.*\(browser storage is full: page big\.txt was not saved/);
    assert.deepEqual(ids(await p.store('pages')), ['a.txt']);
    assert.deepEqual(ids(await p.store('articles')), ['a.txt#1', 'a.txt#2']);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  } finally {
    await context.close();
  }
});
