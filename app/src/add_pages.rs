//! The reader's own pages: the "添加文章 / Add pages" button and drag and drop (files and
//! folders), progress with cancel, the files that could not be read with the reason, and what
//! the app then searches — the loaded bundle and the reader's pages in one collection, their
//! articles marked "你的 / yours". Removing and exporting live here too; correcting is
//! `correct`.
//!
//! The work is done off this thread by the extraction worker (`extract/worker.js`, with the
//! extraction module and the collection in IndexedDB), reached through `add-pages.js`, which
//! loads it on first use: a search-only visit loads none of it. After every change the worker
//! builds the loaded bundle's articles and the reader's, corrected, into one bundle and its
//! pages file — the export's articles with the index embedded — which `client` opens where the
//! loaded bundle was searched (a new search worker, or the page for a single file), and which
//! replaces the collection shown. A chunked bundle's articles are not all on the page, so they
//! cannot be built together with the reader's: the worker then builds the reader's pages alone,
//! and `client::join` hands that bundle to the search worker, which searches both as one
//! collection (`hosted`); an export then holds the reader's articles only, as the bar says.

use crate::client::{self, Failed};
use crate::js::{field, items};
use crate::load::{Collection, Source};
use crate::state::use_state;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shegong_search::Chunk;
use std::collections::HashSet;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(js_namespace = shegongAddPages)]
extern "C" {
    #[wasm_bindgen(catch, js_name = kept)]
    fn js_kept() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = files)]
    fn js_files(source: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = add)]
    fn js_add(files: &JsValue, on_progress: &js_sys::Function) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = preview)]
    fn js_preview(
        base: Option<js_sys::Uint8Array>,
        base_pages: Option<js_sys::Uint8Array>,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = regions)]
    pub(crate) fn js_regions(query: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = correct)]
    pub(crate) fn js_correct(id: &str, change: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = uncorrect)]
    pub(crate) fn js_uncorrect(id: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = corrections)]
    pub(crate) fn js_corrections() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = removeArticle)]
    fn js_remove_article(id: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = removeAll)]
    fn js_remove_all() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = exportBundle)]
    fn js_export(
        base: Option<js_sys::Uint8Array>,
        base_pages: Option<String>,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = exportSingleFile)]
    fn js_export_single_file(
        base: Option<js_sys::Uint8Array>,
        base_pages: Option<String>,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// The message of a JS error (the store's and the worker's say what to do).
pub(crate) fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Await a hook's promise.
pub(crate) async fn call(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(p.map_err(|e| message(&e))?)
        .await
        .map_err(|e| message(&e))
}

/// Is the hook on this page (the app has it; a single file does not)?
fn available() -> bool {
    js_sys::Reflect::has(&window(), &"shegongAddPages".into()).unwrap_or(false)
}

/// A run of reading files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub articles: u32,
}

/// What the reader's pages are doing now.
#[derive(Debug, Clone, Default, PartialEq)]
enum Busy {
    #[default]
    Idle,
    Reading(Progress),
    /// Building the collection shown.
    Building,
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq)]
struct Unread {
    name: String,
    error: String,
}

/// A bundle built with the reader's pages (with a one-file base's articles, or alone beside a
/// chunked base), and its pages file when it has one.
struct Built {
    bundle: Vec<u8>,
    pages: Option<Vec<u8>>,
}

/// The loaded bundle's files, as the extraction worker takes them.
struct BaseFiles {
    bundle: js_sys::Uint8Array,
    pages: Option<js_sys::Uint8Array>,
}

/// The bytes at `url` (the loaded bundle or its pages file, which the browser has cached).
async fn fetch_bytes(url: &str) -> Result<js_sys::Uint8Array, String> {
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|e| message(&e))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "无法再次下载 {url}（HTTP {}），请刷新页面 (could not download {url} again: HTTP {}; reload the page)",
            response.status(),
            response.status()
        ));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| message(&e))?)
        .await
        .map_err(|e| message(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// The reader's pages, shared through context.
#[derive(Clone, Copy)]
pub struct Yours {
    base: StoredValue<Arc<Collection>>,
    /// The collection the views show: the base, or the base with the reader's pages.
    pub shown: RwSignal<Arc<Collection>>,
    /// Names of the reader's pages (their articles are marked as theirs).
    pub files: RwSignal<Arc<HashSet<String>>>,
    state: crate::state::AppState,
    /// How many articles the reader's pages hold.
    own: RwSignal<usize>,
    busy: RwSignal<Busy>,
    failed: RwSignal<Vec<Unread>>,
    error: RwSignal<Option<String>>,
    cancel: StoredValue<Option<js_sys::Function>, LocalStorage>,
}

impl Yours {
    /// Provide the reader's pages over the loaded `base` collection and bring back the pages
    /// kept from earlier visits.
    pub fn provide(base: Arc<Collection>) -> Yours {
        let yours = Yours {
            base: StoredValue::new(base.clone()),
            shown: RwSignal::new(base),
            files: RwSignal::new(Arc::default()),
            state: use_state(),
            own: RwSignal::new(0),
            busy: RwSignal::new(Busy::Idle),
            failed: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            cancel: StoredValue::new_local(None),
        };
        provide_context(yours);
        if available() {
            spawn_local(async move {
                match call(js_kept()).await {
                    Ok(n) if n.as_f64().unwrap_or(0.0) > 0.0 => yours.refresh().await,
                    Ok(_) => {}
                    Err(e) => yours.error.set(Some(e)),
                }
            });
        }
        yours
    }

    /// Is this article one of the reader's?
    pub fn owns(&self, article_id: &str) -> bool {
        let file = article_id.rsplit_once('#').map_or(article_id, |(f, _)| f);
        self.files.with(|f| f.contains(file))
    }

    /// Is the loaded bundle chunked (its articles are then joined with the reader's in the
    /// search worker, not built with them)?
    fn base_chunked(&self) -> bool {
        self.base.with_value(|b| b.info.chunked)
    }

    /// The loaded one-file bundle's bytes and its pages file's (when it can be had), when it has
    /// articles to keep: embedded in the page, or fetched again (the browser has them cached).
    async fn base_files(&self) -> Result<Option<BaseFiles>, String> {
        let base = self.base.get_value();
        if base.info.chunked || base.info.articles == 0 {
            return Ok(None);
        }
        Ok(Some(match &base.source {
            Source::Url(url) => BaseFiles {
                bundle: fetch_bytes(url).await?,
                pages: fetch_bytes(&Chunk::Pages.url(url)).await.ok(),
            },
            Source::Embedded(e) => BaseFiles {
                bundle: js_sys::Uint8Array::from(&e.bundle[..]),
                pages: e.pages.as_deref().map(js_sys::Uint8Array::from),
            },
            Source::Built => return Ok(None),
        }))
    }

    /// The URL of the loaded bundle's pages file, for an export, when it is downloaded.
    fn base_pages_url(&self) -> Option<String> {
        self.base.with_value(|b| match &b.source {
            Source::Url(url) => Some(Chunk::Pages.url(url)),
            _ => None,
        })
    }

    /// Show the loaded bundle with the reader's pages as they are kept now.
    pub async fn refresh(self) {
        self.busy.set(Busy::Building);
        let result = self.rebuild().await;
        self.busy.set(Busy::Idle);
        if let Err(e) = result {
            self.error.set(Some(e));
        }
    }

    async fn rebuild(&self) -> Result<(), String> {
        let base = self.base_files().await?;
        let (bundle, pages) = base.map_or((None, None), |b| (Some(b.bundle), b.pages));
        let answer = call(js_preview(bundle, pages)).await?;
        let get = |k: &str| field(&answer, k);
        let files: Vec<String> = items(&get("files"))
            .iter()
            .filter_map(JsValue::as_string)
            .collect();
        // Articles in the bundle built.
        let articles = get("articles").as_f64().unwrap_or(0.0) as usize;
        if files.is_empty() {
            self.files.set(Arc::default());
            self.own.set(0);
            return self.show(None).await;
        }
        let pages = get("pages");
        let built = Built {
            bundle: js_sys::Uint8Array::new(&get("bundle")).to_vec(),
            pages: (!pages.is_null() && !pages.is_undefined())
                .then(|| js_sys::Uint8Array::new(&pages).to_vec()),
        };
        // Combined, the built bundle holds the base's articles too.
        let combined = !self.base_chunked();
        let base_articles = self.base.with_value(|b| b.info.articles);
        self.own.set(if combined {
            articles.saturating_sub(base_articles)
        } else {
            articles
        });
        self.files
            .set(Arc::new(files.into_iter().collect::<HashSet<_>>()));
        self.show(Some(built)).await
    }

    /// Search and show the loaded bundle with the reader's pages built (`None`: alone):
    /// joined to a chunked one in the search worker, or opened in its place.
    async fn show(&self, built: Option<Built>) -> Result<(), String> {
        let why = |e: Failed| match e {
            Failed::Cancelled => "已取消 (cancelled)".to_owned(),
            Failed::Load(url, e) => self.state.lang.get_untracked().load_error(&url, &e),
        };
        let base = self.base.get_value();
        // The base is searched alone until the reader's pages are first shown.
        if built.is_none() && Arc::ptr_eq(&self.shown.get_untracked(), &base) {
            return Ok(());
        }
        let shown = match built {
            Some(built) if base.info.chunked => {
                let info = client::join(Some((&built.bundle, built.pages.as_deref())))
                    .await
                    .map_err(why)?;
                Arc::new(Collection {
                    info,
                    source: base.source.clone(),
                })
            }
            Some(built) => {
                let info = client::open_built(&built.bundle, built.pages.as_deref())
                    .await
                    .map_err(why)?;
                Arc::new(Collection {
                    info,
                    source: Source::Built,
                })
            }
            None if base.info.chunked => {
                client::join(None).await.map_err(why)?;
                base
            }
            None => {
                match &base.source {
                    Source::Url(url) => {
                        client::open(url, RwSignal::new(crate::load::Progress::default()))
                            .await
                            .map_err(why)?;
                    }
                    Source::Embedded(e) => {
                        client::open_here(e).map_err(|e| why(Failed::Load(String::new(), e)))?;
                    }
                    Source::Built => {}
                }
                base
            }
        };
        self.shown.set(shown);
        Ok(())
    }

    /// Read and keep the files of an input or a drop, then show them.
    fn add(self, source: JsValue) {
        if self.busy.get_untracked() != Busy::Idle {
            return;
        }
        self.failed.set(Vec::new());
        self.error.set(None);
        spawn_local(async move {
            let files = match call(js_files(&source)).await {
                Ok(f) => f,
                Err(e) => return self.error.set(Some(e)),
            };
            let total = js_sys::Array::from(&files).length();
            if total == 0 {
                return;
            }
            self.busy.set(Busy::Reading(Progress {
                total,
                ..Progress::default()
            }));
            let on_progress =
                Closure::<dyn FnMut(u32, u32, u32)>::new(move |done, total, articles| {
                    self.busy.set(Busy::Reading(Progress {
                        done,
                        total,
                        articles,
                    }))
                });
            let run = match js_add(&files, on_progress.as_ref().unchecked_ref()) {
                Ok(r) => r,
                Err(e) => {
                    self.busy.set(Busy::Idle);
                    return self.error.set(Some(message(&e)));
                }
            };
            let get = |k: &str| field(&run, k);
            self.cancel.set_value(get("cancel").dyn_into().ok());
            let finished = JsFuture::from(js_sys::Promise::from(get("finished"))).await;
            self.cancel.set_value(None);
            drop(on_progress);
            match finished {
                Ok(done) => self.failed.set(
                    items(&field(&done, "failed"))
                        .iter()
                        .map(|f| Unread {
                            name: field(f, "name").as_string().unwrap_or_default(),
                            error: field(f, "error").as_string().unwrap_or_default(),
                        })
                        .collect(),
                ),
                // A full disk: what was kept before stays, and is shown.
                Err(e) => self.error.set(Some(message(&e))),
            }
            self.refresh().await;
        });
    }

    /// Remove one of the reader's articles.
    pub fn remove(self, id: String) {
        spawn_local(async move {
            match call(js_remove_article(&id)).await {
                Ok(_) => self.refresh().await,
                Err(e) => self.error.set(Some(e)),
            }
        });
    }

    /// After a correction: show it, or say why it was not kept.
    pub fn corrected(self, result: Result<JsValue, String>) {
        match result {
            Ok(_) => spawn_local(self.refresh()),
            Err(e) => self.error.set(Some(e)),
        }
    }
}

pub fn use_yours() -> Option<Yours> {
    use_context::<Yours>()
}

/// The reader's pages bar: add (button, drop), progress and cancel, unreadable files, export,
/// remove all. Not shown where the page has no way to read files (a single file).
#[component]
pub fn AddPages() -> impl IntoView {
    let state = use_state();
    let yours = use_yours().expect("Yours::provide runs first");
    if !available() {
        return ().into_any();
    }
    let dragging = RwSignal::new(false);
    let on = |e: &ev::DragEvent| {
        e.data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0))
    };
    let over = window_event_listener(ev::dragover, move |e| {
        if on(&e) {
            e.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |e| {
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |e| {
        dragging.set(false);
        if on(&e) {
            e.prevent_default();
            if let Some(d) = e.data_transfer() {
                yours.add(d.into());
            }
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    let lang = move || state.lang.get();
    let count = move || yours.own.get();
    let exporting = RwSignal::new(false);
    type Export =
        fn(Option<js_sys::Uint8Array>, Option<String>) -> Result<js_sys::Promise, JsValue>;
    let export = move |how: Export| {
        exporting.set(true);
        yours.error.set(None);
        spawn_local(async move {
            let result = match yours.base_files().await {
                Ok(base) => {
                    let pages = base.as_ref().and_then(|_| yours.base_pages_url());
                    call(how(base.map(|b| b.bundle), pages)).await.map(|_| ())
                }
                Err(e) => Err(e),
            };
            if let Err(e) = result {
                yours.error.set(Some(e));
            }
            exporting.set(false);
        });
    };
    // A single file cannot make another: it does not have the app's files as such.
    let served =
        !js_sys::Reflect::has(&js_sys::global(), &"shegongEmbedded".into()).unwrap_or(false);
    let remove_all = move |_| {
        spawn_local(async move {
            match call(js_remove_all()).await {
                Ok(_) => {
                    yours.failed.set(Vec::new());
                    yours.refresh().await
                }
                Err(e) => yours.error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="yours" class:dragging=move || dragging.get()
            aria-label=move || lang().pick("你的文章", "Your pages")>
            <div class="yours-row">
                <label class="add-pages">
                    {move || lang().pick("添加文章", "Add pages")}
                    <input type="file" multiple data-testid="add-pages"
                        prop:disabled=move || yours.busy.get() != Busy::Idle
                        on:change=move |e| {
                            let input: web_sys::HtmlInputElement = event_target(&e);
                            // Copied before the input is cleared, which empties its list.
                            if let Some(files) = input.files() {
                                yours.add(js_sys::Array::from(&files).into());
                            }
                            input.set_value("");
                        } />
                </label>
                <span class="hint">{move || lang().pick(
                    "或把文件、文件夹拖到这里：.txt（UTF-8、UTF-16、GBK）、.html、.mhtml、.docx",
                    "or drop files and folders here: .txt (UTF-8, UTF-16, GBK), .html, .mhtml, .docx")}</span>
                <span class="yours-count" data-testid="yours-count">{move || match lang() {
                    crate::i18n::Lang::Zh => format!("你的文章 {} 篇", count()),
                    crate::i18n::Lang::En => format!("{} of yours", count()),
                }}</span>
                {move || (!yours.files.get().is_empty()).then(|| view! {
                    <button data-testid="export-bundle" on:click=move |_| export(js_export) prop:disabled=move || exporting.get()>
                        {move || if exporting.get() { lang().pick("正在导出……", "Exporting…") } else { lang().pick("导出检索包", "Export bundle") }}
                    </button>
                    {served.then(|| view! {
                        <button data-testid="export-single-file" on:click=move |_| export(js_export_single_file) prop:disabled=move || exporting.get()>
                            {move || lang().pick("导出离线单文件", "Export offline file")}
                        </button>
                    })}
                    <button class="danger" data-testid="remove-all" on:click=remove_all>
                        {move || lang().pick("删除全部你的文章", "Remove all yours")}
                    </button>
                    {yours.base_chunked().then(|| view! {
                        <span class="hint" data-testid="export-scope">{move || lang().pick(
                            "导出的只有你的文章：分块的检索包不全在浏览器里，不能一起导出。",
                            "Exports hold your pages only: the chunked bundle is not all in the browser, so it is not exported with them.")}</span>
                    })}
                })}
            </div>
            {move || match yours.busy.get() {
                Busy::Idle => None,
                Busy::Reading(p) => Some(view! {
                    <div class="add-progress" data-testid="add-progress" role="status">
                        <progress max=p.total.to_string() value=p.done.to_string()></progress>
                        <span>{move || match lang() {
                            crate::i18n::Lang::Zh => format!("已读 {} / {} 个文件，找到 {} 篇文章", p.done, p.total, p.articles),
                            crate::i18n::Lang::En => format!("{} of {} files read, {} articles found", p.done, p.total, p.articles),
                        }}</span>
                        <button data-testid="add-cancel" on:click=move |_| {
                            if let Some(f) = yours.cancel.get_value() {
                                let _ = f.call0(&JsValue::NULL);
                            }
                        }>{move || lang().pick("取消", "Cancel")}</button>
                    </div>
                }.into_any()),
                Busy::Building => Some(view! {
                    <div class="add-progress" data-testid="add-progress" role="status">
                        <progress></progress>
                        <span>{move || lang().pick("正在建立索引……", "Indexing…")}</span>
                    </div>
                }.into_any()),
            }}
            {move || {
                let failed = yours.failed.get();
                (!failed.is_empty()).then(|| view! {
                    <div class="add-failed" data-testid="add-failed" role="alert">
                        <p>{move || lang().pick("这些文件没有读入：", "These files were not read:")}</p>
                        <ul>{failed.into_iter().map(|f| {
                            let name = f.name.clone();
                            view! {
                                <li data-testid="add-failed-file" data-name=name><b>{f.name}</b>" — "{f.error}</li>
                            }
                        }).collect_view()}</ul>
                    </div>
                })
            }}
            {move || yours.error.get().map(|e| view! {
                <p class="error" data-testid="yours-error" role="alert">{e}</p>
            })}
        </section>
    }
    .into_any()
}

/// The "你的 / yours" mark of a result or an article.
#[component]
pub fn YoursMark(id: String) -> impl IntoView {
    let state = use_state();
    let yours = use_yours();
    move || {
        yours.filter(|y| y.owns(&id)).map(|_| {
            view! { <span class="yours-mark" data-testid="yours-mark">{move || state.lang.get().pick("你的", "yours")}</span> }
        })
    }
}
