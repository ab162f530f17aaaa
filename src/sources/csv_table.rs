//! `csv_table`: a leaderboard published as CSV (AlpacaEval, LMArena exports), columns by name.
//!
//! An unnamed first column (AlpacaEval's index of model names) is addressed as `""`.

use super::board::{emit, Board, BoardConfig, RowReader};
use super::ParseOutput;
use crate::fetch::{RejectReason, Stage};
use crate::tables::rows::RejectRow;

/// The source kind.
pub const KIND: &str = "csv_table";

/// The source: a [`Board`] with this file's row reader.
pub type CsvTable = Board<CsvRows>;

/// Rows and cells of a CSV file.
#[derive(Debug, Default)]
pub struct CsvRows;

impl RowReader for CsvRows {
    const KIND: &'static str = KIND;

    fn read(&self, config: &BoardConfig, url: &str, body: &[u8]) -> ParseOutput {
        let mut out = ParseOutput::default();
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
            Err(e) => {
                out.rejects
                    .push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidCsv).url(url).detail(e.to_string()));
                return out;
            }
        };
        let mut positions = Vec::new();
        for c in &config.columns {
            match header.iter().position(|h| *h == c.at) {
                Some(p) => positions.push(p),
                None => {
                    let detail = format!("board {}: no column {:?} in {:?}", config.board, c.at, header);
                    out.rejects
                        .push(RejectRow::new(KIND, Stage::Parse, RejectReason::MissingColumn).url(url).detail(detail));
                    return out;
                }
            }
        }
        let mut rows = 0;
        for record in reader.records() {
            match record {
                Ok(record) => {
                    rows += 1;
                    let cells: Vec<Option<String>> =
                        positions.iter().map(|p| record.get(*p).map(str::to_owned)).collect();
                    emit(config, KIND, url, &cells, &mut out);
                }
                Err(e) => out
                    .rejects
                    .push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidCsv).url(url).detail(e.to_string())),
            }
        }
        if rows == 0 {
            out.rejects.push(
                RejectRow::new(KIND, Stage::Parse, RejectReason::TableEmpty)
                    .url(url)
                    .detail(format!("board {}: no rows", config.board)),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    //! `parse` fed the real CSV boards in `fixtures/real/leaderboards`.

    use chrono::NaiveDate;

    use crate::sources::testing::{fixture, parse, planned, source};
    use crate::sources::{NamedScore, ParseOutput};

    /// A `csv_table` source over `file` with `columns` (TOML inline tables), parsed as the driver would.
    fn board(file: &str, columns: &str) -> ParseOutput {
        let src = source(&format!(
            "kind = 'csv_table'\nboard = 'b'\nurl = 'https://example.org/{file}'\ncolumns = [{columns}]"
        ));
        let requests = planned(src.as_ref());
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].url, format!("https://example.org/{file}"));
        parse(src.as_ref(), &requests[0], fixture(&format!("leaderboards/{file}")))
    }

    fn score<'a>(out: &'a ParseOutput, name: &str, benchmark: &str) -> &'a NamedScore {
        let found: Vec<&NamedScore> =
            out.named_scores.iter().filter(|s| s.name == name && s.score.benchmark == benchmark).collect();
        assert_eq!(found.len(), 1, "{name} {benchmark}: {found:?}");
        found[0]
    }

    #[test]
    fn evalplus_humaneval_base_and_plus_by_display_name() {
        let out = board(
            "evalplus_humaneval_2024-03.csv",
            "{ at = 'Model', field = 'model' }, \
             { at = 'pass@1_base', field = 'score', benchmark = 'humaneval', shots = 0, metric = 'pass@1' }, \
             { at = 'pass@1_plus', field = 'score', benchmark = 'humaneval_plus', shots = 0, metric = 'pass@1' }",
        );
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        // 80 rows, two scores each, every one a number.
        assert_eq!(out.named_scores.len(), 160);
        let gpt4 = score(&out, "GPT-4-Turbo (Nov 2023)", "humaneval");
        assert_eq!((gpt4.score.value, gpt4.score.value_raw.as_str()), (85.4, "85.4"));
        assert_eq!((gpt4.score.unit.as_str(), gpt4.score.shots), ("percent", Some(0)));
        assert_eq!((gpt4.hub_id.as_deref(), gpt4.board.as_str()), (None, "b"));
        assert_eq!(gpt4.score.benchmark_raw, "pass@1_base");
        assert_eq!(score(&out, "GPT-4-Turbo (Nov 2023)", "humaneval_plus").score.value, 81.7);
        assert_eq!(score(&out, "DeepSeek-Coder-33B-instruct", "humaneval").score.value, 81.1);
        assert_eq!(score(&out, "Zephyr β-7B", "humaneval_plus").score.value, 23.2);
        assert_eq!(score(&out, "OpenCodeInterpreter-DS-6.7B", "humaneval").score.value, 77.4);
        assert!(out.named_scores.iter().all(|s| s.score.observed_on.is_none() && !s.score.self_reported()));
    }

    #[test]
    fn open_llm_leaderboard_ui_export_by_hub_id() {
        let out = board(
            "open-llm-leaderboard_v2_gradio_export_head40.csv",
            "{ at = 'fullname', field = 'hub_id' }, \
             { at = 'BBH', field = 'score', benchmark = 'bbh_normalized', shots = 3 }, \
             { at = 'IFEval Raw', field = 'score', benchmark = 'ifeval', shots = 0, unit = 'fraction' }, \
             { at = 'Submission Date', field = 'date' }",
        );
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        assert_eq!(out.named_scores.len(), 80);
        let first = score(&out, "dfurman/CalmeRys-78B-Orpo-v0.1", "bbh_normalized");
        assert_eq!(first.hub_id.as_deref(), Some("dfurman/CalmeRys-78B-Orpo-v0.1"));
        assert_eq!((first.score.value, first.score.observed_on), (61.92, NaiveDate::from_ymd_opt(2024, 9, 24)));
        // The export rounds raw fractions to 2 dp; stored ×100 as percent.
        let ifeval = score(&out, "Qwen/Qwen2.5-72B-Instruct", "ifeval");
        assert_eq!((ifeval.score.value, ifeval.score.unit.as_str()), (0.86 * 100.0, "percent"));
        assert_eq!(ifeval.score.value_raw, "0.86");
        assert_eq!(ifeval.score.observed_on, NaiveDate::from_ymd_opt(2024, 10, 16));
    }

    #[test]
    fn arena_scores_carry_their_interval() {
        let out = board(
            "lmsys_chatbot_arena_2024-11.csv",
            "{ at = 'Model', field = 'model' }, { at = 'Huggingface Name', field = 'hub_id' }, \
             { at = 'Arena Score', field = 'score', benchmark = 'arena_elo', unit = 'elo' }, { at = '95% CI', field = 'ci' }",
        );
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        let top = score(&out, "Gemini-Exp-1121", "arena_elo");
        assert_eq!((top.score.value, top.score.unit.as_str(), top.hub_id.as_deref()), (1365.0, "elo", None));
        assert_eq!((top.score.ci_low, top.score.ci_high), (Some(1359.0), Some(1373.0)));
    }

    #[test]
    fn a_configured_column_the_file_lacks_is_a_reject_naming_the_header() {
        // The UI export's average is `Average ⬆️`, not `Average`.
        let out = board(
            "open-llm-leaderboard_v2_gradio_export_head40.csv",
            "{ at = 'fullname', field = 'hub_id' }, { at = 'Average', field = 'score' }",
        );
        assert!(out.named_scores.is_empty());
        assert_eq!(out.rejects.len(), 1);
        let r = &out.rejects[0];
        assert_eq!((r.source.as_str(), r.stage.as_str(), r.reason.as_str()), ("csv_table", "parse", "missing_column"));
        let detail = r.detail.as_deref().unwrap();
        assert!(
            detail.starts_with("board b: no column \"Average\" in [\"T\", \"Model\", \"Average ⬆\\u{fe0f}\","),
            "{detail}"
        );
    }
}
