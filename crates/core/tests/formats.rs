//! Every released bundle format keeps a committed fixture: it must still load (or, once a
//! format is no longer readable, be rejected with the right message).
//!
//! `fixtures/bundle-v1.bin` was built from `fixtures/v1-page.txt` with
//! `shegong build crates/core/tests/fixtures/v1-page.txt -o crates/core/tests/fixtures/bundle-v1.bin`.
//! When the payload changes, bump `FORMAT_VERSION`, add a fixture for the new version and keep
//! this one.

use shegong_core::bundle::{Bundle, FORMAT_VERSION};
use shegong_core::query::parse;
use shegong_core::{Request, Selection};

#[test]
fn format_1_still_loads_and_searches() {
    let bytes = include_bytes!("fixtures/bundle-v1.bin");
    let bundle = Bundle::decode(bytes).expect("format 1 bundles stay readable");
    assert_eq!(bundle.header.format_version, 1);
    assert!(bundle.header.format_version <= FORMAT_VERSION);
    let a = &bundle.payload.articles[0];
    assert_eq!(a.title.as_deref(), Some("闵行区社工站开展为老服务"));
    assert_eq!(a.source.as_deref(), Some("新民晚报"));
    let engine = bundle.into_engine();
    let q = parse("独居老人");
    let r = engine.search(&Request {
        query: &q,
        selection: &Selection::default(),
        sort: Default::default(),
        offset: 0,
        limit: 10,
    });
    assert_eq!(r.total, 1);
}
