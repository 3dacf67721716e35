//! # shegong-read
//!
//! Reading a page: from decoded page text to the articles printed on it, with their headlines,
//! bylines, sources and captions, before any facts are extracted.
//!
//! A page may be an OCR'd or PDF newspaper page with several articles in columns (lines broken
//! mid-word, headlines printed after their bodies, photo captions between them) or a saved web
//! page with its site chrome. [`read_page`] runs the steps:
//!
//! 1. **front matter** — an optional `---` block (`date`, `source`, `title`, `region`, `url`)
//!    whose values override what the page gives;
//! 2. **layout** — the page's physical lines, each normalised, with the cues the readers
//!    use: indent, blank lines and wider gaps, line widths, source attributions, captions,
//!    headline-shaped lines;
//! 3. **news conventions** — datelines (`本报讯`, `新华社南宁10月29日电`) that open a lead and
//!    start an article, credit lines and bracketed credits (`记者 王明 通讯员 李华`) that go to the
//!    byline, web metadata lines (`发布时间：… 来源：…`) with their source, date and credits;
//! 4. **chrome** — site navigation, breadcrumbs, share and comment widgets, legal footers,
//!    repeated blurbs, link lists and notices, removed by shape and by the general vocabulary of
//!    web furniture; an e-paper's issue date in it (`当前报纸日期：…`) dates the page's articles;
//! 5. **reading** — a page whose paragraphs stand in whole lines is a saved web page: one
//!    article, its headline above the metadata line or the body, the site's furniture after
//!    it dropped. Any other page is a newspaper page: lines classified into paragraphs,
//!    headline groups and attributions, cut into articles at hard boundaries (datelines,
//!    sources, bylines, wide gaps, wide headlines) and at topic shifts, each headline attached
//!    to its body.
//!
//! The dateline stays at the start of the lead text, where extraction reads its place and
//! date; its credit is copied to the byline with every other credit of the article.
//!
//! Before that, [`read_file`] turns a page file into page text by its [`Format`]: text in
//! UTF-8, UTF-16 or GB18030; a saved web page (`.html`, `.mhtml`) as its headline, metadata
//! line and main content, with what the page states (headline, publication date, source,
//! author, address) as front matter; a Word document's paragraphs; a PDF's text layer in
//! reading order, columns kept apart (feature `pdf`). Images need OCR, which is the caller's.
//!
//! ```
//! let page = "社区社工站揭牌\n\n近日，某街道社工站正式揭牌成立，为居民提供服务。\n";
//! let articles = shegong_read::read_page("news/a.txt", page);
//! assert_eq!(articles[0].title.as_deref(), Some("社区社工站揭牌"));
//! assert_eq!(articles[0].id, "news/a.txt#1");
//! ```

#![warn(missing_docs)]

mod charset;
mod chrome;
mod content;
mod credit;
mod docx;
mod draft;
mod format;
mod frontmatter;
mod html;
mod issue_date;
mod layout;
mod meta;
mod mhtml;
mod pagefile;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "pdf")]
mod reading_order;
mod split;
mod web;
mod webmeta;
mod webpage;
mod zip;

pub use credit::CREDIT_ROLES;
pub use format::{read_file, FileText, Format, FormatError};
use shegong_article::{Article, DateInfo, Region};

/// The articles of one decoded page, with what its front matter sets applied. `file` names the
/// page (ids and the `file` field come from it); spans are byte ranges of `text`.
pub fn read_page(file: &str, text: &str) -> Vec<Article> {
    let (fm, body_at) = frontmatter::split(text);
    let mut articles = split::split_page(file, &text[body_at..], body_at);
    let single = articles.len() == 1;
    for a in articles.iter_mut() {
        if let Some(s) = &fm.source {
            a.source = Some(s.clone());
        }
        if let Some(u) = &fm.url {
            a.url = Some(u.clone());
        }
        // A title names the article only where the page holds one.
        if let (Some(t), true) = (&fm.title, single) {
            a.title = Some(t.clone());
        }
        if let Some(d) = fm.date.as_deref().and_then(DateInfo::parse_iso) {
            a.date = Some(d);
        }
        if let Some(d) = fm.published.as_deref().and_then(DateInfo::parse_iso) {
            a.published = Some(d);
        }
        if let (Some(w), None) = (&fm.author, &a.byline) {
            a.byline = Some(w.clone());
        }
        if let Some(r) = &fm.region {
            a.region = Some(Region::parse_path(r));
        }
    }
    articles
}
