//! Offline use: register the service worker (`sw.js`, next to the page), and ask it to keep the
//! bundle this page loaded, which may come from `?bundle=` rather than the default, and its
//! pages file.

use leptos::prelude::*;
use shegong_search::pages_url;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Whether this browser and context (HTTPS or localhost) allow service workers.
fn supported() -> bool {
    js_sys::Reflect::has(&window().navigator(), &"serviceWorker".into()).unwrap_or(false)
}

/// Register the service worker and hand it the URLs of the bundle and its pages file to keep
/// for offline use.
pub async fn keep_for_offline(bundle_url: &str) {
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
    for url in [bundle_url.to_owned(), pages_url(bundle_url)] {
        if let Ok(absolute) = web_sys::Url::new_with_base(&url, &base) {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &message,
                &"cache".into(),
                &JsValue::from_str(&absolute.href()),
            );
            let _ = worker.post_message(&message);
        }
    }
}
