// Regenerate the README screenshots from dist/: `bash scripts/screenshots.sh`.
import { serve, launch } from './support.js';
import { resolve } from 'node:path';
import { SearchPage } from './pages/search-page.js';

const out = resolve(import.meta.dirname, '..', 'docs');
const server = await serve();
const browser = await launch();
try {
  const desktop = await browser.newPage({ viewport: { width: 1200, height: 820 } });
  const app = new SearchPage(desktop);
  await app.open(server.url);
  await app.search('社工站');
  await desktop.waitForTimeout(500);
  await desktop.getByTestId('facet-region').locator('.toggle').first().click();
  await desktop.screenshot({ path: `${out}/desktop.png` });
  await app.results.first().locator('h3 button').click();
  await desktop.getByTestId('article-view').waitFor();
  await desktop.screenshot({ path: `${out}/article.png` });

  const mobile = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const m = new SearchPage(mobile);
  await m.open(server.url);
  await m.search('培训');
  await mobile.waitForTimeout(500);
  await mobile.screenshot({ path: `${out}/mobile.png` });
} finally {
  await browser.close();
  await server.close();
}
