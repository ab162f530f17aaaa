//! Synthetic `models` rows for the writer benchmark and `examples/parts_rss.rs` (included by
//! `#[path]` in both): unique ids, 977 organisations, a fixed creation time.

use chrono::{NaiveDate, TimeZone, Utc};
use densing::tables::rows::ModelRow;

/// Rows `from..from + n`.
pub fn rows(from: usize, n: usize) -> Vec<ModelRow> {
    let at = Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0).unwrap();
    (from..from + n)
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
            hf_created_at: Some(at),
            source_url: format!("https://huggingface.co/api/models/org{}/model-{i}-7B", i % 977),
            ..ModelRow::default()
        })
        .collect()
}
