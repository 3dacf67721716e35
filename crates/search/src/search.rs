//! Running a parsed [`Query`] against an [`Index`]: matching, BM25F ranking, filters, snippets.

use crate::doclist::{self, DocList};
use crate::facet_table::FacetTable;
use crate::facets::{self, Facets, Selection};
use crate::index::Index;
use crate::places::Places;
use crate::proximity::closeness;
use crate::query::{Clause, Query, Warning};
use crate::snippet::{snippet, Segment};
use crate::synonyms::{alternatives, Piece};
use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_article::ProgramLabel;
use shegong_article::N_FIELDS;
use shegong_text::fold;
use shegong_text::is_cjk;
use shegong_text::sort;
use shegong_text::Segmenter;
use std::collections::BTreeSet;

/// Field weights for BM25F: title > lead > body.
const FIELD_WEIGHT: [f32; N_FIELDS] = [3.0, 1.6, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A word found only inside longer words (a fragment) scores this share of a whole word.
const FRAGMENT_SHARE: f32 = 0.5;
/// The most a document gains (as a share of its score) for holding the query's words side by side.
const PROXIMITY_WEIGHT: f32 = 0.5;
/// How many of the best documents proximity re-ranks.
const PROXIMITY_TOP: usize = 200;
/// A query word's other forms (社会工作服务站 for 社工站) score this share of the written one.
const SYNONYM_SHARE: f32 = 0.9;
/// What a word naming an article's region weighs, as a term frequency of a body word: twice
/// one (an article extracted to 佛山 is about 佛山, more than one that names it once in
/// passing).
const PLACE_WEIGHT: f32 = 2.0;

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

/// A loaded collection ready to search: articles, their index, and the segmenter it was built with.
#[derive(Debug, Clone)]
pub struct Engine {
    articles: Vec<Article>,
    programs: Vec<ProgramLabel>,
    index: Index,
    seg: Segmenter,
    /// Folded fields of every article without whitespace, for verifying text the words do not
    /// cover and for proximity.
    folded: Vec<[String; N_FIELDS]>,
    /// BM25F per document and field: the field's weight over its length normalisation.
    field_weight: Vec<[f32; N_FIELDS]>,
    facets: FacetTable,
    /// (year, month, day) of each article, unknown parts 0, for "newest first".
    dates: Vec<(i32, u32, u32)>,
    /// Articles by the names of their regions.
    places: Places,
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
    /// An engine over articles with their index, built with `seg`.
    pub fn new(
        articles: Vec<Article>,
        programs: Vec<ProgramLabel>,
        index: Index,
        seg: Segmenter,
    ) -> Self {
        let folded = articles
            .iter()
            .map(|a| {
                a.folded_fields()
                    .map(|f| f.chars().filter(|c| !c.is_whitespace()).collect())
            })
            .collect();
        let avg_len = index.avg_field_len();
        let field_weight = index
            .field_len
            .iter()
            .map(|lens| {
                std::array::from_fn(|f| {
                    // `avg_field_len` is at least 1.
                    FIELD_WEIGHT[f] / (1.0 - B + B * lens[f] as f32 / avg_len[f])
                })
            })
            .collect();
        let facets = FacetTable::new(&articles);
        let places = Places::new(&articles);
        let dates = articles
            .iter()
            .map(|a| {
                a.date.as_ref().map_or((0, 0, 0), |d| {
                    (
                        d.year.unwrap_or(0),
                        d.month.unwrap_or(0),
                        d.day.unwrap_or(0),
                    )
                })
            })
            .collect();
        Self {
            articles,
            programs,
            index,
            seg,
            folded,
            field_weight,
            facets,
            dates,
            places,
        }
    }

    /// The articles, in document order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Labels of the program types used in the collection.
    pub fn programs(&self) -> &[ProgramLabel] {
        &self.programs
    }

    /// The segmenter of the collection's dictionary.
    pub fn segmenter(&self) -> &Segmenter {
        &self.seg
    }

    /// Run a request.
    pub fn search(&self, req: &Request<'_>) -> Results {
        let q = req.query;
        let n = self.articles.len();
        // Free-text clauses: every one must match; scores add up.
        let mut scores: Option<DocList> = None;
        let mut needles_for_snippet: Vec<String> = Vec::new();
        let mut words_for_proximity: Vec<String> = Vec::new();
        for p in q.parts.iter().filter(|p| !p.negated) {
            let Some(docs) = self.match_clause(&p.clause, true) else {
                continue;
            };
            needles_for_snippet.extend(self.highlight_terms(&p.clause, true));
            words_for_proximity.extend(self.highlight_terms(&p.clause, false));
            scores = Some(match scores {
                None => docs,
                Some(prev) => doclist::intersect(&prev, &docs),
            });
        }
        let mut ranked: DocList = match scores {
            Some(s) => s,
            None => (0..n as u32).map(|d| (d, 0.0)).collect(),
        };
        // Field filters and exclusions in the query itself.
        let filtered = q.parts.iter().any(|p| {
            p.negated
                || matches!(
                    p.clause,
                    Clause::Region(_) | Clause::Program(_) | Clause::Date { .. }
                )
        });
        if filtered {
            let mut blocked = vec![false; n];
            for p in q.parts.iter().filter(|p| p.negated) {
                // An exclusion is what it says: `-社会工作站` keeps articles saying 社工站.
                for (d, _) in self.match_clause(&p.clause, false).unwrap_or_default() {
                    blocked[d as usize] = true;
                }
            }
            ranked.retain(|(d, _)| !blocked[*d as usize] && self.passes_filters(*d as usize, q));
        }
        let selection = self.facets.compile(req.selection);
        let facets = self.facets.count_and_keep(&mut ranked, &selection);
        if req.sort == Sort::Relevance {
            self.boost_proximity(&mut ranked, &words_for_proximity);
        }
        let by_score = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1);
        let by_date = |a: &(u32, f32), b: &(u32, f32)| {
            self.dates[b.0 as usize].cmp(&self.dates[a.0 as usize])
        };
        let order = |a: &(u32, f32), b: &(u32, f32)| {
            match req.sort {
                Sort::Relevance => by_score(a, b).then_with(|| by_date(a, b)),
                Sort::Newest => by_date(a, b).then_with(|| by_score(a, b)),
            }
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
        let hits = ranked
            .into_iter()
            .skip(req.offset)
            .take(req.limit)
            .map(|(doc, score)| {
                let a = &self.articles[doc as usize];
                Hit {
                    doc,
                    id: a.id.clone(),
                    title: a.display_title(),
                    score,
                    snippet: snippet(&a.text, &needles_for_snippet, &self.seg),
                }
            })
            .collect();
        Results {
            total,
            hits,
            facets,
            warnings: q.warnings.clone(),
        }
    }

    /// Raise the scores of the best [`PROXIMITY_TOP`] documents by how close together they
    /// hold the query's words (in any one field), by up to [`PROXIMITY_WEIGHT`].
    fn boost_proximity(&self, ranked: &mut [(u32, f32)], words: &[String]) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        if words.len() < 2 || ranked.is_empty() {
            return;
        }
        let best_first = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        sort::select_first(ranked, PROXIMITY_TOP, best_first);
        for (d, score) in ranked.iter_mut().take(PROXIMITY_TOP) {
            let close = self.folded[*d as usize]
                .iter()
                .map(|field| closeness(field, &words))
                .fold(0.0f32, f32::max);
            *score *= 1.0 + PROXIMITY_WEIGHT * close;
        }
    }

    /// Folded strings to highlight for a clause, with those of its text's alternatives.
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
    /// where `alternative` says so; `None` for filter clauses.
    fn match_clause(&self, clause: &Clause, alternative: bool) -> Option<DocList> {
        match clause {
            // Any of the text's alternatives (社工站, 社会工作服务站), each with all its words;
            // the written one scores fully, the others [`SYNONYM_SHARE`] of it per word written
            // (社会工作服务站 is two words where 社工站 is one).
            Clause::Text(t) => {
                let mut written = 1;
                let mut any = Vec::new();
                let alts = alternatives(&fold(t));
                let alts = if alternative { &alts[..] } else { &alts[..1] };
                for (k, alt) in alts.iter().enumerate() {
                    let needles = self.alternative_needles(alt);
                    let mut all: Option<DocList> = None;
                    for piece in alt {
                        let docs = self.match_piece(piece);
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
                    any = doclist::union_max(&any, &all);
                }
                Some(any)
            }
            Clause::Phrase(p) => {
                let mut docs = self.match_needle(&Needle {
                    text: phrase_key(p),
                    whole_word_only: false,
                    phrase: false,
                });
                // An exact phrase is worth more than its words scattered.
                docs.iter_mut().for_each(|(_, s)| *s *= 1.5);
                Some(docs)
            }
            Clause::Prefix(prefix) => Some(
                self.index
                    .terms_with_prefix(prefix)
                    .map(|e| self.bm25(e.postings.iter().map(|p| (p.doc, p.tf)), e.postings.len()))
                    .fold(Vec::new(), |acc, docs| doclist::union(&acc, &docs)),
            ),
            Clause::Region(_) | Clause::Program(_) | Clause::Date { .. } => None,
        }
    }

    /// The documents holding every needle of a piece of an alternative, and, where the piece
    /// names a place (漠河市, written 漠河 and 县 in the text), those extracted to it.
    fn match_piece(&self, piece: &Piece) -> DocList {
        let mut all: Option<DocList> = None;
        for needle in self.alternative_needles(std::slice::from_ref(piece)) {
            let docs = self.match_needle(&needle);
            all = Some(match all {
                None => docs,
                Some(prev) => doclist::intersect(&prev, &docs),
            });
        }
        let all = all.unwrap_or_default();
        match piece {
            Piece::Text(t) => doclist::union_max(&all, &self.match_place(t)),
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
        let words = self.seg.words(&folded);
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

    /// Documents containing a needle: whole-word postings score fully; documents that contain
    /// it only inside other words (found through character n-grams, verified on the folded
    /// text) score [`FRAGMENT_SHARE`].
    fn match_needle(&self, needle: &Needle) -> DocList {
        let whole: DocList = self.index.term(&needle.text).map_or_else(Vec::new, |e| {
            self.bm25(e.postings.iter().map(|p| (p.doc, p.tf)), e.postings.len())
        });
        if needle.whole_word_only {
            return whole;
        }
        let candidates = doclist::without(&self.gram_candidates(&needle.text), &whole);
        let key: String = needle.text.chars().filter(|c| !c.is_whitespace()).collect();
        let fragment: Vec<(u32, [u16; N_FIELDS])> = candidates
            .into_iter()
            .filter_map(|d| {
                let f = &self.folded[d as usize];
                let tf = [0, 1, 2].map(|i| count(&f[i], &key));
                tf.iter().any(|&c| c > 0).then_some((d, tf))
            })
            .collect();
        let df = whole.len() + fragment.len();
        let mut fragment = self.bm25(fragment.into_iter(), df);
        if !needle.phrase {
            fragment.iter_mut().for_each(|(_, s)| *s *= FRAGMENT_SHARE);
        }
        doclist::union(
            &doclist::union(&whole, &fragment),
            &self.match_place(&needle.text),
        )
    }

    /// Documents whose region is called `name` at some level, scored as one word of weight
    /// [`PLACE_WEIGHT`].
    fn match_place(&self, name: &str) -> DocList {
        let docs = self.places.docs(name);
        let n = self.index.doc_count() as f32;
        let df = docs.len() as f32;
        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
        let score = idf * PLACE_WEIGHT * (K1 + 1.0) / (PLACE_WEIGHT + K1);
        docs.iter().map(|&d| (d, score)).collect()
    }

    /// Documents containing every CJK unigram/bigram of `text` (a superset of those containing
    /// it), ascending.
    fn gram_candidates(&self, text: &str) -> Vec<u32> {
        let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        if !chars.iter().any(|&c| is_cjk(c)) {
            // A phrase without Chinese: no n-grams cover it, so every document is a candidate.
            return (0..self.index.doc_count() as u32).collect();
        }
        let mut keys: Vec<String> = chars
            .windows(2)
            .filter(|w| is_cjk(w[0]) && is_cjk(w[1]))
            .map(|w| w.iter().collect())
            .collect();
        if keys.is_empty() {
            keys = chars
                .iter()
                .filter(|c| is_cjk(**c))
                .map(|c| c.to_string())
                .collect();
        }
        sort::sort(&mut keys);
        keys.dedup();
        let mut lists: Vec<Vec<u32>> = Vec::new();
        for k in &keys {
            match self.index.gram(k) {
                Some(g) => lists.push(g.docs()),
                None => return Vec::new(),
            }
        }
        sort::sort_by_key(&mut lists, Vec::len);
        let mut iter = lists.into_iter();
        let first = iter.next().unwrap_or_default();
        iter.fold(first, |acc, l| doclist::intersect_docs(&acc, &l))
    }

    /// BM25F over the weighted fields, in the postings' (ascending doc) order.
    fn bm25(&self, postings: impl Iterator<Item = (u32, [u16; N_FIELDS])>, df: usize) -> DocList {
        let n = self.index.doc_count() as f32;
        let idf = ((n - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln();
        postings
            .map(|(doc, tf)| {
                let fw = &self.field_weight[doc as usize];
                let w: f32 = (0..N_FIELDS).map(|f| fw[f] * f32::from(tf[f])).sum();
                (doc, idf * w * (K1 + 1.0) / (w + K1))
            })
            .collect()
    }

    /// Does the document pass the query's own field filters (`region:`, `program:`, `date:`)?
    fn passes_filters(&self, doc: usize, q: &Query) -> bool {
        let a = &self.articles[doc];
        q.parts.iter().all(|p| {
            let hit = match &p.clause {
                Clause::Region(r) => region_matches(a, r),
                Clause::Program(prog) => a.programs.iter().any(|x| x == prog),
                Clause::Date { from, to } => facets::date_in(a, *from, *to),
                _ => return true,
            };
            hit != p.negated
        })
    }
}

fn phrase_key(p: &str) -> String {
    fold(p).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Occurrences of `needle` in `hay` (both without whitespace).
fn count(hay: &str, needle: &str) -> u16 {
    if needle.is_empty() {
        return 0;
    }
    hay.matches(needle).count().min(u16::MAX as usize) as u16
}

/// Does the article's region name `r` at any level (folded; `闵行` matches `闵行区`)?
pub fn region_matches(a: &Article, r: &str) -> bool {
    let r = fold(r);
    a.region.as_ref().is_some_and(|reg| {
        [&reg.province, &reg.city, &reg.district, &reg.town]
            .into_iter()
            .flatten()
            .any(|name| fold(name).starts_with(&r))
    })
}
