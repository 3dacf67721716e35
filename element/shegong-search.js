// <shegong-search bundle="…/bundle.bin" lang="zh" facets="region program date" limit="10">:
// Shegong search as a drop-in element. Everything it shows lives in an open shadow root (the
// host page's CSS cannot reach in, its own cannot leak out) with the app's data-testids;
// theming goes through CSS custom properties (--shegong-accent, --shegong-font, …) and
// ::part(). It loads what it needs from its own folder (shegong.js, the JS API, with
// shegong_wasm.js and its .wasm; shegong-search.css) and runs under `default-src 'self'; script-src 'self'
// 'wasm-unsafe-eval'; style-src 'self'`: no inline script or style, no eval, no workers.
//
// Choosing a result dispatches `shegong-select` (bubbling, composed, cancelable) with the
// article's id and metadata; `preventDefault()` keeps the built-in article view closed, and an
// `article-href="article.html?id={id}"` attribute makes results links into the host's pages.

import { Shegong } from './shegong.js';
import { h, fill } from './dom.js';
import { texts } from './texts.js';
import { facetColumn, clearAll } from './facets.js';
import { resultColumn } from './results.js';
import { showArticle, regionPath } from './article.js';

const STYLESHEET = new URL('./shegong-search.css', import.meta.url).href;
const FACETS = ['region', 'program', 'date'];
/** Typing pauses this long before a search. */
const DEBOUNCE_MS = 120;

export class ShegongSearchElement extends HTMLElement {
  static observedAttributes = ['bundle', 'pages', 'lang', 'facets', 'limit', 'article-href'];

  #shadow;
  #root;
  #input;
  #status;
  #body;
  #dialog;
  #engine = null;
  #info = null;
  #loaded = null;
  #pages = null;
  #query = '';
  #selection = { regions: [], programs: [], from: null, to: null };
  #page = 0;
  #results = null;
  #articles = new Map();
  #open = new Set();
  #seq = 0;
  #timer = 0;
  #composing = false;
  #ready;
  #resolveReady;

  constructor() {
    super();
    this.#ready = new Promise((ok, fail) => {
      this.#resolveReady = { ok, fail };
    });
    this.#ready.catch(() => {});
    this.#shadow = this.attachShadow({ mode: 'open' });
    const t = this.#t;
    this.#input = h('input', {
      type: 'search', class: 'input', part: 'input', 'data-testid': 'search-input',
      autocomplete: 'off', enterkeyhint: 'search',
      on: {
        input: (e) => {
          if (!this.#composing && !e.isComposing) this.#typed(DEBOUNCE_MS);
        },
        compositionstart: () => {
          this.#composing = true;
        },
        compositionend: () => {
          this.#composing = false;
          this.#typed(DEBOUNCE_MS);
        },
        keydown: (e) => {
          if (e.key === 'Enter' && !e.isComposing) this.#typed(0);
        },
      },
    });
    this.#status = h('div', { class: 'status' });
    this.#body = h('div', { class: 'body' });
    this.#dialog = h('dialog', { class: 'article', part: 'article', 'data-testid': 'article-view' });
    this.#root = h('div', { class: 'root', part: 'root', hidden: true },
      h('div', { class: 'search', part: 'search', role: 'search' }, this.#input),
      this.#status, this.#body, this.#dialog);
    const link = h('link', { rel: 'stylesheet', href: STYLESHEET });
    const show = () => {
      this.#root.hidden = false;
    };
    link.addEventListener('load', show);
    link.addEventListener('error', show);
    this.#shadow.append(link, this.#root);
    this.#labels(t);
  }

  /** The loaded bundle's JS API object (`Shegong`), or null before it is loaded. */
  get engine() {
    return this.#engine;
  }

  /** Resolves to the bundle's `info()` once it is loaded; rejects if it cannot be. */
  get ready() {
    return this.#ready;
  }

  /** Search for `query` as if it had been typed. */
  search(query) {
    this.#input.value = query;
    this.#typed(0);
  }

  connectedCallback() {
    if (!this.#loaded) this.#load();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'bundle' || name === 'pages') {
      if (this.isConnected) this.#load();
      return;
    }
    this.#labels(this.#t);
    this.#render();
  }

  get #t() {
    return texts(this.getAttribute('lang'));
  }

  get #limit() {
    const n = Number.parseInt(this.getAttribute('limit') ?? '', 10);
    return Number.isFinite(n) ? Math.min(100, Math.max(1, n)) : 10;
  }

  get #facets() {
    const asked = (this.getAttribute('facets') ?? FACETS.join(' ')).split(/\s+/);
    return [...new Set(asked.filter((f) => FACETS.includes(f)))];
  }

  #labels(t) {
    this.#root.setAttribute('lang', t.lang);
    this.#input.setAttribute('placeholder', t.placeholder);
    this.#input.setAttribute('aria-label', t.search);
  }

  async #load() {
    const t = this.#t;
    const bundle = this.getAttribute('bundle');
    const loading = (this.#loaded = Symbol('load'));
    // Another bundle: nothing of the last one's results, filters or pages carries over.
    this.#engine = null;
    this.#pages = null;
    this.#results = null;
    this.#selection = { regions: [], programs: [], from: null, to: null };
    this.#page = 0;
    this.#open.clear();
    fill(this.#body);
    if (!bundle) {
      this.#fail(t.noBundle);
      return;
    }
    fill(this.#status, h('p', { 'data-testid': 'load-progress', role: 'status' }, t.loading));
    try {
      const engine = await Shegong.load(new URL(bundle, document.baseURI).href);
      if (this.#loaded !== loading) return;
      this.#engine = engine;
      this.#info = await engine.info();
      fill(this.#status);
      this.#resolveReady.ok(this.#info);
      this.dispatchEvent(new CustomEvent('shegong-ready', { detail: this.#info }));
      await this.#search();
    } catch (e) {
      if (this.#loaded !== loading) return;
      this.#fail(e.message ?? String(e));
      this.#resolveReady.fail(e);
      this.dispatchEvent(new CustomEvent('shegong-error', { detail: { message: e.message ?? String(e) } }));
    }
  }

  #fail(message) {
    const t = this.#t;
    fill(this.#status, h('div', { class: 'error', part: 'error', 'data-testid': 'error-screen', role: 'alert' },
      h('p', { class: 'title' }, t.errorTitle),
      h('p', { class: 'what' }, message),
      h('p', {}, t.errorHint)));
  }

  #typed(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#input.value === this.#query) return;
      this.#query = this.#input.value;
      this.#page = 0;
      this.#search();
    }, delay);
  }

  async #search() {
    const engine = this.#engine;
    if (!engine) return;
    const seq = ++this.#seq;
    const results = await engine.search(this.#query, this.#selection, { offset: this.#page * this.#limit, limit: this.#limit });
    const articles = new Map();
    for (const hit of results.hits) articles.set(hit.id, await engine.article(hit.id));
    if (seq !== this.#seq) return;
    this.#results = results;
    this.#articles = articles;
    this.#render();
  }

  #programLabel = (id) => {
    const p = this.#info?.programs.find((x) => x.id === id);
    return p ? (this.getAttribute('lang') === 'en' ? p.en : p.zh) : id;
  };

  #render() {
    if (!this.#results) return;
    const t = this.#t;
    const shown = this.#facets;
    const filtered = this.#selection.regions.length + this.#selection.programs.length > 0 || this.#selection.from;
    const focused = this.#shadow.activeElement?.dataset.key;
    const change = (fn) => {
      fn(this.#selection);
      this.#page = 0;
      this.#search();
    };
    fill(this.#body,
      shown.length > 0 && facetColumn({
        facets: this.#results.facets, selection: this.#selection, t, shown, open: this.#open,
        programLabel: this.#programLabel, change, rerender: () => this.#render(),
      }),
      resultColumn({
        results: this.#results, articles: this.#articles, t, page: this.#page, limit: this.#limit,
        pages: Math.ceil(this.#results.total / this.#limit), programLabel: this.#programLabel,
        href: (id) => this.#href(id),
        select: (hit, article, event) => this.#select(hit, article, event),
        goTo: (page) => {
          this.#page = page;
          this.#search();
        },
        clearFilters: filtered ? () => change(clearAll) : null,
      }));
    this.#body.classList.toggle('no-facets', shown.length === 0);
    if (focused) this.#shadow.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  /** The host page's address for an article, from the `article-href` template, or null. */
  #href(id) {
    const template = this.getAttribute('article-href');
    return template ? new URL(template.replaceAll('{id}', encodeURIComponent(id)), document.baseURI).href : null;
  }

  #select(hit, article, event) {
    const detail = {
      id: hit.id,
      title: hit.title,
      file: article.file,
      region: regionPath(article),
      programs: article.programs,
      date: article.date?.text ?? null,
      source: article.source,
      url: article.url,
    };
    const go = this.dispatchEvent(new CustomEvent('shegong-select', { detail, bubbles: true, composed: true, cancelable: true }));
    if (this.#href(hit.id)) {
      if (!go) event.preventDefault();
      return;
    }
    if (go) {
      showArticle(this.#dialog, article, hit.title, {
        t: this.#t,
        programLabel: this.#programLabel,
        original: (id) => this.#original(id),
      });
    }
  }

  /** The original page text of an article; the pages file is downloaded on first use. */
  async #original(id) {
    const engine = this.#engine;
    const pages = this.getAttribute('pages');
    this.#pages ??= engine.loadPages(pages ? new URL(pages, document.baseURI).href : undefined);
    try {
      await this.#pages;
    } catch (e) {
      this.#pages = null;
      throw e;
    }
    return engine.original(id);
  }
}

if (!customElements.get('shegong-search')) customElements.define('shegong-search', ShegongSearchElement);
