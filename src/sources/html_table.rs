//! `html_table`: a static HTML leaderboard, read with the CSS selectors of the pipeline file.
//!
//! The row selector picks `<tr>`s (or any element); each column's selector is applied within
//! a row and its text taken. A page where the selector finds no rows is a reject, never zero
//! rows in silence; when the page carries scripts, the reject says the table is filled by
//! JavaScript, so the board's JSON should be read instead (as with EvalPlus).

use scraper::{Html, Selector};

use super::board::{emit, Board, BoardConfig, RowReader};
use super::ParseOutput;
use crate::fetch::{RejectReason, Stage};
use crate::tables::rows::RejectRow;

/// The source kind.
pub const KIND: &str = "html_table";

/// Pages larger than this are not parsed.
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// The source: a [`Board`] with this file's row reader.
pub type HtmlTable = Board<HtmlRows>;

/// Rows and cells of a static HTML page.
#[derive(Debug, Default)]
pub struct HtmlRows;

impl RowReader for HtmlRows {
    const KIND: &'static str = KIND;

    fn read(&self, config: &BoardConfig, url: &str, body: &[u8]) -> ParseOutput {
        let mut out = ParseOutput::default();
        let bad = |out: &mut ParseOutput, reason: RejectReason, detail: String| {
            out.rejects.push(
                RejectRow::new(KIND, Stage::Parse, reason).url(url).detail(format!("board {}: {detail}", config.board)),
            );
        };
        if body.len() > MAX_PAGE_BYTES {
            bad(&mut out, RejectReason::TooLarge, format!("page of {} bytes not parsed", body.len()));
            return out;
        }
        let Ok(rows_sel) = Selector::parse(&config.rows) else {
            bad(&mut out, RejectReason::BadSelector, format!("rows selector {:?} does not parse", config.rows));
            return out;
        };
        let mut cell_sels = Vec::new();
        for c in &config.columns {
            match Selector::parse(&c.at) {
                Ok(s) => cell_sels.push(s),
                Err(_) => {
                    bad(&mut out, RejectReason::BadSelector, format!("column selector {:?} does not parse", c.at));
                    return out;
                }
            }
        }
        let text = String::from_utf8_lossy(body);
        let page = Html::parse_document(&text);
        let mut rows = 0;
        for row in page.select(&rows_sel) {
            rows += 1;
            let cells: Vec<Option<String>> =
                cell_sels.iter().map(|s| row.select(s).next().map(|e| e.text().collect::<String>())).collect();
            emit(config, KIND, url, &cells, &mut out);
        }
        if rows == 0 {
            let scripted = Selector::parse("script").map(|s| page.select(&s).next().is_some()).unwrap_or(false);
            let detail = if scripted {
                "table empty: page is rendered by script; use its JSON".to_owned()
            } else {
                format!("table empty: no element matches {:?}", config.rows)
            };
            bad(&mut out, RejectReason::TableEmpty, detail);
        }
        out
    }
}
