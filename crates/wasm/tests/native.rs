//! The native side of the native-vs-wasm check: extraction of a seed page, as JSON, must equal
//! the committed fixture that `tests/web.rs` compares the browser's output with.
#![cfg(not(target_arch = "wasm32"))]

use expect_test::expect_file;
use shegong_core::pipeline::process_page;

#[test]
fn native_extraction_matches_the_fixture() {
    let page = include_str!("../../../seeds/004_5e68e9660a63f3de.txt");
    let json = serde_json::to_string_pretty(&process_page("seeds/004_5e68e9660a63f3de.txt", page))
        .unwrap();
    expect_file!["fixtures/seed-004.json"].assert_eq(&json);
}
