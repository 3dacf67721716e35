//! The browser's export against building everything at once, as `shegong build` does.

use shegong_collection::{
    dictionary, export, preview, Added, Base, Correction, Corrections, ExportError,
};
use shegong_extract::{Pipeline, Taxonomy};
use shegong_search::{decode_pages, BuildDate, Bundle};
use shegong_text::Dictionary;
use std::sync::OnceLock;

fn dict() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(|| dictionary(Dictionary::jieba()))
}

/// The seed pages, named as `shegong build seeds` names them.
fn seeds() -> Vec<Added> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| Added {
            file: format!("seeds/{}", p.file_name().unwrap().to_string_lossy()),
            text: std::fs::read_to_string(p).unwrap(),
            modified: None,
            articles: None,
        })
        .collect()
}

fn build(base: Option<Base>, added: Vec<Added>, c: &Corrections) -> shegong_collection::Exported {
    export(base, added, c, &Pipeline::default(), dict()).unwrap()
}

#[test]
fn a_bundle_plus_added_pages_is_the_bundle_of_all_the_pages() {
    let pages = seeds();
    let (first, rest) = pages.split_at(3);
    let none = Corrections::default();
    let all = build(None, pages.clone(), &none);
    let part = build(None, first.to_vec(), &none);
    let base = Base::decode(&part.bundle, part.pages.as_deref()).unwrap();
    // Added pages are given in any order; the bundle is in name order.
    let mut added = rest.to_vec();
    added.reverse();
    let combined = build(Some(base), added, &none);
    assert!(combined.bundle == all.bundle, "bundles differ");
    assert!(combined.pages == all.pages, "pages files differ");
    assert_eq!(combined.articles, all.articles);
    assert!(all.articles >= 15);
}

#[test]
fn a_base_without_its_pages_file_gives_the_bundle_but_no_pages_file() {
    let pages = seeds();
    let none = Corrections::default();
    let all = build(None, pages.clone(), &none);
    let part = build(None, pages[..1].to_vec(), &none);
    let base = Base::decode(&part.bundle, None).unwrap();
    let combined = build(Some(base), pages[1..].to_vec(), &none);
    assert!(combined.bundle == all.bundle);
    assert_eq!(combined.pages, None);
}

#[test]
fn corrections_apply_to_the_exported_articles() {
    let pages = seeds();
    let first = format!("{}#1", pages[0].file);
    let second = format!("{}#2", pages[0].file);
    let c = Corrections {
        articles: vec![
            Correction {
                id: first.clone(),
                programs: Some(vec!["elderly".into()]),
                date: Some(Some("2023-01-02".into())),
                region: Some(None),
                ..Correction::default()
            },
            Correction {
                id: second.clone(),
                removed: true,
                ..Correction::default()
            },
            Correction {
                id: "gone.txt#1".into(),
                removed: true,
                ..Correction::default()
            },
        ],
        ..Corrections::default()
    };
    let plain = build(None, pages.clone(), &Corrections::default());
    let out = build(None, pages, &c);
    assert_eq!(out.articles, plain.articles - 1);
    assert_eq!(out.unmatched, ["gone.txt#1"]);
    let bundle = Bundle::decode(&out.bundle).unwrap();
    // Bundles store articles newest first: find the corrected one by its id.
    let a = bundle
        .payload()
        .unwrap()
        .articles
        .iter()
        .find(|a| a.id == first)
        .unwrap();
    assert_eq!(a.programs, ["elderly"]);
    assert_eq!(a.region, None);
    assert_eq!(a.date.as_ref().and_then(|d| d.day), Some(2));
    assert!(bundle
        .payload()
        .unwrap()
        .articles
        .iter()
        .all(|a| a.id != second));
    // The pages file still holds every page and belongs to the bundle.
    let originals = decode_pages(out.pages.as_deref().unwrap(), bundle.header.checksum).unwrap();
    assert_eq!(originals.pages().len(), 5);
}

#[test]
fn an_added_page_named_like_one_of_the_bundle_is_refused() {
    let pages = seeds();
    let none = Corrections::default();
    let part = build(None, pages[..2].to_vec(), &none);
    let base = Base::decode(&part.bundle, part.pages.as_deref()).unwrap();
    let err = export(
        Some(base),
        pages[1..3].to_vec(),
        &none,
        &Pipeline::default(),
        dict(),
    )
    .unwrap_err();
    assert_eq!(err, ExportError::NameTaken(pages[1].file.clone()));
    assert!(err.to_string().contains("rename"), "{err}");
    let twice = export(
        None,
        vec![pages[0].clone(), pages[0].clone()],
        &none,
        &Pipeline::default(),
        dict(),
    );
    assert!(matches!(twice, Err(ExportError::TwoPagesNamed(_))));
}

#[test]
fn a_bundle_of_another_taxonomy_is_not_mixed_with_the_built_in_one() {
    let pages = seeds();
    let none = Corrections::default();
    let custom = Taxonomy::parse(
        "[[program]]\nid = \"other\"\nzh = \"其他\"\nen = \"Other\"\ncues = [\"社工\"]\n",
    )
    .unwrap();
    let part = export(
        None,
        pages[..1].to_vec(),
        &none,
        &Pipeline::new(custom),
        dict(),
    )
    .unwrap();
    let base = Base::decode(&part.bundle, part.pages.as_deref()).unwrap();
    let err = export(
        Some(base),
        pages[1..2].to_vec(),
        &none,
        &Pipeline::default(),
        dict(),
    );
    assert_eq!(err.unwrap_err(), ExportError::OtherTaxonomy);
}

#[test]
fn an_export_is_dated_the_day_its_newest_page_was_modified_the_base_standing_for_its_pages() {
    let none = Corrections::default();
    let mut pages = seeds();
    assert_eq!(
        Bundle::decode(&build(None, pages.clone(), &none).bundle)
            .unwrap()
            .header
            .build_date,
        None,
        "no page says when it was modified"
    );
    // 2024-09-20 23:59:59 UTC and 2024-09-21 00:00:00 UTC, in milliseconds.
    pages[0].modified = Some(1_726_876_799_000);
    pages[1].modified = Some(1_726_876_800_000);
    let date =
        |e: &shegong_collection::Exported| Bundle::decode(&e.bundle).unwrap().header.build_date;
    let all = build(None, pages.clone(), &none);
    assert_eq!(date(&all), BuildDate::parse("2024-09-21"));
    // The base, built from the newer page, dates the combination; an older added page does not.
    let base = build(None, pages[1..2].to_vec(), &none);
    let mut rest = pages.clone();
    rest.remove(1);
    let combined = build(
        Some(Base::decode(&base.bundle, base.pages.as_deref()).unwrap()),
        rest,
        &none,
    );
    assert_eq!(date(&combined), BuildDate::parse("2024-09-21"));
    assert!(combined.bundle == all.bundle);
}

#[test]
fn the_apps_preview_holds_the_exports_articles_with_the_index_embedded() {
    let pages = seeds();
    let none = Corrections::default();
    let exported = build(None, pages.clone(), &none);
    let shown = preview(None, pages, &none, &Pipeline::default(), dict()).unwrap();
    let (a, b) = (
        Bundle::decode(&exported.bundle).unwrap(),
        Bundle::decode(&shown.bundle).unwrap(),
    );
    assert_eq!(a.payload().unwrap().articles, b.payload().unwrap().articles);
    assert!(
        b.payload().unwrap().index.is_some(),
        "the preview embeds its index"
    );
    assert!(
        a.payload().unwrap().index.is_none(),
        "the seeds are small: the export leaves the index to the reader, as --index auto"
    );
}

/// The app rebuilds its preview after every change: pages given with the articles kept when
/// they were added are not extracted again — the same bundle when those are today's articles,
/// the given ones when they differ. An export extracts every page again all the same.
#[test]
fn the_preview_reuses_the_articles_kept_with_a_page_and_the_export_does_not() {
    let none = Corrections::default();
    let pipeline = Pipeline::default();
    let plain = seeds();
    let mut kept = plain.clone();
    for page in &mut kept {
        page.articles = Some(pipeline.process_page(&page.file, &page.text));
    }
    let shown = preview(None, plain.clone(), &none, &pipeline, dict()).unwrap();
    let reused = preview(None, kept.clone(), &none, &pipeline, dict()).unwrap();
    assert!(
        shown.bundle == reused.bundle,
        "today's articles give the same bundle"
    );

    // Articles kept by an older extraction: the preview shows them, the export does not.
    let old_title = "旧的标题";
    kept[0].articles.as_mut().unwrap()[0].title = Some(old_title.to_owned());
    let titles = |bundle: &[u8]| -> Vec<Option<String>> {
        let decoded = Bundle::decode(bundle).unwrap();
        decoded
            .payload()
            .unwrap()
            .articles
            .iter()
            .map(|a| a.title.clone())
            .collect()
    };
    let stale = preview(None, kept.clone(), &none, &pipeline, dict()).unwrap();
    assert!(titles(&stale.bundle).contains(&Some(old_title.to_owned())));
    let exported = build(None, kept, &none);
    assert!(!titles(&exported.bundle).contains(&Some(old_title.to_owned())));
    assert!(exported.bundle == build(None, plain, &none).bundle);
}

/// A single file built without its pages, with pages added: the preview the app shows has the
/// reader's pages' original text (and says the base's are missing), while an export, as
/// `shegong build`, has no pages file without every page.
#[test]
fn the_preview_keeps_the_added_pages_originals_when_the_bases_are_missing() {
    let pages = seeds();
    let none = Corrections::default();
    let part = build(None, pages[..1].to_vec(), &none);
    let base = || Base::decode(&part.bundle, None).unwrap();
    let shown = preview(
        Some(base()),
        pages[1..].to_vec(),
        &none,
        &Pipeline::default(),
        dict(),
    )
    .unwrap();
    let bundle = Bundle::decode(&shown.bundle).unwrap();
    let originals = decode_pages(shown.pages.as_deref().unwrap(), bundle.header.checksum).unwrap();
    let articles = &bundle.payload().unwrap().articles;
    let added = articles.iter().find(|a| a.file == pages[1].file).unwrap();
    let page = originals.page_of(added).map(|p| p.text.as_str());
    assert_eq!(page, Some(pages[1].text.as_str()));
    let based = articles.iter().find(|a| a.file == pages[0].file).unwrap();
    assert_eq!(originals.page_of(based), None);
    assert_eq!(build(Some(base()), pages[1..].to_vec(), &none).pages, None);
}

/// A chunked bundle's entry file holds no articles: it is refused with what to do instead, so
/// the app shows the reader's pages as their own collection.
#[test]
fn a_chunked_bundle_is_not_a_base() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../search/tests/fixtures");
    let entry = std::fs::read(format!("{fixtures}/bundle-v5c.bin")).unwrap();
    let err = Base::decode(&entry, None).unwrap_err();
    assert_eq!(err, ExportError::Chunked);
    assert!(err.to_string().contains("shegong build"), "{err}");
    // A one-file bundle of the same format is one.
    let one = std::fs::read(format!("{fixtures}/bundle-v5.bin")).unwrap();
    assert!(Base::decode(&one, None).is_ok());
}
