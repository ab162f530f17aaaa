//! `csv_table`: a leaderboard published as CSV (AlpacaEval, LMArena exports), columns by name.
//!
//! An unnamed first column (AlpacaEval's index of model names) is addressed as `""`.

use super::board::{self, emit, BoardConfig};
use super::{ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, RejectReason, Stage};
use crate::tables::rows::RejectRow;

/// The source kind.
pub const KIND: &str = "csv_table";

/// The built source.
pub struct CsvTable {
    config: BoardConfig,
}

impl CsvTable {
    /// Builds the source.
    pub fn new(config: BoardConfig) -> Self {
        CsvTable { config }
    }
}

impl Source for CsvTable {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext, source_index: usize) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (board::plan(&self.config, source_index, KIND), Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(response.body.as_slice());
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
            Err(e) => {
                out.rejects
                    .push(RejectRow::new(KIND, Stage::Parse, RejectReason::InvalidCsv).url(url).detail(e.to_string()));
                return out;
            }
        };
        let mut positions = Vec::new();
        for c in &self.config.columns {
            match header.iter().position(|h| *h == c.at) {
                Some(p) => positions.push(p),
                None => {
                    let detail = format!("board {}: no column {:?} in {:?}", self.config.board, c.at, header);
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
                    emit(&self.config, KIND, url, &cells, &mut out);
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
                    .detail(format!("board {}: no rows", self.config.board)),
            );
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        board::hosts(&self.config)
    }
}
