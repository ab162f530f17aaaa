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

#[cfg(test)]
mod tests {
    //! `parse` fed the real JSON boards in `fixtures/real/leaderboards`.

    use chrono::NaiveDate;

    use crate::sources::testing::{fixture, parse, planned, source};
    use crate::sources::{NamedScore, ParseOutput};

    /// A `json_table` source over `file`, rows at `rows`, with `columns`.
    fn board(file: &str, rows: &str, columns: &str) -> ParseOutput {
        let src = source(&format!(
            "kind = 'json_table'\nboard = 'b'\nurl = 'https://example.org/{file}'\nrows = '{rows}'\ncolumns = [{columns}]"
        ));
        let requests = planned(src.as_ref());
        assert_eq!(requests.len(), 1);
        parse(src.as_ref(), &requests[0], fixture(&format!("leaderboards/{file}")))
    }

    fn scores_of<'a>(out: &'a ParseOutput, name: &str) -> Vec<(&'a str, f64)> {
        let mut v: Vec<(&str, f64)> = out
            .named_scores
            .iter()
            .filter(|s| s.name == name)
            .map(|s| (s.score.benchmark.as_str(), s.score.value))
            .collect();
        v.sort_by(|a, b| a.0.cmp(b.0));
        v
    }

    const EVALPLUS: &str = "{ at = '$key', field = 'model' }, { at = 'link', field = 'hub_id' }, \
        { at = 'pass@1.humaneval', field = 'score', benchmark = 'humaneval', shots = 0, metric = 'pass@1' }, \
        { at = 'pass@1.humaneval+', field = 'score', benchmark = 'humaneval_plus', shots = 0, metric = 'pass@1' }, \
        { at = 'pass@1.mbpp', field = 'score', benchmark = 'mbpp', metric = 'pass@1' }, \
        { at = 'pass@1.mbpp+', field = 'score', benchmark = 'mbpp_plus', metric = 'pass@1' }";

    #[test]
    fn evalplus_results_keyed_by_display_name_with_hub_links_and_nulls() {
        let out = board("evalplus_results.json", "", EVALPLUS);
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        // 125 models; the 72 null pass@1 values are missing, not zeros.
        assert_eq!(out.named_scores.len(), 428);
        assert!(out.named_scores.iter().all(|s| s.score.value > 0.0));
        // A huggingface.co link gives the Hub id; a vendor page gives none.
        let code13: Vec<&NamedScore> = out.named_scores.iter().filter(|s| s.name == "Code-13B").collect();
        assert!(code13.iter().all(|s| s.hub_id.as_deref() == Some("ajibawa-2023/Code-13B")));
        assert_eq!(scores_of(&out, "Code-13B"), [("humaneval", 56.1), ("humaneval_plus", 52.4)]);
        assert_eq!(code13[0].score.value_raw, "56.1");
        assert_eq!(
            scores_of(&out, "OpenCoder-8B-Instruct"),
            [("humaneval", 81.7), ("humaneval_plus", 77.4), ("mbpp", 82.0), ("mbpp_plus", 71.4)]
        );
        let gpt4 = out.named_scores.iter().find(|s| s.name == "GPT-4-Turbo (Nov 2023)").unwrap();
        assert_eq!(gpt4.hub_id, None);
        assert_eq!(
            out.named_scores
                .iter()
                .filter(|s| s.hub_id.is_some())
                .map(|s| &s.name)
                .collect::<std::collections::BTreeSet<_>>()
                .len(),
            82
        );
        let plus = out.named_scores.iter().find(|s| s.score.benchmark == "humaneval_plus").unwrap();
        assert_eq!(
            (plus.score.shots, plus.score.metric.as_deref(), plus.score.benchmark_raw.as_str()),
            (Some(0), Some("pass@1"), "pass@1.humaneval+")
        );
    }

    #[test]
    fn an_array_of_rows_at_a_dot_path() {
        let out = board(
            "open-llm-leaderboard_contents_rows_offset0.json",
            "rows",
            "{ at = 'row.fullname', field = 'hub_id' }, \
             { at = 'row.IFEval Raw', field = 'score', benchmark = 'ifeval', shots = 0, unit = 'fraction' }, \
             { at = 'row.Submission Date', field = 'date' }",
        );
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        assert_eq!(out.named_scores.len(), 8);
        let yi = out.named_scores.iter().find(|s| s.name == "01-ai/Yi-1.5-34B").unwrap();
        assert_eq!(yi.hub_id.as_deref(), Some("01-ai/Yi-1.5-34B"));
        assert_eq!((yi.score.value, yi.score.unit.as_str()), (0.2841172533322695 * 100.0, "percent"));
        assert_eq!(
            (yi.score.value_raw.as_str(), yi.score.observed_on),
            ("0.2841172533322695", NaiveDate::from_ymd_opt(2024, 6, 12))
        );
    }

    #[test]
    fn no_rows_where_the_path_points_and_a_body_that_is_not_json_are_rejects() {
        // The capture was cut off before `num_rows_total`.
        let out = board(
            "open-llm-leaderboard_contents_rows_offset0.json",
            "num_rows_total",
            "{ at = 'row.fullname', field = 'hub_id' }",
        );
        assert_eq!(out.rejects.len(), 1);
        let r = &out.rejects[0];
        assert_eq!((r.source.as_str(), r.reason.as_str()), ("json_table", "unexpected_shape"));
        assert_eq!(r.detail.as_deref(), Some("board b: no array or object at \"num_rows_total\""));

        let out = board("evalplus_humaneval_2024-03.csv", "", "{ at = 'Model', field = 'model' }");
        assert_eq!(out.rejects.len(), 1);
        assert_eq!(out.rejects[0].reason, "invalid_json");
        assert!(out.named_scores.is_empty());
    }
}
