//! The inverted index: for every key a search can look up, the documents it occurs in, each
//! with its BM25F weight ([`Postings`]).
//!
//! Keys are the folded text's index tokens (jieba's search mode plus long dictionary sub-words,
//! Latin words, numbers) and everything a query word can be found inside other words as: every
//! CJK character and pair of adjacent CJK characters, and every dictionary word occurring
//! anywhere in the text, overlapping ones too. A document has the key as a *word* where the
//! key is one of its tokens (weighted by the token's frequency per field) and as a *fragment*
//! where the key only occurs inside other words (weighted by its non-overlapping occurrences
//! per field, as `str::matches` counts them). So a query word is found as a word or inside
//! longer words without reading the documents' texts.
//!
//! Building runs in two passes over the articles (field lengths first, for the length
//! normalisation; then the keys), each on all cores natively: in the second, each core packs
//! the lists of a run of consecutive articles, and a key's lists are then joined in the order
//! of the runs, so the result is the same on any number of threads and memory holds little
//! more than the packed lists.

use crate::postings::{level, Level, Posting, Postings, Writer};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_text::is_cjk;
use shegong_text::sort;
use shegong_text::Segmenter;

/// Indexed fields, in order of weight: title, lead, body.
pub use shegong_article::N_FIELDS;

/// Field weights for BM25F: title > lead > body.
const FIELD_WEIGHT: [f32; N_FIELDS] = [3.0, 1.6, 1.0];
/// BM25's length normalisation.
const B: f32 = 0.75;
/// What a region name weighs for its articles, as one occurrence in a body of average length
/// weighs 1: twice that (an article extracted to 佛山 is about 佛山, more than one that names it
/// once in passing).
const PLACE_WEIGHT: f32 = 2.0;
/// The first character of a region name's key ([`place_key`]).
const PLACE_MARK: char = '\u{1}';

/// A key and its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The folded key.
    pub key: String,
    /// The documents it occurs in.
    pub postings: Postings,
}

/// Keys sorted and distinct, so lookups binary-search and the encoding is deterministic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub(crate) terms: Vec<Term>,
}

/// Per field, its BM25F weight for one occurrence: the field's weight over its length
/// normalisation.
type FieldWeights = [f32; N_FIELDS];

fn field_weights(lens: &[[u32; N_FIELDS]]) -> Vec<FieldWeights> {
    let n = lens.len().max(1) as f32;
    let mut sum = [0f32; N_FIELDS];
    for l in lens {
        for f in 0..N_FIELDS {
            sum[f] += l[f] as f32;
        }
    }
    let avg = sum.map(|s| (s / n).max(1.0));
    lens.iter()
        .map(|l| std::array::from_fn(|f| FIELD_WEIGHT[f] / (1.0 - B + B * l[f] as f32 / avg[f])))
        .collect()
}

fn weigh(counts: &[u16; N_FIELDS], fw: &FieldWeights) -> Level {
    level((0..N_FIELDS).map(|f| fw[f] * f32::from(counts[f])).sum())
}

/// A key's counts in one article.
#[derive(Default)]
struct Slot {
    /// Occurrences as a word (an index token), per field.
    word: [u16; N_FIELDS],
    /// Occurrences anywhere, non-overlapping, per field.
    inside: [u16; N_FIELDS],
    /// The field (+ 1) and end of its last counted occurrence anywhere.
    last: (usize, usize),
}

/// One article's share of the index: `emit` gets each key once, with whether it is only a
/// fragment there and its weight level.
fn analyse(
    a: &Article,
    seg: &Segmenter,
    fw: &FieldWeights,
    mut emit: impl FnMut(&str, bool, Level),
) {
    let fields = a.folded_fields();
    let mut keys: HashMap<&str, Slot> = HashMap::default();
    for (f, text) in fields.iter().enumerate() {
        occurrences(text, f, seg, &mut keys);
    }
    for (key, slot) in keys {
        let fragment = slot.word == [0; N_FIELDS];
        let counts = if fragment { &slot.inside } else { &slot.word };
        emit(key, fragment, weigh(counts, fw));
    }
    if let Some(region) = &a.region {
        let mut places: Vec<String> = region.names().into_iter().map(place_key).collect();
        sort::sort(&mut places);
        places.dedup();
        for k in places {
            emit(&k, false, level(PLACE_WEIGHT));
        }
    }
}

/// The key under which the index lists the articles whose region is called `name` (folded
/// here) at some level, or by its short form: a place finds the articles extracted to it,
/// though their text may name only a street inside it (`烟台` finds an article of 山东省 >
/// 烟台市 > 芝罘区 > 毓璜顶街道). The mark keeps these keys apart from the text's, which never
/// hold a control character.
pub(crate) fn place_key(name: &str) -> String {
    format!("{PLACE_MARK}{}", shegong_text::fold(name))
}

/// Count the keys of field `f`'s `text`: its index tokens as words, and, non-overlapping and
/// leftmost first (as `str::matches` counts), its CJK characters, pairs of adjacent CJK
/// characters and dictionary words anywhere.
fn occurrences<'t>(text: &'t str, f: usize, seg: &Segmenter, keys: &mut HashMap<&'t str, Slot>) {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let chars: Vec<char> = text.chars().collect();
    seg.index_each(&chars, &mut |start, end| {
        let slot = keys.entry(&text[bytes[start]..bytes[end]]).or_default();
        slot.word[f] = slot.word[f].saturating_add(1);
    });
    let mut count = |start: usize, end: usize| {
        let slot = keys.entry(&text[bytes[start]..bytes[end]]).or_default();
        if slot.last.0 != f + 1 || start >= slot.last.1 {
            slot.inside[f] = slot.inside[f].saturating_add(1);
            slot.last = (f + 1, end);
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if is_cjk(c) {
            count(i, i + 1);
            if chars.get(i + 1).is_some_and(|&d| is_cjk(d)) {
                count(i, i + 2);
            }
        }
    }
    seg.dictionary_words(&chars, |start, end| {
        if end - start > 1 {
            count(start, end);
        }
    });
}

impl Index {
    /// Index articles; document ids are their positions in `articles`.
    pub fn build(articles: &[Article], seg: &Segmenter) -> Self {
        Index {
            terms: build_terms(articles, seg),
        }
    }

    /// How many keys it holds.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    /// The keys and their documents, sorted by key.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The documents of a folded key.
    pub fn get(&self, key: &str) -> Option<&Postings> {
        self.terms
            .binary_search_by(|t| t.key.as_str().cmp(key))
            .ok()
            .map(|i| &self.terms[i].postings)
    }

    /// Keys starting with `prefix`.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Term> {
        let start = self.terms.partition_point(|t| t.key.as_str() < prefix);
        self.terms[start..]
            .iter()
            .take_while(move |t| t.key.starts_with(prefix))
    }
}

/// The sorted keys of `articles` with their postings.
pub(crate) fn build_terms(articles: &[Article], seg: &Segmenter) -> Vec<Term> {
    let lens = shegong_text::parallel::map(articles, |a| {
        a.folded_fields().map(|f| {
            let chars: Vec<char> = f.chars().collect();
            let mut n = 0;
            seg.index_each(&chars, &mut |_, _| n += 1);
            n
        })
    });
    let fw = field_weights(&lens);
    drop(lens);
    let runs = shegong_text::parallel::runs(articles, |first, run| {
        let mut lists: HashMap<String, Writer> = HashMap::default();
        for (doc, a) in (first..).zip(run) {
            analyse(a, seg, &fw[doc], |key, fragment, level| {
                let posting = Posting {
                    doc: doc as u32,
                    fragment,
                    level,
                };
                match lists.get_mut(key) {
                    Some(w) => w.push(posting),
                    None => {
                        let mut w = Writer::default();
                        w.push(posting);
                        lists.insert(key.to_owned(), w);
                    }
                }
            });
        }
        lists
    });
    // A key's list over all articles: its lists of the runs, joined in their order.
    let mut runs = runs.into_iter();
    let mut lists = runs.next().unwrap_or_default();
    for run in runs {
        for (key, w) in run {
            // get_mut and insert, as above (no second map API in the wasm).
            match lists.get_mut(&key) {
                Some(list) => list.append(w),
                None => {
                    lists.insert(key, w);
                }
            }
        }
    }
    let mut terms: Vec<Term> = lists
        .into_iter()
        .map(|(key, w)| Term {
            key,
            postings: w.finish(),
        })
        .collect();
    sort::sort_by(&mut terms, |a, b| a.key.cmp(&b.key));
    terms
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

    fn docs(idx: &Index, key: &str) -> Vec<(u32, bool)> {
        idx.get(key)
            .map(|p| p.iter().map(|p| (p.doc, p.fragment)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn occurrences_count_like_str_matches() {
        let seg = Segmenter::new(&Dictionary::parse("哈哈 10 n\n社工站 10 n\n").unwrap());
        let mut keys = HashMap::default();
        occurrences("哈哈哈哈哈，社工站", 2, &seg, &mut keys);
        let n = |k: &str| keys[k].inside[2];
        assert_eq!(n("哈哈"), "哈哈哈哈哈".matches("哈哈").count() as u16);
        assert_eq!(n("哈"), 5);
        assert_eq!(n("社工站"), 1);
        assert_eq!(n("社工"), 1);
        assert_eq!(keys["社工站"].word, [0, 0, 1]);
        assert!(!keys.contains_key("，"));
    }

    #[test]
    fn words_and_fragments() {
        let d = Dictionary::parse("社工 500 n\n社工站 80 n\n培训 800 v\n老人 600 n\n").unwrap();
        let seg = Segmenter::new(&d);
        let idx = Index::build(
            &[
                art("社工培训", "为老人培训。\n更多培训"),
                art("老人", "照顾老人的社工站"),
            ],
            &seg,
        );
        assert_eq!(docs(&idx, "培训"), [(0, false)]);
        assert_eq!(docs(&idx, "老人"), [(0, false), (1, false)]);
        // 社工 is a word of the first title and a sub-word in 社工站 (search mode).
        assert_eq!(docs(&idx, "社工"), [(0, false), (1, false)]);
        // Characters and pairs not segmented as words are fragments.
        assert_eq!(docs(&idx, "工站"), [(1, true)]);
        assert_eq!(docs(&idx, "训"), [(0, true)]);
        assert!(idx.get("不在").is_none());
    }

    #[test]
    fn a_title_occurrence_weighs_more_than_a_body_one() {
        let d = Dictionary::parse("培训 800 v\n").unwrap();
        let idx = Index::build(
            &[art("培训", "某某某某"), art("某某", "某某某某\n培训")],
            &Segmenter::new(&d),
        );
        let w: Vec<Level> = idx.get("培训").unwrap().iter().map(|p| p.level).collect();
        assert!(w[0] > w[1], "{w:?}");
    }
}
