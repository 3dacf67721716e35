//! # shegong-collection
//!
//! A reader's collection of pages, from page texts to a bundle: what `shegong build` does and
//! what the browser does with pages a reader adds, in one place, so that both give the same
//! bundle, byte for byte, from the same pages and the same corrections.
//!
//! 1. [`articles`]: each page split and its facts extracted by a [`Pipeline`] (on all cores
//!    natively, one after the other in wasm), in the order the pages are given (`shegong
//!    build` reads them in name order);
//! 2. [`correct`]: a reader's [`Corrections`] applied (region, program types, date, removal),
//!    read from the file the browser exports and `shegong build --corrections` takes;
//! 3. [`export`]: for the browser, the articles of a loaded one-file bundle as they are
//!    ([`Base`]) and the pages a reader added, in name order, corrected and built into a bundle
//!    and its pages file with the [`dictionary`] `shegong build` uses, which the browser reads
//!    in a compact form ([`from_compact`]) fetched only then;
//! 4. [`single_file`]: the collection as one offline HTML file with the app ([`AppFiles`]), as
//!    `shegong build --single-file` writes it and the browser exports it.
//!
//! ```
//! use shegong_collection::{articles, correct, Corrections};
//! use shegong_extract::Pipeline;
//! use shegong_search::SourcePage;
//!
//! let pages = [SourcePage { file: "a.txt".into(), text: "民勤县社工站开展培训。\n".into() }];
//! let pipeline = Pipeline::default();
//! let mut found = articles(&pages, &pipeline, &|_| ());
//! let unmatched = correct(&mut found, &Corrections::default(), &pipeline).unwrap();
//! assert_eq!(found[0].id, "a.txt#1");
//! assert!(unmatched.is_empty());
//! ```
//!
//! [`Pipeline`]: shegong_extract::Pipeline

#![warn(missing_docs)]

mod articles;
mod compact;
mod correction;
mod export;
mod single_file;

pub use articles::{articles, correct, Page};
pub use compact::{from_compact, to_compact, CompactError};
pub use correction::{Correction, CorrectionError, Corrections, CORRECTIONS_VERSION};
pub use export::{dictionary, export, preview, Added, Base, ExportError, Exported};
pub use single_file::{default_export, single_file, AppFiles, SingleFileError, EXTRACTION_FILES};
