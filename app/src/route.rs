//! The state in the URL: `?q=…&region=…&program=…&from=2024-05&to=2024-09&sort=newest&page=2&article=…`
//! (plus `bundle=` when given), or the same after `#` in a single file, which may be opened
//! from `file://` where only the fragment is the page's own. Changes push a history entry, so
//! links can be shared, reload keeps the state, and back/forward step through earlier searches.

use crate::state::AppState;
use leptos::prelude::*;
use shegong_article::YearMonth;
use shegong_search::{Selection, Sort};
use web_sys::UrlSearchParams;

/// The URL form of the state.
#[derive(Debug, Clone, Default, PartialEq)]
struct Route {
    query: String,
    selection: Selection,
    sort: Sort,
    page: usize,
    article: Option<String>,
}

impl Route {
    fn of(state: &AppState) -> Self {
        Route {
            query: state.query.get(),
            selection: state.selection.get(),
            sort: state.sort.get(),
            page: state.page.get(),
            article: state.open.get(),
        }
    }

    fn parse(search: &str) -> Self {
        let Ok(p) = UrlSearchParams::new_with_str(search) else {
            return Route::default();
        };
        let all = |key: &str| -> Vec<String> {
            p.get_all(key)
                .iter()
                .filter_map(|v| v.as_string())
                .filter(|v| !v.is_empty())
                .collect()
        };
        let month = |key: &str| p.get(key).as_deref().and_then(YearMonth::parse);
        Route {
            query: p.get("q").unwrap_or_default(),
            selection: Selection {
                regions: all("region"),
                programs: all("program"),
                from: month("from"),
                to: month("to"),
            },
            sort: match p.get("sort").as_deref() {
                Some("newest") => Sort::Newest,
                _ => Sort::Relevance,
            },
            page: p
                .get("page")
                .and_then(|n| n.parse::<usize>().ok())
                .map_or(0, |n| n.saturating_sub(1)),
            article: p.get("article").filter(|a| !a.is_empty()),
        }
    }

    /// `?…` (empty when there is nothing to say); `bundle` is kept from the current URL.
    fn to_search(&self, bundle: Option<String>) -> String {
        let Ok(p) = UrlSearchParams::new() else {
            return String::new();
        };
        if let Some(b) = bundle {
            p.append("bundle", &b);
        }
        if !self.query.is_empty() {
            p.append("q", &self.query);
        }
        for r in &self.selection.regions {
            p.append("region", r);
        }
        for g in &self.selection.programs {
            p.append("program", g);
        }
        if let Some(f) = self.selection.from {
            p.append("from", &f.to_string());
        }
        if let Some(t) = self.selection.to {
            p.append("to", &t.to_string());
        }
        if self.sort == Sort::Newest {
            p.append("sort", "newest");
        }
        if self.page > 0 {
            p.append("page", &(self.page + 1).to_string());
        }
        if let Some(a) = &self.article {
            p.append("article", a);
        }
        let s: String = p.to_string().into();
        if s.is_empty() {
            s
        } else {
            format!("?{s}")
        }
    }

    fn apply(self, state: &AppState) {
        state.query.set(self.query);
        state.selection.set(self.selection);
        state.sort.set(self.sort);
        state.page.set(self.page);
        state.open.set(self.article);
    }
}

/// Where in the URL the state lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The query string: `?q=…`.
    Query,
    /// The fragment: `#q=…`.
    Fragment,
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

/// The state part of the current URL, as `?…` (empty when there is none).
fn current_state(place: Place) -> String {
    match place {
        Place::Query => current_search(),
        Place::Fragment => {
            let hash = window().location().hash().unwrap_or_default();
            match hash.strip_prefix('#') {
                Some(rest) if !rest.is_empty() => format!("?{rest}"),
                _ => String::new(),
            }
        }
    }
}

/// `?bundle=<url>` of the current page, if given.
pub fn bundle_param() -> Option<String> {
    UrlSearchParams::new_with_str(&current_search())
        .ok()?
        .get("bundle")
        .filter(|b| !b.is_empty())
}

/// Restore the state from the URL now and on back/forward, and write it back on every change.
pub fn sync_with_url(state: AppState, place: Place) {
    Route::parse(&current_state(place)).apply(&state);
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let search = match place {
            Place::Query => Route::of(&state).to_search(bundle_param()),
            Place::Fragment => Route::of(&state).to_search(None),
        };
        if search == current_state(place) {
            first.set_value(false);
            return;
        }
        let path = window().location().pathname().unwrap_or_default();
        let url = match place {
            Place::Query => format!("{path}{search}"),
            Place::Fragment => {
                let fragment = search.strip_prefix('?').unwrap_or_default();
                format!("{path}{}#{fragment}", current_search())
            }
        };
        if let Ok(history) = window().history() {
            // The first write only normalises the URL the page was opened with.
            let _ = if first.get_value() {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        first.set_value(false);
    });
    // The app lives as long as the page: the listeners are never removed.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        Route::parse(&current_state(place)).apply(&state);
    });
    if place == Place::Fragment {
        // A fragment edited by hand.
        let _ = window_event_listener(leptos::ev::hashchange, move |_| {
            Route::parse(&current_state(place)).apply(&state);
        });
    }
}
