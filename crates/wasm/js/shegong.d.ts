// TypeScript definitions of Shegong's JavaScript API (shegong.js). The objects it returns are
// typed in shegong_wasm.d.ts beside this file.

import type { Article, Info, SearchResults, Selection } from './shegong_wasm.js';

export type {
  Article, DateInfo, Facets, Hit, Info, ProgramLabel, Region, RegionCount, SearchResults, Segment,
  Selection, Warning, YearMonth,
} from './shegong_wasm.js';

/** A bundle or pages file: a URL to download (relative to the page), or its bytes. */
export type Source = string | URL | Uint8Array | ArrayBuffer;

export interface SearchOptions {
  /** Results to skip (default 0). */
  offset?: number;
  /** Results to return (default 10). */
  limit?: number;
}

/** A loaded bundle. Every method returns a Promise. */
export declare class Shegong {
  private constructor();
  /** Load a bundle; rejects with an Error saying what is wrong with the download or the bundle. */
  static load(source: Source): Promise<Shegong>;
  /** Add the original page texts: the pages file beside the bundle when no source is given. */
  loadPages(source?: Source): Promise<void>;
  /** Format version, article count, build date, builder and program labels. */
  info(): Promise<Info>;
  /** Search within a facet selection (OR within a facet, AND across facets). */
  search(query: string, selection?: Selection, options?: SearchOptions): Promise<SearchResults>;
  /** The article with this id, as `shegong extract` prints it. */
  article(id: string): Promise<Article | undefined>;
  /** The original page text an article was read from, when its pages file is loaded. */
  original(id: string): Promise<string | undefined>;
}
