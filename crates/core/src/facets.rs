//! Facets: region (a hierarchy, province → city → district → town), program type and date,
//! with disjunctive counts — each facet is counted as if its own selection were removed, so
//! the counts stay right under multi-select (OR within a facet, AND across facets).
//! Articles without a region, program or date are counted in "unknown" buckets.

use crate::article::{Article, Region};
use crate::query::YearMonth;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the user selected in the facets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// Region paths (`上海市/上海市/闵行区`) at any level; an article matches one of them if its
    /// own path starts with it.
    pub regions: Vec<String>,
    pub programs: Vec<String>,
    pub from: Option<YearMonth>,
    pub to: Option<YearMonth>,
}

/// One node of the region tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionCount {
    pub name: String,
    /// Full path from the province, `/`-separated (what [`Selection::regions`] takes).
    pub path: String,
    pub count: usize,
    pub children: Vec<RegionCount>,
}

/// Facet counts for one search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub regions: Vec<RegionCount>,
    pub region_unknown: usize,
    /// (program id, count), most frequent first.
    pub programs: Vec<(String, usize)>,
    pub program_unknown: usize,
    /// (`YYYY-MM`, count) in time order; articles dated to a year only are in `years`.
    pub months: Vec<(String, usize)>,
    pub years: Vec<(i32, usize)>,
    pub date_unknown: usize,
}

/// An article's region as a list of names from the province down (the city of a
/// municipality repeats the province's name and is kept, as the data says).
pub fn region_path(a: &Article) -> Vec<String> {
    a.region.as_ref().map(Region::levels).unwrap_or_default()
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
            && self.programs.is_empty()
            && self.from.is_none()
            && self.to.is_none()
    }

    pub fn region_ok(&self, a: &Article) -> bool {
        if self.regions.is_empty() {
            return true;
        }
        let path = region_path(a).join("/");
        self.regions
            .iter()
            .any(|sel| path == *sel || path.starts_with(&format!("{sel}/")))
    }

    pub fn program_ok(&self, a: &Article) -> bool {
        self.programs.is_empty() || a.programs.iter().any(|p| self.programs.contains(p))
    }

    pub fn date_ok(&self, a: &Article) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        date_in(a, self.from, self.to)
    }

    pub fn matches(&self, a: &Article) -> bool {
        self.region_ok(a) && self.program_ok(a) && self.date_ok(a)
    }
}

/// Does the article's date fall in the range? A date known only to the year falls in it when
/// the range holds the whole year, so a month's count in the histogram is exactly what
/// selecting that month finds.
pub fn date_in(a: &Article, from: Option<YearMonth>, to: Option<YearMonth>) -> bool {
    let Some(d) = &a.date else { return false };
    let Some(year) = d.year else { return false };
    let lo = YearMonth {
        year,
        month: d.month.unwrap_or(1),
    };
    let hi = YearMonth {
        year,
        month: d.month.unwrap_or(12),
    };
    from.is_none_or(|f| lo >= f) && to.is_none_or(|t| hi <= t)
}

/// Count facets over `docs` (the articles matching the query), disjunctively for `sel`.
pub fn count(articles: &[Article], docs: &[u32], sel: &Selection) -> Facets {
    let mut f = Facets::default();
    let mut tree: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    let mut programs: BTreeMap<String, usize> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for &d in docs {
        let a = &articles[d as usize];
        let (r, p, t) = (sel.region_ok(a), sel.program_ok(a), sel.date_ok(a));
        if p && t {
            let path = region_path(a);
            if path.is_empty() {
                f.region_unknown += 1;
            }
            for depth in 1..=path.len() {
                *tree.entry(path[..depth].to_vec()).or_default() += 1;
            }
        }
        if r && t {
            if a.programs.is_empty() {
                f.program_unknown += 1;
            }
            for id in &a.programs {
                *programs.entry(id.clone()).or_default() += 1;
            }
        }
        if r && p {
            match a.date.as_ref().map(|d| (d.year, d.month)) {
                Some((Some(y), Some(m))) => *months.entry((y, m)).or_default() += 1,
                Some((Some(y), None)) => *years.entry(y).or_default() += 1,
                _ => f.date_unknown += 1,
            }
        }
    }
    f.regions = build_tree(&tree, &[]);
    let mut programs: Vec<(String, usize)> = programs.into_iter().collect();
    programs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    f.programs = programs;
    f.months = months
        .into_iter()
        .map(|((y, m), c)| (format!("{y:04}-{m:02}"), c))
        .collect();
    f.years = years.into_iter().collect();
    f
}

fn build_tree(counts: &BTreeMap<Vec<String>, usize>, prefix: &[String]) -> Vec<RegionCount> {
    let mut nodes: Vec<RegionCount> = counts
        .iter()
        .filter(|(path, _)| path.len() == prefix.len() + 1 && path.starts_with(prefix))
        .map(|(path, &count)| RegionCount {
            name: path[path.len() - 1].clone(),
            path: path.join("/"),
            count,
            children: build_tree(counts, path),
        })
        .collect();
    nodes.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::DateInfo;

    pub(crate) fn art(
        region: &[&str],
        programs: &[&str],
        ym: Option<(i32, Option<u32>)>,
    ) -> Article {
        let mut levels = region.iter().map(|s| Some((*s).to_owned()));
        Article {
            region: (!region.is_empty()).then(|| Region {
                province: levels.next().flatten(),
                city: levels.next().flatten(),
                district: levels.next().flatten(),
                town: levels.next().flatten(),
                code: None,
            }),
            programs: programs.iter().map(|s| (*s).to_owned()).collect(),
            date: ym.map(|(y, m)| DateInfo {
                year: Some(y),
                month: m,
                day: None,
                precision: if m.is_some() { "month" } else { "year" }.into(),
                text: String::new(),
            }),
            ..Article::default()
        }
    }

    #[test]
    fn a_year_only_date_needs_the_whole_year() {
        let ym = |year, month| Some(YearMonth { year, month });
        let year_only = art(&[], &[], Some((2024, None)));
        let may = art(&[], &[], Some((2024, Some(5))));
        assert!(!date_in(&year_only, ym(2024, 5), ym(2024, 5)));
        assert!(date_in(&may, ym(2024, 5), ym(2024, 5)));
        assert!(date_in(&year_only, ym(2024, 1), ym(2024, 12)));
        assert!(date_in(&year_only, ym(2023, 6), None));
        assert!(!date_in(&year_only, ym(2024, 2), None));
        assert!(!date_in(&art(&[], &[], None), None, None));
    }

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
        let f = count(&arts, &[0, 1, 2], &Selection::default());
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
        let f = count(&arts, &[0, 1], &sel);
        // Both programs keep their counts (disjunctive), regions only count youth articles.
        assert_eq!(f.programs.len(), 2);
        assert_eq!(f.regions[0].count, 1);
    }
}
