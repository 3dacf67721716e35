//! Facets: region (a hierarchy, province → city → district → town), program type and date,
//! with disjunctive counts — each facet is counted as if its own selection were removed, so
//! the counts stay right under multi-select (OR within a facet, AND across facets).
//! Articles without a region, program or date are counted in "unknown" buckets.
//!
//! This module defines what a selection matches; [`crate::facet_table`] computes the same over
//! precomputed integer keys.

use serde::{Deserialize, Serialize};
use shegong_article::Article;
use shegong_article::YearMonth;
use shegong_text::sort;

/// What the user selected in the facets. Every field may be left out (nothing selected there).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    /// Region paths (`上海市/上海市/闵行区`) at any level; an article matches one of them if its
    /// own path starts with it.
    pub regions: Vec<String>,
    /// Program ids.
    pub programs: Vec<String>,
    /// First month of the date range.
    pub from: Option<YearMonth>,
    /// Last month of the date range.
    pub to: Option<YearMonth>,
}

/// One node of the region tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionCount {
    /// The division's name.
    pub name: String,
    /// Full path from the province, `/`-separated (what [`Selection::regions`] takes).
    pub path: String,
    /// Articles in it and below it.
    pub count: usize,
    /// The next level down, where it is listed (provinces and cities always, the regions
    /// below only under the nodes a request opens or a selected region lies in).
    pub children: Vec<RegionCount>,
    /// How many regions with articles the next level down has that are not listed.
    pub hidden: usize,
}

/// Facet counts for one search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// The region tree, provinces at the top.
    pub regions: Vec<RegionCount>,
    /// Articles without a region.
    pub region_unknown: usize,
    /// (program id, count), most frequent first.
    pub programs: Vec<(String, usize)>,
    /// Articles without a program type.
    pub program_unknown: usize,
    /// (`YYYY-MM`, count) in time order; articles dated to a year only are in `years`.
    pub months: Vec<(String, usize)>,
    /// (year, count) of articles dated to a year only.
    pub years: Vec<(i32, usize)>,
    /// Articles without a date.
    pub date_unknown: usize,
}

impl Facets {
    /// Put every list in the order the counts are shown in: regions (at every level) and
    /// programs most frequent first, then by name or id; months and years in time order.
    /// Every producer of facets (the engine, [`crate::merge`]) orders them here.
    pub(crate) fn order(&mut self) {
        order_regions(&mut self.regions);
        sort::sort_by(&mut self.programs, |a, b| {
            b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
        });
        sort::sort_by_key(&mut self.months, |(m, _)| YearMonth::parse(m));
        sort::sort(&mut self.years);
    }
}

/// Regions most frequent first, then by name, at every level.
fn order_regions(regions: &mut [RegionCount]) {
    for r in regions.iter_mut() {
        order_regions(&mut r.children);
    }
    sort::sort_by(regions, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))
    });
}

impl Selection {
    /// Nothing selected.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
            && self.programs.is_empty()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// Does the article pass the region facet?
    pub fn region_ok(&self, a: &Article) -> bool {
        if self.regions.is_empty() {
            return true;
        }
        let path = a.region_path().join("/");
        self.regions
            .iter()
            .any(|sel| path == *sel || path.starts_with(&format!("{sel}/")))
    }

    /// Does the article pass the program facet?
    pub fn program_ok(&self, a: &Article) -> bool {
        self.programs.is_empty() || a.programs.iter().any(|p| self.programs.contains(p))
    }

    /// Does the article pass the date facet?
    pub fn date_ok(&self, a: &Article) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        date_in(a, self.from, self.to)
    }

    /// Does the article pass every facet?
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
    use shegong_article::{DateInfo, Region};

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
