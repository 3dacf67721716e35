//! Property tests: normalisation is idempotent and nothing in the page pipeline panics.

use proptest::prelude::*;
use shegong_core::normalize::{clean_chars, normalize_line};
use shegong_core::pipeline::process_page;
use shegong_core::query::parse;

/// Text that looks like the pages: CJK, mojibake pairs, punctuation, spaces, newlines, Latin.
fn pagelike() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("社工站".to_owned()),
        Just("野".to_owned()),
        Just("冶".to_owned()),
        Just("渊据叶新闻晨报曳冤".to_owned()),
        Just("。".to_owned()),
        Just("，".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" ".to_owned()),
        Just("（据中新网）".to_owned()),
        Just("记者 王薇".to_owned()),
        Just("ＡＢ１２".to_owned()),
        Just("---\n".to_owned()),
        "[\\u{4e00}-\\u{9fff}]{1,12}",
        "[a-zA-Z0-9 .:-]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn normalising_a_line_twice_changes_nothing(s in pagelike()) {
        for line in clean_chars(&s).lines() {
            let once = normalize_line(line);
            prop_assert_eq!(normalize_line(&once), once.clone());
        }
    }

    #[test]
    fn cleaning_twice_changes_nothing(s in any::<String>()) {
        let once = clean_chars(&s);
        prop_assert_eq!(clean_chars(&once), once.clone());
    }

    #[test]
    fn pages_never_panic_and_spans_stay_inside(s in pagelike()) {
        for a in process_page("p.txt", &s) {
            prop_assert!(a.span.start <= a.span.end && a.span.end <= s.len());
            prop_assert!(s.is_char_boundary(a.span.start) && s.is_char_boundary(a.span.end));
        }
    }

    #[test]
    fn queries_never_panic(s in any::<String>()) {
        let _ = parse(&s);
    }
}

mod facets {
    use proptest::prelude::*;
    use shegong_core::article::{Article, DateInfo, Region};
    use shegong_core::facet_table::FacetTable;
    use shegong_core::facets::{region_path, RegionCount, Selection};
    use shegong_core::query::YearMonth;

    const PLACES: [[&str; 3]; 4] = [
        ["上海市", "上海市", "闵行区"],
        ["上海市", "上海市", "徐汇区"],
        ["甘肃省", "武威市", "民勤县"],
        ["四川省", "成都市", "天府新区"],
    ];
    const PROGRAMS: [&str; 4] = ["youth", "elderly", "station", "training"];

    fn article() -> impl Strategy<Value = Article> {
        (
            prop::option::of((0..PLACES.len(), 1..=3usize)),
            prop::collection::vec(0..PROGRAMS.len(), 0..3),
            prop::option::of((2022..2025i32, prop::option::of(1..=12u32))),
        )
            .prop_map(|(place, programs, date)| {
                let mut programs: Vec<String> = programs
                    .into_iter()
                    .map(|p| PROGRAMS[p].to_owned())
                    .collect();
                programs.dedup();
                Article {
                    region: place.map(|(p, depth)| {
                        let mut l = PLACES[p][..depth].iter().map(|s| (*s).to_owned());
                        Region {
                            province: l.next(),
                            city: l.next(),
                            district: l.next(),
                            town: None,
                            code: None,
                        }
                    }),
                    programs,
                    date: date.map(|(y, m)| DateInfo {
                        year: Some(y),
                        month: m,
                        day: None,
                        precision: "month".into(),
                        text: String::new(),
                    }),
                    ..Article::default()
                }
            })
    }

    fn selection() -> impl Strategy<Value = Selection> {
        (
            prop::collection::vec((0..PLACES.len(), 1..=3usize), 0..3),
            prop::collection::vec(0..PROGRAMS.len(), 0..3),
            prop::option::of((2022..2025i32, 1..=12u32)),
        )
            .prop_map(|(regions, programs, from)| Selection {
                regions: regions
                    .into_iter()
                    .map(|(p, d)| PLACES[p][..d].join("/"))
                    .collect(),
                programs: programs
                    .into_iter()
                    .map(|p| PROGRAMS[p].to_owned())
                    .collect(),
                from: from.map(|(year, month)| YearMonth { year, month }),
                to: None,
            })
    }

    fn flatten(nodes: &[RegionCount], out: &mut Vec<(String, usize)>) {
        for n in nodes {
            out.push((n.path.clone(), n.count));
            flatten(&n.children, out);
        }
    }

    proptest! {
        #[test]
        fn disjunctive_counts_match_brute_force(
            arts in prop::collection::vec(article(), 0..40),
            sel in selection(),
        ) {
            let table = FacetTable::new(&arts);
            let compiled = table.compile(&sel);
            let f = table.count(0..arts.len() as u32, &compiled);
            // Filtering: the table matches exactly what the selection defines.
            for (d, a) in arts.iter().enumerate() {
                prop_assert_eq!(table.matches(d as u32, &compiled), sel.matches(a), "article {}", d);
            }
            let mut scored: Vec<(u32, f32)> = (0..arts.len() as u32).map(|d| (d, 0.0)).collect();
            prop_assert_eq!(&table.count_and_keep(&mut scored, &compiled), &f);
            let kept: Vec<u32> = scored.iter().map(|(d, _)| *d).collect();
            let expected: Vec<u32> = (0..arts.len() as u32).filter(|&d| sel.matches(&arts[d as usize])).collect();
            prop_assert_eq!(kept, expected);
            // Programs: every article passing the other facets, per program.
            for (id, n) in &f.programs {
                let brute = arts.iter().filter(|a| sel.region_ok(a) && sel.date_ok(a) && a.programs.contains(id)).count();
                prop_assert_eq!(*n, brute, "program {}", id);
            }
            let listed: usize = PROGRAMS.iter().filter(|p| arts.iter().any(|a| sel.region_ok(a) && sel.date_ok(a) && a.programs.iter().any(|x| x == *p))).count();
            prop_assert_eq!(f.programs.len(), listed);
            // Regions: every path prefix.
            let mut regions = Vec::new();
            flatten(&f.regions, &mut regions);
            for (path, n) in &regions {
                let brute = arts.iter().filter(|a| {
                    let p = region_path(a).join("/");
                    sel.program_ok(a) && sel.date_ok(a) && (p == *path || p.starts_with(&format!("{path}/")))
                }).count();
                prop_assert_eq!(*n, brute, "region {}", path);
            }
            // Dates: months.
            for (ym, n) in &f.months {
                let brute = arts.iter().filter(|a| {
                    sel.region_ok(a) && sel.program_ok(a)
                        && a.date.as_ref().is_some_and(|d| d.month.is_some() && format!("{:04}-{:02}", d.year.unwrap_or(0), d.month.unwrap_or(0)) == *ym)
                }).count();
                prop_assert_eq!(*n, brute, "month {}", ym);
            }
            let unknown = arts.iter().filter(|a| sel.region_ok(a) && sel.program_ok(a) && a.date.is_none()).count();
            prop_assert_eq!(f.date_unknown, unknown);
        }
    }
}
