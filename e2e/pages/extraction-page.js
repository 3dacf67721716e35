// Page object for the extraction module without the app: a blank page on the app's origin
// (dist/, so the worker and IndexedDB are same-origin) that imports dist/extract/client.js and
// store.js. Files are served to the page from memory.

const BLANK = '<!doctype html><meta charset="utf-8"><title>extraction</title>';

export class ExtractionPage {
  constructor(page, files, modified) {
    this.page = page;
    this.files = files;
    this.modified = modified;
  }

  /**
   * Open a page in `context` at the server `url`; `files` maps names (`mine/a.txt`) to their
   * bytes, which the page fetches, and `modified` to when they were last modified (ms since
   * 1970, as `File.lastModified`; unknown if left out).
   */
  static async open(context, url, files = new Map(), modified = new Map()) {
    await context.route('**/__extraction__.html', (r) => r.fulfill({ contentType: 'text/html', body: BLANK }));
    await context.route('**/__files__/**', (r) => {
      const name = decodeURIComponent(new URL(r.request().url()).pathname.replace(/^\/__files__\//, ''));
      return files.has(name) ? r.fulfill({ body: files.get(name) }) : r.fulfill({ status: 404 });
    });
    const page = await context.newPage();
    const object = new ExtractionPage(page, files, modified);
    await object.reload(url);
    return object;
  }

  /** Load the blank page (again) and start a worker and a collection handle on it. */
  async reload(url = this.page.url()) {
    await this.page.goto(new URL('__extraction__.html', url).href);
    await this.page.evaluate(async () => {
      const { Extraction } = await import('./extract/client.js');
      const { openCollection } = await import('./extract/store.js');
      window.extraction = new Extraction();
      window.collection = await openCollection();
    });
  }

  /**
   * Add the named files (all of them, or `names`), in that order; resolves with what the run
   * gave and each file's progress message ({name, articles, error}).
   */
  add(names = [...this.files.keys()], { cancelAfter = null } = {}) {
    const list = names.map((n) => [n, this.modified.get(n) ?? null]);
    return this.page.evaluate(
      async ({ list, cancelAfter }) => {
        const files = await Promise.all(
          list.map(async ([n, modified]) => {
            const bytes = await (await fetch(`__files__/${n.split('/').map(encodeURIComponent).join('/')}`)).arrayBuffer();
            return { name: n, data: new Blob([bytes]), modified };
          }),
        );
        const seen = [];
        const run = window.extraction.add(files, (p) => {
          seen.push(p.file);
          if (seen.length === cancelAfter) run.cancel();
        });
        const result = await run.finished;
        return { ...result, files: seen };
      },
      { list, cancelAfter },
    );
  }

  regions(query, limit) {
    return this.page.evaluate(([q, l]) => window.extraction.regions(q, l), [query, limit]);
  }

  programs() {
    return this.page.evaluate(() => window.extraction.programs());
  }

  /** Export; the bundle and pages file come back as Buffers. */
  async export(base = null) {
    const out = await this.page.evaluate(async (base) => {
      const bytes = (s) => s && Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const b64 = (u8) => {
        if (!u8) return null;
        let s = '';
        for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
        return btoa(s);
      };
      const out = await window.extraction.export(base && { bundle: bytes(base.bundle), pages: bytes(base.pages) });
      return { ...out, bundle: b64(out.bundle), pages: b64(out.pages) };
    }, base && { bundle: base.bundle.toString('base64'), pages: base.pages?.toString('base64') });
    return {
      ...out,
      bundle: Buffer.from(out.bundle, 'base64'),
      pages: out.pages && Buffer.from(out.pages, 'base64'),
    };
  }

  /** Call a method of the page's collection (store.js) with JSON arguments. */
  store(method, ...args) {
    return this.page.evaluate(([m, a]) => window.collection[m](...a), [method, args]);
  }
}
