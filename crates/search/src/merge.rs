//! Two engines searched as one collection: a chunked bundle, whose articles are not all at
//! hand (so it cannot be built again together with others), and a small one-file bundle
//! beside it (the reader's own pages in the app). Every answer consults both: a search asks
//! each for the first `offset + limit` hits and merges them by the request's order, sums the
//! totals and merges the facet counts exactly — what one engine over both article sets counts,
//! put in the same order ([`Facets::order`]). Documents of the second engine are numbered
//! after the first's.

use crate::chunks::Missing;
use crate::facets::{Facets, RegionCount};
use crate::search::{Engine, Hit, Request, Results};
use shegong_article::{Article, ProgramLabel};

/// A collection searched with one engine, or two as one.
#[derive(Debug, Clone, Copy)]
pub struct Joined<'a> {
    /// The engine whose documents come first (the loaded bundle; it may ask for chunks).
    pub first: &'a Engine,
    /// The engine joined to it, whole in memory (a one-file bundle), if any.
    pub second: Option<&'a Engine>,
}

impl<'a> Joined<'a> {
    /// How many articles both hold.
    pub fn doc_count(&self) -> usize {
        self.first.doc_count() + self.second.map_or(0, Engine::doc_count)
    }

    /// The labels of the program types of both: the first's, then those only the second has.
    pub fn programs(&self) -> Vec<ProgramLabel> {
        let mut labels = self.first.programs().to_vec();
        for l in self.second.map_or(&[][..], Engine::programs) {
            if !labels.iter().any(|m| m.id == l.id) {
                labels.push(l.clone());
            }
        }
        labels
    }

    /// The engine a document is in, and its number there.
    fn of(&self, doc: u32) -> (&'a Engine, u32) {
        let n = self.first.doc_count() as u32;
        match self.second {
            Some(second) if doc >= n => (second, doc - n),
            _ => (self.first, doc),
        }
    }

    /// Article `doc`.
    pub fn article(&self, doc: u32) -> Result<&'a Article, Missing> {
        let (e, d) = self.of(doc);
        e.article(d)
    }

    /// The document of an article id (the first engine's, if both have it).
    pub fn find(&self, id: &str) -> Result<Option<u32>, Missing> {
        if let Some(d) = self.first.find(id)? {
            return Ok(Some(d));
        }
        let n = self.first.doc_count() as u32;
        Ok(match self.second {
            Some(second) => second.find(id)?.map(|d| d + n),
            None => None,
        })
    }

    /// The page text article `doc` was read from, `None` where the collection does not carry
    /// its page (the second engine is whole: all it can miss is a pages file it was not given).
    pub fn original(&self, doc: u32) -> Result<Option<&'a str>, Missing> {
        let (e, d) = self.of(doc);
        match e.original(d) {
            Err(Missing(_)) if doc >= self.first.doc_count() as u32 => Ok(None),
            other => other,
        }
    }

    /// Run a request over both; `Err` names the chunks the first still needs.
    pub fn search(&self, req: &Request<'_>) -> Result<Results, Missing> {
        let Some(second) = self.second else {
            return self.first.search(req);
        };
        let both = Request {
            offset: 0,
            limit: req.offset.saturating_add(req.limit),
            ..req.clone()
        };
        let mut joined = second.search(&both)?;
        let mut base = self.first.search(&both)?;
        // A region both count sub-regions under without listing them may share some: ask
        // both to list them, and count the distinct ones.
        let mut shared = Vec::new();
        shared_hidden(&joined.facets.regions, &base.facets.regions, &mut shared);
        if !shared.is_empty() {
            let open: Vec<String> = req.open.iter().chain(&shared).cloned().collect();
            let listing = Request {
                open: &open,
                ..both.clone()
            };
            joined.facets = second.search(&listing)?.facets;
            base.facets = self.first.search(&listing)?.facets;
        }
        let n = self.first.doc_count() as u32;
        let mut facets = merge_facets(base.facets, joined.facets);
        hide(&mut facets.regions, &shared);
        let hits = merge_hits(
            req,
            base.hits,
            |d| self.first.date(d),
            joined
                .hits
                .into_iter()
                .map(|h| Hit {
                    doc: h.doc + n,
                    ..h
                })
                .collect(),
            |d| second.date(d - n),
        );
        Ok(Results {
            total: base.total + joined.total,
            hits,
            facets,
            warnings: base.warnings,
        })
    }
}

/// Two ranked pages of hits (each at least `offset + limit` long where its engine has that
/// many) as one: merged by the request's order (the first's before the second's on a tie),
/// then the requested page of it.
fn merge_hits(
    req: &Request<'_>,
    first: Vec<Hit>,
    first_date: impl Fn(u32) -> crate::search::SortDate,
    second: Vec<Hit>,
    second_date: impl Fn(u32) -> crate::search::SortDate,
) -> Vec<Hit> {
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut a = first.into_iter().peekable();
    let mut b = second.into_iter().peekable();
    loop {
        let take_b = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => req
                .sort
                .compare((y.score, second_date(y.doc)), (x.score, first_date(x.doc)))
                .is_lt(),
            (None, Some(_)) => true,
            (_, None) => false,
        };
        match if take_b { b.next() } else { a.next() } {
            Some(h) => out.push(h),
            None => break,
        }
    }
    out.into_iter().skip(req.offset).take(req.limit).collect()
}

/// The facet counts of two collections as those of one: counts summed by region path,
/// program, month and year, in the engine's order. A region's `hidden` sub-regions are summed
/// too, which is exact where only one of the two has hidden ones ([`Joined::search`] lists
/// those both have).
fn merge_facets(a: Facets, b: Facets) -> Facets {
    let mut f = Facets {
        regions: merge_regions(a.regions, b.regions),
        region_unknown: a.region_unknown + b.region_unknown,
        programs: merge_counts(a.programs, b.programs),
        program_unknown: a.program_unknown + b.program_unknown,
        months: merge_counts(a.months, b.months),
        years: merge_counts(a.years, b.years),
        date_unknown: a.date_unknown + b.date_unknown,
    };
    f.order();
    f
}

/// Counts by key, summed.
fn merge_counts<K: PartialEq>(mut a: Vec<(K, usize)>, b: Vec<(K, usize)>) -> Vec<(K, usize)> {
    for (key, n) in b {
        match a.iter_mut().find(|(k, _)| *k == key) {
            Some((_, m)) => *m += n,
            None => a.push((key, n)),
        }
    }
    a
}

/// Region trees merged by path.
fn merge_regions(mut a: Vec<RegionCount>, b: Vec<RegionCount>) -> Vec<RegionCount> {
    for r in b {
        match a.iter_mut().find(|x| x.path == r.path) {
            Some(x) => {
                x.count += r.count;
                x.hidden += r.hidden;
                x.children = merge_regions(std::mem::take(&mut x.children), r.children);
            }
            None => a.push(r),
        }
    }
    a
}

/// The paths of the regions both trees count unlisted sub-regions under.
fn shared_hidden(a: &[RegionCount], b: &[RegionCount], out: &mut Vec<String>) {
    for x in a {
        if let Some(y) = b.iter().find(|y| y.path == x.path) {
            if x.hidden > 0 && y.hidden > 0 {
                out.push(x.path.clone());
            }
            shared_hidden(&x.children, &y.children, out);
        }
    }
}

/// Unlist the sub-regions of the regions at `paths` again, counting them in `hidden`.
fn hide(regions: &mut [RegionCount], paths: &[String]) {
    for r in regions {
        if paths.contains(&r.path) {
            r.hidden = r.children.len();
            r.children.clear();
        } else {
            hide(&mut r.children, paths);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Bundle, IndexMode};
    use crate::facets::tests::art;
    use crate::facets::Selection;
    use crate::query::parse;
    use crate::search::Sort;
    use shegong_text::Dictionary;

    fn engine(articles: &[Article]) -> Engine {
        let dict = Dictionary::parse("社工站 100 n\n培训 100 v\n").unwrap();
        let labels = ["elderly", "youth", "disability"]
            .map(|id| ProgramLabel {
                id: id.into(),
                zh: id.into(),
                en: id.into(),
            })
            .to_vec();
        let bytes = Bundle::build(articles.to_vec(), &dict, labels, IndexMode::Auto).encode();
        Bundle::decode(&bytes).unwrap().into_engine()
    }

    fn article(
        id: &str,
        text: &str,
        region: &[&str],
        programs: &[&str],
        ym: Option<(i32, Option<u32>)>,
    ) -> Article {
        Article {
            id: id.into(),
            file: id.split('#').next().unwrap().into(),
            title: Some(text.into()),
            text: text.into(),
            ..art(region, programs, ym)
        }
    }

    /// Two sets of articles that share regions (a town under an unlisted district in both),
    /// programs and months, and have some of their own.
    fn sets() -> (Vec<Article>, Vec<Article>) {
        let town = ["上海市", "上海市", "闵行区", "江川路街道"];
        let base = vec![
            article(
                "b.txt#1",
                "社工站开展培训",
                &town,
                &["elderly"],
                Some((2024, Some(5))),
            ),
            article(
                "b.txt#2",
                "社工站走访",
                &["上海市", "上海市", "闵行区", "古美街道"],
                &["youth"],
                Some((2024, None)),
            ),
            article("b.txt#3", "社工站培训", &["甘肃省", "武威市"], &[], None),
            article(
                "b.txt#4",
                "志愿服务",
                &[],
                &["elderly", "youth"],
                Some((2023, Some(12))),
            ),
        ];
        let yours = vec![
            article(
                "y.txt#1",
                "社工站培训会",
                &town,
                &["elderly"],
                Some((2024, Some(5))),
            ),
            article(
                "y.txt#2",
                "社工站服务",
                &["上海市", "上海市", "闵行区", "莘庄镇"],
                &["disability"],
                Some((2025, Some(1))),
            ),
            article(
                "y.txt#3",
                "社区培训",
                &["广东省", "广州市", "天河区", "石牌街道"],
                &[],
                Some((2024, None)),
            ),
        ];
        (base, yours)
    }

    fn ask<'a>(q: &'a crate::Query, sel: &'a Selection, open: &'a [String]) -> Request<'a> {
        Request {
            open,
            limit: 100,
            ..Request::new(q, sel)
        }
    }

    #[test]
    fn merged_facets_equal_those_of_one_engine_over_both() {
        let (base, yours) = sets();
        let all: Vec<Article> = base.iter().chain(&yours).cloned().collect();
        let (b, y, one) = (engine(&base), engine(&yours), engine(&all));
        let joined = Joined {
            first: &b,
            second: Some(&y),
        };
        let opened = [
            "上海市/上海市".to_owned(),
            "广东省/广州市/天河区".to_owned(),
        ];
        let selections = [
            Selection::default(),
            Selection {
                programs: vec!["elderly".into()],
                ..Selection::default()
            },
            Selection {
                regions: vec!["上海市/上海市/闵行区/江川路街道".into()],
                ..Selection::default()
            },
        ];
        for query in ["", "社工站", "培训", "-培训"] {
            let q = parse(query);
            for sel in &selections {
                for open in [&[][..], &opened[..]] {
                    let req = ask(&q, sel, open);
                    let merged = joined.search(&req).unwrap();
                    let whole = one.search(&req).unwrap();
                    assert_eq!(merged.facets, whole.facets, "{query:?} {sel:?} {open:?}");
                    assert_eq!(merged.total, whole.total, "{query:?} {sel:?}");
                    let mut ids: Vec<_> = merged.hits.iter().map(|h| h.id.clone()).collect();
                    let mut want: Vec<_> = whole.hits.iter().map(|h| h.id.clone()).collect();
                    ids.sort();
                    want.sort();
                    assert_eq!(ids, want, "{query:?} {sel:?}");
                }
            }
        }
    }

    #[test]
    fn a_region_both_count_under_an_unlisted_region_is_hidden_once() {
        let (base, yours) = sets();
        let (b, y) = (engine(&base), engine(&yours));
        let joined = Joined {
            first: &b,
            second: Some(&y),
        };
        let q = parse("");
        let sel = Selection::default();
        let merged = joined.search(&ask(&q, &sel, &[])).unwrap();
        let shanghai = &merged.facets.regions[0].children[0];
        assert_eq!(shanghai.path, "上海市/上海市");
        // 闵行区, which both have.
        assert_eq!((shanghai.count, shanghai.hidden), (4, 1));
        assert!(shanghai.children.is_empty());
        let open = ["上海市/上海市".to_owned()];
        let merged = joined.search(&ask(&q, &sel, &open)).unwrap();
        let minhang = &merged.facets.regions[0].children[0].children[0];
        assert_eq!(minhang.path, "上海市/上海市/闵行区");
        // 江川路街道 (both), 古美街道 (base), 莘庄镇 (yours).
        assert_eq!((minhang.count, minhang.hidden), (4, 3));
        assert!(minhang.children.is_empty());
    }

    #[test]
    fn hits_merge_newest_first_then_page() {
        let (base, yours) = sets();
        let (b, y) = (engine(&base), engine(&yours));
        let joined = Joined {
            first: &b,
            second: Some(&y),
        };
        let q = parse("");
        let sel = Selection::default();
        let page = |offset| {
            let req = Request {
                sort: Sort::Newest,
                offset,
                limit: 3,
                ..Request::new(&q, &sel)
            };
            let r = joined.search(&req).unwrap();
            assert_eq!(r.total, 7);
            r.hits
                .into_iter()
                .map(|h| (h.id, h.doc))
                .collect::<Vec<_>>()
        };
        let ids: Vec<String> = [page(0), page(3), page(6)]
            .concat()
            .into_iter()
            .map(|(id, doc)| {
                // A hit's document is where `article` finds it.
                assert_eq!(joined.article(doc).unwrap().id, id);
                id
            })
            .collect();
        // 2025-01, 2024-05 (first's before second's), 2024 (first's before second's), 2023-12, undated.
        assert_eq!(
            ids,
            ["y.txt#2", "b.txt#1", "y.txt#1", "b.txt#2", "y.txt#3", "b.txt#4", "b.txt#3"]
        );
    }

    #[test]
    fn hits_merge_by_score_ties_newest_first() {
        let (base, yours) = sets();
        let (b, y) = (engine(&base), engine(&yours));
        let joined = Joined {
            first: &b,
            second: Some(&y),
        };
        let q = parse("社工站");
        let sel = Selection::default();
        let r = joined.search(&Request::new(&q, &sel)).unwrap();
        assert_eq!(r.total, 5);
        for w in r.hits.windows(2) {
            let (x, z) = (&w[0], &w[1]);
            let dx = joined.of(x.doc).0.date(joined.of(x.doc).1);
            let dz = joined.of(z.doc).0.date(joined.of(z.doc).1);
            assert!(
                Sort::Relevance
                    .compare((x.score, dx), (z.score, dz))
                    .is_le(),
                "{x:?} before {z:?}"
            );
        }
    }

    #[test]
    fn lookups_consult_both() {
        let (base, yours) = sets();
        let (b, y) = (engine(&base), engine(&yours));
        let joined = Joined {
            first: &b,
            second: Some(&y),
        };
        assert_eq!(joined.doc_count(), 7);
        let doc = joined.find("y.txt#3").unwrap().unwrap();
        assert!(doc >= 4);
        assert_eq!(joined.article(doc).unwrap().id, "y.txt#3");
        assert_eq!(joined.find("b.txt#3").unwrap().map(|d| d < 4), Some(true));
        assert_eq!(joined.find("z.txt#1").unwrap(), None);
        // Neither was given its pages: the second's page is simply not carried.
        assert_eq!(joined.original(doc).unwrap(), None);
        let alone = Joined {
            first: &b,
            second: None,
        };
        assert_eq!(alone.find("y.txt#3").unwrap(), None);
        assert_eq!(alone.doc_count(), 4);
    }
}
