//! Criterion benchmarks of search and load.
//!
//! The corpus is `notices/` unless `NOTICE_SEARCH_CORPUS` names a folder of notices (read as `build.rs` does),
//! e.g. People's Daily fetched by `../shared/corpus/fetch.sh corpora`:
//! `NOTICE_SEARCH_CORPUS=corpora/peoples_daily cargo bench --bench search`.
//! For latency percentiles and exactness figures use `cargo run --release --example report`.
//! `cargo bench --bench search -- hostile` times only the long hostile queries
//! (`benches/hostile/mod.rs`).

#[path = "../build/fold_table.rs"]
mod fold_table;
#[path = "../build/readings.rs"]
mod readings;
#[path = "../build/synonyms.rs"]
mod synonyms;
#[allow(dead_code)]
#[path = "../build/notice_files/mod.rs"]
mod notice_files;
mod hostile;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use notice_search::{build, clean_corpus, format, Config, Engine, Folder, RawNotice, SearchOptions};
use std::path::PathBuf;

/// The encoded index and a sample of its text.
fn corpus() -> (Vec<u8>, String) {
    let dir = PathBuf::from(std::env::var("NOTICE_SEARCH_CORPUS").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/notices").to_string()
    }));
    let corpus = notice_files::read_notices(&dir, &notice_files::Limits::default()).unwrap_or_else(|p| panic!("{p}"));
    let raw: Vec<RawNotice> = corpus
        .notices
        .into_iter()
        .map(|n| RawNotice { id: n.id, path: n.path.display().to_string(), text: n.text })
        .collect();
    let notices = clean_corpus(&raw);
    let sample: String = notices.iter().take(200).map(|n| n.text.as_str()).collect();
    let folder = Folder::new(fold_table::fold_pairs());
    let synonym_groups = synonyms::parse(synonyms::BUILT_IN).expect("data/synonyms.txt parses");
    let config = Config { readings: &readings::readings, synonyms: &synonym_groups, ..Config::new(&folder) };
    (build(&notices, &config).expect("index builds").0, sample)
}

fn bench(c: &mut Criterion) {
    let (bytes, sample) = corpus();
    let engine = Engine::new(&bytes).expect("index loads");
    let opts = SearchOptions::page(10, 0);
    let mut group = c.benchmark_group("search_top10");
    for q in ["的", "疫情", "防控工作", "新型冠状病毒感染", "阿拉善盟 疫情", "2020", "covid"] {
        group.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| engine.search(black_box(q), opts.clone()))
        });
    }
    group.finish();
    // Issue 5: a 100,000-character query answers in < 50 ms (People's Daily compiled in).
    let mut group = c.benchmark_group("hostile");
    for (name, q) in hostile::long_queries(&sample) {
        group.bench_with_input(BenchmarkId::from_parameter(name), &q, |b, q| {
            b.iter(|| engine.search(black_box(q), opts.clone()))
        });
    }
    group.finish();
    c.bench_function("load_index", |b| b.iter(|| Engine::new(black_box(&bytes)).map(|e| e.len())));
    let body = bytes.get(format::HEADER_BYTES..).unwrap_or_default();
    c.bench_function("checksum", |b| b.iter(|| format::checksum(black_box(body))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
