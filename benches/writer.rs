//! Parquet writer throughput: `models` rows encoded per second (zstd, statistics, as snapshots do).
//!
//! `cargo bench --bench writer`

use std::hint::black_box;

#[path = "support/models.rs"]
mod models;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use densing::snapshot::writer::encode;
use densing::tables::batch;

fn writer(c: &mut Criterion) {
    let mut group = c.benchmark_group("parquet_writer");
    for n in [10_000usize, 100_000] {
        let data = models::rows(0, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("models {n} rows"), |b| {
            b.iter(|| {
                let batch = batch::models(black_box(&data), "2026-11-28T000000Z").unwrap();
                encode(&batch).unwrap().len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, writer);
criterion_main!(benches);
