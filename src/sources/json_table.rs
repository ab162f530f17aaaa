//! `json_table`: a leaderboard published as JSON: an array of row objects, or an object keyed by
//! model name (EvalPlus `results.json`), found at the `rows` dot path.
//!
//! Column paths are dot paths within a row (`pass@1.humaneval`); `$key` is the row's key in a
//! keyed object. `null` scores are missing values, not zeros.

use serde_json::Value;

use super::board::{self, emit, BoardConfig};
use super::{ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, RejectReason, Stage};
use crate::tables::rows::RejectRow;

/// The source kind.
pub const KIND: &str = "json_table";

/// The built source.
pub struct JsonTable {
    config: BoardConfig,
}

impl JsonTable {
    /// Builds the source.
    pub fn new(config: BoardConfig) -> Self {
        JsonTable { config }
    }
}

/// Follows a dot path (`a.b.c`); keys may contain `@` and `+`.
fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    if path.is_empty() {
        return Some(v);
    }
    path.split('.').try_fold(v, |v, key| v.get(key))
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

impl Source for JsonTable {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext, source_index: usize) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (board::plan(&self.config, source_index, KIND), Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let doc: Value = match serde_json::from_slice(&response.body) {
            Ok(v) => v,
            Err(e) => {
                out.rejects
                    .push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidJson).url(url).detail(e.to_string()));
                return out;
            }
        };
        let rows: Vec<(Option<&str>, &Value)> = match at(&doc, &self.config.rows) {
            Some(Value::Array(items)) => items.iter().map(|v| (None, v)).collect(),
            Some(Value::Object(map)) => map.iter().map(|(k, v)| (Some(k.as_str()), v)).collect(),
            _ => {
                let detail = format!("board {}: no array or object at {:?}", self.config.board, self.config.rows);
                out.rejects
                    .push(RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape).url(url).detail(detail));
                return out;
            }
        };
        if rows.is_empty() {
            out.rejects.push(
                RejectRow::new(KIND, Stage::Parse, RejectReason::TableEmpty)
                    .url(url)
                    .detail(format!("board {}: no rows", self.config.board)),
            );
        }
        for (key, row) in rows {
            let cells: Vec<Option<String>> = self
                .config
                .columns
                .iter()
                .map(|c| if c.at == "$key" { key.map(str::to_owned) } else { at(row, &c.at).and_then(text) })
                .collect();
            emit(&self.config, KIND, url, &cells, &mut out);
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        board::hosts(&self.config)
    }
}
