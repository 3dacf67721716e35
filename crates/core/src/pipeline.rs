//! From a decoded page to finished articles: front matter, normalise and split, the
//! page-level overrides, then extraction.

use crate::article::{Article, DateInfo, Region};
use crate::extract::extract_page;
use crate::frontmatter::{self, FrontMatter};
use crate::split::split_page;
use crate::taxonomy::Taxonomy;

/// Social-work terms that segmentation must keep whole (added as user words when building).
pub const DOMAIN_TERMS: &str = include_str!("../data/domain_terms.txt");

/// The domain terms, without comments.
pub fn domain_terms() -> impl Iterator<Item = &'static str> {
    DOMAIN_TERMS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

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
    pub fn new(taxonomy: Taxonomy) -> Self {
        Self { taxonomy }
    }

    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// All articles of one decoded page: front matter, split, extraction.
    pub fn process_page(&self, file: &str, text: &str) -> Vec<Article> {
        let (fm, body_at) = frontmatter::split(text);
        let mut articles = split_page(file, &text[body_at..], body_at);
        apply_front_matter(&fm, &mut articles);
        extract_page(&mut articles, &self.taxonomy);
        articles
    }
}

/// All articles of one decoded page, with the built-in taxonomy.
pub fn process_page(file: &str, text: &str) -> Vec<Article> {
    Pipeline::default().process_page(file, text)
}

/// Front matter overrides what the page would otherwise give; a title only applies to a page
/// holding one article.
fn apply_front_matter(fm: &FrontMatter, articles: &mut [Article]) {
    let single = articles.len() == 1;
    for a in articles.iter_mut() {
        if let Some(s) = &fm.source {
            a.source = Some(s.clone());
        }
        if let Some(u) = &fm.url {
            a.url = Some(u.clone());
        }
        if let (Some(t), true) = (&fm.title, single) {
            a.title = Some(t.clone());
        }
        if let Some(d) = fm.date.as_deref().and_then(parse_iso_date) {
            a.date = Some(d);
        }
        if let Some(r) = &fm.region {
            a.region = Some(parse_region_path(r));
        }
    }
}

/// `2024-09-20`, `2024-09`, `2024` (also with `/` or `.`).
pub fn parse_iso_date(s: &str) -> Option<DateInfo> {
    let mut parts = s.trim().split(['-', '/', '.']);
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    if month.is_some_and(|m| !(1..=12).contains(&m)) || day.is_some_and(|d| !(1..=31).contains(&d))
    {
        return None;
    }
    let precision = match (month, day) {
        (Some(_), Some(_)) => "day",
        (Some(_), None) => "month",
        _ => "year",
    };
    Some(DateInfo {
        year: Some(year),
        month,
        day,
        precision: precision.to_owned(),
        text: s.trim().to_owned(),
    })
}

/// `上海市 > 上海市 > 闵行区 > 莘庄镇`: levels in order, province first.
fn parse_region_path(s: &str) -> Region {
    let mut levels = s
        .split(['>', '/', '＞'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned);
    Region {
        province: levels.next(),
        city: levels.next(),
        district: levels.next(),
        town: levels.next(),
        code: None,
    }
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

    #[test]
    fn dates() {
        assert_eq!(
            parse_iso_date("2024-05").map(|d| d.precision),
            Some("month".into())
        );
        assert!(parse_iso_date("2024-13-01").is_none());
        assert!(parse_iso_date("soon").is_none());
    }
}
