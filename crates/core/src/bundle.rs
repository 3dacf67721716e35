//! The bundle: everything the browser needs to search a collection, in one binary file.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 4 | magic `SHGB` |
//! | 2 | format version ([`FORMAT_VERSION`]) |
//! | 2 | oldest format version a reader must support to read this file ([`OLDEST_COMPATIBLE`]) |
//! | 4 | fingerprint of the normaliser and dictionary |
//! | 1 + n | builder version (length byte, UTF-8) |
//! | 8 | payload length |
//! | n | payload: [`Payload`] in postcard encoding |
//! | 4 | CRC-32 of the payload |

use crate::article::Article;
use crate::dict::Dictionary;
use crate::index::Index;
use crate::original::{Originals, SourcePage};
use crate::search::Engine;
use crate::segment::Segmenter;
use crate::taxonomy::ProgramLabel;
use serde::{Deserialize, Serialize};

pub const MAGIC: [u8; 4] = *b"SHGB";
/// The format this code writes.
pub const FORMAT_VERSION: u16 = 2;
/// The oldest format this code still reads.
pub const OLDEST_READABLE: u16 = 1;
/// Written into new bundles: readers older than this format cannot read them.
pub const OLDEST_COMPATIBLE: u16 = 1;
/// Changes whenever normalisation or folding changes what gets indexed.
pub const NORMALIZER_VERSION: u32 = 1;

/// Why bytes could not be read as a bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    #[error("not a Shegong bundle (wrong magic bytes); build one with `shegong build <pages> -o bundle.bin`")]
    NotABundle,
    #[error("bundle is truncated: expected {expected} bytes, found {found} (download it again or rebuild it)")]
    Truncated { expected: u64, found: u64 },
    #[error("bundle is corrupted: checksum mismatch (rebuild it with `shegong build`)")]
    Corrupted,
    #[error(
        "bundle format {found} is newer than this reader supports ({supported}); update Shegong"
    )]
    TooNew { found: u16, supported: u16 },
    #[error("bundle format {found} is too old (oldest readable is {oldest}); rebuild it with `shegong build`")]
    TooOld { found: u16, oldest: u16 },
    #[error("bundle payload cannot be decoded: {0} (rebuild it with `shegong build`)")]
    Malformed(String),
}

/// Header fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub format_version: u16,
    pub oldest_compatible: u16,
    pub fingerprint: u32,
    pub builder: String,
}

/// The payload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    pub articles: Vec<Article>,
    /// Labels of the program types the articles were classified with.
    pub programs: Vec<ProgramLabel>,
    /// The dictionary entries query segmentation needs (see [`Dictionary::subset_for`]).
    pub dict: Dictionary,
    pub index: Index,
    /// The decoded pages the articles came from, sorted by file (format 2 on).
    pub pages: Vec<SourcePage>,
}

/// The payload of format 1, which had no pages.
#[derive(Deserialize)]
struct PayloadV1 {
    articles: Vec<Article>,
    programs: Vec<ProgramLabel>,
    dict: Dictionary,
    index: Index,
}

impl From<PayloadV1> for Payload {
    fn from(p: PayloadV1) -> Self {
        Payload {
            articles: p.articles,
            programs: p.programs,
            dict: p.dict,
            index: p.index,
            pages: Vec::new(),
        }
    }
}

/// A decoded bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub header: Header,
    pub payload: Payload,
}

impl Bundle {
    /// Build a bundle from articles and the pages they came from, with the given (full)
    /// dictionary and program labels.
    pub fn build(
        articles: Vec<Article>,
        pages: Vec<SourcePage>,
        full_dict: &Dictionary,
        programs: Vec<ProgramLabel>,
    ) -> Self {
        let corpus: String = articles
            .iter()
            .flat_map(|a| crate::index::folded_fields(a).into_iter())
            .collect::<Vec<_>>()
            .join("\n");
        let dict = full_dict.subset_for(&corpus);
        let seg = Segmenter::new(&dict);
        let index = Index::build(&articles, &seg);
        let header = Header {
            format_version: FORMAT_VERSION,
            oldest_compatible: OLDEST_COMPATIBLE,
            fingerprint: fingerprint(full_dict),
            builder: concat!("shegong ", env!("CARGO_PKG_VERSION")).to_owned(),
        };
        Bundle {
            header,
            payload: Payload {
                articles,
                programs,
                dict,
                index,
                pages: Originals::new(pages).into_pages(),
            },
        }
    }

    /// Encoded size of the dictionary subset (to report its share of the payload).
    pub fn dict_size(&self) -> usize {
        postcard::to_allocvec(&self.payload.dict).map_or(0, |v| v.len())
    }

    /// Encode to bytes (deterministic).
    pub fn encode(&self) -> Vec<u8> {
        let payload = postcard::to_allocvec(&self.payload).expect("payload types always serialise");
        let builder = self.header.builder.as_bytes();
        let builder = &builder[..builder.len().min(255)];
        let mut out = Vec::with_capacity(payload.len() + 32 + builder.len());
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&self.header.format_version.to_le_bytes());
        out.extend_from_slice(&self.header.oldest_compatible.to_le_bytes());
        out.extend_from_slice(&self.header.fingerprint.to_le_bytes());
        out.push(builder.len() as u8);
        out.extend_from_slice(builder);
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&payload);
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out
    }

    /// Decode bytes; never panics.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        let mut r = Reader { bytes, pos: 0 };
        let magic = r.take(4).map_err(|_| BundleError::NotABundle)?;
        if magic != MAGIC {
            return Err(BundleError::NotABundle);
        }
        let format_version = r.u16()?;
        let oldest_compatible = r.u16()?;
        if oldest_compatible > FORMAT_VERSION {
            return Err(BundleError::TooNew {
                found: format_version,
                supported: FORMAT_VERSION,
            });
        }
        if format_version < OLDEST_READABLE {
            return Err(BundleError::TooOld {
                found: format_version,
                oldest: OLDEST_READABLE,
            });
        }
        let fingerprint = r.u32()?;
        let blen = r.take(1)?[0] as usize;
        let builder = String::from_utf8_lossy(r.take(blen)?).into_owned();
        let plen = r.u64()?;
        let payload = r.take_len(plen)?;
        let crc = r.u32()?;
        if crc32fast::hash(payload) != crc {
            return Err(BundleError::Corrupted);
        }
        let malformed = |e: postcard::Error| BundleError::Malformed(e.to_string());
        let payload: Payload = if format_version == 1 {
            postcard::from_bytes::<PayloadV1>(payload)
                .map_err(malformed)?
                .into()
        } else {
            postcard::from_bytes(payload).map_err(malformed)?
        };
        Ok(Bundle {
            header: Header {
                format_version,
                oldest_compatible,
                fingerprint,
                builder,
            },
            payload,
        })
    }

    /// A search engine over this bundle.
    pub fn into_engine(self) -> Engine {
        self.into_parts().0
    }

    /// A search engine over this bundle and the original pages of its articles.
    pub fn into_parts(self) -> (Engine, Originals) {
        let p = self.payload;
        let seg = Segmenter::new(&p.dict);
        let engine = Engine::new(p.articles, p.programs, p.index, seg);
        (engine, Originals::new(p.pages))
    }
}

/// Fingerprint of the normaliser and the dictionary a bundle was built with.
pub fn fingerprint(dict: &Dictionary) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(&NORMALIZER_VERSION.to_le_bytes());
    h.update(&dict.fingerprint().to_le_bytes());
    h.finalize()
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BundleError> {
        self.take_len(n as u64)
    }

    fn take_len(&mut self, n: u64) -> Result<&'a [u8], BundleError> {
        let available = (self.bytes.len() - self.pos) as u64;
        if n > available {
            return Err(BundleError::Truncated {
                expected: self.pos as u64 + n,
                found: self.bytes.len() as u64,
            });
        }
        let s = &self.bytes[self.pos..self.pos + n as usize];
        self.pos += n as usize;
        Ok(s)
    }

    fn u16(&mut self) -> Result<u16, BundleError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, BundleError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, BundleError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Bundle {
        let dict = Dictionary::parse("社工站 100 n\n培训 200 v\n老人 300 n\n无关 50 a\n").unwrap();
        let a = Article {
            id: "p-1".into(),
            file: "p.txt".into(),
            title: Some("社工站培训".into()),
            text: "为老人服务".into(),
            span: crate::article::Span { start: 16, end: 31 },
            ..Article::default()
        };
        let page = SourcePage {
            file: "p.txt".into(),
            text: "社工站培训\n为老人服务".into(),
        };
        Bundle::build(vec![a], vec![page], &dict, Vec::new())
    }

    #[test]
    fn round_trip_and_deterministic() {
        let b = small();
        let bytes = b.encode();
        assert_eq!(bytes, small().encode());
        let back = Bundle::decode(&bytes).unwrap();
        assert_eq!(back, b);
        // The dictionary subset leaves out words not in the corpus.
        assert!(!back.payload.dict.entries().iter().any(|e| e.word == "无关"));
        // The original page travels with the bundle.
        let (engine, originals) = back.into_parts();
        assert_eq!(originals.text_of(&engine.articles()[0]), Some("为老人服务"));
    }

    #[test]
    fn errors() {
        let bytes = small().encode();
        assert_eq!(
            Bundle::decode(b"PK\x03\x04zip"),
            Err(BundleError::NotABundle)
        );
        assert!(matches!(
            Bundle::decode(&bytes[..bytes.len() - 10]),
            Err(BundleError::Truncated { .. })
        ));
        let mut flipped = bytes.clone();
        let mid = flipped.len() - 20;
        flipped[mid] ^= 0x10;
        assert_eq!(Bundle::decode(&flipped), Err(BundleError::Corrupted));
        let mut newer = bytes.clone();
        newer[4..6].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        newer[6..8].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        assert!(matches!(
            Bundle::decode(&newer),
            Err(BundleError::TooNew { .. })
        ));
        let mut older = bytes;
        older[4..6].copy_from_slice(&0u16.to_le_bytes());
        assert!(matches!(
            Bundle::decode(&older),
            Err(BundleError::TooOld { .. })
        ));
    }
}
