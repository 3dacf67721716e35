//! Every released bundle format keeps a committed fixture: it must still load (or, once a
//! format is no longer readable, be rejected with the right message).
//!
//! `fixtures/bundle-v<N>.bin` was built from `fixtures/v1-page.txt` with
//! `shegong build crates/search/tests/fixtures/v1-page.txt -o crates/search/tests/fixtures/bundle-v<N>.bin`
//! by the release that wrote format N. Format 2 added the original pages; format 3 moved them
//! to a pages file of their own (`bundle-v3.pages.bin`) and may leave the index to the reader;
//! format 4 carries the build date in the header (built with `--build-date 2024-10-01`).
//! When the payload changes, bump `FORMAT_VERSION`, add a fixture for the new version and keep
//! this one.

use shegong_search::parse_query as parse;
use shegong_search::Engine;
use shegong_search::{decode_pages, Bundle, BundleError, FORMAT_VERSION};
use shegong_search::{Request, Selection};

#[test]
fn format_1_still_loads_and_searches() {
    let bytes = include_bytes!("fixtures/bundle-v1.bin");
    let bundle = Bundle::decode(bytes).expect("format 1 bundles stay readable");
    assert_eq!(bundle.header.format_version, 1);
    assert!(bundle.header.format_version <= FORMAT_VERSION);
    let a = &bundle.payload.articles[0];
    assert_eq!(a.title.as_deref(), Some("闵行区社工站开展为老服务"));
    assert_eq!(a.source.as_deref(), Some("新民晚报"));
    let (engine, originals) = bundle.into_parts();
    assert_eq!(finds_one(&engine), 1);
    assert_eq!(
        originals.text_of(&engine.articles()[0]),
        None,
        "format 1 had no pages"
    );
}

#[test]
fn format_2_loads_with_its_pages() {
    let bytes = include_bytes!("fixtures/bundle-v2.bin");
    let bundle = Bundle::decode(bytes).expect("format 2 bundles stay readable");
    assert_eq!(bundle.header.format_version, 2);
    let (engine, originals) = bundle.into_parts();
    assert_eq!(finds_one(&engine), 1);
    let page = originals
        .text_of(&engine.articles()[0])
        .expect("format 2 carries the page");
    assert!(page.contains("独居老人"), "{page}");
}

#[test]
fn format_3_loads_and_indexes_itself_and_its_pages_file_loads() {
    let bytes = include_bytes!("fixtures/bundle-v3.bin");
    let bundle = Bundle::decode(bytes).expect("format 3 bundles stay readable");
    assert_eq!(bundle.header.format_version, 3);
    assert!(
        bundle.payload.index.is_none(),
        "a small bundle leaves the index to the reader"
    );
    let checksum = bundle.header.checksum;
    let (engine, inline) = bundle.into_parts();
    assert_eq!(finds_one(&engine), 1);
    assert_eq!(inline.text_of(&engine.articles()[0]), None);
    let pages = include_bytes!("fixtures/bundle-v3.pages.bin");
    let originals = decode_pages(pages, checksum).expect("its pages file loads");
    let page = originals.text_of(&engine.articles()[0]).unwrap();
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
    let bytes = include_bytes!("fixtures/bundle-v4.bin");
    let bundle = Bundle::decode(bytes).expect("format 4 bundles stay readable");
    assert_eq!(bundle.header.format_version, 4);
    assert_eq!(
        bundle.header.build_date.map(|d| d.to_string()).as_deref(),
        Some("2024-10-01")
    );
    let checksum = bundle.header.checksum;
    let (engine, _) = bundle.into_parts();
    assert_eq!(finds_one(&engine), 1);
    let pages = include_bytes!("fixtures/bundle-v4.pages.bin");
    let originals = decode_pages(pages, checksum).expect("its pages file loads");
    assert!(originals.text_of(&engine.articles()[0]).is_some());
    // Format 3 had no build date.
    let v3 = Bundle::decode(include_bytes!("fixtures/bundle-v3.bin")).unwrap();
    assert_eq!(v3.header.build_date, None);
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
        })
        .total
}
