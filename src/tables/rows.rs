//! Row types, one per table, as the pipeline produces them (before `snapshot_id` is stamped).

use chrono::{DateTime, NaiveDate, Utc};

/// One `models` row. See [`super::schema::MODELS`] for the meaning of each field.
#[derive(Debug, Clone, Default, PartialEq)]
#[allow(missing_docs)]
pub struct ModelRow {
    pub model_id: String,
    pub hf_id: Option<String>,
    pub author: Option<String>,
    pub params_total: Option<i64>,
    pub params_active: Option<i64>,
    pub params_source: Option<String>,
    pub params_label: Option<String>,
    pub params_confidence: Option<String>,
    pub release_date: Option<NaiveDate>,
    pub release_date_precision: Option<String>,
    pub release_date_source: Option<String>,
    pub is_base: Option<bool>,
    pub is_moe: Option<bool>,
    pub base_model: Option<String>,
    pub base_model_relation: Option<String>,
    pub license: Option<String>,
    pub pipeline_tag: Option<String>,
    pub library_name: Option<String>,
    pub gated: Option<String>,
    pub downloads: Option<i64>,
    pub likes: Option<i64>,
    pub hf_sha: Option<String>,
    pub hf_created_at: Option<DateTime<Utc>>,
    pub hf_last_modified: Option<DateTime<Utc>>,
    pub source_url: String,
}

/// One `scores` row.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct ScoreRow {
    pub model_id: String,
    pub benchmark: String,
    pub benchmark_raw: String,
    pub shots: Option<i32>,
    pub metric: Option<String>,
    pub value: f64,
    pub unit: String,
    pub value_raw: String,
    pub source: String,
    pub source_detail: String,
    pub source_url: String,
    pub self_reported: bool,
    pub observed_on: Option<NaiveDate>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub used_for_density: bool,
}

/// One `fetch_log` row.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct FetchLogRow {
    pub url: String,
    pub source: String,
    pub purpose: String,
    pub model_id: Option<String>,
    pub status: Option<i32>,
    pub attempts: i32,
    pub bytes: i64,
    pub from_archive: bool,
    pub not_modified: bool,
    pub sha256: Option<String>,
    pub error: Option<String>,
    pub fetched_at: DateTime<Utc>,
}

/// One `rejects` row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[allow(missing_docs)]
pub struct RejectRow {
    pub source: String,
    pub url: Option<String>,
    pub model_id: Option<String>,
    pub stage: String,
    pub reason: String,
    pub detail: Option<String>,
}

/// Everything one run produced, ready to write.
#[derive(Debug, Clone, Default)]
pub struct RunTables {
    /// `models` rows.
    pub models: Vec<ModelRow>,
    /// `scores` rows.
    pub scores: Vec<ScoreRow>,
    /// `fetch_log` rows.
    pub fetch_log: Vec<FetchLogRow>,
    /// `rejects` rows.
    pub rejects: Vec<RejectRow>,
}

impl RunTables {
    /// Sorts every table into its canonical order, so equal inputs give byte-equal files.
    pub fn sort(&mut self) {
        self.models.sort_by(|a, b| a.model_id.cmp(&b.model_id));
        self.fetch_log.sort_by(|a, b| (&a.url, a.fetched_at).cmp(&(&b.url, b.fetched_at)));
        self.rejects.sort();
        self.rejects.dedup();
    }
}
