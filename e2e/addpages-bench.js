// Adding pages in the browser: seed-like pages (`shegong synth`, 100 pages of 6 articles, about
// 1 MB) are given to the extraction worker in headless Chromium, which reads, extracts and keeps
// them in IndexedDB. Prints, per run (each in a fresh context: cold module, empty storage), the
// time from the request to the last page kept, when the first page was kept (the module fetched
// and compiled, the gazetteer built), the longest main-thread task meanwhile, then the export of
// the collection as a bundle: the first (fetching and reading the 1.3 MB dictionary) and the
// next. Then the same pages given to the app's add button (app loaded with the seeds bundle):
// the time from the files given to their articles shown in the results (read, kept, the
// collection rebuilt and decoded), and the longest main-thread task meanwhile.
// `node e2e/addpages-bench.js [runs] [PAGES_DIR]` (dist/ built by `trunk build --release --offline`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch } from './support.js';

const runs = Number(process.argv[2] ?? 5);
let dir = process.argv[3];
if (!dir) {
  dir = mkdtempSync(join(tmpdir(), 'shegong-addpages-'));
  const root = resolve(import.meta.dirname, '..');
  const synth = spawnSync(
    'cargo',
    ['run', '--quiet', '--release', '-p', 'shegong-cli', '--', 'synth', '--articles', '600', '--per-page', '6', '-o', dir],
    { cwd: root, stdio: 'inherit' },
  );
  if (synth.status !== 0) throw new Error('shegong synth failed');
}
const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
const bytes = names.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);

const server = await serve();

/** The app (seeds bundle) in a fresh context: all pages to the add button, until shown. */
async function inTheApp() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('result-count').waitFor();
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    document.querySelector('[data-testid=add-pages]').addEventListener('change', () => {
      window.__start = performance.now();
    }, { capture: true });
    new MutationObserver(() => {
      const n = Number(document.querySelector('[data-testid=yours-count]')?.textContent.match(/\d+/)?.[0]);
      if (window.__start && !window.__end && n > 0 && !document.querySelector('[data-testid=add-progress]')) {
        window.__end = performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('add-pages').setInputFiles(names.map((n) => join(dir, n)));
  await page.waitForFunction(() => window.__end, null, { timeout: 120_000, polling: 100 });
  await page.waitForTimeout(200);
  const r = await page.evaluate(() => ({
    appMs: Math.round(window.__end - window.__start),
    appLongestTaskMs: Math.round(Math.max(0, ...window.__tasks)),
    appYours: Number(document.querySelector('[data-testid=yours-count]').textContent.match(/\d+/)[0]),
  }));
  await context.close();
  return r;
}
const browser = await launch();
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.route('**/__bench__.html', (r) =>
      r.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>bench</title>' }),
    );
    await context.route('**/__pages__/*', (r) =>
      r.fulfill({ body: readFileSync(join(dir, decodeURIComponent(r.request().url().split('/').pop()))) }),
    );
    const page = await context.newPage();
    await page.goto(`${server.url}__bench__.html`);
    const row = await page.evaluate(async (names) => {
      const files = await Promise.all(
        names.map(async (n) => new File([await (await fetch(`__pages__/${encodeURIComponent(n)}`)).arrayBuffer()], n)),
      );
      const { Extraction } = await import('./extract/client.js');
      const tasks = [];
      new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      const t0 = performance.now();
      const extraction = new Extraction();
      let first = null;
      const run = extraction.add(files, () => {
        first ??= performance.now();
      });
      const done = await run.finished;
      const t1 = performance.now();
      const exported = await extraction.export();
      const t2 = performance.now();
      await extraction.export();
      const t3 = performance.now();
      await new Promise((r) => setTimeout(r, 100));
      extraction.terminate();
      return {
        ms: Math.round(t1 - t0),
        firstFileMs: Math.round(first - t0),
        files: done.done,
        articles: done.articles,
        failed: done.failed.length,
        longestTaskMs: Math.round(Math.max(0, ...tasks)),
        firstExportMs: Math.round(t2 - t1),
        nextExportMs: Math.round(t3 - t2),
        bundleBytes: exported.bundle.length,
      };
    }, names);
    await context.close();
    Object.assign(row, await inTheApp());
    rows.push(row);
    console.log(JSON.stringify(row));
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (k) => [...rows].map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
console.log(
  `${names.length} pages, ${bytes} bytes: median ${median('ms')} ms to add all (first page kept after ${median('firstFileMs')} ms), ` +
    `longest main-thread task ${Math.max(...rows.map((r) => r.longestTaskMs))} ms over ${rows.length} runs; ` +
    `export ${median('firstExportMs')} ms the first time, ${median('nextExportMs')} ms after; ` +
    `in the app: median ${median('appMs')} ms from the files given to their ${median('appYours')} articles shown, ` +
    `longest main-thread task ${Math.max(...rows.map((r) => r.appLongestTaskMs))} ms`,
);
