//! Sources: each one file, each a config struct plus an implementation of [`Source`].
//!
//! A source plans requests and parses responses; it never fetches, sleeps, retries, writes files
//! or builds Arrow arrays, and it does not decide who gets `HF_TOKEN` (`fetch` does; a source
//! only names its [`Host`]s). Registration is explicit, here, so the list is easy to find.
//!
//! # What adding a source costs
//! 1 file + 1 `mod` line + 1 variant + 1 arm + its tests:
//! - `sources/<kind>.rs`: its `<Kind>Config` (the `[[sources]]` table, serde, doc comments as
//!   user docs), `KIND`, its [`Source`] impl and its unit tests. A leaderboard table is smaller:
//!   a [`board::RowReader`] and `pub type <Kind> = board::Board<Reader>`;
//! - a `pub mod <kind>;` line below;
//! - a [`SourceConfig`] variant (its doc line is the `kind`'s description);
//! - an arm in [`build`];
//! - integration tests in `tests/it/` against its real fixture.
//!
//! Nothing else needs to name it. Defaults that apply unless it asks otherwise: it gets no
//! `HF_TOKEN` (a source calling the Hub returns its endpoint from [`SourceConfig::hub_endpoint`]);
//! its scores rank by `self_reported` in `normalize::precedence` (sources ranked by name are
//! listed there); a new kind of request needs a `fetch::Purpose` variant, which the compiler
//! then asks to be ranked in the driver.

pub mod board;
pub mod csv_table;
pub mod curated;
pub mod epoch;
pub mod hf_eval_results;
pub mod hf_files;
pub mod hf_models;
pub mod html_table;
pub mod hub_api;
pub mod hub_parquet;
pub mod json_table;
pub mod lm_eval_results;
pub mod lmarena;
pub mod open_llm_leaderboard;
#[cfg(test)]
mod testing;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::fetch::settings::hf_endpoint;
use crate::fetch::{FetchRequest, FetchedResponse, Host};
use crate::tables::rows::{ModelRow, RejectRow, ScoreRow};

/// What a source may know about the run when planning.
#[derive(Debug, Clone, Default)]
pub struct PlanContext {
    /// `--model` ids: when set, sources plan only these models and skip discovery.
    pub only_models: Option<Vec<String>>,
    /// Models named by id whose Hub API call failed (a 404, an error, a body without the model; not
    /// a 401/403, behind which the files are hidden too): their files are still asked for, so a
    /// card served without an API answer still speaks.
    pub undescribed: Vec<String>,
}

/// A parameter count observed for a model.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ParamsFact {
    /// The model.
    pub model_id: String,
    /// Total parameters.
    pub total: i64,
    /// Active parameters per token (MoE).
    pub active: Option<i64>,
    /// Where it came from.
    pub source: ParamsSource,
    /// The nominal label as written, when there is one.
    pub label: Option<String>,
    /// The total is itself an estimate from a name like `8x7B`.
    pub is_rough: bool,
    /// The response it was read from.
    pub url: String,
    /// What it was read from (a sentence, a table row, a field), at most 200 characters.
    pub evidence: Option<String>,
    /// A card's own statement far from the name's size ([`crate::parse::params::CardSize`]):
    /// neither it nor the name is published as the count, and the disagreement is reported.
    pub against_name: bool,
    /// The card's own table gives this count for the model, finer than the name's nominal size and
    /// far from it ([`crate::parse::params::CardSize::over_name`]): published over the name, the gap
    /// reported.
    #[serde(default)]
    pub over_name: bool,
}

pub use crate::parse::dates::DatePrecision;
pub use crate::tables::codes::{DateSource, ParamsSource};

/// A release date observed for a model.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DateFact {
    /// The model.
    pub model_id: String,
    /// The date (first of the month/year at coarser precision).
    pub date: NaiveDate,
    /// Its precision.
    pub precision: DatePrecision,
    /// Its basis.
    pub source: DateSource,
    /// What it was read from (a card line, a field), at most 200 characters.
    pub evidence: Option<String>,
}

/// A board's score for a model it names by display name (and maybe a Hub id hint).
#[derive(Debug, Clone, PartialEq)]
pub struct NamedScore {
    /// The name as the board writes it.
    pub name: String,
    /// A Hub id the board gives for the row, when it has such a column.
    pub hub_id: Option<String>,
    /// The board.
    pub board: String,
    /// The score, `model_id` empty until resolved.
    pub score: ScoreRow,
}

/// What parsing one response yields.
#[derive(Debug, Default)]
pub struct ParseOutput {
    /// Model metadata observations, each with its `source_url` (parameter counts and dates go
    /// in `params` and `dates`, where precedence picks among them).
    pub models: Vec<ModelRow>,
    /// Parameter counts.
    pub params: Vec<ParamsFact>,
    /// Release dates.
    pub dates: Vec<DateFact>,
    /// Benchmark score observations.
    pub scores: Vec<ScoreRow>,
    /// Other names of models: (name, Hub id), e.g. an old id the Hub redirected to a new one.
    pub aliases: Vec<(String, String)>,
    /// Scores of a board row named by display name, resolved to a Hub id after all sources ran.
    pub named_scores: Vec<NamedScore>,
    /// Requests to make next (next page, per-model files).
    pub follow_ups: Vec<FetchRequest>,
    /// Things that could not be used, with a reason code.
    pub rejects: Vec<RejectRow>,
}

/// A source of observations. See the module docs for its duties.
pub trait Source: Send + Sync {
    /// Stable kind: the file name, the TOML `kind`, the value of every `source` column.
    fn kind(&self) -> &'static str;

    /// The first requests, with rejects for planned inputs that are unusable (a bad model id).
    fn plan(&self, ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>);

    /// More requests once every request so far is done, given the models observed (so a
    /// watchlist skips models a discovery page described, and files follow their models).
    /// Called until no source returns a request not made before; repeats are dropped by URL
    /// (another source asking for a URL before its response is parsed shares that response).
    fn plan_more(&self, _ctx: &PlanContext, _seen: &[&ModelRow]) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (Vec::new(), Vec::new())
    }

    /// Whether [`Source::plan_more`] wants `model` among the models it is given. Only followed
    /// models are kept in memory between waves (a whole-Hub crawl observes millions), so a
    /// source that plans from `seen` must say which models it plans from.
    fn follows(&self, _model: &ModelRow) -> bool {
        false
    }

    /// The next page of a paged response (a `Link` cursor), read from its headers before the
    /// body is parsed, so the next request is in flight while this one is parsed: a cursor
    /// crawl is sequential, and the parse would otherwise add to every page's turn.
    fn next_page(&self, _request: &FetchRequest, _response: &FetchedResponse) -> Option<FetchRequest> {
        None
    }

    /// Parses one successful response. Pure: no I/O, no clock.
    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput;

    /// Hosts this source sends requests to: requests and redirects are allowed to them. Which
    /// host gets `HF_TOKEN` is not the source's to say: only the Hub endpoint's does
    /// ([`fetch::token::hub_hosts`](crate::fetch::token::hub_hosts)).
    fn hosts(&self) -> Vec<Host>;

    /// Whose data this is and under what terms, when its publisher asks for credit (a CC BY
    /// dataset): written into the snapshot's manifest, `datapackage.json` and `CITATION.cff`.
    fn attribution(&self) -> Option<Attribution> {
        None
    }
}

/// The credit a source's data requires.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Attribution {
    /// The source kind ([`Source::kind`]).
    pub source: &'static str,
    /// The publisher and dataset, as they ask to be credited ("Epoch AI, Benchmarking Hub").
    pub credit: String,
    /// The licence's SPDX id (`CC-BY-4.0`).
    pub licence: &'static str,
    /// Where the data and its terms are.
    pub url: String,
}

/// A response's body as JSON; when it is not, the `invalid_json` reject (stage `parse`) that
/// says why goes into `out`.
pub fn json_body(kind: &str, request: &FetchRequest, body: &[u8], out: &mut ParseOutput) -> Option<serde_json::Value> {
    serde_json::from_slice(body)
        .map_err(|e| {
            out.rejects.push(
                RejectRow::new(kind, crate::fetch::Stage::Parse, crate::fetch::RejectReason::InvalidJson)
                    .request(request)
                    .detail(e.to_string()),
            )
        })
        .ok()
}

/// One request per distinct valid Hub id of `ids` (`request` builds it), and an
/// `invalid_model_id` reject (stage `plan`) for each id that is not one: how a source that asks
/// something per model plans.
pub fn per_model<'a>(
    kind: &str,
    ids: impl IntoIterator<Item = &'a str>,
    request: impl Fn(&str) -> FetchRequest,
) -> (Vec<FetchRequest>, Vec<RejectRow>) {
    let (mut requests, mut rejects) = (Vec::new(), Vec::new());
    let mut planned = std::collections::HashSet::new();
    for id in ids {
        match crate::parse::ids::check_model_id(id) {
            Ok(()) if planned.insert(id) => requests.push(request(id)),
            Ok(()) => {}
            Err(why) => rejects.push(
                RejectRow::new(kind, crate::fetch::Stage::Plan, crate::fetch::RejectReason::InvalidModelId)
                    .model(id)
                    .detail(why),
            ),
        }
    }
    (requests, rejects)
}

/// One `[[sources]]` table; `kind` picks the source.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SourceConfig {
    /// Hugging Face Hub model metadata (`/api/models`).
    HfModels(hf_models::HfModelsConfig),
    /// Model cards and configs (`/{id}/resolve/main/…`) of the models other sources found.
    HfFiles(hf_files::HfFilesConfig),
    /// The Open LLM Leaderboard: v2 `contents` rows (datasets-server pages or the Hub's Parquet
    /// export) and v1 results files.
    OpenLlmLeaderboard(open_llm_leaderboard::OpenLlmLeaderboardConfig),
    /// A static HTML leaderboard read with CSS selectors.
    HtmlTable(board::BoardConfig),
    /// A leaderboard published as CSV.
    CsvTable(board::BoardConfig),
    /// A leaderboard published as JSON.
    JsonTable(board::BoardConfig),
    /// Hand-checked scores with citations, from a local CSV.
    Curated(curated::CuratedConfig),
    /// Epoch AI's Benchmarking Hub: its own runs, one CSV per benchmark in a zip (CC BY 4.0).
    Epoch(epoch::EpochConfig),
    /// lm-evaluation-harness results files (`results_<time>.json`), local or by URL.
    LmEvalResults(lm_eval_results::LmEvalResultsConfig),
    /// The Hub's eval results: models' `evalResults` and official benchmarks' leaderboards.
    HfEvalResults(hf_eval_results::HfEvalResultsConfig),
    /// LMArena's published ratings (`lmarena-ai/leaderboard-dataset`, a Parquet file per arena).
    Lmarena(lmarena::LmarenaConfig),
}

impl SourceConfig {
    /// The Hugging Face Hub endpoint this source calls, for a Hub source (`hf_models`,
    /// `hf_files`, `hf_eval_results`): its pinned `endpoint`, else `HF_ENDPOINT`, else the default. Its host is the
    /// only one `fetch` sends `HF_TOKEN` to.
    pub fn hub_endpoint(&self) -> Option<String> {
        match self {
            SourceConfig::HfModels(c) => Some(hf_endpoint(c.endpoint.as_deref())),
            SourceConfig::HfFiles(c) => Some(hf_endpoint(c.endpoint.as_deref())),
            SourceConfig::HfEvalResults(c) => Some(hf_endpoint(c.endpoint.as_deref())),
            // Any other source is not the Hub: a new one gets no token unless listed here.
            _ => None,
        }
    }
}

/// Builds the sources of a pipeline, in order.
pub fn build(configs: &[SourceConfig]) -> Vec<Box<dyn Source>> {
    configs
        .iter()
        .map(|c| match c {
            SourceConfig::HfModels(c) => Box::new(hf_models::HfModels::new(c.clone())) as Box<dyn Source>,
            SourceConfig::HfFiles(c) => Box::new(hf_files::HfFiles::new(c.clone())) as Box<dyn Source>,
            SourceConfig::OpenLlmLeaderboard(c) => Box::new(open_llm_leaderboard::OpenLlmLeaderboard::new(c.clone())),
            SourceConfig::HtmlTable(c) => Box::new(html_table::HtmlTable::new(c.clone())),
            SourceConfig::CsvTable(c) => Box::new(csv_table::CsvTable::new(c.clone())),
            SourceConfig::JsonTable(c) => Box::new(json_table::JsonTable::new(c.clone())),
            SourceConfig::Curated(c) => Box::new(curated::Curated::new(c.clone())),
            SourceConfig::Epoch(c) => Box::new(epoch::Epoch::new(c.clone())),
            SourceConfig::LmEvalResults(c) => Box::new(lm_eval_results::LmEvalResults::new(c.clone())),
            SourceConfig::HfEvalResults(c) => Box::new(hf_eval_results::HfEvalResults::new(c.clone())),
            SourceConfig::Lmarena(c) => Box::new(lmarena::Lmarena::new(c.clone())),
        })
        .collect()
}
