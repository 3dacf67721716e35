//! Offline use: register the service worker (`sw.js`, next to the page) and, once the first
//! results show, ask it to keep the page's own files that nothing kept yet (the loader kept the wasm, the
//! search worker keeps the bundle and its chunks as it fetches them) — and a one-file bundle's
//! pages file, so an original page opens offline too.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Whether this browser and context (HTTPS or localhost) allow service workers.
fn supported() -> bool {
    js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false)
}

/// The page's own files: the page, what it links, the search worker's scripts.
fn page_files() -> Vec<String> {
    let base = window().location().href().unwrap_or_default();
    let absolute = |u: &str| web_sys::Url::new_with_base(u, &base).ok().map(|u| u.href());
    let mut files: Vec<String> = ["./", "worker.js", "shegong.js"]
        .into_iter()
        .filter_map(absolute)
        .collect();
    if let Ok(linked) = document().query_selector_all("link[href], script[src]") {
        for i in 0..linked.length() {
            let Some(node) = linked.item(i) else { continue };
            let Ok(e) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node) else {
                continue;
            };
            let url = e.get_attribute("href").or_else(|| e.get_attribute("src"));
            if let Some(u) = url.as_deref().and_then(absolute) {
                if u.starts_with(&window().location().origin().unwrap_or_default()) {
                    files.push(u);
                }
            }
        }
    }
    files
}

/// Register the service worker and ask it to keep the page's files and `extra` (absolute or
/// relative URLs).
pub async fn keep_for_offline(extra: Vec<String>) {
    if !supported() {
        return;
    }
    let container = window().navigator().service_worker();
    if JsFuture::from(container.register("sw.js")).await.is_err() {
        return;
    }
    let Ok(ready) = container.ready() else {
        return;
    };
    let Ok(registration) = JsFuture::from(ready).await else {
        return;
    };
    let registration: web_sys::ServiceWorkerRegistration =
        wasm_bindgen::JsCast::unchecked_into(registration);
    let Some(worker) = registration.active() else {
        return;
    };
    let base = window().location().href().unwrap_or_default();
    let mut files = page_files();
    files.extend(
        extra
            .iter()
            .filter_map(|u| web_sys::Url::new_with_base(u, &base).ok().map(|u| u.href())),
    );
    let list: js_sys::Array = files.iter().map(|u| JsValue::from_str(u)).collect();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"keep".into(), &list);
    let _ = worker.post_message(&message);
}
