//! The Shegong search explorer (Leptos, client-side only).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_core::query::parse;
use shegong_core::search::Hit;
use shegong_core::{Bundle, Engine, Request};
use std::sync::Arc;

/// Where the bundle comes from: `?bundle=<url>`, else `bundle.bin` next to the page.
fn bundle_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| {
            s.trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("bundle=").map(str::to_owned))
        })
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "bundle.bin".to_owned())
}

#[derive(Clone)]
enum Load {
    Loading,
    Ready(Arc<Engine>),
    Failed(String),
}

async fn fetch_engine(url: &str) -> Result<Engine, String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("无法下载数据包 {url}：{e}"))?;
    if !resp.ok() {
        return Err(format!("无法下载数据包 {url}：HTTP {}", resp.status()));
    }
    let bytes = resp
        .binary()
        .await
        .map_err(|e| format!("无法读取数据包 {url}：{e}"))?;
    Bundle::decode(&bytes)
        .map(Bundle::into_engine)
        .map_err(|e| format!("数据包 {url} 无法使用：{e}"))
}

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let load = RwSignal::new(Load::Loading);
    spawn_local(async move {
        let url = bundle_url();
        load.set(match fetch_engine(&url).await {
            Ok(engine) => Load::Ready(Arc::new(engine)),
            Err(e) => Load::Failed(e),
        });
    });
    let query = RwSignal::new(String::new());
    view! {
        <header class="top">
            <h1>"社工新闻检索"</h1>
            <p class="sub">"Shegong · 离线搜索社会工作新闻"</p>
            <input
                type="search"
                class="search"
                data-testid="search-input"
                aria-label="搜索文章"
                placeholder="搜索：社工站、培训、闵行区……"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </header>
        <main>
            {move || match load.get() {
                Load::Loading => view! { <p class="status">"正在加载数据包……"</p> }.into_any(),
                Load::Failed(msg) => view! {
                    <div class="error" data-testid="error-screen" role="alert">
                        <h2>"无法加载文章数据"</h2>
                        <p>{msg}</p>
                        <p>"请确认 bundle.bin 与页面在同一目录，或用 ?bundle=<网址> 指定数据包；可用 shegong build 重新生成。"</p>
                    </div>
                }.into_any(),
                Load::Ready(engine) => view! { <Results engine=engine query=query /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Results(engine: Arc<Engine>, query: RwSignal<String>) -> impl IntoView {
    let results = Memo::new(move |_| {
        let q = parse(&query.get());
        engine.search(&Request {
            query: &q,
            offset: 0,
            limit: 50,
        })
    });
    view! {
        <p class="count" data-testid="result-count">
            {move || format!("共 {} 篇", results.get().total)}
        </p>
        <ol class="results" data-testid="result-list">
            <For
                each=move || results.get().hits
                key=|h| (h.doc, h.score.to_bits())
                children=move |h: Hit| view! { <ResultItem hit=h /> }
            />
        </ol>
    }
}

#[component]
fn ResultItem(hit: Hit) -> impl IntoView {
    let snippet = hit
        .snippet
        .into_iter()
        .map(|s| {
            if s.highlight {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                view! { <span>{s.text}</span> }.into_any()
            }
        })
        .collect_view();
    view! {
        <li class="result" data-testid="result-item" data-article-id=hit.id.clone()>
            <h3>{hit.title}</h3>
            <p class="snippet">{snippet}</p>
        </li>
    }
}
