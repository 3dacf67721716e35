//! What the reader has asked for — query, filters, sort, page, open article, language — as
//! signals shared through context. Every user action that changes the result set goes through
//! the methods here, which also return to the first page.

use crate::i18n::{Lang, Texts};
use leptos::prelude::*;
use shegong_article::YearMonth;
use shegong_search::{Selection, Sort};

#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub query: RwSignal<String>,
    pub selection: RwSignal<Selection>,
    pub sort: RwSignal<Sort>,
    /// Zero-based result page.
    pub page: RwSignal<usize>,
    /// Id of the article shown in the article view.
    pub open: RwSignal<Option<String>>,
    /// Region paths opened in the region facet (their sub-regions are listed).
    pub regions_open: RwSignal<Vec<String>>,
    pub lang: RwSignal<Lang>,
}

impl AppState {
    pub fn new() -> Self {
        Self {
            query: RwSignal::new(String::new()),
            selection: RwSignal::new(Selection::default()),
            sort: RwSignal::new(Sort::Relevance),
            page: RwSignal::new(0),
            open: RwSignal::new(None),
            regions_open: RwSignal::new(Vec::new()),
            lang: RwSignal::new(Lang::remembered()),
        }
    }

    /// The UI text in the current language (tracked).
    pub fn t(&self) -> &'static Texts {
        self.lang.get().texts()
    }

    pub fn set_query(&self, q: String) {
        if self.query.get_untracked() != q {
            self.query.set(q);
            self.page.set(0);
        }
    }

    pub fn set_sort(&self, sort: Sort) {
        self.sort.set(sort);
        self.page.set(0);
    }

    /// Change the facet selection.
    pub fn select(&self, change: impl FnOnce(&mut Selection)) {
        self.selection.update(change);
        self.page.set(0);
    }

    pub fn toggle_program(&self, id: &str) {
        self.select(|s| toggle(&mut s.programs, id));
    }

    pub fn toggle_region(&self, path: &str) {
        self.select(|s| toggle(&mut s.regions, path));
    }

    /// Open or close a node of the region facet.
    pub fn toggle_region_open(&self, path: &str) {
        self.regions_open.update(|o| toggle(o, path));
    }

    /// A click on a month: one month alone, or — when one month is chosen already — the range
    /// from it to this one.
    pub fn pick_month(&self, ym: YearMonth) {
        self.select(|s| match (s.from, s.to) {
            (Some(f), Some(t)) if f == t && f != ym => {
                s.from = Some(f.min(ym));
                s.to = Some(f.max(ym));
            }
            _ => {
                s.from = Some(ym);
                s.to = Some(ym);
            }
        });
    }
}

/// Add `item` to the list, or remove it if present.
fn toggle(list: &mut Vec<String>, item: &str) {
    if let Some(i) = list.iter().position(|x| x == item) {
        list.remove(i);
    } else {
        list.push(item.to_owned());
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
