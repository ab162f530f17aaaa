//! `hf_files`: model cards and configs, `/{id}/resolve/main/{file}`.
//!
//! Planned for every model another source has observed (after each wave) that the selection
//! keeps (`pipeline_tags`, `min_downloads`, `base_models_only`), fetched only when the
//! model's `sha` changed since the archive's copy (the fetcher reuses an archived file of the same
//! revision without a request). A model named by id whose Hub API call failed is planned too: its
//! card, when served, still gives its row and facts. Parsing:
//! - `README.md`: front matter `model-index` scores, the model's own rows/columns of the body's
//!   tables, a size in the prose, a stated release date;
//! - `config.json`: a parameter estimate (total, and active for MoE); when the architecture is
//!   not one we estimate, `model.safetensors.index.json` is asked for instead;
//! - `model.safetensors.index.json`: `total_size` bytes over the dtype's width.

use serde::Deserialize;
use serde_json::Value;

use super::{DateFact, DateSource, ParamsFact, ParamsSource, ParseOutput, PlanContext, Source};
use crate::fetch::settings::hf_endpoint;
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::benchmarks::{card_unit, harness_of, on_scale, prompt_of, resolve};
use crate::parse::card::{read_card, CardValue};
use crate::parse::card_scores::Unused;
use crate::parse::config_params::estimate;
use crate::parse::ids::check_model_id;
use crate::parse::ids::looks_tuned;
use crate::parse::params::SizeForm;
use crate::tables::codes::Evaluator;
use crate::tables::rows::{ModelRow, RejectRow, ScoreRow};

/// The `hf_files` source: files of every model the pipeline has observed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HfFilesConfig {
    /// Pin the endpoint; when absent, `HF_ENDPOINT` or `https://huggingface.co` is used.
    pub endpoint: Option<String>,
    /// Files fetched per model; `README.md` (the card) and `config.json` are understood, and
    /// `model.safetensors.index.json` is fetched by itself when config.json gives no count.
    #[serde(default = "default_files")]
    pub files: Vec<String>,
    /// Only models whose names look like base models (no instruct/chat/… words).
    #[serde(default)]
    pub base_models_only: bool,
    /// Also the models only a leaderboard named (thousands on the Open LLM Leaderboard); by
    /// default only models the Hub API described.
    #[serde(default)]
    pub all_models: bool,
    /// Only models whose Hub `pipeline_tag` is one of these, e.g. `["text-generation"]`; a model
    /// without a tag is then left out. Empty (the default): every tag, and none.
    #[serde(default)]
    pub pipeline_tags: Vec<String>,
    /// Only models with at least this many downloads (the Hub's last 30 days); a model whose
    /// count is unknown is then left out. Keeps a whole-Hub run's file requests bounded.
    pub min_downloads: Option<i64>,
}

impl Default for HfFilesConfig {
    fn default() -> Self {
        HfFilesConfig {
            endpoint: None,
            files: default_files(),
            base_models_only: false,
            all_models: false,
            pipeline_tags: Vec::new(),
            min_downloads: None,
        }
    }
}

fn default_files() -> Vec<String> {
    vec!["README.md".to_owned(), "config.json".to_owned()]
}

/// The source kind.
pub const KIND: &str = "hf_files";

/// Cards larger than this are cut before parsing (real cards stay under 100 KB).
const MAX_CARD_BYTES: usize = 2 * 1024 * 1024;

/// The built source.
pub struct HfFiles {
    config: HfFilesConfig,
    endpoint: String,
    /// `<endpoint>/api/models`: rows read from the Hub API start with it.
    api: String,
}

impl HfFiles {
    /// Builds the source, resolving the endpoint (pinned, `HF_ENDPOINT`, or the default).
    pub fn new(config: HfFilesConfig) -> Self {
        let endpoint = hf_endpoint(config.endpoint.as_deref());
        let api = format!("{endpoint}/api/models");
        HfFiles { config, endpoint, api }
    }

    /// The `pipeline_tags` and `min_downloads` selection.
    fn selects(&self, model: &ModelRow) -> bool {
        let c = &self.config;
        let tag =
            c.pipeline_tags.is_empty() || model.pipeline_tag.as_ref().is_some_and(|t| c.pipeline_tags.contains(t));
        tag && c.min_downloads.is_none_or(|floor| model.downloads.is_some_and(|d| d >= floor))
    }

    /// The selection, and an id that names a Hub repo.
    fn selected(&self, model: &ModelRow) -> bool {
        !(self.config.base_models_only && looks_tuned(&model.model_id))
            && self.selects(model)
            && check_model_id(&model.model_id).is_ok()
    }

    fn file_request(&self, model: &ModelRow, file: &str, purpose: Purpose) -> FetchRequest {
        let url = format!("{}/{}/resolve/main/{file}", self.endpoint, model.model_id);
        FetchRequest {
            model_id: Some(model.model_id.clone()),
            revision: model.hf_sha.clone(),
            optional: true,
            ..FetchRequest::new(url, purpose)
        }
    }
}

fn purpose_of(file: &str) -> Option<Purpose> {
    match file {
        "README.md" => Some(Purpose::Card),
        "config.json" => Some(Purpose::Config),
        "model.safetensors.index.json" => Some(Purpose::SafetensorsIndex),
        _ => None,
    }
}

impl Source for HfFiles {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (Vec::new(), Vec::new())
    }

    fn plan_more(&self, ctx: &PlanContext, seen: &[&ModelRow]) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        let mut requests = Vec::new();
        let mut rejects = Vec::new();
        // A model named by id whose API call failed is still read from its files (with nothing
        // known of it, a selection by tag or downloads leaves it out).
        let undescribed: Vec<ModelRow> = ctx
            .undescribed
            .iter()
            .map(|id| ModelRow { model_id: id.clone(), ..ModelRow::default() })
            .filter(|m| self.selected(m))
            .collect();
        for model in seen.iter().copied().filter(|m| self.follows(m)).chain(&undescribed) {
            for file in &self.config.files {
                match purpose_of(file) {
                    Some(purpose) => requests.push(self.file_request(model, file, purpose)),
                    None => rejects.push(
                        RejectRow::new(KIND, Stage::Plan, RejectReason::UnknownFile)
                            .model(&model.model_id)
                            .detail(format!("no parser for {file}")),
                    ),
                }
            }
        }
        rejects.dedup();
        (requests, rejects)
    }

    /// Models the Hub API described (or every model, with `all_models`) that pass the filters.
    fn follows(&self, model: &ModelRow) -> bool {
        let from_hub = model.source_url.starts_with(&self.api);
        (from_hub || self.config.all_models) && self.selected(model)
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let Some(model_id) = request.model_id.as_deref() else {
            return out;
        };
        match request.purpose {
            Purpose::Card => parse_card(model_id, &request.url, &response.body, &mut out),
            Purpose::Config => self.parse_config(model_id, request, &response.body, &mut out),
            Purpose::SafetensorsIndex => parse_index(model_id, request, &response.body, &mut out),
            _ => {}
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        Host::of_url(&self.endpoint).into_iter().collect()
    }
}

impl HfFiles {
    fn parse_config(&self, model_id: &str, request: &FetchRequest, body: &[u8], out: &mut ParseOutput) {
        let url = request.url.as_str();
        let config: Value = match serde_json::from_slice(body) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                return out.rejects.push(
                    RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape)
                        .url(url)
                        .model(model_id)
                        .detail("config.json is not an object"),
                )
            }
            Err(e) => {
                return out.rejects.push(
                    RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidJson)
                        .url(url)
                        .model(model_id)
                        .detail(e.to_string()),
                )
            }
        };
        match estimate(&config) {
            Ok(p) => out.params.push(ParamsFact {
                model_id: model_id.to_owned(),
                total: p.total,
                active: p.active,
                source: ParamsSource::ConfigEstimate,
                label: None,
                is_rough: false,
                url: url.to_owned(),
                evidence: Some("config.json dimensions".to_owned()),
                against_name: false,
                over_name: false,
            }),
            Err(why) => {
                out.rejects.push(
                    RejectRow::new(KIND, Stage::Parse, RejectReason::NoConfigEstimate)
                        .url(url)
                        .model(model_id)
                        .detail(why),
                );
                let dtype = config
                    .get("torch_dtype")
                    .or_else(|| config.get("dtype"))
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                let index_url = url.replace("/config.json", "/model.safetensors.index.json");
                out.follow_ups.push(FetchRequest {
                    url: index_url,
                    purpose: Purpose::SafetensorsIndex,
                    hint: dtype,
                    ..request.clone()
                });
            }
        }
    }
}

fn parse_index(model_id: &str, request: &FetchRequest, body: &[u8], out: &mut ParseOutput) {
    let url = request.url.as_str();
    let total_size = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("metadata").and_then(|m| m.get("total_size")).and_then(Value::as_i64));
    let Some(bytes) = total_size.filter(|b| *b > 0) else {
        return out.rejects.push(
            RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape)
                .url(url)
                .model(model_id)
                .detail("no metadata.total_size"),
        );
    };
    // Bytes per parameter from the config's dtype; bf16/fp16 when it does not say.
    let width = match request.hint.as_deref() {
        Some("float32") => 4,
        Some("float8_e4m3fn" | "int8" | "uint8") => 1,
        _ => 2,
    };
    out.params.push(ParamsFact {
        model_id: model_id.to_owned(),
        total: bytes / width,
        active: None,
        source: ParamsSource::SafetensorsIndex,
        label: None,
        is_rough: false,
        url: url.to_owned(),
        evidence: Some(format!("metadata.total_size: {bytes} bytes at {width} bytes per parameter")),
        against_name: false,
        over_name: false,
    });
}

/// Who evaluated a card's value: the model's authors, unless its `model-index` entry cites the
/// Open LLM Leaderboard (the leaderboard's bot writes its own results into cards), which ran
/// every model itself.
fn evaluator_of(evaluated_by: Option<&str>) -> Evaluator {
    let by = evaluated_by.unwrap_or("").to_ascii_lowercase();
    if by.contains("open-llm-leaderboard") || by.contains("open llm leaderboard") {
        Evaluator::Independent
    } else {
        Evaluator::SelfReported
    }
}

/// Everything a card says about its own model (see [`read_card`]), as observations and rejects.
pub fn parse_card(model_id: &str, url: &str, body: &[u8], out: &mut ParseOutput) {
    let text = String::from_utf8_lossy(&body[..body.len().min(MAX_CARD_BYTES)]);
    let facts = read_card(model_id, &text);
    let reject = |reason: RejectReason, detail: String| {
        RejectRow::new(KIND, Stage::Parse, reason).url(url).model(model_id).detail(detail)
    };
    if let Some(why) = facts.front_matter_error {
        out.rejects.push(reject(RejectReason::InvalidFrontMatter, why));
    }
    for (unused, detail) in facts.passed_over {
        let reason = match unused {
            Unused::AmbiguousColumn => RejectReason::AmbiguousColumn,
            Unused::NoOwnColumn => RejectReason::NoOwnColumn,
            Unused::AmbiguousUnit => RejectReason::AmbiguousUnit,
            Unused::ModelIndexIncomplete => RejectReason::ModelIndexIncomplete,
            Unused::UnnamedBenchmark => RejectReason::UnnamedBenchmark,
        };
        out.rejects.push(reject(reason, detail));
    }
    for CardValue { score: s, line } in facts.scores {
        let b = resolve(&s.benchmark_raw);
        let value = match on_scale(&b.canonical, s.value, &s.value_raw) {
            Ok(value) => value,
            Err(why) => {
                out.rejects
                    .push(reject(RejectReason::AmbiguousUnit, format!("{} = {}: {why}", s.benchmark_raw, s.value_raw)));
                continue;
            }
        };
        let evaluator = evaluator_of(s.evaluated_by.as_deref());
        let harness = harness_of(&s.benchmark_raw, s.detail)
            .or((evaluator == Evaluator::Independent).then_some("lm-evaluation-harness"))
            .map(str::to_owned);
        // (The name and metric as written: what the prompt and the unit are read from.)
        let said = format!("{} {}", s.benchmark_raw, s.metric.as_deref().unwrap_or(""));
        let prompt = prompt_of(&said).map(str::to_owned);
        out.scores.push(ScoreRow {
            model_id: model_id.to_owned(),
            unit: card_unit(&b.canonical, value, &said).to_owned(),
            benchmark: b.canonical,
            shots: s.shots.or(b.shots),
            benchmark_raw: s.benchmark_raw,
            metric: metric_with_qualifier(s.metric, b.qualifier),
            value,
            value_raw: s.value_raw,
            source: KIND.to_owned(),
            source_detail: s.detail.to_owned(),
            source_url: url.to_owned(),
            observed_on: None,
            ci_low: None,
            ci_high: None,
            used_for_density: false,
            evidence: Some(s.evidence),
            evidence_line: line.map(|l| l as i32),
            evaluator,
            harness,
            prompt,
        });
    }
    // A served card says the model exists: its row is kept even when the Hub API said nothing.
    // A tune is never a base model, whatever the name suggests (see normalize's merge).
    let said = facts.tuned.is_some() || facts.base.is_some();
    out.models.push(ModelRow {
        model_id: model_id.to_owned(),
        is_base: said.then_some(facts.base.is_some() && facts.tuned.is_none()),
        source_url: url.to_owned(),
        ..ModelRow::default()
    });
    // The name's size is added by normalize for every model; only what the card states is ours.
    if let Some(size) = facts.size.filter(|s| s.form != SizeForm::Name) {
        out.params.push(ParamsFact {
            model_id: model_id.to_owned(),
            total: size.size.total,
            active: size.size.active,
            source: if size.form == SizeForm::BaseName { ParamsSource::BaseName } else { ParamsSource::CardText },
            label: Some(size.size.label),
            is_rough: size.size.is_expert_notation,
            url: url.to_owned(),
            evidence: Some(format!("line {}: {}", size.line, size.evidence)),
            against_name: size.against_name,
            over_name: size.over_name,
        });
    }
    if let Some(d) = facts.date {
        out.dates.push(DateFact {
            model_id: model_id.to_owned(),
            date: d.date,
            precision: d.precision,
            source: DateSource::CardText,
            evidence: Some(format!("line {}: {}", d.line, d.evidence)),
        });
    }
}

/// A score's metric: the one its table or index gave, else the qualifier in its name's
/// parentheses ("Tau-Bench (Airline)"); a bare setting from a heading, column or lead-in (a
/// thinking mode, "validation") keeps the qualifier before it ("Airline (reasoning mode)"), or
/// two parts would share one metric.
fn metric_with_qualifier(metric: Option<String>, qualifier: Option<String>) -> Option<String> {
    match (metric, qualifier) {
        (Some(m), Some(q)) if (m.ends_with(" mode") || m == "validation") && !m.contains('(') => {
            Some(format!("{q} ({m})"))
        }
        (m, q) => m.or(q),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::testing::source;

    fn listed(id: &str, tag: Option<&str>, downloads: Option<i64>) -> ModelRow {
        ModelRow {
            model_id: id.into(),
            pipeline_tag: tag.map(str::to_owned),
            downloads,
            source_url: "http://127.0.0.1:9/api/models?limit=500".into(),
            ..ModelRow::default()
        }
    }

    /// The models `plan_more` plans a card for, with the given selection lines.
    fn carded(selection: &str, seen: &[ModelRow]) -> Vec<String> {
        let src = source(&format!("kind = 'hf_files'\nendpoint = 'http://127.0.0.1:9'\n{selection}"));
        let seen: Vec<&ModelRow> = seen.iter().collect();
        let (requests, rejects) = src.plan_more(&PlanContext::default(), &seen);
        assert!(rejects.is_empty(), "{rejects:?}");
        requests.iter().filter(|r| r.purpose == Purpose::Card).filter_map(|r| r.model_id.clone()).collect()
    }

    #[test]
    fn a_bare_mode_keeps_the_names_qualifier_before_it() {
        let m = |metric: Option<&str>, q: Option<&str>| {
            metric_with_qualifier(metric.map(str::to_owned), q.map(str::to_owned))
        };
        // EXAONE 4.0's "Tau-Bench (Airline)" and "(Retail)" in its "Reasoning Mode" table.
        assert_eq!(m(Some("reasoning mode"), Some("Airline")).as_deref(), Some("Airline (reasoning mode)"));
        assert_eq!(m(Some("EM (thinking mode)"), Some("Airline")).as_deref(), Some("EM (thinking mode)"));
        assert_eq!(m(None, Some("Airline")).as_deref(), Some("Airline"));
        assert_eq!(m(Some("pass@1"), Some("Airline")).as_deref(), Some("pass@1"));
        assert_eq!(m(Some("validation"), Some("Airline")).as_deref(), Some("Airline (validation)"));
    }

    #[test]
    fn pipeline_tags_and_a_download_floor_select_the_models() {
        let seen = [
            listed("a/gen", Some("text-generation"), Some(5_000)),
            listed("a/gen-rare", Some("text-generation"), Some(3)),
            listed("a/gen-unknown", Some("text-generation"), None),
            listed("b/vision", Some("image-text-to-text"), Some(9_000)),
            listed("c/untagged", None, Some(9_000)),
        ];
        assert_eq!(carded("", &seen).len(), 5, "no selection: every model the Hub API described");
        assert_eq!(carded("pipeline_tags = ['text-generation']", &seen), ["a/gen", "a/gen-rare", "a/gen-unknown"]);
        assert_eq!(carded("min_downloads = 1000", &seen), ["a/gen", "b/vision", "c/untagged"]);
        assert_eq!(
            carded("pipeline_tags = ['text-generation', 'image-text-to-text']\nmin_downloads = 1000", &seen),
            ["a/gen", "b/vision"]
        );
    }

    #[test]
    fn a_named_model_the_api_did_not_describe_is_read_from_its_files() {
        let src = source("kind = 'hf_files'\nendpoint = 'http://127.0.0.1:9'");
        let ctx = PlanContext { only_models: None, undescribed: vec!["a/gone-7b".into(), "../x".into()] };
        let (requests, _) = src.plan_more(&ctx, &[]);
        let urls: Vec<&str> = requests.iter().map(|r| r.url.as_str()).collect();
        let want = [
            "http://127.0.0.1:9/a/gone-7b/resolve/main/README.md",
            "http://127.0.0.1:9/a/gone-7b/resolve/main/config.json",
        ];
        assert_eq!(urls, want, "a bad id is never asked for");
        // With nothing known of it, a selection by tag or downloads leaves it out.
        let picky = source("kind = 'hf_files'\nendpoint = 'http://127.0.0.1:9'\nmin_downloads = 1");
        assert!(picky.plan_more(&ctx, &[]).0.is_empty());
    }
}
