//! Writing a chunked bundle: the collection cut into chunks whose sizes follow from the
//! collection itself, written one by one so a large build never holds them all, then the entry
//! file.
//!
//! Chunk sizes. A keyed table (postings, dictionary, ids, pages) costs the entry file one first
//! key per chunk, on every visit, and a lookup fetches on average half a chunk it does not need:
//! with `T` bytes of table and first keys of `k` bytes, the sum `T/s × k + s/2` is least for a
//! chunk of `s = √(2kT)` bytes (postings of 10,000 synthetic articles: about 20 KB, of
//! 100,000: about 60 KB). Articles are wanted one by one (a page of results lands on ten
//! scattered articles), so an article chunk holds as many articles as fit in
//! [`ARTICLE_CHUNK`] bytes, at least one; a region chunk as many names as fit in
//! [`REGION_CHUNK`]. A dictionary subset of at most [`DICT_INLINE`] bytes stays in the entry
//! file.

use crate::build_date::BuildDate;
use crate::bundle::{checksum_of, newest_first, Header, MAGIC};
use crate::bundle::{container, Contents};
use crate::chunks::{encode_chunk, Body, Chunk, Kind};
use crate::facet_table::{Columns, LISTED_DEPTH};
use crate::index::{build_terms, Term};
use crate::manifest::{DictLayout, Manifest};
use crate::original::{Originals, SourcePage};
use serde::Serialize;
use shegong_article::{Article, ProgramLabel};
use shegong_text::{Dictionary, Entry, Segmenter};

/// Bytes of articles an article chunk holds at most (unless one article is larger): about
/// what one response's headers cost, so fetching a neighbour never costs more than a request.
pub const ARTICLE_CHUNK: usize = 2048;
/// A dictionary subset up to this size (encoded) stays in the entry file.
pub const DICT_INLINE: usize = 16 * 1024;
/// Bytes of region names a region chunk holds: opening a city in the region facet wants the
/// names of its subtree (some hundred towns).
pub const REGION_CHUNK: usize = 4096;
/// Bounds of a keyed chunk's size.
const CHUNK_MIN: usize = 4 * 1024;
const CHUNK_MAX: usize = 1 << 20;

/// What one kind of chunk came to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// How many chunks.
    pub chunks: usize,
    /// Their bytes.
    pub bytes: u64,
    /// The size they were cut at: bytes per chunk (articles per chunk for articles).
    pub target: usize,
}

/// What [`write_chunked`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The entry file's bytes (the caller writes it, after the chunks).
    pub entry: Vec<u8>,
    /// Keys in the index.
    pub keys: usize,
    /// Dictionary entries.
    pub dict_entries: usize,
    /// Bytes of the entry file that are the facet table.
    pub facet_bytes: usize,
    /// Per kind of chunk, in the order dictionary, postings, articles, ids, pages, regions.
    pub kinds: Vec<(char, Written)>,
}

/// Build a chunked bundle from articles and the pages they came from, with the given (full)
/// dictionary and program labels, dated `date` ([`Header::build_date`]): `write` gets each chunk and its bytes (write it to
/// [`Chunk::url`] of the entry file's path), and the report holds the entry file to write
/// last. Articles are stored newest first; the same inputs in any order give the same files.
pub fn write_chunked(
    mut articles: Vec<Article>,
    full_dict: &Dictionary,
    programs: Vec<ProgramLabel>,
    pages: Vec<SourcePage>,
    date: Option<BuildDate>,
    write: &mut dyn FnMut(Chunk, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<Report> {
    newest_first(&mut articles);
    let pages = Originals::new(pages).into_pages();
    let header = Header {
        build_date: date,
        ..Header::new(full_dict)
    };
    let build = shegong_text::crc32(
        &[
            checksum_of(&articles),
            checksum_of(&pages),
            checksum_of(&programs),
            header.fingerprint,
        ]
        .map(u32::to_le_bytes)
        .concat(),
    );
    let mut report = Report::default();
    let mut out = Out {
        header: &header,
        build,
        write,
    };

    let (firsts, w) = out.keyed(Kind::Pages, pages, |p| &p.file, Body::Pages)?;
    let page_firsts = firsts;
    let pages_written = w;

    let avg = encoded_size_of(&articles) / articles.len().max(1);
    let per_chunk = (ARTICLE_CHUNK / avg.max(1)).max(1);
    let mut articles_written = Written {
        target: per_chunk,
        ..Written::default()
    };
    for (n, part) in articles.chunks(per_chunk).enumerate() {
        articles_written.bytes += out.one(Kind::Articles, n, Body::Articles(part.to_vec()))?;
        articles_written.chunks += 1;
    }

    let ids = crate::store::ids_in_order(&articles);
    let (id_firsts, ids_written) = out.keyed(Kind::Ids, ids, |(id, _)| id, Body::Ids)?;

    let dict = full_dict.subset_for(&articles, Article::folded_fields);
    report.dict_entries = dict.len();
    let seg = Segmenter::new(&dict);
    let (dict, dict_written) = if crate::coding::dictionary::encoded_len(&dict) <= DICT_INLINE {
        (DictLayout::Inline(dict), Written::default())
    } else {
        let total = dict.total();
        let entries: Vec<Entry> = dict.entries().to_vec();
        drop(dict);
        let (firsts, w) = out.keyed(Kind::Dict, entries, |e| &e.word, Body::Dict)?;
        (DictLayout::Chunked { total, firsts }, w)
    };

    let terms = build_terms(&articles, &seg);
    report.keys = terms.len();
    let (term_firsts, terms_written) =
        out.keyed(Kind::Terms, terms, |t: &Term| &t.key, Body::Terms)?;

    let mut facets = Columns::of(&articles);
    let deep = facets.split_names(LISTED_DEPTH);
    let avg = deep.iter().map(encoded_len).sum::<usize>() / deep.len().max(1);
    let names_per_chunk = (REGION_CHUNK / avg.max(1)).max(1);
    let mut regions_written = Written {
        target: names_per_chunk,
        ..Written::default()
    };
    for (n, part) in deep.chunks(names_per_chunk).enumerate() {
        regions_written.bytes += out.one(Kind::Regions, n, Body::Regions(part.to_vec()))?;
        regions_written.chunks += 1;
    }
    report.facet_bytes = encoded_len(&facets);
    let manifest = Manifest {
        build,
        docs: articles.len() as u32,
        articles_per_chunk: per_chunk as u32,
        programs,
        facets,
        region_names_per_chunk: names_per_chunk as u32,
        dict,
        terms: term_firsts,
        ids: id_firsts,
        pages: page_firsts,
    };
    let contents = Contents::Chunked(Box::new(manifest));
    let bytes = postcard::to_allocvec(&contents).expect("manifests always serialise");
    report.entry = container(
        MAGIC,
        &Header {
            checksum: shegong_text::crc32(&bytes),
            ..header
        },
        &bytes,
    );
    report.kinds = vec![
        ('d', dict_written),
        ('t', terms_written),
        ('a', articles_written),
        ('i', ids_written),
        ('p', pages_written),
        ('r', regions_written),
    ];
    Ok(report)
}

/// Encoded size of a value.
fn encoded_len<T: Serialize>(v: &T) -> usize {
    postcard::to_allocvec(v).map_or(0, |b| b.len())
}

/// Encoded size of the articles, summed one by one.
fn encoded_size_of(articles: &[Article]) -> usize {
    articles.iter().map(encoded_len).sum()
}

/// The size to cut a keyed table of `total` bytes into, whose first keys average `key` bytes.
fn chunk_target(total: usize, key: usize) -> usize {
    let s = (2.0 * key.max(1) as f64 * total as f64).sqrt() as usize;
    s.clamp(CHUNK_MIN, CHUNK_MAX)
}

/// Where chunks go.
struct Out<'a> {
    header: &'a Header,
    build: u32,
    write: &'a mut dyn FnMut(Chunk, &[u8]) -> std::io::Result<()>,
}

impl Out<'_> {
    /// Write chunk `n` of `kind`; its size.
    fn one(&mut self, kind: Kind, n: usize, body: Body) -> std::io::Result<u64> {
        let bytes = encode_chunk(self.header, self.build, n as u32, body);
        (self.write)(Chunk::File(kind, n as u32), &bytes)?;
        Ok(bytes.len() as u64)
    }

    /// Cut sorted `items` into chunks of about [`chunk_target`] bytes and write them; the
    /// first key of each.
    fn keyed<T: Serialize>(
        &mut self,
        kind: Kind,
        items: Vec<T>,
        key: impl Fn(&T) -> &String,
        body: impl Fn(Vec<T>) -> Body,
    ) -> std::io::Result<(Vec<String>, Written)> {
        let sizes: Vec<usize> = items.iter().map(encoded_len).collect();
        let total: usize = sizes.iter().sum();
        let key_bytes: usize = items.iter().map(|t| key(t).len()).sum();
        let target = chunk_target(total, key_bytes / items.len().max(1) + 1);
        let mut written = Written {
            target,
            ..Written::default()
        };
        let mut firsts = Vec::new();
        let mut part: Vec<T> = Vec::new();
        let mut size = 0;
        for (item, s) in items.into_iter().zip(sizes) {
            if part.is_empty() {
                firsts.push(key(&item).clone());
            }
            part.push(item);
            size += s;
            if size >= target {
                written.bytes += self.one(kind, written.chunks, body(std::mem::take(&mut part)))?;
                written.chunks += 1;
                size = 0;
            }
        }
        if !part.is_empty() {
            written.bytes += self.one(kind, written.chunks, body(part))?;
            written.chunks += 1;
        }
        Ok((firsts, written))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_grow_with_the_table() {
        assert_eq!(chunk_target(1000, 6), CHUNK_MIN);
        let ten = chunk_target(30_000_000, 6);
        let hundred = chunk_target(300_000_000, 6);
        assert!((18_000..20_000).contains(&ten), "{ten}");
        assert!(hundred > 3 * ten && hundred < CHUNK_MAX);
    }
}
