//! From a decoded page to finished articles: front matter, normalise and split, the
//! page-level overrides, then extraction.

use crate::extract::extract_page;
use crate::taxonomy::Taxonomy;
use shegong_article::Article;
use shegong_read::read_page;

/// Turns pages into finished articles with one taxonomy.
#[derive(Debug, Clone)]
pub struct Pipeline {
    taxonomy: Taxonomy,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new(Taxonomy::builtin())
    }
}

impl Pipeline {
    /// A pipeline classifying program types with `taxonomy`.
    pub fn new(taxonomy: Taxonomy) -> Self {
        Self { taxonomy }
    }

    /// The taxonomy it classifies with.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// All articles of one decoded page: front matter, split, extraction.
    pub fn process_page(&self, file: &str, text: &str) -> Vec<Article> {
        let mut articles = read_page(file, text);
        extract_page(&mut articles, &self.taxonomy);
        articles
    }
}

/// All articles of one decoded page, with the built-in taxonomy.
pub fn process_page(file: &str, text: &str) -> Vec<Article> {
    Pipeline::default().process_page(file, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_overrides() {
        let page = "---\ndate: 2024-09-20\nsource: 新闻晨报\ntitle: 指定标题\nregion: 上海市 > 上海市 > 嘉定区\n---\n某标题\n\n正文内容写在这里。\n";
        let arts = process_page("x.txt", page);
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        assert_eq!(a.title.as_deref(), Some("指定标题"));
        assert_eq!(a.source.as_deref(), Some("新闻晨报"));
        assert_eq!(a.date.as_ref().and_then(|d| d.day), Some(20));
        assert_eq!(
            a.region
                .as_ref()
                .and_then(|r| r.district.clone())
                .as_deref(),
            Some("嘉定区")
        );
        assert_eq!(&page[a.span.start..a.span.start + 3], "某");
    }
}
