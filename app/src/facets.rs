//! The filter column: selected filters as chips, program types, the region tree and the
//! month histogram with range selection. Counts come from the search (disjunctive: a facet's
//! counts ignore its own selection).

use crate::i18n::Lang;
use crate::load::Collection;
use crate::state::use_state;
use leptos::prelude::*;
use shegong_article::ProgramLabel;
use shegong_article::YearMonth;
use shegong_search::Facets as Counts;
use shegong_search::RegionCount;
use std::sync::Arc;

/// The label of a program id in the given language (the id itself if the bundle has none).
pub fn program_label(labels: &[ProgramLabel], id: &str, lang: Lang) -> String {
    labels.iter().find(|p| p.id == id).map_or_else(
        || id.to_owned(),
        |p| match lang {
            Lang::Zh => p.zh.clone(),
            Lang::En => p.en.clone(),
        },
    )
}

/// The "unknown" bucket of a facet: shown, not hidden, when it holds any articles.
fn unknown_row(label: &'static str, n: usize) -> impl IntoView {
    (n > 0).then(|| {
        view! {
            <p class="option unknown"><span>{label}</span><span class="n">{n}</span></p>
        }
    })
}

#[component]
pub fn Facets(facets: Memo<Counts>) -> impl IntoView {
    let state = use_state();
    // On narrow screens the filters fold away behind a button so results come first.
    let shown = RwSignal::new(false);
    view! {
        <aside class="facets" class:shown=shown aria-label=move || state.t().filters>
            <button class="filters-toggle" data-testid="filters-toggle"
                aria-expanded=move || shown.get().to_string()
                on:click=move |_| shown.update(|s| *s = !*s)>
                {move || state.t().filters}
                {move || {
                    let n = state.selection.get();
                    let n = n.regions.len() + n.programs.len() + usize::from(n.from.is_some());
                    (n > 0).then(|| format!("（{n}）"))
                }}
                {move || if shown.get() { " ▴" } else { " ▾" }}
            </button>
            <SelectedChips />
            <ProgramFacet facets=facets />
            <RegionFacet facets=facets />
            <DateFacet facets=facets />
        </aside>
    }
}

#[component]
fn SelectedChips() -> impl IntoView {
    let state = use_state();
    let collection = expect_context::<Arc<Collection>>();
    move || {
        let sel = state.selection.get();
        if sel.is_empty() {
            return None;
        }
        let lang = state.lang.get();
        let t = lang.texts();
        let mut chips: Vec<(String, Box<dyn Fn() + Send + Sync>)> = Vec::new();
        for r in sel.regions {
            let label = r.rsplit('/').next().unwrap_or(&r).to_owned();
            chips.push((label, Box::new(move || state.toggle_region(&r))));
        }
        for p in sel.programs {
            let label = program_label(&collection.info.programs, &p, lang);
            chips.push((label, Box::new(move || state.toggle_program(&p))));
        }
        if let Some(f) = sel.from {
            let to = sel.to.unwrap_or(f);
            let label = if to == f {
                f.to_string()
            } else {
                format!("{f} – {to}")
            };
            chips.push((
                label,
                Box::new(move || {
                    state.select(|s| {
                        s.from = None;
                        s.to = None;
                    })
                }),
            ));
        }
        Some(view! {
            <div class="chips">
                {chips.into_iter().map(|(label, remove)| view! {
                    <button class="chip" data-testid="filter-chip" title=t.remove_filter
                        aria-label=format!("{}：{label}", t.remove_filter)
                        on:click=move |_| remove()>{label.clone()}" ×"</button>
                }).collect_view()}
                <button class="clear" on:click=move |_| state.select(|s| *s = Default::default())>
                    {t.clear_all}
                </button>
            </div>
        })
    }
}

#[component]
fn ProgramFacet(facets: Memo<Counts>) -> impl IntoView {
    let state = use_state();
    let collection = expect_context::<Arc<Collection>>();
    view! {
        <fieldset class="facet" data-testid="facet-program">
            <legend>{move || state.t().programs}</legend>
            {move || {
                let (programs, unknown) = facets.with(|f| (f.programs.clone(), f.program_unknown));
                let lang = state.lang.get();
                let options = programs
                    .into_iter()
                    .map(|(id, n)| {
                        let label = program_label(&collection.info.programs, &id, lang);
                        let checked_id = id.clone();
                        view! {
                            <label class="option">
                                <input
                                    type="checkbox"
                                    prop:checked=move || state.selection.get().programs.contains(&checked_id)
                                    on:change=move |_| state.toggle_program(&id)
                                />
                                <span>{label}</span>
                                <span class="n">{n}</span>
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    {options}
                    {unknown_row(lang.texts().unclassified, unknown)}
                }
            }}
        </fieldset>
    }
}

/// One level of the region tree; nodes with children can be expanded. Which nodes are open
/// lives in the state (their paths), outside the tree, so it survives new results; the search
/// lists the sub-regions of open nodes below the cities.
fn region_nodes(nodes: Vec<RegionCount>, lang: Lang) -> AnyView {
    let state = use_state();
    nodes
        .into_iter()
        .map(|node| {
            let path = node.path.clone();
            let selected_path = node.path.clone();
            // A municipality (上海市) is its own only city: its districts are shown under it,
            // not under a second 上海市; opening it opens that city.
            let (opens, children, hidden) = match &node.children[..] {
                [only] if only.name == node.name && node.hidden == 0 => {
                    let only = node.children.into_iter().next().expect("one child");
                    (only.path, only.children, only.hidden)
                }
                _ => (node.path.clone(), node.children, node.hidden),
            };
            let has_children = !children.is_empty() || hidden > 0;
            let is_open = {
                let opens = opens.clone();
                move || state.regions_open.with(|o| o.contains(&opens))
            };
            let toggle = move |_| state.toggle_region_open(&opens);
            let is_open_label = is_open.clone();
            let is_open_arrow = is_open.clone();
            view! {
                <li>
                    {has_children.then(|| view! {
                        <button class="toggle" aria-label=format!("{} {}", lang.texts().expand, node.name)
                            aria-expanded=move || is_open_label().to_string()
                            on:click=toggle>
                            {move || if is_open_arrow() { "▾" } else { "▸" }}
                        </button>
                    })}
                    <button
                        class="region"
                        class:selected=move || state.selection.get().regions.contains(&selected_path)
                        aria-pressed=move || state.selection.get().regions.contains(&path).to_string()
                        on:click={
                            let path = node.path.clone();
                            move |_| state.toggle_region(&path)
                        }
                    >
                        {node.name}
                    </button>
                    <span class="n">{node.count}</span>
                    {move || (is_open() && has_children).then(|| view! {
                        <ul>{region_nodes(children.clone(), lang)}</ul>
                    })}
                </li>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn RegionFacet(facets: Memo<Counts>) -> impl IntoView {
    let state = use_state();
    view! {
        <fieldset class="facet" data-testid="facet-region">
            <legend>{move || state.t().regions}</legend>
            {move || {
                let (regions, unknown) = facets.with(|f| (f.regions.clone(), f.region_unknown));
                let lang = state.lang.get();
                view! {
                    <ul class="tree">{region_nodes(regions, lang)}</ul>
                    {unknown_row(lang.texts().unknown_region, unknown)}
                }
            }}
        </fieldset>
    }
}

/// A month input bound to one end of the date range.
#[component]
fn MonthInput(label: fn(&crate::i18n::Texts) -> &'static str, end: End) -> impl IntoView {
    let state = use_state();
    let value = move || {
        let s = state.selection.get();
        match end {
            End::From => s.from,
            End::To => s.to,
        }
        .map(|m| m.to_string())
        .unwrap_or_default()
    };
    view! {
        <label class="month">
            <span>{move || label(state.t())}</span>
            <input type="month" prop:value=value
                on:change=move |ev| {
                    let ym = YearMonth::parse(&event_target_value(&ev));
                    state.select(|s| match end {
                        End::From => s.from = ym,
                        End::To => s.to = ym,
                    });
                } />
        </label>
    }
}

#[derive(Debug, Clone, Copy)]
enum End {
    From,
    To,
}

#[component]
fn DateFacet(facets: Memo<Counts>) -> impl IntoView {
    let state = use_state();
    view! {
        <fieldset class="facet" data-testid="facet-date">
            <legend>{move || state.t().dates}</legend>
            {move || {
                let (months, years, unknown) =
                    facets.with(|f| (f.months.clone(), f.years.clone(), f.date_unknown));
                let lang = state.lang.get();
                let t = lang.texts();
                let max = months.iter().map(|(_, n)| *n).max().unwrap_or(1);
                let bars = months
                    .into_iter()
                    .filter_map(|(label, n)| Some((YearMonth::parse(&label)?, label, n)))
                    .map(|(ym, label, n)| {
                        let width = format!("width:{}%", 100 * n / max);
                        let inside = move || {
                            let s = state.selection.get();
                            s.from.is_some_and(|f| f <= ym) && s.to.is_some_and(|t| ym <= t)
                        };
                        view! {
                            <button class="bar" title=t.month_title class:selected=inside
                                aria-pressed=move || inside().to_string()
                                on:click=move |_| state.pick_month(ym)>
                                <span class="label">{label}</span>
                                <span class="fill" style=width></span>
                                <span class="n">{n}</span>
                            </button>
                        }
                    })
                    .collect_view();
                view! {
                    {bars}
                    {years.into_iter().map(|(y, n)| view! {
                        <p class="option"><span>{lang.year_only(y)}</span><span class="n">{n}</span></p>
                    }).collect_view()}
                    {unknown_row(t.unknown_date, unknown)}
                }
            }}
            <div class="range">
                <MonthInput label=|t| t.from end=End::From />
                <MonthInput label=|t| t.to end=End::To />
            </div>
        </fieldset>
    }
}
