//! The page text a file reader produces: front matter for what the file states about itself
//! (headline, publication date, source, author, address), then the body as lines, blocks apart
//! by a blank line. [`crate::read_page`] reads it like any other page.

/// What a file states about its article, beside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileMeta {
    /// The headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD` (not the event date).
    pub published: Option<String>,
    /// Where the article comes from.
    pub source: Option<String>,
    /// Its author.
    pub author: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
}

/// Front matter (when there is anything to state) followed by the body.
pub fn page_text(meta: &FileMeta, body: &str) -> String {
    let fields = [
        ("title", &meta.title),
        ("published", &meta.published),
        ("source", &meta.source),
        ("author", &meta.author),
        ("url", &meta.url),
    ];
    let mut out = String::new();
    for (key, value) in fields {
        // One line each, and never a line that would close the block.
        let Some(v) = value.as_deref().map(one_line).filter(|v| !v.is_empty()) else {
            continue;
        };
        if out.is_empty() {
            out.push_str("---\n");
        }
        out.push_str(&format!("{key}: {v}\n"));
    }
    if !out.is_empty() {
        out.push_str("---\n");
    }
    out.push_str(body.trim_matches('\n'));
    out.push('\n');
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches('-')
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter;

    #[test]
    fn front_matter_reads_back() {
        let meta = FileMeta {
            title: Some("社工站\n揭牌".into()),
            published: Some("2024-09-21".into()),
            source: Some("---".into()),
            ..FileMeta::default()
        };
        let text = page_text(&meta, "\n正文。\n\n第二段。\n\n");
        assert_eq!(
            text,
            "---\ntitle: 社工站 揭牌\npublished: 2024-09-21\n---\n正文。\n\n第二段。\n"
        );
        let (fm, at) = frontmatter::split(&text);
        assert_eq!(fm.title.as_deref(), Some("社工站 揭牌"));
        assert_eq!(fm.published.as_deref(), Some("2024-09-21"));
        assert_eq!(&text[at..], "正文。\n\n第二段。\n");
    }

    #[test]
    fn nothing_stated_no_front_matter() {
        assert_eq!(page_text(&FileMeta::default(), "正文。"), "正文。\n");
    }
}
