//! Starting from a bundle embedded in the page, with nothing fetched: the single file that
//! `shegong build --single-file` writes unpacks its bundle (and, built with `--with-pages`, its
//! pages file) and puts the bytes in `globalThis.shegongEmbedded = { bundle, pages }` before it
//! starts the app. Such a page may have been opened from `file://`, so the app keeps its state
//! in the URL's fragment and registers no service worker.

use crate::js::field;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;

/// The bytes a single file carries.
#[derive(Debug)]
pub struct Embedded {
    pub bundle: Vec<u8>,
    /// The pages file, when the single file was built with `--with-pages`.
    pub pages: Option<Vec<u8>>,
}

/// The embedded bundle, if this page is a single file.
pub fn embedded() -> Option<Embedded> {
    let data = field(&js_sys::global(), "shegongEmbedded");
    let bytes = |key: &str| {
        field(&data, key)
            .dyn_into::<Uint8Array>()
            .ok()
            .map(|a| a.to_vec())
    };
    Some(Embedded {
        bundle: bytes("bundle")?,
        pages: bytes("pages"),
    })
}
