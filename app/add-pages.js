// The app's way to the reader's own pages (app/src/add_pages.rs calls it): a few functions on
// `globalThis.shegongAddPages` that load the extraction worker's client (extract/client.js) and
// the collection store (extract/store.js) on first use, so a search-only visit loads neither,
// nor the extraction module the worker starts. A classic script with dynamic imports: it runs
// under `script-src 'self'` and keeps the app's own module free of imports.
//
// Structured answers are JSON strings (the app parses them with serde); bundles are bytes.
(() => {
  const folder = new URL('extract/', document.baseURI);
  let client = null;
  let builder = null;
  let store = null;

  // A single file gives its files as blob: URLs (`globalThis.shegongExtractUrls`).
  const at = (name) => globalThis.shegongExtractUrls?.[name] ?? new URL(name, folder).href;
  const classic = Boolean(globalThis.shegongExtractUrls);
  const start = () => import(at('client.js')).then(({ Extraction }) => new Extraction(at('worker.js'), { classic }));
  // Two workers: one reads the files, the other builds the collection shown (and exports), so
  // the dictionary is read on the other core while the files are.
  const extraction = () => (client ??= start());
  const building = () => (builder ??= start());
  const collection = () =>
    (store ??= import(at('store.js')).then(({ openCollection }) => openCollection()));

  // Files are named here and dated in the worker: a File's `lastModified` asks the disk, and
  // asking it for a hundred files on the page's thread held it for tens of milliseconds.

  /** Every file under a dropped entry (a folder is walked), named by its path in the drop. */
  async function walk(entry, out) {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      out.push({ name: entry.fullPath.replace(/^\//, ''), data: file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const e of batch) await walk(e, out);
      }
    }
  }

  /** Save bytes or text as a download named `name`. */
  function download(name, parts, type) {
    const url = URL.createObjectURL(new Blob(parts, { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The running app's own files: its wasm-bindgen module, wasm and stylesheet (as Trunk links them). */
  async function appFiles() {
    const get = async (selector, how) => {
      const link = document.querySelector(selector);
      const r = link && (await fetch(link.href));
      if (!r?.ok) throw new Error(`找不到应用的文件，无法导出单文件 (cannot fetch the app's ${selector}: export the bundle instead)`);
      return r[how]();
    };
    const [js, wasm, css] = await Promise.all([
      get('link[rel=modulepreload]', 'text'),
      get('link[rel=preload][href$="_bg.wasm"]', 'arrayBuffer'),
      get('link[rel=stylesheet]', 'text'),
    ]);
    return { js, wasm, css };
  }

  /** The bundle's pages file, if it can be had. */
  async function pagesOf(base, basePages) {
    if (!base || !basePages) return null;
    const r = await fetch(basePages).catch(() => null);
    return r?.ok ? new Uint8Array(await r.arrayBuffer()) : null;
  }

  globalThis.shegongAddPages = {
    /** How many pages the reader has kept (0 opens no database that does not exist yet). */
    async kept() {
      if (!globalThis.indexedDB) return 0;
      if (indexedDB.databases) {
        const names = (await indexedDB.databases()).map((d) => d.name);
        if (!names.includes('shegong-collection')) return 0;
      }
      return (await (await collection()).pages()).length;
    },

    /** The files of an input's FileList or of a drop (folders walked), in name order. */
    async files(source) {
      const out = [];
      if (source instanceof DataTransfer) {
        const entries = [...source.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
        if (entries.length) {
          for (const e of entries) await walk(e, out);
        } else {
          for (const f of source.files) out.push({ name: f.name, data: f });
        }
      } else {
        for (const f of source) out.push({ name: f.webkitRelativePath || f.name, data: f });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },

    /**
     * Read and keep `files` (from `files`); `onProgress(done, total, articles)` follows each.
     * Returns {finished: Promise<{done, total, articles, failed: [{name, error}], cancelled}>, cancel}.
     */
    add(files, onProgress) {
      let run = null;
      let cancelled = false;
      building().then((b) => b.prepare()).catch(() => undefined);
      const finished = extraction().then((x) => {
        run = x.add(files, (p) => onProgress(p.done, p.total, p.articles));
        if (cancelled) run.cancel();
        return run.finished;
      });
      return {
        finished,
        cancel: () => {
          cancelled = true;
          run?.cancel();
        },
      };
    },

    /**
     * The loaded bundle (`base`, with its pages file `basePages`, both bytes, if given) and the
     * collection as one bundle: {bundle: Uint8Array, pages: Uint8Array | null, files, articles}.
     */
    async preview(base, basePages, onStage) {
      const p = await (await building()).preview(base ? { bundle: base, pages: basePages } : null, onStage);
      return { bundle: p.bundle, pages: p.pages, files: p.files, articles: p.articles };
    },

    /** Regions named by what was typed: [{province, city, district, town, code}]. */
    async regions(query) {
      return (await extraction()).regions(query, 12);
    },

    /** All corrections, as JSON [{id, region?, programs?, date?, removed?}]. */
    async corrections() {
      return JSON.stringify(await (await collection()).corrections());
    },

    /** Correct an article (change: {region?, programs?, date?}). */
    async correct(id, change) {
      await (await collection()).correct(id, change);
    },

    /** Undo an article's corrections. */
    async uncorrect(id) {
      await (await collection()).uncorrect(id);
    },

    async removeArticle(id) {
      return (await collection()).removeArticle(id);
    },

    async removeAll() {
      await (await collection()).removeAll();
    },

    /**
     * Download the loaded bundle (`base` bytes, if any) and the collection as bundle.bin — what
     * `shegong build --corrections corrections.json` writes — with its pages file when the
     * base's (at `basePages`) can be had, and the corrections file. Resolves with JSON
     * {articles, unmatched, pages}.
     */
    async exportBundle(base, basePages, onStage) {
      const pages = await pagesOf(base, basePages);
      const out = await (await building()).export(base ? { bundle: base, pages } : null, onStage);
      download('bundle.bin', [out.bundle], 'application/octet-stream');
      if (out.pages) download('bundle.pages.bin', [out.pages], 'application/octet-stream');
      download('corrections.json', [JSON.stringify(out.corrections, null, 2)], 'application/json');
      return JSON.stringify({ articles: out.articles, unmatched: out.unmatched, pages: Boolean(out.pages) });
    },

    /**
     * Download the loaded bundle and the collection as one offline HTML file with this app
     * (`shegong.html`, with the original pages when the base's can be had). Resolves with JSON
     * {articles}.
     */
    async exportSingleFile(base, basePages, onStage) {
      const [app, pages] = await Promise.all([appFiles(), pagesOf(base, basePages)]);
      const out = await (await building()).singleFile(app, base ? { bundle: base, pages } : null, onStage);
      download('shegong.html', [out.html], 'text/html');
      return JSON.stringify({ articles: out.articles });
    },
  };
})();
