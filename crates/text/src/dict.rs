//! The segmentation dictionary: jieba's word list plus user words, and the subset a bundle
//! carries so that the browser segments queries exactly as the builder segmented the index.

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The full jieba dictionary (MIT, from jieba-rs), only where bundles are built.
#[cfg(feature = "full-dict")]
pub const JIEBA_DICT: &str = include_str!("../data/jieba_dict.txt");

/// A word that can never occur in normalised text (private-use characters are removed by
/// [`crate::normalize::clean_chars`] and by query parsing). A subset carries it with the
/// frequency of everything left out, so the total frequency, and with it every route
/// probability jieba computes, stays exactly that of the full dictionary.
pub const PADDING_WORD: &str = "\u{E000}";

/// Frequency given to user words (domain terms, place names) that jieba does not know:
/// high enough that they are kept whole.
pub const USER_WORD_FREQ: u64 = 3000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
/// Why a dictionary could not be parsed.
pub enum DictError {
    #[error(
        "dictionary line {line}: `{text}` has no valid frequency (expected `word freq [tag]`)"
    )]
    /// A line without a word and a number.
    BadLine {
        /// Line number, from 1.
        line: usize,
        /// The line.
        text: String,
    },
}

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The word.
    pub word: String,
    /// Its frequency.
    pub freq: u64,
    /// Its part-of-speech tag (empty in subsets).
    pub tag: String,
}

/// A dictionary: entries in a deterministic (sorted) order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictionary {
    entries: Vec<Entry>,
}

impl Dictionary {
    /// Parse jieba's `word freq [tag]` lines.
    pub fn parse(text: &str) -> Result<Self, DictError> {
        let mut map = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            let freq = parts
                .next()
                .and_then(|f| f.parse::<u64>().ok())
                .ok_or_else(|| DictError::BadLine {
                    line: i + 1,
                    text: line.to_owned(),
                })?;
            let tag = parts.next().unwrap_or("").to_owned();
            map.insert(word.to_owned(), (freq, tag));
        }
        Ok(Self::from_map(map))
    }

    /// The full jieba dictionary.
    #[cfg(feature = "full-dict")]
    pub fn jieba() -> Self {
        Self::parse(JIEBA_DICT).expect("the vendored jieba dictionary is well formed")
    }

    /// A dictionary of the given entries of distinct words, sorted by word: what a reader
    /// assembles from the chunks of a large subset, or from the compact form the browser fetches
    /// (`shegong_collection::from_compact`).
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Self {
        let mut entries: Vec<Entry> = entries.into_iter().collect();
        crate::sort::sort_by(&mut entries, |a, b| a.word.cmp(&b.word));
        Self { entries }
    }

    fn from_map(map: BTreeMap<String, (u64, String)>) -> Self {
        Self {
            entries: map
                .into_iter()
                .map(|(word, (freq, tag))| Entry { word, freq, tag })
                .collect(),
        }
    }

    /// The entries, sorted by word.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sum of all frequencies (what jieba divides by).
    pub fn total(&self) -> u64 {
        self.entries.iter().map(|e| e.freq).sum()
    }

    /// Add words the dictionary lacks (or knows only as rarer than [`USER_WORD_FREQ`]).
    pub fn add_user_words<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        let mut map: BTreeMap<String, (u64, String)> = std::mem::take(&mut self.entries)
            .into_iter()
            .map(|e| (e.word, (e.freq, e.tag)))
            .collect();
        for w in words {
            let w = w.trim();
            if w.chars().count() < 2 || w.contains(char::is_whitespace) {
                continue;
            }
            let e = map.entry(w.to_owned()).or_insert((0, "nz".to_owned()));
            e.0 = e.0.max(USER_WORD_FREQ);
        }
        *self = Self::from_map(map);
    }

    /// The entries that occur in the texts of `items` (`texts` of each: the whole folded
    /// corpus), plus the padding entry that keeps the total frequency, without their
    /// part-of-speech tags (segmentation does not use them). Segmenting any part of a text with
    /// the subset gives exactly the tokens the full dictionary gives, because segmentation only
    /// consults words that occur in the sentence being cut. The items are searched on all cores.
    pub fn subset_for<T: Sync, S: AsRef<str>, I: IntoIterator<Item = S>>(
        &self,
        items: &[T],
        texts: impl Fn(&T) -> I + Sync,
    ) -> Self {
        let words: Vec<&str> = self.entries.iter().map(|e| e.word.as_str()).collect();
        let ac = AhoCorasick::new(&words).expect("dictionary words form a valid automaton");
        let used = crate::parallel::runs(items, |_, run| {
            let mut used = vec![false; words.len()];
            for text in run.iter().flat_map(&texts) {
                for m in ac.find_overlapping_iter(text.as_ref()) {
                    used[m.pattern().as_usize()] = true;
                }
            }
            used
        })
        .into_iter()
        .reduce(|a, b| a.iter().zip(&b).map(|(x, y)| *x || *y).collect())
        .unwrap_or_default();
        let mut entries: Vec<Entry> = self
            .entries
            .iter()
            .zip(&used)
            .filter(|(_, &u)| u)
            .map(|(e, _)| Entry {
                word: e.word.clone(),
                freq: e.freq,
                tag: String::new(),
            })
            .collect();
        let kept: u64 = entries.iter().map(|e| e.freq).sum();
        let rest = self.total() - kept;
        if rest > 0 {
            entries.push(Entry {
                word: PADDING_WORD.to_owned(),
                freq: rest,
                tag: String::new(),
            });
            entries.sort_by(|a, b| a.word.cmp(&b.word));
        }
        Self { entries }
    }

    /// A 32-bit fingerprint of the entries (word, frequency), for bundle headers.
    pub fn fingerprint(&self) -> u32 {
        let mut h = crate::checksum::digest();
        for e in &self.entries {
            h.update(e.word.as_bytes());
            h.update(&e.freq.to_le_bytes());
        }
        h.finalize()
    }
}

/// Social-work terms that segmentation must keep whole (added as user words when building).
const DOMAIN_TERMS: &str = include_str!("../data/domain_terms.txt");

/// The domain terms, without comments.
pub fn domain_terms() -> impl Iterator<Item = &'static str> {
    DOMAIN_TERMS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "社工 500 n\n社工站 20 n\n站 300 n\n培训 800 v\n老人 600 n\n";

    #[test]
    fn parse_and_total() {
        let d = Dictionary::parse(SMALL).unwrap();
        assert_eq!(d.len(), 5);
        assert_eq!(d.total(), 2220);
        assert!(Dictionary::parse("社工 many\n").is_err());
    }

    #[test]
    fn subset_keeps_total_and_only_used_words() {
        let d = Dictionary::parse(SMALL).unwrap();
        let s = d.subset_for(&["社工站开展", "培训"], |t| [*t]);
        let words: Vec<&str> = s.entries().iter().map(|e| e.word.as_str()).collect();
        assert_eq!(words, ["培训", "社工", "社工站", "站", PADDING_WORD]);
        assert_eq!(s.total(), d.total());
    }

    #[test]
    fn from_entries_sorts() {
        let d = Dictionary::parse(SMALL).unwrap();
        let mut entries = d.entries().to_vec();
        entries.reverse();
        assert_eq!(Dictionary::from_entries(entries), d);
    }

    #[test]
    fn user_words_are_added_and_raised() {
        let mut d = Dictionary::parse(SMALL).unwrap();
        d.add_user_words(["社工站", "五社联动", "x"]);
        let get = |w: &str| d.entries().iter().find(|e| e.word == w).map(|e| e.freq);
        assert_eq!(get("社工站"), Some(USER_WORD_FREQ));
        assert_eq!(get("五社联动"), Some(USER_WORD_FREQ));
        assert_eq!(get("x"), None);
    }
}
