//! From a decoded page to finished articles: normalise and split, then extract.

use crate::article::Article;
use crate::split::split_page;

/// Social-work terms that segmentation must keep whole (added as user words when building).
pub const DOMAIN_TERMS: &str = include_str!("../data/domain_terms.txt");

/// The domain terms, without comments.
pub fn domain_terms() -> impl Iterator<Item = &'static str> {
    DOMAIN_TERMS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// All articles of one decoded page.
pub fn process_page(file: &str, text: &str) -> Vec<Article> {
    split_page(file, text)
}
