//! `curated`: hand-checked scores with citations, from a CSV kept in `pipelines/`.
//!
//! Columns: `model_id, benchmark, shots, value, source_url, note`. Every row must cite where the
//! value comes from (a technical report, a paper); a row without `source_url` is rejected. The
//! file is read through the fetcher as a `file://` URL, so it is archived like any response.

use std::path::PathBuf;

use serde::Deserialize;

use super::{ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::benchmarks::{resolve, unit_of};
use crate::parse::front_matter::leading_number;
use crate::parse::ids::check_model_id;
use crate::tables::rows::{RejectRow, ScoreRow};

/// The `curated` source: a local CSV of `model_id, benchmark, shots, value, source_url, note`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedConfig {
    /// The CSV, relative to the pipeline file.
    pub path: PathBuf,
}

/// The source kind.
pub const KIND: &str = "curated";

/// The built source.
pub struct Curated {
    config: CuratedConfig,
}

impl Curated {
    /// Builds the source.
    pub fn new(config: CuratedConfig) -> Self {
        Curated { config }
    }

    fn url(&self) -> String {
        let path = std::fs::canonicalize(&self.config.path).unwrap_or_else(|_| self.config.path.clone());
        format!("file://{}", path.display())
    }
}

impl Source for Curated {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext, source_index: usize) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (vec![FetchRequest::new(self.url(), source_index, KIND, Purpose::Curated)], Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let file = request.url.as_str();
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(response.body.as_slice());
        let header: Vec<String> = reader.headers().map(|h| h.iter().map(str::to_owned).collect()).unwrap_or_default();
        let col = |name: &str| header.iter().position(|h| h == name);
        let (Some(m), Some(b), Some(sh), Some(v), Some(u)) =
            (col("model_id"), col("benchmark"), col("shots"), col("value"), col("source_url"))
        else {
            let detail = format!("header {header:?} lacks model_id, benchmark, shots, value, source_url");
            out.rejects.push(RejectRow::new(KIND, Stage::Parse, RejectReason::MissingColumn).url(file).detail(detail));
            return out;
        };
        for (line, record) in reader.records().enumerate() {
            let Ok(record) = record else {
                out.rejects.push(
                    RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidCsv)
                        .url(file)
                        .detail(format!("row {}", line + 2)),
                );
                continue;
            };
            let get = |i: usize| record.get(i).unwrap_or("").to_owned();
            let model_id = get(m);
            let why = if check_model_id(&model_id).is_err() {
                Some((RejectReason::InvalidModelId, format!("row {}: model_id {model_id:?}", line + 2)))
            } else if get(u).is_empty() {
                Some((
                    RejectReason::MissingCitation,
                    format!("row {}: every curated value must cite its source_url", line + 2),
                ))
            } else if leading_number(&get(v)).is_none() {
                Some((RejectReason::NotANumber, format!("row {}: value {:?}", line + 2, get(v))))
            } else {
                None
            };
            if let Some((reason, detail)) = why {
                out.rejects.push(RejectRow::new(KIND, Stage::Parse, reason).url(file).model(&model_id).detail(detail));
                continue;
            }
            let benchmark = resolve(&get(b));
            out.scores.push(ScoreRow {
                model_id,
                unit: unit_of(&benchmark.canonical).to_owned(),
                benchmark: benchmark.canonical,
                benchmark_raw: get(b),
                shots: get(sh).parse().ok(),
                metric: None,
                value: leading_number(&get(v)).unwrap_or_default(),
                value_raw: get(v),
                source: KIND.to_owned(),
                source_detail: "curated".to_owned(),
                source_url: get(u),
                self_reported: true,
                observed_on: None,
                ci_low: None,
                ci_high: None,
                used_for_density: false,
                evidence: None,
                evidence_line: None,
            });
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        Vec::new()
    }
}
