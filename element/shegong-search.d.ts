// TypeScript definitions of <shegong-search>. The JS API it is built on (Shegong, Info,
// Article, SearchResults, …) is typed in shegong.d.ts beside this file.

import type { Info, Shegong } from './shegong.js';

export type { Article, Facets, Hit, Info, SearchResults, Selection, Source } from './shegong.js';

/** What `shegong-select` carries: the chosen article's id and metadata. */
export interface ShegongSelectDetail {
  /** Article id (`news/2024-09.txt#2`). */
  id: string;
  /** Title as the result list shows it. */
  title: string;
  /** The page file the article was read from. */
  file: string;
  /** Region names from the province down (empty when unknown). */
  region: string[];
  /** Program type ids, best first. */
  programs: string[];
  /** The main date as the text gives it, or null. */
  date: string | null;
  source: string | null;
  /** The page's address from its front matter, as given (not checked: treat as untrusted). */
  url: string | null;
}

/**
 * `<shegong-search bundle="…/bundle.bin" lang="zh" facets="region program date" limit="10">`
 *
 * Attributes: `bundle` (URL of the bundle, relative to the page), `pages` (URL of its pages
 * file; default: `<name>.pages.bin` beside the bundle), `lang` (`zh` or `en`), `facets` (any of
 * `region program date`, in the order to show; empty for none), `limit` (results per page,
 * 1–100), `article-href` (a URL template with `{id}`: results become links into the host's own
 * pages instead of opening the built-in article view).
 *
 * Events: `shegong-ready` (detail: the bundle's info), `shegong-error` (detail: `{ message }`),
 * `shegong-select` (bubbles, composed, cancelable; `preventDefault()` keeps the built-in article
 * view closed, or the `article-href` link from being followed).
 */
export declare class ShegongSearchElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The loaded bundle (the JS API's Shegong), or null before it is loaded. */
  readonly engine: Shegong | null;
  /** Resolves to the bundle's info once loaded; rejects with the reason it could not be. */
  readonly ready: Promise<Info>;
  /** Search for `query` as if it had been typed. */
  search(query: string): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'shegong-search': ShegongSearchElement;
  }
  interface HTMLElementEventMap {
    'shegong-select': CustomEvent<ShegongSelectDetail>;
    'shegong-ready': CustomEvent<Info>;
    'shegong-error': CustomEvent<{ message: string }>;
  }
}
