//! The JavaScript API for embedding Shegong search in any page.
//!
//! ```js
//! import init, { Shegong } from "./shegong_wasm.js";
//! await init();
//! const engine = Shegong.load(new Uint8Array(await (await fetch("bundle.bin")).arrayBuffer()));
//! const { total, hits } = engine.search("社工站", 10);
//! // The original page texts are in a file of their own, fetched only when wanted:
//! engine.loadPages(new Uint8Array(await (await fetch("bundle.pages.bin")).arrayBuffer()));
//! const page = engine.original(hits[0].id);         // the page text the article came from
//! const articles = extract("page.txt", rawText);   // split + extract a page in the browser
//! ```

use serde::Serialize;
use shegong_search::decode_pages;
use shegong_search::parse_query as parse;
use shegong_search::{Bundle, Engine, Originals, Request, Results, Selection};
use wasm_bindgen::prelude::*;

/// A loaded bundle.
#[wasm_bindgen]
pub struct Shegong {
    engine: Engine,
    originals: Originals,
    /// The bundle's checksum, which its pages file must name.
    checksum: u32,
}

#[wasm_bindgen]
impl Shegong {
    /// Load a bundle from its bytes; throws an Error saying what is wrong with it.
    pub fn load(bytes: &[u8]) -> Result<Shegong, JsError> {
        let bundle = Bundle::decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        let checksum = bundle.header.checksum;
        let (engine, originals) = bundle.into_parts();
        Ok(Shegong {
            engine,
            originals,
            checksum,
        })
    }

    /// Add the original pages from the bundle's pages file (`shegong build` writes it next to
    /// the bundle as `<name>.pages.bin`); throws an Error if the file is damaged or belongs to
    /// another bundle.
    #[wasm_bindgen(js_name = loadPages)]
    pub fn load_pages(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.originals =
            decode_pages(bytes, self.checksum).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(())
    }

    /// The original page text an article was read from, or `undefined` when its page is not
    /// loaded (see `loadPages`).
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
    to_js(&shegong_extract::process_page(file, text))
}
