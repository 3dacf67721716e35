//! Searching the way the app does — a first page, a later page newest first, and the same
//! query under facet selections a reader can click — and checking what holds of any answer.

use shegong_article::YearMonth;
use shegong_search::{parse_query, Engine, Facets, Request, Results, Selection, Sort};

/// How a selection came about, for checking its total.
pub(crate) enum Narrowed {
    /// One facet value alone: its total must equal the count the facet showed for it.
    Alone(usize),
    /// Several facets at once: the total is at most what the query finds unfiltered.
    Combined,
}

/// Run `query` the ways the app runs it and check the answers. `exact_counts`: also check
/// that every facet value selected alone finds as many articles as its facet count said (true
/// of every collection Shegong builds; a crafted bundle may carry region names the tree
/// cannot tell apart, so it is checked only for ones built here). Returns the first page.
pub(crate) fn search(engine: &Engine, query: &str, exact_counts: bool) -> Results {
    let q = parse_query(query);
    let everything = Selection::default();
    let first = checked(engine, &Request::new(&q, &everything));
    let later = checked(
        engine,
        &Request {
            sort: Sort::Newest,
            offset: 3,
            limit: 4,
            ..Request::new(&q, &everything)
        },
    );
    assert_eq!(
        later.total, first.total,
        "sorting and paging do not change how many match"
    );
    for (selection, how) in selections(&first.facets) {
        let narrowed = checked(engine, &Request::new(&q, &selection));
        match how {
            Narrowed::Alone(count) if exact_counts => assert_eq!(
                narrowed.total, count,
                "{selection:?} finds what its facet count said"
            ),
            _ => assert!(
                narrowed.total <= first.total,
                "{selection:?} finds more than the query alone"
            ),
        }
    }
    first
}

/// Run a request and check the page it returns.
fn checked(engine: &Engine, req: &Request<'_>) -> Results {
    let results = engine.search(req);
    assert!(results.hits.len() <= req.limit, "more hits than the limit");
    assert!(
        results.hits.len() <= results.total.saturating_sub(req.offset),
        "more hits than match after the offset"
    );
    for hit in &results.hits {
        let article = engine.articles().get(hit.doc as usize);
        assert_eq!(
            article.map(|a| a.id.as_str()),
            Some(hit.id.as_str()),
            "a hit names its article"
        );
    }
    results
}

/// Selections a reader can click in the facets: the first region at each level down the tree,
/// the first program, the first month (as a range of one month), and all of them together.
fn selections(f: &Facets) -> Vec<(Selection, Narrowed)> {
    let mut out = Vec::new();
    let mut all = Selection::default();
    let mut level = &f.regions;
    while let Some(node) = level.first() {
        let one = Selection {
            regions: vec![node.path.clone()],
            ..Selection::default()
        };
        out.push((one, Narrowed::Alone(node.count)));
        all.regions = vec![node.path.clone()];
        level = &node.children;
    }
    if let Some((id, count)) = f.programs.first() {
        let one = Selection {
            programs: vec![id.clone()],
            ..Selection::default()
        };
        out.push((one, Narrowed::Alone(*count)));
        all.programs = vec![id.clone()];
    }
    if let Some((month, count)) = f.months.first() {
        let m = YearMonth::parse(month);
        let one = Selection {
            from: m,
            to: m,
            ..Selection::default()
        };
        out.push((one, Narrowed::Alone(*count)));
        all.from = m;
        all.to = m;
    }
    out.push((all, Narrowed::Combined));
    out
}
