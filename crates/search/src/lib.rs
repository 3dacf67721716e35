//! # shegong-search
//!
//! Searching a collection of articles, the same code in the CLI and in the browser:
//!
//! - the **query language** (`社工站 培训`, `"精神健康社工站"`, `-招聘`, `app*`, `region:闵行区`,
//!   `program:youth`, `date:2024-05..2024-09`), parsed to a [`Query`] without knowing the index;
//!   parsing never fails, it warns ([`parse_query`]);
//! - the **index**: every key a query word can be found as — jieba's search-mode words, CJK
//!   characters and pairs, dictionary words inside other words — with each document's BM25F
//!   weight ([`Index`]);
//! - **query answering** as readers ask: a place finds the articles extracted to it (their text
//!   may name only a street inside it), and the field's abbreviations find their long forms
//!   and back (`社工站` ↔ `社会工作服务站`, a curated table);
//! - the **engine**: BM25F ranking with a proximity boost, filters, exclusions, newest-first
//!   sorting, disjunctive **facet** counts (region tree, programs, months) and highlighted
//!   **snippets** ([`Engine`], [`Selection`], [`Results`]); the same marking serves the article
//!   view ([`highlight`]);
//! - the **bundle** format that carries a collection to the browser: one file ([`Bundle`]) and
//!   the pages file beside it ([`decode_pages`]) for a small collection, an entry file and
//!   chunks fetched on demand for a large one ([`write_chunked`], [`Chunk`],
//!   [`Engine::add_chunk`]). A chunked bundle and a small one beside it are searched as one
//!   collection with [`Joined`]. Decoding checks everything it reads, so a crafted file is refused
//!   with [`BundleError`], never a panic.
//!
//! ```
//! use shegong_article::Article;
//! use shegong_search::{parse_query, Bundle, IndexMode, Request, Selection};
//! use shegong_text::Dictionary;
//!
//! let dict = Dictionary::parse("社工站 100 n\n培训 100 v\n").unwrap();
//! let article = Article { id: "a.txt#1".into(), title: Some("社工站开展培训".into()), ..Article::default() };
//! let bytes = Bundle::build(vec![article], &dict, Vec::new(), IndexMode::Auto).encode();
//! let engine = Bundle::decode(&bytes).unwrap().into_engine();
//! let query = parse_query("培训");
//! let results = engine.search(&Request::new(&query, &Selection::default())).unwrap();
//! assert_eq!(results.hits[0].id, "a.txt#1");
//! ```

#![warn(missing_docs)]

mod build_date;
mod bundle;
mod chunked;
mod chunks;
mod coding;
mod doclist;
mod facet_table;
mod facets;
mod highlight;
mod index;
mod manifest;
mod merge;
mod original;
mod postings;
mod proximity;
mod query;
mod search;
mod snippet;
mod store;
mod synonyms;
mod validate;

pub use build_date::BuildDate;
pub use bundle::{
    decode_pages, pages_url, Bundle, BundleError, Contents, Header, IndexMode, Payload,
    DERIVE_INDEX_MAX_TEXT, FORMAT_VERSION,
};
pub use chunked::{write_chunked, Report, Written, ARTICLE_CHUNK, DICT_INLINE, REGION_CHUNK};
pub use chunks::{Chunk, Kind, Missing};
pub use facet_table::{Columns, DateParts, LISTED_DEPTH};
pub use facets::{Facets, RegionCount, Selection};
pub use highlight::highlight;
pub use index::{Index, Term};
pub use manifest::{DictLayout, Manifest};
pub use merge::Joined;
pub use original::{Originals, SourcePage};
pub use postings::{Posting, Postings};
pub use query::{parse as parse_query, Clause, Part, Query, Warning};
pub use search::{Engine, Hit, Request, Results, Sort, SortDate};
pub use snippet::Segment;
