// What the element's tests serve: the example host page (examples/embed.*), the element
// (scripts/element.sh) in its `shegong-search/` folder, a seeds bundle, a bundle of hostile
// pages, and more hosts — one with no CSS of its own but the same theming, one that opens the
// hostile bundle, one with other attributes, and a page for the JS API. Everything HTML is served with the strict CSP.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP, ROOT, elementDir, serve, shegong } from './support.js';
import { writeHostilePages } from './hostile.js';

const HEAD = `<meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Shegong host</title>
<script type="module" src="shegong-search/shegong-search.js"></script>`;

/** Build the site in a temporary folder and serve it; resolves to { url, dir, close }. */
export async function serveEmbedSite() {
  const dir = await mkdtemp(join(tmpdir(), 'shegong-embed-'));
  for (const f of ['embed.html', 'embed.css', 'embed.js']) await cp(join(ROOT, 'examples', f), join(dir, f));
  await cp(await elementDir(), join(dir, 'shegong-search'), { recursive: true });
  await shegong('build', 'seeds', '-o', join(dir, 'bundle.bin'), '--build-date', '2024-10-01', '--quiet');
  const hostile = await writeHostilePages(join(dir, 'hostile-pages'));
  await shegong('build', 'seeds', hostile, '-o', join(dir, 'hostile.bin'), '--quiet');
  await writeFile(join(dir, 'plain.css'), [
    '#finder { width: 900px; }',
    'shegong-search { --shegong-accent: #0b6e4f; --shegong-font-size: 15px; --shegong-surface: #fffdf7; }',
    'shegong-search::part(result-title) { color: #0b6e4f; }',
  ].join('\n'));
  await writeFile(join(dir, 'plain.html'), `<!doctype html><html lang="zh-CN"><head>${HEAD}
<link rel="stylesheet" href="plain.css" /></head><body><main><section id="finder">
<shegong-search id="search" bundle="bundle.bin" lang="zh" facets="region program date" limit="5"></shegong-search>
</section></main></body></html>`);
  await writeFile(join(dir, 'hostile.html'), `<!doctype html><html lang="zh-CN"><head>${HEAD}</head><body>
<shegong-search bundle="hostile.bin" limit="20"></shegong-search></body></html>`);
  await writeFile(join(dir, 'options.html'), `<!doctype html><html lang="en"><head>${HEAD}</head><body>
<shegong-search bundle="bundle.bin" lang="en" facets="program" limit="3" article-href="article.html?id={id}"></shegong-search>
</body></html>`);
  await writeFile(join(dir, 'article.html'), '<!doctype html><html><head><meta charset="utf-8" /></head><body><h1>host article page</h1></body></html>');
  await writeFile(join(dir, 'api.html'), '<!doctype html><html><head><meta charset="utf-8" /></head><body></body></html>');
  const server = await serve(dir, { headers: { 'content-security-policy': CSP } });
  return { ...server, dir };
}
