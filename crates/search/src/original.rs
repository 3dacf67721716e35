//! The original page text articles came from, so a reader can compare the clean article with
//! what the page actually said (OCR breaks, mojibake, chrome and all).

use serde::{Deserialize, Serialize};
use shegong_article::Article;

/// One decoded page, as read before normalisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePage {
    /// The page file, as in [`Article::file`].
    pub file: String,
    /// Its decoded text (the byte offsets of article spans refer to it).
    pub text: String,
}

/// The pages of a collection, looked up by file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Originals {
    pages: Vec<SourcePage>,
}

impl Originals {
    /// Pages in any order; a file given twice keeps its first text.
    pub fn new(pages: Vec<SourcePage>) -> Self {
        let mut numbered: Vec<(usize, SourcePage)> = pages.into_iter().enumerate().collect();
        shegong_text::sort::sort_by(&mut numbered, |(i, a), (j, b)| {
            a.file.cmp(&b.file).then(i.cmp(j))
        });
        numbered.dedup_by(|(_, b), (_, a)| a.file == b.file);
        Self {
            pages: numbered.into_iter().map(|(_, p)| p).collect(),
        }
    }

    /// The pages, sorted by file.
    pub fn pages(&self) -> &[SourcePage] {
        &self.pages
    }

    /// The pages, ordered by file.
    pub fn into_pages(self) -> Vec<SourcePage> {
        self.pages
    }

    /// The page an article came from.
    pub fn page_of(&self, article: &Article) -> Option<&SourcePage> {
        self.pages
            .binary_search_by(|p| p.file.as_str().cmp(&article.file))
            .ok()
            .map(|i| &self.pages[i])
    }

    /// The part of the page an article was read from (its [`Article::span`]), or `None` when
    /// the collection does not carry that page or the span does not fit it.
    pub fn text_of(&self, article: &Article) -> Option<&str> {
        self.page_of(article)?
            .text
            .get(article.span.start..article.span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shegong_article::Span;

    #[test]
    fn finds_the_span_of_the_page() {
        let o = Originals::new(vec![
            SourcePage {
                file: "b.txt".into(),
                text: "头条渊据叶晨报曳冤正文".into(),
            },
            SourcePage {
                file: "a.txt".into(),
                text: "other".into(),
            },
        ]);
        let a = Article {
            file: "b.txt".into(),
            span: Span { start: 6, end: 33 },
            ..Article::default()
        };
        assert_eq!(o.text_of(&a), Some("渊据叶晨报曳冤正文"));
        // A span that is not on a character boundary or past the end gives nothing, not a panic.
        let cut = Article {
            span: Span { start: 1, end: 4 },
            ..a.clone()
        };
        assert_eq!(o.text_of(&cut), None);
        let missing = Article {
            file: "c.txt".into(),
            ..a
        };
        assert_eq!(o.text_of(&missing), None);
    }
}
