//! The page's side of the engine: a bundle the app downloads opens in the search worker, which
//! `crates/wasm/js/shegong.js` starts (`app/boot.js` hands its `open` to this module as
//! `globalThis.shegongOpen`) with this module (its compiled wasm and its JS glue), or, where no
//! worker can start, runs the same host on this thread; requests and answers travel as postcard
//! bytes ([`crate::protocol`]), and a newer search cancels older ones. A bundle embedded in
//! the page (a single file, maybe opened from `file://`, with no file to start a worker from)
//! is searched here, by this module's engine ([`Hosted`]).

use crate::embedded::Embedded;
use crate::hosted::Hosted;
use crate::js::field;
use crate::load::Progress;
use crate::protocol::{decode, encode, Answer, Ask, Info, LoadError};
use leptos::prelude::*;
use shegong_search::{Chunk, Missing};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// What `open` resolves to.
    type JsClient;

    #[wasm_bindgen(method, getter)]
    fn info(this: &JsClient) -> JsValue;

    #[wasm_bindgen(method)]
    fn close(this: &JsClient);

    #[wasm_bindgen(method)]
    fn call(this: &JsClient, op: &str, arg: &JsValue, options: &JsValue) -> js_sys::Promise;

    /// The URL of this module's JS glue, which the worker imports too.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// Where the engine is.
enum Engine {
    /// In the search worker (or its host on this thread).
    Worker(JsClient),
    /// Here, for a bundle embedded in the page.
    Page(Box<Hosted>),
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// Why a request got no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Failed {
    /// A newer search took its place.
    Cancelled,
    /// A file could not be had: which, and why.
    Load(String, LoadError),
}

/// The failure a rejected promise carries (`shegong.js`: an Error with `detail: { url, status |
/// network | value }`).
fn failed(e: JsValue) -> Failed {
    if field(&e, "name").as_string().as_deref() == Some("AbortError") {
        return Failed::Cancelled;
    }
    let detail = field(&e, "detail");
    let url = field(&detail, "url").as_string().unwrap_or_default();
    let error = if let Some(status) = field(&detail, "status").as_f64() {
        LoadError::Http(status as u16)
    } else if let Some(bytes) = field(&detail, "value").dyn_ref::<js_sys::Uint8Array>() {
        decode(&bytes.to_vec()).unwrap_or(LoadError::Network("an unreadable error".into()))
    } else {
        let message = field(&detail, "network")
            .as_string()
            .or_else(|| field(&e, "message").as_string())
            .unwrap_or_default();
        if web_sys::window().is_some_and(|w| w.location().protocol().is_ok_and(|p| p == "file:")) {
            LoadError::FromFile
        } else {
            LoadError::Network(message)
        }
    };
    Failed::Load(url, error)
}

/// Open the bundle at `url` in the search worker, reporting the download's progress.
pub async fn open(url: &str, progress: RwSignal<Progress>) -> Result<Info, Failed> {
    start(&url.into(), progress).await
}

/// Open a bundle built on the page (the loaded one with the reader's pages, `add_pages`) and
/// its pages file, if there is one, where the loaded bundle is searched: in a new search worker
/// (the old one stops), or on the page.
pub async fn open_built(bundle: &[u8], pages: Option<&[u8]>) -> Result<Info, Failed> {
    let on_page = ENGINE.with(|c| matches!(c.borrow().as_ref(), Some(Engine::Page(_))));
    if on_page {
        let mut hosted = Hosted::open(bundle, "bundle.bin".into())
            .map_err(|e| Failed::Load(String::new(), LoadError::Bundle(e)))?;
        if let Some(pages) = pages {
            hosted
                .add(Chunk::Pages, pages)
                .map_err(|e| Failed::Load(String::new(), LoadError::Bundle(e)))?;
        }
        let info = hosted.about();
        ENGINE.with(|c| *c.borrow_mut() = Some(Engine::Page(Box::new(hosted))));
        return Ok(info);
    }
    let info = start(
        &js_sys::Uint8Array::from(bundle).into(),
        RwSignal::new(Progress::default()),
    )
    .await?;
    if let Some(pages) = pages {
        let promise = ENGINE.with(|c| match c.borrow().as_ref() {
            Some(Engine::Worker(client)) => {
                Some(client.call("add", &js_sys::Uint8Array::from(pages), &JsValue::UNDEFINED))
            }
            _ => None,
        });
        if let Some(promise) = promise {
            JsFuture::from(promise).await.map_err(failed)?;
        }
    }
    Ok(info)
}

/// Search the reader's pages, built into a one-file bundle with its pages file (if any), with
/// the open (chunked) bundle, where it is searched; `None`: the open bundle alone again.
pub async fn join(built: Option<(&[u8], Option<&[u8]>)>) -> Result<Info, Failed> {
    let promise = ENGINE.with(|c| match c.borrow_mut().as_mut() {
        Some(Engine::Worker(client)) => {
            let arg = js_sys::Object::new();
            let set = |k: &str, b: &[u8]| {
                js_sys::Reflect::set(&arg, &k.into(), &js_sys::Uint8Array::from(b))
            };
            if let Some((bundle, pages)) = built {
                let _ = set("bundle", bundle);
                if let Some(pages) = pages {
                    let _ = set("pages", pages);
                }
            }
            Ok(client.call("join", &arg, &JsValue::UNDEFINED))
        }
        Some(Engine::Page(hosted)) => {
            let boxed = |b: &[u8]| b.to_vec().into_boxed_slice();
            let info = hosted
                .join(
                    built.map(|(b, _)| boxed(b)),
                    built.and_then(|(_, p)| p).map(boxed),
                )
                .map_err(failed)?;
            Ok(js_sys::Promise::resolve(&JsValue::from(
                js_sys::Uint8Array::from(&info[..]),
            )))
        }
        None => Err(Failed::Load(
            String::new(),
            LoadError::Network("no bundle is open".into()),
        )),
    })?;
    let info = JsFuture::from(promise).await.map_err(failed)?;
    info.dyn_ref::<js_sys::Uint8Array>()
        .and_then(|b| decode(&b.to_vec()))
        .ok_or_else(|| {
            Failed::Load(
                String::new(),
                LoadError::Network("an unreadable answer".into()),
            )
        })
}

/// Open `bundle` (a URL or bytes) in a new search worker, which replaces the one before.
async fn start(bundle: &JsValue, progress: RwSignal<Progress>) -> Result<Info, Failed> {
    let open_js = field(&js_sys::global(), "shegongOpen")
        .dyn_into::<js_sys::Function>()
        .ok()
        .ok_or_else(|| {
            Failed::Load(
                String::new(),
                LoadError::Network("the page did not start shegong.js (app/boot.js)".into()),
            )
        })?;
    let options = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&options, &JsValue::from_str(k), v);
    let _ = set("glue", &JsValue::from_str(&GLUE_URL.with(String::clone)));
    let _ = set("wasm", &wasm_bindgen::module());
    let on_progress = Closure::<dyn Fn(JsValue)>::new(move |m: JsValue| {
        let get = |k: &str| field(&m, k);
        let total = get("total").as_f64().filter(|t| *t > 0.0).map(|t| t as u64);
        progress.set(Progress {
            loaded: get("loaded").as_f64().unwrap_or(0.0) as u64,
            total,
            decoding: get("decoding").is_truthy(),
        });
    });
    let _ = set("onProgress", on_progress.as_ref());
    // Progress comes for as long as the page lives.
    on_progress.forget();
    let promise: js_sys::Promise = open_js
        .call2(&JsValue::NULL, bundle, &options)
        .map_err(failed)?
        .unchecked_into();
    let client: JsClient = JsFuture::from(promise)
        .await
        .map_err(failed)?
        .unchecked_into();
    let info = client.info();
    let info = info
        .dyn_ref::<js_sys::Uint8Array>()
        .and_then(|b| decode(&b.to_vec()))
        .unwrap_or_default();
    let before = ENGINE.with(|c| c.borrow_mut().replace(Engine::Worker(client)));
    if let Some(Engine::Worker(before)) = before {
        before.close();
    }
    Ok(info)
}

/// Open the bundle embedded in the page, with its pages if they are embedded too.
pub fn open_here(embedded: &Embedded) -> Result<Info, LoadError> {
    let mut hosted =
        Hosted::open(&embedded.bundle, "bundle.bin".into()).map_err(LoadError::Bundle)?;
    if let Some(pages) = &embedded.pages {
        hosted.add(Chunk::Pages, pages).map_err(LoadError::Bundle)?;
    }
    let info = hosted.about();
    ENGINE.with(|c| *c.borrow_mut() = Some(Engine::Page(Box::new(hosted))));
    Ok(info)
}

/// Ask the engine; a search (`newest`) cancels the searches asked before it.
pub async fn ask(ask: &Ask, newest: bool) -> Result<Answer, Failed> {
    let unreadable = || {
        Failed::Load(
            String::new(),
            LoadError::Network("an unreadable answer".into()),
        )
    };
    let promise = ENGINE.with(|c| match c.borrow().as_ref() {
        Some(Engine::Worker(client)) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"newest".into(), &JsValue::from_bool(newest));
            let arg = js_sys::Uint8Array::from(encode(ask).as_slice());
            Some(Ok(client.call("ask", &arg, &options)))
        }
        // Everything an embedded bundle has is here: what it misses is its pages file.
        Some(Engine::Page(hosted)) => Some(Err(hosted
            .answer(ask.clone())
            .map_err(|Missing(_)| Failed::Load(String::new(), LoadError::PagesNotEmbedded)))),
        None => None,
    });
    match promise {
        Some(Ok(promise)) => {
            let value = JsFuture::from(promise).await.map_err(failed)?;
            value
                .dyn_ref::<js_sys::Uint8Array>()
                .and_then(|b| decode(&b.to_vec()))
                .ok_or_else(unreadable)
        }
        Some(Err(answer)) => answer,
        None => Err(Failed::Load(
            String::new(),
            LoadError::Network("no bundle is open".into()),
        )),
    }
}
