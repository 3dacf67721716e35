//! Every released bundle format keeps a committed fixture: it must still load (or, once a
//! format is no longer readable, be rejected with the right message).
//!
//! `fixtures/bundle-v<N>.bin` was built from `fixtures/v1-page.txt` with
//! `shegong build crates/search/tests/fixtures/v1-page.txt -o crates/search/tests/fixtures/bundle-v<N>.bin`
//! by the release that wrote format N. Format 2 added the original pages; format 3 moved them
//! to a pages file of their own (`bundle-v3.pages.bin`) and may leave the index to the reader;
//! format 4 carries the build date in the header (built with `--build-date 2024-10-01`);
//! format 5 has a new index (every key a query word can be found as, with weights, and the
//! articles' region names) and may be chunked: `bundle-v5c.bin` and its folder
//! `bundle-v5c.chunks/`, built with `--index chunked`.
//! When the payload changes, bump `FORMAT_VERSION`, add a fixture for the new version and keep
//! this one.

use shegong_search::parse_query as parse;
use shegong_search::Engine;
use shegong_search::{decode_pages, Bundle, BundleError, Chunk, FORMAT_VERSION};
use shegong_search::{Request, Selection};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

#[test]
fn format_1_still_loads_and_searches() {
    let bytes = include_bytes!("fixtures/bundle-v1.bin");
    let bundle = Bundle::decode(bytes).expect("format 1 bundles stay readable");
    assert_eq!(bundle.header.format_version, 1);
    assert!(bundle.header.format_version <= FORMAT_VERSION);
    let a = &bundle.payload().unwrap().articles[0];
    assert_eq!(a.title.as_deref(), Some("闵行区社工站开展为老服务"));
    assert_eq!(a.source.as_deref(), Some("新民晚报"));
    let engine = bundle.into_engine();
    assert_eq!(finds_one(&engine), 1);
    assert_eq!(engine.original(0), Ok(None), "format 1 had no pages");
}

#[test]
fn format_2_loads_with_its_pages() {
    let bytes = include_bytes!("fixtures/bundle-v2.bin");
    let bundle = Bundle::decode(bytes).expect("format 2 bundles stay readable");
    assert_eq!(bundle.header.format_version, 2);
    let engine = bundle.into_engine();
    assert_eq!(finds_one(&engine), 1);
    let page = engine
        .original(0)
        .unwrap()
        .expect("format 2 carries the page");
    assert!(page.contains("独居老人"), "{page}");
}

#[test]
fn format_3_loads_and_indexes_itself_and_its_pages_file_loads() {
    let bytes = include_bytes!("fixtures/bundle-v3.bin");
    let bundle = Bundle::decode(bytes).expect("format 3 bundles stay readable");
    assert_eq!(bundle.header.format_version, 3);
    let checksum = bundle.header.checksum;
    let mut engine = bundle.into_engine();
    assert_eq!(finds_one(&engine), 1);
    assert_eq!(engine.original(0).unwrap_err().0, [Chunk::Pages]);
    let pages = include_bytes!("fixtures/bundle-v3.pages.bin");
    assert!(decode_pages(pages, checksum).is_ok());
    engine
        .add_chunk(Chunk::Pages, pages)
        .expect("its pages file loads");
    let page = engine.original(0).unwrap().unwrap();
    assert!(page.contains("独居老人"), "{page}");
    // The pages file of another bundle is refused.
    let v2 = Bundle::decode(include_bytes!("fixtures/bundle-v2.bin")).unwrap();
    assert_eq!(
        decode_pages(pages, v2.header.checksum),
        Err(BundleError::PagesMismatch)
    );
}

#[test]
fn format_4_loads_with_its_build_date_and_its_pages_file_loads() {
    let bundle = Bundle::decode(include_bytes!("fixtures/bundle-v4.bin"))
        .expect("format 4 bundles stay readable");
    assert_eq!(bundle.header.format_version, 4);
    assert_eq!(
        bundle.header.build_date.map(|d| d.to_string()).as_deref(),
        Some("2024-10-01")
    );
    let mut engine = bundle.into_engine();
    assert_eq!(finds_one(&engine), 1);
    engine
        .add_chunk(Chunk::Pages, include_bytes!("fixtures/bundle-v4.pages.bin"))
        .unwrap();
    assert!(engine.original(0).unwrap().unwrap().contains("独居老人"));
    // Format 3 had no build date.
    let v3 = Bundle::decode(include_bytes!("fixtures/bundle-v3.bin")).unwrap();
    assert_eq!(v3.header.build_date, None);
}

#[test]
fn format_5_one_file_loads_with_its_pages_file() {
    let bundle = Bundle::decode(include_bytes!("fixtures/bundle-v5.bin"))
        .expect("format 5 bundles stay readable");
    assert_eq!(bundle.header.format_version, 5);
    assert!(bundle.payload().unwrap().index.is_none());
    let mut engine = bundle.into_engine();
    assert!(!engine.is_chunked());
    assert_eq!(finds_one(&engine), 1);
    engine
        .add_chunk(Chunk::Pages, include_bytes!("fixtures/bundle-v5.pages.bin"))
        .unwrap();
    assert!(engine.original(0).unwrap().unwrap().contains("独居老人"));
}

#[test]
fn format_5_chunked_loads_its_chunks_as_searches_need_them() {
    let entry = format!("{FIXTURES}/bundle-v5c.bin");
    let bundle = Bundle::decode(&std::fs::read(&entry).unwrap()).expect("a chunked entry");
    assert_eq!(bundle.header.format_version, 5);
    assert!(bundle.payload().is_none());
    let mut engine = bundle.into_engine();
    assert!(engine.is_chunked());
    let q = parse("独居老人");
    let all = Selection::default();
    let request = Request::new(&q, &all);
    let first = engine.search(&request).unwrap_err();
    assert!(!first.0.is_empty(), "the postings are in chunks");
    let mut fetched = Vec::new();
    let fetch = |c: Chunk| {
        fetched.push(c.name());
        read(&c.url(&entry))
    };
    let results = engine.fetching(fetch, |e| e.search(&request)).unwrap();
    assert_eq!(results.total, 1);
    assert!(results.hits[0].title.contains("社工站"));
    assert!(fetched.iter().any(|c| c.starts_with('t')));
    assert!(fetched.iter().any(|c| c.starts_with('a')));
    let id = results.hits[0].id.clone();
    let page = engine
        .fetching(
            |c: Chunk| read(&c.url(&entry)),
            |e| {
                let doc = e.find(&id)?.expect("the id is there");
                e.original(doc).map(|p| p.map(str::to_owned))
            },
        )
        .unwrap()
        .unwrap();
    assert!(page.contains("独居老人"), "{page}");
}

impl From<BundleError> for TestError {
    fn from(e: BundleError) -> Self {
        TestError(e.to_string())
    }
}

/// An error of the tests' chunk fetching, which they print when they fail.
#[derive(Debug)]
#[allow(dead_code)]
struct TestError(String);

fn read(path: &str) -> Result<Vec<u8>, TestError> {
    std::fs::read(path).map_err(|e| TestError(format!("{path}: {e}")))
}

/// How many articles a query the fixture page answers finds.
fn finds_one(engine: &Engine) -> usize {
    let q = parse("独居老人");
    engine
        .search(&Request {
            query: &q,
            selection: &Selection::default(),
            sort: Default::default(),
            offset: 0,
            limit: 10,
            open: &[],
        })
        .unwrap()
        .total
}
