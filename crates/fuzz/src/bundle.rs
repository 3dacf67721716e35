//! The bundle target: any bytes as a bundle (or a chunked bundle's entry file) and the pages
//! file or chunks beside it, loaded and used as the app uses them.

use crate::searches::{fetching, search, Fetch};
use shegong_article::Article;
use shegong_search::{highlight, Bundle, BundleError, Engine};

/// Where another file starts when the input holds more after the bundle: a pages file or a
/// chunk.
const MAGICS: [&[u8]; 2] = [b"SHGP", b"SHGC"];

/// Read `data` as a bundle, optionally followed by its pages file or chunks (each from its
/// magic on): decode the bundle, build the engine, search it (browse, words of its first
/// article, a phrase with an exclusion, a region filter; each with facet selections), and open
/// the hits as the article view does: the text with its people, organisations, numbers, dates
/// and places marked, and the original page text. Whatever file the engine asks for next is
/// handed the next file of the input.
///
/// A checksum is no authentication, so a file refused only for its checksum is also tried with
/// the checksum made right: what lies behind it must be checked as carefully.
pub fn bundle(data: &[u8]) {
    let starts: Vec<usize> = (1..data.len())
        .filter(|&i| MAGICS.iter().any(|m| data[i..].starts_with(m)))
        .collect();
    let bundle = &data[..starts.first().copied().unwrap_or(data.len())];
    let files: Vec<Vec<u8>> = starts
        .iter()
        .zip(starts.iter().skip(1).chain([&data.len()]))
        .map(|(&a, &b)| with_checksum(&data[a..b]).unwrap_or_else(|| data[a..b].to_vec()))
        .collect();
    let Some(b) = load(bundle, Bundle::decode) else {
        return;
    };
    let mut engine = b.into_engine();
    let mut fetch = Fetch::new(files);
    let newest = engine
        .fetching(|c| fetch.next(c), |e| e.article(0).cloned())
        .ok();
    for query in queries(newest.as_ref()) {
        let results = search(&mut fetching(&mut engine, &mut fetch), &query, false);
        for hit in results.iter().flat_map(|r| &r.hits) {
            open(&mut engine, &mut fetch, hit.doc);
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

/// What a reader would search a collection for: everything (browse), words of its newest
/// article's title, a phrase from its text with an exclusion, and its region as a filter.
fn queries(newest: Option<&Article>) -> Vec<String> {
    let mut out = vec![String::new()];
    if let Some(a) = newest {
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
fn open(engine: &mut Engine, fetch: &mut Fetch, doc: u32) {
    let Ok(a) = engine.fetching(|c| fetch.next(c), |e| e.article(doc).cloned()) else {
        return;
    };
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
    let original = engine.fetching(
        |c| fetch.next(c),
        |e| e.original(doc).map(|t| t.map(str::len)),
    );
    std::hint::black_box(original.ok());
}
