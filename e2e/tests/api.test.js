// The JS API (shegong.js, as scripts/element.sh ships it), in a page under the strict CSP:
// load from a URL and from bytes, info, search with facets, article, original pages, and
// bundles that are refused with their message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../support.js';
import { serveEmbedSite } from '../embed-site.js';

let site;
let browser;
let page;

before(async () => {
  site = await serveEmbedSite();
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`${site.url}api.html`);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('load from a URL: info, search with facets, article, original page', async () => {
  const r = await page.evaluate(async () => {
    const { Shegong } = await import('/shegong-search/shegong.js');
    const engine = await Shegong.load('bundle.bin');
    const info = await engine.info();
    const all = await engine.search('');
    const found = await engine.search('社工站', {}, { limit: 3 });
    const program = found.facets.programs[0][0];
    const filtered = await engine.search('社工站', { programs: [program] });
    const article = await engine.article(found.hits[0].id);
    const before = await engine.original(found.hits[0].id);
    await engine.loadPages();
    const original = await engine.original(found.hits[0].id);
    return { info, all: all.total, found, program, filtered, article, before, original, missing: await engine.article('nonesuch') };
  });
  assert.equal(r.info.formatVersion, 4);
  assert.equal(r.info.articleCount, r.all);
  assert.equal(r.info.buildDate, '2024-10-01');
  assert.match(r.info.builder, /^shegong /);
  assert.ok(r.info.programs.some((p) => p.id === 'station' && p.zh && p.en));
  assert.ok(r.found.total > 0 && r.found.total < r.all);
  assert.equal(r.found.hits.length, 3);
  assert.ok(r.found.hits[0].snippet.some((s) => s.highlight && s.text === '社工站'));
  assert.ok(r.found.facets.regions.length > 0 && r.found.facets.months.length > 0);
  assert.ok(r.filtered.total <= r.found.total && r.filtered.total > 0);
  assert.equal(r.article.id, r.found.hits[0].id);
  assert.equal(typeof r.article.text, 'string');
  assert.ok(r.article.span.end > r.article.span.start);
  assert.equal(r.before, undefined, 'pages not loaded yet');
  assert.ok(r.original.length > 20 && r.original.length <= r.article.span.end - r.article.span.start, 'the page text of its span');
  assert.equal(r.missing, undefined);
});

test('load from bytes (Uint8Array and ArrayBuffer) gives the same results', async () => {
  const r = await page.evaluate(async () => {
    const { Shegong } = await import('/shegong-search/shegong.js');
    const buffer = await (await fetch('bundle.bin')).arrayBuffer();
    const a = await Shegong.load(new Uint8Array(buffer));
    const b = await Shegong.load(buffer);
    const byUrl = await Shegong.load(new URL('bundle.bin', location.href));
    const ids = async (e) => (await e.search('培训')).hits.map((h) => h.id);
    let pages;
    try {
      await a.loadPages();
    } catch (e) {
      pages = e.message;
    }
    await a.loadPages(await (await fetch('bundle.pages.bin')).arrayBuffer());
    return { a: await ids(a), b: await ids(b), url: await ids(byUrl), pages, original: (await a.original((await a.search('培训')).hits[0].id))?.length };
  });
  assert.ok(r.a.length > 0);
  assert.deepEqual(r.a, r.b);
  assert.deepEqual(r.a, r.url);
  assert.match(r.pages, /loaded from bytes: give loadPages/);
  assert.ok(r.original > 0);
});

test('bundles that cannot be used are refused with their message', async () => {
  const r = await page.evaluate(async () => {
    const { Shegong } = await import('/shegong-search/shegong.js');
    const good = new Uint8Array(await (await fetch('bundle.bin')).arrayBuffer());
    const reason = (p) => p.then(() => 'loaded', (e) => `${e.constructor.name}: ${e.message}`);
    const flipped = good.slice();
    flipped[good.length >> 1] ^= 0x40;
    return {
      corrupted: await reason(Shegong.load(flipped)),
      truncated: await reason(Shegong.load(good.slice(0, good.length - 100))),
      notBundle: await reason(Shegong.load(new TextEncoder().encode('<html>not a bundle</html>'))),
      missing: await reason(Shegong.load('missing.bin')),
      wrongPages: await reason(Shegong.load(good).then((e) => e.loadPages(good))),
      notASource: await reason(Shegong.load(42)),
    };
  });
  assert.match(r.corrupted, /^Error: bundle is corrupted: checksum mismatch \(rebuild it with `shegong build`\)/);
  assert.match(r.truncated, /bundle is truncated: expected \d+ bytes, found \d+/);
  assert.match(r.notBundle, /not a Shegong bundle/);
  assert.match(r.missing, /could not download the bundle .*missing\.bin: the server answered HTTP 404/);
  assert.match(r.wrongPages, /not a Shegong pages file/);
  assert.match(r.notASource, /^TypeError: give the bundle as a URL/);
});
