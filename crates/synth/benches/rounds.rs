//! What a first query costs a chunked bundle's reader, with the chunks read from disk (not
//! timed): per query of `bench/measure.mjs`, the rounds of fetching (each a call of the engine
//! that names missing chunks), the chunks fetched, their bytes, the engine's time over all its
//! calls and the time to decode the chunks, then the same query again with everything loaded.
//! What the browser adds per round is the worker's fetches and messages.
//!
//! ```sh
//! shegong synth --articles 10000 --per-page 1 -o /tmp/p10k && shegong build /tmp/p10k -o /tmp/b10k/bundle.bin
//! SHEGONG_BENCH_BUNDLE=/tmp/b10k/bundle.bin cargo bench -p shegong-synth --bench rounds
//! ```

use shegong_search::parse_query as parse;
use shegong_search::{Bundle, Engine, Missing, Request, Selection, Sort};
use std::time::{Duration, Instant};

/// The warm queries of `bench/measure.mjs`.
const QUERIES: [&str; 20] = [
    "社工",
    "社区",
    "养老",
    "志愿者",
    "儿童",
    "培训",
    "救助",
    "心理",
    "残疾人",
    "青少年",
    "社区 养老",
    "儿童 关爱",
    "志愿 服务",
    "社工站 建设",
    "心理 健康",
    "上海",
    "成都",
    "甘肃",
    "闵行",
    "老年人 服务",
];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let path = std::env::var("SHEGONG_BENCH_BUNDLE")
        .expect("set SHEGONG_BENCH_BUNDLE to a chunked bundle's entry file (see the doc comment)");
    let entry = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let open = || -> Engine {
        Bundle::decode(&entry)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .into_engine()
    };
    assert!(open().is_chunked(), "{path} is a one-file bundle");
    println!(
        "{:<12} {:>6} {:>6} {:>7} {:>9} {:>9} {:>9} {:>9}",
        "query", "rounds", "chunks", "KB", "kinds", "engine", "decode", "again"
    );
    let (mut all_rounds, mut all_engine, mut all_decode, mut all_again) =
        (0, Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for q in QUERIES {
        // A fresh reader per query: what a query costs the first time its words are asked for.
        let mut engine = open();
        let query = parse(q);
        let selection = Selection::default();
        let req = Request {
            query: &query,
            selection: &selection,
            sort: Sort::Relevance,
            offset: 0,
            limit: 10,
            open: &[],
        };
        let (mut rounds, mut chunks, mut bytes) = (0, 0, 0);
        let (mut engine_time, mut decode_time) = (Duration::ZERO, Duration::ZERO);
        let mut kinds = String::new();
        loop {
            let t = Instant::now();
            let r = engine.search(&req);
            engine_time += t.elapsed();
            match r {
                Ok(_) => break,
                Err(Missing(missing)) => {
                    rounds += 1;
                    chunks += missing.len();
                    kinds.push(missing[0].name().chars().next().unwrap_or('?'));
                    for c in missing {
                        let b = std::fs::read(c.url(&path))
                            .unwrap_or_else(|e| panic!("{}: {e}", c.url(&path)));
                        bytes += b.len();
                        let t = Instant::now();
                        engine
                            .add_chunk(c, &b)
                            .unwrap_or_else(|e| panic!("{}: {e}", c.name()));
                        decode_time += t.elapsed();
                    }
                }
            }
        }
        let t = Instant::now();
        engine.search(&req).expect("everything is loaded");
        let again = t.elapsed();
        println!(
            "{:<12} {:>6} {:>6} {:>7.0} {:>9} {:>7.2}ms {:>7.2}ms {:>7.2}ms",
            q,
            rounds,
            chunks,
            bytes as f64 / 1000.0,
            kinds,
            ms(engine_time),
            ms(decode_time),
            ms(again)
        );
        all_rounds += rounds;
        all_engine += engine_time;
        all_decode += decode_time;
        all_again += again;
    }
    let n = QUERIES.len() as f64;
    println!(
        "mean: {:.2} rounds, engine {:.2} ms, decode {:.2} ms, again {:.2} ms",
        all_rounds as f64 / n,
        ms(all_engine) / n,
        ms(all_decode) / n,
        ms(all_again) / n
    );
}
