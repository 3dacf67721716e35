//! Chunks: the files a chunked bundle keeps beside its entry file, fetched when a search, an
//! article or an original page needs them — and the tables that say which chunk holds what.
//!
//! `shegong build … -o DIR/bundle.bin` writes the entry file there and the chunks into
//! `DIR/bundle.chunks/`: `t<n>.bin` the posting lists of a range of keys, `a<n>.bin` a range of
//! articles, `d<n>.bin` a range of the dictionary, `i<n>.bin` a range of article ids with their
//! document numbers, `p<n>.bin` a range of original pages. The entry file holds the first key
//! of each keyed chunk (and the number of articles per article chunk), so a reader knows which
//! chunk to fetch without fetching any other.
//!
//! A chunk file has the bundle's layout (magic `SHGC`) and names its build, its kind and its
//! number, so a chunk of another build or in the wrong place is refused with what to do.

use crate::bundle::{container, open, BundleError, Header};
use crate::index::Term;
use crate::original::SourcePage;
use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_text::Entry;

/// Magic bytes of a chunk file.
pub const CHUNK_MAGIC: [u8; 4] = *b"SHGC";

/// What a chunk holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Dictionary entries (`d`).
    Dict,
    /// Keys and their posting lists (`t`).
    Terms,
    /// Articles (`a`).
    Articles,
    /// Article ids and their document numbers (`i`).
    Ids,
    /// Original pages (`p`).
    Pages,
    /// Names of regions below the cities (`r`).
    Regions,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Dict,
        Kind::Terms,
        Kind::Articles,
        Kind::Ids,
        Kind::Pages,
        Kind::Regions,
    ];

    fn letter(self) -> char {
        match self {
            Kind::Dict => 'd',
            Kind::Terms => 't',
            Kind::Articles => 'a',
            Kind::Ids => 'i',
            Kind::Pages => 'p',
            Kind::Regions => 'r',
        }
    }
}

/// A file a reader may have to fetch after the entry file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Chunk {
    /// A chunk of a chunked bundle: its kind and number.
    File(Kind, u32),
    /// The pages file beside a one-file bundle.
    Pages,
}

impl Chunk {
    /// Its name: `t3`, `a120`, … or `pages`.
    pub fn name(&self) -> String {
        match self {
            Chunk::File(kind, n) => format!("{}{n}", kind.letter()),
            Chunk::Pages => "pages".to_owned(),
        }
    }

    /// The chunk named `name` (what [`Chunk::name`] gives).
    pub fn parse(name: &str) -> Option<Chunk> {
        if name == "pages" {
            return Some(Chunk::Pages);
        }
        let mut chars = name.chars();
        let letter = chars.next()?;
        let kind = Kind::ALL.into_iter().find(|k| k.letter() == letter)?;
        let n = chars.as_str();
        (!n.starts_with('+')).then_some(())?;
        Some(Chunk::File(kind, n.parse().ok()?))
    }

    /// Where it is, given where the entry file is: `x.bin` (or `x.bin?v`) →
    /// `x.chunks/a3.bin` (`?v` kept) for a chunk, `x.pages.bin` for a pages file.
    pub fn url(&self, entry: &str) -> String {
        let end = entry.find(['?', '#']).unwrap_or(entry.len());
        let (path, rest) = entry.split_at(end);
        let stem = path.strip_suffix(".bin").unwrap_or(path);
        match self {
            Chunk::File(..) => format!("{stem}.chunks/{}.bin{rest}", self.name()),
            Chunk::Pages => format!("{stem}.pages.bin{rest}"),
        }
    }
}

/// What a search or lookup is waiting for: the chunks to fetch (and hand over with
/// [`Engine::add_chunk`](crate::Engine::add_chunk)) before asking again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing(pub Vec<Chunk>);

impl Missing {
    pub(crate) fn one(c: Chunk) -> Self {
        Missing(vec![c])
    }
}

/// Collects what several lookups miss, so one round of fetching brings all of it.
#[derive(Debug, Default)]
pub(crate) struct Wants(Vec<Chunk>);

impl Wants {
    /// The value if it is there, else note the chunk.
    pub fn take<T>(&mut self, r: Result<T, Chunk>) -> Option<T> {
        r.map_err(|c| self.0.push(c)).ok()
    }

    /// `Err` with the chunks, if any were missed.
    pub fn check(mut self) -> Result<(), Missing> {
        if self.0.is_empty() {
            return Ok(());
        }
        shegong_text::sort::sort(&mut self.0);
        self.0.dedup();
        Err(Missing(self.0))
    }
}

/// A table split into chunks by key ranges: chunk `i` holds the keys from `firsts[i]` up to
/// `firsts[i + 1]`. A one-file bundle's table is one part.
#[derive(Debug, Clone)]
pub(crate) struct Keyed<T> {
    kind: Option<Kind>,
    firsts: Vec<String>,
    parts: Vec<Option<T>>,
}

impl<T> Keyed<T> {
    /// A table that is all there.
    pub fn whole(t: T) -> Self {
        Keyed {
            kind: None,
            firsts: vec![String::new()],
            parts: vec![Some(t)],
        }
    }

    /// A one-part table that comes from the pages file.
    pub fn pages_file(t: Option<T>) -> Self {
        Keyed {
            kind: None,
            firsts: vec![String::new()],
            parts: vec![t],
        }
    }

    /// A table of chunks, none loaded yet.
    pub fn chunked(kind: Kind, firsts: Vec<String>) -> Self {
        let parts = firsts.iter().map(|_| None).collect();
        Keyed {
            kind: Some(kind),
            firsts,
            parts,
        }
    }

    /// How many parts.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// The chunk of part `i`.
    pub fn chunk(&self, i: usize) -> Chunk {
        match self.kind {
            Some(k) => Chunk::File(k, i as u32),
            None => Chunk::Pages,
        }
    }

    /// The part that would hold `key`.
    pub fn part_of(&self, key: &str) -> usize {
        self.firsts
            .partition_point(|f| f.as_str() <= key)
            .saturating_sub(1)
    }

    /// The parts holding keys from `lo` up to (not including) `hi` (no end: all after `lo`).
    pub fn parts_between(&self, lo: &str, hi: Option<&str>) -> std::ops::Range<usize> {
        let start = self.part_of(lo);
        let end = hi.map_or(self.parts.len(), |hi| {
            self.firsts
                .partition_point(|f| f.as_str() < hi)
                .max(start + 1)
        });
        start.min(self.parts.len())..end.min(self.parts.len())
    }

    /// Part `i`, or the chunk to fetch.
    pub fn get(&self, i: usize) -> Result<&T, Chunk> {
        self.parts[i].as_ref().ok_or(self.chunk(i))
    }

    /// The part that would hold `key` (`None`: the table is empty), or the chunk to fetch.
    pub fn for_key(&self, key: &str) -> Result<Option<&T>, Chunk> {
        match self.parts.len() {
            0 => Ok(None),
            _ => self.get(self.part_of(key)).map(Some),
        }
    }

    /// The key range of part `i`: its first key and the next part's.
    pub fn range(&self, i: usize) -> (&str, Option<&str>) {
        (&self.firsts[i], self.firsts.get(i + 1).map(String::as_str))
    }

    /// Keep part `i`.
    pub fn put(&mut self, i: usize, t: T) {
        self.parts[i] = Some(t);
    }

    /// The loaded parts.
    pub fn loaded(&self) -> impl Iterator<Item = &T> {
        self.parts.iter().flatten()
    }
}

/// What a chunk file carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Body {
    /// Dictionary entries, sorted by word.
    Dict(#[serde(with = "crate::coding::entries")] Vec<Entry>),
    /// Keys and their postings, sorted by key.
    Terms(Vec<Term>),
    /// Articles, in document order.
    Articles(Vec<Article>),
    /// Article ids and their document numbers, sorted by id.
    Ids(Vec<(String, u32)>),
    /// Original pages, sorted by file.
    Pages(Vec<SourcePage>),
    /// Names of the regions below the cities, in tree order.
    Regions(Vec<String>),
}

impl Body {
    fn kind(&self) -> Kind {
        match self {
            Body::Dict(_) => Kind::Dict,
            Body::Terms(_) => Kind::Terms,
            Body::Articles(_) => Kind::Articles,
            Body::Ids(_) => Kind::Ids,
            Body::Pages(_) => Kind::Pages,
            Body::Regions(_) => Kind::Regions,
        }
    }
}

/// The payload of a chunk file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ChunkPayload {
    /// The build it belongs to (its entry file names the same).
    build: u32,
    /// Its number among the chunks of its kind.
    index: u32,
    body: Body,
}

/// Encode chunk `index` of a build (its kind is the body's).
pub(crate) fn encode_chunk(header: &Header, build: u32, index: u32, body: Body) -> Vec<u8> {
    let payload = ChunkPayload { build, index, body };
    let bytes = postcard::to_allocvec(&payload).expect("chunks always serialise");
    container(CHUNK_MAGIC, header, &bytes)
}

/// Decode the bytes fetched for `chunk` of the build `build`: a chunk file of that build, in
/// its place. Never panics.
pub(crate) fn decode_chunk(
    bytes: &[u8],
    build: u32,
    kind: Kind,
    index: u32,
) -> Result<Body, BundleError> {
    let name = Chunk::File(kind, index).name();
    let (_, payload) = open(bytes, CHUNK_MAGIC, BundleError::NotAChunk(name.clone()))?;
    let p: ChunkPayload = postcard::from_bytes(payload)
        .map_err(|e| BundleError::Malformed(format!("chunk {name}: {e}")))?;
    if p.build != build {
        return Err(BundleError::ChunkMismatch(name));
    }
    if p.body.kind() != kind || p.index != index {
        return Err(BundleError::Malformed(format!(
            "the file fetched as chunk {name} is chunk {}",
            Chunk::File(p.body.kind(), p.index).name()
        )));
    }
    Ok(p.body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_urls() {
        for c in [
            Chunk::File(Kind::Terms, 3),
            Chunk::File(Kind::Pages, 120),
            Chunk::Pages,
        ] {
            assert_eq!(Chunk::parse(&c.name()), Some(c));
        }
        assert_eq!(Chunk::parse("x1"), None);
        assert_eq!(Chunk::parse("a+1"), None);
        assert_eq!(
            Chunk::File(Kind::Articles, 7).url("data/x.bin?v=2"),
            "data/x.chunks/a7.bin?v=2"
        );
        assert_eq!(Chunk::Pages.url("bundle.bin"), "bundle.pages.bin");
    }

    #[test]
    fn keyed_parts() {
        let t: Keyed<u8> = Keyed::chunked(Kind::Terms, vec!["".into(), "m".into(), "t".into()]);
        assert_eq!(t.part_of("a"), 0);
        assert_eq!(t.part_of("m"), 1);
        assert_eq!(t.part_of("zz"), 2);
        assert_eq!(t.parts_between("n", Some("o")), 1..2);
        assert_eq!(t.parts_between("l", Some("u")), 0..3);
        assert_eq!(t.for_key("q"), Err(Chunk::File(Kind::Terms, 1)));
        let empty: Keyed<u8> = Keyed::chunked(Kind::Ids, Vec::new());
        assert_eq!(empty.for_key("q"), Ok(None));
        assert_eq!(empty.parts_between("a", Some("b")), 0..0);
    }
}
