//! The search box: searches as you type (debounced), never while an input method is composing;
//! `/` anywhere focuses it, arrow keys move between it and the results, Escape closes an open
//! article.

use crate::state::use_state;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Delay between the last keystroke and the search.
const DEBOUNCE: Duration = Duration::from_millis(120);

#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_state();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let composing = RwSignal::new(false);
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let schedule = move |value: String| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                state.set_query(value);
            },
            DEBOUNCE,
        )
        .ok();
        pending.set_value(handle);
    };
    // A query set from outside (the URL, back/forward) shows in the box, unless the reader is
    // typing.
    Effect::new(move |_| {
        let q = state.query.get();
        if pending.get_value().is_some() || composing.get_untracked() {
            return;
        }
        if let Some(i) = input.get() {
            if i.value() != q {
                i.set_value(&q);
            }
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| on_key(&ev, input, state));
    on_cleanup(move || keys.remove());
    view! {
        <input
            node_ref=input
            type="search"
            class="search"
            data-testid="search-input"
            aria-label=move || state.t().search_label
            placeholder=move || state.t().search_placeholder
            on:compositionstart=move |_| composing.set(true)
            on:compositionend=move |ev| {
                composing.set(false);
                schedule(event_target_value(&ev));
            }
            on:input=move |ev| {
                if !composing.get_untracked() {
                    schedule(event_target_value(&ev));
                }
            }
        />
    }
}

fn focus(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Page-wide keys: `/` focuses the box, arrows move through the results, Escape closes the
/// article view.
fn on_key(
    ev: &web_sys::KeyboardEvent,
    input: NodeRef<leptos::html::Input>,
    state: crate::state::AppState,
) {
    let active = document().active_element();
    let typing = active
        .as_ref()
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    let focus_box = || {
        if let Some(i) = input.get() {
            let _ = i.focus();
        }
    };
    match ev.key().as_str() {
        "/" if !typing => {
            ev.prevent_default();
            focus_box();
        }
        "Escape" if state.open.get_untracked().is_some() => state.open.set(None),
        key @ ("ArrowDown" | "ArrowUp") => {
            let in_box = active
                .as_ref()
                .is_some_and(|e| e.get_attribute("data-testid").as_deref() == Some("search-input"));
            let Ok(links) = document().query_selector_all("[data-testid=result-item] h3 button")
            else {
                return;
            };
            let current = (0..links.length()).find(|&i| {
                links
                    .get(i)
                    .zip(active.as_ref())
                    .is_some_and(|(n, a)| n.is_same_node(Some(a)))
            });
            let next = match (key, current) {
                ("ArrowDown", None) if in_box => Some(0),
                ("ArrowDown", Some(i)) if i + 1 < links.length() => Some(i + 1),
                ("ArrowUp", Some(0)) => {
                    ev.prevent_default();
                    focus_box();
                    None
                }
                ("ArrowUp", Some(i)) => Some(i - 1),
                _ => None,
            };
            if let Some(n) = next.and_then(|i| links.get(i)) {
                ev.prevent_default();
                if let Some(el) = n.dyn_ref::<web_sys::Element>() {
                    focus(el);
                }
            }
        }
        _ => {}
    }
}
