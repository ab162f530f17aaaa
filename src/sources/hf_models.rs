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
const EXPAND: &[&str] = &[
    "author",
    "cardData",
    "config",
    "createdAt",
    "downloads",
    "gated",
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
}

impl HfModels {
    /// Builds the source, resolving the endpoint (pinned, `HF_ENDPOINT`, or the default).
    pub fn new(config: HfModelsConfig) -> Self {
        let endpoint = hf_endpoint(config.endpoint.as_deref());
        HfModels { config, endpoint }
    }

    fn model_request(&self, id: &str, source_index: usize) -> FetchRequest {
        let url = format!("{}/api/models/{id}", self.endpoint);
        FetchRequest { model_id: Some(id.to_owned()), ..FetchRequest::new(url, source_index, KIND, Purpose::ModelInfo) }
    }

    fn list_request(&self, q: &DiscoverQuery, source_index: usize) -> FetchRequest {
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
        FetchRequest {
            page: 1,
            max_pages: q.max_pages,
            ..FetchRequest::new(url, source_index, KIND, Purpose::ModelList)
        }
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

    fn plan_models<'a>(
        &self,
        ids: impl Iterator<Item = &'a String>,
        source_index: usize,
    ) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        let mut requests = Vec::new();
        let mut rejects = Vec::new();
        let mut planned = HashSet::new();
        for id in ids {
            match check_model_id(id) {
                Ok(()) if planned.insert(id.clone()) => requests.push(self.model_request(id, source_index)),
                Ok(()) => {}
                Err(why) => {
                    rejects.push(RejectRow::new(KIND, Stage::Plan, RejectReason::InvalidModelId).model(id).detail(why))
                }
            }
        }
        (requests, rejects)
    }
}

impl Source for HfModels {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, ctx: &PlanContext, source_index: usize) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        if ctx.only_models.is_some() || self.config.discover.is_empty() {
            return self.plan_models(self.watchlist(ctx).iter(), source_index);
        }
        let requests = self.config.discover.iter().map(|q| self.list_request(q, source_index)).collect();
        (requests, Vec::new())
    }

    fn plan_more(
        &self,
        ctx: &PlanContext,
        source_index: usize,
        seen: &[&ModelRow],
    ) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        if ctx.only_models.is_some() || self.config.discover.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let seen: HashSet<&str> = seen.iter().map(|m| m.model_id.as_str()).collect();
        let watchlist = self.watchlist(ctx);
        self.plan_models(watchlist.iter().filter(|id| !seen.contains(id.as_str())), source_index)
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let json: Value = match serde_json::from_slice(&response.body) {
            Ok(v) => v,
            Err(e) => {
                out.rejects.push(
                    RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidJson)
                        .request(request)
                        .detail(e.to_string()),
                );
                return out;
            }
        };
        match (request.purpose, json) {
            (Purpose::ModelList, Value::Array(items)) => {
                for item in &items {
                    model_row(item, url, &mut out);
                }
                let next = response.record.link.as_deref().and_then(next_link).map(|n| self.rebase(&n));
                if let Some(next) = next.filter(|_| request.page < request.max_pages) {
                    out.follow_ups.push(FetchRequest { url: next, page: request.page + 1, ..request.clone() });
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
    let base_model = card.and_then(|c| list_or_string(c.get("base_model"))).or_else(|| {
        let bases: Vec<&str> =
            tags.iter().filter_map(|t| t.strip_prefix("base_model:")).filter(|t| !t.contains(':')).collect();
        (!bases.is_empty()).then(|| bases.join(","))
    });
    let relation = card.and_then(|c| str_field(c, "base_model_relation")).or_else(|| {
        tags.iter()
            .filter_map(|t| t.strip_prefix("base_model:"))
            .find_map(|t| t.split_once(':').map(|(r, _)| r.to_owned()))
    });
    let license = card.and_then(|c| list_or_string(c.get("license"))).or_else(|| {
        let ls: Vec<&str> = tags.iter().filter_map(|t| t.strip_prefix("license:")).collect();
        (!ls.is_empty()).then(|| ls.join(","))
    });
    let is_moe = is_moe(&id, config);
    let is_base = Some(base_model.is_none() && !looks_tuned(&id));
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
    fn moe_and_tuned_names() {
        assert_eq!(is_moe("mistralai/Mixtral-8x7B-v0.1", None), Some(true));
        assert_eq!(is_moe("Qwen/Qwen3-30B-A3B", None), Some(true));
        assert_eq!(is_moe("meta-llama/Llama-2-7b-hf", None), None);
        assert!(looks_tuned("google/gemma-2b-it"));
        assert!(!looks_tuned("google/gemma-2b"));
    }
}
