//! Row types, one per table, as the pipeline produces them (before `snapshot_id` is stamped).

use chrono::{DateTime, NaiveDate, Utc};

use crate::fetch::{FetchRequest, RejectReason, Stage};
use crate::tables::codes::Evaluator;

/// One `models` row. See [`super::schema::MODELS`] for the meaning of each field.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
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
    pub params_evidence: Option<String>,
    pub release_date_evidence: Option<String>,
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
    pub observed_on: Option<NaiveDate>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub used_for_density: bool,
    pub evidence: Option<String>,
    pub evidence_line: Option<i32>,
    pub evaluator: Evaluator,
    pub harness: Option<String>,
    pub prompt: Option<String>,
}

impl ScoreRow {
    /// Reported by the model's authors: the `self_reported` column, kept beside `evaluator`
    /// (which says more) for readers of the first schema.
    pub fn self_reported(&self) -> bool {
        self.evaluator == Evaluator::SelfReported
    }
}

/// One `density` row.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct DensityRow {
    pub model_id: String,
    pub reference: String,
    pub benchmark: String,
    pub shots: Option<i32>,
    pub score: Option<f64>,
    pub score_sources: String,
    pub loss: Option<f64>,
    pub effective_params: Option<f64>,
    pub params_basis: String,
    pub params: Option<f64>,
    pub density: Option<f64>,
    pub status: String,
    pub release_date: Option<NaiveDate>,
    pub is_base: Option<bool>,
    pub evaluator: String,
}

/// One `density_law` row.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct LawRow {
    pub reference: String,
    pub benchmark: String,
    pub params_basis: String,
    pub window: String,
    pub origin_date: NaiveDate,
    pub a_per_day: f64,
    pub b: f64,
    pub r2: f64,
    pub doubling_days: f64,
    pub doubling_months: f64,
    pub ci_low_days: Option<f64>,
    pub ci_high_days: Option<f64>,
    pub n_models: i64,
    pub n_envelope: i64,
    pub envelope_model_ids: String,
    pub reference_fit_r2: Option<f64>,
    pub reference_fit_n: Option<i64>,
    pub evidence: String,
}

/// One `fetch_log` row.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct FetchLogRow {
    pub url: String,
    pub source: &'static str,
    pub purpose: &'static str,
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[allow(missing_docs)]
pub struct RejectRow {
    pub source: String,
    pub url: Option<String>,
    pub model_id: Option<String>,
    pub stage: String,
    pub reason: String,
    pub detail: Option<String>,
}

impl RejectRow {
    /// A reject of `source` (a source kind, or `normalize`) in `stage`, for `reason`; add what
    /// it is about with the other methods:
    /// `RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidJson).url(url).detail(why)`.
    pub fn new(source: &str, stage: Stage, reason: impl Into<RejectReason>) -> Self {
        RejectRow {
            source: source.to_owned(),
            url: None,
            model_id: None,
            stage: stage.as_str().to_owned(),
            reason: reason.into().as_str().to_owned(),
            detail: None,
        }
    }

    /// The URL involved.
    pub fn url(self, url: &str) -> Self {
        RejectRow { url: Some(url.to_owned()), ..self }
    }

    /// The model involved.
    pub fn model(self, model_id: &str) -> Self {
        RejectRow { model_id: Some(model_id.to_owned()), ..self }
    }

    /// The URL and the model (if any) of the request involved.
    pub fn request(self, request: &FetchRequest) -> Self {
        RejectRow { url: Some(request.url.clone()), model_id: request.model_id.clone(), ..self }
    }

    /// The human explanation.
    pub fn detail(self, detail: impl Into<String>) -> Self {
        RejectRow { detail: Some(detail.into()), ..self }
    }
}

/// Everything one run produced, ready to write.
#[derive(Debug, Clone, Default)]
pub struct RunTables {
    /// `models` rows.
    pub models: Vec<ModelRow>,
    /// `scores` rows.
    pub scores: Vec<ScoreRow>,
    /// `density` rows.
    pub density: Vec<DensityRow>,
    /// `density_law` rows.
    pub density_law: Vec<LawRow>,
    /// `fetch_log` rows.
    pub fetch_log: Vec<FetchLogRow>,
    /// `rejects` rows.
    pub rejects: Vec<RejectRow>,
}

impl RunTables {
    /// Sorts every table into its canonical order, so equal inputs give byte-equal files.
    pub fn sort(&mut self) {
        self.models.sort_by(|a, b| a.model_id.cmp(&b.model_id));
        sort_scores(&mut self.scores);
        self.density.sort_by(|a, b| {
            (&a.model_id, &a.reference, &a.benchmark, &a.params_basis).cmp(&(
                &b.model_id,
                &b.reference,
                &b.benchmark,
                &b.params_basis,
            ))
        });
        self.density_law.sort_by(|a, b| {
            (&a.reference, &a.benchmark, &a.params_basis, &a.window).cmp(&(
                &b.reference,
                &b.benchmark,
                &b.params_basis,
                &b.window,
            ))
        });
        self.fetch_log.sort_by(|a, b| (&a.url, a.fetched_at).cmp(&(&b.url, b.fetched_at)));
        self.rejects.sort();
        self.rejects.dedup();
    }
}

/// Sorts and dedups scores into their canonical order. Every column is part of the order, so
/// equal inputs give byte-equal files whatever order the responses arrived in.
pub fn sort_scores(scores: &mut Vec<ScoreRow>) {
    type Key<'a> = (&'a str, &'a str, Option<i32>, &'a str, &'a str, &'a str, Option<&'a str>, &'a str);
    fn key(s: &ScoreRow) -> Key<'_> {
        let metric = s.metric.as_deref();
        (&s.model_id, &s.benchmark, s.shots, &s.source_url, &s.source_detail, &s.benchmark_raw, metric, &s.value_raw)
    }
    scores.sort_by(|a, b| key(a).cmp(&key(b)).then(a.value.total_cmp(&b.value)));
    scores.dedup();
}
