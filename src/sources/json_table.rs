//! `json_table`: a leaderboard published as JSON: an array of row objects, or an object keyed by
//! model name (EvalPlus `results.json`), found at the `rows` dot path.
//!
//! Column paths are dot paths within a row (`pass@1.humaneval`); `$key` is the row's key in a
//! keyed object. `null` scores are missing values, not zeros.

use serde_json::Value;

use super::board::{emit, Board, BoardConfig, RowReader};
use super::ParseOutput;
use crate::fetch::{RejectReason, Stage};
use crate::tables::rows::RejectRow;

/// The source kind.
pub const KIND: &str = "json_table";

/// The source: a [`Board`] with this file's row reader.
pub type JsonTable = Board<JsonRows>;

/// Rows and cells of a JSON file.
#[derive(Debug, Default)]
pub struct JsonRows;

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

impl RowReader for JsonRows {
    const KIND: &'static str = KIND;

    fn read(&self, config: &BoardConfig, url: &str, body: &[u8]) -> ParseOutput {
        let mut out = ParseOutput::default();
        let doc: Value = match serde_json::from_slice(body) {
            Ok(v) => v,
            Err(e) => {
                out.rejects
                    .push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidJson).url(url).detail(e.to_string()));
                return out;
            }
        };
        let rows: Vec<(Option<&str>, &Value)> = match at(&doc, &config.rows) {
            Some(Value::Array(items)) => items.iter().map(|v| (None, v)).collect(),
            Some(Value::Object(map)) => map.iter().map(|(k, v)| (Some(k.as_str()), v)).collect(),
            _ => {
                let detail = format!("board {}: no array or object at {:?}", config.board, config.rows);
                out.rejects
                    .push(RejectRow::new(KIND, Stage::Parse, RejectReason::UnexpectedShape).url(url).detail(detail));
                return out;
            }
        };
        if rows.is_empty() {
            out.rejects.push(
                RejectRow::new(KIND, Stage::Parse, RejectReason::TableEmpty)
                    .url(url)
                    .detail(format!("board {}: no rows", config.board)),
            );
        }
        for (key, row) in rows {
            let cells: Vec<Option<String>> = config
                .columns
                .iter()
                .map(|c| if c.at == "$key" { key.map(str::to_owned) } else { at(row, &c.at).and_then(text) })
                .collect();
            emit(config, KIND, url, &cells, &mut out);
        }
        out
    }
}
