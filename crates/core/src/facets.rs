//! Facets: region (a hierarchy, province → city → district → town), program type and date,
//! with disjunctive counts — each facet is counted as if its own selection were removed, so
//! the counts stay right under multi-select (OR within a facet, AND across facets).
//! Articles without a region, program or date are counted in "unknown" buckets.
//!
//! This module defines what a selection matches; [`crate::facet_table`] computes the same over
//! precomputed integer keys.

use crate::article::{Article, Region};
use crate::query::YearMonth;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
pub(crate) mod tests {
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
}
