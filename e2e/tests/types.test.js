// The TypeScript definitions scripts/element.sh ships (shegong-search.d.ts, shegong.d.ts,
// shegong_wasm.d.ts): code written against them type-checks under --strict, and misuse does
// not (they are not `any`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, elementDir } from '../support.js';

const GOOD = `
import { Shegong, type Article, type Info, type SearchResults } from './shegong/shegong.js';
import type { ShegongSearchElement, ShegongSelectDetail } from './shegong/shegong-search.js';

export async function demo(bytes: Uint8Array): Promise<string[]> {
  const engine: Shegong = await Shegong.load(bytes);
  const byUrl = await Shegong.load(new URL('bundle.bin', 'https://example.org/'));
  const info: Info = await byUrl.info();
  const date: string | null = info.buildDate;
  const r: SearchResults = await engine.search('社工站', { programs: ['station'] }, { limit: 5 });
  const months: [string, number][] = r.facets.months;
  const article: Article | undefined = await engine.article(r.hits[0].id);
  const region: string | null | undefined = article?.region?.district;
  await engine.loadPages();
  const original: string | undefined = await engine.original(r.hits[0].id);
  const el: ShegongSearchElement | null = document.querySelector('shegong-search');
  el?.addEventListener('shegong-select', (e) => {
    const d: ShegongSelectDetail = e.detail;
    e.preventDefault();
    console.log(d.id, d.region.join('/'));
  });
  const ready: Info | undefined = await el?.ready;
  return [String(info.formatVersion), date ?? '', String(months.length), region ?? '', original ?? '', String(ready?.articleCount)];
}
`;

const BAD = `
import { Shegong } from './shegong/shegong.js';
import './shegong/shegong-search.js';
export async function misuse() {
  const engine = await Shegong.load(42);
  const r = await engine.search('x', { programs: 'station' });
  const n: string = r.total;
  document.querySelector('shegong-search')?.addEventListener('shegong-select', (e) => e.detail.nonesuch);
}
`;

async function tsc(source) {
  const dir = await mkdtemp(join(tmpdir(), 'shegong-types-'));
  await cp(await elementDir(), join(dir, 'shegong'), { recursive: true });
  await writeFile(join(dir, 'main.ts'), source);
  const bin = join(ROOT, 'e2e', 'node_modules', '.bin', 'tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'esnext,dom', join(dir, 'main.ts')];
  return promisify(execFile)(bin, args).then(() => '', (e) => e.stdout);
}

test('code written against the definitions type-checks under --strict', async () => {
  assert.equal(await tsc(GOOD), '');
});

test('misuse is caught: the definitions are not `any`', async () => {
  const errors = await tsc(BAD);
  assert.match(errors, /main\.ts\(5,\d+\): error TS2345: .*'number'.*'Source'/);
  assert.match(errors, /main\.ts\(6,\d+\): error TS2322: Type 'string' is not assignable to type 'string\[\]'/);
  assert.match(errors, /main\.ts\(7,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  assert.match(errors, /main\.ts\(8,\d+\): error TS2339: Property 'nonesuch' does not exist on type 'ShegongSelectDetail'/);
  assert.equal(errors.trim().split('\n').length, 4, errors);
});
