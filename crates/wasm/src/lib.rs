//! The engine behind Shegong's JavaScript API: a thin wasm-bindgen layer that converts between
//! JavaScript and the search crates, with no logic of its own.
//!
//! Pages use it through `js/shegong.js` (the JS API: `Shegong.load(urlOrBytes)`, downloads,
//! every method returning a Promise, TypeScript definitions in `js/shegong.d.ts`), which runs
//! this module in a Web Worker (`js/worker.js`) where it can, fetches the chunks of a chunked
//! bundle as searches name them, and which `scripts/element.sh` ships beside the drop-in
//! element. This module's own surface, for code that has the bytes already:
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
//! A chunked bundle's entry loads the same way, but its searches need chunks: those methods
//! throw, naming them; `shegong.js` fetches them (through [`Shegong::call`] and
//! [`Shegong::add_chunk`]).
//!
//! `types` holds the TypeScript definitions of what the methods return.

mod selection;
mod types;

use serde::Serialize;
use shegong_article::ProgramLabel;
use shegong_search::parse_query as parse;
use shegong_search::{pages_url, Bundle, Chunk, Engine, Header, Missing};
use shegong_search::{Request, Results, Selection, Sort};
use wasm_bindgen::prelude::*;

/// A loaded bundle.
#[wasm_bindgen]
pub struct Shegong {
    engine: Engine,
    header: Header,
    /// Where the bundle (or a chunked bundle's entry file) is: chunk URLs are beside it.
    url: String,
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
    chunked: bool,
}

/// Open a bundle (a one-file bundle or a chunked bundle's entry file) read from `url`: what
/// the search host (`js/shegong.js`) calls, in the worker or on the page.
#[wasm_bindgen]
pub fn worker_open(bytes: &[u8], url: String) -> Result<Shegong, JsError> {
    let bundle = Bundle::decode(bytes).map_err(to_error)?;
    Ok(Shegong {
        header: bundle.header.clone(),
        engine: bundle.into_engine(),
        url,
    })
}

#[wasm_bindgen]
impl Shegong {
    /// Load a bundle from its bytes; throws an Error saying what is wrong with it.
    pub fn load(bytes: &[u8]) -> Result<Shegong, JsError> {
        worker_open(bytes, "bundle.bin".into())
    }

    /// Add the original pages from the bundle's pages file (`shegong build` writes it next to
    /// the bundle as `<name>.pages.bin`); throws an Error if the file is damaged or belongs to
    /// another bundle.
    #[wasm_bindgen(js_name = loadPages)]
    pub fn load_pages(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.add_chunk("pages", bytes)
    }

    /// Format version, article count, build date, builder and program labels of the bundle,
    /// and whether it is chunked.
    #[wasm_bindgen(unchecked_return_type = "Info")]
    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&Info {
            format_version: self.header.format_version,
            article_count: self.engine.doc_count(),
            build_date: self.header.build_date.map(|d| d.to_string()),
            builder: &self.header.builder,
            programs: self.engine.programs(),
            chunked: self.engine.is_chunked(),
        })
    }

    /// The article with this id (the same fields as `shegong extract` prints), or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "Article | undefined")]
    pub fn article(&self, id: &str) -> Result<JsValue, JsError> {
        self.now("article", &id.into())
    }

    /// The original page text an article was read from, or `undefined` when its page is not
    /// loaded (see `loadPages`).
    #[wasm_bindgen(unchecked_return_type = "string | undefined")]
    pub fn original(&self, id: &str) -> Result<JsValue, JsError> {
        self.now("original", &id.into())
    }

    /// Number of articles in the bundle.
    #[wasm_bindgen(getter, js_name = articleCount)]
    pub fn article_count(&self) -> usize {
        self.engine.doc_count()
    }

    /// Search; returns `{ total, hits: [{ id, title, score, snippet: [{ text, highlight }] }],
    /// facets, warnings }`.
    #[wasm_bindgen(unchecked_return_type = "SearchResults")]
    pub fn search(&self, query: &str, limit: usize) -> Result<JsValue, JsError> {
        to_js(&run(&self.engine, query, &Selection::default(), 0, limit).map_err(missing)?)
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
        to_js(&run(&self.engine, query, &selection, offset, limit).map_err(missing)?)
    }

    /// Answer `op` for the search host: `{ value }`, or, while a chunked bundle still needs
    /// chunks, `{ missing: [[name, url], …] }`. `search` takes `{ query, selection, sort:
    /// "relevance" | "newest", offset, limit }` (results as `searchWith` gives them),
    /// `article` and `original` an id (`original` is `undefined` while a one-file bundle's
    /// pages file is not loaded), `pages` nothing (it asks for a one-file bundle's pages file).
    pub fn call(&self, op: &str, arg: JsValue) -> Result<JsValue, JsError> {
        let out = js_sys::Object::new();
        let (key, value) = match self.answer(op, &arg)? {
            Ok(value) => ("value", value),
            Err(Missing(chunks)) => (
                "missing",
                chunks
                    .iter()
                    .map(|c| js_sys::Array::of2(&c.name().into(), &c.url(&self.url).into()))
                    .collect::<js_sys::Array>()
                    .into(),
            ),
        };
        js_sys::Reflect::set(&out, &key.into(), &value).map_err(|_| JsError::new(key))?;
        Ok(out.into())
    }

    /// Hand over a chunk (or the pages file, `pages`) that `call` asked for; throws what is
    /// wrong with it.
    #[wasm_bindgen(js_name = addChunk)]
    pub fn add_chunk(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsError> {
        let chunk =
            Chunk::parse(name).ok_or_else(|| JsError::new(&format!("no chunk `{name}`")))?;
        self.engine.add_chunk(chunk, bytes).map_err(to_error)
    }
}

impl Shegong {
    /// An answer that needs no chunk, or the error naming those it needs.
    fn now(&self, op: &str, arg: &JsValue) -> Result<JsValue, JsError> {
        self.answer(op, arg)?.map_err(missing)
    }

    /// The answer to `op` (see [`Shegong::call`]), or the chunks it needs first.
    fn answer(&self, op: &str, arg: &JsValue) -> Result<Result<JsValue, Missing>, JsError> {
        let e = &self.engine;
        let field = |name: &str| js_sys::Reflect::get(arg, &name.into()).unwrap_or_default();
        let id = || arg.as_string().unwrap_or_default();
        Ok(match op {
            "search" => {
                let number = |name: &str, or: f64| field(name).as_f64().unwrap_or(or) as usize;
                let sort = match field("sort").as_string().as_deref() {
                    Some("newest") => Sort::Newest,
                    _ => Sort::Relevance,
                };
                let q = parse(&field("query").as_string().unwrap_or_default());
                let selection =
                    selection::from_js(&field("selection")).map_err(|e| JsError::new(&e))?;
                match e.search(&Request {
                    query: &q,
                    selection: &selection,
                    sort,
                    offset: number("offset", 0.0),
                    limit: number("limit", 10.0),
                    open: &[],
                }) {
                    Ok(r) => Ok(to_js(&r)?),
                    Err(m) => Err(m),
                }
            }
            "article" => match e
                .find(&id())
                .and_then(|d| d.map(|d| e.article(d)).transpose())
            {
                Ok(Some(a)) => Ok(to_js(a)?),
                Ok(None) => Ok(JsValue::UNDEFINED),
                Err(m) => Err(m),
            },
            "original" => match e
                .find(&id())
                .and_then(|d| d.map(|d| e.original(d)).transpose())
            {
                Ok(p) => Ok(p.flatten().map_or(JsValue::UNDEFINED, JsValue::from)),
                // A one-file bundle's pages file is loaded when asked for (`loadPages`).
                Err(Missing(m)) if m == [Chunk::Pages] => Ok(JsValue::UNDEFINED),
                Err(m) => Err(m),
            },
            "pages" => match e.doc_count() {
                0 => Ok(JsValue::UNDEFINED),
                _ => e.original(0).map(|_| JsValue::UNDEFINED),
            },
            _ => return Err(JsError::new(&format!("unknown request `{op}`"))),
        })
    }
}

/// What a direct call of a chunked bundle that still needs chunks throws.
fn missing(m: Missing) -> JsError {
    let names: Vec<String> = m.0.iter().map(Chunk::name).collect();
    JsError::new(&format!(
        "this needs the chunks {} of a chunked bundle: load it with shegong.js, which fetches them",
        names.join(", ")
    ))
}

/// Where the pages file of the bundle at `url` is (`x.bin` → `x.pages.bin`).
#[wasm_bindgen(js_name = pagesUrl)]
pub fn pages_url_of(url: &str) -> String {
    pages_url(url)
}

fn to_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
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
) -> Result<Results, Missing> {
    let q = parse(query);
    engine.search(&Request {
        query: &q,
        selection,
        sort: Sort::Relevance,
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
