//! Parser throughput on the real fixture cards, configs and board pages (read in place).
//!
//! `cargo bench --bench parsers`; throughput is reported in bytes/s (MB/s).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use densing::parse::{config_params, dates, params, tables};
use densing::sources::{hf_files::parse_card, ParseOutput};

fn fixtures(dir: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real").join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect()
}

fn cards(c: &mut Criterion) {
    let cards = fixtures("model_cards");
    let total: usize = cards.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("model_cards");
    group.throughput(Throughput::Bytes(total as u64));
    // The whole card step of hf_files: front matter, model-index, tables, own row/column, size, date.
    group.bench_function("parse_card (all 13)", |b| {
        b.iter(|| {
            for (name, body) in &cards {
                let mut out = ParseOutput::default();
                parse_card(name, "http://x", black_box(body), &mut out);
                black_box(out);
            }
        })
    });
    group.bench_function("tables (all 13)", |b| {
        b.iter(|| {
            for (_, body) in &cards {
                black_box(tables::tables(&String::from_utf8_lossy(body)));
            }
        })
    });
    group.finish();
    // One typical card, for the per-card median.
    let gemma = cards.iter().find(|(n, _)| n.starts_with("google__gemma-2b")).unwrap();
    c.bench_function("parse_card gemma-2b (one card)", |b| {
        b.iter(|| {
            let mut out = ParseOutput::default();
            parse_card("google/gemma-2b", "http://x", black_box(&gemma.1), &mut out);
            black_box(out)
        })
    });
}

fn text(c: &mut Criterion) {
    let inputs = ["7B", "7.24B", "2.7 billion", "~ 11B", "8x7B", "235B-A22B", "16x3.8B"];
    c.bench_function("parse_size (7 forms)", |b| {
        b.iter(|| inputs.iter().filter_map(|s| params::parse_size(black_box(s))).count())
    });
    let d = [
        "Model Release Date April 18, 2024.",
        "August 2024",
        "2024.05.16",
        "07/07/2023",
        "no date in this sentence at all",
    ];
    c.bench_function("parse_date (5 forms)", |b| {
        b.iter(|| d.iter().filter_map(|s| dates::parse_date(black_box(s))).count())
    });
}

fn configs(c: &mut Criterion) {
    let configs: Vec<serde_json::Value> =
        fixtures("configs").into_iter().filter_map(|(_, b)| serde_json::from_slice(&b).ok()).collect();
    c.bench_function("config estimate (12 configs)", |b| {
        b.iter(|| configs.iter().filter(|v| config_params::estimate(black_box(v)).is_ok()).count())
    });
}

fn boards(c: &mut Criterion) {
    let page = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/fixtures/real/leaderboards/swebench_leaderboard_2024-06-21.html"),
    )
    .unwrap();
    let mut group = c.benchmark_group("boards");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("html page parse + select (swebench)", |b| {
        b.iter(|| {
            let doc = scraper::Html::parse_document(&String::from_utf8_lossy(black_box(&page)));
            let sel = scraper::Selector::parse("div.tabcontentlite table tbody tr").unwrap();
            doc.select(&sel).count()
        })
    });
    group.finish();
}

criterion_group!(benches, cards, text, configs, boards);
criterion_main!(benches);
