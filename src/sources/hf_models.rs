//! `hf_models`: model metadata from the Hugging Face Hub API.
//!
//! Plans single-model calls (`/api/models/{id}`) for the watchlist and list calls
//! (`/api/models?…&expand[]=…`) for discovery, following the `Link` cursor. One list page of up
//! to 500 models replaces as many single calls, so watchlist models already described by a
//! discovery page are not fetched again (second wave). Parsing maps the JSON into `models` rows
//! and is tolerant of the API's mixed types (`gated` bool or string, `license` string or list,
//! `safetensors` absent, `null` or `{}`).

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;
use url::form_urlencoded;

use super::{DateFact, DatePrecision, DateSource, ParamsFact, ParamsSource, ParseOutput, PlanContext, Source};
use crate::fetch::settings::hf_endpoint;
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::ids::looks_tuned;
use crate::parse::json::{list_or_string, str_field, timestamp, type_name};
use crate::parse::tune_or_base::{made_from, names_base};
use crate::parse::{ids::check_model_id, link::next_link};
use crate::tables::rows::{ModelRow, RejectRow};

/// The `hf_models` source: a watchlist of model ids plus discovery queries.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HfModelsConfig {
    /// Pin the endpoint; when absent, `HF_ENDPOINT` or `https://huggingface.co` is used.
    pub endpoint: Option<String>,
    /// Model ids fetched one by one (`/api/models/{id}`), e.g. `"meta-llama/Llama-2-7b-hf"`.
    #[serde(default)]
    pub models: Vec<String>,
    /// Discovery queries over the list endpoint, each followed through its `Link` cursor.
    #[serde(default)]
    pub discover: Vec<DiscoverQuery>,
}

/// One discovery query: `/api/models?author=&search=&filter=&sort=&limit=&expand[]=…`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscoverQuery {
    /// Owner namespace, e.g. `"Qwen"`.
    pub author: Option<String>,
    /// Substring of the repo name.
    pub search: Option<String>,
    /// Tags every model must carry (repeated `filter=`), e.g. `["text-generation"]`.
    #[serde(default)]
    pub filter: Vec<String>,
    /// Sort key (`downloads`, `createdAt`, `lastModified`, …); descending.
    pub sort: Option<String>,
    /// Page size; the Hub caps it near 500.
    #[serde(default = "default_page_size")]
    pub limit: u32,
    /// Stop after this many pages.
    #[serde(default = "default_max_pages")]
    pub max_pages: u32,
}

fn default_page_size() -> u32 {
    500
}

fn default_max_pages() -> u32 {
    4
}

/// The source kind.
pub const KIND: &str = "hf_models";

/// The Hub's placeholder `createdAt` for repos created before it stored dates.
pub const PLACEHOLDER_CREATED_AT: &str = "2022-03-02T23:29:04";

/// Properties asked of the list endpoint (`expand[]` returns only these, plus `id` and `_id`).
/// Every name is one of huggingface_hub's `ExpandModelProperty_T` (`hf_api.py`): the Hub answers
/// an unknown one with 400. `baseModels` carries lineage, `gguf` the GGUF `total`.
const EXPAND: &[&str] = &[
    "author",
    "baseModels",
    "cardData",
    "config",
    "createdAt",
    "downloads",
    "gated",
    "gguf",
    "lastModified",
    "library_name",
    "likes",
    "pipeline_tag",
    "safetensors",
    "sha",
    "tags",
];

/// Dtypes that pack several weights per element: their safetensors `total` is not a count.
const PACKED_DTYPES: &[&str] = &["U8", "U32", "I8", "I32"];

/// The built source.
pub struct HfModels {
    config: HfModelsConfig,
    endpoint: String,
    /// The watchlist as a set: [`Source::follows`] is asked of every model a crawl observes.
    watched: HashSet<String>,
}

impl HfModels {
    /// Builds the source, resolving the endpoint (pinned, `HF_ENDPOINT`, or the default).
    pub fn new(config: HfModelsConfig) -> Self {
        let endpoint = hf_endpoint(config.endpoint.as_deref());
        let watched = config.models.iter().cloned().collect();
        HfModels { config, endpoint, watched }
    }

    fn model_request(&self, id: &str) -> FetchRequest {
        let url = format!("{}/api/models/{id}", self.endpoint);
        FetchRequest { model_id: Some(id.to_owned()), ..FetchRequest::new(url, Purpose::ModelInfo) }
    }

    fn list_request(&self, q: &DiscoverQuery) -> FetchRequest {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [("author", &q.author), ("search", &q.search)] {
            if let Some(v) = value {
                query.append_pair(key, v);
            }
        }
        for f in &q.filter {
            query.append_pair("filter", f);
        }
        if let Some(sort) = &q.sort {
            query.append_pair("sort", sort);
            query.append_pair("direction", "-1");
        }
        query.append_pair("limit", &q.limit.min(1000).to_string());
        for e in EXPAND {
            query.append_pair("expand[]", e);
        }
        let url = format!("{}/api/models?{}", self.endpoint, query.finish());
        FetchRequest { page: 1, max_pages: q.max_pages, ..FetchRequest::new(url, Purpose::ModelList) }
    }

    /// A cursor link naming another host (a mirror replaying the Hub's own `Link` headers) is
    /// moved onto our endpoint, keeping its path and query.
    fn rebase(&self, link: &str) -> String {
        let (Ok(next), Ok(base)) = (url::Url::parse(link), url::Url::parse(&self.endpoint)) else {
            return link.to_owned();
        };
        if next.host_str() == base.host_str() && next.port_or_known_default() == base.port_or_known_default() {
            return link.to_owned();
        }
        let query = next.query().map(|q| format!("?{q}")).unwrap_or_default();
        format!("{}{}{query}", self.endpoint, next.path())
    }

    fn watchlist(&self, ctx: &PlanContext) -> Vec<String> {
        ctx.only_models.clone().unwrap_or_else(|| self.config.models.clone())
    }

    fn plan_models<'a>(&self, ids: impl Iterator<Item = &'a String>) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        super::per_model(KIND, ids.map(String::as_str), |id| self.model_request(id))
    }
}

impl Source for HfModels {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        if ctx.only_models.is_some() || self.config.discover.is_empty() {
            return self.plan_models(self.watchlist(ctx).iter());
        }
        let requests = self.config.discover.iter().map(|q| self.list_request(q)).collect();
        (requests, Vec::new())
    }

    fn plan_more(&self, ctx: &PlanContext, seen: &[&ModelRow]) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        if ctx.only_models.is_some() || self.config.discover.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let seen: HashSet<&str> = seen.iter().map(|m| m.model_id.as_str()).collect();
        let watchlist = self.watchlist(ctx);
        self.plan_models(watchlist.iter().filter(|id| !seen.contains(id.as_str())))
    }

    /// The watchlist's models, so one a discovery page described is not fetched again.
    fn follows(&self, model: &ModelRow) -> bool {
        !self.config.discover.is_empty() && self.watched.contains(&model.model_id)
    }

    /// A list page's `Link` cursor, up to `max_pages`.
    fn next_page(&self, request: &FetchRequest, response: &FetchedResponse) -> Option<FetchRequest> {
        if request.purpose != Purpose::ModelList || request.page >= request.max_pages {
            return None;
        }
        let next = response.record.link.as_deref().and_then(next_link).map(|n| self.rebase(&n))?;
        Some(FetchRequest { url: next, page: request.page + 1, ..request.clone() })
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let Some(json) = super::json_body(KIND, request, &response.body, &mut out) else {
            return out;
        };
        match (request.purpose, json) {
            (Purpose::ModelList, Value::Array(items)) => {
                for item in &items {
                    model_row(item, url, &mut out);
                }
            }
            (Purpose::ModelInfo, item @ Value::Object(_)) => {
                model_row(&item, url, &mut out);
                // A renamed repo answers its old id with the new one (via a 307).
                if let (Some(asked), Some(got)) = (request.model_id.as_deref(), out.models.first()) {
                    if asked != got.model_id {
                        out.aliases.push((asked.to_owned(), got.model_id.clone()));
                    }
                }
            }
            (_, other) => out.rejects.push(
                RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape).request(request).detail(format!(
                    "expected a JSON {}, got {}",
                    if request.purpose == Purpose::ModelList { "array" } else { "object" },
                    type_name(&other)
                )),
            ),
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        Host::of_url(&self.endpoint).into_iter().collect()
    }
}

/// Maps one model object (single or list item) to a row, or a reject.
fn model_row(item: &Value, url: &str, out: &mut ParseOutput) {
    let Some(id) = str_field(item, "id").or_else(|| str_field(item, "modelId")) else {
        out.rejects.push(
            RejectRow::new(KIND, Stage::Parse, RejectReason::MissingId).url(url).detail("model object has no id"),
        );
        return;
    };
    if let Err(why) = check_model_id(&id) {
        out.rejects
            .push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidModelId).url(url).model(&id).detail(why));
        return;
    }
    let tags: Vec<String> = item
        .get("tags")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|t| t.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    let card = item.get("cardData").filter(|c| c.is_object());
    let config = item.get("config").filter(|c| c.as_object().is_some_and(|o| !o.is_empty()));

    let created = str_field(item, "createdAt");
    let hf_created_at = created.as_deref().filter(|c| !c.starts_with(PLACEHOLDER_CREATED_AT)).and_then(timestamp);
    match params(item, config) {
        Params::Known(total, source) => out.params.push(ParamsFact {
            model_id: id.clone(),
            total,
            active: None,
            source,
            label: None,
            is_rough: false,
            url: url.to_owned(),
            evidence: Some(format!("{}.total: {total}", source.as_str())),
            against_name: false,
            over_name: false,
        }),
        Params::Unknown => {}
        Params::Distrusted(why) => out
            .rejects
            .push(RejectRow::new(KIND, Stage::Parse, RejectReason::ParamsDistrusted).url(url).model(&id).detail(why)),
    }
    if let Some(created) = hf_created_at {
        out.dates.push(DateFact {
            model_id: id.clone(),
            date: created.date_naive(),
            precision: DatePrecision::Day,
            source: DateSource::HubCreatedAt,
            evidence: Some(format!("createdAt: {}", created.to_rfc3339())),
        });
    }
    // The Hub's own lineage (`baseModels`) first, then the card's front matter, then the tags.
    let (hub_bases, hub_relation) = base_models(item);
    let base_model = hub_bases.or_else(|| card.and_then(|c| list_or_string(c.get("base_model")))).or_else(|| {
        let bases: Vec<&str> =
            tags.iter().filter_map(|t| t.strip_prefix("base_model:")).filter(|t| !t.contains(':')).collect();
        (!bases.is_empty()).then(|| bases.join(","))
    });
    let relation = hub_relation.or_else(|| card.and_then(|c| str_field(c, "base_model_relation"))).or_else(|| {
        tags.iter()
            .filter_map(|t| t.strip_prefix("base_model:"))
            .find_map(|t| t.split_once(':').map(|(r, _)| r.to_owned()))
    });
    let license = card.and_then(|c| list_or_string(c.get("license"))).or_else(|| {
        let ls: Vec<&str> = tags.iter().filter_map(|t| t.strip_prefix("license:")).collect();
        (!ls.is_empty()).then(|| ls.join(","))
    });
    let is_moe = is_moe(&id, config);
    // A tune's name or a model it was made from says "not a base". Nothing here says "base": most
    // tunes of 2023-24 declare no base model (333 of 396 such labelled cards were tunes), so only
    // the card's own words (`hf_files`) or a leaderboard's type can make it true.
    // (A name that says "base" is not made a tune by its lineage: a merge or continued training
    // of a base.)
    let from_base = made_from(base_model.as_deref(), relation.as_deref(), &id) && !names_base(&id);
    let is_base = (looks_tuned(&id) || from_base).then_some(false);
    let gated = match item.get("gated") {
        Some(Value::Bool(b)) => Some(b.to_string()),
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    out.models.push(ModelRow {
        author: str_field(item, "author").or_else(|| id.split_once('/').map(|(a, _)| a.to_owned())),
        hf_id: str_field(item, "_id"),
        is_base,
        is_moe,
        base_model,
        base_model_relation: relation,
        license,
        pipeline_tag: str_field(item, "pipeline_tag"),
        library_name: str_field(item, "library_name"),
        gated,
        downloads: item.get("downloads").and_then(Value::as_i64),
        likes: item.get("likes").and_then(Value::as_i64),
        hf_sha: str_field(item, "sha"),
        hf_created_at,
        hf_last_modified: str_field(item, "lastModified").as_deref().and_then(timestamp),
        source_url: url.to_owned(),
        model_id: id,
        ..ModelRow::default()
    });
}

/// `baseModels` as the Hub sends it: `{"relation": "quantized", "models": [{"id": "org/base"}]}`
/// (huggingface_hub keeps it as is, `ModelInfo.base_models`). A bare list of ids or of
/// `{"id"}` objects is read too. Returns the comma-joined ids and the relation.
fn base_models(item: &Value) -> (Option<String>, Option<String>) {
    let Some(value) = item.get("baseModels") else {
        return (None, None);
    };
    let models = value.get("models").unwrap_or(value);
    let ids: Vec<&str> = models
        .as_array()
        .map(|a| a.iter().filter_map(|m| m.as_str().or_else(|| m.get("id").and_then(Value::as_str))).collect())
        .unwrap_or_default();
    let relation = str_field(value, "relation").filter(|_| !ids.is_empty());
    ((!ids.is_empty()).then(|| ids.join(",")), relation)
}

enum Params {
    Known(i64, ParamsSource),
    Unknown,
    Distrusted(String),
}

/// safetensors `total` (unless packed-quantized), then `gguf.total`; unknown is never 0.
fn params(item: &Value, config: Option<&Value>) -> Params {
    if let Some(st) = item.get("safetensors").filter(|s| s.is_object()) {
        let total = st.get("total").and_then(Value::as_i64).filter(|n| *n > 0);
        let dominant = st
            .get("parameters")
            .and_then(Value::as_object)
            .and_then(|p| p.iter().filter_map(|(k, v)| v.as_i64().map(|n| (n, k))).max())
            .map(|(_, k)| k.clone());
        // Without a config in the response we cannot see a quantization_config; a packed
        // integer dtype dominating the weights is then evidence enough (DeepSeek-V4 `I8` lists).
        let quantized = config.is_none_or(|c| c.get("quantization_config").is_some());
        if let Some(total) = total {
            return match dominant {
                Some(d) if quantized && PACKED_DTYPES.contains(&d.as_str()) => Params::Distrusted(format!(
                    "safetensors total {total} is dominated by packed dtype {d} with a quantization_config; not a parameter count"
                )),
                _ => Params::Known(total, ParamsSource::Safetensors),
            };
        }
    }
    match item.get("gguf").and_then(|g| g.get("total")).and_then(Value::as_i64).filter(|n| *n > 0) {
        Some(n) => Params::Known(n, ParamsSource::Gguf),
        None => Params::Unknown,
    }
}

/// MoE from config keys; else from names like `8x7B` or `30B-A3B`; else unknown.
fn is_moe(id: &str, config: Option<&Value>) -> Option<bool> {
    const EXPERT_KEYS: &[&str] = &["num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts"];
    if let Some(c) = config {
        if EXPERT_KEYS.iter().any(|k| c.get(k).and_then(Value::as_i64).is_some_and(|n| n > 1)) {
            return Some(true);
        }
    }
    let name = id.rsplit('/').next().unwrap_or(id).to_ascii_lowercase();
    let bytes = name.as_bytes();
    let experts = bytes.windows(3).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && w[1] == b'x'
            && w[2].is_ascii_digit()
            && (i == 0 || !bytes[i - 1].is_ascii_alphabetic())
    });
    let active = name
        .split(['-', '_'])
        .any(|p| p.len() > 2 && p.starts_with('a') && p.ends_with('b') && p[1..p.len() - 1].parse::<f64>().is_ok());
    if experts || active {
        Some(true)
    } else if config.is_some() {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(v: Value) -> ParseOutput {
        let mut out = ParseOutput::default();
        model_row(&v, "http://x", &mut out);
        out
    }

    #[test]
    fn placeholder_created_at_is_not_a_date() {
        let out = row(json!({"id": "google-bert/bert-base-uncased", "createdAt": "2022-03-02T23:29:04.000Z"}));
        assert!(out.dates.is_empty());
        assert_eq!(out.models[0].hf_created_at, None);
    }

    #[test]
    fn mixed_types_do_not_break_the_row() {
        let out = row(
            json!({"id": "a/b", "gated": "manual", "cardData": {"license": ["llama4", "other"]}, "safetensors": {}}),
        );
        let m = &out.models[0];
        assert_eq!(m.gated.as_deref(), Some("manual"));
        assert_eq!(m.license.as_deref(), Some("llama4,other"));
        assert!(out.params.is_empty());
    }

    #[test]
    fn packed_quantized_totals_are_distrusted() {
        let out = row(json!({"id": "openai/gpt-oss-20b", "config": {"quantization_config": {"quant_method": "mxfp4"}},
            "safetensors": {"parameters": {"BF16": 1_000, "U8": 12_000_000_000i64}, "total": 12_000_001_000i64}}));
        assert!(out.params.is_empty());
        assert_eq!(out.rejects[0].reason, "params_distrusted");
    }

    #[test]
    fn every_expand_name_is_one_the_client_knows() {
        for name in EXPAND {
            assert!(
                crate::sources::hub_api::HUB_EXPAND_NAMES.contains(name),
                "{name} is not in huggingface_hub's ExpandModelProperty_T"
            );
        }
        for needed in ["baseModels", "gguf", "safetensors", "sha", "config", "cardData", "createdAt"] {
            assert!(EXPAND.contains(&needed), "{needed} not asked for");
        }
    }

    #[test]
    fn only_a_tune_word_or_a_model_it_was_made_from_decides_is_base() {
        let is_base = |v: Value| row(v).models[0].is_base;
        // Card metadata with no base model: most such repos are tunes, so not known.
        assert_eq!(is_base(json!({"id": "Xwin-LM/Xwin-LM-13B-V0.2", "cardData": {"license": "llama2"}})), None);
        assert_eq!(is_base(json!({"id": "a/Model-7B-chat", "cardData": {}})), Some(false));
        assert_eq!(is_base(json!({"id": "a/m", "cardData": {"base_model": "b/x"}})), Some(false));
        // A base that is the model itself, or a packed copy, says nothing.
        assert_eq!(is_base(json!({"id": "a/m", "cardData": {"base_model": "a/m"}})), None);
        assert_eq!(
            is_base(json!({"id": "q/Llama-3.1-8B-GPTQ", "cardData": {"base_model": "meta-llama/Llama-3.1-8B"}})),
            None
        );
    }

    #[test]
    fn base_models_outrank_the_card_and_the_tags() {
        let out = row(json!({"id": "q/Llama-3.1-8B-AWQ",
            "baseModels": {"relation": "quantized", "models": [{"_id": "x", "id": "meta-llama/Llama-3.1-8B"}]},
            "cardData": {"base_model": "someone/else", "base_model_relation": "finetune"},
            "tags": ["base_model:finetune:other/one"]}));
        let m = &out.models[0];
        assert_eq!(m.base_model.as_deref(), Some("meta-llama/Llama-3.1-8B"));
        assert_eq!(m.base_model_relation.as_deref(), Some("quantized"));
        // A quantized copy keeps its original's kind, which this response does not tell.
        assert_eq!(m.is_base, None);
        // Two bases (a merge), and the bare-list shape the client documents.
        let merge = row(
            json!({"id": "m/merge", "baseModels": {"relation": "merge", "models": [{"id": "a/x"}, {"id": "b/y"}]}}),
        );
        assert_eq!(merge.models[0].base_model.as_deref(), Some("a/x,b/y"));
        assert_eq!(merge.models[0].is_base, Some(false));
        let bare = row(json!({"id": "m/q", "baseModels": ["a/x"], "cardData": {"base_model_relation": "quantized"}}));
        assert_eq!(
            (bare.models[0].base_model.as_deref(), bare.models[0].base_model_relation.as_deref()),
            (Some("a/x"), Some("quantized"))
        );
        // An empty or odd value says nothing: the card's answer stands.
        let empty = row(json!({"id": "m/t", "baseModels": {"relation": "quantized", "models": []},
            "cardData": {"base_model": "a/x", "base_model_relation": "finetune"}}));
        assert_eq!(
            (empty.models[0].base_model.as_deref(), empty.models[0].base_model_relation.as_deref()),
            (Some("a/x"), Some("finetune"))
        );
    }

    #[test]
    fn a_gguf_total_is_a_count() {
        let out = row(json!({"id": "u/Qwen3-8B-GGUF", "gguf": {"total": 8_190_735_360i64, "architecture": "qwen3"},
            "baseModels": {"relation": "quantized", "models": [{"id": "Qwen/Qwen3-8B"}]}}));
        assert_eq!((out.params[0].total, out.params[0].source), (8_190_735_360, ParamsSource::Gguf));
    }

    #[test]
    fn moe_and_tuned_names() {
        assert_eq!(is_moe("mistralai/Mixtral-8x7B-v0.1", None), Some(true));
        assert_eq!(is_moe("Qwen/Qwen3-30B-A3B", None), Some(true));
        assert_eq!(is_moe("meta-llama/Llama-2-7b-hf", None), None);
        assert!(looks_tuned("google/gemma-2b-it"));
        assert!(!looks_tuned("google/gemma-2b"));
        assert!(looks_tuned("THUDM/chatglm3-6b-32k") && looks_tuned("sambanovasystems/BLOOMChat-176B-v1"));
        assert!(!looks_tuned("THUDM/chatglm3-6b-base"), "the family's base");
        assert!(looks_tuned("stabilityai/stablelm-tuned-alpha-7b") && !looks_tuned("org/tunedlens-7b"));
        assert!(!looks_tuned("org/Mistral-Nemo-Base-2407-chatml-GGUF"), "ChatML is a prompt format");
        assert!(looks_tuned("ByteDance-Seed/Seed-X-PPO-7B") && looks_tuned("inclusionAI/GroveMoE-Inst"));
        assert!(looks_tuned("Qwen/Qwen3-235B-A22B-Thinking-2507") && !looks_tuned("inclusionAI/GroveMoE-Base"));
        assert!(looks_tuned("microsoft/rStar2-Agent-14B") && looks_tuned("Gen-Verse/ReasonFlux-V2-32B-Reasoner"));
        assert!(!looks_tuned("org/Foo-Agent-7B-Base"), "an agent family's base");
    }

    mod real {
        //! `parse` fed the real Hub responses in `fixtures/real/hf_api`, as the driver calls it.

        use super::super::*;
        use crate::sources::testing::{fixture, fixture_json, ok, parse, planned, source};
        use chrono::NaiveDate;

        const HUB: &str = "https://huggingface.co";

        fn watchlist(ids: &[&str]) -> Box<dyn Source> {
            let ids: Vec<String> = ids.iter().map(|i| format!("{i:?}")).collect();
            source(&format!("kind = 'hf_models'\nendpoint = '{HUB}'\nmodels = [{}]", ids.join(", ")))
        }

        /// `parse` of `file` answering the single-model request for `id`.
        fn model_info(id: &str, file: &str) -> ParseOutput {
            let src = watchlist(&[id]);
            let requests = planned(src.as_ref());
            assert_eq!(requests.len(), 1);
            assert_eq!(requests[0].url, format!("{HUB}/api/models/{id}"));
            assert_eq!((requests[0].purpose, requests[0].model_id.as_deref()), (Purpose::ModelInfo, Some(id)));
            parse(src.as_ref(), &requests[0], fixture(&format!("hf_api/{file}")))
        }

        #[test]
        fn the_full_bert_response_maps_every_field() {
            let out =
                model_info("google-bert/bert-base-uncased", "google-bert__bert-base-uncased.model_info.full.json");
            assert!(out.rejects.is_empty() && out.aliases.is_empty(), "{:?} {:?}", out.rejects, out.aliases);
            let m = &out.models[0];
            assert_eq!(m.model_id, "google-bert/bert-base-uncased");
            assert_eq!(m.author.as_deref(), Some("google-bert"));
            assert_eq!(m.hf_id.as_deref(), Some("621ffdc036468d709f174338"));
            assert_eq!(m.hf_sha.as_deref(), Some("86b5e0934494bd15c9632b12f734a8a67f723594"));
            assert_eq!(m.license.as_deref(), Some("apache-2.0"));
            assert_eq!(m.pipeline_tag.as_deref(), Some("fill-mask"));
            assert_eq!(m.library_name.as_deref(), Some("transformers"));
            assert_eq!(m.gated.as_deref(), Some("false"));
            assert_eq!((m.downloads, m.likes), (Some(60_478_923), Some(2_498)));
            assert_eq!(m.hf_last_modified, timestamp("2024-02-19T11:06:12.000Z"));
            // The legacy 2022-03-02T23:29:04 createdAt is a placeholder: no date from it.
            assert_eq!(m.hf_created_at, None);
            assert!(out.dates.is_empty());
            // A config without experts: a dense model. No base_model and no tuning word do not make
            // a base model (most tunes declare no base): only the card's words could.
            assert_eq!((m.is_moe, m.is_base), (Some(false), None));
            assert_eq!(m.source_url, format!("{HUB}/api/models/google-bert/bert-base-uncased"));
            assert_eq!(out.params.len(), 1);
            assert_eq!((out.params[0].total, out.params[0].source), (110_106_428, ParamsSource::Safetensors));
        }

        #[test]
        fn an_old_id_answered_with_the_new_one_is_an_alias() {
            // `bert-base-uncased` moved to `google-bert/`; the Hub answers the old id with the new repo.
            let out = model_info("bert-base-uncased", "google-bert__bert-base-uncased.model_info.full.json");
            assert_eq!(out.aliases, vec![("bert-base-uncased".to_owned(), "google-bert/bert-base-uncased".to_owned())]);
            assert_eq!(out.models[0].model_id, "google-bert/bert-base-uncased");
        }

        #[test]
        fn a_merge_with_an_empty_config_and_a_list_of_base_models() {
            let out = model_info("OrionLLM/GRM-2.6-Opus", "OrionLLM__GRM-2.6-Opus.model_info.full.json");
            assert!(out.rejects.is_empty(), "{:?}", out.rejects);
            let m = &out.models[0];
            assert_eq!(
                m.base_model.as_deref(),
                Some("rico03/Qwen3.6-27B-Claude-Opus-Reasoning-Distilled,OrionLLM/GRM-2.6-Plus")
            );
            assert_eq!(m.base_model_relation.as_deref(), Some("merge"));
            assert_eq!(m.is_base, Some(false));
            // `config: {}` says nothing: MoE unknown, not false.
            assert_eq!(m.is_moe, None);
            assert_eq!(m.pipeline_tag.as_deref(), Some("image-text-to-text"));
            assert_eq!(m.library_name, None);
            assert_eq!(m.license.as_deref(), Some("apache-2.0"));
            assert_eq!(out.params[0].total, 27_781_427_952);
            assert_eq!(
                out.dates,
                vec![DateFact {
                    model_id: "OrionLLM/GRM-2.6-Opus".to_owned(),
                    date: NaiveDate::from_ymd_opt(2026, 5, 7).unwrap(),
                    precision: DatePrecision::Day,
                    source: DateSource::HubCreatedAt,
                    evidence: out.dates[0].evidence.clone(),
                }]
            );
        }

        #[test]
        fn safetensors_totals_as_the_hub_reports_them() {
            // (id, file, params total or None when distrusted, is_moe)
            let cases: &[(&str, &str, Option<i64>, Option<bool>)] = &[
                (
                    "mistralai/Mixtral-8x7B-Instruct-v0.1",
                    "mistralai__Mixtral-8x7B-Instruct-v0.1.safetensors.trimmed.json",
                    Some(46_702_792_704),
                    Some(true),
                ),
                (
                    "meta-llama/Llama-3.3-70B-Instruct",
                    "meta-llama__Llama-3.3-70B-Instruct.safetensors.trimmed.json",
                    Some(70_553_706_496),
                    None,
                ),
                // FP8 (F8_E4M3) is one weight per element: a count, MTP layer included (card: 671B).
                (
                    "deepseek-ai/DeepSeek-V3",
                    "deepseek-ai__DeepSeek-V3.safetensors.trimmed.json",
                    Some(684_531_386_000),
                    None,
                ),
                // MXFP4: U8 counts packed bytes; with no config in the response, U8 dominating is enough.
                ("openai/gpt-oss-20b", "openai__gpt-oss-20b.safetensors.trimmed.json", None, None),
                ("microsoft/phi-2", "microsoft__phi-2.safetensors.trimmed.json", Some(2_779_683_840), None),
                (
                    "Qwen/Qwen3-30B-A3B",
                    "Qwen__Qwen3-30B-A3B.safetensors.trimmed.json",
                    Some(30_532_122_624),
                    Some(true),
                ),
                (
                    "unsloth/gemma-3-27b-it",
                    "unsloth__gemma-3-27b-it.safetensors.trimmed.json",
                    Some(27_432_406_640),
                    None,
                ),
                // `expand[]=config` returns a subset of the config: `num_experts` 128 is enough.
                (
                    "Qwen/Qwen3-235B-A22B",
                    "Qwen__Qwen3-235B-A22B.expand_safetensors_config_downloads_lastModified.as_reported.json",
                    Some(235_093_634_560),
                    Some(true),
                ),
            ];
            for (id, file, total, moe) in cases {
                let out = model_info(id, file);
                assert_eq!(out.models.len(), 1, "{file}");
                assert_eq!(out.models[0].is_moe, *moe, "{file}");
                match total {
                    Some(total) => {
                        assert!(out.rejects.is_empty(), "{file}: {:?}", out.rejects);
                        assert_eq!(out.params.len(), 1, "{file}");
                        assert_eq!(
                            (out.params[0].total, out.params[0].source),
                            (*total, ParamsSource::Safetensors),
                            "{file}"
                        );
                    }
                    None => {
                        assert!(out.params.is_empty(), "{file}");
                        assert_eq!(out.rejects.len(), 1, "{file}");
                        let r = &out.rejects[0];
                        assert_eq!((r.reason.as_str(), r.model_id.as_deref()), ("params_distrusted", Some(*id)));
                        assert!(
                            r.detail.as_deref().unwrap().contains("20914757184 is dominated by packed dtype U8"),
                            "{r:?}"
                        );
                    }
                }
            }
        }

        #[test]
        fn a_list_page_follows_the_real_link_cursor_onto_the_endpoint() {
            let endpoint = "http://127.0.0.1:9";
            let src = source(&format!(
                "kind = 'hf_models'\nendpoint = '{endpoint}'\n[[discover]]\nsearch = 'Qwen3.8'\nlimit = 100\nmax_pages = 2"
            ));
            let requests = planned(src.as_ref());
            assert_eq!(requests.len(), 1);
            let first = &requests[0];
            assert_eq!((first.purpose, first.page, first.max_pages), (Purpose::ModelList, 1, 2));
            assert!(
                first.url.starts_with(&format!("{endpoint}/api/models?search=Qwen3.8&limit=100&expand")),
                "{}",
                first.url
            );
            for e in ["baseModels", "gguf", "sha"] {
                assert!(first.url.contains(&format!("&expand%5B%5D={e}")), "{e} asked: {}", first.url);
            }

            // A real `Link` header of the Hub, naming huggingface.co: the cursor is kept, the host is ours.
            let headers = fixture_json("hf_api/observed_headers_and_errors.json");
            let link = headers["link_header_examples"][0].as_str().unwrap();
            let mut response = ok(first, fixture("hf_api/api_models_list.expand.trimmed.json"));
            response.record.link = Some(link.to_owned());
            let out = src.parse(first, &response);
            assert!(out.rejects.is_empty(), "{:?}", out.rejects);
            assert!(out.follow_ups.is_empty(), "the next page is planned before the parse, by next_page");
            let next = &src.next_page(first, &response).expect("a next page");
            assert_eq!(next.url, format!("{endpoint}/api/models?cursor=abc123&limit=100"));
            assert_eq!((next.page, next.max_pages, next.purpose), (2, 2, Purpose::ModelList));

            // Items carry no `modelId` with `expand[]`; the second has no `pipeline_tag`.
            let ids: Vec<&str> = out.models.iter().map(|m| m.model_id.as_str()).collect();
            assert_eq!(
                ids,
                ["neonoodles/Qwen3.8-27B-Wildthing-ARA-MTP-GGUF", "mradermacher/Qwen3.8-27B-abliterated-GGUF"]
            );
            let (a, b) = (&out.models[0], &out.models[1]);
            assert_eq!((a.author.as_deref(), a.library_name.as_deref()), (Some("neonoodles"), Some("gguf")));
            assert_eq!((a.pipeline_tag.as_deref(), b.pipeline_tag.as_deref()), (Some("text-generation"), None));
            assert_eq!((a.downloads, b.downloads), (Some(6), Some(1_795)));
            // `abliterated` is a tuning word; the other item carries no card metadata, so whether
            // it is a base model is not known. Neither repo has a safetensors count.
            assert_eq!((a.is_base, b.is_base), (None, Some(false)));
            assert!(out.params.is_empty());
            let dates: Vec<NaiveDate> = out.dates.iter().map(|d| d.date).collect();
            assert_eq!(
                dates,
                [NaiveDate::from_ymd_opt(2026, 9, 7).unwrap(), NaiveDate::from_ymd_opt(2026, 8, 22).unwrap()]
            );

            // The last page allowed plans no next one.
            let last = FetchRequest { page: 2, ..first.clone() };
            let mut response = ok(&last, fixture("hf_api/api_models_list.expand.trimmed.json"));
            response.record.link = Some(link.to_owned());
            assert!(src.next_page(&last, &response).is_none());
        }

        #[test]
        fn a_list_answered_to_a_single_model_request_is_an_unexpected_shape() {
            let out = model_info(
                "deepseek-ai/DeepSeek-V3",
                "api_models_author_deepseek-ai.expand_safetensors.as_reported.json",
            );
            assert!(out.models.is_empty());
            assert_eq!(out.rejects.len(), 1);
            assert_eq!(out.rejects[0].reason, "unexpected_shape");
            assert_eq!(out.rejects[0].detail.as_deref(), Some("expected a JSON object, got array"));
        }
    }
}
