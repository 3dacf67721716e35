//! # shegong-fuzz
//!
//! The bodies of Shegong's fuzz targets. Each takes arbitrary bytes and drives one way outside
//! data enters Shegong, as the CLI, the JS API and the app drive it; a panic is a bug. Besides
//! not panicking, each checks what must hold of any answer (hits within the limit, filtered
//! results no more than unfiltered ones, spans inside the page).
//!
//! - [`bundle`]: bytes as a bundle (and the pages file beside it) → [`Bundle::decode`] → the
//!   engine → searches with facet selections, the article view's marking and the original text
//!   of each hit;
//! - [`query`]: bytes as a query, parsed and run against a small fixed collection (the seed
//!   pages);
//! - [`page`]: bytes as a page file → decode → read, normalise, split and extract;
//! - [`web_page`], [`web_archive`], [`docx`], [`pdf`]: bytes as a file of that kind → its
//!   reader (`shegong_read::read_file`) → the page text read as [`page`] reads one.
//!
//! `fuzz/fuzz_targets/` runs them under libFuzzer (`cargo +nightly fuzz run <target>`, see the
//! README's testing section); this crate's tests replay the committed corpora
//! (`fuzz/corpus/<target>/`) through the same functions on stable, so CI keeps every input
//! that once found a bug.
//!
//! [`Bundle::decode`]: shegong_search::Bundle::decode

#![warn(missing_docs)]

mod bundle;
mod file;
mod page;
mod query;
mod searches;

pub use bundle::bundle;
pub use file::{docx, pdf, web_archive, web_page};
pub use page::page;
pub use query::query;

/// A fuzz target: it panics when it finds a bug.
pub type Target = fn(&[u8]);

/// The fuzz targets by name (the name is the target's file in `fuzz/fuzz_targets/` and its
/// corpus folder in `fuzz/corpus/`).
pub const TARGETS: [(&str, Target); 7] = [
    ("bundle", bundle),
    ("query", query),
    ("page", page),
    ("web_page", web_page),
    ("web_archive", web_archive),
    ("docx", docx),
    ("pdf", pdf),
];
