//! TypeScript definitions of the objects the API returns and takes; wasm-bindgen writes them
//! into `shegong_wasm.d.ts` next to the methods that use them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What `Shegong.info()` tells about a loaded bundle. */
export interface Info {
  /** The bundle format version. */
  formatVersion: number;
  /** How many articles the bundle holds. */
  articleCount: number;
  /** The day the bundle was built (`YYYY-MM-DD`), if the builder gave one. */
  buildDate: string | null;
  /** The program that built it (`shegong 0.1.0`). */
  builder: string;
  /** Labels of the program types the articles are classified with. */
  programs: ProgramLabel[];
}

export interface ProgramLabel {
  id: string;
  zh: string;
  en: string;
}

/** A piece of a snippet; highlighted pieces are the matched words. Plain text, never HTML. */
export interface Segment {
  text: string;
  highlight: boolean;
}

export interface Hit {
  /** Document number in the bundle. */
  doc: number;
  /** Article id (`seeds/000.txt#2`). */
  id: string;
  /** Title as shown in result lists. */
  title: string;
  score: number;
  snippet: Segment[];
}

export interface RegionCount {
  name: string;
  /** Full path from the province, `/`-separated: what `Selection.regions` takes. */
  path: string;
  count: number;
  children: RegionCount[];
}

/** Facet counts over the matching articles; each facet counted as if its own selection were removed. */
export interface Facets {
  regions: RegionCount[];
  region_unknown: number;
  /** [program id, count], most frequent first. */
  programs: [string, number][];
  program_unknown: number;
  /** [`YYYY-MM`, count] in time order. */
  months: [string, number][];
  /** [year, count] of articles dated to a year only. */
  years: [number, number][];
  date_unknown: number;
}

/** Something in the query the parser could not take as written, in Chinese and English. */
export interface Warning {
  zh: string;
  en: string;
}

export interface SearchResults {
  total: number;
  hits: Hit[];
  facets: Facets;
  warnings: Warning[];
}

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

/** Facet selections: OR within a facet, AND across facets. */
export interface Selection {
  /** Region paths (`上海市/上海市/闵行区`) at any level. */
  regions?: string[];
  /** Program ids. */
  programs?: string[];
  from?: YearMonth | null;
  to?: YearMonth | null;
}

export interface Region {
  province: string | null;
  city: string | null;
  district: string | null;
  town: string | null;
  code: string | null;
}

export interface DateInfo {
  year: number | null;
  month: number | null;
  day: number | null;
  precision: "day" | "month" | "year";
  text: string;
}

/** An article, as `shegong extract` prints it. */
export interface Article {
  id: string;
  file: string;
  title: string | null;
  subtitle: string | null;
  text: string;
  source: string | null;
  byline: string | null;
  caption: string | null;
  url: string | null;
  published: DateInfo | null;
  span: { start: number; end: number };
  region: Region | null;
  programs: string[];
  date: DateInfo | null;
  dates: DateInfo[];
  people: { name: string; role: string | null }[];
  organizations: string[];
  numbers: { text: string; value: number; unit: string; counts: string | null }[];
}
"#;
