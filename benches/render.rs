//! In-process cost of each stage, to see where the time goes: loading (parse and checks) and
//! rendering (derive, templates, layout, docx) of the bundled seed-004 plan, and rendering
//! appendices of 1,000 and 10,000 rows to show how cost grows with rows.
//! Whole-process runs against docxtpl and pandoc are in scripts/bench.
//!
//! Run: `cargo bench --bench render`

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use vanban::template::Templates;

mod generated;

fn seed_004(c: &mut Criterion) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/so-cong-thuong/ke-hoach-cchc-2021.toml");
    let source = std::fs::read_to_string(&path).expect("bundled plan");
    let templates = Templates::load(None).expect("templates");
    let mut group = c.benchmark_group("seed-004");
    group.bench_function("load", |b| {
        b.iter(|| vanban::record::parse(&path, black_box(&source)).expect("loads"));
    });
    group.bench_function("load+render", |b| {
        b.iter(|| {
            let loaded = vanban::record::parse(&path, black_box(&source)).expect("loads");
            vanban::render_loaded(loaded, &templates, Default::default()).expect("renders")
        });
    });
    group.finish();
}

fn rows(c: &mut Criterion) {
    let templates = Templates::load(None).expect("templates");
    let mut group = c.benchmark_group("appendix-rows");
    group.sample_size(10);
    for rows in [1_000, 10_000] {
        let source = generated::task_plan("Mở đầu.", rows / 100, 100);
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_with_input(BenchmarkId::from_parameter(rows), &source, |b, source| {
            b.iter(|| {
                let loaded = vanban::record::parse(Path::new("rows.toml"), source).expect("loads");
                vanban::render_loaded(loaded, &templates, Default::default()).expect("renders")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, seed_004, rows);
criterion_main!(benches);
