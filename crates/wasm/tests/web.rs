//! Runs in headless Chromium: `cargo test -p shegong-wasm --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use shegong_article::{Article, Span};
use shegong_search::Index;
use shegong_search::{Bundle, IndexMode, SourcePage};
use shegong_text::Dictionary;
use shegong_text::Segmenter;
use shegong_wasm::{run, Shegong};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn bundle() -> Bundle {
    let dict = Dictionary::parse("社工站 100 n\n培训 200 v\n老人 300 n\n服务 400 vn\n").unwrap();
    let articles = vec![
        Article {
            id: "a-1".into(),
            file: "a.txt".into(),
            span: Span { start: 22, end: 40 },
            title: Some("社工站开展培训".into()),
            text: "为老人服务。".into(),
            ..Article::default()
        },
        Article {
            id: "a-2".into(),
            title: Some("老人服務".into()),
            text: "閔行區的老人服務。".into(),
            ..Article::default()
        },
    ];
    Bundle::build(articles, &dict, Vec::new(), IndexMode::Auto)
}

fn bundle_bytes() -> Vec<u8> {
    bundle().encode()
}

#[wasm_bindgen_test]
fn loads_and_searches() {
    let mut engine = Shegong::load(&bundle_bytes()).unwrap();
    assert_eq!(engine.article_count(), 2);
    assert_eq!(engine.original("a-1"), None, "pages not loaded yet");
    engine.load_pages(&pages_bytes()).unwrap();
    assert_eq!(engine.original("a-1").as_deref(), Some("为老人服务。"));
    assert_eq!(engine.original("a-2"), None);
    let value = engine.search("社工站", 10).unwrap();
    assert!(value.is_object());
}

fn pages_bytes() -> Vec<u8> {
    bundle().encode_pages(vec![SourcePage {
        file: "a.txt".into(),
        text: "社工站开展培训\n为老人服务。".into(),
    }])
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

fn error_message(err: JsValue) -> String {
    js_sys::Error::from(err).message().into()
}

/// `info` tells the format, the article count, the build date and the program labels;
/// `article` gives an article as `shegong extract` prints it.
#[wasm_bindgen_test]
fn info_and_article() {
    let date = shegong_search::BuildDate::parse("2024-10-01").unwrap();
    let engine = Shegong::load(&bundle().built_on(date).encode()).unwrap();
    let info = engine.info().unwrap();
    assert_eq!(get(&info, "formatVersion"), JsValue::from(4));
    assert_eq!(get(&info, "articleCount"), JsValue::from(2));
    assert_eq!(get(&info, "buildDate"), JsValue::from("2024-10-01"));
    assert!(js_sys::Array::is_array(&get(&info, "programs")));
    let article = engine.article("a-1").unwrap();
    assert_eq!(get(&article, "title"), JsValue::from("社工站开展培训"));
    assert_eq!(get(&get(&article, "span"), "start"), JsValue::from(22));
    assert!(engine.article("nonesuch").unwrap().is_undefined());
    // An undated bundle says so.
    let undated = Shegong::load(&bundle_bytes()).unwrap();
    assert!(get(&undated.info().unwrap(), "buildDate").is_null());
    assert_eq!(
        shegong_wasm::pages_url_of("https://x.org/news.bin?v=2"),
        "https://x.org/news.pages.bin?v=2"
    );
}

/// A selection may name only the facets it uses (`{ programs: [...] }`).
#[wasm_bindgen_test]
fn a_selection_may_leave_facets_out() {
    let engine = Shegong::load(&bundle_bytes()).unwrap();
    let selection = js_sys::Object::new();
    let programs = js_sys::Array::of1(&JsValue::from("nonesuch"));
    js_sys::Reflect::set(&selection, &"programs".into(), &programs).unwrap();
    let r = engine.search_with("", selection.into(), 0, 10).unwrap();
    assert_eq!(get(&r, "total"), JsValue::from(0));
    let r = engine
        .search_with("", js_sys::Object::new().into(), 0, 10)
        .unwrap();
    assert_eq!(get(&r, "total"), JsValue::from(2));
}

/// A month range selects by date; a wrong field is refused with what it must be.
#[wasm_bindgen_test]
fn a_selection_is_read_and_a_wrong_one_explained() {
    let engine = Shegong::load(&bundle_bytes()).unwrap();
    let selection: JsValue =
        js_sys::JSON::parse(r#"{"from":{"year":2030,"month":1},"to":null}"#).unwrap();
    let r = engine.search_with("", selection, 0, 10).unwrap();
    assert_eq!(get(&r, "total"), JsValue::from(0), "no article is that new");
    for (json, field) in [
        (
            r#"{"regions":"上海市"}"#,
            "selection.regions must be an array of strings",
        ),
        (
            r#"{"programs":[1]}"#,
            "selection.programs must be an array of strings",
        ),
        (
            r#"{"from":{"year":2024,"month":13}}"#,
            "selection.from must be {year, month}",
        ),
        ("7", "selection must be an object"),
    ] {
        let value = js_sys::JSON::parse(json).unwrap();
        let err = engine.search_with("", value, 0, 10).err().unwrap();
        let message = error_message(err.into());
        assert!(message.starts_with(field), "{json}: {message}");
    }
}

/// A pages file of another bundle is refused, saying so.
#[wasm_bindgen_test]
fn pages_of_another_bundle_are_refused() {
    let mut engine = Shegong::load(&bundle_bytes()).unwrap();
    let other = Bundle::build(
        Vec::new(),
        &Dictionary::parse("社工站 1 n\n").unwrap(),
        Vec::new(),
        IndexMode::Auto,
    )
    .encode_pages(Vec::new());
    let err = engine.load_pages(&other).err().unwrap();
    assert!(error_message(err.into()).contains("belongs to another bundle"));
}

#[wasm_bindgen_test]
fn ranks_and_folds_in_the_browser() {
    let engine = Bundle::decode(&bundle_bytes()).unwrap().into_engine();
    let r = run(
        &engine,
        "老人服务",
        &shegong_search::Selection::default(),
        0,
        10,
    );
    assert_eq!(r.total, 2);
    // Traditional text is found by a Simplified query, and the title match ranks first.
    assert_eq!(r.hits[0].id, "a-2");
}

#[wasm_bindgen_test]
fn extraction_in_the_browser_equals_native() {
    // tests/native.rs checks that native extraction of this page equals the same fixture.
    let page = include_str!("../../../seeds/004_5e68e9660a63f3de.txt");
    let articles = shegong_extract::process_page("seeds/004_5e68e9660a63f3de.txt", page);
    let json = serde_json::to_string_pretty(&articles).unwrap();
    assert_eq!(json, include_str!("fixtures/seed-004.json"));
    assert!(shegong_wasm::extract("p.txt", page).unwrap().is_object());
}

/// The browser indexes a seed page exactly as the native builder did: the fixture bundle was
/// built natively with the full dictionary and carries its index (tests/native.rs keeps it up
/// to date); here the index is built again from its articles and dictionary subset.
#[wasm_bindgen_test]
fn browser_indexes_like_the_native_builder() {
    let bundle = Bundle::decode(include_bytes!("fixtures/seed-004.bundle.bin")).unwrap();
    let p = bundle.payload;
    let native = p.index.expect("the fixture embeds its index");
    let browser = Index::build(&p.articles, &Segmenter::new(&p.dict));
    assert!(native.word_count() > 0);
    assert_eq!(browser, native);
}

/// Bundles with a valid checksum but an inconsistent payload are refused with what is wrong.
#[wasm_bindgen_test]
fn crafted_bundles_are_refused_with_what_is_wrong() {
    for (bytes, says) in [
        (
            &include_bytes!("../../search/tests/fixtures/crafted/postings-past-the-articles.bin")[..],
            "name document 2",
        ),
        (
            &include_bytes!("../../search/tests/fixtures/crafted/short-field-lengths.bin")[..],
            "field lengths for 1 documents",
        ),
        (
            &include_bytes!("../../search/tests/fixtures/crafted/unknown-program-id.bin")[..],
            "program `nonesuch`",
        ),
    ] {
        let err = Shegong::load(bytes).err().expect("refused");
        let message = error_message(JsValue::from(err));
        assert!(
            message.contains("malformed") && message.contains(says),
            "{message}"
        );
    }
}

#[wasm_bindgen_test]
fn bad_bundle_is_an_error() {
    assert!(Shegong::load(b"not a bundle").is_err());
}
