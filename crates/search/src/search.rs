//! Running a parsed [`Query`]: matching, BM25F ranking, filters, facets, snippets — over a
//! one-file bundle's articles, or over a chunked bundle's entry and the chunks fetched so far,
//! with the same results.
//!
//! A search needs, in turn: the dictionary words of the query's characters (to segment it as
//! the index was), the postings of its words, the articles the proximity boost re-ranks, and
//! the articles of the requested page. [`Engine::search`] answers with the results or with
//! the chunks it is missing at the first step that misses any ([`Missing`]); the caller
//! fetches them, hands them over with [`Engine::add_chunk`] and asks again.

use crate::bundle::BundleError;
use crate::chunks::{Chunk, Missing, Wants};
use crate::doclist::{self, DocList};
use crate::facet_table::Filter;
use crate::facets::{Facets, Selection};
use crate::index::{place_key, Index};
use crate::original::Originals;
use crate::postings::{weights, Posting, Postings};
use crate::proximity::closeness;
use crate::query::{Clause, Query, Warning};
use crate::snippet::{snippet, Segment};
use crate::store::Store;
use crate::synonyms::{alternatives, Piece};
use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_article::ProgramLabel;
use shegong_text::fold;
use shegong_text::is_cjk;
use shegong_text::sort;
use shegong_text::Segmenter;
use std::collections::BTreeSet;

const K1: f32 = 1.2;
/// A word found only inside longer words (a fragment) scores this share of a whole word.
const FRAGMENT_SHARE: f32 = 0.5;
/// The most a document gains (as a share of its score) for holding the query's words side by side.
const PROXIMITY_WEIGHT: f32 = 0.5;
/// How many of the best documents proximity re-ranks (their texts are read, so a chunked
/// bundle fetches them: the page of ten and as many again).
const PROXIMITY_TOP: usize = 20;
/// A query word's other forms (社会工作服务站 for 社工站) score this share of the written one.
const SYNONYM_SHARE: f32 = 0.9;

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Document number in the collection.
    pub doc: u32,
    /// Article id.
    pub id: String,
    /// Title as shown in result lists.
    pub title: String,
    /// Relevance score.
    pub score: f32,
    /// The best window of the text with the query's words highlighted.
    pub snippet: Vec<Segment>,
}

/// Results of one search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// How many articles match.
    pub total: usize,
    /// The requested page of them.
    pub hits: Vec<Hit>,
    /// Facet counts over the matching articles (disjunctive).
    pub facets: Facets,
    /// What the query parser could not understand, in words for the reader.
    pub warnings: Vec<Warning>,
}

/// What to search for, the facet selection, and how many results to return.
#[derive(Debug, Clone, PartialEq)]
pub struct Request<'a> {
    /// The parsed query.
    pub query: &'a Query,
    /// The facet selection.
    pub selection: &'a Selection,
    /// The order.
    pub sort: Sort,
    /// How many results to skip.
    pub offset: usize,
    /// How many to return.
    pub limit: usize,
    /// Region paths whose sub-regions the facet counts list (below the cities, the regions
    /// of other nodes are only counted, in [`RegionCount::hidden`](crate::RegionCount)).
    pub open: &'a [String],
}

impl<'a> Request<'a> {
    /// The first ten results for `query` within `selection`, best first.
    pub fn new(query: &'a Query, selection: &'a Selection) -> Self {
        Request {
            query,
            selection,
            sort: Sort::Relevance,
            offset: 0,
            limit: 10,
            open: &[],
        }
    }
}

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Best match first, ties newest first (an empty query lists newest first).
    #[default]
    Relevance,
    /// Newest first, ties by relevance; undated articles last.
    Newest,
}

/// (year, month, day) of an article, unknown parts 0: what "newest first" sorts by.
pub type SortDate = (i32, u32, u32);

impl Sort {
    /// The order of two hits by their score and date (ties are left to the caller): by
    /// relevance, the higher score first, ties newest first; newest first, the later date
    /// first, ties by score.
    pub fn compare(self, a: (f32, SortDate), b: (f32, SortDate)) -> std::cmp::Ordering {
        let by_score = || b.0.total_cmp(&a.0);
        let by_date = || b.1.cmp(&a.1);
        match self {
            Sort::Relevance => by_score().then_with(by_date),
            Sort::Newest => by_date().then_with(by_score),
        }
    }
}

/// A collection ready to search: a one-file bundle's articles with their index, or a
/// chunked bundle's entry and the chunks fetched so far.
#[derive(Debug, Clone)]
pub struct Engine {
    store: Store,
    /// BM25's saturation of each weight level: `w (k1 + 1) / (w + k1)`.
    saturation: [f32; 256],
}

/// A unit of text that must occur in a document.
#[derive(Debug, Clone)]
struct Needle {
    text: String,
    /// Matched through word postings only (Latin words, numbers): no fragments.
    whole_word_only: bool,
    /// A fixed expression (社会工作服务站): found anywhere, it counts fully.
    phrase: bool,
}

impl Engine {
    /// An engine over a one-file bundle's articles (newest first) with their index, built with
    /// `seg`; `checksum` is what its pages file names, `pages` the pages it carried inside (if
    /// its format did).
    pub fn new(
        articles: Vec<Article>,
        programs: Vec<ProgramLabel>,
        index: Index,
        seg: Segmenter,
        checksum: u32,
        pages: Option<Originals>,
    ) -> Self {
        Self::over(Store::single(
            articles, programs, index, seg, checksum, pages,
        ))
    }

    /// An engine over a chunked bundle's entry.
    pub(crate) fn chunked(m: crate::manifest::Manifest) -> Self {
        Self::over(Store::chunked(m))
    }

    fn over(store: Store) -> Self {
        let saturation = weights().map(|w| w * (K1 + 1.0) / (w + K1));
        Engine { store, saturation }
    }

    /// How many articles.
    pub fn doc_count(&self) -> usize {
        self.store.docs as usize
    }

    /// The date article `doc` sorts by (from the facet table: no chunk needed).
    pub fn date(&self, doc: u32) -> SortDate {
        self.store.facets.date(doc)
    }

    /// Whether it reads a chunked bundle (and may ask for chunks).
    pub fn is_chunked(&self) -> bool {
        self.store.is_chunked()
    }

    /// Labels of the program types used in the collection.
    pub fn programs(&self) -> &[ProgramLabel] {
        &self.store.programs
    }

    /// Article `doc` (document numbers are the hits' `doc`).
    pub fn article(&self, doc: u32) -> Result<&Article, Missing> {
        if doc >= self.store.docs {
            return Err(Missing(Vec::new()));
        }
        self.store
            .doc(doc)
            .map(|d| &d.article)
            .map_err(Missing::one)
    }

    /// The document of an article id, `None` if the collection has no such article.
    pub fn find(&self, id: &str) -> Result<Option<u32>, Missing> {
        self.store.find(id).map_err(Missing::one)
    }

    /// The page text article `doc` was read from (its span), `None` where the collection does
    /// not carry that page.
    pub fn original(&self, doc: u32) -> Result<Option<&str>, Missing> {
        let a = self.article(doc)?;
        self.store.original(a).map_err(Missing::one)
    }

    /// Check and keep a chunk (or pages file) some call asked for.
    pub fn add_chunk(&mut self, chunk: Chunk, bytes: &[u8]) -> Result<(), BundleError> {
        self.store.add(chunk, bytes)
    }

    /// Run `f` until it has everything it needs, fetching what it misses with `fetch`.
    pub fn fetching<T, E: From<BundleError>>(
        &mut self,
        mut fetch: impl FnMut(Chunk) -> Result<Vec<u8>, E>,
        mut f: impl FnMut(&Engine) -> Result<T, Missing>,
    ) -> Result<T, E> {
        loop {
            match f(self) {
                Ok(t) => return Ok(t),
                Err(Missing(chunks)) if chunks.is_empty() => {
                    return Err(BundleError::Malformed("a lookup past the articles".into()).into())
                }
                Err(Missing(chunks)) => {
                    for c in chunks {
                        let bytes = fetch(c)?;
                        self.add_chunk(c, &bytes)?;
                    }
                }
            }
        }
    }

    /// Run a request; `Err` names the chunks it still needs.
    pub fn search(&self, req: &Request<'_>) -> Result<Results, Missing> {
        let q = req.query;
        let n = self.store.docs;
        let mut wants = Wants::default();
        // Until a text's dictionary words come, it is segmented as characters, which are
        // searched together as one string: the search goes on, so the postings of each text
        // (and of its synonyms' forms) taken whole are asked for in the same round as its
        // dictionary words — all most queries need, their words written apart. Nothing is
        // answered before everything asked for is there.
        self.store.dictionary_for(
            q.parts.iter().filter_map(|p| match &p.clause {
                Clause::Text(t) => Some(t.as_str()),
                _ => None,
            }),
            &mut wants,
        );
        // Free-text clauses: every one must match; scores add up.
        let mut scores: Option<DocList> = None;
        let mut needles_for_snippet: Vec<String> = Vec::new();
        let mut words_for_proximity: Vec<String> = Vec::new();
        for p in q.parts.iter().filter(|p| !p.negated) {
            let Some(docs) = self.match_clause(&p.clause, true, &mut wants) else {
                continue;
            };
            needles_for_snippet.extend(self.highlight_terms(&p.clause, true));
            words_for_proximity.extend(self.highlight_terms(&p.clause, false));
            scores = Some(match scores {
                None => docs,
                Some(prev) => doclist::intersect(&prev, &docs),
            });
        }
        let mut blocked = Vec::new();
        for p in q.parts.iter().filter(|p| p.negated) {
            // An exclusion is what it says: `-社会工作站` keeps articles saying 社工站.
            blocked.extend(
                self.match_clause(&p.clause, false, &mut wants)
                    .unwrap_or_default(),
            );
        }
        // Field filters in the query itself, and the selection.
        let facets = &self.store.facets;
        let filters: Vec<(Filter, bool)> = q
            .parts
            .iter()
            .filter_map(|p| Some((facets.filter(&p.clause, &mut wants)?, p.negated)))
            .collect();
        let selection = facets.compile(req.selection, &mut wants);
        wants.check()?;
        let mut ranked: DocList = match scores {
            Some(s) => s,
            None => (0..n).map(|d| (d, 0.0)).collect(),
        };
        if !filters.is_empty() || !blocked.is_empty() {
            let mut excluded = vec![false; n as usize];
            for (d, _) in blocked {
                excluded[d as usize] = true;
            }
            ranked.retain(|&(d, _)| {
                !excluded[d as usize]
                    && filters
                        .iter()
                        .all(|(f, negated)| facets.passes(d, f) != *negated)
            });
        }
        let tally = facets.count_and_keep(&mut ranked, &selection);
        // The facets list the sub-regions of the opened nodes and of every selected region's
        // path.
        let mut open: Vec<String> = req.open.to_vec();
        for r in &req.selection.regions {
            open.extend(r.match_indices('/').map(|(i, _)| r[..i].to_owned()));
            open.push(r.clone());
        }
        let facets = facets.facets(tally, &open)?;
        if req.sort == Sort::Relevance {
            self.boost_proximity(&mut ranked, &words_for_proximity)?;
        }
        let dates = &self.store.facets;
        let order = |a: &(u32, f32), b: &(u32, f32)| {
            req.sort
                .compare((a.1, dates.date(a.0)), (b.1, dates.date(b.0)))
                .then_with(|| a.0.cmp(&b.0))
        };
        let total = ranked.len();
        // Only the requested page needs sorting: select it first.
        let wanted = req.offset.saturating_add(req.limit).min(total);
        if wanted > 0 && wanted < total {
            sort::select_first(&mut ranked, wanted, order);
            ranked.truncate(wanted);
        }
        sort::sort_by(&mut ranked, order);
        let page: Vec<(u32, f32)> = ranked
            .into_iter()
            .skip(req.offset)
            .take(req.limit)
            .collect();
        let mut wants = Wants::default();
        let docs: Vec<_> = page
            .iter()
            .map(|&(d, _)| wants.take(self.store.doc(d)))
            .collect();
        wants.check()?;
        let hits = page
            .iter()
            .zip(docs.into_iter().flatten())
            .map(|(&(doc, score), d)| Hit {
                doc,
                id: d.article.id.clone(),
                title: d.article.display_title(),
                score,
                snippet: snippet(&d.article.text, &needles_for_snippet),
            })
            .collect();
        Ok(Results {
            total,
            hits,
            facets,
            warnings: q.warnings.clone(),
        })
    }

    /// Raise the scores of the best [`PROXIMITY_TOP`] documents by how close together they
    /// hold the query's words (in any one field), by up to [`PROXIMITY_WEIGHT`].
    fn boost_proximity(&self, ranked: &mut [(u32, f32)], words: &[String]) -> Result<(), Missing> {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        if words.len() < 2 || ranked.is_empty() {
            return Ok(());
        }
        let best_first = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        sort::select_first(ranked, PROXIMITY_TOP, best_first);
        let top = ranked.len().min(PROXIMITY_TOP);
        let mut wants = Wants::default();
        let docs: Vec<_> = ranked[..top]
            .iter()
            .map(|&(d, _)| wants.take(self.store.doc(d)))
            .collect();
        wants.check()?;
        for ((_, score), doc) in ranked.iter_mut().zip(docs.into_iter().flatten()) {
            let close = doc
                .folded
                .iter()
                .map(|field| closeness(field, &words))
                .fold(0.0f32, f32::max);
            *score *= 1.0 + PROXIMITY_WEIGHT * close;
        }
        Ok(())
    }

    /// Folded strings to highlight for a clause, with those of its text's alternatives where
    /// `alternative` says so.
    fn highlight_terms(&self, clause: &Clause, alternative: bool) -> Vec<String> {
        match clause {
            Clause::Text(t) if alternative => alternatives(&fold(t))
                .iter()
                .flat_map(|alt| self.alternative_needles(alt))
                .map(|n| n.text)
                .collect(),
            Clause::Text(t) => self.needles(t).into_iter().map(|n| n.text).collect(),
            Clause::Phrase(p) => vec![phrase_key(p)],
            Clause::Prefix(p) => vec![p.clone()],
            _ => Vec::new(),
        }
    }

    /// The documents a text clause matches, with scores, with the alternatives of its text
    /// where `alternative` says so; `None` for filter clauses. What it misses goes to `wants`.
    fn match_clause(
        &self,
        clause: &Clause,
        alternative: bool,
        wants: &mut Wants,
    ) -> Option<DocList> {
        match clause {
            // Any of the text's alternatives (社工站, 社会工作服务站), each with all its words;
            // the written one scores fully, the others [`SYNONYM_SHARE`] of it per word written
            // (社会工作服务站 is two words where 社工站 is one). The forms are one concept, as
            // rare as all of them together: a rare form (社工服务站) must not outrank the
            // common one the reader wrote by a higher idf of its own.
            Clause::Text(t) => {
                let mut written = 1;
                let mut found: Vec<DocList> = Vec::new();
                let alts = alternatives(&fold(t));
                let alts = if alternative { &alts[..] } else { &alts[..1] };
                for (k, alt) in alts.iter().enumerate() {
                    let needles = self.alternative_needles(alt);
                    let mut all: Option<DocList> = None;
                    for piece in alt {
                        let docs = self.match_piece(piece, wants);
                        all = Some(match all {
                            None => docs,
                            Some(prev) => doclist::intersect(&prev, &docs),
                        });
                    }
                    let mut all = all.unwrap_or_default();
                    if k == 0 {
                        written = needles.len().max(1);
                    } else {
                        let share = SYNONYM_SHARE * written as f32 / needles.len().max(1) as f32;
                        all.iter_mut().for_each(|(_, s)| *s *= share);
                    }
                    found.push(all);
                }
                let any = found
                    .iter()
                    .fold(Vec::new(), |acc, docs| doclist::union(&acc, docs));
                let concept = self.idf(any.len());
                let mut best = Vec::new();
                for mut docs in found {
                    let own = self.idf(docs.len());
                    docs.iter_mut().for_each(|(_, s)| *s *= concept / own);
                    best = doclist::union_max(&best, &docs);
                }
                Some(best)
            }
            Clause::Phrase(p) => {
                let needle = Needle {
                    text: phrase_key(p),
                    whole_word_only: false,
                    phrase: false,
                };
                let mut docs = self.match_needle(&needle, wants);
                // An exact phrase is worth more than its words scattered.
                docs.iter_mut().for_each(|(_, s)| *s *= 1.5);
                Some(docs)
            }
            Clause::Prefix(prefix) => Some(
                self.store
                    .with_prefix(prefix, wants)
                    .into_iter()
                    .map(|t| self.words_of(&t.postings))
                    .fold(Vec::new(), |acc, docs| doclist::union(&acc, &docs)),
            ),
            Clause::Region(_) | Clause::Program(_) | Clause::Date { .. } => None,
        }
    }

    /// The documents holding every needle of a piece of an alternative, and, where the piece
    /// names a place (漠河市, written 漠河 and 县 in the text), those extracted to it.
    fn match_piece(&self, piece: &Piece, wants: &mut Wants) -> DocList {
        let mut all: Option<DocList> = None;
        for needle in self.alternative_needles(std::slice::from_ref(piece)) {
            let docs = self.match_needle(&needle, wants);
            all = Some(match all {
                None => docs,
                Some(prev) => doclist::intersect(&prev, &docs),
            });
        }
        let all = all.unwrap_or_default();
        match piece {
            Piece::Text(t) => doclist::union_max(&all, &self.match_place(t, wants)),
            Piece::Term(_) => all,
        }
    }

    /// The needles of one alternative of a text: its text pieces split as [`Self::needles`]
    /// splits them, its terms whole.
    fn alternative_needles(&self, alt: &[Piece]) -> Vec<Needle> {
        alt.iter()
            .flat_map(|p| match p {
                Piece::Text(t) => self.needles(t),
                // A term of four characters or more is an expression of its own.
                Piece::Term(t) => vec![Needle {
                    text: t.clone(),
                    whole_word_only: false,
                    phrase: t.chars().count() >= 4,
                }],
            })
            .collect()
    }

    /// Split free text into needles: the query's words (segmented exactly as the index was),
    /// with runs of single unknown characters kept together so names like 王萍花 stay whole.
    fn needles(&self, text: &str) -> Vec<Needle> {
        let folded = fold(text);
        let words = self.store.seg.words(&folded);
        let mut out: Vec<Needle> = Vec::new();
        // Adjacent single characters are a word the dictionary does not know (助餐 → 助 餐):
        // they are searched together, as a string, not as characters anywhere in the text.
        let mut run = String::new();
        let mut run_end = 0;
        let flush = |run: &mut String, out: &mut Vec<Needle>| {
            if !run.is_empty() {
                out.push(Needle {
                    text: std::mem::take(run),
                    whole_word_only: false,
                    phrase: false,
                });
            }
        };
        for w in words {
            if w.end - w.start == 1 && w.word.chars().all(is_cjk) {
                if w.start != run_end {
                    flush(&mut run, &mut out);
                }
                run.push_str(&w.word);
                run_end = w.end;
                continue;
            }
            flush(&mut run, &mut out);
            let latin = !w.word.chars().any(is_cjk);
            out.push(Needle {
                text: w.word,
                whole_word_only: latin,
                phrase: false,
            });
        }
        flush(&mut run, &mut out);
        let mut seen = BTreeSet::new();
        out.retain(|n| seen.insert(n.text.clone()));
        out
    }

    /// Documents containing a needle: where it is a word, with full BM25F scores, and (unless
    /// it is a Latin word or number) where it only occurs inside longer words, with
    /// [`FRAGMENT_SHARE`] of them (all of them for a fixed expression), and the documents
    /// extracted to a region of that name. A needle the index has no key for (a run of characters
    /// that is no dictionary word, or a phrase, of three characters or more) is found where
    /// every pair of its adjacent characters and each of its Latin words occur, weighted by the
    /// rarest of them.
    fn match_needle(&self, needle: &Needle, wants: &mut Wants) -> DocList {
        // The place key is asked for with the needle's own, in the same round of fetching.
        let place = self.match_place(&needle.text, wants);
        let Some(found) = wants.take(self.store.term(&needle.text)) else {
            return Vec::new();
        };
        let share = if needle.phrase { 1.0 } else { FRAGMENT_SHARE };
        let docs = match found {
            Some(list) => {
                let whole = self.words_of(list);
                if needle.whole_word_only {
                    return whole;
                }
                let df = list.iter().count();
                let fragments = list.iter().filter(|p| p.fragment);
                doclist::union(&whole, &self.bm25(fragments, df, share))
            }
            None if needle.whole_word_only => Vec::new(),
            None => self.match_parts(&needle.text, share, wants),
        };
        doclist::union(&docs, &place)
    }

    /// Documents whose region is called `name` at some level, scored as the index weighs a
    /// region name ([`place_key`]).
    fn match_place(&self, name: &str, wants: &mut Wants) -> DocList {
        match wants.take(self.store.term(&place_key(name))).flatten() {
            Some(list) => self.words_of(list),
            None => Vec::new(),
        }
    }

    /// The documents where a key is a word, scored.
    fn words_of(&self, list: &Postings) -> DocList {
        let words = list.iter().filter(|p| !p.fragment);
        self.bm25(words.clone(), words.count(), 1.0)
    }

    /// The documents holding every part of `text`: its pairs of adjacent CJK characters (its
    /// character, if it has one alone) and its Latin words, each as the weakest part weighs.
    fn match_parts(&self, text: &str, share: f32, wants: &mut Wants) -> DocList {
        let chars: Vec<char> = text.chars().collect();
        let mut keys: Vec<(String, bool)> = chars
            .windows(2)
            .filter(|w| is_cjk(w[0]) && is_cjk(w[1]))
            .map(|w| (w.iter().collect(), false))
            .collect();
        if keys.is_empty() {
            keys.extend(
                chars
                    .iter()
                    .filter(|c| is_cjk(**c))
                    .map(|c| (c.to_string(), false)),
            );
        }
        keys.extend(
            text.split(|c: char| !c.is_alphanumeric() || is_cjk(c))
                .filter(|w| !w.is_empty())
                .map(|w| (w.to_owned(), true)),
        );
        sort::sort(&mut keys);
        keys.dedup();
        // Every part is looked up, so the chunks of all those missing come in one round (not one
        // round each); a part the index does not have leaves nothing to find.
        let mut lists: Vec<Vec<(u32, u8)>> = Vec::new();
        let mut found = true;
        for (key, word_only) in &keys {
            match wants.take(self.store.term(key)) {
                Some(Some(list)) => lists.push(
                    list.iter()
                        .filter(|p| !(*word_only && p.fragment))
                        .map(|p| (p.doc, p.level))
                        .collect(),
                ),
                _ => found = false,
            }
        }
        if !found {
            return Vec::new();
        }
        sort::sort_by_key(&mut lists, Vec::len);
        let mut iter = lists.into_iter();
        let first = iter.next().unwrap_or_default();
        let docs = iter.fold(first, |acc, l| doclist::intersect_with(&acc, &l, u8::min));
        let df = docs.len();
        let postings = docs.into_iter().map(|(doc, level)| Posting {
            doc,
            fragment: true,
            level,
        });
        self.bm25(postings, df, share)
    }

    /// The inverse document frequency of a word `df` documents hold (BM25's, always positive).
    fn idf(&self, df: usize) -> f32 {
        let n = self.store.docs as f32;
        let df = df as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// BM25F over the postings' weight levels, in their (ascending doc) order, times `share`.
    fn bm25(&self, postings: impl Iterator<Item = Posting>, df: usize, share: f32) -> DocList {
        let idf = self.idf(df);
        postings
            .map(|p| (p.doc, share * idf * self.saturation[p.level as usize]))
            .collect()
    }
}

fn phrase_key(p: &str) -> String {
    fold(p).chars().filter(|c| !c.is_whitespace()).collect()
}
