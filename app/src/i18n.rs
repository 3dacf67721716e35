//! The interface language: Chinese by default, English on request, remembered in
//! `localStorage`. Every piece of UI text lives here, once per language.

use crate::protocol::LoadError;
use shegong_search::BundleError;

/// Where the choice is remembered.
const STORAGE_KEY: &str = "shegong.lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The remembered language, Chinese if none.
    pub fn remembered() -> Self {
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        match stored.as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// Remember this language and mark the document with it (screen readers, fonts).
    pub fn apply(self) {
        let code = match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, if self == Lang::En { "en" } else { "zh" });
        }
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
        leptos::prelude::document().set_title(self.texts().page_title);
    }

    /// The one of a Chinese and an English text that is in this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// "共 12 篇" / "12 articles".
    pub fn count(self, n: usize) -> String {
        match self {
            Lang::Zh => format!("共 {n} 篇"),
            Lang::En if n == 1 => "1 article".to_owned(),
            Lang::En => format!("{n} articles"),
        }
    }

    pub fn took(self, ms: f64) -> String {
        // Tenths by hand: `{ms:.1}` links the float formatting of the standard library (9 KB of
        // the module) for this one number.
        let tenths = (ms * 10.0).round() as u64;
        let ms = format!("{}.{}", tenths / 10, tenths % 10);
        match self {
            Lang::Zh => format!("（用时 {ms} 毫秒）"),
            Lang::En => format!("({ms} ms)"),
        }
    }

    pub fn page_of(self, page: usize, pages: usize) -> String {
        match self {
            Lang::Zh => format!("第 {page} / {pages} 页"),
            Lang::En => format!("Page {page} of {pages}"),
        }
    }

    pub fn year_only(self, year: i32) -> String {
        match self {
            Lang::Zh => format!("{year}年（月份不详）"),
            Lang::En => format!("{year} (month unknown)"),
        }
    }

    pub fn bytes_span(self, start: usize, end: usize) -> String {
        match self {
            Lang::Zh => format!("（字节 {start}–{end}）"),
            Lang::En => format!(" (bytes {start}–{end})"),
        }
    }

    /// Download progress; `total` is unknown when the server does not say.
    pub fn downloaded(self, loaded: u64, total: Option<u64>) -> String {
        let kb = |b: u64| b.div_ceil(1024);
        match (self, total) {
            (Lang::Zh, Some(t)) => format!("已下载 {} / {} KB", kb(loaded), kb(t)),
            (Lang::Zh, None) => format!("已下载 {} KB", kb(loaded)),
            (Lang::En, Some(t)) => format!("{} of {} KB downloaded", kb(loaded), kb(t)),
            (Lang::En, None) => format!("{} KB downloaded", kb(loaded)),
        }
    }

    /// What went wrong loading the bundle at `url`, and what to do about it.
    pub fn load_error(self, url: &str, error: &LoadError) -> String {
        let text = self.file_error(url, error);
        if !url.contains(".chunks/") {
            return text;
        }
        match self {
            Lang::Zh => format!("{text} 分块文件和数据包必须来自同一次 shegong build，放在数据包旁边的 .chunks 文件夹里。"),
            Lang::En => format!("{text} A bundle's chunks must come from the same `shegong build` and sit in the .chunks folder beside it."),
        }
    }

    /// What went wrong with the file at `url`, and what to do about it.
    fn file_error(self, url: &str, error: &LoadError) -> String {
        match (self, error) {
            (Lang::Zh, LoadError::Network(detail)) => {
                format!("无法下载数据包 {url}（{detail}）。请检查网络连接后重试。")
            }
            (Lang::En, LoadError::Network(detail)) => {
                format!("Could not download the bundle {url} ({detail}). Check the connection and try again.")
            }
            (Lang::Zh, LoadError::Http(status)) => {
                format!("无法下载数据包 {url}：服务器返回 HTTP {status}。")
            }
            (Lang::En, LoadError::Http(status)) => {
                format!("Could not download the bundle {url}: the server answered HTTP {status}.")
            }
            (Lang::Zh, LoadError::FromFile) => format!(
                "这个页面是直接从文件（file://）打开的，浏览器不允许它读取数据包 {url}。请打开同一文件夹里的 shegong-offline.html（可直接双击打开），或在这个文件夹里运行 python3 -m http.server 8080 后访问 http://127.0.0.1:8080/。"
            ),
            (Lang::En, LoadError::FromFile) => format!(
                "This page was opened from a file (file://), and the browser does not let it read the bundle {url}. Open shegong-offline.html in the same folder (it opens with a double click), or run python3 -m http.server 8080 in this folder and go to http://127.0.0.1:8080/."
            ),
            (Lang::Zh, LoadError::PagesNotEmbedded) => {
                "这个单文件没有收录原始页面。生成时加上 --with-pages 即可收录：shegong build <页面> --single-file <文件>.html --with-pages".to_owned()
            }
            (Lang::En, LoadError::PagesNotEmbedded) => {
                "This single file does not include the original pages; build it with --with-pages to include them: shegong build <pages> --single-file <file>.html --with-pages".to_owned()
            }
            (Lang::En, LoadError::Bundle(e)) => format!("{url}: {e}"),
            (Lang::Zh, LoadError::Bundle(e)) => match e {
                BundleError::NotABundle => format!(
                    "{url} 不是 Shegong 数据包。请用 shegong build <页面> -o bundle.bin 生成。"
                ),
                BundleError::NotAPagesFile => format!(
                    "{url} 不是 Shegong 原始页面文件。shegong build 会把它写在数据包旁边（<名称>.pages.bin）。"
                ),
                BundleError::PagesMismatch => format!(
                    "原始页面文件 {url} 属于另一个数据包。请把同一次生成的数据包和 .pages.bin 文件放在一起。"
                ),
                BundleError::Truncated { expected, found } => format!(
                    "数据包 {url} 不完整（应有 {expected} 字节，只收到 {found} 字节）。请重新下载或重新生成。"
                ),
                BundleError::Corrupted => {
                    format!("数据包 {url} 已损坏（校验和不符）。请用 shegong build 重新生成。")
                }
                BundleError::TooNew { found, supported } => format!(
                    "数据包 {url} 的格式版本 {found} 比本应用支持的版本 {supported} 更新。请更新 Shegong 应用。"
                ),
                BundleError::TooOld { found, oldest } => format!(
                    "数据包 {url} 的格式版本 {found} 太旧（最旧可读版本为 {oldest}）。请用 shegong build 重新生成。"
                ),
                BundleError::Malformed(detail) => format!(
                    "数据包 {url} 内容有误，无法使用（{detail}）。请用 shegong build 重新生成。"
                ),
                BundleError::NotAChunk(chunk) => format!(
                    "{url} 不是 Shegong 数据包的分块（分块 {chunk}）。请把 shegong build 生成的 .chunks 文件夹原样复制。"
                ),
                BundleError::ChunkMismatch(chunk) => format!(
                    "分块 {url}（{chunk}）属于这个数据包的另一次生成。请把同一次生成的数据包和它的 .chunks 文件夹放在一起。"
                ),
            },
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Fixed UI text in one language.
#[derive(Debug)]
pub struct Texts {
    pub page_title: &'static str,
    pub title: &'static str,
    pub subtitle: &'static str,
    pub lang_toggle: &'static str,
    pub lang_toggle_label: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub loading: &'static str,
    pub decoding: &'static str,
    pub error_title: &'static str,
    pub error_hint: &'static str,
    pub retry: &'static str,
    pub filters: &'static str,
    pub programs: &'static str,
    pub regions: &'static str,
    pub dates: &'static str,
    pub unclassified: &'static str,
    pub unknown_region: &'static str,
    pub unknown_date: &'static str,
    pub expand: &'static str,
    pub remove_filter: &'static str,
    pub clear_all: &'static str,
    pub month_title: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub sort: &'static str,
    pub relevance: &'static str,
    pub newest: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    pub remove_filters: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub pages: &'static str,
    pub close: &'static str,
    pub region: &'static str,
    pub program: &'static str,
    pub date: &'static str,
    pub people: &'static str,
    pub source: &'static str,
    pub file: &'static str,
    pub show_original: &'static str,
    pub show_clean: &'static str,
    pub original_missing: &'static str,
    pub original_loading: &'static str,
    pub searching: &'static str,
    pub search_failed: &'static str,
    pub person: &'static str,
    pub org: &'static str,
    pub number: &'static str,
    pub place: &'static str,
}

pub static ZH: Texts = Texts {
    page_title: "社工新闻检索 · Shegong",
    title: "社工新闻检索",
    subtitle: "Shegong · 离线搜索社会工作新闻",
    lang_toggle: "English",
    lang_toggle_label: "Switch to English",
    search_label: "搜索文章（按 / 键聚焦）",
    search_placeholder: "搜索：社工站、培训、闵行区……（按 / 键聚焦）",
    loading: "正在加载数据包……",
    decoding: "正在解析数据包……",
    error_title: "无法加载文章数据",
    error_hint: "请确认 bundle.bin 与页面在同一目录，或用 ?bundle=<网址> 指定数据包；可用 shegong build 重新生成。",
    retry: "重试",
    filters: "筛选",
    programs: "项目类型",
    regions: "地区",
    dates: "日期",
    unclassified: "未分类",
    unknown_region: "未知地区",
    unknown_date: "日期不详",
    expand: "展开或收起",
    remove_filter: "移除此筛选",
    clear_all: "清除全部",
    month_title: "只看这个月；已选一个月时，点另一个月选择区间",
    from: "从",
    to: "到",
    sort: "排序",
    relevance: "相关度",
    newest: "最新",
    export_csv: "导出 CSV",
    export_json: "导出 JSON",
    results: "搜索结果",
    no_results: "没有找到文章。试试更短的词，或清除筛选条件。",
    remove_filters: "清除筛选条件",
    previous: "上一页",
    next: "下一页",
    pages: "分页",
    close: "关闭",
    region: "地区",
    program: "类型",
    date: "日期",
    people: "人物",
    source: "来源",
    file: "出处",
    show_original: "查看原始页面文字",
    show_clean: "查看整理后的文章",
    original_missing: "这个数据包没有收录原始页面。",
    original_loading: "正在载入原始页面……",
    searching: "正在搜索……",
    search_failed: "这次搜索没有完成：",
    person: "人物",
    org: "机构",
    number: "数字",
    place: "地区",
};

pub static EN: Texts = Texts {
    page_title: "Social work news search · Shegong",
    title: "Social work news search",
    subtitle: "Shegong · offline search of Chinese social-work news",
    lang_toggle: "中文",
    lang_toggle_label: "切换到中文",
    search_label: "Search articles (press / to focus)",
    search_placeholder: "Search: 社工站, 培训, 闵行区… (press / to focus)",
    loading: "Loading the bundle…",
    decoding: "Reading the bundle…",
    error_title: "The articles could not be loaded",
    error_hint: "Make sure bundle.bin is next to the page, or point to a bundle with ?bundle=<url>; `shegong build` makes a new one.",
    retry: "Try again",
    filters: "Filters",
    programs: "Program type",
    regions: "Region",
    dates: "Date",
    unclassified: "Unclassified",
    unknown_region: "Unknown region",
    unknown_date: "Date unknown",
    expand: "Expand or collapse",
    remove_filter: "Remove this filter",
    clear_all: "Clear all",
    month_title: "Only this month; with one month chosen, click another for a range",
    from: "From",
    to: "To",
    sort: "Sort",
    relevance: "Relevance",
    newest: "Newest",
    export_csv: "Export CSV",
    export_json: "Export JSON",
    results: "Results",
    no_results: "No articles found. Try shorter words, or remove filters.",
    remove_filters: "Remove filters",
    previous: "Previous",
    next: "Next",
    pages: "Pages",
    close: "Close",
    region: "Region",
    program: "Type",
    date: "Date",
    people: "People",
    source: "Source",
    file: "File",
    show_original: "Show the original page text",
    show_clean: "Show the clean article",
    original_missing: "This bundle does not include the original page.",
    original_loading: "Loading the original page…",
    searching: "Searching…",
    search_failed: "This search could not finish: ",
    person: "person",
    org: "organisation",
    number: "number",
    place: "place",
};
