//! Exporting the current result set as a file download: CSV (UTF-8 with a BOM, so spreadsheet
//! programs read the Chinese right) or JSON (the articles as `shegong extract` prints them).

use leptos::prelude::*;
use shegong_article::to_csv;
use shegong_article::Article;

/// Export formats.
#[derive(Debug, Clone, Copy)]
pub enum Format {
    Csv,
    Json,
}

/// Offer the articles as a file download.
pub fn download(format: Format, articles: &[&Article]) {
    let (name, mime, body) = match format {
        Format::Json => (
            "shegong.json",
            "application/json",
            serde_json::to_string_pretty(articles).unwrap_or_default(),
        ),
        Format::Csv => (
            "shegong.csv",
            "text/csv;charset=utf-8",
            to_csv(articles.iter().copied()),
        ),
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&body));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(a) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&a) {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
