// Cold load to first results: a fresh browser context (no HTTP cache, no service worker) opens
// the app over dist/ on loopback, and the time from navigation start to the first result on
// screen is taken. Prints every run and the median: `node e2e/coldload.js [runs]`.
import { serve, launch } from './support.js';

const runs = Number(process.argv[2] ?? 9);
const server = await serve();
const browser = await launch();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
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
  await server.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`runs (ms): ${times.join(', ')}`);
console.log(`median cold load to first results: ${sorted[Math.floor(sorted.length / 2)]} ms`);
