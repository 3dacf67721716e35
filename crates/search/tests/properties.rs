//! Property tests through the public API: the query parser never panics, a bundle reads back
//! what was written, and filtering only ever narrows results.

use proptest::prelude::*;
use shegong_article::{Article, DateInfo, ProgramLabel, Region};
use shegong_search::{parse_query, write_chunked, Bundle, BundleError, Chunk, IndexMode, Joined};
use shegong_search::{Request, Results, Selection, Sort};
use shegong_text::Dictionary;
use std::collections::HashMap;

const WORDS: [&str; 8] = [
    "社工站",
    "培训",
    "老人",
    "服务",
    "青少年",
    "社区",
    "志愿者",
    "救助",
];
const PLACES: [[&str; 3]; 3] = [
    ["上海市", "上海市", "闵行区"],
    ["甘肃省", "武威市", "民勤县"],
    ["四川省", "成都市", "天府新区"],
];
const PROGRAMS: [&str; 3] = ["station", "elderly", "youth"];

fn dictionary() -> Dictionary {
    let lines: Vec<String> = WORDS.iter().map(|w| format!("{w} 100 n")).collect();
    Dictionary::parse(&lines.join("\n")).unwrap()
}

fn labels() -> Vec<ProgramLabel> {
    PROGRAMS
        .iter()
        .map(|p| ProgramLabel {
            id: (*p).into(),
            zh: (*p).into(),
            en: (*p).into(),
        })
        .collect()
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(&WORDS[..]).prop_map(str::to_owned),
            "[一-龥]{1,3}"
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

fn articles() -> impl Strategy<Value = Vec<Article>> {
    prop::collection::vec(
        (
            text(),
            text(),
            prop::option::of(0..PLACES.len()),
            prop::collection::btree_set(0..PROGRAMS.len(), 0..3),
            prop::option::of((2020..2025i32, prop::option::of(1..=12u32))),
        ),
        0..12,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(k, (title, body, place, programs, date))| Article {
                id: Article::id_for("p.txt", k + 1),
                file: "p.txt".into(),
                title: (!title.is_empty()).then_some(title),
                text: body,
                region: place.map(|p| Region {
                    province: Some(PLACES[p][0].into()),
                    city: Some(PLACES[p][1].into()),
                    district: Some(PLACES[p][2].into()),
                    ..Region::default()
                }),
                programs: programs
                    .into_iter()
                    .map(|p| PROGRAMS[p].to_owned())
                    .collect(),
                date: date.map(|(y, m)| DateInfo::new(Some(y), m, None, "")),
                ..Article::default()
            })
            .collect()
    })
}

fn selection() -> impl Strategy<Value = Selection> {
    (
        prop::collection::vec(0..PLACES.len(), 0..2),
        prop::collection::vec(0..PROGRAMS.len(), 0..2),
    )
        .prop_map(|(places, programs)| Selection {
            regions: places
                .into_iter()
                .map(|p| PLACES[p][..2].join("/"))
                .collect(),
            programs: programs
                .into_iter()
                .map(|p| PROGRAMS[p].to_owned())
                .collect(),
            ..Selection::default()
        })
}

proptest! {
    #[test]
    fn queries_never_panic(s in any::<String>()) {
        let _ = parse_query(&s);
    }

    #[test]
    fn a_bundle_reads_back_what_was_written(arts in articles(), embed in any::<bool>()) {
        let mode = if embed { IndexMode::Embed } else { IndexMode::Derive };
        let bundle = Bundle::build(arts, &dictionary(), labels(), mode);
        let decoded = Bundle::decode(&bundle.encode()).unwrap();
        prop_assert_eq!(decoded, bundle);
    }

    #[test]
    fn filtered_results_are_a_subset_of_unfiltered_ones(
        arts in articles(),
        sel in selection(),
        q in prop::sample::select(&["", "社工站", "老人 服务", "-培训", "社区 -志愿者"][..]),
    ) {
        let engine = Bundle::build(arts, &dictionary(), labels(), IndexMode::Derive).into_engine();
        let query = parse_query(q);
        let run = |selection: &Selection| {
            let r = engine.search(&Request { query: &query, selection, sort: Sort::Relevance, offset: 0, limit: usize::MAX, open: &[] }).unwrap();
            r.hits.into_iter().map(|h| h.id).collect::<std::collections::BTreeSet<_>>()
        };
        let all = run(&Selection::default());
        let filtered = run(&sel);
        prop_assert!(filtered.is_subset(&all), "{:?} ⊄ {:?}", filtered, all);
        for id in &filtered {
            let doc = engine.find(id).unwrap().unwrap();
            let a = engine.article(doc).unwrap();
            prop_assert!(sel.matches(a), "{} does not match the selection", id);
        }
    }

    /// A chunked bundle answers every request as the one-file bundle of the same articles:
    /// results, facets, pages of hits, sorts.
    #[test]
    fn a_chunked_bundle_answers_like_a_one_file_bundle(
        arts in articles(),
        sel in selection(),
        q in prop::sample::select(&["", "社工站", "老人 服务", "-培训", "社区 -志愿者", "\"社区服务\"", "region:上海"][..]),
        newest in any::<bool>(),
        offset in 0..4usize,
    ) {
        let one = Bundle::build(arts.clone(), &dictionary(), labels(), IndexMode::Derive).into_engine();
        let mut files: HashMap<Chunk, Vec<u8>> = HashMap::new();
        let report = write_chunked(arts, &dictionary(), labels(), Vec::new(), None, &mut |c, bytes| {
            files.insert(c, bytes.to_vec());
            Ok(())
        }).unwrap();
        let mut chunked = Bundle::decode(&report.entry).unwrap().into_engine();
        let query = parse_query(q);
        let open = ["上海市/上海市".to_owned()];
        let req = Request {
            query: &query,
            selection: &sel,
            sort: if newest { Sort::Newest } else { Sort::Relevance },
            offset,
            limit: 3,
            open: &open,
        };
        let fetched: Results = chunked
            .fetching(|c| files.get(&c).cloned().ok_or(BundleError::Malformed(c.name())), |e| e.search(&req))
            .unwrap();
        prop_assert_eq!(fetched, one.search(&req).unwrap());
    }

    /// A chunked bundle joined by a one-file bundle of other articles counts the facets and
    /// the total of one bundle of both, finds the same articles, and fetches what the chunked
    /// one misses as it would alone.
    #[test]
    fn a_chunked_bundle_joined_by_another_counts_as_one_bundle_of_both(
        arts in articles(),
        yours in articles(),
        sel in selection(),
        q in prop::sample::select(&["", "社工站", "老人 服务", "-培训", "\"社区服务\"", "region:上海"][..]),
        newest in any::<bool>(),
    ) {
        let yours: Vec<Article> = yours
            .into_iter()
            .map(|a| Article { id: a.id.replace("p.txt", "y.txt"), file: "y.txt".into(), ..a })
            .collect();
        let all: Vec<Article> = arts.iter().chain(&yours).cloned().collect();
        let one = Bundle::build(all, &dictionary(), labels(), IndexMode::Derive).into_engine();
        let second = Bundle::build(yours, &dictionary(), labels(), IndexMode::Derive).into_engine();
        let mut files: HashMap<Chunk, Vec<u8>> = HashMap::new();
        let report = write_chunked(arts, &dictionary(), labels(), Vec::new(), None, &mut |c, bytes| {
            files.insert(c, bytes.to_vec());
            Ok(())
        }).unwrap();
        let mut chunked = Bundle::decode(&report.entry).unwrap().into_engine();
        let query = parse_query(q);
        for open in [&[][..], &["上海市/上海市".to_owned(), "甘肃省/武威市".to_owned()][..]] {
            let req = Request {
                query: &query,
                selection: &sel,
                sort: if newest { Sort::Newest } else { Sort::Relevance },
                offset: 0,
                limit: 100,
                open,
            };
            let fetched: Results = chunked
                .fetching(
                    |c| files.get(&c).cloned().ok_or(BundleError::Malformed(c.name())),
                    |e| Joined { first: e, second: Some(&second) }.search(&req),
                )
                .unwrap();
            let whole = one.search(&req).unwrap();
            prop_assert_eq!(&fetched.facets, &whole.facets);
            prop_assert_eq!(fetched.total, whole.total);
            let mut found: Vec<String> = fetched.hits.into_iter().map(|h| h.id).collect();
            let mut want: Vec<String> = whole.hits.into_iter().map(|h| h.id).collect();
            found.sort();
            want.sort();
            prop_assert_eq!(found, want);
        }
    }
}
