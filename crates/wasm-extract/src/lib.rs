//! The browser's extraction module: what a page needs when a reader adds pages of their own,
//! kept out of the search module so the first load does not grow. Bindings only; the work is
//! done by `shegong-read` (the page files' readers `shegong` uses), `shegong-extract` (splitting, facts, the gazetteer) and
//! `shegong-collection` (corrections and bundles, as `shegong build` does them).
//!
//! ```js
//! import init, { readFile, findRegions, programs, Exporter, singleFile } from "./shegong_wasm_extract.js";
//! await init();
//! const { text, articles, error } = readFile("mine/a.txt", bytes);  // error: why it cannot be read
//! const regions = findRegions("閔行", 10);   // [{ province, city, district, town, code }]
//! const exporter = new Exporter(compactDictionary);  // dict.bin, fetched only to build bundles
//! const out = exporter.export([{ file: "mine/a.txt", text, modified }], corrections, baseBundle, basePages);
//! out.bundle; out.pages; out.articles; out.unmatched;
//! const html = singleFile(appJs, appWasm, appCss, out.bundle, out.pages);  // the offline file
//! ```

use serde::Serialize;
use shegong_article::Article;
use shegong_collection::{
    dictionary, export, from_compact, preview, Added, AppFiles, Base, Corrections,
};
use shegong_extract::Pipeline;
use shegong_read::{FileText, Format};
use shegong_text::Dictionary;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

/// The pipeline with the built-in taxonomy, made once.
fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::default)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// What reading one file gave.
#[derive(Serialize)]
struct Read {
    /// The page text, or null.
    text: Option<String>,
    /// Its articles, with the same fields as `shegong extract`'s JSON.
    articles: Vec<Article>,
    /// Why the file cannot be read (Chinese first, then English), or null.
    error: Option<String>,
    /// What was repaired on the way (bad bytes replaced), or null.
    note: Option<String>,
}

/// Why the browser leaves a kind to the command line, if it does: PDFs and scans are read by
/// programs and code the extraction module does not carry.
fn cli_only(format: Format) -> Option<&'static str> {
    match format {
        Format::Pdf => Some(
            "浏览器不读 PDF，请用命令行：shegong build 文件或文件夹 -o bundle.bin \
             (the browser does not read PDFs: use the command line, shegong build FILES -o bundle.bin)",
        ),
        Format::Image => Some(
            "浏览器不做文字识别，请用装有 Tesseract 的命令行：shegong build 文件或文件夹 -o bundle.bin \
             (the browser does no OCR: use the command line with Tesseract installed, shegong build FILES -o bundle.bin)",
        ),
        _ => None,
    }
}

/// Read a page file a reader added, named as in the collection (`folder/a.txt`: its articles'
/// ids start with it): `{ text, articles, error, note }`, with the readers `shegong extract`
/// uses (text in UTF-8, UTF-16 or GB18030, web pages, web archives, Word); a name with no known
/// extension is read as text, as the CLI reads a file named on its command line.
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    let format = Format::of(name).unwrap_or(Format::Text);
    let read = match cli_only(format).map(str::to_owned).map_or_else(
        || shegong_read::read_file(format, bytes).map_err(|e| e.to_string()),
        Err,
    ) {
        Ok(FileText { text, note }) => Read {
            articles: pipeline().process_page(name, &text),
            text: Some(text),
            error: None,
            note,
        },
        Err(error) => Read {
            text: None,
            articles: Vec::new(),
            error: Some(error),
            note: None,
        },
    };
    to_js(&read)
}

/// The regions of at most `limit` divisions named by what a reader typed, in either script,
/// best first: `[{ province, city, district, town, code }]` (see `shegong_extract::find_regions`).
#[wasm_bindgen(js_name = findRegions)]
pub fn find_regions(query: &str, limit: usize) -> Result<JsValue, JsError> {
    to_js(&shegong_extract::find_regions(query, limit))
}

/// The program types articles are classified with: `[{ id, zh, en }]`.
#[wasm_bindgen]
pub fn programs() -> Result<JsValue, JsError> {
    to_js(&pipeline().taxonomy().labels())
}

/// Builds bundles with the full dictionary, which it holds once read.
#[wasm_bindgen]
pub struct Exporter {
    dict: Dictionary,
}

#[wasm_bindgen]
impl Exporter {
    /// Read the dictionary in its compact form (`dict.bin`, decompressed); throws an Error if
    /// the bytes are damaged.
    #[wasm_bindgen(constructor)]
    pub fn new(compact: &[u8]) -> Result<Exporter, JsError> {
        let jieba = from_compact(compact).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Exporter {
            dict: dictionary(jieba),
        })
    }

    /// The bundle of the added `pages` (`[{ file, text, modified }]`, `modified` as
    /// `File.lastModified`) and, when given, the articles of the
    /// loaded one-file bundle `base` (with its pages file `base_pages`, if the reader has it),
    /// with `corrections` (the corrections file's object) applied: what `shegong build` writes
    /// for the same pages. Throws an Error saying what is wrong.
    pub fn export(
        &self,
        pages: JsValue,
        corrections: JsValue,
        base: Option<Vec<u8>>,
        base_pages: Option<Vec<u8>>,
    ) -> Result<Exported, JsError> {
        self.build(export, pages, corrections, base, base_pages)
    }

    /// The same bundle with its index embedded, for the app to search while the pages are
    /// added (see `shegong_collection::preview`); `base_pages` is usually left out.
    pub fn preview(
        &self,
        pages: JsValue,
        corrections: JsValue,
        base: Option<Vec<u8>>,
        base_pages: Option<Vec<u8>>,
    ) -> Result<Exported, JsError> {
        self.build(preview, pages, corrections, base, base_pages)
    }
}

type Build = fn(
    Option<Base>,
    Vec<Added>,
    &Corrections,
    &Pipeline,
    &Dictionary,
) -> Result<shegong_collection::Exported, shegong_collection::ExportError>;

impl Exporter {
    fn build(
        &self,
        how: Build,
        pages: JsValue,
        corrections: JsValue,
        base: Option<Vec<u8>>,
        base_pages: Option<Vec<u8>>,
    ) -> Result<Exported, JsError> {
        let pages: Vec<Added> = serde_wasm_bindgen::from_value(pages)
            .map_err(|e| JsError::new(&format!("pages: {e}")))?;
        let corrections: Corrections = if corrections.is_undefined() || corrections.is_null() {
            Corrections::default()
        } else {
            serde_wasm_bindgen::from_value(corrections)
                .map_err(|e| JsError::new(&format!("corrections: {e}")))?
        };
        let base = base
            .map(|b| Base::decode(&b, base_pages.as_deref()))
            .transpose()
            .map_err(|e| JsError::new(&e.to_string()))?;
        how(base, pages, &corrections, pipeline(), &self.dict)
            .map(Exported)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}

/// The single offline HTML file (what `shegong build --single-file` writes) of the app whose
/// wasm-bindgen `js`, `wasm` and `css` are given, with `bundle` and, if given, its `pages`
/// file: UTF-8 bytes. Throws an Error when the app's files cannot make one.
#[wasm_bindgen(js_name = singleFile)]
pub fn single_file(
    js: String,
    wasm: Vec<u8>,
    css: String,
    bundle: &[u8],
    pages: Option<Vec<u8>>,
) -> Result<Vec<u8>, JsError> {
    let app = AppFiles::new(js, wasm, css).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(shegong_collection::single_file(&app, bundle, pages.as_deref()).into_bytes())
}

/// A built bundle.
#[wasm_bindgen]
pub struct Exported(shegong_collection::Exported);

#[wasm_bindgen]
impl Exported {
    /// The bundle file's bytes.
    #[wasm_bindgen(getter)]
    pub fn bundle(&self) -> Vec<u8> {
        self.0.bundle.clone()
    }

    /// Its pages file's bytes, or `undefined` when the base bundle's pages were not given.
    #[wasm_bindgen(getter)]
    pub fn pages(&self) -> Option<Vec<u8>> {
        self.0.pages.clone()
    }

    /// How many articles it holds.
    #[wasm_bindgen(getter)]
    pub fn articles(&self) -> usize {
        self.0.articles
    }

    /// Ids of corrections that matched no article.
    #[wasm_bindgen(getter)]
    pub fn unmatched(&self) -> Vec<String> {
        self.0.unmatched.clone()
    }
}
