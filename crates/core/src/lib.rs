//! Shegong core: turn raw pages of Chinese social-work news into clean articles, and search them.
//!
//! Pure Rust with no file-system or browser dependencies, so the same code runs in the CLI
//! and in WebAssembly. One concept per module; see ARCHITECTURE.md for the data flow.

pub mod article;
pub mod bundle;
pub mod checksum;
pub mod chrome;
pub mod csv;
pub mod dates;
pub mod decode;
pub mod dict;
pub mod doclist;
pub mod extract;
pub mod facet_table;
pub mod facets;
pub mod fold;
pub mod frontmatter;
pub mod gazetteer;
pub mod index;
pub mod layout;
pub mod normalize;
pub mod numbers;
pub mod orgs;
pub mod original;
pub mod parallel;
pub mod people;
pub mod pipeline;
pub mod proximity;
pub mod query;
pub mod region;
pub mod search;
pub mod segment;
pub mod snippet;
pub mod sort;
pub mod split;
pub mod synth;
pub mod taxonomy;
pub mod wordlist;

pub use article::Article;
pub use bundle::{Bundle, BundleError, IndexMode};
pub use facets::Selection;
pub use original::{Originals, SourcePage};
pub use search::{Engine, Request, Results, Sort};
