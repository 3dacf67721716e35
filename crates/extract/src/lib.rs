//! # shegong-extract
//!
//! The facts of an article, found in its text: the facets readers filter by and the entities
//! the article view marks.
//!
//! - **region** (省 > 市 > 区县 > 街道/乡镇): place names are found with a gazetteer of China's
//!   administrative divisions down to 街道/乡镇 (official names, short forms, Traditional forms
//!   through folding, Taiwan, Hong Kong and Macao) and resolved to one region, preferring
//!   readings that agree with the other names in the article, then on the page; a name that is
//!   also a word (公安, 资源, 街道) counts only with support, and no region is given rather
//!   than a wrong one;
//! - **program types** from a TOML taxonomy of weighted cue terms ([`Taxonomy`]);
//! - **dates**: the main event date (the day the text tells, over a page's stamp or a
//!   dateline) and every date mentioned, a missing year taken only where the text supports it;
//! - **people** with roles, **organisations**, key **numbers** with what they count.
//!
//! [`find_regions`] looks divisions up as a reader types (Simplified or Traditional), for
//! correcting an article's region.
//!
//! [`Pipeline`] reads a page with [`shegong_read::read_page`] and extracts the facts of its
//! articles; fields that front matter set are kept.
//!
//! ```
//! let articles = shegong_extract::process_page("a.txt", "甘肃省武威市民勤县重兴镇社工站开展直播带货培训。\n");
//! let region = articles[0].region.as_ref().unwrap();
//! assert_eq!(region.district.as_deref(), Some("民勤县"));
//! ```

#![warn(missing_docs)]

mod common_names;
mod dateline;
mod dates;
mod extract;
mod gazetteer;
mod lookup;
mod numbers;
mod orgs;
mod people;
mod pipeline;
mod region;
mod taxonomy;
mod wordlist;

pub use extract::extract_page;
pub use gazetteer::{places, Level, Place};
pub use lookup::find_regions;
pub use pipeline::{process_page, Pipeline};
pub use taxonomy::{Program, Taxonomy, TaxonomyError};
