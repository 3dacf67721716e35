//! Type-ahead over the gazetteer, for a reader correcting an article's region: the divisions
//! whose official name or short form starts with what was typed, in Simplified or Traditional
//! script (both are folded, as extraction folds text). Earlier words typed narrow the choice
//! to divisions under a place they name: `甘肃 城关镇` gives the 城关镇 of Gansu only.

use crate::gazetteer::{gazetteer, written_forms, Gazetteer};
use crate::region::region_of;
use shegong_article::Region;
use shegong_text::fold;
use std::sync::OnceLock;

/// Every name and short form with the division it names, sorted by form.
fn forms() -> &'static [(String, usize)] {
    static FORMS: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let g = gazetteer();
        let mut forms: Vec<(String, usize)> = g
            .divisions
            .iter()
            .enumerate()
            .flat_map(|(i, _)| {
                written_forms(&g.divisions, i)
                    .into_iter()
                    .map(move |(f, _)| (f, i))
            })
            .collect();
        forms.sort();
        forms.dedup();
        forms
    })
}

/// Does one of the division's names start with `prefix`?
fn named_by(g: &Gazetteer, i: usize, prefix: &str) -> bool {
    written_forms(&g.divisions, i)
        .iter()
        .any(|(f, _)| f.starts_with(prefix))
}

/// The regions of at most `limit` divisions named by `query` (see the module doc), best first:
/// a name typed in full before longer ones, higher levels before lower, then shorter names.
/// A municipality's city, which repeats the province's name, is given as the province.
pub fn find_regions(query: &str, limit: usize) -> Vec<Region> {
    let words: Vec<String> = query
        .split(|c: char| c.is_whitespace() || matches!(c, '>' | '＞' | '/' | ',' | '，' | '、'))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    let Some((last, above)) = words.split_last() else {
        return Vec::new();
    };
    let g = gazetteer();
    let forms = forms();
    let start = forms.partition_point(|(f, _)| f.as_str() < last.as_str());
    // Each division once, named in full (the typed form is a whole name) if any form is.
    let mut found: Vec<(bool, usize)> = forms[start..]
        .iter()
        .take_while(|(f, _)| f.starts_with(last.as_str()))
        .filter(|&&(_, i)| {
            let d = &g.divisions[i];
            d.parent.is_none_or(|p| g.divisions[p].name != d.name)
        })
        .filter(|&&(_, i)| {
            let chain = g.chain(i);
            let ancestors = &chain[..chain.len() - 1];
            above
                .iter()
                .all(|w| ancestors.iter().any(|&k| named_by(g, k, w)))
        })
        .map(|(f, i)| (f != last, *i))
        .collect();
    found.sort_unstable_by_key(|&(partial, i)| (i, partial));
    found.dedup_by_key(|&mut (_, i)| i);
    found.sort_by_cached_key(|&(partial, i)| {
        let d = &g.divisions[i];
        (partial, d.level, d.name.chars().count(), d.code.clone())
    });
    found
        .into_iter()
        .take(limit)
        .map(|(_, i)| region_of(g, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(query: &str, limit: usize) -> Vec<String> {
        find_regions(query, limit)
            .iter()
            .map(|r| r.levels().join(" > "))
            .collect()
    }

    #[test]
    fn a_short_form_finds_the_division_with_its_whole_path() {
        let r = find_regions("闵行", 5);
        assert_eq!(r[0].levels(), ["上海市", "上海市", "闵行区"]);
        assert_eq!(r[0].code.as_deref(), Some("310112"));
    }

    #[test]
    fn traditional_input_finds_the_same_places() {
        assert_eq!(find_regions("閔行", 5), find_regions("闵行", 5));
        assert_eq!(paths("廣州", 1), ["广东省 > 广州市"]);
    }

    #[test]
    fn a_name_typed_in_full_comes_first_then_higher_levels() {
        let p = paths("上海", 20);
        assert_eq!(p[0], "上海市", "{p:?}");
        assert!(
            !p.contains(&"上海市 > 上海市".to_owned()),
            "no city twin: {p:?}"
        );
        let levels: Vec<usize> = p.iter().map(|x| x.split(" > ").count()).collect();
        assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
    }

    #[test]
    fn words_before_narrow_to_divisions_under_a_place_they_name() {
        let all = find_regions("城关镇", 200);
        assert!(all.len() > 50, "城关镇 is a common town name");
        let gansu = paths("甘肃 城关镇", 200);
        assert!(!gansu.is_empty());
        assert!(gansu.iter().all(|p| p.starts_with("甘肃省")), "{gansu:?}");
        assert!(gansu.len() < all.len());
    }

    #[test]
    fn a_division_named_in_full_and_by_a_longer_form_comes_once() {
        // 民勤 is 民勤县's short form, and 民勤县 starts with it too.
        let r = find_regions("民勤", 10);
        let n = r
            .iter()
            .filter(|r| r.code.as_deref() == Some("620621"))
            .count();
        assert_eq!(n, 1, "{r:?}");
        assert_eq!(r[0].code.as_deref(), Some("620621"));
    }

    #[test]
    fn nothing_typed_or_nothing_named_finds_nothing() {
        assert!(find_regions("  ", 10).is_empty());
        assert!(find_regions("Springfield", 10).is_empty());
    }

    #[test]
    fn the_limit_is_kept_and_each_division_comes_once() {
        let r = find_regions("城", 30);
        assert_eq!(r.len(), 30);
        let mut codes: Vec<_> = r.iter().map(|r| r.code.clone()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 30);
    }
}
