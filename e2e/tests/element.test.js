// <shegong-search> in the example host page (examples/embed.html): it searches and filters,
// hands the chosen article to the host, keeps the host's CSS out and its own in (screenshots),
// and runs under the strict CSP with no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSP, ROOT, launch } from '../support.js';
import { serveEmbedSite } from '../embed-site.js';
import { ElementPage } from '../pages/element-page.js';
import { differingPixels } from '../pixels.js';

const SHOTS = join(ROOT, 'target', 'e2e');
let site;
let browser;

before(async () => {
  site = await serveEmbedSite();
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records CSP violations (from the event and the console) and script errors. */
async function watchedPage() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.exposeFunction('reportViolation', (v) => problems.push(`violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  return { page, problems };
}

test('the example page embeds the element under the CSP: search, filters, shegong-select to the host', async () => {
  const { page, problems } = await watchedPage();
  const response = await page.goto(`${site.url}embed.html`);
  assert.equal(response.headers()['content-security-policy'], CSP, 'the CSP is served');
  const el = new ElementPage(page);
  const all = await el.waitForTotal((n) => n >= 10);
  assert.equal(await el.results.count(), 5, 'limit="5"');
  assert.ok(await el.pager.isVisible());

  await el.search('社工站');
  const found = await el.waitForTotal((n) => n < all && n > 0);
  const marks = await el.host.locator('[data-testid=result-item] mark').allTextContents();
  assert.ok(marks.includes('社工站'), `社工站 is highlighted: ${marks}`);

  // A program type, then a region: each narrows the results and shows a chip.
  // (The search runs in a worker: the chips show with its answer.)
  await el.programs.first().locator('input').check();
  await el.chips.first().waitFor();
  const byProgram = await el.waitForTotal((n) => n <= found);
  assert.equal(await el.chips.count(), 1);
  await el.regions.first().click();
  await el.chips.nth(1).waitFor();
  await el.waitForTotal((n) => n <= byProgram);
  assert.equal(await el.chips.count(), 2);
  await el.chips.first().click();
  await el.chips.nth(1).waitFor({ state: 'detached' });
  await el.waitForTotal((n) => n >= byProgram);
  assert.equal(await el.chips.count(), 1);

  // Choosing a result: the host's listener receives shegong-select and shows it; it cancelled
  // the event, so the built-in article view stays closed.
  const first = el.results.first();
  const id = await first.getAttribute('data-article-id');
  const title = await first.locator('h3').textContent();
  await first.locator('h3 button').click();
  await page.locator('#chosen-title').filter({ hasText: title }).waitFor();
  assert.match(await page.locator('#chosen-meta').textContent(), new RegExp(id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await el.article.isVisible(), false, 'the host handles the article');
  assert.deepEqual(problems, [], 'no CSP violation, no error');
  await page.close();
});

test('the region tree of the element shows a municipality once, not over a second city of its name', async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${site.url}embed.html`);
  const el = new ElementPage(page);
  await el.waitForTotal((n) => n === 15);
  const region = el.host.getByTestId('facet-region');
  const city = region.locator('.tree > li').filter({ has: page.locator(':scope > button.region', { hasText: /^(北京|上海|天津|重庆)市$/ }) }).first();
  const name = await city.locator(':scope > button.region').textContent();
  const toggle = city.locator(':scope > .toggle');
  if (await toggle.count()) await toggle.click();
  const below = await city.locator('ul button.region').allTextContents();
  assert.ok(!below.includes(name), `${name} is not listed again under itself: ${below}`);
  // Selecting it finds its articles, and only those.
  await city.locator(':scope > button.region').click();
  await el.chips.first().waitFor();
  const places = await el.host.locator('[data-testid=result-item] .place').allTextContents();
  assert.ok(places.length > 0 && places.every((p) => p.startsWith(name)), `${name}: ${places}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('shegong-select carries the id and metadata; without preventDefault the built-in view opens', async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${site.url}plain.html`);
  const el = new ElementPage(page);
  await el.waitForTotal((n) => n > 0);
  await page.evaluate(() => {
    document.querySelector('shegong-search').addEventListener('shegong-select', (e) => {
      window.selected = e.detail;
    });
  });
  const id = await el.results.first().getAttribute('data-article-id');
  await el.results.first().locator('h3 button').click();
  const d = await page.evaluate(() => window.selected);
  assert.equal(d.id, id);
  for (const key of ['title', 'file', 'region', 'programs', 'date', 'source', 'url']) assert.ok(key in d, key);
  assert.ok(Array.isArray(d.region) && Array.isArray(d.programs));
  await el.article.waitFor();
  await el.article.getByTestId('original-toggle').click();
  const original = el.article.getByTestId('original-text');
  await original.waitFor();
  assert.ok((await original.textContent()).length > 50, 'the original page text, from the pages file');
  await page.keyboard.press('Escape');
  await el.article.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the host's CSS does not change the element (screenshots)", async () => {
  const shots = [];
  for (const host of ['plain.html', 'embed.html']) {
    const { page, problems } = await watchedPage();
    await page.goto(site.url + host);
    const el = new ElementPage(page);
    await el.waitForTotal((n) => n > 0);
    await page.evaluate(() => document.fonts.ready);
    // The box's whole pixels: a fractional height would show a sliver of the host below it.
    await el.root.scrollIntoViewIfNeeded();
    const box = await el.root.boundingBox();
    const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: Math.floor(box.width), height: Math.floor(box.height) } });
    await writeFile(join(SHOTS, `element-in-${host.replace('.html', '')}.png`), shot);
    shots.push(shot);
    assert.deepEqual(problems, []);
    await page.close();
  }
  // Identical but for anti-aliasing at raster tile edges (the element sits at another height
  // of each page): a host rule that reached in would change thousands of pixels.
  const page = await browser.newPage();
  const differ = await differingPixels(page, shots[0], shots[1]);
  await page.close();
  assert.ok(differ <= 10, `the element looks the same in both hosts: ${differ} pixels differ (see ${SHOTS}/element-in-*.png)`);
});

test("the element's CSS does not change the host (screenshots)", async () => {
  const shots = [];
  for (const withElement of [false, true]) {
    const { page } = await watchedPage();
    if (!withElement) await page.route('**/shegong-search/shegong-search.js', (r) => r.abort());
    await page.goto(`${site.url}embed.html`);
    if (withElement) await new ElementPage(page).waitForTotal((n) => n > 0);
    else await page.locator('#masthead').waitFor();
    await page.evaluate(() => document.fonts.ready);
    const shot = await page.locator('#masthead').screenshot();
    await writeFile(join(SHOTS, `host-${withElement ? 'with' : 'without'}-element.png`), shot);
    shots.push([shot, await page.locator('#chosen').screenshot()]);
    await page.close();
  }
  assert.ok(shots[0][0].equals(shots[1][0]), `the masthead looks the same with and without the element (see ${SHOTS}/host-*.png)`);
  assert.ok(shots[0][1].equals(shots[1][1]), 'so does the host column beside it');
});

test('lang, facets, limit and article-href: English, one facet, three results linking into the host', async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${site.url}options.html`);
  const el = new ElementPage(page);
  await el.waitForTotal((n) => n === 15);
  assert.equal(await el.count.textContent(), '15 articles');
  assert.equal(await el.results.count(), 3);
  assert.equal(await el.input.getAttribute('placeholder'), 'Search: 社工站, 培训, 闵行区…');
  assert.equal(await el.host.getByTestId('facet-program').locator('legend').textContent(), 'Program type');
  assert.match((await el.programs.allTextContents()).join(' '), /[A-Za-z]{4}/, 'program labels in English');
  assert.equal(await el.host.getByTestId('facet-region').count(), 0);
  assert.equal(await el.host.getByTestId('facet-date').count(), 0);
  const id = await el.results.first().getAttribute('data-article-id');
  const link = el.results.first().locator('h3 a');
  assert.equal(await link.getAttribute('href'), `${site.url}article.html?id=${encodeURIComponent(id)}`);
  await Promise.all([page.waitForURL(/article\.html/), link.click()]);
  assert.equal(new URL(page.url()).searchParams.get('id'), id, 'the host page gets the id');
  // Switching the language attribute relabels the element.
  await page.goBack();
  await el.waitForTotal((n) => n === 15);
  await el.host.evaluate((e) => e.setAttribute('lang', 'zh'));
  assert.equal(await el.count.textContent(), '共 15 篇');
  // Another bundle replaces the results; one that is missing says so, with what to do.
  await el.host.evaluate((e) => e.setAttribute('bundle', 'missing.bin'));
  await el.error.waitFor();
  assert.match(await el.error.textContent(), /无法加载文章数据.*missing\.bin: the server answered HTTP 404.*bundle 属性/);
  assert.equal(await el.results.count(), 0, 'no results of the last bundle are left');
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await page.close();
});
