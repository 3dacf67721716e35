// The page's side of the extraction worker (worker.js): reading the pages a reader adds,
// looking places up, and exporting the collection, each as a promise. Loaded only when a
// reader adds pages, so the search-only first load does not carry it.
//
//   const extraction = new Extraction();
//   const run = extraction.add(input.files, (p) => bar.update(p.done, p.total, p.articles));
//   cancelButton.onclick = () => run.cancel();
//   const { done, failed, cancelled } = await run.finished;
//   const regions = await extraction.regions('閔行');
//   const { bundle, pages, corrections } = await extraction.export({ bundle: bytes, pages: pageBytes });
//
// The collection itself (list, correct, remove) is store.js, usable from the page directly.

/** A copy of bytes as an ArrayBuffer to transfer to the worker (the caller keeps its own). */
const copy = (b) => (b ? new Uint8Array(b).slice().buffer : undefined);

export class Extraction {
  /** Start the worker beside this module (`classic`: as a classic worker, as a single file must). */
  constructor(url = new URL('worker.js', import.meta.url), { classic = false } = {}) {
    this.worker = new Worker(url, classic ? {} : { type: 'module' });
    this.next = 1;
    this.waiting = new Map();
    this.worker.onmessage = ({ data }) => this.waiting.get(data.id)?.(data);
    this.worker.onerror = (e) => {
      const error = new Error(
        `无法启动提取模块 (the extraction worker failed: ${e.message ?? 'could not load'}); reload the page`,
      );
      for (const answer of this.waiting.values()) answer({ type: 'error', error: error.message });
    };
  }

  /** Send a request; `onMessage(answer)` returns true when the answer is the last one. */
  request(message, onMessage, transfer = []) {
    const id = this.next++;
    return {
      id,
      finished: new Promise((resolve, reject) => {
        this.waiting.set(id, (answer) => {
          let last;
          if (answer.type === 'error') {
            this.waiting.delete(id);
            reject(new Error(answer.error));
            return;
          }
          try {
            last = onMessage(answer);
          } catch (e) {
            this.waiting.delete(id);
            reject(e);
            return;
          }
          if (last) {
            this.waiting.delete(id);
            resolve(answer);
          }
        });
        this.worker.postMessage({ ...message, id }, transfer);
      }),
    };
  }

  /**
   * Read, extract and keep `files` (File objects, whose webkitRelativePath names them when a
   * folder was chosen, or {name, data, modified}; a File is dated by the worker). `onProgress({done, total, articles, file})`
   * follows each file. Returns {finished, cancel}: `finished` resolves with
   * {done, total, articles, failed: [{name, error}], cancelled} and rejects on a storage error
   * (the files kept until then stay).
   */
  add(files, onProgress = () => {}) {
    const list = [...files].map((f) =>
      f instanceof File
        ? { name: f.webkitRelativePath || f.name, data: f }
        : f,
    );
    const run = this.request({ type: 'add', files: list }, (a) => {
      if (a.type === 'progress') onProgress(a);
      return a.type === 'done' || a.type === 'cancelled';
    });
    return {
      finished: run.finished.then((a) => ({ ...a, cancelled: a.type === 'cancelled' })),
      cancel: () => this.worker.postMessage({ type: 'cancel', id: run.id }),
    };
  }

  /** Regions named by what a reader typed (either script): [{province, city, district, town, code}]. */
  async regions(query, limit = 20) {
    return (await this.request({ type: 'regions', query, limit }, () => true).finished).regions;
  }

  /** The program types articles are classified with: [{id, zh, en}]. */
  async programs() {
    return (await this.request({ type: 'programs' }, () => true).finished).programs;
  }

  /**
   * The collection as a bundle file and its pages file, byte for byte what `shegong build`
   * writes for the same pages with `--corrections` of the returned corrections file; with
   * `base` ({bundle, pages} bytes of a loaded one-file bundle) its articles are kept in it.
   * `pages` is null when `base` has no pages. `onStage('dictionary' | 'building')` tells
   * where it is (the dictionary is fetched, 1.3 MB, the first time).
   */
  async export(base = null, onStage = () => {}) {
    const message = { type: 'export', base: base && { bundle: copy(base.bundle), pages: copy(base.pages) } };
    const transfer = base ? [message.base.bundle, message.base.pages].filter(Boolean) : [];
    const answer = await this.request(
      message,
      (a) => {
        if (a.type === 'stage') onStage(a.stage);
        return a.type === 'exported';
      },
      transfer,
    ).finished;
    const { bundle, pages, articles, unmatched, corrections } = answer;
    return { bundle, pages, articles, unmatched, corrections };
  }

  /**
   * What the app searches: the loaded bundle's articles (`base`, {bundle, pages} bytes of a
   * one-file bundle and its pages file, if any) and the collection's, corrected, in one bundle
   * with its index embedded. Resolves with {bundle, pages (its pages file, null when the base
   * has no pages), files (the added pages' names), articles}.
   */
  async preview(base = null, onStage = () => {}) {
    const message = { type: 'preview', base: base && { bundle: copy(base.bundle), pages: copy(base.pages) } };
    const transfer = base ? [message.base.bundle, message.base.pages].filter(Boolean) : [];
    const answer = await this.request(
      message,
      (a) => {
        if (a.type === 'stage') onStage(a.stage);
        return a.type === 'previewed';
      },
      transfer,
    ).finished;
    const { bundle, pages, files, articles } = answer;
    return { bundle, pages, files, articles };
  }

  /**
   * The collection (with `base` as for `export`) as one offline HTML file with the app `app`
   * ({js, wasm, css}: the app's wasm-bindgen module, its wasm bytes, its stylesheet), what
   * `shegong build --single-file --with-pages` writes. Resolves with {html (bytes), articles}.
   */
  async singleFile(app, base = null, onStage = () => {}) {
    const message = {
      type: 'single',
      app: { js: app.js, wasm: copy(app.wasm), css: app.css },
      base: base && { bundle: copy(base.bundle), pages: copy(base.pages) },
    };
    const answer = await this.request(
      message,
      (a) => {
        if (a.type === 'stage') onStage(a.stage);
        return a.type === 'single';
      },
      [message.app.wasm],
    ).finished;
    return { html: answer.html, articles: answer.articles };
  }

  /** Read the dictionary bundles are built with now, so a later preview or export need not wait. */
  async prepare() {
    await this.request({ type: 'prepare' }, (a) => a.type === 'prepared').finished;
  }

  terminate() {
    this.worker.terminate();
  }
}
