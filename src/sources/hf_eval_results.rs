//! `hf_eval_results`: the Hub's eval results. Model repos keep them in `.eval_results/*.yaml`; the
//! Hub serves them per model (`/api/models/{id}?expand[]=evalResults`) and gathers them into the
//! leaderboard of each official benchmark dataset (`/api/datasets?filter=benchmark:official`,
//! then `/api/datasets/{id}/leaderboard`).
//!
//! # The shape relied on
//! An entry (hub-docs `eval-results.md`, huggingface_hub's `parse_eval_result_entries`, which
//! also accepts it wrapped as `{"data": entry}`): `{dataset: {id, task_id, revision?}, value,
//! verifyToken?, date?, source?: {url, name?, user?, org?}, notes?}`. A leaderboard entry:
//! `{rank, modelId, value, verified, source?, …}` (also `model_id`, `task_id`/`taskId` when
//! given). Values are written as the submitter chose: `0.412` or `41.2`. Whether they are
//! fractions is decided once per response, never per value: all at most 1 (two or more) are
//! fractions (×100), all above 1 percent; in a response that mixes both, a value at most 1
//! cannot be told from a percent and is an `ambiguous_unit` reject.
//!
//! # Who evaluated (`evaluator`)
//! - **independent**: verified (a valid `verifyToken`, `verified: true`): the run was made on HF
//!   Jobs with the benchmark's own `eval.yaml` protocol (inspect-ai), whoever launched it, so the
//!   protocol is the benchmark's, not the model authors' (the submitter is in `evidence`);
//! - **self**: unverified, with no source, a source in the model's own org/user, or a source link
//!   to the model's own page (a model card transcribed);
//! - **community**: unverified, from a source naming someone else.

use serde::Deserialize;
use serde_json::Value;

use super::{ParseOutput, PlanContext, Source};
use crate::fetch::settings::hf_endpoint;
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::benchmarks::resolve;
use crate::parse::front_matter::as_percent;
use crate::parse::ids::check_model_id;
use crate::parse::json::{str_field, type_name};
use crate::parse::link::next_link;
use crate::tables::codes::Evaluator;
use crate::tables::rows::{ModelRow, RejectRow, ScoreRow};

/// The `hf_eval_results` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HfEvalResultsConfig {
    /// Pin the endpoint; when absent, `HF_ENDPOINT` or `https://huggingface.co` is used.
    pub endpoint: Option<String>,
    /// Models whose `evalResults` are fetched (`/api/models/{id}?expand[]=evalResults`).
    #[serde(default)]
    pub models: Vec<String>,
    /// Also fetch the `evalResults` of every model other sources found (one request each).
    #[serde(default)]
    pub follow_models: bool,
    /// Read the leaderboards of the official benchmark datasets.
    #[serde(default = "yes")]
    pub leaderboards: bool,
    /// Pages of the benchmark list followed through its `Link` cursor.
    #[serde(default = "default_pages")]
    pub max_pages: u32,
}

fn yes() -> bool {
    true
}

fn default_pages() -> u32 {
    4
}

/// The source kind.
pub const KIND: &str = "hf_eval_results";

/// Benchmark datasets (and tasks) whose canonical name the alias table does not give.
const DATASETS: &[(&str, &str)] =
    &[("Idavidrein/gpqa", "gpqa"), ("TIGER-Lab/MMLU-Pro", "mmlu_pro"), ("openai/gsm8k", "gsm8k")];

/// The built source.
pub struct HfEvalResults {
    config: HfEvalResultsConfig,
    endpoint: String,
}

impl HfEvalResults {
    /// Builds the source, resolving the endpoint (pinned, `HF_ENDPOINT`, or the default).
    pub fn new(config: HfEvalResultsConfig) -> Self {
        let endpoint = hf_endpoint(config.endpoint.as_deref());
        HfEvalResults { config, endpoint }
    }

    fn model_requests<'a>(&self, ids: impl Iterator<Item = &'a str>) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        super::per_model(KIND, ids, |id| FetchRequest {
            model_id: Some(id.to_owned()),
            ..FetchRequest::new(format!("{}/api/models/{id}?expand%5B%5D=evalResults", self.endpoint), Purpose::Results)
        })
    }
}

impl Source for HfEvalResults {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        let models = ctx.only_models.as_ref().unwrap_or(&self.config.models);
        let (mut requests, rejects) = self.model_requests(models.iter().map(String::as_str));
        if self.config.leaderboards && ctx.only_models.is_none() {
            let url = format!("{}/api/datasets?filter=benchmark%3Aofficial&limit=1000", self.endpoint);
            requests.push(FetchRequest {
                page: 1,
                max_pages: self.config.max_pages,
                ..FetchRequest::new(url, Purpose::Board)
            });
        }
        (requests, rejects)
    }

    fn plan_more(&self, _ctx: &PlanContext, seen: &[&ModelRow]) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        if !self.config.follow_models {
            return (Vec::new(), Vec::new());
        }
        // Repeats of planned URLs are dropped by the driver.
        self.model_requests(seen.iter().map(|m| m.model_id.as_str()))
    }

    fn follows(&self, _model: &ModelRow) -> bool {
        self.config.follow_models
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let Some(doc) = super::json_body(KIND, request, &response.body, &mut out) else {
            return out;
        };
        let shape = |what: &str, got: &Value| {
            RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape)
                .request(request)
                .detail(format!("expected {what}, got {}", type_name(got)))
        };
        match (request.purpose, request.hint.as_deref(), &doc) {
            (Purpose::Results, _, Value::Object(_)) => {
                let items = doc.get("evalResults").and_then(Value::as_array);
                let unit = Unit::of(items.into_iter().flatten().map(|i| i.get("data").unwrap_or(i)));
                let model = str_field(&doc, "id").or_else(|| request.model_id.clone()).unwrap_or_default();
                for item in doc.get("evalResults").and_then(Value::as_array).into_iter().flatten() {
                    let entry = item.get("data").unwrap_or(item);
                    let dataset = entry.get("dataset").unwrap_or(&Value::Null);
                    let verified = entry.get("verifyToken").is_some_and(|t| t.as_str().is_some_and(|t| !t.is_empty()));
                    let task = str_field(dataset, "task_id");
                    score(
                        &model,
                        str_field(dataset, "id").as_deref(),
                        task.as_deref(),
                        entry,
                        verified,
                        ("model_eval_results", unit),
                        url,
                        &mut out,
                    );
                }
            }
            (Purpose::Board, None, Value::Array(datasets)) => {
                for id in datasets.iter().filter_map(|d| str_field(d, "id")) {
                    let board = format!("{}/api/datasets/{id}/leaderboard", self.endpoint);
                    out.follow_ups.push(FetchRequest { hint: Some(id), ..FetchRequest::new(board, Purpose::Board) });
                }
                let next = response.record.link.as_deref().and_then(next_link);
                if let Some(next) = next.filter(|_| request.page < request.max_pages) {
                    out.follow_ups.push(FetchRequest { url: next, page: request.page + 1, ..request.clone() });
                }
            }
            (Purpose::Board, Some(dataset), _) => {
                let entries = doc.as_array().or_else(|| doc.get("leaderboard").and_then(Value::as_array));
                let Some(entries) = entries else {
                    out.rejects.push(shape("a JSON array of leaderboard entries", &doc));
                    return out;
                };
                let unit = Unit::of(entries.iter());
                for e in entries {
                    let model = str_field(e, "modelId").or_else(|| str_field(e, "model_id")).unwrap_or_default();
                    let task = str_field(e, "task_id").or_else(|| str_field(e, "taskId"));
                    let verified = e.get("verified").and_then(Value::as_bool).unwrap_or(false);
                    score(&model, Some(dataset), task.as_deref(), e, verified, ("leaderboard", unit), url, &mut out);
                }
            }
            (_, _, other) => out.rejects.push(shape("a JSON object or array", other)),
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        Host::of_url(&self.endpoint).into_iter().collect()
    }
}

/// How one response writes its values (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Fraction,
    Percent,
    Mixed,
}

impl Unit {
    fn of<'a>(entries: impl Iterator<Item = &'a Value>) -> Unit {
        let values: Vec<f64> = entries.filter_map(entry_value).collect();
        if values.len() >= 2 && values.iter().all(|v| (0.0..=1.0).contains(v)) {
            Unit::Fraction
        } else if values.iter().all(|v| *v > 1.0) {
            Unit::Percent
        } else {
            Unit::Mixed
        }
    }
}

fn entry_value(e: &Value) -> Option<f64> {
    e.get("value").and_then(|v| v.as_f64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())))
}

/// One entry (a model's or a leaderboard's) as a score, or a reject.
#[allow(clippy::too_many_arguments)]
fn score(
    model: &str,
    dataset: Option<&str>,
    task: Option<&str>,
    e: &Value,
    verified: bool,
    (detail, unit): (&str, Unit),
    url: &str,
    out: &mut ParseOutput,
) {
    let reject = |reason: RejectReason, why: String| {
        RejectRow::new(KIND, Stage::Parse, reason).url(url).model(model).detail(why)
    };
    if let Err(why) = check_model_id(model) {
        out.rejects.push(reject(RejectReason::InvalidModelId, why));
        return;
    }
    let value = entry_value(e);
    let (Some(dataset), Some(value)) = (dataset, value) else {
        out.rejects.push(reject(
            RejectReason::ModelIndexIncomplete,
            format!("entry without a dataset or a numeric value: {e}"),
        ));
        return;
    };
    let source = e.get("source").filter(|s| s.is_object());
    let (source_url, user, org) = match source {
        Some(s) => (str_field(s, "url"), str_field(s, "user"), str_field(s, "org")),
        None => (None, None, None),
    };
    let evaluator = evaluator_of(model, verified, source_url.as_deref(), user.as_deref(), org.as_deref());
    let task_name = task.filter(|t| *t != "default");
    let benchmark = DATASETS.iter().find(|(d, _)| *d == dataset).map(|(_, b)| (*b).to_owned()).unwrap_or_else(|| {
        let by_task = task_name.map(resolve).filter(|b| b.is_known);
        let name = dataset.rsplit('/').next().unwrap_or(dataset);
        by_task.unwrap_or_else(|| resolve(task_name.unwrap_or(name))).canonical
    });
    let by = [org.as_deref(), user.as_deref()].into_iter().flatten().next();
    let mut evidence = vec![format!("{dataset} {}", task.unwrap_or("default"))];
    evidence.extend(verified.then(|| "verified".to_owned()));
    evidence.extend(by.map(|b| format!("by {b}")));
    evidence.extend(source_url.map(|u| format!("source {u}")));
    evidence.extend(str_field(e, "notes").map(|n| format!("notes {n}")));
    let fraction = match unit {
        Unit::Fraction => true,
        Unit::Percent => false,
        Unit::Mixed if value > 1.0 => false,
        Unit::Mixed => {
            let why = format!("{dataset} = {value}: a fraction or a percent? the response has both or only this value");
            out.rejects.push(reject(RejectReason::AmbiguousUnit, why));
            return;
        }
    };
    let value = if fraction { as_percent(value, &value.to_string()) } else { value };
    let benchmark_raw = format!("{dataset}/{}", task.unwrap_or("default"));
    out.scores.push(ScoreRow {
        model_id: model.to_owned(),
        unit: crate::parse::benchmarks::card_unit(&benchmark, value, &benchmark_raw).to_owned(),
        benchmark,
        benchmark_raw,
        shots: None,
        metric: None,
        value,
        value_raw: e.get("value").map(|v| v.to_string().trim_matches('"').to_owned()).unwrap_or_default(),
        source: KIND.to_owned(),
        source_detail: detail.to_owned(),
        source_url: url.to_owned(),
        observed_on: str_field(e, "date").and_then(|d| d.get(..10).and_then(|d| d.parse().ok())),
        ci_low: None,
        ci_high: None,
        used_for_density: false,
        evidence: Some(crate::parse::tables::clip(&evidence.join("; "))),
        evidence_line: None,
        evaluator,
        harness: verified.then(|| "inspect_ai".to_owned()),
        prompt: None,
    });
}

/// Who evaluated an entry of `model` (see the module docs).
pub fn evaluator_of(
    model: &str,
    verified: bool,
    url: Option<&str>,
    user: Option<&str>,
    org: Option<&str>,
) -> Evaluator {
    let owner = model.split('/').next().unwrap_or(model).to_lowercase();
    let same = |who: Option<&str>| who.is_some_and(|w| w.to_lowercase() == owner);
    let own_page = url.is_some_and(|u| {
        u.trim_end_matches('/').to_lowercase().ends_with(&format!("huggingface.co/{}", model.to_lowercase()))
    });
    if verified {
        Evaluator::Independent
    } else if (url.is_none() && user.is_none() && org.is_none()) || same(org) || same(user) || own_page {
        Evaluator::SelfReported
    } else {
        Evaluator::Community
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::testing::{parse, planned, source};

    #[test]
    fn who_evaluated() {
        let m = "arcee-ai/Trinity-Large-Preview";
        assert_eq!(evaluator_of(m, true, None, Some("arcee-ai"), None), Evaluator::Independent);
        assert_eq!(evaluator_of(m, false, None, None, None), Evaluator::SelfReported);
        assert_eq!(
            evaluator_of(m, false, Some("https://huggingface.co/arcee-ai/Trinity-Large-Preview"), None, None),
            Evaluator::SelfReported
        );
        assert_eq!(evaluator_of(m, false, Some("https://x.org/logs"), None, Some("Arcee-AI")), Evaluator::SelfReported);
        assert_eq!(
            evaluator_of(m, false, Some("https://huggingface.co/spaces/SaylorTwift/evals"), Some("SaylorTwift"), None),
            Evaluator::Community
        );
    }

    #[test]
    fn model_entries_and_a_leaderboard() {
        let src = source(
            "kind = 'hf_eval_results'\nendpoint = 'https://hub.example'\nmodels = ['arcee-ai/Trinity-Large-Preview']",
        );
        let requests = planned(src.as_ref());
        assert_eq!(
            requests[0].url,
            "https://hub.example/api/models/arcee-ai/Trinity-Large-Preview?expand%5B%5D=evalResults"
        );
        assert_eq!(requests[1].url, "https://hub.example/api/datasets?filter=benchmark%3Aofficial&limit=1000");
        let model = r#"{"_id": "x", "id": "arcee-ai/Trinity-Large-Preview", "evalResults": [
            {"dataset": {"id": "Idavidrein/gpqa", "task_id": "gpqa_diamond"}, "value": 63.3, "date": "2026-02-03",
             "source": {"url": "https://huggingface.co/arcee-ai/Trinity-Large-Preview", "name": "Model Card"}},
            {"data": {"dataset": {"id": "cais/hle", "task_id": "default"}, "value": 0.052, "verifyToken": "eyJ.x.y",
             "source": {"url": "https://huggingface.co/datasets/someone/hle-traces", "user": "someone"}}}]}"#;
        let out = parse(src.as_ref(), &requests[0], model.as_bytes().to_vec());
        // 63.3 is a percent; beside it 0.052 may be 0.052% or 5.2%: not guessed.
        let reasons: Vec<&str> = out.rejects.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(reasons, ["ambiguous_unit"]);
        let fractions = model.replace("63.3", "0.633");
        let both = parse(src.as_ref(), &requests[0], fractions.into_bytes());
        assert!(both.rejects.is_empty(), "{:?}", both.rejects);
        let values: Vec<f64> = both.scores.iter().map(|s| s.value).collect();
        assert_eq!(values, [0.633 * 100.0, 0.052 * 100.0], "every value of the response a fraction");
        let got: Vec<_> = out
            .scores
            .iter()
            .map(|s| (s.benchmark.as_str(), s.value, s.evaluator, s.observed_on.map(|d| d.to_string())))
            .collect();
        assert_eq!(got, [("gpqa", 63.3, Evaluator::SelfReported, Some("2026-02-03".into()))]);
        assert_eq!(
            both.scores[1].evidence.as_deref(),
            Some("cais/hle default; verified; by someone; source https://huggingface.co/datasets/someone/hle-traces")
        );

        let list = r#"[{"id": "cais/hle", "tags": ["benchmark:official"]}, {"id": "Idavidrein/gpqa"}]"#;
        let out = parse(src.as_ref(), &requests[1], list.as_bytes().to_vec());
        let boards: Vec<_> = out.follow_ups.iter().map(|r| (r.url.as_str(), r.hint.as_deref())).collect();
        assert_eq!(boards[0], ("https://hub.example/api/datasets/cais/hle/leaderboard", Some("cais/hle")));
        let board = r#"[{"rank": 1, "modelId": "Qwen/Qwen3-235B-A22B", "value": 11.2, "verified": false, "source": {"url": "https://x.org", "org": "Qwen"}},
            {"rank": 2, "modelId": "not a model", "value": 3.0, "verified": true}]"#;
        let out = parse(src.as_ref(), &out.follow_ups[0], board.as_bytes().to_vec());
        assert_eq!(
            (out.scores[0].model_id.as_str(), out.scores[0].evaluator, out.scores[0].source_detail.as_str()),
            ("Qwen/Qwen3-235B-A22B", Evaluator::SelfReported, "leaderboard")
        );
        assert_eq!(out.rejects[0].reason, "invalid_model_id");
        assert_eq!(out.scores[0].unit, "percent");
        // An Elo on a board is on its own scale, no percent.
        let elo = board.replace("11.2", "1265.4");
        let out = parse(src.as_ref(), &requests[1], list.as_bytes().to_vec());
        let out = parse(src.as_ref(), &out.follow_ups[0], elo.into_bytes());
        assert_eq!((out.scores[0].value, out.scores[0].unit.as_str()), (1265.4, "raw"));
    }
}
