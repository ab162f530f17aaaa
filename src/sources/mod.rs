//! Sources: each one file, each a config struct plus an implementation of [`Source`].
//!
//! A source plans requests and parses responses; it never fetches, sleeps, retries, writes files
//! or builds Arrow arrays. Registration is explicit: one [`SourceConfig`] variant and one arm in
//! [`build`]. A new source is a new file, a `mod` line, a variant, an arm, a fixture and a test.

pub mod hf_models;

use std::collections::HashSet;

use crate::config::SourceConfig;
use crate::fetch::{FetchRequest, FetchedResponse};
use crate::tables::rows::{ModelRow, RejectRow};

/// What a source may know about the run when planning.
#[derive(Debug, Clone, Default)]
pub struct PlanContext {
    /// `--model` ids: when set, sources plan only these models and skip discovery.
    pub only_models: Option<Vec<String>>,
}

/// What parsing one response yields.
#[derive(Debug, Default)]
pub struct ParseOutput {
    /// Model observations, each with its `source_url`.
    pub models: Vec<ModelRow>,
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
    fn plan(&self, ctx: &PlanContext, source_index: usize) -> (Vec<FetchRequest>, Vec<RejectRow>);

    /// Requests planned once the first wave is done, given the models already observed
    /// (so a watchlist skips models a discovery page already described).
    fn plan_second_wave(
        &self,
        _ctx: &PlanContext,
        _source_index: usize,
        _seen: &HashSet<String>,
    ) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (Vec::new(), Vec::new())
    }

    /// Parses one successful response. Pure: no I/O, no clock.
    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput;

    /// Hosts this source sends requests to (allowed hosts), and whether they get `HF_TOKEN`.
    fn hosts(&self) -> Vec<(String, bool)>;
}

/// Builds the sources of a pipeline, in order.
pub fn build(configs: &[SourceConfig]) -> Vec<Box<dyn Source>> {
    configs
        .iter()
        .map(|c| match c {
            SourceConfig::HfModels(c) => Box::new(hf_models::HfModels::new(c.clone())) as Box<dyn Source>,
        })
        .collect()
}

/// A reject row for a source.
pub fn reject(
    source: &str,
    url: Option<&str>,
    model_id: Option<&str>,
    stage: &str,
    reason: &str,
    detail: impl Into<String>,
) -> RejectRow {
    RejectRow {
        source: source.to_owned(),
        url: url.map(str::to_owned),
        model_id: model_id.map(str::to_owned),
        stage: stage.to_owned(),
        reason: reason.to_owned(),
        detail: Some(detail.into()),
    }
}
