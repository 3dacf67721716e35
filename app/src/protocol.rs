//! What the page asks the search worker and what it answers, in postcard bytes: both ends are
//! this same module (the page instantiates it, and hands it to the worker).

use serde::{Deserialize, Serialize};
use shegong_article::{Article, ProgramLabel};
use shegong_search::{BundleError, Results, Selection, Sort};

/// A request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Ask {
    /// A page of results, with the articles of its hits.
    Search {
        query: String,
        selection: Selection,
        sort: Sort,
        offset: usize,
        limit: usize,
        /// Region paths whose sub-regions the facets list.
        open: Vec<String>,
    },
    /// Every article the query and selection find, in order (for export).
    All {
        query: String,
        selection: Selection,
        sort: Sort,
    },
    /// An article by id.
    Article(String),
    /// The page text an article (by id) was read from.
    Original(String),
}

/// An answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// Results, and the articles of their hits in hit order.
    Searched(Results, Vec<Article>),
    /// Articles.
    Articles(Vec<Article>),
    /// An article, if there is one by that id.
    Article(Option<Box<Article>>),
    /// A page text, if the collection has the article and its page.
    Original(Option<String>),
}

/// What the page learns when the bundle is open.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Info {
    /// How many articles.
    pub articles: usize,
    /// Labels of the program types.
    pub programs: Vec<ProgramLabel>,
    /// A chunked bundle (no pages file of its own).
    pub chunked: bool,
}

/// Why something could not be loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LoadError {
    /// The request failed (says how).
    Network(String),
    /// The server answered with this status.
    Http(u16),
    /// The file is not what it should be.
    Bundle(BundleError),
    /// A single file built without `--with-pages` has no original pages to show.
    PagesNotEmbedded,
    /// The page was opened from `file://`, where the browser fetches nothing.
    FromFile,
}

/// postcard bytes of a value.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

/// A value from postcard bytes.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}
