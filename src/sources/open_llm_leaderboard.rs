//! `open_llm_leaderboard`: the Open LLM Leaderboard, v2 contents rows and v1 results files.
//!
//! **v2**: `open-llm-leaderboard/contents` through the datasets-server `/rows` API, `length` ≤ 100
//! per page; the first page's `num_rows_total` plans the rest. Or, with `mode = "parquet"`, the
//! Hub's Parquet export of the same rows in one file (`{HF_ENDPOINT}/api/datasets/{dataset}/
//! parquet/default/train/0.parquet`, a redirect to the file; about 4.6k rows, 4 MB): one request
//! instead of ~46 pages, read by the same row code, so the values are identical. Each row's
//! `fullname` is its Hub id. The six benchmarks are stored twice: the raw accuracy ×100 as the score (`bbh`, …) and
//! the board's chance-corrected value as `<benchmark>_normalized` (never mixed in one series).
//! `#Params (B)` (0 means unknown) and `Upload To Hub Date` become observations with the source
//! `leaderboard`.
//!
//! **v1**: a `results_<time>.json` of one model: ARC (25-shot, acc_norm), HellaSwag (10,
//! acc_norm), MMLU (5, mean acc of the 57 hendrycksTest tasks), TruthfulQA (0, mc2), Winogrande
//! (5, acc), GSM8K (5, acc), DROP (3, f1) when present.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use url::form_urlencoded;

use super::hub_parquet;
use super::{
    Attribution, DateFact, DatePrecision, DateSource, ParamsFact, ParamsSource, ParseOutput, PlanContext, Source,
};
use crate::fetch::settings::hf_endpoint;
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::front_matter::as_percent;
use crate::parse::ids::check_model_id;
use crate::tables::codes::Evaluator;
use crate::tables::rows::{ModelRow, RejectRow, ScoreRow};

/// The `open_llm_leaderboard` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenLlmLeaderboardConfig {
    /// How v2 rows are read: `rows` (datasets-server `/rows` pages, the default) or `parquet`
    /// (the Hub's Parquet export: one file).
    #[serde(default)]
    pub mode: Mode,
    /// datasets-server endpoint (`mode = "rows"`).
    #[serde(default = "default_datasets_server")]
    pub endpoint: String,
    /// The Hub endpoint the Parquet export is read from (`mode = "parquet"`): pinned here, else
    /// `HF_ENDPOINT`, else the real Hub.
    pub hub_endpoint: Option<String>,
    /// The v2 contents dataset.
    #[serde(default = "default_oll_dataset")]
    pub dataset: String,
    /// Rows per page (the API allows at most 100).
    #[serde(default = "default_oll_page")]
    pub page_size: u32,
    /// Stop after this many rows (all when absent).
    pub max_rows: Option<u64>,
    /// v1 results files (`results_<time>.json` of `open-llm-leaderboard/details_<org>__<model>`).
    #[serde(default)]
    pub v1_results: Vec<V1Result>,
}

/// How the v2 contents rows are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// datasets-server `/rows` pages of at most 100 rows.
    #[default]
    Rows,
    /// The Hub's Parquet export of the dataset, one file.
    Parquet,
}

/// One v1 results file and the model it scores.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct V1Result {
    /// The Hub id of the model evaluated.
    pub model_id: String,
    /// URL of the results JSON.
    pub url: String,
}

fn default_datasets_server() -> String {
    "https://datasets-server.huggingface.co".to_owned()
}

fn default_oll_dataset() -> String {
    "open-llm-leaderboard/contents".to_owned()
}

fn default_oll_page() -> u32 {
    100
}

/// The source kind.
pub const KIND: &str = "open_llm_leaderboard";

/// v2 columns: (raw column, normalised column, canonical benchmark, shots).
const V2: &[(&str, &str, &str, i32)] = &[
    ("IFEval Raw", "IFEval", "ifeval", 0),
    ("BBH Raw", "BBH", "bbh", 3),
    ("MATH Lvl 5 Raw", "MATH Lvl 5", "math_lvl5", 4),
    ("GPQA Raw", "GPQA", "gpqa", 0),
    ("MUSR Raw", "MUSR", "musr", 0),
    ("MMLU-PRO Raw", "MMLU-PRO", "mmlu_pro", 5),
];

/// The built source.
pub struct OpenLlmLeaderboard {
    config: OpenLlmLeaderboardConfig,
    /// The Hub endpoint, resolved once (`HF_ENDPOINT` is read when the source is built).
    hub: String,
}

impl OpenLlmLeaderboard {
    /// Builds the source.
    pub fn new(config: OpenLlmLeaderboardConfig) -> Self {
        let hub = hf_endpoint(config.hub_endpoint.as_deref());
        OpenLlmLeaderboard { config, hub }
    }

    /// The Hub's Parquet export of the contents dataset (it redirects to the file).
    fn parquet_url(&self) -> String {
        format!("{}/api/datasets/{}/parquet/default/train/0.parquet", self.hub, self.config.dataset)
    }

    fn parse_parquet(&self, request: &FetchRequest, body: &[u8], out: &mut ParseOutput) {
        let url = request.url.as_str();
        let rows = match hub_parquet::rows(body) {
            Ok(rows) => rows,
            Err(e) => {
                out.rejects.push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidParquet).url(url).detail(e));
                return;
            }
        };
        if rows.is_empty() {
            out.rejects.push(RejectRow::new(KIND, Stage::Parse, RejectReason::TableEmpty).url(url).detail("no rows"));
        }
        let max = self.config.max_rows.map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(usize::MAX));
        for row in rows.into_iter().take(max) {
            v2_row(&Value::Object(row), url, out);
        }
    }

    fn page(&self, offset: u64) -> FetchRequest {
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("dataset", &self.config.dataset)
            .append_pair("config", "default")
            .append_pair("split", "train")
            .append_pair("offset", &offset.to_string())
            .append_pair("length", &self.config.page_size.clamp(1, 100).to_string())
            .finish();
        let url = format!("{}/rows?{query}", self.config.endpoint.trim_end_matches('/'));
        FetchRequest {
            page: (offset / u64::from(self.config.page_size.max(1))) as u32 + 1,
            ..FetchRequest::new(url, Purpose::Board)
        }
    }

    fn parse_rows(&self, request: &FetchRequest, doc: &Value, out: &mut ParseOutput) {
        let url = request.url.as_str();
        let Some(rows) = doc.get("rows").and_then(Value::as_array) else {
            let detail = doc.get("error").and_then(Value::as_str).unwrap_or("no rows array").to_owned();
            out.rejects.push(RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape).url(url).detail(detail));
            return;
        };
        for entry in rows {
            if let Some(row) = entry.get("row") {
                v2_row(row, url, out);
            }
        }
        // The first page plans the rest, so pages are fetched in parallel under the limiter.
        if request.page == 1 {
            let total = doc.get("num_rows_total").and_then(Value::as_u64).unwrap_or(rows.len() as u64);
            let total = self.config.max_rows.map_or(total, |m| total.min(m));
            let step = u64::from(self.config.page_size.clamp(1, 100));
            let mut offset = step;
            while offset < total {
                out.follow_ups.push(self.page(offset));
                offset += step;
            }
        }
    }
}

fn score(model_id: &str, benchmark: &str, shots: i32, metric: &str, value: f64, raw: String, url: &str) -> ScoreRow {
    ScoreRow {
        model_id: model_id.to_owned(),
        benchmark: benchmark.to_owned(),
        benchmark_raw: benchmark.to_owned(),
        shots: Some(shots),
        metric: Some(metric.to_owned()),
        value,
        unit: "percent".to_owned(),
        value_raw: raw,
        source: KIND.to_owned(),
        source_detail: "open_llm_leaderboard".to_owned(),
        source_url: url.to_owned(),
        observed_on: None,
        ci_low: None,
        ci_high: None,
        used_for_density: false,
        evidence: None,
        evidence_line: None,
        // The leaderboard ran every model itself, on its fork of lm-evaluation-harness.
        evaluator: Evaluator::Independent,
        harness: Some("lm-evaluation-harness".to_owned()),
        prompt: None,
    }
}

fn v2_row(row: &Value, url: &str, out: &mut ParseOutput) {
    let Some(id) = row.get("fullname").and_then(Value::as_str) else { return };
    if let Err(why) = check_model_id(id) {
        out.rejects
            .push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidModelId).url(url).model(id).detail(why));
        return;
    }
    let observed_on =
        row.get("Submission Date").and_then(Value::as_str).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    for (raw_col, norm_col, benchmark, shots) in V2 {
        if let Some(raw) = row.get(*raw_col).and_then(Value::as_f64) {
            out.scores.push(ScoreRow {
                observed_on,
                ..score(id, benchmark, *shots, raw_col, as_percent(raw, &raw.to_string()), raw.to_string(), url)
            });
        }
        if let Some(norm) = row.get(*norm_col).and_then(Value::as_f64) {
            let name = format!("{benchmark}_normalized");
            out.scores
                .push(ScoreRow { observed_on, ..score(id, &name, *shots, norm_col, norm, norm.to_string(), url) });
        }
    }
    if let Some(b) = row.get("#Params (B)").and_then(Value::as_f64).filter(|b| *b > 0.0) {
        out.params.push(ParamsFact {
            model_id: id.to_owned(),
            total: (b * 1e9).round() as i64,
            active: None,
            source: ParamsSource::Leaderboard,
            label: None,
            is_rough: false,
            url: url.to_owned(),
            evidence: Some(format!("#Params (B): {b}")),
            against_name: false,
            over_name: false,
        });
    }
    let upload = row.get("Upload To Hub Date").and_then(Value::as_str).filter(|d| *d != "2022-03-02");
    if let Some(date) = upload.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        out.dates.push(DateFact {
            model_id: id.to_owned(),
            date,
            precision: DatePrecision::Day,
            source: DateSource::Leaderboard,
            evidence: upload.map(|d| format!("Upload To Hub Date: {d}")),
        });
    }
    let kind = row.get("Type").and_then(Value::as_str).unwrap_or("");
    out.models.push(ModelRow {
        model_id: id.to_owned(),
        author: id.split_once('/').map(|(a, _)| a.to_owned()),
        license: row.get("Hub License").and_then(Value::as_str).map(str::to_owned),
        is_moe: row.get("MoE").and_then(Value::as_bool),
        is_base: Some(kind.contains("pretrained")),
        base_model: row.get("Base Model").and_then(Value::as_str).filter(|b| *b != id).map(str::to_owned),
        hf_sha: row.get("Model sha").and_then(Value::as_str).map(str::to_owned),
        source_url: url.to_owned(),
        ..ModelRow::default()
    });
}

/// The v1 leaderboard's six benchmarks from one results file (values 0–1, stored ×100).
fn v1_results(model_id: &str, doc: &Value, url: &str, out: &mut ParseOutput) {
    // A full file nests the tasks under `results`; a bare results object (as model cards quote
    // it) has them at the top.
    let bare = doc.as_object().filter(|o| o.keys().any(|k| k.starts_with("harness|")));
    let Some(results) = doc.get("results").and_then(Value::as_object).or(bare) else {
        out.rejects.push(
            RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape)
                .url(url)
                .model(model_id)
                .detail("no results object"),
        );
        return;
    };
    let metric = |task: &str, m: &str| results.get(task).and_then(|t| t.get(m)).and_then(Value::as_f64);
    let mut push = |benchmark: &str, shots: i32, m: &str, v: Option<f64>| {
        if let Some(v) = v {
            out.scores.push(score(model_id, benchmark, shots, m, as_percent(v, &v.to_string()), v.to_string(), url));
        }
    };
    push("arc_challenge", 25, "acc_norm", metric("harness|arc:challenge|25", "acc_norm"));
    push("hellaswag", 10, "acc_norm", metric("harness|hellaswag|10", "acc_norm"));
    push("truthfulqa", 0, "mc2", metric("harness|truthfulqa:mc|0", "mc2"));
    push("winogrande", 5, "acc", metric("harness|winogrande|5", "acc"));
    push("gsm8k", 5, "acc", metric("harness|gsm8k|5", "acc"));
    push("drop", 3, "f1", metric("harness|drop|3", "f1"));
    let mmlu: Vec<f64> = results
        .iter()
        .filter(|(k, _)| k.starts_with("harness|hendrycksTest-") && k.ends_with("|5"))
        .filter_map(|(_, v)| v.get("acc").and_then(Value::as_f64))
        .collect();
    if !mmlu.is_empty() {
        push("mmlu", 5, "acc (mean of hendrycksTest)", Some(mmlu.iter().sum::<f64>() / mmlu.len() as f64));
    }
}

impl Source for OpenLlmLeaderboard {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        let v2 = match self.config.mode {
            Mode::Rows => self.page(0),
            Mode::Parquet => FetchRequest::new(self.parquet_url(), Purpose::Board),
        };
        let mut requests = vec![v2];
        let mut rejects = Vec::new();
        for v1 in &self.config.v1_results {
            match check_model_id(&v1.model_id) {
                Ok(()) => requests.push(FetchRequest {
                    model_id: Some(v1.model_id.clone()),
                    ..FetchRequest::new(v1.url.clone(), Purpose::Results)
                }),
                Err(why) => rejects.push(
                    RejectRow::new(KIND, Stage::Plan, RejectReason::InvalidModelId)
                        .url(&v1.url)
                        .model(&v1.model_id)
                        .detail(why),
                ),
            }
        }
        (requests, rejects)
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        if request.purpose == Purpose::Board && self.config.mode == Mode::Parquet {
            self.parse_parquet(request, &response.body, &mut out);
            return out;
        }
        let Some(doc) = super::json_body(KIND, request, &response.body, &mut out) else {
            return out;
        };
        match (request.purpose, request.model_id.as_deref()) {
            (Purpose::Results, Some(model_id)) => v1_results(model_id, &doc, &request.url, &mut out),
            _ => self.parse_rows(request, &doc, &mut out),
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        let v1 = self.config.v1_results.iter().filter_map(|v| Host::of_url(&v.url));
        let v2 = match self.config.mode {
            Mode::Rows => Host::of_url(&self.config.endpoint).into_iter().collect(),
            Mode::Parquet => hub_parquet::download_hosts(&self.hub),
        };
        v2.into_iter().chain(v1).collect()
    }

    fn attribution(&self) -> Option<Attribution> {
        // The dataset card states no licence (no `license:` in its metadata); the board asks to
        // be cited, so the credit is given with the licence left unasserted.
        Some(Attribution {
            source: KIND,
            credit: "Open LLM Leaderboard v2 (Fourrier, Habib, Lozovskaya, Szafer and Wolf; Hugging Face, 2024), \
                     dataset open-llm-leaderboard/contents"
                .to_owned(),
            licence: "NOASSERTION",
            url: "https://huggingface.co/datasets/open-llm-leaderboard/contents".to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    //! `parse` fed the real leaderboard captures in `fixtures/real/leaderboards`.

    use super::*;
    use crate::sources::testing::{fixture, one, parse, planned, source};

    const ROWS: &str = "leaderboards/open-llm-leaderboard_contents_rows_offset0.json";
    const V1: &str =
        "leaderboards/open-llm-leaderboard_v1_results_HenryJJ__Instruct_Mistral-7B-v0.1_Dolly15K_2024-01-04.json";
    const V1_MODEL: &str = "HenryJJ/Instruct_Mistral-7B-v0.1_Dolly15K";

    fn board() -> (Box<dyn Source>, FetchRequest, FetchRequest) {
        let src = source(&format!(
            "kind = 'open_llm_leaderboard'\nendpoint = 'http://127.0.0.1:9'\npage_size = 3\n\
             [[v1_results]]\nmodel_id = '{V1_MODEL}'\nurl = 'http://127.0.0.1:9/v1/results.json'"
        ));
        let mut requests = planned(src.as_ref());
        assert_eq!(requests.len(), 2);
        let v1 = requests.pop().unwrap();
        let rows = requests.pop().unwrap();
        (src, rows, v1)
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn v2_rows_give_raw_and_normalised_scores_params_dates_and_pages() {
        let (src, rows, _) = board();
        assert_eq!(
            rows.url,
            "http://127.0.0.1:9/rows?dataset=open-llm-leaderboard%2Fcontents&config=default&split=train&offset=0&length=3"
        );
        assert_eq!((rows.purpose, rows.page), (Purpose::Board, 1));
        let out = parse(src.as_ref(), &rows, fixture(ROWS));
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        // 8 real rows, each with the six benchmarks raw and normalised.
        assert_eq!(out.models.len(), 8);
        assert_eq!(out.scores.len(), 8 * 12);
        // The capture lacks `num_rows_total`: its 8 rows are the total, so pages at 3 and 6 follow.
        let next: Vec<(&str, u32)> = out.follow_ups.iter().map(|r| (r.url.as_str(), r.page)).collect();
        assert_eq!(
            next,
            [
                ("http://127.0.0.1:9/rows?dataset=open-llm-leaderboard%2Fcontents&config=default&split=train&offset=3&length=3", 2),
                ("http://127.0.0.1:9/rows?dataset=open-llm-leaderboard%2Fcontents&config=default&split=train&offset=6&length=3", 3),
            ]
        );

        let yi = |b: &str| one(out.scores.iter().filter(|s| s.model_id == "01-ai/Yi-1.5-34B"), b).clone();
        let bbh = yi("bbh");
        assert_eq!((bbh.value, bbh.value_raw.as_str()), (0.5976391706360018 * 100.0, "0.5976391706360018"));
        assert_eq!((bbh.shots, bbh.metric.as_deref(), bbh.unit.as_str()), (Some(3), Some("BBH Raw"), "percent"));
        assert_eq!(bbh.observed_on, date(2024, 6, 12));
        assert!(!bbh.self_reported());
        let norm = yi("bbh_normalized");
        assert_eq!((norm.value, norm.shots, norm.metric.as_deref()), (42.74936268839652, Some(3), Some("BBH")));
        assert_eq!((yi("mmlu_pro").shots, yi("math_lvl5").shots, yi("ifeval").shots), (Some(5), Some(4), Some(0)));
        assert_eq!(yi("math_lvl5").value, 0.15332326283987915 * 100.0);

        let params: Vec<(&str, i64)> = out.params.iter().map(|p| (p.model_id.as_str(), p.total)).collect();
        assert_eq!(params[0], ("0-hero/Matter-0.2-7B-DPO", 7_242_000_000));
        assert_eq!(params[1], ("01-ai/Yi-1.5-34B", 34_389_000_000));
        assert!(out.params.iter().all(|p| p.source == ParamsSource::Leaderboard));
        let upload = out.dates.iter().find(|d| d.model_id == "01-ai/Yi-1.5-34B").unwrap();
        assert_eq!((Some(upload.date), upload.source), (date(2024, 5, 11), DateSource::Leaderboard));

        let model = |id: &str| out.models.iter().find(|m| m.model_id == id).unwrap();
        let yi = model("01-ai/Yi-1.5-34B");
        assert_eq!((yi.is_base, yi.is_moe, yi.license.as_deref()), (Some(true), Some(false), Some("apache-2.0")));
        assert_eq!(yi.hf_sha.as_deref(), Some("4b486f81c935a2dadde84c6baa1e1370d40a098f"));
        assert_eq!(yi.author.as_deref(), Some("01-ai"));
        // A chat model whose `Base Model` is itself: not a base model, and no base named.
        let dpo = model("0-hero/Matter-0.2-7B-DPO");
        assert_eq!((dpo.is_base, dpo.base_model.as_deref()), (Some(false), None));
    }

    #[test]
    fn parquet_mode_reads_the_hub_export_with_the_row_code() {
        use std::sync::Arc;

        use arrow_array::{ArrayRef, Float64Array, RecordBatch, StringArray};

        let src = source("kind = 'open_llm_leaderboard'\nmode = 'parquet'\nhub_endpoint = 'http://127.0.0.1:9/'");
        let requests = planned(src.as_ref());
        assert_eq!(requests.len(), 1);
        let request = &requests[0];
        assert_eq!(
            request.url,
            "http://127.0.0.1:9/api/datasets/open-llm-leaderboard/contents/parquet/default/train/0.parquet"
        );
        assert_eq!(src.hosts().into_iter().map(String::from).collect::<Vec<_>>(), ["127.0.0.1"]);
        // The first real row's values, in the export's column names and types.
        let batch = RecordBatch::try_from_iter([
            ("fullname", Arc::new(StringArray::from(vec!["01-ai/Yi-1.5-34B"])) as ArrayRef),
            ("BBH Raw", Arc::new(Float64Array::from(vec![0.5976391706360018])) as ArrayRef),
            ("BBH", Arc::new(Float64Array::from(vec![42.74936268839652])) as ArrayRef),
            ("#Params (B)", Arc::new(Float64Array::from(vec![34.389])) as ArrayRef),
            ("Submission Date", Arc::new(StringArray::from(vec!["2024-06-12"])) as ArrayRef),
        ])
        .unwrap();
        let out = parse(src.as_ref(), request, crate::sources::hub_parquet::tests::parquet(&batch));
        assert!(out.rejects.is_empty() && out.follow_ups.is_empty(), "{:?}", out.rejects);
        let bbh = one(&out.scores, "bbh");
        assert_eq!((bbh.value, bbh.value_raw.as_str()), (0.5976391706360018 * 100.0, "0.5976391706360018"));
        assert_eq!((bbh.observed_on, bbh.evaluator), (date(2024, 6, 12), Evaluator::Independent));
        assert_eq!(one(&out.scores, "bbh_normalized").value, 42.74936268839652);
        assert_eq!(out.params[0].total, 34_389_000_000);

        // The JSON a `/rows` request would get is no Parquet file: a reject, not silence.
        let out = parse(src.as_ref(), request, fixture(ROWS));
        assert_eq!((out.rejects.len(), out.rejects[0].reason.as_str()), (1, "invalid_parquet"));
        let credit = src.attribution().unwrap();
        assert_eq!((credit.source, credit.licence), (KIND, "NOASSERTION"));
    }

    #[test]
    fn v1_results_give_the_six_benchmarks_with_their_shots() {
        let (src, _, v1) = board();
        assert_eq!((v1.purpose, v1.model_id.as_deref()), (Purpose::Results, Some(V1_MODEL)));
        let out = parse(src.as_ref(), &v1, fixture(V1));
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        let got: Vec<(&str, Option<i32>, &str, f64)> =
            out.scores.iter().map(|s| (s.benchmark.as_str(), s.shots, s.metric.as_deref().unwrap(), s.value)).collect();
        assert_eq!(
            got[..5],
            [
                ("arc_challenge", Some(25), "acc_norm", 0.5938566552901023 * 100.0),
                ("hellaswag", Some(10), "acc_norm", 0.826229834694284 * 100.0),
                ("truthfulqa", Some(0), "mc2", 0.435601924823795 * 100.0),
                ("winogrande", Some(5), "acc", 0.7932123125493291 * 100.0),
                ("gsm8k", Some(5), "acc", 0.3510235026535254 * 100.0),
            ]
        );
        // MMLU: the mean acc of the 57 hendrycksTest subjects; the file has no DROP.
        assert_eq!(got.len(), 6);
        let mmlu = one(&out.scores, "mmlu");
        assert_eq!((mmlu.shots, mmlu.metric.as_deref()), (Some(5), Some("acc (mean of hendrycksTest)")));
        assert!((mmlu.value - 62.70912065241925).abs() < 1e-9, "{}", mmlu.value);
        assert!(out.scores.iter().all(|s| s.model_id == V1_MODEL && s.source_url == v1.url));
        assert!(out.models.is_empty() && out.params.is_empty());
    }

    #[test]
    fn a_body_of_the_other_kind_is_a_reject_not_silence() {
        let (src, rows, v1) = board();
        let out = parse(src.as_ref(), &rows, fixture(V1));
        assert!(out.scores.is_empty());
        let r = &out.rejects[..];
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].reason.as_str(), r[0].detail.as_deref()), ("unexpected_shape", Some("no rows array")));

        let out = parse(src.as_ref(), &v1, fixture(ROWS));
        assert!(out.scores.is_empty());
        let r = &out.rejects[..];
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].reason.as_str(), r[0].model_id.as_deref()), ("unexpected_shape", Some(V1_MODEL)));
        assert_eq!(r[0].detail.as_deref(), Some("no results object"));

        let out = parse(src.as_ref(), &rows, fixture("leaderboards/open-llm-leaderboard_v2_gradio_export_head40.csv"));
        assert_eq!(out.rejects.len(), 1);
        assert_eq!(out.rejects[0].reason, "invalid_json");
    }
}
