//! Query latency percentiles (p50, p95, max) over one collection, for a mix of queries run with
//! no facet selected and with two facets selected (the two largest program types and the two
//! largest provinces of the collection, whatever it holds).
//!
//! ```sh
//! # a bundle built by `shegong build`, e.g. 100,000 synthetic articles:
//! shegong synth --articles 100000 -o /tmp/synth-100k && shegong build /tmp/synth-100k -o /tmp/100k.bin
//! SHEGONG_BENCH_BUNDLE=/tmp/100k.bin cargo bench -p shegong-synth --bench latency
//! # without a bundle: SHEGONG_BENCH_ARTICLES (default 1000) synthetic articles built in place
//! ```

mod support;

use shegong_extract::Pipeline;
use shegong_extract::Taxonomy;
use shegong_search::parse_query as parse;
use shegong_search::{Bundle, BundleError, Chunk, Engine, IndexMode, Request, Selection, Sort};
use std::time::{Duration, Instant};

const QUERIES: [&str; 10] = [
    "",
    "社工站",
    "志愿者 服务",
    "\"社区治理\"",
    "培训",
    "老年人 助餐",
    "青少年 心理健康",
    "救助 -流浪",
    "社会工作 人才 培养",
    "program:youth 学生",
];
/// Runs of each query in each setting.
const RUNS: usize = 30;

/// The engine, and where its chunks are (a chunked bundle's entry file).
fn engine() -> (Engine, Option<String>) {
    if let Ok(path) = std::env::var("SHEGONG_BENCH_BUNDLE") {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        let bundle = Bundle::decode(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        return (bundle.into_engine(), Some(path));
    }
    let n = std::env::var("SHEGONG_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let (_, articles) = support::synthetic(n, &Pipeline::default());
    let labels = Taxonomy::builtin().labels();
    let engine = Bundle::build(articles, &support::dictionary(), labels, IndexMode::Embed);
    (engine.into_engine(), None)
}

/// Run a request once, reading the chunks it needs (not timed: the timed runs have them).
fn prepare(engine: &mut Engine, entry: Option<&str>, req: &Request<'_>) {
    let Some(entry) = entry else { return };
    engine
        .fetching(
            |c: Chunk| {
                std::fs::read(c.url(entry)).map_err(|e| BundleError::Malformed(e.to_string()))
            },
            |e| e.search(req),
        )
        .unwrap_or_else(|e| panic!("{entry}: {e}"));
}

/// The two largest program types and provinces: a selection of two facets.
fn two_facets(engine: &mut Engine, entry: Option<&str>) -> Selection {
    let all = parse("");
    let none = Selection::default();
    let req = Request::new(&all, &none);
    prepare(engine, entry, &req);
    let f = engine.search(&req).unwrap().facets;
    Selection {
        programs: f.programs.iter().take(2).map(|(p, _)| p.clone()).collect(),
        regions: f.regions.iter().take(2).map(|r| r.path.clone()).collect(),
        ..Selection::default()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let started = Instant::now();
    let (mut engine, entry) = engine();
    let entry = entry.filter(|_| engine.is_chunked());
    println!(
        "{} articles, loaded in {:.1?}",
        engine.doc_count(),
        started.elapsed()
    );
    let facets = two_facets(&mut engine, entry.as_deref());
    println!(
        "two facets: programs {:?}, regions {:?}",
        facets.programs, facets.regions
    );
    for (name, selection) in [("no facets", Selection::default()), ("two facets", facets)] {
        let mut all: Vec<Duration> = Vec::new();
        println!("\n{name}:");
        for q in QUERIES {
            let query = parse(q);
            let req = Request {
                query: &query,
                selection: &selection,
                sort: Sort::Relevance,
                offset: 0,
                limit: 20,
                open: &[],
            };
            prepare(&mut engine, entry.as_deref(), &req);
            let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
            let mut total = 0;
            for _ in 0..RUNS {
                let t = Instant::now();
                total = engine.search(&req).unwrap().total;
                times.push(t.elapsed());
            }
            times.sort();
            println!(
                "  {:<24} {:>7} hits  p50 {:>9.2?}  p95 {:>9.2?}  max {:>9.2?}",
                format!("{q:?}"),
                total,
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                times[times.len() - 1]
            );
            all.extend(times);
        }
        all.sort();
        println!(
            "  all queries: p50 {:.2?}, p95 {:.2?}, max {:.2?}",
            percentile(&all, 0.5),
            percentile(&all, 0.95),
            all[all.len() - 1]
        );
    }
}
