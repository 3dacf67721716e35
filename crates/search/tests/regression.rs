//! One test per fixed bug, named for what is right (ripgrep's `tests/regression.rs` style).

use shegong_article::Article;
use shegong_search::{parse_query, write_chunked, Bundle, BundleError, Chunk, Missing};
use shegong_search::{Request, Selection};
use shegong_text::Dictionary;
use std::collections::HashMap;

/// Found by the `bundle` fuzz target: a header announcing a payload of nearly 2^64 bytes
/// overflowed the sum that reports how many bytes were expected.
#[test]
fn a_payload_length_near_u64_max_is_refused_as_truncated() {
    let mut bytes = include_bytes!("fixtures/bundle-v3.bin").to_vec();
    let builder_len = usize::from(bytes[12]);
    let len_at = 13 + builder_len;
    bytes[len_at..len_at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    assert_eq!(
        Bundle::decode(&bytes),
        Err(BundleError::Truncated {
            expected: u64::MAX,
            found: bytes.len() as u64,
        })
    );
}

/// A chunked bundle of `n` articles made of words of the full dictionary picked at random (so
/// its postings and its dictionary fill many chunks, their keys spread over the whole range),
/// every file of it by chunk, and the texts.
fn spread_bundle(n: usize) -> (Vec<u8>, HashMap<Chunk, Vec<u8>>, Vec<String>) {
    let dict = Dictionary::jieba();
    let words: Vec<&str> = dict
        .entries()
        .iter()
        .map(|e| e.word.as_str())
        .filter(|w| w.chars().count() == 2)
        .collect();
    let mut state: u32 = 7;
    let mut next = || {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (state >> 8) as usize
    };
    let texts: Vec<String> = (0..n)
        .map(|_| (0..30).map(|_| words[next() % words.len()]).collect())
        .collect();
    let articles = texts
        .iter()
        .enumerate()
        .map(|(k, text)| Article {
            id: Article::id_for("p.txt", k + 1),
            file: "p.txt".into(),
            text: text.clone(),
            ..Article::default()
        })
        .collect();
    let mut files = HashMap::new();
    let report = write_chunked(
        articles,
        &dict,
        Vec::new(),
        Vec::new(),
        None,
        &mut |c, b| {
            files.insert(c, b.to_vec());
            Ok(())
        },
    )
    .unwrap();
    (report.entry, files, texts)
}

/// The kinds of chunk each round of fetching brought (`t`, `a`, …) until `q` was answered.
fn rounds(entry: &[u8], files: &HashMap<Chunk, Vec<u8>>, q: &str) -> (Vec<String>, usize) {
    let mut engine = Bundle::decode(entry).unwrap().into_engine();
    let query = parse_query(q);
    let all = Selection::default();
    let req = Request::new(&query, &all);
    let mut kinds = Vec::new();
    loop {
        match engine.search(&req) {
            Ok(r) => return (kinds, r.total),
            Err(Missing(chunks)) => {
                let mut names: Vec<String> =
                    chunks.iter().map(|c| c.name()[..1].to_owned()).collect();
                names.dedup();
                kinds.push(names.concat());
                for c in chunks {
                    engine.add_chunk(c, &files[&c]).unwrap();
                }
            }
        }
    }
}

/// A phrase that is no key of the index is found through its pairs of characters; their
/// chunks came one round each (each lookup stopped at the first pair not yet loaded), so a
/// phrase of n characters took n rounds of fetching. All its pairs come in one round now, and
/// the chunk of its place key with its own.
#[test]
fn the_pairs_of_a_phrase_that_is_no_key_come_in_one_round() {
    let (entry, files, texts) = spread_bundle(600);
    let count = |kind: &str| files.keys().filter(|c| c.name().starts_with(kind)).count();
    assert!(count("t") > 20, "the postings fill many chunks");
    // Five characters across words: no key of the index.
    let phrase: String = texts[42].chars().skip(11).take(5).collect();
    let (kinds, total) = rounds(&entry, &files, &format!("\"{phrase}\""));
    assert!(total >= 1, "the phrase is found");
    assert_eq!(
        kinds,
        ["t", "t", "a"],
        "the phrase's key, its pairs, the article"
    );
}

/// The first search of a word cannot segment it before its dictionary words come, and its
/// postings came a round later; they come with the dictionary words now, so a one-word query
/// takes two rounds of fetching: dictionary and postings, then the articles shown.
#[test]
fn a_words_postings_come_with_its_dictionary_words() {
    let (entry, files, texts) = spread_bundle(600);
    assert!(
        files.keys().any(|c| c.name().starts_with('d')),
        "the dictionary is in chunks"
    );
    let word: String = texts[7].chars().skip(4).take(2).collect();
    let (kinds, total) = rounds(&entry, &files, &word);
    assert!(total >= 1, "the word is found");
    assert_eq!(kinds, ["dt", "a"]);
}
