// The extraction worker: reads the files a reader adds (decode, split, extract) with the
// extraction module, off the page's thread, keeps them in the collection (store.js), and
// builds bundles of the collection. A same-origin script (started as a module worker), so it
// runs under `script-src 'self' 'wasm-unsafe-eval'` (no blob: URL). client.js talks to it.
//
// Requests (each with an `id` its answers carry):
//   {type: 'add', files: [{name, data: File|Blob|ArrayBuffer|Uint8Array, modified}]} (a File without
//   `modified` is dated by its lastModified)
//       → {type: 'progress', done, total, articles, file: {name, articles, error}} per file,
//         then {type: 'done', done, total, articles, failed: [{name, error}]}
//         or {type: 'cancelled', …} after {type: 'cancel'} with the same id.
//   {type: 'regions', query, limit} → {type: 'regions', regions}
//   {type: 'programs'} → {type: 'programs', programs}
//   {type: 'export', base?: {bundle: ArrayBuffer, pages?: ArrayBuffer}}
//       → {type: 'stage', stage: 'dictionary' | 'building'}, then
//         {type: 'exported', bundle, pages, articles, unmatched, corrections}
//   {type: 'single', app: {js, wasm: ArrayBuffer, css}, base?: {bundle, pages?}}
//       → stages, then {type: 'single', html (bytes of the offline file), articles}
//   {type: 'prepare'} → {type: 'prepared'} once the dictionary is read (a worker that builds
//       bundles gets it while another reads files)
//   {type: 'preview', base?: {bundle: ArrayBuffer, pages?: ArrayBuffer}}
//       → {type: 'stage', …}, then {type: 'previewed', bundle (index embedded, for the app to
//         search), pages (its pages file, null when the base's pages were not given),
//         files: [names of the added pages], articles}
// Any failure: {type: 'error', error} (Chinese first, then English).
//
// Its files are found beside it, or where `self.shegongExtractUrls` says: a single file, opened
// from file://, sets it before this script to data: URLs and runs this as a classic worker
// (Chromium runs no module worker and fetches no blob: URL there), so nothing here needs a
// module: no static import, no import.meta.
const at = (name) => self.shegongExtractUrls?.[name] ?? new URL(name, self.location.href).href;
let readFile, findRegions, programs, Exporter, singleFile, openCollection;
const ready = (async () => {
  const [glue, store] = await Promise.all([import(at('shegong_wasm_extract.js')), import(at('store.js'))]);
  await glue.default({ module_or_path: at('shegong_wasm_extract_bg.wasm') });
  ({ readFile, findRegions, programs, Exporter, singleFile } = glue);
  ({ openCollection } = store);
})();
let collection = null;
let exporter = null;
const cancelled = new Set();

const post = (message, transfer = []) => self.postMessage(message, transfer);

self.onmessage = ({ data: m }) => {
  if (m.type === 'cancel') {
    cancelled.add(m.id);
    return;
  }
  handle(m).catch((e) => post({ type: 'error', id: m.id, error: e?.message ?? String(e) }));
};

async function handle(m) {
  await ready;
  switch (m.type) {
    case 'add':
      return add(m);
    case 'regions':
      return post({ type: 'regions', id: m.id, regions: findRegions(String(m.query ?? ''), m.limit ?? 20) });
    case 'programs':
      return post({ type: 'programs', id: m.id, programs: programs() });
    case 'export':
      return exportBundle(m);
    case 'preview':
      return previewBundle(m);
    case 'single':
      return singleFileOf(m);
    case 'prepare':
      await exporterReady(m.id);
      return post({ type: 'prepared', id: m.id });
    default:
      throw new Error(`unknown request ${m.type}`);
  }
}

async function store() {
  collection ??= await openCollection();
  return collection;
}

/** Let queued messages (a cancel) in between two files. */
const breathe = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  });

async function add({ id, files }) {
  const total = files.length;
  const failed = [];
  let done = 0;
  let articles = 0;
  const kept = await store();
  // A File is dated here, off the page's thread (its `lastModified` asks the disk).
  for (const { name, data, modified = data instanceof File ? data.lastModified : null } of files) {
    await breathe();
    if (cancelled.delete(id)) {
      post({ type: 'cancelled', id, done, total, articles, failed });
      return;
    }
    const bytes = new Uint8Array(data instanceof Blob ? await data.arrayBuffer() : data);
    let read;
    try {
      read = readFile(name, bytes);
    } catch (e) {
      read = { text: null, articles: [], error: `读取时出错 (failed while reading: ${e?.message ?? e})` };
    }
    if (read.error) {
      failed.push({ name, error: read.error });
    } else {
      // A full disk stops the whole run: the pages kept so far stay, and the error says so.
      await kept.addPage({ name, text: read.text, modified }, read.articles);
      articles += read.articles.length;
    }
    done += 1;
    post({
      type: 'progress',
      id,
      done,
      total,
      articles,
      file: { name, articles: read.articles, error: read.error },
    });
  }
  post({ type: 'done', id, done, total, articles, failed });
}

/** jieba's dictionary (dict.bin.gz beside this worker), fetched the first time a bundle is built. */
async function dictionary() {
  const url = new URL(at('dict.bin.gz'));
  const response = await fetch(url).catch(() => null);
  if (!response?.ok) {
    throw new Error(
      `无法下载词典，导出需要联网一次 (cannot download the dictionary ${url.pathname}` +
        `${response ? `: HTTP ${response.status}` : ''}; exporting needs it once, online)`,
    );
  }
  let bytes = new Uint8Array(await response.arrayBuffer());
  // Served as is, it is gzip; a server that sets Content-Encoding has unpacked it already.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(unpacked).arrayBuffer());
  }
  return new Exporter(bytes);
}

/** Read the dictionary once (requests that come meanwhile wait for the same one). */
let exporterLoading = null;
async function exporterReady(id) {
  if (!exporter) {
    post({ type: 'stage', id, stage: 'dictionary' });
    exporterLoading ??= dictionary().finally(() => {
      exporterLoading = null;
    });
    exporter = await exporterLoading;
  }
}

/**
 * The dictionary and the collection's pages and corrections, as export and preview use them;
 * `withArticles`: each page with the articles kept when it was added, in its order, so that the
 * build need not extract it again (the preview; an export extracts every page anyway).
 */
async function inputs(id, withArticles = false) {
  await exporterReady(id);
  post({ type: 'stage', id, stage: 'building' });
  const kept = await store();
  const byId = new Map(withArticles ? (await kept.articles()).map((a) => [a.id, a]) : []);
  const pages = (await kept.pages()).map(({ name, text, modified, ids }) => ({
    file: name,
    text,
    modified,
    ...(withArticles && { articles: ids.map((i) => byId.get(i)).filter(Boolean) }),
  }));
  return { pages, corrections: await kept.correctionsFile() };
}

/**
 * Build with the exporter's `method` (`export` or `preview`) from the collection and the loaded
 * one-file bundle `base`, and post `{ type, id, bundle, pages, articles, ...extra }`, the
 * bundle and pages file transferred. `extra` gets the pages and corrections the build read.
 */
async function buildAndPost({ id, base }, method, type, extra) {
  const { pages, corrections } = await inputs(id, method === 'preview');
  const out = exporter[method](
    pages,
    corrections,
    base?.bundle ? new Uint8Array(base.bundle) : undefined,
    base?.pages ? new Uint8Array(base.pages) : undefined,
  );
  const bundle = out.bundle;
  const pagesFile = out.pages ?? null;
  const message = {
    type,
    id,
    bundle,
    pages: pagesFile,
    articles: out.articles,
    ...extra(out, pages, corrections),
  };
  out.free();
  post(message, [bundle.buffer, ...(pagesFile ? [pagesFile.buffer] : [])]);
}

function exportBundle(request) {
  return buildAndPost(request, 'export', 'exported', (out, _pages, corrections) => ({
    unmatched: out.unmatched,
    corrections,
  }));
}

function previewBundle(request) {
  return buildAndPost(request, 'preview', 'previewed', (_out, pages) => ({
    files: pages.map((p) => p.file),
  }));
}

async function singleFileOf({ id, app, base }) {
  const { pages, corrections } = await inputs(id);
  const out = exporter.export(
    pages,
    corrections,
    base?.bundle ? new Uint8Array(base.bundle) : undefined,
    base?.pages ? new Uint8Array(base.pages) : undefined,
  );
  const html = singleFile(app.js, new Uint8Array(app.wasm), app.css, out.bundle, out.pages ?? undefined);
  const articles = out.articles;
  out.free();
  post({ type: 'single', id, html, articles }, [html.buffer]);
}
