//! Downloading the bundle with progress, and decoding it; the pages file with the original
//! page texts is downloaded only when a reader first asks for an article's original. A bundle
//! embedded in the page (a single file) is decoded with its pages, and nothing is downloaded.

use crate::embedded::Embedded;
use crate::i18n::LoadError;
use leptos::prelude::*;
use shegong_search::{decode_pages, pages_url};
use shegong_search::{Bundle, Engine, Originals};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A loaded collection: the search engine, and the original pages once they are wanted.
pub struct Collection {
    pub engine: Engine,
    /// Pages an old (format 2) bundle carried inside.
    pub inline_pages: Originals,
    /// The bundle's checksum, which its pages file must name.
    pub checksum: u32,
    /// Where the pages file is: `x.bin` → `x.pages.bin`; `None` for an embedded bundle, whose
    /// pages are embedded or absent.
    pub pages_url: Option<String>,
    pub pages: RwSignal<Pages>,
    /// The bundle's bytes, which the reader's own pages are built together with (add_pages).
    pub bytes: Arc<Vec<u8>>,
}

/// The pages file, fetched on demand.
#[derive(Clone, Default)]
pub enum Pages {
    #[default]
    NotLoaded,
    Loading,
    Loaded(Arc<Originals>),
    Failed(LoadError),
}

impl Collection {
    /// Start downloading the pages file unless it is loaded or on its way.
    pub fn want_pages(self: &Arc<Self>) {
        let Some(url) = self.pages_url.clone() else {
            return;
        };
        if !matches!(
            self.pages.get_untracked(),
            Pages::NotLoaded | Pages::Failed(_)
        ) {
            return;
        }
        self.pages.set(Pages::Loading);
        let this = self.clone();
        leptos::task::spawn_local(async move {
            let progress = RwSignal::new(Progress::default());
            let result = download(&url, progress)
                .await
                .and_then(|bytes| decode_pages(&bytes, this.checksum).map_err(LoadError::Bundle));
            this.pages.set(match result {
                Ok(o) => Pages::Loaded(Arc::new(o)),
                Err(e) => Pages::Failed(e),
            });
        });
    }
}

/// Bytes received so far and the total, when the server gave one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub loaded: u64,
    pub total: Option<u64>,
    /// All bytes are in; decoding.
    pub decoding: bool,
}

fn js_detail(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Download `url`, reporting progress, then decode it.
pub async fn load(url: &str, progress: RwSignal<Progress>) -> Result<Collection, LoadError> {
    let bytes = download(url, progress).await?;
    progress.update(|p| p.decoding = true);
    // Let the page show "decoding" before the (synchronous) decode starts.
    gloo_timers::future::TimeoutFuture::new(0).await;
    decode(&bytes, Some(pages_url(url)))
}

/// The collection embedded in the page, with its pages if they are embedded too.
pub fn from_embedded(embedded: Embedded) -> Result<Collection, LoadError> {
    let collection = decode(&embedded.bundle, None)?;
    collection.pages.set(match embedded.pages {
        Some(bytes) => match decode_pages(&bytes, collection.checksum) {
            Ok(o) => Pages::Loaded(Arc::new(o)),
            Err(e) => Pages::Failed(LoadError::Bundle(e)),
        },
        None => Pages::Failed(LoadError::PagesNotEmbedded),
    });
    Ok(collection)
}

fn decode(bytes: &[u8], pages_url: Option<String>) -> Result<Collection, LoadError> {
    let bundle = Bundle::decode(bytes).map_err(LoadError::Bundle)?;
    let checksum = bundle.header.checksum;
    let (engine, inline_pages) = bundle.into_parts();
    Ok(Collection {
        engine,
        inline_pages,
        checksum,
        pages_url,
        pages: RwSignal::new(Pages::NotLoaded),
        bytes: Arc::new(bytes.to_vec()),
    })
}

async fn download(url: &str, progress: RwSignal<Progress>) -> Result<Vec<u8>, LoadError> {
    let from_file = window().location().protocol().is_ok_and(|p| p == "file:");
    let network = |e: JsValue| {
        if from_file {
            LoadError::FromFile
        } else {
            LoadError::Network(js_detail(&e))
        }
    };
    let resp: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(network)?
        .unchecked_into();
    if !resp.ok() {
        return Err(LoadError::Http(resp.status()));
    }
    let total = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<u64>().ok());
    progress.set(Progress {
        loaded: 0,
        total,
        decoding: false,
    });
    let Some(body) = resp.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(total.unwrap_or(0) as usize);
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(network)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            let data: js_sys::Uint8Array = value.unchecked_into();
            let start = bytes.len();
            bytes.resize(start + data.length() as usize, 0);
            data.copy_to(&mut bytes[start..]);
        }
        progress.update(|p| p.loaded = bytes.len() as u64);
    }
    Ok(bytes)
}
