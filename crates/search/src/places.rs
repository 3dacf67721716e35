//! A place finds the articles extracted to it, though their text may name only a street inside
//! it: `烟台` finds an article whose region is 山东省 > 烟台市 > 芝罘区 > 毓璜顶街道. Every name
//! of every level of an article's region, and its short form, leads to the article.

use shegong_article::Article;
use shegong_text::{fold, sort};

/// Articles by the (folded) names of their regions.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// (name, ascending documents), sorted by name.
    docs: Vec<(String, Vec<u32>)>,
}

impl Places {
    /// The names of the articles' regions; documents are positions in `articles`.
    pub fn new(articles: &[Article]) -> Self {
        let mut pairs: Vec<(String, u32)> = Vec::new();
        for (doc, a) in articles.iter().enumerate() {
            let Some(region) = &a.region else { continue };
            pairs.extend(
                region
                    .names()
                    .into_iter()
                    .map(|name| (fold(name), doc as u32)),
            );
        }
        sort::sort(&mut pairs);
        pairs.dedup();
        let mut docs: Vec<(String, Vec<u32>)> = Vec::new();
        for (name, doc) in pairs {
            match docs.last_mut() {
                Some((last, list)) if *last == name => list.push(doc),
                _ => docs.push((name, vec![doc])),
            }
        }
        Places { docs }
    }

    /// The documents whose region is called `folded` at some level, ascending.
    pub fn docs(&self, folded: &str) -> &[u32] {
        self.docs
            .binary_search_by(|(name, _)| name.as_str().cmp(folded))
            .map_or(&[], |i| self.docs[i].1.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shegong_article::Region;

    fn article(path: &str) -> Article {
        Article {
            region: Some(Region::parse_path(path)),
            ..Article::default()
        }
    }

    #[test]
    fn every_level_and_its_short_form() {
        let p = Places::new(&[
            article("山东省/烟台市/芝罘区/毓璜顶街道"),
            article("山东省/济南市"),
            Article::default(),
            article("上海市/上海市/闵行区"),
        ]);
        assert_eq!(p.docs("烟台"), [0]);
        assert_eq!(p.docs("烟台市"), [0]);
        assert_eq!(p.docs("山东"), [0, 1]);
        assert_eq!(p.docs("毓璜顶街道"), [0]);
        assert_eq!(p.docs("上海"), [3]);
        assert_eq!(p.docs("闵行"), [3]);
        assert!(p.docs("烟").is_empty());
        assert!(p.docs("台市").is_empty());
    }
}
