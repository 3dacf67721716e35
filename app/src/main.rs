//! The Shegong search explorer (Leptos, client-side only).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_core::facets::{region_path, RegionCount};
use shegong_core::query::{parse, YearMonth};
use shegong_core::search::Hit;
use shegong_core::{Article, Bundle, Engine, Request, Results, Selection};
use std::sync::Arc;

/// Results shown per page.
const PAGE: usize = 50;

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
                Load::Ready(engine) => view! { <Explorer engine=engine query=query /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Explorer(engine: Arc<Engine>, query: RwSignal<String>) -> impl IntoView {
    let selection = RwSignal::new(Selection::default());
    let search_engine = engine.clone();
    let results = Memo::new(move |_| {
        let q = parse(&query.get());
        let sel = selection.get();
        search_engine.search(&Request {
            query: &q,
            selection: &sel,
            offset: 0,
            limit: PAGE,
        })
    });
    let labels = engine.clone();
    view! {
        <div class="layout">
            <aside class="facets" aria-label="筛选">
                <SelectedChips selection=selection engine=engine.clone() />
                <ProgramFacet results=results selection=selection engine=engine.clone() />
                <RegionFacet results=results selection=selection />
                <DateFacet results=results selection=selection />
            </aside>
            <section class="hits">
                <p class="count" data-testid="result-count">
                    {move || format!("共 {} 篇", results.get().total)}
                </p>
                <ol class="results" data-testid="result-list">
                    <For
                        each=move || results.get().hits
                        key=|h| (h.doc, h.score.to_bits())
                        children=move |h: Hit| {
                            let article = labels.articles()[h.doc as usize].clone();
                            view! { <ResultItem hit=h article=article engine=labels.clone() /> }
                        }
                    />
                </ol>
                {move || (results.get().total == 0).then(|| view! {
                    <p class="empty">"没有找到文章。试试更短的词，或清除筛选条件。"</p>
                })}
            </section>
        </div>
    }
}

/// The Chinese label of a program id (the id itself if the bundle has no label).
fn program_label(engine: &Engine, id: &str) -> String {
    engine
        .programs()
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.zh.clone())
}

fn ym_label(ym: YearMonth) -> String {
    format!("{}-{:02}", ym.year, ym.month)
}

#[component]
fn SelectedChips(selection: RwSignal<Selection>, engine: Arc<Engine>) -> impl IntoView {
    view! {
        {move || {
            let sel = selection.get();
            if sel.is_empty() {
                return None;
            }
            let mut chips: Vec<(String, Selection)> = Vec::new();
            for r in &sel.regions {
                let mut next = sel.clone();
                next.regions.retain(|x| x != r);
                chips.push((r.rsplit('/').next().unwrap_or(r).to_owned(), next));
            }
            for p in &sel.programs {
                let mut next = sel.clone();
                next.programs.retain(|x| x != p);
                chips.push((program_label(&engine, p), next));
            }
            if let Some(f) = sel.from {
                let mut next = sel.clone();
                next.from = None;
                next.to = None;
                chips.push((ym_label(f), next));
            }
            Some(view! {
                <div class="chips">
                    {chips.into_iter().map(|(label, next)| view! {
                        <button class="chip" data-testid="filter-chip" title="移除此筛选"
                            on:click=move |_| selection.set(next.clone())>{label}" ×"</button>
                    }).collect_view()}
                    <button class="clear" on:click=move |_| selection.set(Selection::default())>"清除全部"</button>
                </div>
            })
        }}
    }
}

#[component]
fn ProgramFacet(
    results: Memo<Results>,
    selection: RwSignal<Selection>,
    engine: Arc<Engine>,
) -> impl IntoView {
    view! {
        <fieldset class="facet" data-testid="facet-program">
            <legend>"项目类型"</legend>
            {move || {
                let f = results.get().facets;
                let unknown = f.program_unknown;
                let options = f
                    .programs
                    .into_iter()
                    .map(|(id, n)| {
                        let label = program_label(&engine, &id);
                        let checked_id = id.clone();
                        view! {
                            <label class="option">
                                <input
                                    type="checkbox"
                                    prop:checked=move || selection.get().programs.contains(&checked_id)
                                    on:change=move |_| {
                                        selection.update(|s| {
                                            if let Some(i) = s.programs.iter().position(|x| *x == id) {
                                                s.programs.remove(i);
                                            } else {
                                                s.programs.push(id.clone());
                                            }
                                        })
                                    }
                                />
                                <span>{label}</span>
                                <span class="n">{n}</span>
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    {options}
                    {(unknown > 0).then(|| view! {
                        <p class="option unknown"><span>"未分类"</span><span class="n">{unknown}</span></p>
                    })}
                }
            }}
        </fieldset>
    }
}

/// One level of the region tree; nodes with children can be expanded.
fn region_nodes(nodes: Vec<RegionCount>, selection: RwSignal<Selection>) -> AnyView {
    nodes
        .into_iter()
        .map(|node| {
            let path = node.path.clone();
            let selected_path = node.path.clone();
            let children = node.children;
            let has_children = !children.is_empty();
            let open = RwSignal::new(false);
            view! {
                <li>
                    {has_children.then(|| view! {
                        <button class="toggle" aria-label="展开或收起"
                            on:click=move |_| open.update(|o| *o = !*o)>
                            {move || if open.get() { "▾" } else { "▸" }}
                        </button>
                    })}
                    <button
                        class="region"
                        class:selected=move || selection.get().regions.contains(&selected_path)
                        on:click=move |_| {
                            selection.update(|s| {
                                if let Some(i) = s.regions.iter().position(|x| *x == path) {
                                    s.regions.remove(i);
                                } else {
                                    s.regions.push(path.clone());
                                }
                            })
                        }
                    >
                        {node.name}
                    </button>
                    <span class="n">{node.count}</span>
                    {move || (open.get() && has_children).then(|| view! {
                        <ul>{region_nodes(children.clone(), selection)}</ul>
                    })}
                </li>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn RegionFacet(results: Memo<Results>, selection: RwSignal<Selection>) -> impl IntoView {
    view! {
        <fieldset class="facet" data-testid="facet-region">
            <legend>"地区"</legend>
            {move || {
                let f = results.get().facets;
                let unknown = f.region_unknown;
                view! {
                    <ul class="tree">{region_nodes(f.regions, selection)}</ul>
                    {(unknown > 0).then(|| view! {
                        <p class="option unknown"><span>"未知地区"</span><span class="n">{unknown}</span></p>
                    })}
                }
            }}
        </fieldset>
    }
}

#[component]
fn DateFacet(results: Memo<Results>, selection: RwSignal<Selection>) -> impl IntoView {
    view! {
        <fieldset class="facet" data-testid="facet-date">
            <legend>"日期"</legend>
            {move || {
                let f = results.get().facets;
                let max = f.months.iter().map(|(_, n)| *n).max().unwrap_or(1);
                let unknown = f.date_unknown;
                let years = f.years.clone();
                let bars = f
                    .months
                    .into_iter()
                    .map(|(label, n)| {
                        let ym = label
                            .split_once('-')
                            .and_then(|(y, m)| Some(YearMonth { year: y.parse().ok()?, month: m.parse().ok()? }));
                        let width = format!("width:{}%", 100 * n / max);
                        view! {
                            <button class="bar" title="只看这个月"
                                on:click=move |_| selection.update(|s| {
                                    s.from = ym;
                                    s.to = ym;
                                })>
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
                        <p class="option"><span>{format!("{y}年（月份不详）")}</span><span class="n">{n}</span></p>
                    }).collect_view()}
                    {(unknown > 0).then(|| view! {
                        <p class="option unknown"><span>"日期不详"</span><span class="n">{unknown}</span></p>
                    })}
                }
            }}
        </fieldset>
    }
}

#[component]
fn ResultItem(hit: Hit, article: Article, engine: Arc<Engine>) -> impl IntoView {
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
    let region = region_path(&article);
    let region = (!region.is_empty()).then(|| {
        let mut r = region;
        r.dedup();
        r.join(" › ")
    });
    let date = article
        .date
        .as_ref()
        .map(|d| match (d.year, d.month, d.day) {
            (Some(y), Some(m), Some(day)) => format!("{y}年{m}月{day}日"),
            (Some(y), Some(m), None) => format!("{y}年{m}月"),
            (None, Some(m), Some(day)) => format!("{m}月{day}日"),
            (Some(y), None, _) => format!("{y}年"),
            _ => d.text.clone(),
        });
    let programs = article
        .programs
        .iter()
        .map(|p| view! { <span class="program">{program_label(&engine, p)}</span> })
        .collect_view();
    view! {
        <li class="result" data-testid="result-item" data-article-id=hit.id.clone()>
            <h3>{hit.title}</h3>
            <p class="meta">
                {region.map(|r| view! { <span class="place">{r}</span> })}
                {date.map(|d| view! { <span class="date">{d}</span> })}
                {programs}
            </p>
            <p class="snippet">{snippet}</p>
        </li>
    }
}
