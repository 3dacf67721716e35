//! The Shegong search explorer (Leptos, client-side only).
//!
//! `state` holds what the reader asked for and `route` mirrors it in the URL; `load` opens
//! the bundle in the search worker, or `embedded` hands over the one a single file carries,
//! searched on the page (`client` talks to either, `hosted` is this module's engine, `protocol`
//! what they say); the views are `search_box`, `facets`, `results` and `article_view`; `export`
//! writes files, `offline` keeps the page for offline use, `i18n` holds every UI text, `js`
//! reads the plain objects the JavaScript hooks answer with.
//! `add_pages` adds the reader's own pages to the collection shown (opened through `client`
//! like the loaded one), `correct` corrects them.

mod add_pages;
mod article_view;
mod client;
mod correct;
mod embedded;
mod export;
mod facets;
mod hosted;
mod i18n;
mod js;
mod load;
mod offline;
mod protocol;
mod results;
mod route;
mod search_box;
mod state;

use crate::article_view::ArticleView;
use crate::client::Failed;
use crate::facets::Facets;
use crate::load::{Collection, Progress};
use crate::protocol::{Answer, Ask, LoadError};
use crate::results::{ResultsPane, PAGE};
use crate::search_box::SearchBox;
use crate::state::{use_state, AppState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_article::Article;
use shegong_search::{Chunk, Results};
use std::sync::Arc;

fn main() {
    // In the search worker this module only serves the engine (see `hosted`).
    if web_sys::window().is_none() {
        return;
    }
    console_error_panic_hook::set_once();
    // What the page shows until the app starts (and, opened from file://, says what to do).
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    mount_to_body(App);
}

#[derive(Clone)]
enum Load {
    Loading,
    Ready(Arc<Collection>),
    /// Which file failed, and why.
    Failed(String, LoadError),
}

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let embedded = embedded::embedded();
    let place = match embedded {
        Some(_) => route::Place::Fragment,
        None => route::Place::Query,
    };
    route::sync_with_url(state, place);
    Effect::new(move |_| state.lang.get().apply());
    let bundle = route::bundle_param().unwrap_or_else(|| "bundle.bin".to_owned());
    let load = RwSignal::new(Load::Loading);
    let progress = RwSignal::new(Progress::default());
    // The page's files are kept for offline use once the first answer shows, so the service
    // worker's downloads never compete with the first search's chunks.
    let answered = RwSignal::new(false);
    let keep: RwSignal<Option<Vec<String>>> = RwSignal::new(None);
    Effect::new(move |kept: Option<bool>| {
        if kept == Some(true) {
            return true;
        }
        match (answered.get(), keep.get()) {
            (true, Some(extra)) => {
                spawn_local(offline::keep_for_offline(extra));
                true
            }
            _ => false,
        }
    });
    if let Some(e) = embedded {
        load.set(match load::from_embedded(e) {
            Ok(c) => Load::Ready(Arc::new(c)),
            Err(e) => Load::Failed(bundle.clone(), e),
        });
    } else {
        let bundle = bundle.clone();
        spawn_local(async move {
            match load::load(&bundle, progress).await {
                Ok(c) => {
                    // A one-file bundle's pages file too, so original pages open offline.
                    let pages = (!c.info.chunked).then(|| Chunk::Pages.url(&bundle));
                    load.set(Load::Ready(Arc::new(c)));
                    keep.set(Some(pages.into_iter().collect()));
                }
                Err((url, e)) => load.set(Load::Failed(url, e)),
            }
        });
    }
    view! {
        <header class="top">
            <div class="title-row">
                <h1>{move || state.t().title}</h1>
                <button class="lang" data-testid="lang-toggle"
                    aria-label=move || state.t().lang_toggle_label
                    on:click=move |_| state.lang.update(|l| *l = l.other())>
                    {move || state.t().lang_toggle}
                </button>
            </div>
            <p class="sub">{move || state.t().subtitle}</p>
            <SearchBox />
        </header>
        <main>
            {move || match load.get() {
                Load::Loading => view! { <Loading progress=progress /> }.into_any(),
                Load::Failed(url, e) => view! { <ErrorScreen url=url error=e /> }.into_any(),
                Load::Ready(c) => {
                    // The reader's own pages join the loaded collection (add_pages).
                    let yours = add_pages::Yours::provide(c);
                    view! {
                        <add_pages::AddPages />
                        {move || view! { <Explorer collection=yours.shown.get() answered=answered /> }}
                    }
                    .into_any()
                }
            }}
        </main>
    }
}

#[component]
fn Loading(progress: RwSignal<Progress>) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="status" data-testid="load-progress" role="status">
            <p>{move || if progress.get().decoding { state.t().decoding } else { state.t().loading }}</p>
            <progress
                aria-label=move || state.t().loading
                max=move || progress.get().total.unwrap_or(0).to_string()
                value=move || progress.get().total.map(|_| progress.get().loaded.to_string())
            ></progress>
            <p class="bytes">{move || {
                let p = progress.get();
                state.lang.get().downloaded(p.loaded, p.total)
            }}</p>
        </div>
    }
}

#[component]
fn ErrorScreen(url: String, error: LoadError) -> impl IntoView {
    let state = use_state();
    view! {
        <div class="error" data-testid="error-screen" role="alert">
            <h2>{move || state.t().error_title}</h2>
            <p class="what">{move || state.lang.get().load_error(&url, &error)}</p>
            <p>{move || state.t().error_hint}</p>
            <button on:click=move |_| { let _ = window().location().reload(); }>{move || state.t().retry}</button>
        </div>
    }
}

/// One search's results, the articles of its hits, and how long it took.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Searched {
    pub results: Results,
    /// The article of each hit, in hit order.
    pub articles: Vec<Article>,
    pub took_ms: f64,
}

/// The loaded collection's views. The collection is provided here, once, to every view below.
/// Every change of what the reader asks for sends a search to the worker (a newer one cancels
/// an older one); the views show the latest answer. `answered` turns true with the first
/// answer (or failure).
#[component]
fn Explorer(collection: Arc<Collection>, answered: RwSignal<bool>) -> impl IntoView {
    provide_context(collection);
    let state = use_state();
    let answer: RwSignal<Option<Searched>> = RwSignal::new(None);
    let failure: RwSignal<Option<(String, LoadError)>> = RwSignal::new(None);
    Effect::new(move |_| {
        let ask = Ask::Search {
            query: state.query.get(),
            selection: state.selection.get(),
            sort: state.sort.get(),
            offset: state.page.get() * PAGE,
            limit: PAGE,
            open: state.regions_open.get(),
        };
        let started = now_ms();
        spawn_local(async move {
            let got = client::ask(&ask, true).await;
            if !matches!(got, Err(Failed::Cancelled)) && !answered.get_untracked() {
                answered.set(true);
            }
            match got {
                Ok(Answer::Searched(results, articles)) => {
                    failure.set(None);
                    answer.set(Some(Searched {
                        results,
                        articles,
                        took_ms: now_ms() - started,
                    }));
                }
                Ok(_) | Err(Failed::Cancelled) => {}
                Err(Failed::Load(url, e)) => failure.set(Some((url, e))),
            }
        });
    });
    let searched = Memo::new(move |_| answer.get().unwrap_or_default());
    let facets = Memo::new(move |_| searched.with(|s| s.results.facets.clone()));
    view! {
        {move || failure.get().map(|(url, e)| view! {
            <p class="warnings error" data-testid="search-error" role="alert">
                {move || format!("{}{}", state.t().search_failed, state.lang.get().load_error(&url, &e))}
            </p>
        })}
        <Show
            when=move || answer.with(Option::is_some)
            fallback=move || view! { <p class="status" role="status">{move || state.t().searching}</p> }
        >
            <QueryWarnings searched=searched />
            <div class="layout">
                <Facets facets=facets />
                <ResultsPane searched=searched />
            </div>
        </Show>
        <ArticleView />
    }
}

/// What the query parser could not take as written, in the reader's language.
#[component]
fn QueryWarnings(searched: Memo<Searched>) -> impl IntoView {
    let state = use_state();
    move || {
        let warnings = searched.with(|s| s.results.warnings.clone());
        (!warnings.is_empty()).then(|| {
            let lang = state.lang.get();
            view! {
                <ul class="warnings" data-testid="query-warning" role="status">
                    {warnings.into_iter().map(|w| view! { <li>{lang.pick(w.zh, w.en)}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

/// Milliseconds from the page's performance clock.
fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
