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
use shegong_article::YearMonth;
use shegong_search::parse_query as parse;
use shegong_search::{Bundle, Chunk, Engine, Missing, Request, Results, Selection};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A loaded bundle.
#[wasm_bindgen]
pub struct Shegong {
    engine: Engine,
}

#[wasm_bindgen]
impl Shegong {
    /// Load a bundle from its bytes; throws an Error saying what is wrong with it.
    pub fn load(bytes: &[u8]) -> Result<Shegong, JsError> {
        let bundle = Bundle::decode(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Shegong {
            engine: bundle.into_engine(),
        })
    }

    /// Add the original pages from the bundle's pages file (`shegong build` writes it next to
    /// the bundle as `<name>.pages.bin`); throws an Error if the file is damaged or belongs to
    /// another bundle.
    #[wasm_bindgen(js_name = loadPages)]
    pub fn load_pages(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.engine
            .add_chunk(Chunk::Pages, bytes)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The original page text an article was read from, or `undefined` when its page is not
    /// loaded (see `loadPages`).
    pub fn original(&self, id: &str) -> Option<String> {
        let doc = self.engine.find(id).ok()??;
        self.engine.original(doc).ok()?.map(str::to_owned)
    }

    /// Number of articles in the bundle.
    #[wasm_bindgen(getter, js_name = articleCount)]
    pub fn article_count(&self) -> usize {
        self.engine.doc_count()
    }

    /// Search; returns `{ total, hits: [{ id, title, score, snippet: [{ text, highlight }] }],
    /// facets, warnings }`.
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        to_js(&run(&self.engine, query, &Selection::default(), 0, limit).map_err(chunked)?)
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
        let selection = selection_of(&selection)?;
        to_js(&run(&self.engine, query, &selection, offset, limit).map_err(chunked)?)
    }
}

/// What a search of a chunked bundle that still needs chunks throws.
fn chunked(m: Missing) -> JsError {
    let names: Vec<String> = m.0.iter().map(Chunk::name).collect();
    JsError::new(&format!(
        "this search needs the chunks {} of a chunked bundle, which this API does not fetch",
        names.join(", ")
    ))
}

/// A facet selection from its JS form `{ regions: [path], programs: [id], from: {year,
/// month}, to: {year, month} }` (every part optional), read field by field.
fn selection_of(js: &JsValue) -> Result<Selection, JsError> {
    if js.is_undefined() || js.is_null() {
        return Ok(Selection::default());
    }
    let field = |name: &str| js_sys::Reflect::get(js, &JsValue::from_str(name)).unwrap_or_default();
    let strings = |name: &str| -> Result<Vec<String>, JsError> {
        let v = field(name);
        if v.is_undefined() || v.is_null() {
            return Ok(Vec::new());
        }
        let items = v
            .dyn_into::<js_sys::Array>()
            .map_err(|_| JsError::new(&format!("invalid selection: `{name}` is not an array")))?;
        items
            .iter()
            .map(|s| {
                s.as_string().ok_or_else(|| {
                    JsError::new(&format!("invalid selection: `{name}` holds a non-string"))
                })
            })
            .collect()
    };
    let month = |name: &str| -> Result<Option<YearMonth>, JsError> {
        let v = field(name);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        let part = |p: &str| {
            js_sys::Reflect::get(&v, &JsValue::from_str(p))
                .ok()?
                .as_f64()
        };
        match (part("year"), part("month")) {
            (Some(year), Some(month)) if (1.0..=12.0).contains(&month) => Ok(Some(YearMonth {
                year: year as i32,
                month: month as u32,
            })),
            _ => Err(JsError::new(&format!(
                "invalid selection: `{name}` is not {{ year, month }}"
            ))),
        }
    };
    Ok(Selection {
        regions: strings("regions")?,
        programs: strings("programs")?,
        from: month("from")?,
        to: month("to")?,
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The search behind [`Shegong::search`], separate from the JS conversion so tests can call it;
/// `Err` names the chunks a chunked bundle still needs.
pub fn run(
    engine: &Engine,
    query: &str,
    selection: &Selection,
    offset: usize,
    limit: usize,
) -> Result<Results, Missing> {
    let q = parse(query);
    engine.search(&Request {
        query: &q,
        selection,
        sort: Default::default(),
        offset,
        limit,
        open: &[],
    })
}

/// Split a raw page into articles and extract their fields, exactly as `shegong extract` does.
/// Returns an array of article objects (the same fields as the CLI's JSON).
#[cfg(feature = "extract")]
#[wasm_bindgen]
pub fn extract(file: &str, text: &str) -> Result<JsValue, JsError> {
    to_js(&shegong_extract::process_page(file, text))
}
