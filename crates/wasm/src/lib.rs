//! The JavaScript API for embedding Shegong search in any page.
//!
//! ```js
//! import init, { Shegong } from "./shegong_wasm.js";
//! await init();
//! const engine = Shegong.load(new Uint8Array(await (await fetch("bundle.bin")).arrayBuffer()));
//! const { total, hits } = engine.search("社工站", 10);
//! const page = engine.original(hits[0].id);         // the page text the article came from
//! const articles = extract("page.txt", rawText);   // split + extract a page in the browser
//! ```

use serde::Serialize;
use shegong_core::query::parse;
use shegong_core::{Bundle, Engine, Originals, Request, Results, Selection};
use wasm_bindgen::prelude::*;

/// A loaded bundle.
#[wasm_bindgen]
pub struct Shegong {
    engine: Engine,
    originals: Originals,
}

#[wasm_bindgen]
impl Shegong {
    /// Load a bundle from its bytes; throws an Error saying what is wrong with it.
    pub fn load(bytes: &[u8]) -> Result<Shegong, JsError> {
        let (engine, originals) = Bundle::decode(bytes)
            .map_err(|e| JsError::new(&e.to_string()))?
            .into_parts();
        Ok(Shegong { engine, originals })
    }

    /// The original page text an article was read from, or `undefined` when the bundle does
    /// not carry its page.
    pub fn original(&self, id: &str) -> Option<String> {
        let article = self.engine.articles().iter().find(|a| a.id == id)?;
        self.originals.text_of(article).map(str::to_owned)
    }

    /// Number of articles in the bundle.
    #[wasm_bindgen(getter, js_name = articleCount)]
    pub fn article_count(&self) -> usize {
        self.engine.articles().len()
    }

    /// Search; returns `{ total, hits: [{ id, title, score, snippet: [{ text, highlight }] }],
    /// facets, warnings }`.
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        to_js(&run(&self.engine, query, &Selection::default(), 0, limit))
    }

    /// Search with facet selections `{ regions: ["上海市/上海市/闵行区"], programs: ["youth"],
    /// from: {year, month}, to: {year, month} }` (all optional) and paging.
    #[wasm_bindgen(js_name = searchWith)]
    pub fn search_with(
        &self,
        query: &str,
        selection: JsValue,
        offset: usize,
        limit: usize,
    ) -> Result<JsValue, JsError> {
        let selection: Selection = if selection.is_undefined() || selection.is_null() {
            Selection::default()
        } else {
            serde_wasm_bindgen::from_value(selection)
                .map_err(|e| JsError::new(&format!("invalid selection: {e}")))?
        };
        to_js(&run(&self.engine, query, &selection, offset, limit))
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The search behind [`Shegong::search`], separate from the JS conversion so tests can call it.
pub fn run(
    engine: &Engine,
    query: &str,
    selection: &Selection,
    offset: usize,
    limit: usize,
) -> Results {
    let q = parse(query);
    engine.search(&Request {
        query: &q,
        selection,
        sort: Default::default(),
        offset,
        limit,
    })
}

/// Split a raw page into articles and extract their fields, exactly as `shegong extract` does.
/// Returns an array of article objects (the same fields as the CLI's JSON).
#[cfg(feature = "extract")]
#[wasm_bindgen]
pub fn extract(file: &str, text: &str) -> Result<JsValue, JsError> {
    to_js(&shegong_core::pipeline::process_page(file, text))
}
