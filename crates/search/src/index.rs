//! The inverted index: words (jieba search mode) with per-field frequencies, and CJK
//! character unigrams and bigrams that find any text the dictionary does not know.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_text::is_cjk;
use shegong_text::sort;
use shegong_text::Segmenter;

/// Indexed fields, in order of weight: title, lead, body.
pub use shegong_article::N_FIELDS;

/// One document's occurrences of a word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub doc: u32,
    pub tf: [u16; N_FIELDS],
}

/// A word and the documents it occurs in (ascending doc ids).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermEntry {
    pub term: String,
    pub postings: Vec<Posting>,
}

/// A character n-gram and the documents containing it, as gaps between ascending doc ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GramEntry {
    pub gram: String,
    pub doc_gaps: Vec<u32>,
}

impl GramEntry {
    pub fn docs(&self) -> Vec<u32> {
        let mut doc = 0;
        self.doc_gaps
            .iter()
            .map(|gap| {
                doc += gap;
                doc
            })
            .collect()
    }
}

/// The whole index; every list is sorted so the encoding is deterministic and lookups binary-search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Per document, the length in tokens of each field.
    pub(crate) field_len: Vec<[u32; N_FIELDS]>,
    pub(crate) terms: Vec<TermEntry>,
    pub(crate) grams: Vec<GramEntry>,
}

/// One article's share of the index.
struct Analysed {
    lens: [u32; N_FIELDS],
    /// Words and their per-field frequencies.
    tfs: Vec<(String, [u16; N_FIELDS])>,
    /// Distinct n-grams, as [`gram_key`]s.
    grams: Vec<u64>,
}

fn analyse(a: &Article, seg: &Segmenter) -> Analysed {
    let fields = a.folded_fields();
    let mut lens = [0u32; N_FIELDS];
    let mut tfs: HashMap<String, [u16; N_FIELDS]> = HashMap::default();
    for (f, text) in fields.iter().enumerate() {
        let toks = seg.index_tokens(text);
        lens[f] = toks.len() as u32;
        for t in toks {
            let e = tfs.entry(t.word).or_default();
            e[f] = e[f].saturating_add(1);
        }
    }
    let mut grams: Vec<u64> = fields.iter().flat_map(|t| gram_keys(t)).collect();
    sort::sort(&mut grams);
    grams.dedup();
    Analysed {
        lens,
        tfs: tfs.into_iter().collect(),
        grams,
    }
}

/// A unigram (`b` = 0) or bigram as one number.
fn gram_key(a: char, b: Option<char>) -> u64 {
    (u64::from(a) << 32) | b.map_or(0, u64::from)
}

fn gram_text(key: u64) -> String {
    [(key >> 32) as u32, key as u32]
        .into_iter()
        .filter(|&c| c != 0)
        .filter_map(char::from_u32)
        .collect()
}

/// The CJK unigrams and bigrams of a text, as keys.
fn gram_keys(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if is_cjk(c) {
            out.push(gram_key(c, None));
            if let Some(p) = prev {
                out.push(gram_key(p, Some(c)));
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    out
}

impl Index {
    /// Index articles; document ids are their positions in `articles`. Articles are
    /// analysed in parallel natively; the result is the same on any number of threads.
    pub fn build(articles: &[Article], seg: &Segmenter) -> Self {
        let analysed = shegong_text::parallel::map(articles, |a| analyse(a, seg));
        let mut terms: HashMap<String, Vec<Posting>> = HashMap::default();
        let mut grams: HashMap<u64, Vec<u32>> = HashMap::default();
        let mut field_len = Vec::with_capacity(articles.len());
        for (doc, d) in analysed.into_iter().enumerate() {
            let doc = doc as u32;
            for (term, tf) in d.tfs {
                terms.entry(term).or_default().push(Posting { doc, tf });
            }
            for g in d.grams {
                grams.entry(g).or_default().push(doc);
            }
            field_len.push(d.lens);
        }
        let mut terms: Vec<TermEntry> = terms
            .into_iter()
            .map(|(term, postings)| TermEntry { term, postings })
            .collect();
        sort::sort_by(&mut terms, |a, b| a.term.cmp(&b.term));
        let mut grams: Vec<GramEntry> = grams
            .into_iter()
            .map(|(key, docs)| GramEntry {
                gram: gram_text(key),
                doc_gaps: gaps(&docs),
            })
            .collect();
        sort::sort_by(&mut grams, |a, b| a.gram.cmp(&b.gram));
        Index {
            field_len,
            terms,
            grams,
        }
    }

    /// How many distinct words it indexes.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    /// How many documents it indexes.
    pub fn doc_count(&self) -> usize {
        self.field_len.len()
    }

    /// The postings of a folded word.
    pub fn term(&self, term: &str) -> Option<&TermEntry> {
        self.terms
            .binary_search_by(|e| e.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.terms[i])
    }

    /// Terms starting with `prefix` (for Latin prefix queries).
    pub fn terms_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a TermEntry> {
        let start = self.terms.partition_point(|e| e.term.as_str() < prefix);
        self.terms[start..]
            .iter()
            .take_while(move |e| e.term.starts_with(prefix))
    }

    /// The documents holding a CJK uni- or bigram.
    pub fn gram(&self, gram: &str) -> Option<&GramEntry> {
        self.grams
            .binary_search_by(|e| e.gram.as_str().cmp(gram))
            .ok()
            .map(|i| &self.grams[i])
    }

    /// Average field lengths (for BM25 length normalisation).
    pub fn avg_field_len(&self) -> [f32; N_FIELDS] {
        let n = self.field_len.len().max(1) as f32;
        let mut sum = [0f32; N_FIELDS];
        for lens in &self.field_len {
            for f in 0..N_FIELDS {
                sum[f] += lens[f] as f32;
            }
        }
        sum.map(|s| (s / n).max(1.0))
    }
}

fn gaps(docs: &[u32]) -> Vec<u32> {
    let mut prev = 0;
    docs.iter()
        .map(|&d| {
            let g = d - prev;
            prev = d;
            g
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use shegong_text::Dictionary;

    fn art(title: &str, text: &str) -> Article {
        Article {
            title: Some(title.to_owned()),
            text: text.to_owned(),
            ..Article::default()
        }
    }

    #[test]
    fn grams() {
        let grams: Vec<String> = gram_keys("社工a站").into_iter().map(gram_text).collect();
        assert_eq!(grams, ["社", "工", "社工", "站"]);
    }

    #[test]
    fn builds_terms_and_grams() {
        let d = Dictionary::parse("社工 500 n\n培训 800 v\n老人 600 n\n").unwrap();
        let seg = Segmenter::new(&d);
        let idx = Index::build(
            &[
                art("社工培训", "为老人培训。\n更多培训"),
                art("老人", "照顾老人"),
            ],
            &seg,
        );
        assert_eq!(idx.doc_count(), 2);
        let p = &idx.term("培训").unwrap().postings;
        assert_eq!(
            p,
            &[Posting {
                doc: 0,
                tf: [1, 1, 1]
            }]
        );
        assert_eq!(idx.term("老人").unwrap().postings.len(), 2);
        assert_eq!(idx.gram("老人").unwrap().docs(), [0, 1]);
        assert!(idx.term("不在").is_none());
    }
}
