// Shegong's JavaScript API: load a bundle by URL or from its bytes and search it. Every method
// returns a Promise, so code written against it keeps working when the engine runs elsewhere
// than the page's main thread. The engine (shegong_wasm.js and its .wasm, beside this file) is
// started on first use.
//
//   import { Shegong } from './shegong.js';
//   const engine = await Shegong.load('bundle.bin');     // a URL, or a Uint8Array/ArrayBuffer
//   const { formatVersion, articleCount, buildDate } = await engine.info();
//   const { total, hits, facets } = await engine.search('社工站', { programs: ['station'] }, { limit: 10 });
//   const article = await engine.article(hits[0].id);
//   await engine.loadPages();                            // the pages file beside the bundle
//   const page = await engine.original(hits[0].id);

import init, { Shegong as Engine, pagesUrl } from './shegong_wasm.js';

let started;

/** Start the wasm engine once, from its file beside this module. */
function start() {
  started ??= init();
  return started;
}

/** The bytes of a source: a URL (string or URL) is downloaded; bytes are taken as they are. */
async function bytesOf(source, what) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof source !== 'string' && !(source instanceof URL)) {
    throw new TypeError(`give the ${what} as a URL (string or URL) or as its bytes (Uint8Array or ArrayBuffer)`);
  }
  const url = String(source);
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`could not download the ${what} ${url} (${e.message}); check the address and the connection`);
  }
  if (!response.ok) throw new Error(`could not download the ${what} ${url}: the server answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export class Shegong {
  #engine;
  #url;

  constructor(engine, url) {
    this.#engine = engine;
    this.#url = url;
  }

  /**
   * Load a bundle from a URL (resolved against the page) or from its bytes. Rejects with an
   * Error saying what is wrong: the download, or the bundle (not a bundle, truncated,
   * corrupted, too new, malformed — each with what to do).
   */
  static async load(source) {
    const [bytes] = await Promise.all([bytesOf(source, 'bundle'), start()]);
    const base = globalThis.document?.baseURI ?? globalThis.location?.href;
    const url = typeof source === 'string' || source instanceof URL ? new URL(source, base).href : null;
    return new Shegong(Engine.load(bytes), url);
  }

  /**
   * Add the original page texts: from the pages file `shegong build` wrote beside the bundle
   * (`<name>.pages.bin`) when no source is given, else from the URL or bytes given.
   */
  async loadPages(source) {
    if (source === undefined || source === null) {
      if (!this.#url) throw new Error("this bundle was loaded from bytes: give loadPages the pages file's URL or bytes");
      source = pagesUrl(this.#url);
    }
    this.#engine.loadPages(await bytesOf(source, 'pages file'));
  }

  /** Format version, article count, build date, builder and program labels. */
  async info() {
    return this.#engine.info();
  }

  /**
   * Search. `selection`: facet filters `{ regions, programs, from, to }` (OR within a facet,
   * AND across facets); `options`: `{ offset = 0, limit = 10 }`.
   */
  async search(query, selection = {}, { offset = 0, limit = 10 } = {}) {
    return this.#engine.searchWith(query, selection, offset, limit);
  }

  /** The article with this id, as `shegong extract` prints it, or undefined. */
  async article(id) {
    return this.#engine.article(id);
  }

  /** The original page text an article was read from, or undefined when its page is not loaded. */
  async original(id) {
    return this.#engine.original(id);
  }
}
