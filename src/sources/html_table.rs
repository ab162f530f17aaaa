//! `html_table`: a static HTML leaderboard, read with the CSS selectors of the pipeline file.
//!
//! The row selector picks `<tr>`s (or any element); each column's selector is applied within
//! a row and its text taken. A page where the selector finds no rows is a reject, never zero
//! rows in silence; when the page carries scripts, the reject says the table is filled by
//! JavaScript, so the board's JSON should be read instead (as with EvalPlus).

use scraper::{Html, Selector};

use super::board::{self, emit, BoardConfig};
use super::{ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, RejectReason, Stage};
use crate::tables::rows::RejectRow;

/// The source kind.
pub const KIND: &str = "html_table";

/// Pages larger than this are not parsed.
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// The built source.
pub struct HtmlTable {
    config: BoardConfig,
}

impl HtmlTable {
    /// Builds the source.
    pub fn new(config: BoardConfig) -> Self {
        HtmlTable { config }
    }
}

impl Source for HtmlTable {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext, source_index: usize) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (board::plan(&self.config, source_index, KIND), Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let bad = |out: &mut ParseOutput, reason: RejectReason, detail: String| {
            out.rejects.push(
                RejectRow::new(KIND, Stage::Parse, reason)
                    .url(url)
                    .detail(format!("board {}: {detail}", self.config.board)),
            );
        };
        if response.body.len() > MAX_PAGE_BYTES {
            bad(&mut out, RejectReason::TooLarge, format!("page of {} bytes not parsed", response.body.len()));
            return out;
        }
        let Ok(rows_sel) = Selector::parse(&self.config.rows) else {
            bad(&mut out, RejectReason::BadSelector, format!("rows selector {:?} does not parse", self.config.rows));
            return out;
        };
        let mut cell_sels = Vec::new();
        for c in &self.config.columns {
            match Selector::parse(&c.at) {
                Ok(s) => cell_sels.push(s),
                Err(_) => {
                    bad(&mut out, RejectReason::BadSelector, format!("column selector {:?} does not parse", c.at));
                    return out;
                }
            }
        }
        let text = String::from_utf8_lossy(&response.body);
        let page = Html::parse_document(&text);
        let mut rows = 0;
        for row in page.select(&rows_sel) {
            rows += 1;
            let cells: Vec<Option<String>> =
                cell_sels.iter().map(|s| row.select(s).next().map(|e| e.text().collect::<String>())).collect();
            emit(&self.config, KIND, url, &cells, &mut out);
        }
        if rows == 0 {
            let scripted = Selector::parse("script").map(|s| page.select(&s).next().is_some()).unwrap_or(false);
            let detail = if scripted {
                "table empty: page is rendered by script; use its JSON".to_owned()
            } else {
                format!("table empty: no element matches {:?}", self.config.rows)
            };
            bad(&mut out, RejectReason::TableEmpty, detail);
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        board::hosts(&self.config)
    }
}
