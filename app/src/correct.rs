//! Correcting one of the reader's own articles in the article view: the region (picked from
//! the gazetteer as it is typed, in Simplified or Traditional script), the program types and
//! the date. Kept with the reader's pages (the corrections file `shegong build --corrections`
//! reads, exported with the bundle); the collection shown is rebuilt with it, so the facets
//! follow at once.

use crate::add_pages::{call, js_correct, js_regions, js_uncorrect, use_yours};
use crate::js::{field, items};
use crate::state::use_state;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_article::{Article, DateInfo, ProgramLabel, Region};
use wasm_bindgen::JsValue;

/// The form, for an article of the reader's.
#[component]
pub fn Correct(article: Article, programs: Vec<ProgramLabel>) -> impl IntoView {
    let state = use_state();
    let Some(yours) = use_yours().filter(|y| y.owns(&article.id)) else {
        return ().into_any();
    };
    let lang = move || state.lang.get();
    let id = article.id.clone();
    let typed = RwSignal::new(String::new());
    let options = RwSignal::new(Vec::<Region>::new());
    // The region picked; `None` keeps what extraction (or an earlier correction) gave.
    let region = RwSignal::new(None::<Region>);
    let chosen = RwSignal::new(article.programs.clone());
    let extracted = article.date.as_ref().and_then(iso);
    let date = RwSignal::new(extracted.clone().unwrap_or_default());
    let saving = RwSignal::new(false);
    let look_up = move |q: String| {
        typed.set(q.clone());
        spawn_local(async move {
            if q.trim().is_empty() {
                return options.set(Vec::new());
            }
            let found = call(js_regions(&q)).await.unwrap_or_default();
            // Answers out of order: only the last query's count.
            if typed.get_untracked() == q {
                options.set(items(&found).iter().map(region_of).collect());
            }
        });
    };
    let save = {
        let id = id.clone();
        let programs_before = article.programs.clone();
        move |_| {
            let change = js_sys::Object::new();
            let mut changed = false;
            let mut set = |key: &str, value: JsValue| {
                changed = true;
                let _ = js_sys::Reflect::set(&change, &key.into(), &value);
            };
            if let Some(r) = region.get_untracked() {
                set("region", region_to_js(&r));
            }
            let p = chosen.get_untracked();
            if p != programs_before {
                set(
                    "programs",
                    p.iter()
                        .map(JsValue::from)
                        .collect::<js_sys::Array>()
                        .into(),
                );
            }
            let d = date.get_untracked().trim().to_owned();
            if Some(&d) != extracted.as_ref() && !(d.is_empty() && extracted.is_none()) {
                set(
                    "date",
                    if d.is_empty() {
                        JsValue::NULL
                    } else {
                        d.into()
                    },
                );
            }
            if !changed {
                return;
            }
            let id = id.clone();
            saving.set(true);
            spawn_local(async move {
                yours.corrected(call(js_correct(&id, &change)).await);
                saving.set(false);
            });
        }
    };
    let undo = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            spawn_local(async move { yours.corrected(call(js_uncorrect(&id)).await) });
        }
    };
    let remove = move |_| {
        state.open.set(None);
        yours.remove(id.clone());
    };
    let program_boxes = programs
        .into_iter()
        .map(|p| {
            let pid = p.id.clone();
            let checked = {
                let pid = pid.clone();
                move || chosen.with(|c| c.contains(&pid))
            };
            view! {
                <label class="program-choice">
                    <input type="checkbox" data-testid="correct-program" value=pid.clone()
                        prop:checked=checked
                        on:change=move |_| chosen.update(|c| {
                            if let Some(i) = c.iter().position(|x| *x == pid) { c.remove(i); } else { c.push(pid.clone()); }
                        }) />
                    {move || lang().pick(p.zh.clone(), p.en.clone())}
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="correct" data-testid="correct" on:submit=|e| e.prevent_default()>
            <h3>{move || lang().pick("更正提取结果", "Correct what was extracted")}</h3>
            <label>{move || lang().pick("地区", "Region")}
                <input type="search" data-testid="correct-region" autocomplete="off"
                    placeholder=move || lang().pick("输入地名，如 闵行 或 甘肃 城关镇", "type a place, e.g. 闵行 or 甘肃 城关镇")
                    prop:value=move || typed.get()
                    on:input=move |e| look_up(event_target_value(&e)) />
            </label>
            {move || region.get().map(|r| view! {
                <p class="picked" data-testid="correct-region-picked">{r.levels().join(" › ")}</p>
            })}
            <ul class="region-options" role="listbox">
                {move || options.get().into_iter().map(|r| {
                    let label = r.levels().join(" › ");
                    view! {
                        <li><button type="button" data-testid="region-option" on:click=move |_| {
                            region.set(Some(r.clone()));
                            options.set(Vec::new());
                        }>{label}</button></li>
                    }
                }).collect_view()}
            </ul>
            <fieldset><legend>{move || lang().pick("项目类型", "Program types")}</legend>{program_boxes}</fieldset>
            <label>{move || lang().pick("日期（年、年-月 或 年-月-日）", "Date (YYYY, YYYY-MM or YYYY-MM-DD)")}
                <input type="text" data-testid="correct-date" inputmode="numeric"
                    prop:value=move || date.get()
                    on:input=move |e| date.set(event_target_value(&e)) />
            </label>
            <div class="correct-actions">
                <button type="button" data-testid="correct-save" on:click=save prop:disabled=move || saving.get()>
                    {move || lang().pick("保存更正", "Save")}
                </button>
                <button type="button" data-testid="correct-undo" on:click=undo>
                    {move || lang().pick("恢复提取结果", "Undo corrections")}
                </button>
                <button type="button" class="danger" data-testid="remove-article" on:click=remove>
                    {move || lang().pick("删除这篇", "Remove this article")}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// The five levels of a region, as the extraction worker's gazetteer names them, from its
/// JavaScript object (`{province, city, district, town, code}`, each a string or null).
fn region_of(value: &JsValue) -> Region {
    let level = |name: &str| field(value, name).as_string();
    Region {
        province: level("province"),
        city: level("city"),
        district: level("district"),
        town: level("town"),
        code: level("code"),
    }
}

/// A region as the corrections file keeps it: every level, `null` where it has none.
fn region_to_js(region: &Region) -> JsValue {
    let object = js_sys::Object::new();
    for (name, level) in [
        ("province", &region.province),
        ("city", &region.city),
        ("district", &region.district),
        ("town", &region.town),
        ("code", &region.code),
    ] {
        let value = level.as_deref().map_or(JsValue::NULL, JsValue::from);
        let _ = js_sys::Reflect::set(&object, &name.into(), &value);
    }
    object.into()
}

/// A date as the corrections file writes it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn iso(d: &DateInfo) -> Option<String> {
    Some(match (d.year?, d.month, d.day) {
        (y, Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (y, Some(m), None) => format!("{y:04}-{m:02}"),
        (y, _, _) => format!("{y:04}"),
    })
}
