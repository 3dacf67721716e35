//! What the engine reads — dictionary, postings, articles, ids, original pages — loaded whole
//! (a one-file bundle) or chunk by chunk as searches ask for them (a chunked bundle). Every
//! lookup answers with the value or with the chunk to fetch; every chunk is checked against
//! the entry file and what is already loaded when it arrives.

use crate::bundle::{decode_pages, BundleError};
use crate::chunks::{decode_chunk, Body, Chunk, Keyed, Kind, Wants};
use crate::facet_table::FacetTable;
use crate::index::{Index, Term, N_FIELDS};
use crate::manifest::{DictLayout, Manifest};
use crate::original::Originals;
use crate::postings::Postings;
use crate::validate;
use shegong_article::{Article, ProgramLabel};
use shegong_text::{Dictionary, Entry, Segmenter, PADDING_WORD};

/// A loaded article and its folded fields without whitespace (what proximity measures).
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub article: Article,
    pub folded: [String; N_FIELDS],
}

impl Doc {
    fn new(article: Article) -> Self {
        let folded = article
            .folded_fields()
            .map(|f| f.chars().filter(|c| !c.is_whitespace()).collect());
        Doc { article, folded }
    }
}

/// The dictionary of a chunked bundle whose subset is in chunks.
#[derive(Debug, Clone)]
struct DictChunks {
    total: u64,
    table: Keyed<Vec<Entry>>,
}

#[derive(Debug, Clone)]
pub(crate) struct Store {
    pub docs: u32,
    pub programs: Vec<ProgramLabel>,
    pub facets: FacetTable,
    /// Segments queries: over the whole subset, or over the dictionary chunks loaded so far
    /// (which hold every word starting with a character of the queries it segments).
    pub seg: Segmenter,
    dict: Option<DictChunks>,
    terms: Keyed<Index>,
    per_chunk: u32,
    articles: Vec<Option<Vec<Doc>>>,
    ids: Keyed<Vec<(String, u32)>>,
    pages: Keyed<Originals>,
    /// What chunks name (a chunked bundle's build) or its pages file names (a one-file
    /// bundle's checksum).
    build: u32,
    chunked: bool,
}

impl Store {
    /// A one-file bundle's: everything but (maybe) the pages file.
    pub fn single(
        articles: Vec<Article>,
        programs: Vec<ProgramLabel>,
        index: Index,
        seg: Segmenter,
        checksum: u32,
        pages: Option<Originals>,
    ) -> Self {
        let facets = FacetTable::new(&articles);
        let ids = ids_in_order(&articles);
        let docs = articles.len() as u32;
        Store {
            docs,
            programs,
            facets,
            seg,
            dict: None,
            terms: Keyed::whole(index),
            per_chunk: docs.max(1),
            articles: vec![Some(articles.into_iter().map(Doc::new).collect())],
            ids: Keyed::whole(ids),
            pages: Keyed::pages_file(pages),
            build: checksum,
            chunked: false,
        }
    }

    /// A chunked bundle's, from its entry (checked when it was decoded).
    pub fn chunked(m: Manifest) -> Self {
        // The entry's facet table was checked when it was decoded.
        let facets =
            FacetTable::from_columns(&m.facets, m.region_names_per_chunk).unwrap_or_default();
        let (seg, dict) = match m.dict {
            DictLayout::Inline(d) => (Segmenter::new(&d), None),
            DictLayout::Chunked { total, firsts } => {
                let dict = DictChunks {
                    total,
                    table: Keyed::chunked(Kind::Dict, firsts),
                };
                (dict.segmenter(), Some(dict))
            }
        };
        let per_chunk = m.articles_per_chunk.max(1);
        Store {
            docs: m.docs,
            programs: m.programs,
            facets,
            seg,
            dict,
            terms: Keyed::chunked(Kind::Terms, m.terms),
            per_chunk,
            articles: (0..m.docs.div_ceil(per_chunk)).map(|_| None).collect(),
            ids: Keyed::chunked(Kind::Ids, m.ids),
            pages: Keyed::chunked(Kind::Pages, m.pages),
            build: m.build,
            chunked: true,
        }
    }

    pub fn is_chunked(&self) -> bool {
        self.chunked
    }

    /// Make sure the segmenter knows every dictionary word starting with a character of
    /// `texts`: the chunks that hold words it does not have yet go to `wants`.
    pub fn dictionary_for<'a>(&self, texts: impl IntoIterator<Item = &'a str>, wants: &mut Wants) {
        let Some(dict) = &self.dict else {
            return;
        };
        for c in texts
            .into_iter()
            .flat_map(|t| shegong_text::fold(t).chars().collect::<Vec<_>>())
        {
            let lo = c.to_string();
            let hi = next_char(c).map(|n| n.to_string());
            for i in dict.table.parts_between(&lo, hi.as_deref()) {
                wants.take(dict.table.get(i));
            }
        }
    }

    /// The postings of a folded key (`None`: it occurs nowhere).
    pub fn term(&self, key: &str) -> Result<Option<&Postings>, Chunk> {
        Ok(self.terms.for_key(key)?.and_then(|part| part.get(key)))
    }

    /// The keys starting with `prefix`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str, wants: &mut Wants) -> Vec<&'a Term> {
        let start = self.terms.part_of(prefix);
        let mut out = Vec::new();
        for i in start..self.terms.len() {
            let (first, _) = self.terms.range(i);
            if i > start && first > prefix && !first.starts_with(prefix) {
                break;
            }
            if let Some(part) = wants.take(self.terms.get(i)) {
                out.extend(part.with_prefix(prefix));
            }
        }
        out
    }

    /// A document.
    pub fn doc(&self, d: u32) -> Result<&Doc, Chunk> {
        let n = d / self.per_chunk;
        self.articles[n as usize]
            .as_ref()
            .map(|docs| &docs[(d % self.per_chunk) as usize])
            .ok_or(Chunk::File(Kind::Articles, n))
    }

    /// The document of an article id (`None`: no such article).
    pub fn find(&self, id: &str) -> Result<Option<u32>, Chunk> {
        let Some(ids) = self.ids.for_key(id)? else {
            return Ok(None);
        };
        Ok(ids
            .binary_search_by(|(x, _)| x.as_str().cmp(id))
            .ok()
            .map(|i| ids[i].1))
    }

    /// The part of its page an article was read from (`None`: the bundle has no such page).
    pub fn original(&self, article: &Article) -> Result<Option<&str>, Chunk> {
        Ok(self
            .pages
            .for_key(&article.file)?
            .and_then(|pages| pages.text_of(article)))
    }

    /// Check and keep a chunk fetched for a lookup.
    pub fn add(&mut self, chunk: Chunk, bytes: &[u8]) -> Result<(), BundleError> {
        let malformed = BundleError::Malformed;
        let Chunk::File(kind, n) = chunk else {
            if self.is_chunked() {
                return Err(malformed("a chunked bundle has no pages file".into()));
            }
            let pages = decode_pages(bytes, self.build)?;
            self.check_spans(&pages).map_err(malformed)?;
            self.pages.put(0, pages);
            return Ok(());
        };
        let name = chunk.name();
        let count = match kind {
            Kind::Dict => self.dict.as_ref().map_or(0, |d| d.table.len()),
            Kind::Terms => self.terms.len(),
            Kind::Articles => self.articles.len(),
            Kind::Ids => self.ids.len(),
            Kind::Pages => self.pages.len(),
            Kind::Regions => self.facets.name_chunks() as usize,
        };
        if !self.is_chunked() || n as usize >= count {
            return Err(malformed(format!("the bundle has no chunk {name}")));
        }
        let i = n as usize;
        let context = |e: String| malformed(format!("chunk {name}: {e}"));
        match decode_chunk(bytes, self.build, kind, n)? {
            Body::Dict(entries) => {
                let Some(dict) = self.dict.as_mut() else {
                    return Err(malformed(format!("the bundle has no chunk {name}")));
                };
                validate::keyed(&keys(&entries, |e| &e.word), dict.table.range(i))
                    .map_err(context)?;
                dict.table.put(i, entries);
                let loaded: u64 = dict.table.loaded().flatten().map(|e| e.freq).sum();
                if loaded > dict.total {
                    return Err(context(
                        "the dictionary's frequencies exceed its total".into(),
                    ));
                }
                self.seg = dict.segmenter();
            }
            Body::Terms(terms) => {
                validate::keyed(&keys(&terms, |t| &t.key), self.terms.range(i)).map_err(context)?;
                for t in &terms {
                    t.postings
                        .check(self.docs)
                        .map_err(|e| context(format!("the postings of `{}` {e}", t.key)))?;
                }
                self.terms.put(i, Index { terms });
            }
            Body::Articles(articles) => {
                let first = n * self.per_chunk;
                let expected = self.per_chunk.min(self.docs - first) as usize;
                if articles.len() != expected {
                    return Err(context(format!(
                        "it holds {} articles, the entry file says {expected}",
                        articles.len()
                    )));
                }
                validate::articles(&articles, &self.programs).map_err(context)?;
                for (k, a) in articles.iter().enumerate() {
                    let d = first + k as u32;
                    validate::against_facets(a, d, &self.facets).map_err(context)?;
                    if let Ok(Some(found)) = self.find(&a.id) {
                        if found != d {
                            return Err(context(format!(
                                "article `{}` is document {d}, the ids say {found}",
                                a.id
                            )));
                        }
                    }
                }
                let docs: Vec<Doc> = articles.into_iter().map(Doc::new).collect();
                for d in &docs {
                    if let Ok(Some(pages)) = self.pages.for_key(&d.article.file) {
                        validate::span(&d.article, pages).map_err(context)?;
                    }
                }
                self.articles[i] = Some(docs);
            }
            Body::Ids(ids) => {
                validate::keyed(&keys(&ids, |(id, _)| id), self.ids.range(i)).map_err(context)?;
                for (id, d) in &ids {
                    let named = match self.doc(*d) {
                        Ok(doc) => Some(doc.article.id.as_str()),
                        Err(_) if *d < self.docs => None,
                        Err(_) => {
                            return Err(context(format!(
                                "`{id}` names document {d}, but the bundle holds {} articles",
                                self.docs
                            )))
                        }
                    };
                    if named.is_some_and(|x| x != id) {
                        return Err(context(format!(
                            "`{id}` names document {d}, which is another article"
                        )));
                    }
                }
                self.ids.put(i, ids);
            }
            Body::Regions(names) => self.facets.add_names(n, names).map_err(context)?,
            Body::Pages(pages) => {
                validate::keyed(&keys(&pages, |p| &p.file), self.pages.range(i))
                    .map_err(context)?;
                let pages = Originals::new(pages);
                self.check_spans(&pages).map_err(context)?;
                self.pages.put(i, pages);
            }
        }
        Ok(())
    }

    /// Every loaded article whose page is in `pages` fits it.
    fn check_spans(&self, pages: &Originals) -> Result<(), String> {
        self.articles
            .iter()
            .flatten()
            .flatten()
            .try_for_each(|d| validate::span(&d.article, pages))
    }
}

impl DictChunks {
    /// A segmenter over the loaded words, and a padding word that keeps the total.
    fn segmenter(&self) -> Segmenter {
        let mut entries: Vec<Entry> = self.table.loaded().flatten().cloned().collect();
        let loaded: u64 = entries.iter().map(|e| e.freq).sum();
        if self.total > loaded {
            entries.push(Entry {
                word: PADDING_WORD.to_owned(),
                freq: self.total - loaded,
                tag: String::new(),
            });
        }
        Segmenter::new(&Dictionary::from_entries(entries))
    }
}

/// The keys of a chunk's items.
/// Each article's id with its doc number, in id order: the table [`Store`] looks ids up in,
/// kept whole for a one-file bundle and cut into chunks for a chunked one.
pub(crate) fn ids_in_order(articles: &[Article]) -> Vec<(String, u32)> {
    let mut ids: Vec<(String, u32)> = articles
        .iter()
        .enumerate()
        .map(|(d, a)| (a.id.clone(), d as u32))
        .collect();
    shegong_text::sort::sort(&mut ids);
    ids
}

fn keys<T>(items: &[T], key: impl Fn(&T) -> &String) -> Vec<&str> {
    items.iter().map(|t| key(t).as_str()).collect()
}

/// The next Unicode scalar value after `c`, if there is one.
fn next_char(c: char) -> Option<char> {
    (c as u32 + 1..=char::MAX as u32).find_map(char::from_u32)
}
