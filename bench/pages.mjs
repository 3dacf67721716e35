// The articles of `shegong extract --format jsonl` (standard input) as one HTML page each, for
// Pagefind: `node bench/pages.mjs SITE` writes SITE/a/<id>.html and the search page
// SITE/index.html (bench/pagefind.html).
//
// Each page is `<html lang="zh-CN">` (Pagefind segments Chinese only then), the title in <h1>,
// the text in <p>s, and the filters our facets use, with the same values: `region` (the region
// path and each of its prefixes, `省/市/区县/街道`, so selecting a province finds its districts as
// our region tree does), `program` (each program id), `year` (the year of the article's date).
import { createInterface } from 'node:readline';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const site = process.argv[2];
if (!site) {
  console.error('usage: shegong extract DIR --format jsonl | node bench/pages.mjs SITE');
  process.exit(2);
}
await mkdir(join(site, 'a'), { recursive: true });
await copyFile(join(import.meta.dirname, 'pagefind.html'), join(site, 'index.html'));

const esc = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const filter = (key, value) => `<span data-pagefind-filter="${key}:${esc(value)}"></span>`;

function page(a) {
  const region = a.region
    ? [a.region.province, a.region.city, a.region.district, a.region.town].filter((x) => x)
    : [];
  const filters = [
    ...region.map((_, i) => filter('region', region.slice(0, i + 1).join('/'))),
    ...(a.programs ?? []).map((p) => filter('program', p)),
    ...(a.date?.year ? [filter('year', a.date.year)] : []),
  ];
  const title = a.title ?? a.subtitle ?? a.id;
  const paras = String(a.text ?? '')
    .split('\n')
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p)}</p>`);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body>
<main>
<h1>${esc(title)}</h1>
${a.subtitle && a.title ? `<h2>${esc(a.subtitle)}</h2>\n` : ''}${paras.join('\n')}
<div hidden>${filters.join('')}</div>
</main>
</body>
</html>
`;
}

let n = 0;
const seen = new Set();
const pending = [];
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const a = JSON.parse(line);
  const name = a.id.replace(/[^\p{L}\p{N}_.-]/gu, '_');
  if (seen.has(name)) throw new Error(`two articles map to the page name ${name}`);
  seen.add(name);
  pending.push(writeFile(join(site, 'a', `${name}.html`), page(a)));
  if (pending.length >= 64) await Promise.all(pending.splice(0));
  n++;
}
await Promise.all(pending);
console.log(`${n} article pages written to ${join(site, 'a')}`);
