//! The app's engine: in the search worker (`crates/wasm/js/shegong.js`'s host instantiates
//! this very module, calls `worker_open` with the bundle it downloaded, then `call` with
//! postcard requests ([`Ask`]) until the answers come (postcard [`Answer`]s), fetching the
//! chunks a chunked bundle names; errors are thrown as postcard [`LoadError`]s), or on the page
//! for a bundle embedded in it ([`Hosted::answer`], through `client`). Beside a chunked bundle
//! it holds the bundle built of the reader's pages ([`Hosted::join`]): every answer then comes
//! from both, as one collection ([`Joined`]).

use crate::protocol::{decode, encode, Answer, Ask, Info, LoadError};
use shegong_article::Article;
use shegong_search::parse_query as parse;
use shegong_search::{Bundle, BundleError, Chunk, Engine, Joined, Missing, Request};
use wasm_bindgen::prelude::*;

/// A bundle open in the worker or on the page.
#[wasm_bindgen]
pub struct Hosted {
    engine: Engine,
    /// The reader's pages built into a one-file bundle, joined to a chunked `engine`.
    yours: Option<Engine>,
    /// Where the entry file (or one-file bundle) is: chunk URLs are beside it.
    url: String,
}

fn thrown(e: LoadError) -> JsValue {
    js_sys::Uint8Array::from(encode(&e).as_slice()).into()
}

/// Open a bundle (a one-file bundle or a chunked bundle's entry file) read from `url`.
#[wasm_bindgen]
pub fn worker_open(bytes: &[u8], url: String) -> Result<Hosted, JsValue> {
    Hosted::open(bytes, url).map_err(|e| thrown(LoadError::Bundle(e)))
}

/// The articles of documents, in their order.
fn articles(e: &Joined<'_>, docs: impl Iterator<Item = u32>) -> Result<Vec<Article>, Missing> {
    let mut missing = Vec::new();
    let mut out = Vec::new();
    for d in docs {
        match e.article(d) {
            Ok(a) => out.push(a.clone()),
            Err(Missing(m)) => missing.extend(m),
        }
    }
    if missing.is_empty() {
        Ok(out)
    } else {
        missing.sort();
        missing.dedup();
        Err(Missing(missing))
    }
}

impl Hosted {
    /// Open a bundle read from `url`.
    pub fn open(bytes: &[u8], url: String) -> Result<Self, BundleError> {
        Ok(Hosted {
            engine: Bundle::decode(bytes)?.into_engine(),
            yours: None,
            url,
        })
    }

    /// The collection searched: the bundle, with the reader's pages where they are joined.
    fn joined(&self) -> Joined<'_> {
        Joined {
            first: &self.engine,
            second: self.yours.as_ref(),
        }
    }

    /// What the page learns when the bundle is open (or the reader's pages are joined).
    pub fn about(&self) -> Info {
        let joined = self.joined();
        Info {
            articles: joined.doc_count(),
            programs: joined.programs(),
            chunked: self.engine.is_chunked(),
        }
    }

    /// Hand over a chunk (or the pages file).
    pub fn add(&mut self, chunk: Chunk, bytes: &[u8]) -> Result<(), BundleError> {
        self.engine.add_chunk(chunk, bytes)
    }

    /// The answer to a request, or the chunks it needs first.
    pub fn answer(&self, ask: Ask) -> Result<Answer, Missing> {
        let e = &self.joined();
        let run = |query: &str, selection, sort, offset, limit, open: &[String]| {
            let q = parse(query);
            e.search(&Request {
                query: &q,
                selection,
                sort,
                offset,
                limit,
                open,
            })
        };
        match ask {
            Ask::Search {
                query,
                selection,
                sort,
                offset,
                limit,
                open,
            } => {
                let r = run(&query, &selection, sort, offset, limit, &open)?;
                let a = articles(e, r.hits.iter().map(|h| h.doc))?;
                Ok(Answer::Searched(r, a))
            }
            Ask::All {
                query,
                selection,
                sort,
            } => run(&query, &selection, sort, 0, usize::MAX, &[])
                .and_then(|r| articles(e, r.hits.iter().map(|h| h.doc)))
                .map(Answer::Articles),
            Ask::Article(id) => e
                .find(&id)?
                .map(|d| e.article(d).cloned().map(Box::new))
                .transpose()
                .map(Answer::Article),
            Ask::Original(id) => Ok(Answer::Original(match e.find(&id)? {
                Some(d) => e.original(d)?.map(str::to_owned),
                None => None,
            })),
        }
    }
}

#[wasm_bindgen]
impl Hosted {
    /// The postcard [`Info`].
    pub fn info(&self) -> Vec<u8> {
        encode(&self.about())
    }

    /// Answer a postcard [`Ask`]: `{ value }` (a postcard [`Answer`]) or `{ missing: [[name,
    /// url], …] }`.
    pub fn call(&self, _op: &str, arg: &[u8]) -> Result<JsValue, JsValue> {
        let ask: Ask =
            decode(arg).ok_or_else(|| thrown(LoadError::Network("a garbled request".into())))?;
        let out = js_sys::Object::new();
        match self.answer(ask) {
            Ok(a) => {
                let bytes = js_sys::Uint8Array::from(encode(&a).as_slice());
                js_sys::Reflect::set(&out, &"value".into(), &bytes)?
            }
            Err(Missing(chunks)) => {
                let list: js_sys::Array = chunks
                    .iter()
                    .map(|c| js_sys::Array::of2(&c.name().into(), &c.url(&self.url).into()))
                    .collect();
                js_sys::Reflect::set(&out, &"missing".into(), &list)?
            }
        };
        Ok(out.into())
    }

    /// Search the reader's pages, built into a one-file bundle with its pages file (if any),
    /// together with this (chunked) bundle; no bundle: search this one alone again. Gives the
    /// postcard [`Info`] of the collection now searched; throws what is wrong with the bundle.
    pub fn join(
        &mut self,
        bundle: Option<Box<[u8]>>,
        pages: Option<Box<[u8]>>,
    ) -> Result<Vec<u8>, JsValue> {
        self.yours = match bundle {
            Some(bundle) => {
                let open = || -> Result<Engine, BundleError> {
                    let mut yours = Bundle::decode(&bundle)?.into_engine();
                    if let Some(pages) = &pages {
                        yours.add_chunk(Chunk::Pages, pages)?;
                    }
                    Ok(yours)
                };
                Some(open().map_err(|e| thrown(LoadError::Bundle(e)))?)
            }
            None => None,
        };
        Ok(self.info())
    }

    /// Hand over a chunk (or pages file) `call` asked for; throws what is wrong with it.
    #[wasm_bindgen(js_name = addChunk)]
    pub fn add_chunk(&mut self, name: &str, bytes: &[u8]) -> Result<(), JsValue> {
        let chunk = Chunk::parse(name).ok_or_else(|| {
            thrown(LoadError::Bundle(BundleError::Malformed(format!(
                "no chunk `{name}`"
            ))))
        })?;
        self.add(chunk, bytes)
            .map_err(|e| thrown(LoadError::Bundle(e)))
    }
}
