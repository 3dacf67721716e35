//! Optional front matter at the top of a page, overriding what extraction would guess:
//!
//! ```text
//! ---
//! date: 2024-09-20
//! source: 新闻晨报
//! title: 嘉定社区精神健康社工站服务地图发布
//! region: 上海市 > 上海市 > 嘉定区
//! url: https://example.org/a.html
//! published: 2024-09-21
//! author: 王明
//! ---
//! ```

/// The recognised keys; unknown keys are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub date: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub region: Option<String>,
    pub url: Option<String>,
    /// When the page was published (a web page's date, not the event's).
    pub published: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
}

/// Split front matter from a page. Returns the front matter and the byte offset where the
/// page body starts (0 when there is none).
pub fn split(page: &str) -> (FrontMatter, usize) {
    let mut fm = FrontMatter::default();
    let trimmed = page.trim_start_matches('\u{FEFF}');
    let lead = page.len() - trimmed.len();
    let mut lines = trimmed.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim() == "---" => {}
        _ => return (fm, 0),
    }
    let mut offset = lead + trimmed.split_inclusive('\n').next().map_or(0, str::len);
    for line in lines {
        offset += line.len();
        let l = line.trim();
        if l == "---" {
            return (fm, offset);
        }
        let Some((key, value)) = l.split_once([':', '：']) else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).to_owned();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "date" => fm.date = Some(value),
            "source" => fm.source = Some(value),
            "title" => fm.title = Some(value),
            "region" => fm.region = Some(value),
            "url" => fm.url = Some(value),
            "published" => fm.published = Some(value),
            "author" => fm.author = Some(value),
            _ => {}
        }
    }
    // No closing `---`: not front matter after all.
    (FrontMatter::default(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_body_offset() {
        let page = "---\ndate: 2024-09-20\nsource: 新闻晨报\nurl: https://x.org/a\nfoo: bar\n---\n正文。\n";
        let (fm, at) = split(page);
        assert_eq!(fm.date.as_deref(), Some("2024-09-20"));
        assert_eq!(fm.source.as_deref(), Some("新闻晨报"));
        assert_eq!(fm.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(&page[at..], "正文。\n");
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(split("正文。\n---\n"), (FrontMatter::default(), 0));
        assert_eq!(
            split("---\ndate: 2024\n正文没有结束"),
            (FrontMatter::default(), 0)
        );
    }
}
