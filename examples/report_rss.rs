//! Two synthetic whole-Hub snapshots to measure `densing report` and `densing snapshots diff`
//! on: `models` of about ROWS rows each (in `model_id` order, written through the real
//! `Staged`/`TableWriter` in parts of PER_PART rows), a selection of 1 in 500 models with
//! scores and densities, a fetch log of list pages and cards, one law, and a manifest. The second
//! snapshot drops 1 in 1000 models, adds 1 in 1000 and changes the parameters of 1 in 1000.
//!
//! `cargo run --release --example report_rss -- OUT [ROWS=1000000] [PER_PART=1000000]`, then
//! e.g. `/usr/bin/time -v densing report LATEST --out OUT` and
//! `densing snapshots diff 2026-01-01T000000Z 2026-01-02T000000Z --out OUT --json`.

#[path = "../benches/support/models.rs"]
mod models;

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use densing::snapshot::commit::Staged;
use densing::snapshot::manifest::{Manifest, PipelineRef, RunSummary};
use densing::tables::codes::Evaluator;
use densing::tables::rows::{DensityRow, FetchLogRow, LawRow, ModelRow, ScoreRow};
use densing::tables::{batch, schema};

const BATCH: usize = 16_384;
const FIRST: &str = "2026-01-01T000000Z";
const SECOND: &str = "2026-01-02T000000Z";

/// Model `i`'s id: ids increase with `i`, so the table is written in `model_id` order.
fn id(i: usize) -> String {
    format!("org{:04}/model-{i:07}-7B", i / 1000)
}

/// Whether model `i` is in `snapshot` (the first lacks `i % 1000 == 999`, the second `== 0`).
fn present(snapshot: &str, i: usize) -> bool {
    if snapshot == FIRST {
        i % 1000 != 999
    } else {
        !i.is_multiple_of(1000)
    }
}

fn selected(i: usize) -> bool {
    i % 500 == 1
}

fn model_rows(snapshot: &str, from: usize, n: usize) -> Vec<ModelRow> {
    let mut rows = models::rows(from, n);
    rows.retain(|m| present(snapshot, m.params_total.unwrap_or(0) as usize - 7_000_000_000));
    for m in &mut rows {
        let i = (m.params_total.unwrap_or(0) - 7_000_000_000) as usize;
        m.model_id = id(i);
        m.source_url = format!("https://huggingface.co/api/models/{}", m.model_id);
        if snapshot == SECOND && i % 1000 == 500 {
            m.params_total = Some(8_000_000_000 + i as i64);
        }
    }
    rows
}

fn selection(snapshot: &str, total: usize) -> impl Iterator<Item = usize> + '_ {
    (0..total).filter(move |&i| selected(i) && present(snapshot, i))
}

fn write(out: &Path, snapshot: &str, total: usize, per_part: u64) -> Manifest {
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut staged = Staged::begin(out, snapshot).unwrap().rows_per_part(per_part);
    let mut writer = staged.table_writer(schema::MODELS.name, schema::MODELS.schema()).unwrap();
    let mut count = 0;
    for from in (0..total).step_by(BATCH) {
        let rows = model_rows(snapshot, from, BATCH.min(total - from));
        count += rows.len() as u64;
        writer.write(&batch::models(&rows, snapshot).unwrap()).unwrap();
    }
    staged.finish_table(writer).unwrap();
    let card = |i: usize| format!("https://huggingface.co/{}/raw/main/README.md", id(i));
    let scores: Vec<ScoreRow> = selection(snapshot, total)
        .flat_map(|i| {
            ["mmlu", "arc_challenge"].map(|b| ScoreRow {
                model_id: id(i),
                benchmark: b.into(),
                benchmark_raw: b.to_uppercase(),
                value: 40.0 + (i % 37) as f64,
                unit: "percent".into(),
                value_raw: format!("{}", 40 + i % 37),
                source: "hf_models".into(),
                source_detail: "markdown_table".into(),
                source_url: card(i),
                observed_on: None,
                shots: None,
                metric: None,
                ci_low: None,
                ci_high: None,
                used_for_density: true,
                evidence: Some(format!("| {b} | {} |", 40 + i % 37)),
                evidence_line: Some(12),
                evaluator: Evaluator::SelfReported,
                harness: None,
                prompt: None,
            })
        })
        .collect();
    staged.add_table(schema::SCORES.name, &batch::scores(&scores, snapshot).unwrap()).unwrap();
    let density: Vec<DensityRow> = selection(snapshot, total)
        .map(|i| DensityRow {
            model_id: id(i),
            reference: "densing-nmi-2025".into(),
            benchmark: "average".into(),
            shots: None,
            score: Some(40.0 + (i % 37) as f64),
            score_sources: format!("mmlu={}@{}", 40 + i % 37, card(i)),
            loss: None,
            effective_params: Some(1e9 + i as f64),
            params_basis: "total".into(),
            params: Some(7e9 + i as f64),
            density: Some((1e9 + i as f64) / (7e9 + i as f64)),
            status: "ok".into(),
            release_date: NaiveDate::from_ymd_opt(2024, 1 + (i % 12) as u32, 1),
            is_base: Some(true),
            evaluator: "self".into(),
        })
        .collect();
    staged.add_table(schema::DENSITY.name, &batch::density(&density, snapshot).unwrap()).unwrap();
    let law = LawRow {
        reference: "densing-nmi-2025".into(),
        benchmark: "average".into(),
        params_basis: "total".into(),
        window: "all".into(),
        origin_date: NaiveDate::from_ymd_opt(2023, 2, 24).unwrap(),
        a_per_day: 0.0065,
        b: -3.0,
        r2: 0.9,
        doubling_days: 106.0,
        doubling_months: 3.5,
        ci_low_days: None,
        ci_high_days: None,
        n_models: density.len() as i64,
        n_envelope: 2,
        envelope_model_ids: format!("{},{}", id(1), id(501)),
        reference_fit_r2: None,
        reference_fit_n: None,
        evidence: "all".into(),
    };
    staged.add_table(schema::DENSITY_LAW.name, &batch::density_law(&[law], snapshot).unwrap()).unwrap();
    // The model list in pages of 1000, then each selected model's card.
    let fetch = |url: String, purpose, model_id| FetchLogRow {
        url,
        source: "hf_models",
        purpose,
        model_id,
        status: Some(200),
        attempts: 1,
        bytes: 1000,
        from_archive: false,
        not_modified: false,
        sha256: Some(format!("{:064x}", 7)),
        error: None,
        fetched_at: at,
    };
    let pages = (0..total.div_ceil(1000))
        .map(|p| fetch(format!("https://huggingface.co/api/models?p={p}"), "model_list", None));
    let cards = selection(snapshot, total).map(|i| fetch(card(i), "card", Some(id(i))));
    let log: Vec<FetchLogRow> = pages.chain(cards).collect();
    staged.add_table(schema::FETCH_LOG.name, &batch::fetch_log(&log, snapshot).unwrap()).unwrap();
    staged.add_table(schema::REJECTS.name, &batch::rejects(&[], snapshot).unwrap()).unwrap();
    let manifest = Manifest {
        snapshot_id: snapshot.into(),
        schema_version: schema::SCHEMA_VERSION,
        densing_version: env!("CARGO_PKG_VERSION").into(),
        created_at: at,
        as_of: None,
        offline: true,
        pipeline: PipelineRef { name: "synthetic".into(), path: "report_rss".into(), sha256: "0".into() },
        files: Vec::new(),
        archive_records: Vec::new(),
        inputs: Vec::new(),
        attributions: Vec::new(),
        models_filter: None,
        summary: RunSummary {
            models: count,
            density_rows: density.len() as u64,
            laws: 1,
            requests: log.len() as u64,
            ..RunSummary::default()
        },
    };
    staged.publish(manifest).unwrap()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = Path::new(args.get(1).expect("usage: report_rss OUT [ROWS] [PER_PART]"));
    let total: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let per_part: u64 = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    for snapshot in [FIRST, SECOND] {
        let m = write(out, snapshot, total, per_part);
        let models: Vec<_> = m.files.iter().filter(|f| f.table.as_deref() == Some("models")).collect();
        let rows: u64 = models.iter().filter_map(|f| f.rows).sum();
        println!("{snapshot}: models {rows} rows in {} parts, {} densities", models.len(), m.summary.density_rows);
    }
}
