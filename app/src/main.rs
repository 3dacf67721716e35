//! The Shegong search explorer (Leptos, client-side only).

use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_core::facets::{region_path, RegionCount};
use shegong_core::query::{parse, YearMonth};
use shegong_core::search::Hit;
use shegong_core::{Article, Bundle, Engine, Request, Results, Selection, Sort};
use std::sync::Arc;
use std::time::Duration;

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
            <SearchBox query=query />
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

/// Delay between the last keystroke and the search.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// The search box: searches as you type (debounced), never while an input method is composing,
/// and `/` anywhere on the page focuses it.
#[component]
fn SearchBox(query: RwSignal<String>) -> impl IntoView {
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let composing = RwSignal::new(false);
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let schedule = move |value: String| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || query.set(value), DEBOUNCE).ok();
        pending.set_value(handle);
    };
    let focus_key = window_event_listener(leptos::ev::keydown, move |ev| {
        let active = document().active_element();
        let typing = active
            .as_ref()
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        match ev.key().as_str() {
            "/" if !typing => {
                ev.prevent_default();
                if let Some(i) = input.get() {
                    let _ = i.focus();
                }
            }
            // Arrow keys move from the search box through the results and back.
            key @ ("ArrowDown" | "ArrowUp") => {
                let in_box = active.as_ref().is_some_and(|e| {
                    e.get_attribute("data-testid").as_deref() == Some("search-input")
                });
                let links = document().query_selector_all("[data-testid=result-item] h3 button");
                let Ok(links) = links else { return };
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
                        if let Some(i) = input.get() {
                            let _ = i.focus();
                        }
                        None
                    }
                    ("ArrowUp", Some(i)) => Some(i - 1),
                    _ => None,
                };
                if let Some(n) = next.and_then(|i| links.get(i)) {
                    ev.prevent_default();
                    if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&n) {
                        let _ = el.focus();
                    }
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || focus_key.remove());
    view! {
        <input
            node_ref=input
            type="search"
            class="search"
            data-testid="search-input"
            aria-label="搜索文章（按 / 键聚焦）"
            placeholder="搜索：社工站、培训、闵行区……（按 / 键聚焦）"
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

#[component]
fn Explorer(engine: Arc<Engine>, query: RwSignal<String>) -> impl IntoView {
    let selection = RwSignal::new(Selection::default());
    let sort = RwSignal::new(Sort::Relevance);
    let open = RwSignal::new(None::<u32>);
    let search_engine = engine.clone();
    let took_ms = RwSignal::new(0.0);
    let results = Memo::new(move |_| {
        let q = parse(&query.get());
        let sel = selection.get();
        let started = now_ms();
        let r = search_engine.search(&Request {
            query: &q,
            selection: &sel,
            sort: sort.get(),
            offset: 0,
            limit: PAGE,
        });
        took_ms.set(now_ms() - started);
        r
    });
    let labels = engine.clone();
    let viewer = engine.clone();
    let exporter = engine.clone();
    let export = move |format: Format| {
        // Every matching article, not only the page shown.
        let q = parse(&query.get_untracked());
        let sel = selection.get_untracked();
        let all = exporter.search(&Request {
            query: &q,
            selection: &sel,
            sort: sort.get_untracked(),
            offset: 0,
            limit: usize::MAX,
        });
        let articles: Vec<&Article> = all
            .hits
            .iter()
            .map(|h| &exporter.articles()[h.doc as usize])
            .collect();
        download(format, &articles);
    };
    view! {
        <div class="layout">
            <aside class="facets" aria-label="筛选">
                <SelectedChips selection=selection engine=engine.clone() />
                <ProgramFacet results=results selection=selection engine=engine.clone() />
                <RegionFacet results=results selection=selection />
                <DateFacet results=results selection=selection />
            </aside>
            <section class="hits">
                <div class="toolbar">
                    <p class="count" data-testid="result-count">
                        {move || format!("共 {} 篇", results.get().total)}
                        <span class="took">{move || format!("（用时 {:.1} 毫秒）", took_ms.get())}</span>
                    </p>
                    <label class="sort">"排序 "
                        <select data-testid="sort-select" aria-label="排序"
                            on:change=move |ev| sort.set(if event_target_value(&ev) == "newest" { Sort::Newest } else { Sort::Relevance })>
                            <option value="relevance">"相关度"</option>
                            <option value="newest">"最新"</option>
                        </select>
                    </label>
                    <button class="export" data-testid="export-csv" on:click={let e = export.clone(); move |_| e(Format::Csv)}>"导出 CSV"</button>
                    <button class="export" data-testid="export-json" on:click=move |_| export(Format::Json)>"导出 JSON"</button>
                </div>
                <ol class="results" data-testid="result-list">
                    <For
                        each=move || results.get().hits
                        key=|h| (h.doc, h.score.to_bits())
                        children=move |h: Hit| {
                            let article = labels.articles()[h.doc as usize].clone();
                            view! { <ResultItem hit=h article=article engine=labels.clone() open=open /> }
                        }
                    />
                </ol>
                {move || (results.get().total == 0).then(|| view! {
                    <p class="empty">"没有找到文章。试试更短的词，或清除筛选条件。"</p>
                })}
            </section>
        </div>
        {move || open.get().map(|doc| {
            let article = viewer.articles()[doc as usize].clone();
            view! { <ArticleView article=article engine=viewer.clone() open=open /> }
        })}
    }
}

/// Milliseconds from the page's performance clock.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
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
fn ResultItem(
    hit: Hit,
    article: Article,
    engine: Arc<Engine>,
    open: RwSignal<Option<u32>>,
) -> impl IntoView {
    let doc = hit.doc;
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
            <h3><button class="open" on:click=move |_| open.set(Some(doc))>{hit.title}</button></h3>
            <p class="meta">
                {region.map(|r| view! { <span class="place">{r}</span> })}
                {date.map(|d| view! { <span class="date">{d}</span> })}
                {programs}
            </p>
            <p class="snippet">{snippet}</p>
        </li>
    }
}

/// Export formats.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Offer the articles as a file download (CSV with a BOM so spreadsheets read the Chinese right).
fn download(format: Format, articles: &[&Article]) {
    let (name, mime, body) = match format {
        Format::Json => (
            "shegong.json",
            "application/json",
            serde_json::to_string_pretty(articles).unwrap_or_default(),
        ),
        Format::Csv => {
            let mut out = String::from("\u{FEFF}id,title,region,programs,date,source,text\n");
            for a in articles {
                let date = a.date.as_ref().map(|d| d.text.clone()).unwrap_or_default();
                let row = [
                    a.id.clone(),
                    a.display_title(),
                    region_path(a).join(" > "),
                    a.programs.join(";"),
                    date,
                    a.source.clone().unwrap_or_default(),
                    a.text.clone(),
                ];
                out.push_str(
                    &row.iter()
                        .map(|c| csv_cell(c))
                        .collect::<Vec<_>>()
                        .join(","),
                );
                out.push('\n');
            }
            ("shegong.csv", "text/csv;charset=utf-8", out)
        }
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&body));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(a) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&a) {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Split text into plain and entity pieces: names of people, organisations, numbers, dates and
/// places found by extraction are marked.
fn mark_entities(
    text: &str,
    entities: &[(String, &'static str)],
) -> Vec<(String, Option<&'static str>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut kind: Vec<Option<&'static str>> = vec![None; chars.len()];
    for (e, k) in entities {
        let ec: Vec<char> = e.chars().collect();
        if ec.is_empty() || ec.len() > chars.len() {
            continue;
        }
        for i in 0..=chars.len() - ec.len() {
            if chars[i..i + ec.len()] == ec[..] && kind[i..i + ec.len()].iter().all(Option::is_none)
            {
                kind[i..i + ec.len()].iter_mut().for_each(|x| *x = Some(k));
            }
        }
    }
    let mut out: Vec<(String, Option<&'static str>)> = Vec::new();
    for (c, k) in chars.into_iter().zip(kind) {
        match out.last_mut() {
            Some((s, last)) if *last == k => s.push(c),
            _ => out.push((c.to_string(), k)),
        }
    }
    out
}

#[component]
fn ArticleView(
    article: Article,
    engine: Arc<Engine>,
    open: RwSignal<Option<u32>>,
) -> impl IntoView {
    let mut entities: Vec<(String, &'static str)> = Vec::new();
    entities.extend(article.people.iter().map(|p| (p.name.clone(), "person")));
    entities.extend(article.organizations.iter().map(|o| (o.clone(), "org")));
    entities.extend(article.numbers.iter().map(|n| (n.text.clone(), "number")));
    entities.extend(article.dates.iter().map(|d| (d.text.clone(), "date")));
    entities.extend(region_path(&article).into_iter().map(|r| (r, "place")));
    entities.sort_by_key(|e| std::cmp::Reverse(e.0.chars().count()));
    let paragraphs = article
        .text
        .split('\n')
        .map(|p| {
            let pieces = mark_entities(p, &entities)
                .into_iter()
                .map(|(t, k)| match k {
                    Some(k) => {
                        view! { <mark class=format!("ent ent-{k}") title=k>{t}</mark> }.into_any()
                    }
                    None => view! { <span>{t}</span> }.into_any(),
                })
                .collect_view();
            view! { <p>{pieces}</p> }
        })
        .collect_view();
    let people = article
        .people
        .iter()
        .map(|p| {
            format!(
                "{}{}",
                p.role
                    .as_deref()
                    .map(|r| format!("{r} "))
                    .unwrap_or_default(),
                p.name
            )
        })
        .collect::<Vec<_>>()
        .join("、");
    let programs = article
        .programs
        .iter()
        .map(|p| program_label(&engine, p))
        .collect::<Vec<_>>()
        .join("、");
    let region = region_path(&article).join(" › ");
    view! {
        <div class="overlay" on:click=move |_| open.set(None)></div>
        <article class="article-view" data-testid="article-view" role="dialog" aria-modal="true" aria-label=article.display_title()>
            <button class="close" aria-label="关闭" on:click=move |_| open.set(None)>"×"</button>
            <h2>{article.display_title()}</h2>
            <dl class="facts">
                <dt>"地区"</dt><dd>{region}</dd>
                <dt>"类型"</dt><dd>{programs}</dd>
                <dt>"日期"</dt><dd>{article.date.as_ref().map(|d| d.text.clone()).unwrap_or_default()}</dd>
                <dt>"人物"</dt><dd>{people}</dd>
                <dt>"来源"</dt><dd>{article.source.clone().unwrap_or_default()}" "{article.byline.clone().unwrap_or_default()}</dd>
                <dt>"出处"</dt><dd class="file">{format!("{}（字节 {}–{}）", article.file, article.span.start, article.span.end)}</dd>
            </dl>
            <div class="body">{paragraphs}</div>
        </article>
    }
}
