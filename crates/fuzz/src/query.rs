//! The query target: any text as a query against a small fixed collection.

use crate::searches::search;
use shegong_extract::Pipeline;
use shegong_search::{Bundle, Engine, IndexMode};
use shegong_text::{domain_terms, Dictionary};
use std::sync::OnceLock;

/// The seed pages, built into a collection as `shegong build seeds` builds them.
const PAGES: [(&str, &str); 5] = [
    (
        "seeds/000.txt",
        include_str!("../../../seeds/000_3b459c57097bf54f.txt"),
    ),
    (
        "seeds/001.txt",
        include_str!("../../../seeds/001_1aa23b9ec4780b3c.txt"),
    ),
    (
        "seeds/002.txt",
        include_str!("../../../seeds/002_e2a4225c82692476.txt"),
    ),
    (
        "seeds/003.txt",
        include_str!("../../../seeds/003_aba6c10dde79d03a.txt"),
    ),
    (
        "seeds/004.txt",
        include_str!("../../../seeds/004_5e68e9660a63f3de.txt"),
    ),
];

/// Parse `data` (as UTF-8, invalid bytes replaced) as a query and run it against the seed
/// collection: first page, a later page newest first, and under facet selections, whose totals
/// must equal the counts the facets showed.
pub fn query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    search(engine(), &text, true);
}

/// The seed collection, built once.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let pipeline = Pipeline::default();
        let articles = PAGES
            .iter()
            .flat_map(|(file, text)| pipeline.process_page(file, text))
            .collect();
        let mut dict = Dictionary::jieba();
        dict.add_user_words(domain_terms());
        let labels = pipeline.taxonomy().labels();
        Bundle::build(articles, &dict, labels, IndexMode::Auto).into_engine()
    })
}
