// Shegong's JavaScript API: load a bundle by URL or from its bytes and search it. Every method
// returns a Promise: the engine (shegong_wasm.js and its .wasm, beside this file) runs in a Web
// Worker (worker.js) where one can start, else on the page; a chunked bundle's chunks are
// fetched as searches need them, each once, and kept in the offline cache.
//
//   import { Shegong } from './shegong.js';
//   const engine = await Shegong.load('bundle.bin');     // a URL, or a Uint8Array/ArrayBuffer
//   const { formatVersion, articleCount, buildDate } = await engine.info();
//   const { total, hits, facets } = await engine.search('社工站', { programs: ['station'] }, { limit: 10 });
//   const article = await engine.article(hits[0].id);
//   await engine.loadPages();                            // the pages file beside the bundle
//   const page = await engine.original(hits[0].id);
//
// The app uses the same host (`open`) with its own module.

/** The cache the service worker answers from offline (app/sw.js). */
const CACHE = 'shegong-v1';

const abort = () => Object.assign(new Error('cancelled by a newer search'), { name: 'AbortError' });

/** An Error from what the host reports: a download that failed, or what the engine threw. */
function error(e) {
  const v = e?.value;
  const what = e?.status
    ? `could not download the ${e.what} ${e.url}: the server answered HTTP ${e.status}`
    : e?.network
      ? `could not download the ${e.what} ${e.url} (${e.network}); check the address and the connection`
      : `${e?.what === 'chunk' ? `${e.url}: ` : ''}${v?.message ?? v ?? e}`;
  return Object.assign(new Error(what), { detail: e });
}

/** Downloads to keep for offline use, kept once the answer that waited for them is sent. */
const toKeep = [];

/** Keep what was downloaded, in the background: nothing waits for the cache's disk. */
function keep() {
  for (const [key, res] of toKeep.splice(0)) caches.open(CACHE).then((c) => c.put(key, res)).catch(() => 0);
}

/** Download `url` (`what` names it in errors), to be kept for offline use (`keep`); report progress. */
async function download(url, what, progress) {
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw { what, url, network: String(e?.message ?? e) };
  }
  if (!res.ok) throw { what, url, status: res.status };
  const key = new URL(url, location.href).href;
  if (globalThis.caches && /^https?:/.test(key)) toKeep.push([key, res.clone()]);
  if (!progress || !res.body) return new Uint8Array(await res.arrayBuffer());
  const total = Number(res.headers.get('content-length')) || 0;
  const reader = res.body.getReader();
  const parts = [];
  let loaded = 0;
  for (let r; !(r = await reader.read()).done; ) {
    parts.push(r.value);
    loaded += r.value.length;
    progress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const p of parts) bytes.set(p, (at += p.length) - p.length);
  return bytes;
}

/** The engine's host: opens a bundle, answers calls, fetches the chunks the engine names. */
export class Host {
  constructor(reply) {
    this.reply = reply;
    this.latest = 0;
    this.fetching = new Map();
  }

  /** `{ type: 'open', glue, wasm, bundle, bytes }` or `{ id, op, arg, newest }`. */
  receive(m) {
    if (m.type === 'open') {
      // A bundle that does not open is reported as the answer to `open` (and to every call).
      this.opened = this.open(m);
      return this.opened.catch(() => 0);
    }
    if (m.newest) this.latest = m.id;
    this.opened.then(
      () => this.run(m),
      () => this.reply({ id: m.id, cancelled: true }),
    );
  }

  async open({ glue, wasm, bundle, bytes }) {
    try {
      const mod = await import(glue);
      await mod.default(wasm ? { module_or_path: wasm } : undefined);
      const data = bytes ?? (await download(bundle, 'bundle', (loaded, total) => this.reply({ type: 'progress', loaded, total })));
      this.reply({ type: 'progress', loaded: data.length, total: data.length, decoding: true });
      try {
        this.engine = mod.worker_open(data, bundle);
      } catch (value) {
        throw { what: 'bundle', url: bundle, value };
      }
      this.reply({ type: 'opened', info: this.engine.info() });
      keep();
    } catch (e) {
      this.reply({ type: 'opened', error: e?.what ? e : { what: 'search engine', url: glue, network: String(e?.message ?? e) } });
      throw e;
    }
  }

  /** Answer a call, fetching what the engine misses; a newer search cancels it. */
  async run({ id, op, arg, newest }) {
    try {
      if (op === 'add') return this.reply({ id, value: this.engine.addChunk('pages', arg) });
      // The app's engine only: search its reader's pages, `{ bundle, pages }`, with the bundle.
      if (op === 'join') return this.reply({ id, value: this.engine.join(arg?.bundle, arg?.pages) });
      for (;;) {
        if (newest && this.latest !== id) return this.reply({ id, cancelled: true });
        const r = this.engine.call(op, arg);
        if (!r.missing) return this.reply({ id, value: r.value }, r.value instanceof Uint8Array ? [r.value.buffer] : []);
        await Promise.all(r.missing.map(([name, url]) => this.chunk(name, url)));
      }
    } catch (e) {
      this.reply({ id, error: e?.what ? e : { value: e } });
    } finally {
      keep();
    }
  }

  /** Fetch a chunk once, however many calls want it, and hand it to the engine. */
  chunk(name, url) {
    let p = this.fetching.get(url);
    if (!p) {
      const what = name === 'pages' ? 'pages file' : 'chunk';
      p = download(url, what).then((bytes) => {
        try {
          this.engine.addChunk(name, bytes);
        } catch (value) {
          throw { what, url, value };
        }
      });
      p.finally(() => this.fetching.delete(url)).catch(() => 0);
      this.fetching.set(url, p);
    }
    return p;
  }
}

/**
 * Open a bundle (a URL, or its bytes) with the engine of `glue` (a wasm-bindgen module that
 * exports `worker_open`; `wasm`: its compiled module, if the page has it) in a worker, or on
 * this thread where none can start; gives `{ info, call(op, arg, { newest }), close() }`.
 */
export async function open(bundle, { glue, wasm, worker = true, onProgress } = {}) {
  const bytes = typeof bundle === 'string' ? undefined : bundle;
  const url = bytes ? 'bundle.bin' : bundle;
  const pending = new Map();
  let next = 0;
  let opened;
  const ready = new Promise((ok, fail) => (opened = { ok, fail }));
  const deliver = (m) => {
    if (m.type === 'progress') return onProgress?.(m);
    if (m.type === 'opened') return m.error ? opened.fail(error(m.error)) : opened.ok(m.info);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.cancelled) p.fail(abort());
    else if ('error' in m) p.fail(error(m.error));
    else p.ok(m.value);
  };
  let send;
  let w;
  if (worker && typeof Worker === 'function' && location.protocol !== 'file:') {
    try {
      w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      w.onmessage = (e) => deliver(e.data);
      w.onerror = (e) => opened.fail(error({ what: 'search worker', url: glue, network: e.message || 'it did not start' }));
      send = (m) => w.postMessage(m);
    } catch {
      send = undefined;
    }
  }
  if (!send) {
    const host = new Host((m) => queueMicrotask(() => deliver(m)));
    send = (m) => host.receive(m);
  }
  send({ type: 'open', glue, wasm, bundle: url, bytes });
  const info = await ready;
  return {
    info,
    /** Stop the worker; calls still waiting fail as cancelled. */
    close() {
      w?.terminate();
      for (const p of pending.values()) p.fail(abort());
      pending.clear();
    },
    call(op, arg, { newest = false } = {}) {
      const id = ++next;
      if (newest) {
        for (const [other, p] of pending) if (p.newest) pending.delete(other), p.fail(abort());
      }
      return new Promise((ok, fail) => {
        pending.set(id, { ok, fail, newest });
        send({ id, op, arg, newest });
      });
    },
  };
}

/** The bytes of a source: a URL (string or URL) is downloaded; bytes are taken as they are. */
async function bytesOf(source, what) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  try {
    return await download(urlOf(source, what), what);
  } catch (e) {
    throw e?.what ? error(e) : e;
  } finally {
    keep();
  }
}

/** A source given as a URL, resolved against the page; a TypeError for anything else. */
function urlOf(source, what) {
  if (typeof source !== 'string' && !(source instanceof URL)) {
    throw new TypeError(`give the ${what} as a URL (string or URL) or as its bytes (Uint8Array or ArrayBuffer)`);
  }
  return new URL(source, globalThis.document?.baseURI ?? globalThis.location?.href).href;
}

export class Shegong {
  #host;
  #url;

  constructor(host, url) {
    this.#host = host;
    this.#url = url;
  }

  /**
   * Load a bundle from a URL (resolved against the page) or from its bytes; a chunked bundle's
   * entry file loads the same way, its chunks beside it. `worker: false` keeps the engine on
   * this thread. Rejects with an Error saying what is wrong: the download, or the bundle (not a
   * bundle, truncated, corrupted, too new, malformed — each with what to do).
   */
  static async load(source, { worker = true } = {}) {
    const bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : source;
    const url = bytes instanceof Uint8Array ? null : urlOf(source, 'bundle');
    const glue = new URL('./shegong_wasm.js', import.meta.url).href;
    return new Shegong(await open(url ?? bytes, { glue, worker }), url);
  }

  /**
   * Add the original page texts: from the pages file `shegong build` wrote beside the bundle
   * (`<name>.pages.bin`) when no source is given, else from the URL or bytes given. (A chunked
   * bundle fetches its pages as they are asked for.)
   */
  async loadPages(source) {
    if (source === undefined || source === null) {
      if (!this.#url) throw new Error("this bundle was loaded from bytes: give loadPages the pages file's URL or bytes");
      return this.#host.call('pages');
    }
    await this.#host.call('add', await bytesOf(source, 'pages file'));
  }

  /** Format version, article count, build date, builder, program labels, and whether it is chunked. */
  async info() {
    return this.#host.info;
  }

  /**
   * Search. `selection`: facet filters `{ regions, programs, from, to }` (OR within a facet,
   * AND across facets); `options`: `{ offset = 0, limit = 10, sort = 'relevance' | 'newest',
   * latest = false }` — a search marked `latest` cancels the earlier ones so marked (they
   * reject with an AbortError), so typing never piles searches up.
   */
  async search(query, selection = {}, { offset = 0, limit = 10, sort, latest = false } = {}) {
    return this.#host.call('search', { query, selection, offset, limit, sort }, { newest: latest });
  }

  /** The article with this id, as `shegong extract` prints it, or undefined. */
  async article(id) {
    return this.#host.call('article', id);
  }

  /** The original page text an article was read from, or undefined when its page is not loaded. */
  async original(id) {
    return this.#host.call('original', id);
  }
}
