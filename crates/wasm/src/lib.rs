//! The engine behind Shegong's JavaScript API: a thin wasm-bindgen layer that converts between
//! JavaScript and the search crates, with no logic of its own.
//!
//! Pages use it through `js/shegong.js` (the JS API: `Shegong.load(urlOrBytes)`, downloads,
//! every method returning a Promise, TypeScript definitions in `js/shegong.d.ts`), which
//! `scripts/element.sh` ships beside the drop-in element. This module's own surface, for code
//! that has the bytes already:
//!
//! ```js
//! import init, { Shegong, pagesUrl } from "./shegong_wasm.js";
//! await init();
//! const engine = Shegong.load(bytes);                 // throws an Error saying what is wrong
//! const { formatVersion, articleCount, buildDate, programs } = engine.info();
//! const { total, hits, facets } = engine.searchWith("社工站", { programs: ["station"] }, 0, 10);
//! const article = engine.article(hits[0].id);        // as `shegong extract` prints it
//! engine.loadPages(pagesBytes);                       // the file at pagesUrl("…/bundle.bin")
//! const page = engine.original(hits[0].id);          // the page text the article came from
//! const articles = extract("page.txt", rawText);     // split + extract a page in the browser
//! ```
//!
//! `types` holds the TypeScript definitions of what the methods return.

mod selection;
mod types;

use serde::Serialize;
use shegong_article::{Article, ProgramLabel};
use shegong_search::parse_query as parse;
use shegong_search::{decode_pages, pages_url};
use shegong_search::{Bundle, Engine, Header, Originals, Request, Results, Selection};
use wasm_bindgen::prelude::*;

/// A loaded bundle.
#[wasm_bindgen]
pub struct Shegong {
    engine: Engine,
    originals: Originals,
    header: Header,
}

/// What [`Shegong::info`] returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Info<'a> {
    format_version: u16,
    article_count: usize,
    build_date: Option<String>,
    builder: &'a str,
    programs: &'a [ProgramLabel],
}

#[wasm_bindgen]
impl Shegong {
    /// Load a bundle from its bytes; throws an Error saying what is wrong with it.
    pub fn load(bytes: &[u8]) -> Result<Shegong, JsError> {
        let bundle = Bundle::decode(bytes).map_err(to_error)?;
        let header = bundle.header.clone();
        let (engine, originals) = bundle.into_parts();
        Ok(Shegong {
            engine,
            originals,
            header,
        })
    }

    /// Add the original pages from the bundle's pages file (`shegong build` writes it next to
    /// the bundle as `<name>.pages.bin`); throws an Error if the file is damaged or belongs to
    /// another bundle.
    #[wasm_bindgen(js_name = loadPages)]
    pub fn load_pages(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.originals = decode_pages(bytes, self.header.checksum).map_err(to_error)?;
        Ok(())
    }

    /// Format version, article count, build date, builder and program labels of the bundle.
    #[wasm_bindgen(unchecked_return_type = "Info")]
    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&Info {
            format_version: self.header.format_version,
            article_count: self.engine.articles().len(),
            build_date: self.header.build_date.map(|d| d.to_string()),
            builder: &self.header.builder,
            programs: self.engine.programs(),
        })
    }

    /// The article with this id (the same fields as `shegong extract` prints), or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Article | undefined")]
    pub fn article(&self, id: &str) -> Result<JsValue, JsError> {
        match self.find(id) {
            Some(a) => to_js(a),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// The original page text an article was read from, or `undefined` when its page is not
    /// loaded (see `loadPages`).
    pub fn original(&self, id: &str) -> Option<String> {
        let article = self.find(id)?;
        self.originals.text_of(article).map(str::to_owned)
    }

    fn find(&self, id: &str) -> Option<&Article> {
        self.engine.articles().iter().find(|a| a.id == id)
    }

    /// Number of articles in the bundle.
    #[wasm_bindgen(getter, js_name = articleCount)]
    pub fn article_count(&self) -> usize {
        self.engine.articles().len()
    }

    /// Search; returns `{ total, hits: [{ id, title, score, snippet: [{ text, highlight }] }],
    /// facets, warnings }`.
    #[wasm_bindgen(unchecked_return_type = "SearchResults")]
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        to_js(&run(&self.engine, query, &Selection::default(), 0, limit))
    }

    /// Search with facet selections `{ regions: ["上海市/上海市/闵行区"], programs: ["youth"],
    /// from: {year, month}, to: {year, month} }` (all optional) and paging.
    #[wasm_bindgen(js_name = searchWith, unchecked_return_type = "SearchResults")]
    pub fn search_with(
        &self,
        query: &str,
        #[wasm_bindgen(unchecked_param_type = "Selection | undefined")] selection: JsValue,
        offset: usize,
        limit: usize,
    ) -> Result<JsValue, JsError> {
        let selection = selection::from_js(&selection).map_err(|e| JsError::new(&e))?;
        to_js(&run(&self.engine, query, &selection, offset, limit))
    }
}

/// Where the pages file of the bundle at `url` is (`x.bin` → `x.pages.bin`).
#[wasm_bindgen(js_name = pagesUrl)]
pub fn pages_url_of(url: &str) -> String {
    pages_url(url)
}

fn to_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
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
