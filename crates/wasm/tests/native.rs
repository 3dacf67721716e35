//! The native side of the native-vs-wasm checks: extraction of a seed page, as JSON, and a
//! bundle of it built with the full dictionary (index embedded) must equal the committed
//! fixtures that `tests/web.rs` compares the browser's output with. Update them with
//! `UPDATE_EXPECT=1 cargo test -p shegong-wasm --test native`.
#![cfg(not(target_arch = "wasm32"))]

use expect_test::expect_file;
use shegong_extract::{process_page, Pipeline};
use shegong_search::{Bundle, IndexMode};
use shegong_text::domain_terms;
use shegong_text::Dictionary;

const PAGE: &str = include_str!("../../../seeds/004_5e68e9660a63f3de.txt");

#[test]
fn native_extraction_matches_the_fixture() {
    let json = serde_json::to_string_pretty(&process_page("seeds/004_5e68e9660a63f3de.txt", PAGE))
        .unwrap();
    expect_file!["fixtures/seed-004.json"].assert_eq(&json);
}

#[test]
fn native_bundle_matches_the_fixture() {
    let pipeline = Pipeline::default();
    let articles = pipeline.process_page("seeds/004_5e68e9660a63f3de.txt", PAGE);
    let mut dict = Dictionary::jieba();
    dict.add_user_words(domain_terms());
    let bytes = Bundle::build(
        articles,
        &dict,
        pipeline.taxonomy().labels(),
        IndexMode::Embed,
    )
    .encode();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed-004.bundle.bin"
    );
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &bytes).unwrap();
    }
    let fixture = std::fs::read(path).unwrap();
    assert!(
        fixture == bytes,
        "tests/fixtures/seed-004.bundle.bin is out of date; rerun with UPDATE_EXPECT=1"
    );
}
