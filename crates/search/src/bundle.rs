//! The bundle: everything the browser needs to search a collection. A small collection is one
//! file, and beside it the pages file with the original page texts, fetched only when a reader
//! asks for an article's original. A large one is an entry file with what every search needs
//! (facets, which chunk holds what) and chunks beside it, fetched as searches need them (see
//! [`crate::chunks`]; format 5 on).
//!
//! Every file shares one layout (all integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 4 | magic: `SHGB` for a bundle, `SHGP` for a pages file, `SHGC` for a chunk |
//! | 2 | format version ([`FORMAT_VERSION`]) |
//! | 2 | oldest format version a reader must support to read this file ([`OLDEST_COMPATIBLE`]) |
//! | 4 | fingerprint of the normaliser and dictionary |
//! | 1 + n | builder version (length byte, UTF-8) |
//! | 4 | build date (format 4 on): year (2 bytes), month, day; all zero when unknown ([`BuildDate`]) |
//! | 8 | payload length |
//! | n | payload in postcard encoding: [`Contents`] (format 5 on; a one-file [`Payload`] or a chunked bundle's [`Manifest`]), for a pages file the bundle's checksum and its pages, for a chunk its build, number and contents |
//! | 4 | CRC-32 of the payload (a bundle's checksum) |

use crate::build_date::BuildDate;
use crate::chunks::Chunk;
use crate::index::Index;
use crate::manifest::Manifest;
use crate::original::{Originals, SourcePage};
use crate::search::Engine;
use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_article::ProgramLabel;
use shegong_text::Dictionary;
use shegong_text::Segmenter;

pub const MAGIC: [u8; 4] = *b"SHGB";
/// Magic bytes of a pages file.
pub const PAGES_MAGIC: [u8; 4] = *b"SHGP";
/// The format this code writes.
pub const FORMAT_VERSION: u16 = 5;
/// The oldest format this code still reads.
pub const OLDEST_READABLE: u16 = 1;
/// Written into new bundles: readers older than this format cannot read them (format 5 has a
/// new index and may be chunked).
pub const OLDEST_COMPATIBLE: u16 = 5;
/// The first format whose header carries the build date.
const BUILD_DATE_SINCE: u16 = 4;
/// Changes whenever normalisation, folding or segmentation changes what gets indexed.
pub const NORMALIZER_VERSION: u32 = 3;
/// [`IndexMode::Auto`] keeps collections with at most this much article text in one file
/// without their index (the reader indexes them in a few milliseconds, and the text is much
/// smaller to download than its index), and chunks larger ones.
pub const DERIVE_INDEX_MAX_TEXT: usize = 1 << 20;

/// Why bytes could not be read as a bundle or a pages file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum BundleError {
    #[error("not a Shegong bundle (wrong magic bytes); build one with `shegong build <pages> -o bundle.bin`")]
    /// The bytes do not start with a bundle's magic.
    NotABundle,
    #[error("not a Shegong pages file (wrong magic bytes); `shegong build` writes it next to the bundle as <name>.pages.bin")]
    /// The bytes do not start with a pages file's magic.
    NotAPagesFile,
    #[error("the pages file belongs to another bundle; copy the bundle and its .pages.bin from the same build")]
    /// The pages file was written for another bundle.
    PagesMismatch,
    #[error("bundle is truncated: expected {expected} bytes, found {found} (download it again or rebuild it)")]
    /// The file ends before its payload does.
    Truncated {
        /// Bytes the header announces.
        expected: u64,
        /// Bytes there are.
        found: u64,
    },
    #[error("bundle is corrupted: checksum mismatch (rebuild it with `shegong build`)")]
    /// The payload does not match its checksum.
    Corrupted,
    #[error(
        "bundle format {found} is newer than this reader supports ({supported}); update Shegong"
    )]
    /// Written by a newer Shegong in a format this one cannot read.
    TooNew {
        /// The file's format.
        found: u16,
        /// The newest format this reader reads.
        supported: u16,
    },
    #[error("bundle format {found} is too old (oldest readable is {oldest}); rebuild it with `shegong build`")]
    /// Written in a format too old to read.
    TooOld {
        /// The file's format.
        found: u16,
        /// The oldest format this reader reads.
        oldest: u16,
    },
    #[error("bundle is malformed: {0} (rebuild it with `shegong build`)")]
    /// The payload decodes to something inconsistent (says what).
    Malformed(String),
    #[error("not a chunk of a Shegong bundle (wrong magic bytes in chunk {0}); copy the bundle's .chunks folder as `shegong build` wrote it")]
    /// The bytes fetched for a chunk do not start with a chunk's magic.
    NotAChunk(String),
    #[error("chunk {0} belongs to another build of this bundle; copy the bundle and its .chunks folder from the same build")]
    /// The chunk was written by another build than the entry file.
    ChunkMismatch(String),
}

/// Header fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The format the file is written in.
    pub format_version: u16,
    /// The oldest format a reader must understand to read it.
    pub oldest_compatible: u16,
    /// CRC-32 over the normaliser version and the full dictionary the builder used.
    pub fingerprint: u32,
    /// The program that wrote it (`shegong 0.1.0`).
    pub builder: String,
    /// CRC-32 of the payload: what a pages file names to say which bundle it belongs to.
    pub checksum: u32,
    /// The day the bundle was built (format 4 on), when the builder gave one.
    pub build_date: Option<BuildDate>,
}

/// How a bundle carries its index: in one file with it, in one file without it (the reader
/// builds it from the articles), or chunked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IndexMode {
    /// One file without the index up to [`DERIVE_INDEX_MAX_TEXT`] bytes of article text,
    /// chunked above.
    #[default]
    Auto,
    /// One file with the index.
    Embed,
    /// One file without the index: the reader builds it.
    Derive,
    /// An entry file and chunks beside it.
    Chunked,
}

impl IndexMode {
    /// What `Auto` means for articles holding `text` bytes of text; the others stay.
    pub fn resolve(self, text: usize) -> IndexMode {
        match self {
            IndexMode::Auto if text > DERIVE_INDEX_MAX_TEXT => IndexMode::Chunked,
            IndexMode::Auto => IndexMode::Derive,
            m => m,
        }
    }
}

/// What an entry file carries (format 4 on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Contents {
    /// A whole collection in one file.
    Single(Payload),
    /// A chunked collection's entry: what every search needs, and which chunk holds what.
    Chunked(Box<Manifest>),
}

/// The payload of a one-file bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    /// The articles, in document-id order (newest first).
    pub articles: Vec<Article>,
    /// Labels of the program types the articles were classified with.
    pub programs: Vec<ProgramLabel>,
    /// The dictionary entries segmentation of the articles and queries needs (see
    /// [`Dictionary::subset_for`]).
    #[serde(with = "crate::coding::dictionary")]
    pub dict: Dictionary,
    /// The index, or `None` when the reader builds it from the articles (format 3 on).
    pub index: Option<Index>,
}

/// The payload of formats 1 to 4 up to their index (formats 1, 3 and 4 end there; a reader of
/// today rebuilds their index from the articles).
#[derive(Deserialize)]
struct PayloadV1 {
    articles: Vec<Article>,
    programs: Vec<ProgramLabel>,
    dict: Dictionary,
}

/// The shape of the index of formats 1 to 4 (field lengths, words with their postings,
/// n-grams with their document gaps): read past, never used.
type LegacyIndex = (
    Vec<[u32; 3]>,
    Vec<(String, Vec<(u32, [u16; 3])>)>,
    Vec<(String, Vec<u32>)>,
);

/// The payload of format 2: its index, then the pages inside.
#[derive(Deserialize)]
struct PayloadV2 {
    articles: Vec<Article>,
    programs: Vec<ProgramLabel>,
    dict: Dictionary,
    _index: LegacyIndex,
    pages: Vec<SourcePage>,
}

/// The payload of a pages file.
#[derive(Serialize, Deserialize)]
struct PagesPayload {
    /// [`Header::checksum`] of the bundle the pages belong to.
    bundle: u32,
    pages: Vec<SourcePage>,
}

/// A decoded bundle (or a chunked bundle's entry file).
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// The header.
    pub header: Header,
    /// What it carries.
    pub contents: Contents,
    /// The pages a format 2 bundle carried inside; later formats keep them in a pages file.
    pub inline_pages: Vec<SourcePage>,
}

impl Bundle {
    /// Build a one-file bundle from articles with the given (full) dictionary and program
    /// labels, with its index for [`IndexMode::Embed`], without it otherwise (for a chunked
    /// bundle see [`write_chunked`](crate::write_chunked)). Articles are stored newest first.
    pub fn build(
        mut articles: Vec<Article>,
        full_dict: &Dictionary,
        programs: Vec<ProgramLabel>,
        mode: IndexMode,
    ) -> Self {
        newest_first(&mut articles);
        let dict = full_dict.subset_for(&articles, Article::folded_fields);
        let index =
            (mode == IndexMode::Embed).then(|| Index::build(&articles, &Segmenter::new(&dict)));
        let payload = Payload {
            articles,
            programs,
            dict,
            index,
        };
        let contents = Contents::Single(payload);
        let header = Header {
            checksum: checksum_of(&contents),
            ..Header::new(full_dict)
        };
        Bundle {
            header,
            contents,
            inline_pages: Vec::new(),
        }
    }

    /// The same bundle, dated: [`Header::build_date`]. The date is the builder's choice (its
    /// inputs' or an explicit one), so building the same inputs gives the same bytes.
    pub fn built_on(mut self, date: BuildDate) -> Self {
        self.header.build_date = Some(date);
        self
    }

    /// The one-file payload (`None` for a chunked bundle's entry).
    pub fn payload(&self) -> Option<&Payload> {
        match &self.contents {
            Contents::Single(p) => Some(p),
            Contents::Chunked(_) => None,
        }
    }

    /// Encoded size of a one-file bundle's dictionary subset (to report its share).
    pub fn dict_size(&self) -> usize {
        self.payload()
            .map_or(0, |p| crate::coding::dictionary::encoded_len(&p.dict))
    }

    /// Encode to bytes (deterministic).
    pub fn encode(&self) -> Vec<u8> {
        let bytes = postcard::to_allocvec(&self.contents).expect("payload types always serialise");
        container(MAGIC, &self.header, &bytes)
    }

    /// The pages file of this bundle: the pages its articles came from.
    pub fn encode_pages(&self, pages: Vec<SourcePage>) -> Vec<u8> {
        let payload = PagesPayload {
            bundle: self.header.checksum,
            pages: Originals::new(pages).into_pages(),
        };
        let bytes = postcard::to_allocvec(&payload).expect("pages always serialise");
        container(PAGES_MAGIC, &self.header, &bytes)
    }

    /// Decode bytes; never panics.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        let (header, payload) = open(bytes, MAGIC, BundleError::NotABundle)?;
        let malformed = |e: postcard::Error| BundleError::Malformed(e.to_string());
        let (contents, inline_pages) = match header.format_version {
            // Format 4 is format 3 with the build date in the header.
            1 | 3 | 4 => {
                let (p, _index): (PayloadV1, _) =
                    postcard::take_from_bytes(payload).map_err(malformed)?;
                (p.into_current(), Vec::new())
            }
            2 => {
                let p: PayloadV2 = postcard::from_bytes(payload).map_err(malformed)?;
                let v1 = PayloadV1 {
                    articles: p.articles,
                    programs: p.programs,
                    dict: p.dict,
                };
                (v1.into_current(), p.pages)
            }
            _ => (
                postcard::from_bytes(payload).map_err(malformed)?,
                Vec::new(),
            ),
        };
        match &contents {
            Contents::Single(p) => crate::validate::check(p),
            Contents::Chunked(m) => crate::validate::check_manifest(m),
        }
        .map_err(BundleError::Malformed)?;
        Ok(Bundle {
            header,
            contents,
            inline_pages,
        })
    }

    /// A search engine over this bundle: a one-file bundle's articles (indexed here when the
    /// bundle leaves that to the reader), or a chunked bundle's entry, which fetches the rest as
    /// searches need it (see [`Engine::add_chunk`]).
    pub fn into_engine(self) -> Engine {
        let checksum = self.header.checksum;
        match self.contents {
            Contents::Single(p) => {
                let seg = Segmenter::new(&p.dict);
                let index = p.index.unwrap_or_else(|| Index::build(&p.articles, &seg));
                let pages =
                    (self.header.format_version <= 2).then(|| Originals::new(self.inline_pages));
                Engine::new(p.articles, p.programs, index, seg, checksum, pages)
            }
            Contents::Chunked(m) => Engine::chunked(*m),
        }
    }
}

impl PayloadV1 {
    fn into_current(self) -> Contents {
        Contents::Single(Payload {
            articles: self.articles,
            programs: self.programs,
            dict: self.dict,
            index: None,
        })
    }
}

/// Articles newest first (by event date; undated last), ties by id: the order bundles store
/// them in, so the first page of "newest first" is one chunk and the dates of a chunked
/// bundle's entry are a few long runs. Any input order gives the same order.
pub(crate) fn newest_first(articles: &mut [Article]) {
    let date = |a: &Article| {
        a.date.as_ref().map_or((0, 0, 0), |d| {
            (
                d.year.unwrap_or(0),
                d.month.unwrap_or(0),
                d.day.unwrap_or(0),
            )
        })
    };
    shegong_text::sort::sort_by(articles, |a, b| {
        date(b).cmp(&date(a)).then_with(|| a.id.cmp(&b.id))
    });
}

impl Header {
    /// The header of a new file built with `full_dict` (its checksum still to fill in).
    pub(crate) fn new(full_dict: &Dictionary) -> Self {
        Header {
            format_version: FORMAT_VERSION,
            oldest_compatible: OLDEST_COMPATIBLE,
            fingerprint: fingerprint(full_dict),
            builder: concat!("shegong ", env!("CARGO_PKG_VERSION")).to_owned(),
            checksum: 0,
            build_date: None,
        }
    }
}

/// Where the pages file of the bundle at `url` is: `shegong build` writes `x.bin`'s as
/// `x.pages.bin` beside it (a query or fragment stays on the end: `x.bin?v=2` →
/// `x.pages.bin?v=2`).
pub fn pages_url(url: &str) -> String {
    Chunk::Pages.url(url)
}

/// Read a pages file written for the bundle whose [`Header::checksum`] is `bundle`; never
/// panics.
pub fn decode_pages(bytes: &[u8], bundle: u32) -> Result<Originals, BundleError> {
    let (_, payload) = open(bytes, PAGES_MAGIC, BundleError::NotAPagesFile)?;
    let p: PagesPayload =
        postcard::from_bytes(payload).map_err(|e| BundleError::Malformed(e.to_string()))?;
    if p.bundle != bundle {
        return Err(BundleError::PagesMismatch);
    }
    Ok(Originals::new(p.pages))
}

/// The CRC of a value's encoding, computed as it is encoded, without holding the bytes.
pub(crate) fn checksum_of<T: Serialize>(payload: &T) -> u32 {
    struct Checksummer(shegong_text::Digest);
    impl postcard::ser_flavors::Flavor for Checksummer {
        type Output = u32;
        fn try_extend(&mut self, data: &[u8]) -> postcard::Result<()> {
            self.0.update(data);
            Ok(())
        }
        fn try_push(&mut self, byte: u8) -> postcard::Result<()> {
            self.0.update(&[byte]);
            Ok(())
        }
        fn finalize(self) -> postcard::Result<u32> {
            Ok(self.0.finalize())
        }
    }
    postcard::serialize_with_flavor(payload, Checksummer(shegong_text::digest()))
        .expect("payload types always serialise")
}

/// The file layout around a payload.
pub(crate) fn container(magic: [u8; 4], header: &Header, payload: &[u8]) -> Vec<u8> {
    let builder = header.builder.as_bytes();
    let builder = &builder[..builder.len().min(255)];
    let mut out = Vec::with_capacity(payload.len() + 32 + builder.len());
    out.extend_from_slice(&magic);
    out.extend_from_slice(&header.format_version.to_le_bytes());
    out.extend_from_slice(&header.oldest_compatible.to_le_bytes());
    out.extend_from_slice(&header.fingerprint.to_le_bytes());
    out.push(builder.len() as u8);
    out.extend_from_slice(builder);
    if header.format_version >= BUILD_DATE_SINCE {
        let d = header.build_date;
        out.extend_from_slice(&d.map_or(0, |d| d.year).to_le_bytes());
        out.push(d.map_or(0, |d| d.month));
        out.push(d.map_or(0, |d| d.day));
    }
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&shegong_text::crc32(payload).to_le_bytes());
    out
}

/// Check a file's layout, version and checksum; its header and payload bytes.
pub(crate) fn open(
    bytes: &[u8],
    magic: [u8; 4],
    wrong_magic: BundleError,
) -> Result<(Header, &[u8]), BundleError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(4).ok() != Some(&magic[..]) {
        return Err(wrong_magic);
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
    let build_date = if format_version >= BUILD_DATE_SINCE {
        let year = r.u16()?;
        let [month, day] = [r.take(1)?[0], r.take(1)?[0]];
        match (year, month, day) {
            (0, 0, 0) => None,
            _ => Some(BuildDate::new(year, month, day).ok_or_else(|| {
                BundleError::Malformed(format!(
                    "the header's build date {year:04}-{month:02}-{day:02} is not a day"
                ))
            })?),
        }
    } else {
        None
    };
    let plen = r.u64()?;
    let payload = r.take_len(plen)?;
    let checksum = r.u32()?;
    if shegong_text::crc32(payload) != checksum {
        return Err(BundleError::Corrupted);
    }
    let header = Header {
        format_version,
        oldest_compatible,
        fingerprint,
        builder,
        checksum,
        build_date,
    };
    Ok((header, payload))
}

/// Fingerprint of the normaliser and the dictionary a bundle was built with.
pub fn fingerprint(dict: &Dictionary) -> u32 {
    let mut h = shegong_text::digest();
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
                // A crafted length can be near `u64::MAX`.
                expected: (self.pos as u64).saturating_add(n),
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

    fn article() -> Article {
        Article {
            id: "p-1".into(),
            file: "p.txt".into(),
            title: Some("社工站培训".into()),
            text: "为老人服务".into(),
            span: shegong_article::Span { start: 16, end: 31 },
            ..Article::default()
        }
    }

    fn page() -> SourcePage {
        SourcePage {
            file: "p.txt".into(),
            text: "社工站培训\n为老人服务".into(),
        }
    }

    fn small(mode: IndexMode) -> Bundle {
        let dict = Dictionary::parse("社工站 100 n\n培训 200 v\n老人 300 n\n无关 50 a\n").unwrap();
        Bundle::build(vec![article()], &dict, Vec::new(), mode)
    }

    #[test]
    fn round_trip_and_deterministic() {
        let b = small(IndexMode::Auto);
        let bytes = b.encode();
        assert_eq!(bytes, small(IndexMode::Auto).encode());
        let back = Bundle::decode(&bytes).unwrap();
        assert_eq!(back, b);
        let p = back.payload().unwrap();
        // The dictionary subset leaves out words not in the corpus.
        assert!(!p.dict.entries().iter().any(|e| e.word == "无关"));
        // A small collection leaves its index to the reader.
        assert!(p.index.is_none());
    }

    #[test]
    fn derived_and_embedded_index_search_alike() {
        let embedded = small(IndexMode::Embed);
        assert!(embedded.payload().unwrap().index.is_some());
        let engines = [
            small(IndexMode::Derive).into_engine(),
            Bundle::decode(&embedded.encode()).unwrap().into_engine(),
        ];
        let [derived, embedded] = engines.map(|e| {
            let q = crate::query::parse("老人 培训");
            e.search(&crate::Request {
                query: &q,
                selection: &crate::Selection::default(),
                sort: Default::default(),
                offset: 0,
                limit: 10,
                open: &[],
            })
            .unwrap()
        });
        assert_eq!(derived.total, 1);
        assert_eq!(derived, embedded);
    }

    #[test]
    fn newest_first_in_any_input_order() {
        let dated = |id: &str, y: Option<i32>, m: Option<u32>| Article {
            id: id.into(),
            date: y.map(|y| shegong_article::DateInfo::new(Some(y), m, None, "")),
            ..Article::default()
        };
        let want = ["b", "c", "a", "d", "e"];
        let mut articles = vec![
            dated("e", None, None),
            dated("a", Some(2023), Some(5)),
            dated("c", Some(2024), None),
            dated("b", Some(2024), Some(1)),
            dated("d", None, None),
        ];
        for _ in 0..3 {
            newest_first(&mut articles);
            let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
            assert_eq!(ids, want);
            articles.rotate_left(2);
        }
    }

    #[test]
    fn pages_file_belongs_to_its_bundle() {
        let b = small(IndexMode::Auto);
        let pages = b.encode_pages(vec![page()]);
        let originals = decode_pages(&pages, b.header.checksum).unwrap();
        assert_eq!(originals.text_of(&article()), Some("为老人服务"));
        assert_eq!(
            decode_pages(&pages, b.header.checksum ^ 1),
            Err(BundleError::PagesMismatch)
        );
        assert_eq!(
            decode_pages(&b.encode(), b.header.checksum),
            Err(BundleError::NotAPagesFile)
        );
        assert_eq!(
            decode_pages(&pages[..pages.len() - 3], b.header.checksum),
            Err(BundleError::Truncated {
                expected: pages.len() as u64,
                found: pages.len() as u64 - 3
            })
        );
    }

    #[test]
    fn errors() {
        let bytes = small(IndexMode::Embed).encode();
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
