//! The browser's export: the articles of a loaded one-file bundle as they are and the pages a
//! reader added, corrected and built into a bundle and its pages file exactly as `shegong
//! build` builds them from the same pages with the same corrections.

use crate::articles::{articles, correct};
use crate::correction::{CorrectionError, Corrections};
use serde::Deserialize;
use shegong_article::Article;
use shegong_extract::Pipeline;
use shegong_search::{
    decode_pages, BuildDate, Bundle, BundleError, Contents, IndexMode, Payload, SourcePage,
};
use shegong_text::{domain_terms, Dictionary};
use std::collections::BTreeMap;

/// The dictionary bundles are built with: jieba's and the social-work terms segmentation
/// keeps whole.
pub fn dictionary(mut jieba: Dictionary) -> Dictionary {
    jieba.add_user_words(domain_terms());
    jieba
}

/// A loaded one-file bundle whose articles an export keeps.
#[derive(Debug, Clone)]
pub struct Base {
    payload: Payload,
    build_date: Option<BuildDate>,
    /// Its original pages, when known.
    pages: Option<Vec<SourcePage>>,
}

impl Base {
    /// A bundle and, when the reader has it, its pages file (a format 2 bundle carries its
    /// pages inside). A chunked bundle's entry file is refused: it does not hold the
    /// articles.
    pub fn decode(bundle: &[u8], pages: Option<&[u8]>) -> Result<Base, ExportError> {
        let bundle = Bundle::decode(bundle)?;
        let pages = match pages {
            Some(bytes) => Some(decode_pages(bytes, bundle.header.checksum)?.into_pages()),
            None if !bundle.inline_pages.is_empty() => Some(bundle.inline_pages),
            None => None,
        };
        let Contents::Single(payload) = bundle.contents else {
            return Err(ExportError::Chunked);
        };
        Ok(Base {
            payload,
            build_date: bundle.header.build_date,
            pages,
        })
    }
}

/// A page a reader added.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Added {
    /// Its name in the collection (`mine/a.txt`): its articles' ids start with it.
    pub file: String,
    /// Its decoded text.
    pub text: String,
    /// When its file was last modified, in milliseconds since 1970 (the browser's
    /// `File.lastModified`), if known: it dates the bundle as `shegong build` does.
    #[serde(default)]
    pub modified: Option<u64>,
    /// Its articles as extraction gave them when it was added (kept in the browser with it), if
    /// given: [`preview`] shows them without extracting the page again; [`export`] always
    /// extracts, so that its bundle is what `shegong build` writes today.
    #[serde(default)]
    pub articles: Option<Vec<Article>>,
}

impl crate::Page for Added {
    fn name(&self) -> &str {
        &self.file
    }

    fn text(&self) -> &str {
        &self.text
    }
}

/// What an export gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The bundle file.
    pub bundle: Vec<u8>,
    /// Its pages file, or `None` when the base bundle's pages were not given.
    pub pages: Option<Vec<u8>>,
    /// How many articles the bundle holds.
    pub articles: usize,
    /// Ids of corrections that matched no article.
    pub unmatched: Vec<String>,
}

/// Why an export cannot be built. Each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The corrections are wrong.
    #[error(transparent)]
    Corrections(#[from] CorrectionError),
    /// An added page has the name of one of the bundle's.
    #[error("载入的检索包里已有页面 {0}，请给文件改名后再加入 (the loaded bundle already has a page named {0}: rename the file and add it again)")]
    NameTaken(String),
    /// Two added pages with one name.
    #[error("两个加入的页面都叫 {0} (two added pages are named {0}: keep one)")]
    TwoPagesNamed(String),
    /// The loaded bundle could not be read.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// The loaded bundle is chunked: its articles are not all on the page.
    #[error("载入的检索包是分块的，不能和你的文章合在一起；只导出你加入的页面，或用 `shegong build` 把原来的页面和你的页面一起重建 (the loaded bundle is chunked and cannot be combined with your pages: export your pages alone, or rebuild everything with `shegong build`)")]
    Chunked,
    /// The bundle was classified with another taxonomy than the pipeline's.
    #[error("载入的检索包用了另一套项目分类，只能单独导出你加入的页面 (the loaded bundle was built with another program taxonomy: export your pages alone, or build everything with `shegong build --taxonomy`)")]
    OtherTaxonomy,
}

/// Build the bundle of `base`'s articles (kept as they are) and the articles of the `added`
/// pages (split and extracted by `pipeline`), all in page-name order, with `corrections`
/// applied, using `dict` (see [`dictionary`]) — what `shegong build` writes for the same
/// pages with the same corrections (the index embedded only above 1 MiB of text, as
/// `--index auto`; dated, as by default, the day the newest page was last modified, the
/// base's date standing for its pages).
pub fn export(
    base: Option<Base>,
    mut added: Vec<Added>,
    corrections: &Corrections,
    pipeline: &Pipeline,
    dict: &Dictionary,
) -> Result<Exported, ExportError> {
    for page in &mut added {
        page.articles = None;
    }
    build(base, added, corrections, pipeline, dict, IndexMode::Auto)
}

/// The same bundle as [`export`] with its index always embedded: what the app searches while a
/// reader's pages are added, opened without segmenting the text again. A page given with its
/// [`Added::articles`] is not extracted again (the preview is rebuilt after every change, and
/// extraction was most of its time). With the articles extraction gives today, the articles,
/// facets and results are the export's; only the bytes differ. It has a pages file even when
/// the base's pages were not given, with the added pages only (the base's originals are then
/// missing, the reader's are not).
pub fn preview(
    base: Option<Base>,
    added: Vec<Added>,
    corrections: &Corrections,
    pipeline: &Pipeline,
    dict: &Dictionary,
) -> Result<Exported, ExportError> {
    build(base, added, corrections, pipeline, dict, IndexMode::Embed)
}

fn build(
    base: Option<Base>,
    mut added: Vec<Added>,
    corrections: &Corrections,
    pipeline: &Pipeline,
    dict: &Dictionary,
    mode: IndexMode,
) -> Result<Exported, ExportError> {
    let labels = pipeline.taxonomy().labels();
    added.sort_by(|a, b| a.file.cmp(&b.file));
    if let Some(w) = added.windows(2).find(|w| w[0].file == w[1].file) {
        return Err(ExportError::TwoPagesNamed(w[0].file.clone()));
    }
    // Articles grouped by page, pages in name order (the order `shegong build` reads them).
    let mut by_page: BTreeMap<String, Vec<Article>> = BTreeMap::new();
    let mut pages = Some(Vec::new());
    let newest = added.iter().filter_map(|p| p.modified).max();
    let mut date = newest.map(|ms| BuildDate::from_unix_seconds(ms / 1000));
    if let Some(base) = base {
        date = date.max(base.build_date);
        if base.payload.programs != labels {
            return Err(ExportError::OtherTaxonomy);
        }
        for a in base.payload.articles {
            by_page.entry(a.file.clone()).or_default().push(a);
        }
        let base_pages = base.pages;
        let taken = |name: &str| {
            by_page.contains_key(name) || base_pages.iter().flatten().any(|p| p.file == name)
        };
        if let Some(p) = added.iter().find(|p| taken(&p.file)) {
            return Err(ExportError::NameTaken(p.file.clone()));
        }
        pages = base_pages;
    }
    // Pages given with their articles keep them; the others are extracted (on all cores).
    let mut fresh: Vec<&Added> = Vec::new();
    for page in &mut added {
        match page.articles.take() {
            Some(given) => by_page.entry(page.file.clone()).or_default().extend(given),
            None => fresh.push(page),
        }
    }
    for a in articles(&fresh, pipeline, &|_| ()) {
        by_page.entry(a.file.clone()).or_default().push(a);
    }
    let mut all: Vec<Article> = by_page.into_values().flatten().collect();
    let unmatched = correct(&mut all, corrections, pipeline)?;
    let count = all.len();
    let mut bundle = Bundle::build(all, dict, labels, mode);
    if let Some(date) = date {
        bundle = bundle.built_on(date);
    }
    // The app's preview keeps the reader's own pages even when the base's pages file is not
    // there (a single file built without them): their original text is on hand.
    if pages.is_none() && matches!(mode, IndexMode::Embed) {
        pages = Some(Vec::new());
    }
    let pages = pages.map(|mut p| {
        p.extend(added.into_iter().map(|a| SourcePage {
            file: a.file,
            text: a.text,
        }));
        bundle.encode_pages(p)
    });
    Ok(Exported {
        bundle: bundle.encode(),
        pages,
        articles: count,
        unmatched,
    })
}
