//! Splitting a page into articles.

use crate::article::{Article, Span};
use crate::normalize::{ends_sentence, join_lines, normalize_page};

/// Could this line be a headline: short, and not ending like a sentence or a clause?
pub fn is_headline_like(line: &str) -> bool {
    let n = line.chars().count();
    let last = line.chars().next_back();
    (4..=40).contains(&n)
        && !last.is_some_and(|c| ends_sentence(c) && c != '？' && c != '?' && c != '！')
        && !last.is_some_and(|c| matches!(c, '，' | ',' | '、' | '：' | ':'))
}

/// Split one decoded page into articles. `file` names the page; ids are `<stem>-<n>`.
pub fn split_page(file: &str, raw: &str) -> Vec<Article> {
    let lines = normalize_page(raw);
    let mut rest: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| !l.is_empty())
        .collect();
    if rest.is_empty() {
        return Vec::new();
    }
    let title = if is_headline_like(rest[0]) {
        Some(rest.remove(0).to_owned())
    } else {
        None
    };
    let text = join_lines(&rest).join("\n");
    vec![Article {
        id: format!("{}-1", file_stem(file)),
        file: file.to_owned(),
        title,
        text,
        span: Span {
            start: 0,
            end: raw.len(),
        },
        ..Article::default()
    }]
}

/// The stem of a page's file name (`seeds/000_x.txt` → `000_x`).
pub fn file_stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(file_stem("seeds/000_ab.txt"), "000_ab");
        assert_eq!(file_stem("page"), "page");
    }

    #[test]
    fn one_article_with_title() {
        let page = "社工站建设成效显著\n\n民勤县重兴镇社工站\n积极链接资源。\n";
        let arts = split_page("p/x.txt", page);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].id, "x-1");
        assert_eq!(arts[0].title.as_deref(), Some("社工站建设成效显著"));
        assert_eq!(arts[0].text, "民勤县重兴镇社工站积极链接资源。");
    }
}
