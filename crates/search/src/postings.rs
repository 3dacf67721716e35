//! Posting lists: the documents a key occurs in, each with one byte of BM25F weight, packed
//! as they travel in bundles and chunks and as the engine keeps them.
//!
//! A document's weight for a key is `Σ field weight × occurrences` over its fields, the field
//! weight normalised by the field's length (BM25F); it is computed when the index is built and
//! kept as a [`Level`] on a geometric scale (4 % steps), so a search needs neither the
//! documents' field lengths nor their texts to rank them.
//!
//! Layout: per document, a varint `gap << 1 | fragment` (the gap from the previous document,
//! from 0 for the first; `fragment` when the key occurs in the document only inside other
//! words, not as a word of its own), then the level byte.

use serde::{Deserialize, Serialize};

/// A weight on the geometric scale: `MIN_WEIGHT × STEP^level`.
pub type Level = u8;

/// The weight of level 0.
const MIN_WEIGHT: f32 = 1.0 / 16.0;
/// The ratio between consecutive levels.
const STEP: f32 = 1.04;

/// The level nearest to a weight (weights beyond the scale take its ends).
pub fn level(weight: f32) -> Level {
    let l = libm::roundf(libm::logf(weight / MIN_WEIGHT) / libm::logf(STEP));
    l.clamp(0.0, 255.0) as Level
}

/// The weight of every level.
pub fn weights() -> [f32; 256] {
    let mut w = [MIN_WEIGHT; 256];
    for l in 1..256 {
        w[l] = w[l - 1] * STEP;
    }
    w
}

/// One document in a posting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The document.
    pub doc: u32,
    /// The key occurs in it only inside longer words.
    pub fragment: bool,
    /// Its weight.
    pub level: Level,
}

/// A packed posting list, documents ascending.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings(Vec<u8>);

/// Appends to a packed list.
#[derive(Debug, Default)]
pub struct Writer {
    bytes: Vec<u8>,
    next: u32,
}

impl Writer {
    /// Add a document after every one added so far.
    pub fn push(&mut self, p: Posting) {
        let mut v = u64::from(p.doc - self.next) << 1 | u64::from(p.fragment);
        while v >= 0x80 {
            self.bytes.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
        self.bytes.push(p.level);
        self.next = p.doc;
    }

    /// Add the documents of `later`, a list written on its own of documents that all come after
    /// every one added here (a later run of the collection's documents).
    pub fn append(&mut self, later: Writer) {
        if self.bytes.is_empty() {
            *self = later;
            return;
        }
        // Its first entry's gap counts from document 0: write that entry again from here.
        let mut rest = Iter {
            bytes: &later.bytes,
            doc: 0,
        };
        let Some(first) = rest.next() else {
            return;
        };
        self.push(first);
        self.bytes.extend_from_slice(rest.bytes);
        self.next = later.next;
    }

    /// The packed list.
    pub fn finish(mut self) -> Postings {
        self.bytes.shrink_to_fit();
        Postings(self.bytes)
    }
}

impl Postings {
    /// The documents, ascending.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            bytes: &self.0,
            doc: 0,
        }
    }

    /// Encoded size in bytes.
    pub fn byte_len(&self) -> usize {
        self.0.len()
    }

    /// What is wrong with a list read from a file: an unfinished entry, documents not
    /// ascending, or a document at or past `docs`.
    pub fn check(&self, docs: u32) -> Result<(), String> {
        let mut it = self.iter();
        let mut first = true;
        while !it.bytes.is_empty() {
            let Some(gap) = it.varint() else {
                return Err("end in the middle of an entry".into());
            };
            if it.bytes.is_empty() {
                return Err("end in the middle of an entry".into());
            }
            it.bytes = &it.bytes[1..];
            let gap = gap >> 1;
            if !first && gap == 0 {
                return Err("are not in ascending order".into());
            }
            let doc = u64::from(it.doc) + gap;
            if doc >= u64::from(docs) {
                return Err(format!(
                    "name document {doc}, but the bundle holds {docs} articles"
                ));
            }
            it.doc = doc as u32;
            first = false;
        }
        Ok(())
    }
}

/// The documents of a list.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    bytes: &'a [u8],
    doc: u32,
}

impl Iter<'_> {
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for (i, &b) in self.bytes.iter().enumerate().take(10) {
            v |= u64::from(b & 0x7f) << (7 * i);
            if b < 0x80 {
                self.bytes = &self.bytes[i + 1..];
                return Some(v);
            }
        }
        None
    }
}

impl Iterator for Iter<'_> {
    type Item = Posting;

    fn next(&mut self) -> Option<Posting> {
        let v = self.varint()?;
        let (&level, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        self.doc = self.doc.wrapping_add((v >> 1) as u32);
        Some(Posting {
            doc: self.doc,
            fragment: v & 1 == 1,
            level,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(items: &[(u32, bool, u8)]) -> Writer {
        let mut w = Writer::default();
        for &(doc, fragment, level) in items {
            w.push(Posting {
                doc,
                fragment,
                level,
            });
        }
        w
    }

    fn list(items: &[(u32, bool, u8)]) -> Postings {
        write(items).finish()
    }

    #[test]
    fn round_trip() {
        let items = [(0, false, 7), (3, true, 255), (300, false, 0)];
        let p = list(&items);
        let back: Vec<_> = p.iter().map(|p| (p.doc, p.fragment, p.level)).collect();
        assert_eq!(back, items);
        assert_eq!(p.check(301), Ok(()));
        assert!(p.check(300).unwrap_err().contains("document 300"));
    }

    #[test]
    fn appending_a_later_run_gives_the_list_written_in_one() {
        let items = [
            (0, false, 7),
            (3, true, 255),
            (300, false, 0),
            (301, true, 9),
        ];
        for cut in 0..=items.len() {
            let mut w = write(&items[..cut]);
            w.append(write(&items[cut..]));
            assert_eq!(w.finish(), list(&items), "cut at {cut}");
        }
    }

    #[test]
    fn malformed_lists_are_refused() {
        // The same document twice.
        assert!(Postings(vec![2, 1, 0, 1])
            .check(9)
            .unwrap_err()
            .contains("ascending"));
        // A varint without its level byte, and one that never ends.
        assert!(Postings(vec![2]).check(9).is_err());
        assert!(Postings(vec![0x80; 3]).check(9).is_err());
    }

    #[test]
    fn levels_are_four_percent_apart() {
        let w = weights();
        for x in [0.1f32, 1.0, 2.5, 40.0] {
            let got = w[level(x) as usize];
            assert!((got / x - 1.0).abs() <= 0.021, "{x} → {got}");
        }
        assert_eq!(level(0.0), 0);
        assert_eq!(level(1e9), 255);
    }
}
