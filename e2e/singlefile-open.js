// Opening the single file from file:// to first results: a fresh browser context, offline, opens
// `shegong build --single-file` output (default: dist/shegong-offline.html, which Trunk's
// post_build hook writes for the seeds) and the time from navigation start to the first result
// on screen is taken, with the time the page spent unpacking and starting. Prints every run and
// the median: `node e2e/singlefile-open.js [file.html] [runs]`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch } from './support.js';

const file = resolve(process.argv[2] ?? `${DIST}/shegong-offline.html`);
const runs = Number(process.argv[3] ?? 9);
const browser = await launch();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
    const ms = await page.waitForFunction(
      () => document.querySelector('[data-testid=result-item]') && performance.now(),
      null,
      { polling: 'raf' },
    );
    times.push(Math.round(await ms.jsonValue()));
    await context.close();
  }
} finally {
  await browser.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`${file}\nruns (ms): ${times.join(', ')}`);
console.log(`median from navigation to first results: ${sorted[Math.floor(sorted.length / 2)]} ms`);
