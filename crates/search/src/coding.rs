//! Compact encodings of the sorted lists bundles carry: keys and dictionary words as each
//! one's share of the word before (in bytes) and the rest — sorted words share long heads.
//! The first keys of 10,000 page chunks (`pages/synth-01234.txt`) take a tenth of their plain
//! size; the dictionary subset of the seed pages 16.3 KB gzipped instead of 19.6.

use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use shegong_text::{Dictionary, Entry};

/// How many leading bytes `word` shares with `prev`, on a character boundary.
fn shared(prev: &str, word: &str) -> usize {
    prev.char_indices()
        .zip(word.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8())
}

/// The word that shares `head` bytes with `prev` and goes on with `rest`.
fn unshare<E: Error>(prev: &str, head: usize, rest: &str) -> Result<String, E> {
    let head = prev
        .get(..head)
        .ok_or_else(|| E::custom("a word shares more than the word before it"))?;
    Ok(format!("{head}{rest}"))
}

/// Sorted strings (`#[serde(with = "coding::keys")]`).
pub mod keys {
    use super::*;

    pub fn serialize<S: Serializer>(keys: &[String], s: S) -> Result<S::Ok, S::Error> {
        let mut prev = "";
        let coded: Vec<(usize, &str)> = keys
            .iter()
            .map(|k| {
                let n = shared(prev, k);
                prev = k;
                (n, &k[n..])
            })
            .collect();
        coded.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        let coded: Vec<(usize, String)> = Vec::deserialize(d)?;
        let mut keys: Vec<String> = Vec::with_capacity(coded.len());
        for (n, rest) in coded {
            let word = unshare(keys.last().map_or("", String::as_str), n, &rest)?;
            keys.push(word);
        }
        Ok(keys)
    }
}

/// Dictionary entries sorted by word, without their tags (`#[serde(with =
/// "coding::entries")]`).
pub mod entries {
    use super::*;

    pub fn serialize<S: Serializer>(entries: &[Entry], s: S) -> Result<S::Ok, S::Error> {
        let mut prev = "";
        let coded: Vec<(usize, &str, u64)> = entries
            .iter()
            .map(|e| {
                let n = shared(prev, &e.word);
                prev = &e.word;
                (n, &e.word[n..], e.freq)
            })
            .collect();
        coded.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Entry>, D::Error> {
        let coded: Vec<(usize, String, u64)> = Vec::deserialize(d)?;
        let mut entries: Vec<Entry> = Vec::with_capacity(coded.len());
        for (n, rest, freq) in coded {
            let word = unshare(entries.last().map_or("", |e| e.word.as_str()), n, &rest)?;
            entries.push(Entry {
                word,
                freq,
                tag: String::new(),
            });
        }
        Ok(entries)
    }
}

/// A dictionary subset (`#[serde(with = "coding::dictionary")]`).
pub mod dictionary {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Dictionary, s: S) -> Result<S::Ok, S::Error> {
        entries::serialize(d.entries(), s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Dictionary, D::Error> {
        Ok(Dictionary::from_entries(entries::deserialize(d)?))
    }

    /// Its size in a bundle.
    pub fn encoded_len(d: &Dictionary) -> usize {
        struct Coded<'a>(&'a Dictionary);
        impl Serialize for Coded<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize(self.0, s)
            }
        }
        postcard::to_allocvec(&Coded(d)).map_or(0, |b| b.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Both {
        #[serde(with = "keys")]
        keys: Vec<String>,
        #[serde(with = "dictionary")]
        dict: Dictionary,
    }

    #[test]
    fn round_trip() {
        let both = Both {
            keys: vec![
                "".into(),
                "社工".into(),
                "社工站".into(),
                "社区".into(),
                "zz".into(),
            ],
            dict: Dictionary::parse("社工 5 n\n社工站 7 n\n社区 9 n\n").unwrap(),
        };
        let bytes = postcard::to_allocvec(&both).unwrap();
        let back: Both = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back.keys, both.keys);
        let words: Vec<(&str, u64)> = back
            .dict
            .entries()
            .iter()
            .map(|e| (e.word.as_str(), e.freq))
            .collect();
        assert_eq!(words, [("社区", 9), ("社工", 5), ("社工站", 7)]);
    }

    #[test]
    fn a_share_past_the_word_before_is_refused() {
        // One key "社" claiming to share a byte with the (empty) key before it.
        let bytes = [1u8, 1, 3, 0xe7, 0xa4, 0xbe, 0];
        assert!(postcard::from_bytes::<Both>(&bytes).is_err());
        // The same key sharing a byte that is not a character boundary.
        let bytes = [2u8, 0, 3, 0xe7, 0xa4, 0xbe, 1, 0, 0];
        assert!(postcard::from_bytes::<Both>(&bytes).is_err());
    }
}
