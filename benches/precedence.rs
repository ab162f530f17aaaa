//! Score precedence over a large run: `mark_used_for_density` on synthetic scores shaped like a
//! card-heavy snapshot (each model with MMLU from its card table, model-index and a board, and a
//! few keys whose card gives two disagreeing settings).
//!
//! `cargo bench --bench precedence`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use densing::normalize::precedence::mark_used_for_density;
use densing::tables::codes::Evaluator;
use densing::tables::rows::ScoreRow;

fn score(model: usize, benchmark: &str, detail: &str, value: f64) -> ScoreRow {
    ScoreRow {
        model_id: format!("org{:03}/model-{model:07}", model % 997),
        benchmark: benchmark.to_owned(),
        benchmark_raw: benchmark.to_uppercase(),
        shots: Some(5),
        metric: None,
        value,
        unit: "percent".to_owned(),
        value_raw: format!("{value:.2}"),
        source: if detail == "board" { "open_llm_leaderboard" } else { "hf_files" }.to_owned(),
        source_detail: detail.to_owned(),
        source_url: format!("http://hub/{model}/{detail}"),
        observed_on: None,
        ci_low: None,
        ci_high: None,
        used_for_density: false,
        evidence: None,
        evidence_line: Some((model % 300) as i32),
        evaluator: if detail == "board" { Evaluator::Independent } else { Evaluator::SelfReported },
        harness: None,
        prompt: None,
    }
}

/// `models` models, 5 benchmarks each with 3 observations per key (every 50th key disagrees), and
/// 10 more benchmarks with one observation each (most keys of a real snapshot).
fn scores(models: usize) -> Vec<ScoreRow> {
    let mut out = Vec::with_capacity(models * 15);
    for m in 0..models {
        for (b, bench) in ["mmlu", "bbh", "math", "humaneval", "mbpp"].iter().enumerate() {
            let v = 30.0 + ((m * 7 + b * 13) % 50) as f64;
            out.push(score(m, bench, "markdown_table", v));
            out.push(score(m, bench, "model_index", v + 0.1));
            out.push(score(m, bench, "board", v - 2.0));
            if (m + b) % 50 == 0 {
                out.push(score(m, bench, "markdown_table", v + 12.0));
            }
        }
        for b in 0..10 {
            out.push(score(m, &format!("task_{b:02}"), "model_index", 50.0));
        }
    }
    out
}

fn precedence(c: &mut Criterion) {
    let rows = scores(12_000);
    let mut group = c.benchmark_group("precedence");
    group.throughput(Throughput::Elements(rows.len() as u64));
    group.sample_size(10);
    group.bench_function("mark_used_for_density (300k scores, 180k keys)", |b| {
        b.iter_batched(
            || rows.clone(),
            |mut s| black_box(mark_used_for_density(&mut s)),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, precedence);
criterion_main!(benches);
