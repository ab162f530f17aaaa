//! `curated`: hand-checked scores with citations, from a CSV kept in `pipelines/`.
//!
//! Columns: `model_id, benchmark, shots, value, source_url, note`. Every row must cite where the
//! value comes from (a technical report, a paper); a row without `source_url` is rejected. The
//! file is read through the fetcher as a `file://` URL, so it is archived like any response.

use std::path::PathBuf;

use serde::Deserialize;

use super::{ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::benchmarks::{prompt_of, resolve, unit_of};
use crate::parse::front_matter::leading_number;
use crate::parse::ids::check_model_id;
use crate::tables::codes::Evaluator;
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

    fn plan(&self, _ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (vec![FetchRequest::new(self.url(), Purpose::Curated)], Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let file = request.url.as_str();
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(response.body.as_slice());
        let header: Vec<String> = reader.headers().map(|h| h.iter().map(str::to_owned).collect()).unwrap_or_default();
        let col = |name: &str| header.iter().position(|h| h == name);
        let e = col("evaluator");
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
            // Optional column: who evaluated (default: the model's authors).
            let evaluator = match e.map(get).as_deref() {
                None | Some("") => Some(Evaluator::SelfReported),
                Some(code) => Evaluator::parse(code),
            };
            let why = if check_model_id(&model_id).is_err() {
                Some((RejectReason::InvalidModelId, format!("row {}: model_id {model_id:?}", line + 2)))
            } else if get(u).is_empty() {
                Some((
                    RejectReason::MissingCitation,
                    format!("row {}: every curated value must cite its source_url", line + 2),
                ))
            } else if leading_number(&get(v)).is_none() {
                Some((RejectReason::NotANumber, format!("row {}: value {:?}", line + 2, get(v))))
            } else if evaluator.is_none() {
                let code = e.map(get).unwrap_or_default();
                Some((RejectReason::UnknownCode, format!("row {}: evaluator {code:?}", line + 2)))
            } else {
                None
            };
            let evaluator = evaluator.unwrap_or_default();
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
                observed_on: None,
                ci_low: None,
                ci_high: None,
                used_for_density: false,
                evidence: None,
                evidence_line: None,
                evaluator,
                harness: None,
                prompt: prompt_of(&get(b)).map(str::to_owned),
            });
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    //! No real file has the curated format (it is written by hand), so `parse` is fed a real
    //! board CSV (which it must refuse) and rows that transcribe values from real fixtures.

    use super::*;
    use crate::sources::testing::{fixture, parse, planned, source, FIXTURES};

    const HUMANEVAL_CSV: &str = "leaderboards/evalplus_humaneval_2024-03.csv";
    const EVALPLUS_CSV_URL: &str =
        "https://github.com/evalplus/evalplus.github.io/blob/05913ecb207aa26beab833785249ee859933792e/humaneval.csv";

    #[test]
    fn a_board_csv_is_not_a_curated_file() {
        let src = source(&format!("kind = 'curated'\npath = '{FIXTURES}{HUMANEVAL_CSV}'"));
        let requests = planned(src.as_ref());
        assert_eq!(requests.len(), 1);
        let canonical = std::fs::canonicalize(format!("{FIXTURES}{HUMANEVAL_CSV}")).unwrap();
        assert_eq!(requests[0].url, format!("file://{}", canonical.display()));
        assert_eq!(requests[0].purpose, Purpose::Curated);
        let out = parse(src.as_ref(), &requests[0], fixture(HUMANEVAL_CSV));
        assert!(out.scores.is_empty());
        assert_eq!(out.rejects.len(), 1);
        let r = &out.rejects[0];
        assert_eq!((r.source.as_str(), r.stage.as_str(), r.reason.as_str()), ("curated", "parse", "missing_column"));
        assert_eq!(
            r.detail.as_deref(),
            Some(
                "header [\"Model\", \"pass@1_base\", \"pass@1_plus\", \"prompted\", \"OD\", \"link\"] \
                 lacks model_id, benchmark, shots, value, source_url"
            )
        );
    }

    /// The `pass@1_base`, `pass@1_plus` and `link` cells of one row of the real EvalPlus CSV.
    fn evalplus_row(model: &str) -> (String, String, String) {
        let body = fixture(HUMANEVAL_CSV);
        let mut reader = csv::Reader::from_reader(body.as_slice());
        let row = reader.records().map(Result::unwrap).find(|r| &r[0] == model).expect("row in the fixture");
        (row[1].to_owned(), row[2].to_owned(), row[5].to_owned())
    }

    #[test]
    fn hand_checked_rows_from_real_values_and_the_rows_it_refuses() {
        let (base, plus, link) = evalplus_row("DeepSeek-Coder-33B-instruct");
        assert_eq!((base.as_str(), plus.as_str()), ("81.1", "75.0"));
        let id = link.strip_prefix("https://huggingface.co/").unwrap();
        assert_eq!(id, "deepseek-ai/deepseek-coder-33b-instruct");
        let card = String::from_utf8(fixture("model_cards/HuggingFaceH4__zephyr-7b-beta.README.md")).unwrap();
        assert!(card.contains("name: MT-Bench") && card.contains("value: 7.34"));
        let csv = format!(
            "model_id, benchmark, shots, value, source_url, note\n\
             {id}, HumanEval, 0, {base}, {EVALPLUS_CSV_URL}, EvalPlus 2024-03\n\
             {id}, HumanEval+, 0, {plus}, {EVALPLUS_CSV_URL}, EvalPlus 2024-03\n\
             HuggingFaceH4/zephyr-7b-beta, MT-Bench, , 7.34, https://huggingface.co/HuggingFaceH4/zephyr-7b-beta, card\n\
             DeepSeek Coder 33B, HumanEval, 0, {base}, {EVALPLUS_CSV_URL}, display name\n\
             {id}, MBPP, 0, 80.4, , no citation\n\
             {id}, MBPP+, 0, n/a, {EVALPLUS_CSV_URL}, no value\n"
        );
        let src = source("kind = 'curated'\npath = 'curated.csv'");
        let requests = planned(src.as_ref());
        let out = parse(src.as_ref(), &requests[0], csv.into_bytes());

        let got: Vec<_> = out
            .scores
            .iter()
            .map(|s| {
                (s.model_id.as_str(), s.benchmark.as_str(), s.benchmark_raw.as_str(), s.shots, s.value, s.unit.as_str())
            })
            .collect();
        assert_eq!(
            got,
            [
                (id, "humaneval", "HumanEval", Some(0), 81.1, "percent"),
                (id, "humaneval_plus", "HumanEval+", Some(0), 75.0, "percent"),
                ("HuggingFaceH4/zephyr-7b-beta", "mt_bench", "MT-Bench", None, 7.34, "score_10"),
            ]
        );
        let s = &out.scores[0];
        assert_eq!(
            (s.source.as_str(), s.source_detail.as_str(), s.source_url.as_str()),
            ("curated", "curated", EVALPLUS_CSV_URL)
        );
        assert_eq!((s.value_raw.as_str(), s.self_reported(), s.metric.as_deref()), ("81.1", true, None));

        let rejects: Vec<(&str, Option<&str>, &str)> = out
            .rejects
            .iter()
            .map(|r| (r.reason.as_str(), r.model_id.as_deref(), r.detail.as_deref().unwrap()))
            .collect();
        assert_eq!(
            rejects,
            [
                ("invalid_model_id", Some("DeepSeek Coder 33B"), "row 5: model_id \"DeepSeek Coder 33B\""),
                ("missing_citation", Some(id), "row 6: every curated value must cite its source_url"),
                ("not_a_number", Some(id), "row 7: value \"n/a\""),
            ]
        );
        assert!(out.rejects.iter().all(|r| r.url.as_deref() == Some(requests[0].url.as_str())));
    }
}
