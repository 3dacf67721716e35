//! The article view: the clean text with extracted entities marked, the facts extraction found,
//! provenance, and a toggle to the original page text the article was read from.

use crate::facets::program_label;
use crate::i18n::Texts;
use crate::load::{Collection, Pages};
use crate::state::use_state;
use leptos::prelude::*;
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

/// The article view for the open article, if there is one and the bundle has it.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = use_state();
    let collection = expect_context::<Arc<Collection>>();
    move || {
        let id = state.open.get()?;
        let article = collection.engine.articles().iter().find(|a| a.id == id)?;
        Some(view! { <ArticleDialog article=article.clone() /> })
    }
}

#[component]
fn ArticleDialog(article: Article) -> impl IntoView {
    let state = use_state();
    let collection = expect_context::<Arc<Collection>>();
    let inline = collection.inline_pages.text_of(&article).map(str::to_owned);
    let show_original = RwSignal::new(false);
    let toggle_original = {
        let collection = collection.clone();
        let has_inline = inline.is_some();
        move |_| {
            show_original.update(|s| *s = !*s);
            if show_original.get_untracked() && !has_inline {
                collection.want_pages();
            }
        }
    };
    let original = {
        let collection = collection.clone();
        let article = article.clone();
        move || {
            if let Some(text) = &inline {
                return view! { <pre class="original" data-testid="original-text">{text.clone()}</pre> }.into_any();
            }
            match collection.pages.get() {
                Pages::NotLoaded | Pages::Loading => view! {
                    <p class="empty" data-testid="original-loading" role="status">{state.t().original_loading}</p>
                }
                .into_any(),
                Pages::Loaded(o) => match o.text_of(&article) {
                    Some(text) => view! { <pre class="original" data-testid="original-text">{text.to_owned()}</pre> }.into_any(),
                    None => view! { <p class="empty" data-testid="original-text">{state.t().original_missing}</p> }.into_any(),
                },
                Pages::Failed(e) => view! {
                    <p class="empty error" data-testid="original-text" role="alert">
                        {move || state.lang.get().load_error(collection.pages_url.as_deref().unwrap_or_default(), &e)}
                    </p>
                }
                .into_any(),
            }
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
        let engine = collection.clone();
        let ids = article.programs.clone();
        move || {
            let lang = state.lang.get();
            ids.iter()
                .map(|p| program_label(&engine.engine, p, lang))
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
            {move || show_original.get().then(original.clone())}
            <crate::correct::Correct article=article.clone() programs=collection.engine.programs().to_vec() />
        </article>
    }
}
