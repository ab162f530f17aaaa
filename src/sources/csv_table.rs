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
