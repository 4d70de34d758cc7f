//! Criterion benchmarks of search and load.
//!
//! The corpus is `notices/` unless `NOTICE_SEARCH_CORPUS` names a folder of `.txt` notices,
//! e.g. People's Daily fetched by `../shared/corpus/fetch.sh corpora`:
//! `NOTICE_SEARCH_CORPUS=corpora/peoples_daily cargo bench --bench search`.
//! For latency percentiles and exactness figures use `cargo run --release --example report`.

#[path = "../build/fold_table.rs"]
mod fold_table;
#[path = "../build/readings.rs"]
mod readings;
#[path = "../build/synonyms.rs"]
mod synonyms;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use notice_search::{build, clean_corpus, Config, Engine, Folder, RawNotice, SearchOptions};
use std::path::PathBuf;

fn corpus() -> Vec<u8> {
    let dir = PathBuf::from(std::env::var("NOTICE_SEARCH_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/notices").to_string()
    }));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let raw: Vec<RawNotice> = paths
        .iter()
        .filter_map(|p| {
            Some(RawNotice {
                id: p.file_stem()?.to_str()?.to_string(),
                path: p.display().to_string(),
                text: std::fs::read_to_string(p).ok()?,
            })
        })
        .collect();
    let notices = clean_corpus(&raw);
    let folder = Folder::new(fold_table::fold_pairs());
    let synonym_groups = synonyms::parse(synonyms::BUILT_IN).expect("data/synonyms.txt parses");
    let config = Config { readings: &readings::readings, synonyms: &synonym_groups, ..Config::new(&folder) };
    build(&notices, &config)
        .expect("index builds")
        .0
}

fn bench(c: &mut Criterion) {
    let bytes = corpus();
    let engine = Engine::new(&bytes).expect("index loads");
    let opts = SearchOptions::page(10, 0);
    let mut group = c.benchmark_group("search_top10");
    for q in ["的", "疫情", "防控工作", "新型冠状病毒感染", "阿拉善盟 疫情", "2020", "covid"] {
        group.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| engine.search(black_box(q), opts.clone()))
        });
    }
    group.finish();
    c.bench_function("load_index", |b| b.iter(|| Engine::new(black_box(&bytes)).map(|e| e.len())));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
