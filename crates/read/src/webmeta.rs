//! What a web page says about its article: the headline, and the publication date, source and
//! author from the visible metadata line (`发布时间：2024-09-21 来源：某某日报 作者：…`) or, where
//! the page shows none, from its `<meta>` tags.
//!
//! Headline: of the candidates the page names (`og:title`, `ArticleTitle`, `<h1>`…`<h3>`), the
//! one `<title>` starts with (sites write `<title>` as `headline_section_site`), else the longest
//! one `<title>` holds (`site | headline`) or a heading a `<meta>` title agrees with; else `<title>` without the
//! site name.

use crate::content::Content;
use crate::html::{collapse, Markup};
use shegong_text::find_dates;

/// The metadata of the article on a web page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebMeta {
    /// The headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Where the article comes from (`来源`).
    pub source: Option<String>,
    /// Its author.
    pub author: Option<String>,
    /// The visible metadata line, as printed.
    pub line: Option<String>,
    /// Index of the block holding the metadata line.
    pub line_block: Option<usize>,
}

/// Separators between a headline and the site's name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &["_", "|", "｜", "–", "—", " - ", "--"];
/// How site names end (`…-新华网`, `…-某某日报`, `…-某某市人民政府`).
const SITE_ENDINGS: &[&str] = &["网", "报", "政府", "门户", "网站", "在线", "频道", "新闻"];
/// Labels of the metadata line.
const DATE_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发表时间",
    "更新时间",
    "日期",
    "时间",
];
const SOURCE_LABELS: &[&str] = &["信息来源", "稿件来源", "文章来源", "新闻来源", "来源"];
const AUTHOR_LABELS: &[&str] = &["作者", "撰稿"];
/// `<meta>` names for the publication date, the source and the author.
const DATE_METAS: &[&str] = &[
    "pubdate",
    "publishdate",
    "publish_date",
    "article:published_time",
    "og:release_date",
    "datepublished",
    "ptime",
    "firstpublishedtime",
    "dc.date.issued",
    "dc.date",
];
const SOURCE_METAS: &[&str] = &["contentsource", "source", "mediaid"];
const AUTHOR_METAS: &[&str] = &["author", "article:author"];

/// Read the article's metadata; `content` is the main content found on the page.
pub fn web_meta(m: &Markup, content: &Content) -> WebMeta {
    let title = headline(m);
    let first = content.blocks.first().copied().unwrap_or(m.blocks.len());
    // The metadata line lies between the headline and the body, or opens or closes the body.
    let title_at = title
        .as_deref()
        .and_then(|t| m.blocks[..first].iter().rposition(|b| b.text.contains(t)));
    let before = title_at.map_or(first.saturating_sub(6), |t| t + 1)..first;
    let body_ends = content
        .blocks
        .iter()
        .take(3)
        .chain(content.blocks.iter().rev().take(3));
    let line_block = before
        .chain(body_ends.copied())
        .find(|&i| is_meta_line(&m.blocks[i].text));
    let line = line_block.map(|i| m.blocks[i].text.clone());
    let from_line = |labels: &[&str]| line.as_deref().and_then(|l| labelled(l, labels));
    let published = line
        .as_deref()
        .and_then(full_date)
        .or_else(|| m.meta(DATE_METAS).and_then(full_date));
    let source = from_line(SOURCE_LABELS).or_else(|| {
        m.meta(SOURCE_METAS)
            .map(|s| s.trim_start_matches("来源：").trim_start_matches("来源:"))
            .and_then(|s| s.split_whitespace().next())
            .filter(|s| !s.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_owned)
    });
    let author = from_line(AUTHOR_LABELS).or_else(|| {
        m.meta(AUTHOR_METAS)
            .filter(|a| {
                a.chars().count() <= 24
                    && !a.contains("://")
                    && !a.chars().all(|c| c.is_ascii_digit())
            })
            .map(str::to_owned)
    });
    WebMeta {
        title,
        published,
        source,
        author,
        line,
        line_block,
    }
}

/// The headline: a candidate `<title>` starts with, else `<title>` less the site's name.
fn headline(m: &Markup) -> Option<String> {
    let page_title = collapse(&m.title);
    let mut candidates: Vec<String> = ["og:title", "articletitle", "twitter:title", "title"]
        .iter()
        .filter_map(|n| m.meta(&[n]).map(collapse))
        .collect();
    let metas = candidates.len();
    for level in 1..=3 {
        candidates.extend(
            m.blocks
                .iter()
                .filter(|b| b.heading == Some(level) && !b.furniture)
                .map(|b| b.text.clone()),
        );
    }
    let shared = |c: &String| {
        c.chars()
            .zip(page_title.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let best = candidates
        .iter()
        .filter(|c| c.chars().count() >= 4 && c.as_str() != page_title.as_str())
        .max_by_key(|c| shared(c));
    if let Some(b) = best.filter(|b| {
        let n = shared(b);
        n >= 5 || n == b.chars().count()
    }) {
        return Some(b.clone());
    }
    // `<title>` with the site or section first (`某某网 | headline`, `当前位置：首页 > headline`):
    // the longest candidate it holds, or a heading a `<meta>` title agrees with.
    let held = candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            c.chars().count() >= 6
                && (page_title.contains(c.as_str())
                    || *i >= metas && candidates[..metas].contains(c))
        })
        .map(|(_, c)| c)
        .max_by_key(|c| c.chars().count());
    if let Some(c) = held {
        return Some(c.clone());
    }
    let site = m.meta(&["og:site_name"]).unwrap_or("");
    let without_site = page_title
        .strip_suffix(site)
        .filter(|_| !site.is_empty())
        .unwrap_or(&page_title);
    let mut marked = without_site.to_owned();
    for sep in TITLE_SEPARATORS {
        marked = marked.replace(sep, "\u{0}");
    }
    let mut parts: Vec<&str> = marked
        .split('\u{0}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // `headline-某某网`: a hyphen before a site's name.
    if let [only] = parts.as_mut_slice() {
        if let Some((head, site)) = only.rsplit_once('-') {
            if SITE_ENDINGS.iter().any(|e| site.trim().ends_with(e)) {
                *only = head.trim();
            }
        }
    }
    // The headline comes first; a short first part is a section or site name before it.
    let first = parts.first().copied().unwrap_or("");
    let pick = if first.chars().count() >= 6 {
        first
    } else {
        parts
            .iter()
            .copied()
            .max_by_key(|p| p.chars().count())
            .unwrap_or("")
    };
    let pick = collapse(pick);
    (!pick.is_empty())
        .then_some(pick)
        .or_else(|| candidates.into_iter().find(|c| c.chars().count() >= 4))
}

/// A short line with a date and a metadata label, or a date and little else.
fn is_meta_line(text: &str) -> bool {
    let n = text.chars().count();
    if n > 120 || full_date(text).is_none() {
        return false;
    }
    let labelled = DATE_LABELS
        .iter()
        .chain(SOURCE_LABELS)
        .chain(AUTHOR_LABELS)
        .any(|l| text.contains(l));
    labelled || !text.contains(['，', '。'])
}

/// The first full date in a text, `YYYY-MM-DD`.
fn full_date(text: &str) -> Option<String> {
    find_dates(text)
        .into_iter()
        .find_map(|d| Some(format!("{:04}-{:02}-{:02}", d.year?, d.month?, d.day?)))
}

/// The value after the first of `labels` in a metadata line (`来源：新京报`).
fn labelled(line: &str, labels: &[&str]) -> Option<String> {
    labels.iter().find_map(|l| {
        let at = line.find(l)? + l.len();
        let value: String = line[at..]
            .trim_start_matches([' ', '：', ':', '\u{3000}', '】', ']'])
            .chars()
            .take_while(|c| {
                !c.is_whitespace() && !matches!(c, '|' | '｜' | '【' | '】' | '[' | ']')
            })
            .collect();
        let n = value.chars().count();
        ((1..=24).contains(&n) && full_date(&value).is_none()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::main_content;
    use crate::html::parse;

    fn meta_of(html: &str) -> WebMeta {
        let m = parse(html);
        web_meta(&m, &main_content(&m).unwrap())
    }

    const BODY: &str = "<div class=\"art\"><p>近日，某街道社工站正式揭牌成立，为辖区居民提供服务。</p><p>社工站负责人表示，下一步将链接更多社区资源。</p></div>";

    #[test]
    fn headline_is_the_h1_that_title_holds_after_the_site_name() {
        let html = format!(
            "<title>遇见荆州 如你所见丨某街道社工站揭牌成立</title><body><h1>某街道社工站揭牌成立</h1>{BODY}"
        );
        assert_eq!(
            meta_of(&html).title.as_deref(),
            Some("某街道社工站揭牌成立")
        );
        let html = format!(
            "<title>当前位置：首页 > 动态</title><meta property=\"og:title\" content=\"某街道社工站揭牌成立\">\
             <body><h1>某街道社工站揭牌成立</h1>{BODY}"
        );
        assert_eq!(
            meta_of(&html).title.as_deref(),
            Some("某街道社工站揭牌成立")
        );
    }

    #[test]
    fn headline_is_the_h1_that_title_starts_with() {
        let w = meta_of(&format!(
            "<title>某街道社工站揭牌成立_社工动态_某某网</title><body><div class=\"logo\"><h1>某某网</h1></div>\
             <h1>某街道社工站揭牌成立</h1>{BODY}"
        ));
        assert_eq!(w.title.as_deref(), Some("某街道社工站揭牌成立"));
    }

    #[test]
    fn without_candidates_title_loses_the_site_name() {
        let w = meta_of(&format!(
            "<title>某街道社工站揭牌成立 - 某某日报</title><body>{BODY}"
        ));
        assert_eq!(w.title.as_deref(), Some("某街道社工站揭牌成立"));
        let w = meta_of(&format!(
            "<title>新闻｜某街道社工站揭牌成立｜某某网</title><body>{BODY}"
        ));
        assert_eq!(w.title.as_deref(), Some("某街道社工站揭牌成立"));
        let w = meta_of(&format!(
            "<title>2024-2025年度社工站评估结果公布-某某网</title><body>{BODY}"
        ));
        assert_eq!(w.title.as_deref(), Some("2024-2025年度社工站评估结果公布"));
    }

    #[test]
    fn the_visible_metadata_line_gives_date_source_and_author() {
        let w = meta_of(&format!(
            "<title>某街道社工站揭牌成立_某某网</title><meta name=\"PubDate\" content=\"2020-01-01\">\
             <body><h1>某街道社工站揭牌成立</h1><div class=\"info\">发布时间：2024-09-21 10:30 来源：某某日报 作者：王明 浏览次数：99</div>{BODY}"
        ));
        assert_eq!(w.published.as_deref(), Some("2024-09-21"));
        assert_eq!(w.source.as_deref(), Some("某某日报"));
        assert_eq!(w.author.as_deref(), Some("王明"));
        assert!(w.line.unwrap().starts_with("发布时间"));
    }

    #[test]
    fn meta_tags_when_the_page_shows_no_metadata_line() {
        let w = meta_of(&format!(
            "<title>某街道社工站揭牌成立_某某网</title><meta name=\"publishdate\" content=\"2024-09-21\">\
             <meta name=\"source\" content=\"来源：某某日报\"><meta name=\"author\" content=\"12345\"><body>{BODY}"
        ));
        assert_eq!(w.published.as_deref(), Some("2024-09-21"));
        assert_eq!(w.source.as_deref(), Some("某某日报"));
        assert_eq!(w.author, None, "a numeric author is an id, not a name");
        assert_eq!(w.line, None);
    }
}
