//! The bundle target: any bytes as a bundle and the pages file beside it, loaded and used as
//! the app uses them.

use crate::searches::search;
use shegong_article::Article;
use shegong_search::{decode_pages, highlight, Bundle, BundleError, Engine, Originals};

/// Where a pages file starts when the input holds one after the bundle.
const PAGES_MAGIC: &[u8] = b"SHGP";

/// Read `data` as a bundle, optionally followed by its pages file (from the first `SHGP` on):
/// decode both, build the engine, search it (browse, words of its first article, a phrase
/// with an exclusion, a region filter; each with facet selections), and open the hits as the
/// article view does: the text with its people, organisations, numbers, dates and places
/// marked, and the original page text.
///
/// A checksum is no authentication, so a file refused only for its checksum is also tried with
/// the checksum made right: what lies behind it must be checked as carefully.
pub fn bundle(data: &[u8]) {
    let (bundle, pages) = match data
        .windows(PAGES_MAGIC.len())
        .skip(1)
        .position(|w| w == PAGES_MAGIC)
    {
        Some(at) => (&data[..at + 1], Some(&data[at + 1..])),
        None => (data, None),
    };
    let Some(b) = load(bundle, Bundle::decode) else {
        return;
    };
    let checksum = b.header.checksum;
    let (engine, inline) = b.into_parts();
    let originals = pages
        .and_then(|p| load(p, |bytes| decode_pages(bytes, checksum)))
        .unwrap_or(inline);
    for query in queries(engine.articles()) {
        let results = search(&engine, &query, false);
        for hit in &results.hits {
            open(&engine, &originals, hit.doc as usize);
        }
    }
}

/// Decode with `decode`; if only the checksum is wrong, decode again with it made right.
fn load<T>(bytes: &[u8], decode: impl Fn(&[u8]) -> Result<T, BundleError>) -> Option<T> {
    match decode(bytes) {
        Ok(t) => Some(t),
        Err(BundleError::Corrupted) => decode(&with_checksum(bytes)?).ok(),
        Err(e) => {
            assert!(!e.to_string().is_empty(), "an error says what is wrong");
            None
        }
    }
}

/// The file with the CRC-32 after its payload set to the payload's (layout in
/// `crates/search/src/bundle.rs`: magic, two versions, fingerprint, builder length and
/// builder, payload length, payload, CRC), or `None` when it is too short to hold them.
fn with_checksum(bytes: &[u8]) -> Option<Vec<u8>> {
    let builder_len = usize::from(*bytes.get(12)?);
    let len_at = 13 + builder_len;
    let len = u64::from_le_bytes(bytes.get(len_at..len_at + 8)?.try_into().ok()?);
    let payload_at = len_at + 8;
    let crc_at = payload_at.checked_add(usize::try_from(len).ok()?)?;
    let payload = bytes.get(payload_at..crc_at)?;
    let mut out = bytes.to_vec();
    out.get_mut(crc_at..crc_at + 4)?
        .copy_from_slice(&shegong_text::crc32(payload).to_le_bytes());
    Some(out)
}

/// What a reader would search a collection for: everything (browse), words of its first
/// article's title, a phrase from its text with an exclusion, and its region as a filter.
fn queries(articles: &[Article]) -> Vec<String> {
    let mut out = vec![String::new()];
    if let Some(a) = articles.first() {
        out.push(a.display_title().chars().take(4).collect());
        let text: Vec<char> = a.text.chars().filter(|c| !c.is_whitespace()).collect();
        if let [first, second, third, ..] = text[..] {
            out.push(format!("\"{second}{third}\" -{first}"));
        }
        if let Some(place) = a.region_path().last() {
            out.push(format!("region:{place}"));
        }
    }
    out
}

/// Open article `doc` as the article view does: every paragraph with the article's people,
/// organisations, numbers, dates and places marked, and the page text it was read from.
fn open(engine: &Engine, originals: &Originals, doc: usize) {
    let a = &engine.articles()[doc];
    let people = a.people.iter().map(|p| p.name.clone());
    let numbers = a.numbers.iter().map(|n| n.text.clone());
    let dates = a.dates.iter().map(|d| d.text.clone());
    let marks: Vec<String> = people
        .chain(a.organizations.iter().cloned())
        .chain(numbers)
        .chain(dates)
        .chain(a.region_path())
        .collect();
    let needles: Vec<(&str, usize)> = marks.iter().map(String::as_str).zip(0..).collect();
    for paragraph in a.text.split('\n') {
        let pieces = highlight(paragraph, &needles);
        let whole: String = pieces.into_iter().map(|(piece, _)| piece).collect();
        assert_eq!(whole, paragraph, "marking keeps every character");
    }
    std::hint::black_box(originals.text_of(a));
}
