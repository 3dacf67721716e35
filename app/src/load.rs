//! Opening the bundle — a one-file bundle or a chunked bundle's entry file — in the search
//! worker, with a progress bar while it downloads; chunks and the pages file come later, as
//! searches and the article view ask for them. A bundle embedded in the page (a single file)
//! opens on the page, with its pages, and nothing is downloaded. The reader's own pages, built
//! together with the loaded bundle (`add_pages`), open the same way, from bytes.

use crate::client::{self, Failed};
use crate::embedded::Embedded;
use crate::protocol::{Info, LoadError};
use leptos::prelude::*;
use std::sync::Arc;

/// An open collection: what the page knows of it (the rest is in the worker).
#[derive(Debug, Clone)]
pub struct Collection {
    pub info: Info,
    /// Where it came from: what the reader's pages are combined with (`add_pages`).
    pub source: Source,
}

/// Where a collection came from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Downloaded from this URL.
    Url(String),
    /// Embedded in the page (a single file).
    Embedded(Arc<Embedded>),
    /// Built on the page from the loaded bundle and the reader's pages (`add_pages`).
    Built,
}

/// Bytes received so far and the total, when the server gave one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub loaded: u64,
    pub total: Option<u64>,
    /// All bytes are in; decoding.
    pub decoding: bool,
}

/// Open the bundle at `url`, reporting progress; what failed and with which file.
pub async fn load(
    url: &str,
    progress: RwSignal<Progress>,
) -> Result<Collection, (String, LoadError)> {
    match client::open(url, progress).await {
        Ok(info) => Ok(Collection {
            info,
            source: Source::Url(url.to_owned()),
        }),
        Err(Failed::Load(file, e)) => Err((
            if file.is_empty() {
                url.to_owned()
            } else {
                file
            },
            e,
        )),
        Err(Failed::Cancelled) => Err((url.to_owned(), LoadError::Network("cancelled".into()))),
    }
}

/// The collection embedded in the page (a single file), searched on the page.
pub fn from_embedded(embedded: Embedded) -> Result<Collection, LoadError> {
    client::open_here(&embedded).map(|info| Collection {
        info,
        source: Source::Embedded(Arc::new(embedded)),
    })
}
