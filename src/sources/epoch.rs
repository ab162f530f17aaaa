//! `epoch`: Epoch AI's Benchmarking Hub, `https://epoch.ai/data/benchmark_data.zip` (CC BY 4.0,
//! updated daily): Epoch's own runs of many models, open-weight ones included, under one protocol.
//!
//! # The shape relied on
//! Verified against public code that reads the real zip (no copy of it is in this repo; the test
//! payloads are written here in the same shape):
//! - `benchmark_metadata.csv`: `benchmark, in_eci, source_file, score_column, scale,
//!   random_baseline, score_ceiling, release_date, superseded_by`. `source_file` names the file
//!   of a benchmark's rows; `score_column` is the column Epoch scores it by; `scale` turns that
//!   column into a fraction (`1.0`: it is one already, `0.01`: it is a percentage).
//! - One CSV per benchmark (`gpqa_diamond.csv`, `math_level_5.csv`, `mmlu_external.csv`, …).
//!   Epoch's own runs have `Model version, mean_score, Best score (across scorers), Release date,
//!   Organization, Country, Training compute (FLOP), …, Started at, stderr, Logs, Log viewer, id`;
//!   files ending `_external.csv` are results Epoch collected from others (the developers' reports,
//!   other boards), with columns that vary (`Accuracy`, `Score`, `EM`, `Source`, `Source link`).
//! - Other files (`model_metadata.csv`, the capabilities index) are not read.
//!
//! # What becomes a score
//! Every metadata row whose file is in the zip, read by its `score_column` and `scale`, stored in
//! percent (a scaled value outside 0–1, such as a time horizon, keeps its value, unit `raw`).
//! One score per (file, `Model version`): the best row, as Epoch's own pages show it (agentic
//! benchmarks have a row per scaffold). `Model version` is a display name resolved to a Hub id
//! through the alias registry (unresolved ones are `unresolved_name` rejects, as for boards).
//! Epoch's runs are `independent` (harness `inspect_ai` when the file links Inspect logs);
//! `_external` files are left out unless `external` names their evaluator. The row's own `Source
//! link`/`Source` and `id` go in `evidence`; `source_url` is the zip's URL.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Attribution, NamedScore, ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::benchmarks::resolve;
use crate::parse::front_matter::as_percent;
use crate::parse::front_matter::leading_number;
use crate::tables::codes::Evaluator;
use crate::tables::rows::{RejectRow, ScoreRow};

/// The `epoch` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EpochConfig {
    /// The zip.
    #[serde(default = "default_url")]
    pub url: String,
    /// The evaluator of the `_external` files (`self`, `independent`, `community`); absent: they
    /// are not read (they are mostly the developers' own reports, collected by Epoch).
    pub external: Option<Evaluator>,
}

fn default_url() -> String {
    "https://epoch.ai/data/benchmark_data.zip".to_owned()
}

/// The source kind.
pub const KIND: &str = "epoch";

/// The board name of Epoch's runs (`source_detail`, unresolved-name rejects).
const RUNS: &str = "epoch_ai_benchmarking_hub";
/// The board name of the collected `_external` results.
const EXTERNAL: &str = "epoch_ai_benchmarking_hub_external";

/// Decompressed size cap per file: the real CSVs are at most a few hundred KB.
const MAX_FILE_BYTES: u64 = 32 << 20;

/// Files whose benchmark is a canonical one the alias table does not name as Epoch does.
const FILE_BENCHMARKS: &[(&str, &str)] = &[("gpqa_diamond.csv", "gpqa"), ("math_level_5.csv", "math_lvl5")];

/// The built source.
pub struct Epoch {
    config: EpochConfig,
}

impl Epoch {
    /// Builds the source.
    pub fn new(config: EpochConfig) -> Self {
        Epoch { config }
    }
}

impl Source for Epoch {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (vec![FetchRequest::new(self.config.url.clone(), Purpose::Board)], Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let reject =
            |reason: RejectReason, detail: String| RejectRow::new(KIND, Stage::Parse, reason).url(url).detail(detail);
        let files = match unzip(&response.body) {
            Ok(files) => files,
            Err(e) => {
                out.rejects.push(reject(RejectReason::UnexpectedShape, format!("not a readable zip: {e}")));
                return out;
            }
        };
        let Some(meta) = files.get("benchmark_metadata.csv") else {
            out.rejects.push(reject(RejectReason::MissingColumn, "no benchmark_metadata.csv in the zip".into()));
            return out;
        };
        let external = self.config.external;
        for m in metadata(meta) {
            let is_external = m.file.ends_with("_external.csv");
            let evaluator = if is_external { external } else { Some(Evaluator::Independent) };
            let (Some(evaluator), Some(body)) = (evaluator, files.get(&m.file)) else { continue };
            read_file(&m, body, evaluator, url, &mut out);
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        Host::of_url(&self.config.url).into_iter().collect()
    }

    fn attribution(&self) -> Option<Attribution> {
        Some(Attribution {
            source: KIND,
            credit: "Epoch AI, 'AI Benchmarking Hub'".to_owned(),
            licence: "CC-BY-4.0",
            url: "https://epoch.ai/benchmarks".to_owned(),
        })
    }
}

/// The CSV files of the zip by file name (a file in a folder counts under its own name, the
/// shallowest one first).
fn unzip(body: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, zip::result::ZipError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(body))?;
    let mut names = Vec::new();
    for name in archive.file_names() {
        names.push(name?.into_owned());
    }
    names.retain(|n| n.ends_with(".csv"));
    names.sort_by_key(|n| (n.matches('/').count(), n.clone()));
    let mut files = BTreeMap::new();
    for name in names {
        let base = name.rsplit('/').next().unwrap_or(&name).to_owned();
        if files.contains_key(&base) {
            continue;
        }
        let mut bytes = Vec::new();
        archive.by_name(&name)?.take(MAX_FILE_BYTES).read_to_end(&mut bytes)?;
        files.insert(base, bytes);
    }
    Ok(files)
}

/// One `benchmark_metadata.csv` row that names a file.
struct Meta {
    benchmark: String,
    file: String,
    score_column: String,
    scale: f64,
}

fn metadata(body: &[u8]) -> Vec<Meta> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header: Vec<String> =
        reader.headers().map(|h| h.iter().map(|s| s.trim().to_owned()).collect()).unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(b), Some(f), Some(s)) = (col("benchmark"), col("source_file"), col("score_column")) else {
        return Vec::new();
    };
    let scale = col("scale");
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            let get = |i: usize| r.get(i).unwrap_or("").trim().to_owned();
            let file = get(f);
            (!file.is_empty() && !get(s).is_empty()).then(|| Meta {
                benchmark: get(b),
                file,
                score_column: get(s),
                scale: scale.and_then(|c| get(c).parse().ok()).unwrap_or(1.0),
            })
        })
        .collect()
}

/// The best row of each model version in one benchmark file, as named scores.
fn read_file(m: &Meta, body: &[u8], evaluator: Evaluator, url: &str, out: &mut ParseOutput) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header: Vec<String> =
        reader.headers().map(|h| h.iter().map(|s| s.trim().to_owned()).collect()).unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(model_c), Some(score_c)) = (col("Model version"), col(&m.score_column)) else {
        let detail = format!("{}: no \"Model version\" or {:?} column in {header:?}", m.file, m.score_column);
        out.rejects.push(RejectRow::new(KIND, Stage::Parse, RejectReason::MissingColumn).url(url).detail(detail));
        return;
    };
    let source_c = col("Source link").or_else(|| col("Source Link")).or_else(|| col("Source"));
    let (id_c, started_c) = (col("id"), col("Started at"));
    let inspect = col("Log viewer").is_some() || col("Logs").is_some();
    // Per model version: (value, its row's cells, rows seen).
    let mut best: BTreeMap<String, (f64, csv::StringRecord, usize)> = BTreeMap::new();
    for record in reader.records().filter_map(Result::ok) {
        let name = record.get(model_c).unwrap_or("").trim().to_owned();
        let Some(value) = record.get(score_c).map(str::trim).filter(|v| !v.is_empty()).and_then(leading_number) else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let entry = best.entry(name).or_insert((f64::NEG_INFINITY, record.clone(), 0));
        entry.2 += 1;
        if value > entry.0 {
            (entry.0, entry.1) = (value, record);
        }
    }
    let known = FILE_BENCHMARKS.iter().find(|(f, _)| *f == m.file).map(|(_, b)| (*b).to_owned());
    let resolved = resolve(&m.benchmark);
    let benchmark = known
        .or(resolved.is_known.then_some(resolved.canonical))
        .unwrap_or_else(|| m.file.trim_end_matches(".csv").trim_end_matches("_external").to_owned());
    let board = if m.file.ends_with("_external.csv") { EXTERNAL } else { RUNS };
    for (name, (value, record, runs)) in best {
        let cell = |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim).filter(|v| !v.is_empty());
        let fraction = value * m.scale;
        // Unscaled, the cell's own digits say how many places the percent has ("0.596" is 59.6).
        let percent = match cell(Some(score_c)) {
            Some(raw) if m.scale == 1.0 => as_percent(fraction, raw),
            _ => fraction * 100.0,
        };
        let (value, unit) = if (0.0..=1.0 + 1e-9).contains(&fraction) { (percent, "percent") } else { (value, "raw") };
        let mut evidence = vec![m.file.clone()];
        evidence.extend(cell(id_c).map(|id| format!("id {id}")));
        evidence.extend(cell(source_c).map(|s| format!("source {s}")));
        if runs > 1 {
            evidence.push(format!("best of {runs} rows"));
        }
        out.named_scores.push(NamedScore {
            name: name.clone(),
            hub_id: None,
            board: board.to_owned(),
            score: ScoreRow {
                model_id: String::new(),
                benchmark: benchmark.clone(),
                benchmark_raw: m.benchmark.clone(),
                shots: None,
                metric: Some(m.score_column.clone()),
                value,
                unit: unit.to_owned(),
                value_raw: cell(Some(score_c)).unwrap_or_default().to_owned(),
                source: KIND.to_owned(),
                source_detail: board.to_owned(),
                source_url: url.to_owned(),
                observed_on: cell(started_c).and_then(|s| s.get(..10)).and_then(|d| d.parse::<NaiveDate>().ok()),
                ci_low: None,
                ci_high: None,
                used_for_density: false,
                evidence: Some(crate::parse::tables::clip(&evidence.join("; "))),
                evidence_line: None,
                evaluator,
                harness: (inspect && board == RUNS).then(|| "inspect_ai".to_owned()),
                prompt: None,
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::sources::testing::{parse, planned, source};

    /// A zip of `(name, text)` files, deflated as Epoch's is.
    pub(crate) fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in files {
            w.start_file(*name, options).unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const META: &str =
        "benchmark,in_eci,source_file,score_column,scale,random_baseline,score_ceiling,release_date,superseded_by\n\
        GPQA diamond,True,gpqa_diamond.csv,Best score (across scorers),1.0,0.25,1.0,2023-11-20,\n\
        MMLU,True,mmlu_external.csv,EM,0.01,0.25,1.0,2020-09-07,\n\
        No file,True,,Score,1.0,0.0,1.0,2025-01-01,\n\
        Time horizon,False,horizon.csv,Minutes,1.0,,,,\n";
    const GPQA: &str = "Model version,mean_score,Best score (across scorers),Release date,Organization,Started at,stderr,Log viewer,id\n\
        Qwen2.5-72B-Instruct,0.47,0.4899,2024-09-19,Alibaba,2025-01-10T12:00:00Z,0.03,https://logs.epoch.ai/x,recA\n\
        Qwen2.5-72B-Instruct,0.45,0.4697,2024-09-19,Alibaba,2024-12-01T08:00:00Z,0.03,https://logs.epoch.ai/y,recB\n\
        claude-3-5-sonnet-20241022,0.58,0.5960,2024-10-22,Anthropic,2024-11-02T09:00:00Z,0.03,https://logs.epoch.ai/z,recC\n\
        broken,,,,,,,,\n";
    const MMLU: &str = "Model version,EM,Source,Notes\nLlama-3.1-405B,88.6,https://arxiv.org/abs/2407.21783,5-shot\n";

    fn zip() -> Vec<u8> {
        let horizon = "Model version,Minutes\nQwen2.5-72B-Instruct,137\n";
        zip_of(&[
            ("benchmark_metadata.csv", META),
            ("gpqa_diamond.csv", GPQA),
            ("mmlu_external.csv", MMLU),
            ("horizon.csv", horizon),
        ])
    }

    #[test]
    fn epoch_runs_best_row_per_model_in_percent_and_external_only_when_asked() {
        let src = source("kind = 'epoch'");
        let requests = planned(src.as_ref());
        assert_eq!(requests[0].url, "https://epoch.ai/data/benchmark_data.zip");
        let out = parse(src.as_ref(), &requests[0], zip());
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        let got: Vec<_> = out
            .named_scores
            .iter()
            .map(|n| (n.name.as_str(), n.score.benchmark.as_str(), n.score.value, n.score.unit.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Qwen2.5-72B-Instruct", "gpqa", 48.99, "percent"),
                ("claude-3-5-sonnet-20241022", "gpqa", 59.6, "percent"),
                // Not a fraction after scaling: kept as written.
                ("Qwen2.5-72B-Instruct", "horizon", 137.0, "raw"),
            ]
        );
        let q = &out.named_scores[0].score;
        assert_eq!(
            (q.evaluator, q.harness.as_deref(), q.unit.as_str()),
            (Evaluator::Independent, Some("inspect_ai"), "percent")
        );
        assert_eq!(
            (q.benchmark_raw.as_str(), q.metric.as_deref(), q.value_raw.as_str()),
            ("GPQA diamond", Some("Best score (across scorers)"), "0.4899")
        );
        assert_eq!(q.evidence.as_deref(), Some("gpqa_diamond.csv; id recA; best of 2 rows"));
        assert_eq!(q.observed_on, NaiveDate::from_ymd_opt(2025, 1, 10));
        assert_eq!(src.attribution().unwrap().licence, "CC-BY-4.0");

        let src = source("kind = 'epoch'\nexternal = 'self'");
        let out = parse(src.as_ref(), &planned(src.as_ref())[0], zip());
        let mmlu = out.named_scores.iter().find(|n| n.score.benchmark == "mmlu").expect("external read");
        assert!((mmlu.score.value - 88.6).abs() < 1e-9 && mmlu.score.self_reported() && mmlu.score.harness.is_none());
        assert_eq!(mmlu.score.evidence.as_deref(), Some("mmlu_external.csv; source https://arxiv.org/abs/2407.21783"));
        assert_eq!(mmlu.board, EXTERNAL);
    }

    #[test]
    fn a_body_that_is_no_zip_and_a_bad_external_code_are_rejects() {
        let bad = toml::from_str::<crate::sources::SourceConfig>("kind = 'epoch'\nexternal = 'maybe'");
        assert!(bad.unwrap_err().to_string().contains("unknown variant `maybe`"));
        let src = source("kind = 'epoch'");
        let requests = planned(src.as_ref());
        let out = parse(src.as_ref(), &requests[0], b"<html>not found</html>".to_vec());
        assert_eq!(out.rejects[0].reason, "unexpected_shape");
        let out = parse(src.as_ref(), &requests[0], zip_of(&[("gpqa_diamond.csv", "Model,Score\nx,1\n")]));
        assert_eq!(out.rejects[0].detail.as_deref(), Some("no benchmark_metadata.csv in the zip"));
        let meta =
            "benchmark,source_file,score_column,scale\nGPQA diamond,gpqa_diamond.csv,Best score (across scorers),1.0\n";
        let out = parse(
            src.as_ref(),
            &requests[0],
            zip_of(&[("benchmark_metadata.csv", meta), ("gpqa_diamond.csv", "Model,Score\nx,1\n")]),
        );
        assert_eq!(out.rejects[0].reason, "missing_column");
    }
}
