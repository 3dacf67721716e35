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
    #[error("词典文件已损坏 (the dictionary file is damaged: {0}); download it again or rebuild the app")]
    /// Bytes that are not a dictionary in its compact form (see [`Dictionary::to_compact`]).
    Compact(&'static str),
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

    /// The entries that occur in `texts` (the whole folded corpus), plus the padding entry that
    /// keeps the total frequency, without their part-of-speech tags (segmentation does not use
    /// them). Segmenting any part of `text` with the subset gives exactly the tokens the full
    /// dictionary gives, because segmentation only consults words that occur in the sentence
    /// being cut.
    pub fn subset_for(&self, texts: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        let words: Vec<&str> = self.entries.iter().map(|e| e.word.as_str()).collect();
        let ac = AhoCorasick::new(&words).expect("dictionary words form a valid automaton");
        let mut used = vec![false; words.len()];
        for text in texts {
            for m in ac.find_overlapping_iter(text.as_ref()) {
                used[m.pattern().as_usize()] = true;
            }
        }
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

    /// The words and frequencies (not the tags, which segmentation does not use) in a compact
    /// binary form, for the browser, which fetches the full dictionary only to build bundles:
    /// magic `SHGD`, then in postcard encoding the words in sorted order front-coded (bytes
    /// shared with the word before, the rest), then the frequencies, then a CRC-32 of it all.
    /// 1.4 MB gzipped for jieba's dictionary against 1.9 MB for its text.
    pub fn to_compact(&self) -> Vec<u8> {
        let mut compact = Compact {
            version: COMPACT_VERSION,
            shared: Vec::with_capacity(self.entries.len()),
            rest: Vec::with_capacity(self.entries.len()),
            freqs: Vec::with_capacity(self.entries.len()),
        };
        let mut prev = "";
        for e in &self.entries {
            let shared = common_prefix(prev, &e.word);
            compact.shared.push(shared as u32);
            compact.rest.push(&e.word[shared..]);
            compact.freqs.push(e.freq);
            prev = &e.word;
        }
        let mut out = COMPACT_MAGIC.to_vec();
        out.extend(postcard::to_allocvec(&compact).expect("a dictionary always serialises"));
        let crc = crate::checksum::crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }

    /// Read [`Dictionary::to_compact`]'s form back; never panics on damaged bytes.
    pub fn from_compact(bytes: &[u8]) -> Result<Self, DictError> {
        let body = bytes
            .len()
            .checked_sub(4)
            .map(|n| bytes.split_at(n))
            .filter(|(body, _)| body.starts_with(&COMPACT_MAGIC))
            .ok_or(DictError::Compact("not a Shegong dictionary"))?;
        let (body, crc) = body;
        if crate::checksum::crc32(body).to_le_bytes() != crc {
            return Err(DictError::Compact("checksum mismatch"));
        }
        let c: Compact = postcard::from_bytes(&body[COMPACT_MAGIC.len()..])
            .map_err(|_| DictError::Compact("undecodable"))?;
        if c.version != COMPACT_VERSION {
            return Err(DictError::Compact("written by another version"));
        }
        if c.shared.len() != c.rest.len() || c.rest.len() != c.freqs.len() {
            return Err(DictError::Compact("columns of different lengths"));
        }
        let mut entries: Vec<Entry> = Vec::with_capacity(c.rest.len());
        for ((shared, rest), freq) in c.shared.into_iter().zip(c.rest).zip(c.freqs) {
            let prev = entries.last().map_or("", |e| e.word.as_str());
            let shared = shared as usize;
            if shared > prev.len() || !prev.is_char_boundary(shared) {
                return Err(DictError::Compact(
                    "a word shares more than the word before",
                ));
            }
            let word = format!("{}{rest}", &prev[..shared]);
            if word.as_str() <= prev && !entries.is_empty() {
                return Err(DictError::Compact("words out of order"));
            }
            entries.push(Entry {
                word,
                freq,
                tag: String::new(),
            });
        }
        entries
            .iter()
            .try_fold(0u64, |sum, e| sum.checked_add(e.freq))
            .ok_or(DictError::Compact("frequencies overflow"))?;
        Ok(Self { entries })
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

/// Magic bytes of [`Dictionary::to_compact`]'s form.
const COMPACT_MAGIC: [u8; 4] = *b"SHGD";
/// Its version.
const COMPACT_VERSION: u8 = 1;

/// The compact form's columns.
#[derive(Serialize, Deserialize)]
struct Compact<'a> {
    version: u8,
    /// Bytes each word shares with the word before.
    shared: Vec<u32>,
    /// The rest of each word.
    #[serde(borrow)]
    rest: Vec<&'a str>,
    freqs: Vec<u64>,
}

/// How many bytes `a` and `b` share at their start, on a char boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
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
        let s = d.subset_for(["社工站开展", "培训"]);
        let words: Vec<&str> = s.entries().iter().map(|e| e.word.as_str()).collect();
        assert_eq!(words, ["培训", "社工", "社工站", "站", PADDING_WORD]);
        assert_eq!(s.total(), d.total());
    }

    #[test]
    fn the_compact_form_reads_back_words_and_frequencies() {
        let d = Dictionary::parse(SMALL).unwrap();
        let back = Dictionary::from_compact(&d.to_compact()).unwrap();
        let pairs = |d: &Dictionary| -> Vec<(String, u64)> {
            d.entries()
                .iter()
                .map(|e| (e.word.clone(), e.freq))
                .collect()
        };
        assert_eq!(pairs(&back), pairs(&d));
        assert_eq!(back.fingerprint(), d.fingerprint());
        assert!(back.entries().iter().all(|e| e.tag.is_empty()));
    }

    #[test]
    fn a_damaged_compact_dictionary_is_refused() {
        let bytes = Dictionary::parse(SMALL).unwrap().to_compact();
        assert!(Dictionary::from_compact(&bytes[..bytes.len() - 1]).is_err());
        let mut flipped = bytes.clone();
        flipped[8] ^= 1;
        let err = Dictionary::from_compact(&flipped).unwrap_err();
        assert!(err.to_string().contains("checksum"), "{err}");
        assert!(Dictionary::from_compact(b"").is_err());
        assert!(Dictionary::from_compact(b"SHGB....").is_err());
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
