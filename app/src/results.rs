//! The result column: count and time taken, sort, export, the hits with highlighted snippets,
//! pages, and the no-results state.

use crate::client;
use crate::export::{download, Format};
use crate::facets::program_label;
use crate::load::Collection;
use crate::protocol::{Answer, Ask};
use crate::state::use_state;
use crate::Searched;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_article::Article;
use shegong_search::Hit;
use shegong_search::Sort;
use std::sync::Arc;

/// Results per page.
pub const PAGE: usize = 10;

#[component]
pub fn ResultsPane(searched: Memo<Searched>) -> impl IntoView {
    let state = use_state();
    let export = move |format: Format| {
        // Every matching article, not only the page shown (the worker fetches what it needs).
        let ask = Ask::All {
            query: state.query.get_untracked(),
            selection: state.selection.get_untracked(),
            sort: state.sort.get_untracked(),
        };
        spawn_local(async move {
            if let Ok(Answer::Articles(articles)) = client::ask(&ask, false).await {
                download(format, &articles.iter().collect::<Vec<_>>());
            }
        });
    };
    view! {
        <section class="hits" aria-label=move || state.t().results>
            <div class="toolbar">
                <p class="count" data-testid="result-count" role="status">
                    {move || state.lang.get().count(searched.with(|s| s.results.total))}
                    <span class="took">{move || state.lang.get().took(searched.with(|s| s.took_ms))}</span>
                </p>
                <label class="sort">{move || state.t().sort}" "
                    <select data-testid="sort-select"
                        prop:value=move || if state.sort.get() == Sort::Newest { "newest" } else { "relevance" }
                        on:change=move |ev| state.set_sort(if event_target_value(&ev) == "newest" { Sort::Newest } else { Sort::Relevance })>
                        <option value="relevance">{move || state.t().relevance}</option>
                        <option value="newest">{move || state.t().newest}</option>
                    </select>
                </label>
                <button class="export" data-testid="export-csv" on:click=move |_| export(Format::Csv)>{move || state.t().export_csv}</button>
                <button class="export" data-testid="export-json" on:click=move |_| export(Format::Json)>{move || state.t().export_json}</button>
            </div>
            <ol class="results" data-testid="result-list" start=move || state.page.get() * PAGE + 1>
                <For
                    each=move || searched.with(|s| s.results.hits.iter().cloned().zip(s.articles.iter().cloned()).collect::<Vec<_>>())
                    key=|(h, _)| (h.doc, h.score.to_bits())
                    children=move |(h, a): (Hit, Article)| view! { <ResultItem hit=h article=a /> }
                />
            </ol>
            <Pager searched=searched />
            {move || (searched.with(|s| s.results.total) == 0).then(|| {
                let filtered = !state.selection.get().is_empty();
                view! {
                    <div class="empty">
                        <p>{state.t().no_results}</p>
                        {filtered.then(|| view! {
                            <button class="clear" on:click=move |_| state.select(|s| *s = Default::default())>
                                {state.t().remove_filters}
                            </button>
                        })}
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn Pager(searched: Memo<Searched>) -> impl IntoView {
    let state = use_state();
    let pages = move || searched.with(|s| s.results.total).div_ceil(PAGE);
    let go = move |page: usize| {
        state.page.set(page);
        if let Some(list) = document().query_selector(".hits").ok().flatten() {
            list.scroll_into_view();
        }
    };
    move || {
        (pages() > 1).then(|| {
            let page = state.page.get();
            let last = pages() - 1;
            view! {
                <nav class="pager" data-testid="pager" aria-label=state.t().pages>
                    <button disabled={page == 0} on:click=move |_| go(page - 1)>{state.t().previous}</button>
                    <span aria-current="page">{state.lang.get().page_of(page + 1, last + 1)}</span>
                    <button disabled={page >= last} on:click=move |_| go(page + 1)>{state.t().next}</button>
                </nav>
            }
        })
    }
}

/// How the article's date reads in a result.
fn date_text(article: &Article) -> Option<String> {
    article
        .date
        .as_ref()
        .map(|d| match (d.year, d.month, d.day) {
            (Some(y), Some(m), Some(day)) => format!("{y}年{m}月{day}日"),
            (Some(y), Some(m), None) => format!("{y}年{m}月"),
            (None, Some(m), Some(day)) => format!("{m}月{day}日"),
            (Some(y), None, _) => format!("{y}年"),
            _ => d.text.clone(),
        })
}

#[component]
fn ResultItem(hit: Hit, article: Article) -> impl IntoView {
    let state = use_state();
    let collection = expect_context::<Arc<Collection>>();
    let article = &article;
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
    let mut region = article.region_path();
    region.dedup();
    let region = (!region.is_empty()).then(|| region.join(" › "));
    let date = date_text(article);
    let programs = article.programs.clone();
    let id = hit.id.clone();
    view! {
        <li class="result" data-testid="result-item" data-article-id=hit.id>
            <h3><button class="open" on:click=move |_| state.open.set(Some(id.clone()))>{hit.title}</button>
                <crate::add_pages::YoursMark id=hit.id.clone() /></h3>
            <p class="meta">
                {region.map(|r| view! { <span class="place">{r}</span> })}
                {date.map(|d| view! { <span class="date">{d}</span> })}
                {move || {
                    let lang = state.lang.get();
                    programs.iter().map(|p| view! {
                        <span class="program">{program_label(&collection.info.programs, p, lang)}</span>
                    }).collect_view()
                }}
            </p>
            <p class="snippet">{snippet}</p>
        </li>
    }
}
