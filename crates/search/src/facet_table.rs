//! Facet keys precomputed per article as small integers — region-tree nodes, program ids, a
//! month range and a histogram bucket — so filtering and disjunctive counting over a large
//! collection touch no strings. It computes exactly what [`Selection::matches`] and the facet
//! definitions in [`crate::facets`] say (checked by a property test).

use crate::facets::{Facets, RegionCount, Selection};
use shegong_article::Article;
use shegong_article::YearMonth;
use shegong_text::sort;
use std::collections::HashMap;

/// Deepest region level (province, city, district, town).
const LEVELS: usize = 4;

#[derive(Debug, Clone)]
struct Node {
    name: String,
    path: String,
    children: Vec<u32>,
}

/// Where an article falls in the date histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bucket {
    Month(u32),
    Year(u32),
    Unknown,
}

/// Per-article facet keys of a collection.
#[derive(Debug, Clone, Default)]
pub struct FacetTable {
    nodes: Vec<Node>,
    roots: Vec<u32>,
    node_of: HashMap<String, u32>,
    /// Region-tree nodes of each article's path prefixes, province first; `u32::MAX` pads.
    doc_nodes: Vec<[u32; LEVELS]>,
    programs: Vec<String>,
    program_of: HashMap<String, u16>,
    /// Program ids of article `d`: `prog_ids[prog_start[d]..prog_start[d + 1]]`.
    prog_start: Vec<u32>,
    prog_ids: Vec<u16>,
    /// First and last month (`year * 12 + month - 1`) an article's date covers.
    doc_span: Vec<Option<(i64, i64)>>,
    doc_bucket: Vec<Bucket>,
    months: Vec<(i32, u32)>,
    years: Vec<i32>,
}

/// The keys whose count is not zero, with their counts (`counts[i]` belongs to `keys[i]`).
fn counted<K: Clone>(keys: &[K], counts: Vec<usize>) -> Vec<(K, usize)> {
    counts
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .map(|(i, n)| (keys[i].clone(), n))
        .collect()
}

/// Counts in progress.
#[derive(Debug)]
struct Tally {
    nodes: Vec<usize>,
    programs: Vec<usize>,
    months: Vec<usize>,
    years: Vec<usize>,
    region_unknown: usize,
    program_unknown: usize,
    date_unknown: usize,
}

impl Tally {
    fn new(t: &FacetTable) -> Self {
        Tally {
            nodes: vec![0; t.nodes.len()],
            programs: vec![0; t.programs.len()],
            months: vec![0; t.months.len()],
            years: vec![0; t.years.len()],
            region_unknown: 0,
            program_unknown: 0,
            date_unknown: 0,
        }
    }
}

/// A selection turned into the table's integers.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Selected nodes (`None`: no region filter).
    regions: Option<Vec<u32>>,
    /// Selected program ids, by index (`None`: no program filter).
    programs: Option<Vec<bool>>,
    dates: Option<(i64, i64)>,
}

fn month_index(year: i32, month: u32) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

impl FacetTable {
    pub fn new(articles: &[Article]) -> Self {
        let mut t = FacetTable {
            prog_start: vec![0],
            ..FacetTable::default()
        };
        let mut month_of: HashMap<(i32, u32), u32> = HashMap::new();
        let mut year_of: HashMap<i32, u32> = HashMap::new();
        for a in articles {
            let path = a.region_path();
            let mut ids = [u32::MAX; LEVELS];
            let mut parent: Option<u32> = None;
            for depth in 0..path.len().min(LEVELS) {
                let key = path[..=depth].join("/");
                let id = match t.node_of.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = t.nodes.len() as u32;
                        t.nodes.push(Node {
                            name: path[depth].clone(),
                            path: key.clone(),
                            children: Vec::new(),
                        });
                        t.node_of.insert(key, id);
                        match parent {
                            Some(p) => t.nodes[p as usize].children.push(id),
                            None => t.roots.push(id),
                        }
                        id
                    }
                };
                ids[depth] = id;
                parent = Some(id);
            }
            t.doc_nodes.push(ids);
            for p in &a.programs {
                let next = t.programs.len() as u16;
                let id = *t.program_of.entry(p.clone()).or_insert(next);
                if id == next {
                    t.programs.push(p.clone());
                }
                t.prog_ids.push(id);
            }
            t.prog_start.push(t.prog_ids.len() as u32);
            let (year, month) = a.date.as_ref().map_or((None, None), |d| (d.year, d.month));
            t.doc_span.push(year.map(|y| {
                (
                    month_index(y, month.unwrap_or(1)),
                    month_index(y, month.unwrap_or(12)),
                )
            }));
            t.doc_bucket.push(match (year, month) {
                (Some(y), Some(m)) => {
                    let next = t.months.len() as u32;
                    let id = *month_of.entry((y, m)).or_insert(next);
                    if id == next {
                        t.months.push((y, m));
                    }
                    Bucket::Month(id)
                }
                (Some(y), None) => {
                    let next = t.years.len() as u32;
                    let id = *year_of.entry(y).or_insert(next);
                    if id == next {
                        t.years.push(y);
                    }
                    Bucket::Year(id)
                }
                _ => Bucket::Unknown,
            });
        }
        t
    }

    pub fn compile(&self, sel: &Selection) -> Compiled {
        let regions = (!sel.regions.is_empty()).then(|| {
            sel.regions
                .iter()
                .filter_map(|r| self.node_of.get(r).copied())
                .collect()
        });
        let programs = (!sel.programs.is_empty()).then(|| {
            let mut chosen = vec![false; self.programs.len()];
            for p in &sel.programs {
                if let Some(&i) = self.program_of.get(p) {
                    chosen[i as usize] = true;
                }
            }
            chosen
        });
        let dates = (sel.from.is_some() || sel.to.is_some()).then(|| {
            (
                sel.from.map_or(i64::MIN, |f| month_index(f.year, f.month)),
                sel.to.map_or(i64::MAX, |t| month_index(t.year, t.month)),
            )
        });
        Compiled {
            regions,
            programs,
            dates,
        }
    }

    fn region_ok(&self, doc: usize, c: &Compiled) -> bool {
        c.regions
            .as_ref()
            .is_none_or(|sel| self.doc_nodes[doc].iter().any(|n| sel.contains(n)))
    }

    fn programs_of(&self, doc: usize) -> &[u16] {
        &self.prog_ids[self.prog_start[doc] as usize..self.prog_start[doc + 1] as usize]
    }

    fn program_ok(&self, doc: usize, c: &Compiled) -> bool {
        c.programs
            .as_ref()
            .is_none_or(|sel| self.programs_of(doc).iter().any(|&p| sel[p as usize]))
    }

    fn date_ok(&self, doc: usize, c: &Compiled) -> bool {
        c.dates.is_none_or(|(from, to)| {
            self.doc_span[doc].is_some_and(|(lo, hi)| lo >= from && hi <= to)
        })
    }

    /// Does the article pass every facet of the selection?
    #[cfg(test)]
    pub fn matches(&self, doc: u32, c: &Compiled) -> bool {
        let d = doc as usize;
        self.region_ok(d, c) && self.program_ok(d, c) && self.date_ok(d, c)
    }

    /// Count facets over `docs` (the articles matching the query), disjunctively.
    #[cfg(test)]
    pub fn count(&self, docs: impl IntoIterator<Item = u32>, c: &Compiled) -> Facets {
        let mut tally = Tally::new(self);
        for doc in docs {
            self.tally(doc, c, &mut tally);
        }
        self.facets(tally)
    }

    /// Count facets over the scored documents matching the query, and keep only those that
    /// pass the selection: one pass for both.
    pub fn count_and_keep(&self, docs: &mut Vec<(u32, f32)>, c: &Compiled) -> Facets {
        let mut tally = Tally::new(self);
        docs.retain(|(doc, _)| self.tally(*doc, c, &mut tally));
        self.facets(tally)
    }

    /// Count one document where it belongs; whether it passes every facet.
    fn tally(&self, doc: u32, c: &Compiled, t: &mut Tally) -> bool {
        let d = doc as usize;
        let (r, p, dt) = (
            self.region_ok(d, c),
            self.program_ok(d, c),
            self.date_ok(d, c),
        );
        if p && dt {
            let ids = &self.doc_nodes[d];
            if ids[0] == u32::MAX {
                t.region_unknown += 1;
            }
            for &n in ids.iter().take_while(|&&n| n != u32::MAX) {
                t.nodes[n as usize] += 1;
            }
        }
        if r && dt {
            let ps = self.programs_of(d);
            if ps.is_empty() {
                t.program_unknown += 1;
            }
            for &id in ps {
                t.programs[id as usize] += 1;
            }
        }
        if r && p {
            match self.doc_bucket[d] {
                Bucket::Month(i) => t.months[i as usize] += 1,
                Bucket::Year(i) => t.years[i as usize] += 1,
                Bucket::Unknown => t.date_unknown += 1,
            }
        }
        r && p && dt
    }

    fn facets(&self, t: Tally) -> Facets {
        let mut f = Facets {
            region_unknown: t.region_unknown,
            program_unknown: t.program_unknown,
            date_unknown: t.date_unknown,
            ..Facets::default()
        };
        f.regions = self.tree(&self.roots, &t.nodes);
        let mut programs = counted(&self.programs, t.programs);
        sort::sort_by(&mut programs, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        });
        f.programs = programs;
        let mut months = counted(&self.months, t.months);
        sort::sort(&mut months);
        f.months = months
            .into_iter()
            .map(|((year, month), n)| (YearMonth { year, month }.to_string(), n))
            .collect();
        f.years = counted(&self.years, t.years);
        sort::sort(&mut f.years);
        f
    }

    /// The counted nodes among `ids`, with their counted children, most frequent first.
    fn tree(&self, ids: &[u32], counts: &[usize]) -> Vec<RegionCount> {
        let mut out: Vec<RegionCount> = ids
            .iter()
            .filter(|&&i| counts[i as usize] > 0)
            .map(|&i| {
                let n = &self.nodes[i as usize];
                RegionCount {
                    name: n.name.clone(),
                    path: n.path.clone(),
                    count: counts[i as usize],
                    children: self.tree(&n.children, counts),
                }
            })
            .collect();
        sort::sort_by(&mut out, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::tests::art;

    #[test]
    fn hierarchy_and_unknowns() {
        let arts = vec![
            art(
                &["上海市", "上海市", "闵行区"],
                &["youth"],
                Some((2024, Some(5))),
            ),
            art(
                &["上海市", "上海市", "徐汇区"],
                &["youth", "elderly"],
                Some((2024, None)),
            ),
            art(&[], &[], None),
        ];
        let t = FacetTable::new(&arts);
        let f = t.count([0, 1, 2], &t.compile(&Selection::default()));
        assert_eq!(f.regions.len(), 1);
        assert_eq!(f.regions[0].count, 2);
        assert_eq!(f.regions[0].children[0].children.len(), 2);
        assert_eq!(f.region_unknown, 1);
        assert_eq!(
            f.programs,
            [("youth".to_owned(), 2), ("elderly".to_owned(), 1)]
        );
        assert_eq!(f.program_unknown, 1);
        assert_eq!(f.months, [("2024-05".to_owned(), 1)]);
        assert_eq!(f.years, [(2024, 1)]);
        assert_eq!(f.date_unknown, 1);
    }

    #[test]
    fn a_facet_ignores_its_own_selection() {
        let arts = vec![
            art(&["上海市", "上海市", "闵行区"], &["youth"], None),
            art(&["上海市", "上海市", "徐汇区"], &["elderly"], None),
        ];
        let sel = Selection {
            programs: vec!["youth".into()],
            ..Selection::default()
        };
        let t = FacetTable::new(&arts);
        let f = t.count([0, 1], &t.compile(&sel));
        assert!(t.matches(0, &t.compile(&sel)) && !t.matches(1, &t.compile(&sel)));
        // Both programs keep their counts (disjunctive), regions only count youth articles.
        assert_eq!(f.programs.len(), 2);
        assert_eq!(f.regions[0].count, 1);
    }
}

#[cfg(test)]
mod properties {
    use super::FacetTable;
    use crate::facets::{RegionCount, Selection};
    use proptest::prelude::*;
    use shegong_article::{Article, DateInfo, Region, YearMonth};

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
                    date: date.map(|(y, m)| DateInfo::new(Some(y), m, None, "")),
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
                    let p = a.region_path().join("/");
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
