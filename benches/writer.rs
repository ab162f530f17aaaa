//! Parquet writer throughput: `models` rows encoded per second (zstd, statistics, as snapshots do).
//!
//! `cargo bench --bench writer`

use std::hint::black_box;

use chrono::{NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use densing::snapshot::writer::encode;
use densing::tables::batch;
use densing::tables::rows::ModelRow;

fn rows(n: usize) -> Vec<ModelRow> {
    (0..n)
        .map(|i| ModelRow {
            model_id: format!("org{}/model-{i}-7B", i % 977),
            hf_id: Some(format!("{i:024x}")),
            author: Some(format!("org{}", i % 977)),
            params_total: Some(7_000_000_000 + i as i64),
            params_source: Some("safetensors".into()),
            release_date: NaiveDate::from_ymd_opt(2024, 1 + (i % 12) as u32, 1),
            release_date_precision: Some("day".into()),
            release_date_source: Some("hub_created_at".into()),
            is_base: Some(i % 3 == 0),
            is_moe: Some(false),
            license: Some("apache-2.0".into()),
            pipeline_tag: Some("text-generation".into()),
            hf_sha: Some(format!("{i:040x}")),
            hf_created_at: Some(Utc::now()),
            source_url: format!("https://huggingface.co/api/models/org{}/model-{i}-7B", i % 977),
            ..ModelRow::default()
        })
        .collect()
}

fn writer(c: &mut Criterion) {
    let mut group = c.benchmark_group("parquet_writer");
    for n in [10_000usize, 100_000] {
        let data = rows(n);
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
