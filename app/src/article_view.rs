//! The article view: the clean text with extracted entities marked, the facts extraction found,
//! provenance, and a toggle to the original page text the article was read from. The article
//! and its page come from the search worker (which fetches the chunk or pages file that holds
//! them the first time).

use crate::client::{self, Failed};
use crate::facets::program_label;
use crate::i18n::Texts;
use crate::load::Collection;
use crate::protocol::{Answer, Ask, LoadError};
use crate::state::use_state;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_article::Article;
use shegong_search::highlight;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entity {
    Person,
    Org,
    Number,
    Date,
    Place,
}

impl Entity {
    fn class(self) -> &'static str {
        match self {
            Entity::Person => "ent ent-person",
            Entity::Org => "ent ent-org",
            Entity::Number => "ent ent-number",
            Entity::Date => "ent ent-date",
            Entity::Place => "ent ent-place",
        }
    }

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Entity::Person => t.person,
            Entity::Org => t.org,
            Entity::Number => t.number,
            Entity::Date => t.date,
            Entity::Place => t.place,
        }
    }
}

/// The entities of an article: what the article view marks.
fn entities(article: &Article) -> Vec<(String, Entity)> {
    let people = article
        .people
        .iter()
        .map(|p| (p.name.clone(), Entity::Person));
    let orgs = article
        .organizations
        .iter()
        .map(|o| (o.clone(), Entity::Org));
    let numbers = article
        .numbers
        .iter()
        .map(|n| (n.text.clone(), Entity::Number));
    let dates = article.dates.iter().map(|d| (d.text.clone(), Entity::Date));
    let places = article
        .region_path()
        .into_iter()
        .map(|r| (r, Entity::Place));
    people
        .chain(orgs)
        .chain(numbers)
        .chain(dates)
        .chain(places)
        .collect()
}

/// One line of the facts list, left out when there is nothing to say.
fn fact(label: fn(&Texts) -> &'static str, value: String) -> impl IntoView {
    let state = use_state();
    (!value.is_empty()).then(|| view! { <dt>{move || label(state.t())}</dt><dd>{value}</dd> })
}

/// What the worker answered for a request the view made: nothing yet, the value, or which
/// file failed and why.
#[derive(Debug, Clone, PartialEq)]
enum Fetched<T> {
    Waiting,
    Got(T),
    Failed(String, LoadError),
}

/// Ask the worker and put its answer into `into` (a later request of the same view replaces it).
fn fetch<T: Send + Sync + 'static>(
    ask: Ask,
    into: RwSignal<Fetched<T>>,
    take: fn(Answer) -> Option<T>,
) {
    into.set(Fetched::Waiting);
    spawn_local(async move {
        match client::ask(&ask, false).await {
            Ok(a) => {
                if let Some(t) = take(a) {
                    into.set(Fetched::Got(t));
                }
            }
            Err(Failed::Load(url, e)) => into.set(Fetched::Failed(url, e)),
            Err(Failed::Cancelled) => {}
        }
    });
}

/// The article view for the open article, if there is one and the bundle has it.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = use_state();
    let article: RwSignal<Fetched<Option<Article>>> = RwSignal::new(Fetched::Waiting);
    Effect::new(move |_| {
        if let Some(id) = state.open.get() {
            fetch(Ask::Article(id), article, |a| match a {
                Answer::Article(a) => Some(a.map(|a| *a)),
                _ => None,
            });
        }
    });
    move || {
        state.open.get()?;
        match article.get() {
            Fetched::Got(Some(a)) => Some(view! { <ArticleDialog article=a /> }.into_any()),
            Fetched::Failed(url, e) => Some(
                view! {
                    <div class="overlay" on:click=move |_| state.open.set(None)></div>
                    <article class="article-view" data-testid="article-view" role="dialog" aria-modal="true">
                        <button class="close" aria-label=move || state.t().close on:click=move |_| state.open.set(None)>"×"</button>
                        <p class="empty error" role="alert">{move || state.lang.get().load_error(&url, &e)}</p>
                    </article>
                }
                .into_any(),
            ),
            Fetched::Got(None) | Fetched::Waiting => None,
        }
    }
}

#[component]
fn ArticleDialog(article: Article) -> impl IntoView {
    let state = use_state();
    let collection = expect_context::<Arc<Collection>>();
    let labels = collection.info.programs.clone();
    let show_original = RwSignal::new(false);
    let page: RwSignal<Fetched<Option<String>>> = RwSignal::new(Fetched::Waiting);
    let toggle_original = {
        let id = article.id.clone();
        move |_| {
            show_original.update(|s| *s = !*s);
            if show_original.get_untracked() && !matches!(page.get_untracked(), Fetched::Got(_)) {
                fetch(Ask::Original(id.clone()), page, |a| match a {
                    Answer::Original(p) => Some(p),
                    _ => None,
                });
            }
        }
    };
    let original = move || {
        match page.get() {
        Fetched::Waiting => view! {
            <p class="empty" data-testid="original-loading" role="status">{state.t().original_loading}</p>
        }
        .into_any(),
        Fetched::Got(Some(text)) => view! { <pre class="original" data-testid="original-text">{text}</pre> }.into_any(),
        Fetched::Got(None) => view! { <p class="empty" data-testid="original-text">{state.t().original_missing}</p> }.into_any(),
        Fetched::Failed(url, e) => view! {
            <p class="empty error" data-testid="original-text" role="alert">
                {move || state.lang.get().load_error(&url, &e)}
            </p>
        }
        .into_any(),
    }
    };
    let close_button: NodeRef<leptos::html::Button> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(b) = close_button.get() {
            let _ = b.focus();
        }
    });
    let marks = entities(&article);
    let marks: Vec<(&str, Entity)> = marks.iter().map(|(s, k)| (s.as_str(), *k)).collect();
    let paragraphs = article
        .text
        .split('\n')
        .map(|p| {
            let pieces = highlight(p, &marks)
                .into_iter()
                .map(|(text, k)| match k {
                    Some(k) => view! {
                        <mark class=k.class() title=move || k.label(state.t())>{text}</mark>
                    }
                    .into_any(),
                    None => view! { <span>{text}</span> }.into_any(),
                })
                .collect_view();
            view! { <p>{pieces}</p> }
        })
        .collect_view();
    let people = article
        .people
        .iter()
        .map(|p| match &p.role {
            Some(r) => format!("{r} {}", p.name),
            None => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("、");
    let has_programs = !article.programs.is_empty();
    let programs = {
        let ids = article.programs.clone();
        move || {
            let lang = state.lang.get();
            ids.iter()
                .map(|p| program_label(&collection.info.programs, p, lang))
                .collect::<Vec<_>>()
                .join("、")
        }
    };
    let region = article.region_path().join(" › ");
    let date = article
        .date
        .as_ref()
        .map(|d| d.text.clone())
        .unwrap_or_default();
    let source = [article.source.clone(), article.byline.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let span = article.span;
    let file = article.file.clone();
    let title = article.display_title();
    let label = title.clone();
    let close = move |_| state.open.set(None);
    view! {
        <div class="overlay" on:click=close></div>
        <article class="article-view" data-testid="article-view" role="dialog" aria-modal="true" aria-label=label>
            <button class="close" node_ref=close_button aria-label=move || state.t().close on:click=close>"×"</button>
            <h2>{title}<crate::add_pages::YoursMark id=article.id.clone() /></h2>
            <dl class="facts">
                {fact(|t| t.region, region)}
                {has_programs.then(|| view! { <dt>{move || state.t().program}</dt><dd>{programs}</dd> })}
                {fact(|t| t.date, date)}
                {fact(|t| t.people, people)}
                {fact(|t| t.source, source)}
                <dt>{move || state.t().file}</dt>
                <dd class="file">{file}{move || state.lang.get().bytes_span(span.start, span.end)}</dd>
            </dl>
            <button class="original-toggle" data-testid="original-toggle"
                aria-pressed=move || show_original.get().to_string()
                on:click=toggle_original>
                {move || if show_original.get() { state.t().show_clean } else { state.t().show_original }}
            </button>
            <div class="body" class:hidden=move || show_original.get()>{paragraphs}</div>
            {move || show_original.get().then(original)}
            <crate::correct::Correct article=article.clone() programs=labels />
        </article>
    }
}
