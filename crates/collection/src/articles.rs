//! The articles of a collection's pages: extracted, then corrected.

use crate::correction::{CorrectionError, Corrections};
use shegong_article::Article;
use shegong_extract::Pipeline;
use shegong_search::SourcePage;

/// A decoded page of a collection.
pub trait Page: Sync {
    /// Its name in the collection (`seeds/000.txt`): its articles' ids start with it.
    fn name(&self) -> &str;
    /// Its decoded text.
    fn text(&self) -> &str;
}

impl<P: Page> Page for &P {
    fn name(&self) -> &str {
        (*self).name()
    }

    fn text(&self) -> &str {
        (*self).text()
    }
}

impl Page for SourcePage {
    fn name(&self) -> &str {
        &self.file
    }

    fn text(&self) -> &str {
        &self.text
    }
}

/// The articles of `pages`, page after page in the order given, each page split and extracted
/// by `pipeline` (natively on all cores; the result does not depend on their number).
/// `on_page` is called as each page is done (for progress bars).
pub fn articles<P: Page>(
    pages: &[P],
    pipeline: &Pipeline,
    on_page: &(dyn Fn(&P) + Sync),
) -> Vec<Article> {
    shegong_text::parallel::map(pages, |p| {
        let articles = pipeline.process_page(p.name(), p.text());
        on_page(p);
        articles
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Apply `corrections` to articles classified by `pipeline` (whose taxonomy the program types
/// they name must be in); nothing changes when one is wrong. Returns the ids of corrections
/// that matched no article.
pub fn correct(
    articles: &mut Vec<Article>,
    corrections: &Corrections,
    pipeline: &Pipeline,
) -> Result<Vec<String>, CorrectionError> {
    let labels = pipeline.taxonomy().labels();
    let ids: Vec<&str> = labels.iter().map(|l| l.id.as_str()).collect();
    corrections.apply(articles, &ids)
}
