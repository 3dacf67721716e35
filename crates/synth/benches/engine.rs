//! Benchmarks: segmentation, page pipeline (split + extract), bundle build, and queries with two
//! facets selected over a synthetic corpus (`SHEGONG_BENCH_ARTICLES`, default 1000 articles).
//!
//! `cargo bench -p shegong-synth`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use shegong_extract::Pipeline;
use shegong_extract::Taxonomy;
use shegong_search::parse_query as parse;
use shegong_search::{Bundle, IndexMode, Request, Selection, SourcePage};
use shegong_text::Segmenter;

mod support;
use support::{dictionary, synthetic, SEEDS};

fn benches(c: &mut Criterion) {
    let dict = dictionary();
    let pipeline = Pipeline::default();
    let raw: usize = SEEDS.iter().map(|p| p.len()).sum();

    let seg = Segmenter::new(&dict);
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(raw as u64));
    g.bench_function("seeds", |b| {
        b.iter(|| {
            SEEDS
                .iter()
                .map(|p| seg.index_tokens(p).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(raw as u64));
    g.bench_function("seeds", |b| {
        b.iter(|| {
            SEEDS
                .iter()
                .map(|p| pipeline.process_page("p.txt", p).len())
                .sum::<usize>()
        })
    });
    g.finish();

    let n: usize = std::env::var("SHEGONG_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let (pages, articles) = synthetic(n, &pipeline);
    let sources: Vec<SourcePage> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| SourcePage {
            file: format!("synth-{i}.txt"),
            text: p.clone(),
        })
        .collect();
    let labels = Taxonomy::builtin().labels();
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(
        pages.iter().map(|p| p.len() as u64).sum(),
    ));
    g.bench_function(format!("synthetic-{n}"), |b| {
        b.iter_batched(
            || (articles.clone(), sources.clone()),
            |(a, s)| {
                let b = Bundle::build(a, &dict, labels.clone(), IndexMode::Embed);
                b.encode().len() + b.encode_pages(s).len()
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let engine = Bundle::build(articles, &dict, labels, IndexMode::Embed).into_engine();
    let selection = Selection {
        programs: vec!["station".into(), "elderly".into()],
        regions: vec!["上海市".into(), "四川省".into()],
        ..Selection::default()
    };
    let mut g = c.benchmark_group("query");
    for q in ["社工站", "志愿者 服务", "\"社区治理\"", ""] {
        let query = parse(q);
        g.bench_function(format!("{n}/{q}"), |b| {
            b.iter(|| {
                engine
                    .search(&Request {
                        query: &query,
                        selection: &selection,
                        sort: Default::default(),
                        offset: 0,
                        limit: 20,
                        open: &[],
                    })
                    .unwrap()
                    .total
            })
        });
    }
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
