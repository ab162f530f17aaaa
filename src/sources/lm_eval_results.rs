//! `lm_eval_results`: the results files lm-evaluation-harness writes (`lm_eval --output_path`:
//! `results_<timestamp>.json`), from local paths (read as archived `file://` URLs, as `curated`)
//! or URLs. A lab that runs many models under one protocol brings its own runs this way.
//!
//! # The shape relied on
//! 0.4: `results: {task: {"alias": …, "acc,none": 0.71, "acc_stderr,none": 0.01, …}}` (keys are
//! `metric,filter`), `groups`, `group_subtasks: {group: [task, …]}`, `n-shot: {task: 5}`,
//! `versions`, `configs: {task: {num_fewshot, …}}`, `config: {model, model_args, …}` (`model_args`
//! a string `pretrained=org/name,dtype=…` or an object), `model_name`, `date` (Unix seconds).
//! 0.3: `results: {task: {"acc": …, "acc_stderr": …}}`, `config.num_fewshot`, no filters.
//!
//! # What becomes a score
//! One score per task, by its primary metric (the first of [`METRICS`] it has, filter `none` or
//! `strict-match` first; the others stay in the archived file), ×100 as percent. Subtasks of a
//! group the file also scores (MMLU's 57) are left for the group. The model is the configured
//! `model_id`, else `model_args`' `pretrained=` when it is a Hub id, else `model_name`; a file
//! naming no Hub id is rejected. Harness `lm-evaluation-harness`; evaluator from the config.

use std::path::PathBuf;

use chrono::DateTime;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::benchmarks::resolve;
use crate::parse::front_matter::as_percent;
use crate::parse::ids::check_model_id;
use crate::tables::codes::Evaluator;
use crate::tables::rows::{RejectRow, ScoreRow};

/// The `lm_eval_results` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LmEvalResultsConfig {
    /// Who ran them, in `scores.source_detail` (e.g. the lab's name).
    #[serde(default = "default_name")]
    pub name: String,
    /// Local results files, relative to the pipeline file.
    #[serde(default)]
    pub paths: Vec<PathBuf>,
    /// Results files by URL.
    #[serde(default)]
    pub urls: Vec<String>,
    /// The Hub id every file scores, when the files do not name it (a local checkpoint path).
    pub model_id: Option<String>,
    /// Who evaluated: `independent` (default: one party running its protocol for every model),
    /// `self` (the model's authors) or `community`.
    #[serde(default = "default_evaluator")]
    pub evaluator: Evaluator,
}

fn default_name() -> String {
    "lm_eval".to_owned()
}

fn default_evaluator() -> Evaluator {
    Evaluator::Independent
}

/// The source kind.
pub const KIND: &str = "lm_eval_results";

/// Primary metrics, in order of preference (the Open LLM Leaderboard's choices first).
pub const METRICS: &[&str] =
    &["acc_norm", "acc", "exact_match", "prompt_level_strict_acc", "mc2", "f1", "em", "pass@1", "bleu"];

/// The built source.
pub struct LmEvalResults {
    config: LmEvalResultsConfig,
}

impl LmEvalResults {
    /// Builds the source.
    pub fn new(config: LmEvalResultsConfig) -> Self {
        LmEvalResults { config }
    }
}

impl Source for LmEvalResults {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        let files = self.config.paths.iter().map(|p| {
            let path = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            format!("file://{}", path.display())
        });
        let requests = files.chain(self.config.urls.iter().cloned()).map(|u| FetchRequest::new(u, Purpose::Results));
        let mut rejects = Vec::new();
        if let Some(Err(why)) = self.config.model_id.as_deref().map(check_model_id) {
            rejects.push(RejectRow::new(KIND, Stage::Plan, RejectReason::InvalidModelId).detail(why));
        }
        if !rejects.is_empty() {
            return (Vec::new(), rejects);
        }
        (requests.collect(), rejects)
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let reject =
            |reason: RejectReason, detail: String| RejectRow::new(KIND, Stage::Parse, reason).url(url).detail(detail);
        let doc: Value = match serde_json::from_slice(&response.body) {
            Ok(v) => v,
            Err(e) => {
                out.rejects.push(reject(RejectReason::InvalidJson, e.to_string()));
                return out;
            }
        };
        let Some(results) = doc.get("results").and_then(Value::as_object) else {
            out.rejects.push(reject(RejectReason::UnexpectedShape, "no results object".into()));
            return out;
        };
        let Some(model_id) = self.config.model_id.clone().or_else(|| model_of(&doc)) else {
            let args = doc.pointer("/config/model_args").map(Value::to_string).unwrap_or_default();
            out.rejects
                .push(reject(RejectReason::InvalidModelId, format!("no Hub id in model_args {args} or model_name")));
            return out;
        };
        let evaluator = self.config.evaluator;
        let observed_on = doc
            .get("date")
            .and_then(Value::as_f64)
            .and_then(|t| DateTime::from_timestamp(t as i64, 0))
            .map(|t| t.date_naive());
        let covered = covered_subtasks(&doc, results);
        for (task, metrics) in results {
            let Some(metrics) = metrics.as_object().filter(|_| !covered.contains(&task.as_str())) else { continue };
            let Some((key, value)) = primary(metrics) else { continue };
            let stderr_key = match key.split_once(',') {
                Some((m, f)) => format!("{m}_stderr,{f}"),
                None => format!("{key}_stderr"),
            };
            let stderr =
                metrics.get(&stderr_key).and_then(Value::as_f64).map(|s| format!(" ± {s}")).unwrap_or_default();
            let version = doc.pointer(&format!("/versions/{}", task.replace('~', "~0").replace('/', "~1")));
            let version =
                version.map(|v| format!(" (version {})", v.to_string().trim_matches('"'))).unwrap_or_default();
            let benchmark = resolve(task);
            out.scores.push(ScoreRow {
                model_id: model_id.clone(),
                benchmark: benchmark.canonical,
                benchmark_raw: task.clone(),
                shots: shots(&doc, task),
                metric: Some(key.clone()),
                value: as_percent(value, &value.to_string()),
                unit: "percent".to_owned(),
                value_raw: value.to_string(),
                source: KIND.to_owned(),
                source_detail: self.config.name.clone(),
                source_url: url.to_owned(),
                observed_on,
                ci_low: None,
                ci_high: None,
                used_for_density: false,
                evidence: Some(crate::parse::tables::clip(&format!("{task} {key} = {value}{stderr}{version}"))),
                evidence_line: None,
                evaluator,
                harness: Some("lm-evaluation-harness".to_owned()),
                prompt: None,
            });
        }
        if out.scores.is_empty() {
            out.rejects
                .push(reject(RejectReason::TableEmpty, "results hold no task with a score".into()).model(&model_id));
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        self.config.urls.iter().filter_map(|u| Host::of_url(u)).collect()
    }
}

/// The Hub id the run evaluated: `pretrained=` of `model_args`, else `model_name`.
fn model_of(doc: &Value) -> Option<String> {
    let pretrained = match doc.pointer("/config/model_args") {
        Some(Value::String(args)) => {
            args.split(',').find_map(|kv| kv.trim().strip_prefix("pretrained=")).map(str::to_owned)
        }
        Some(Value::Object(args)) => args.get("pretrained").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    let is_hub_id = |id: &String| id.split('/').count() == 2 && check_model_id(id).is_ok();
    pretrained
        .filter(is_hub_id)
        .or_else(|| doc.get("model_name").and_then(Value::as_str).map(str::to_owned).filter(is_hub_id))
}

/// Tasks scored through a group that the file scores too (the group's value stands for them).
fn covered_subtasks<'a>(doc: &'a Value, results: &Map<String, Value>) -> Vec<&'a str> {
    let Some(groups) = doc.get("group_subtasks").and_then(Value::as_object) else { return Vec::new() };
    groups
        .iter()
        .filter(|(group, subtasks)| results.contains_key(*group) && subtasks.as_array().is_some_and(|s| !s.is_empty()))
        .flat_map(|(_, subtasks)| subtasks.as_array().into_iter().flatten().filter_map(Value::as_str))
        .collect()
}

/// The task's primary metric key and value: by [`METRICS`], filter `none`/`strict-match` first.
fn primary(metrics: &Map<String, Value>) -> Option<(String, f64)> {
    let numeric = |k: &String| metrics.get(k).and_then(Value::as_f64).map(|v| (k.clone(), v));
    for metric in METRICS {
        let mut keys: Vec<&String> = metrics.keys().filter(|k| k.split(',').next() == Some(*metric)).collect();
        keys.sort_by_key(|k| match k.split_once(',').map(|(_, f)| f) {
            None | Some("none") => 0,
            Some("strict-match") => 1,
            Some(_) => 2,
        });
        if let Some(found) = keys.into_iter().find_map(numeric) {
            return Some(found);
        }
    }
    None
}

/// Shots: 0.4's `n-shot`, else the task's config, else 0.3's run-wide `num_fewshot`.
fn shots(doc: &Value, task: &str) -> Option<i32> {
    let key = task.replace('~', "~0").replace('/', "~1");
    [format!("/n-shot/{key}"), format!("/configs/{key}/num_fewshot"), "/config/num_fewshot".to_owned()]
        .iter()
        .find_map(|p| doc.pointer(p).and_then(Value::as_i64))
        .map(|n| n as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::testing::{parse, planned, source};

    /// An lm-eval 0.4 results file in the shape `--output_path` writes (values made up).
    pub(crate) const V04: &str = r#"{
      "results": {
        "arc_challenge": {"alias": "arc_challenge", "acc,none": 0.5247, "acc_stderr,none": 0.0146, "acc_norm,none": 0.5538, "acc_norm_stderr,none": 0.0145},
        "gsm8k": {"alias": "gsm8k", "exact_match,strict-match": 0.3753, "exact_match_stderr,strict-match": 0.0133, "exact_match,flexible-extract": 0.3813, "exact_match_stderr,flexible-extract": 0.0134},
        "mmlu": {"acc,none": 0.6235, "acc_stderr,none": 0.0038, "alias": "mmlu"},
        "mmlu_abstract_algebra": {"alias": "  - abstract_algebra", "acc,none": 0.31, "acc_stderr,none": 0.0465}
      },
      "groups": {"mmlu": {"acc,none": 0.6235, "acc_stderr,none": 0.0038, "alias": "mmlu"}},
      "group_subtasks": {"mmlu": ["mmlu_abstract_algebra"], "arc_challenge": [], "gsm8k": []},
      "configs": {"arc_challenge": {"task": "arc_challenge", "num_fewshot": 25}},
      "versions": {"arc_challenge": 1.0, "gsm8k": 3.0, "mmlu": 2, "mmlu_abstract_algebra": 1.0},
      "n-shot": {"gsm8k": 5, "mmlu_abstract_algebra": 5},
      "config": {"model": "hf", "model_args": "pretrained=mistralai/Mistral-7B-v0.1,dtype=bfloat16", "batch_size": "auto"},
      "git_hash": "4600d6b",
      "date": 1718000000.123,
      "model_name": "mistralai/Mistral-7B-v0.1"
    }"#;

    #[test]
    fn one_primary_metric_per_task_and_groups_for_their_subtasks() {
        let src = source("kind = 'lm_eval_results'\nurls = ['https://lab.example/results_2024-06-10T06-13-20.json']");
        let requests = planned(src.as_ref());
        let out = parse(src.as_ref(), &requests[0], V04.as_bytes().to_vec());
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        let got: Vec<_> =
            out.scores.iter().map(|s| (s.benchmark.as_str(), s.metric.as_deref().unwrap(), s.shots, s.value)).collect();
        assert_eq!(
            got,
            [
                // 0.5538 is 55.38, not the 55.379999999999995 of multiplying by 100 in binary.
                ("arc_challenge", "acc_norm,none", Some(25), 55.38),
                ("gsm8k", "exact_match,strict-match", Some(5), 37.53),
                ("mmlu", "acc,none", None, 62.35),
            ]
        );
        let s = &out.scores[0];
        assert_eq!(
            (s.model_id.as_str(), s.evaluator, s.harness.as_deref()),
            ("mistralai/Mistral-7B-v0.1", Evaluator::Independent, Some("lm-evaluation-harness"))
        );
        assert_eq!(s.evidence.as_deref(), Some("arc_challenge acc_norm,none = 0.5538 ± 0.0145 (version 1.0)"));
        assert_eq!(s.observed_on, chrono::NaiveDate::from_ymd_opt(2024, 6, 10));
        assert_eq!(s.source_detail, "lm_eval");
    }

    #[test]
    fn old_keys_a_local_checkpoint_and_the_model_id_override() {
        let v03 = r#"{"results": {"hellaswag": {"acc": 0.6129, "acc_stderr": 0.0049, "acc_norm": 0.8109, "acc_norm_stderr": 0.0039}},
            "versions": {"hellaswag": 0}, "config": {"model": "hf-causal", "model_args": "pretrained=/data/ckpt/step-1000", "num_fewshot": 10}}"#;
        let src = source("kind = 'lm_eval_results'\nurls = ['https://lab.example/r.json']\nevaluator = 'self'");
        let out = parse(src.as_ref(), &planned(src.as_ref())[0], v03.as_bytes().to_vec());
        assert!(out.scores.is_empty());
        assert_eq!(out.rejects[0].reason, "invalid_model_id");
        let src = source("kind = 'lm_eval_results'\nurls = ['https://lab.example/r.json']\nevaluator = 'self'\nmodel_id = 'org/ckpt'");
        let out = parse(src.as_ref(), &planned(src.as_ref())[0], v03.as_bytes().to_vec());
        let s = &out.scores[0];
        assert_eq!(
            (s.model_id.as_str(), s.benchmark.as_str(), s.shots, s.metric.as_deref()),
            ("org/ckpt", "hellaswag", Some(10), Some("acc_norm"))
        );
        assert!(s.self_reported() && s.evaluator == Evaluator::SelfReported);
        // A code outside the list is an error of the pipeline file, before anything runs.
        let bad = toml::from_str::<crate::sources::SourceConfig>(
            "kind = 'lm_eval_results'\nurls = ['https://lab.example/r.json']\nevaluator = 'lab'",
        );
        assert!(bad.unwrap_err().to_string().contains("unknown variant `lab`"));
    }
}
