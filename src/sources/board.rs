//! What the leaderboard sources share: the source itself ([`Board`]), its config, and the step
//! where a row of named cells becomes named scores.
//!
//! `html_table`, `csv_table` and `json_table` differ only in how they find rows and cells: each
//! is a [`RowReader`] that hands [`emit`] the text of the configured columns per row, and this
//! module does the rest: one request for the board's page or file, its host, and scores in the
//! configured benchmark and unit, with the row's date and confidence interval. Names are
//! resolved to Hub ids later, by the registry, after every source has run.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{NamedScore, ParseOutput, PlanContext, Source};
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::parse::benchmarks::prompt_of;
use crate::parse::dates::parse_date;
use crate::parse::front_matter::as_percent;
use crate::parse::front_matter::leading_number;
pub use crate::parse::ids::hub_id;
use crate::parse::tables::is_missing;
use crate::tables::codes::Evaluator;
use crate::tables::rows::{RejectRow, ScoreRow};

/// A leaderboard read by `html_table`, `csv_table` or `json_table`: where the rows are and what
/// each column means. No code per site: the mapping is all here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardConfig {
    /// The board's name: in `scores.source_detail` and in rejects of names it could not resolve.
    pub board: String,
    /// The page or file.
    pub url: String,
    /// `html_table`: CSS selector of the rows (e.g. `div.tabcontentlite table tbody tr`).
    /// `json_table`: a dot path to the array or object of rows (empty: the document itself).
    #[serde(default)]
    pub rows: String,
    /// The columns read; others are ignored.
    pub columns: Vec<BoardColumn>,
    /// Scores are self-reported by the model's authors (not an independent evaluation).
    #[serde(default)]
    pub self_reported: bool,
}

/// One column of a board.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardColumn {
    /// Where the value is: a CSS selector within the row (HTML), a column name (CSV; `""` is an
    /// unnamed index column), a dot path (JSON; `$key` is an object's key).
    ///
    /// HTML reads the first matching element's text, or with a final `@attr` its attribute:
    /// `td:nth-child(2) a@href` is the link of the cell's first `<a>` (made absolute against
    /// the page), `@data-id` the row's own attribute. Paired with `field = "hub_id"`, a name
    /// linking to `https://huggingface.co/org/name` resolves with no alias.
    pub at: String,
    /// What it is: `model` (display name), `hub_id` (a Hub id or a huggingface.co URL), `score`,
    /// `date` (the board's date for the result), `ci` (`+8/-6`, for the score before it).
    pub field: ColumnField,
    /// For `score`: the benchmark, canonical name (`humaneval`, `swe_bench_lite`, `arena_elo`).
    pub benchmark: Option<String>,
    /// For `score`: few-shot examples.
    pub shots: Option<i32>,
    /// For `score`: `percent` (0–100 as written), `fraction` (0–1, stored ×100), `elo`, `score_10`.
    #[serde(default = "default_unit")]
    pub unit: String,
    /// For `score`: the metric as the board names it.
    pub metric: Option<String>,
}

fn default_unit() -> String {
    "percent".to_owned()
}

/// What a board column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnField {
    /// The model's display name.
    Model,
    /// A Hub id (or a huggingface.co URL) for the row.
    HubId,
    /// A score.
    Score,
    /// The date the board gives the result.
    Date,
    /// A confidence interval for the preceding score, `+8/-6`.
    Ci,
}

/// A display name cleaned of decoration: medal emoji, symbols and runs of whitespace.
///
/// ```
/// use densing::sources::board::clean_name;
/// assert_eq!(clean_name("\n  🥇\n\n  Factory Code Droid\n"), "Factory Code Droid");
/// assert_eq!(clean_name("**Zephyr-7b-β** 🪁"), "Zephyr-7b-β");
/// assert_eq!(clean_name("RAG + SWE-Llama 13B"), "RAG + SWE-Llama 13B");
/// ```
pub fn clean_name(raw: &str) -> String {
    let words: Vec<&str> = raw
        .split_whitespace()
        .map(|w| w.trim_matches('*'))
        // Emoji and other pictographs decorate; ASCII signs such as `+` are part of the name.
        .filter(|w| !w.is_empty() && w.chars().any(|c| c.is_alphanumeric() || c.is_ascii_punctuation()))
        .collect();
    words.join(" ")
}

/// `+8/-6` (or `+4 / -4`) → (plus, minus).
pub fn parse_ci(cell: &str) -> Option<(f64, f64)> {
    let (plus, minus) = cell.split_once('/')?;
    let plus: f64 = plus.trim().trim_start_matches('+').trim().parse().ok()?;
    let minus: f64 = minus.trim().trim_start_matches('-').trim().parse().ok()?;
    Some((plus, minus))
}

/// How one board format finds rows and cells: all a table source supplies.
pub trait RowReader: Default + Send + Sync {
    /// The source kind.
    const KIND: &'static str;

    /// Reads one response of the board at `url`: each row's cells, in the order of
    /// `config.columns`, go to [`emit`]; a body that cannot be read, or holds no rows, is a
    /// reject. Pure, as [`Source::parse`].
    fn read(&self, config: &BoardConfig, url: &str, body: &[u8]) -> ParseOutput;
}

/// A table source: one request for the board's page or file, its rows read by `R`.
pub struct Board<R> {
    config: BoardConfig,
    reader: R,
}

impl<R: RowReader> Board<R> {
    /// Builds the source.
    pub fn new(config: BoardConfig) -> Self {
        Board { config, reader: R::default() }
    }
}

impl<R: RowReader> Source for Board<R> {
    fn kind(&self) -> &'static str {
        R::KIND
    }

    fn plan(&self, _ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (vec![FetchRequest::new(self.config.url.clone(), Purpose::Board)], Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        self.reader.read(&self.config, &request.url, &response.body)
    }

    fn hosts(&self) -> Vec<Host> {
        Host::of_url(&self.config.url).into_iter().collect()
    }
}

/// Turns one row's cells (in the order of `config.columns`) into named scores.
pub fn emit(config: &BoardConfig, kind: &'static str, url: &str, cells: &[Option<String>], out: &mut ParseOutput) {
    let text = |field: ColumnField| {
        config.columns.iter().zip(cells).find(|(c, _)| c.field == field).and_then(|(_, v)| v.clone())
    };
    let name = text(ColumnField::Model).map(|n| clean_name(&n)).filter(|n| !n.is_empty());
    let hub = text(ColumnField::HubId).and_then(|h| hub_id(&h));
    let Some(name) = name.or_else(|| hub.clone()) else {
        out.rejects.push(
            RejectRow::new(kind, Stage::Parse, RejectReason::RowWithoutName)
                .url(url)
                .detail(format!("board {}: a row has no model name", config.board)),
        );
        return;
    };
    let observed_on: Option<NaiveDate> = text(ColumnField::Date).and_then(|d| parse_date(&d)).map(|(d, _)| d);
    for (i, (column, cell)) in config.columns.iter().zip(cells).enumerate() {
        if column.field != ColumnField::Score {
            continue;
        }
        let Some(raw) = cell.as_deref().map(str::trim).filter(|c| !is_missing(c)) else {
            continue;
        };
        let Some(value) = leading_number(raw) else {
            out.rejects.push(
                RejectRow::new(kind, Stage::Parse, RejectReason::NotANumber)
                    .url(url)
                    .model(&name)
                    .detail(format!("board {}: {raw:?} in {}", config.board, column.at)),
            );
            continue;
        };
        // The interval is the `ci` column that directly follows this score.
        let ci = match (config.columns.get(i + 1), cells.get(i + 1)) {
            (Some(c), Some(Some(v))) if c.field == ColumnField::Ci => parse_ci(v),
            _ => None,
        };
        let (value, unit) = scale(column, value);
        out.named_scores.push(NamedScore {
            name: name.clone(),
            hub_id: hub.clone(),
            board: config.board.clone(),
            score: ScoreRow {
                model_id: String::new(),
                benchmark: column.benchmark.clone().unwrap_or_else(|| column.at.to_lowercase()),
                benchmark_raw: column.at.clone(),
                shots: column.shots,
                metric: column.metric.clone(),
                value,
                unit: unit.to_owned(),
                value_raw: raw.to_owned(),
                source: kind.to_owned(),
                source_detail: config.board.clone(),
                source_url: url.to_owned(),
                observed_on,
                ci_low: ci.map(|(_, minus)| value - minus),
                ci_high: ci.map(|(plus, _)| value + plus),
                used_for_density: false,
                evidence: None,
                evidence_line: None,
                evaluator: if config.self_reported { Evaluator::SelfReported } else { Evaluator::Independent },
                harness: None,
                prompt: prompt_of(&format!("{} {}", column.at, column.metric.as_deref().unwrap_or("")))
                    .map(str::to_owned),
            },
        });
    }
}

/// The value in the unit stored: fractions become percent; other units stay as written.
fn scale(column: &BoardColumn, value: f64) -> (f64, &str) {
    match column.unit.as_str() {
        "fraction" => (as_percent(value, &value.to_string()), "percent"),
        other => (value, other),
    }
}

#[cfg(test)]
mod tests {
    use super::hub_id;

    #[test]
    fn a_hub_model_link_or_id_is_a_hub_id() {
        for (cell, id) in [
            ("meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-7b-hf"),
            (" Qwen/Qwen2.5-7B/ ", "Qwen/Qwen2.5-7B"),
            ("https://huggingface.co/meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-7b-hf"),
            ("http://huggingface.co/01-ai/Yi-34B/", "01-ai/Yi-34B"),
            ("https://www.huggingface.co/google/gemma-2b?library=transformers#usage", "google/gemma-2b"),
            ("https://hf.co/mistralai/Mistral-7B-v0.1", "mistralai/Mistral-7B-v0.1"),
            // A page inside the repo is still the repo.
            ("https://huggingface.co/tiiuae/falcon-7b/tree/main", "tiiuae/falcon-7b"),
            ("https://HuggingFace.co/tiiuae/falcon-7b", "tiiuae/falcon-7b"),
        ] {
            assert_eq!(hub_id(cell).as_deref(), Some(id), "{cell}");
        }
    }

    #[test]
    fn other_links_and_pages_are_no_model() {
        for cell in [
            // The Hub's other kinds of repo and its own pages.
            "https://huggingface.co/spaces/lmsys/chatbot-arena-leaderboard",
            "https://huggingface.co/datasets/cais/mmlu",
            "https://huggingface.co/docs/transformers",
            "https://huggingface.co/papers/2312.00752",
            "https://huggingface.co/datasets/mmlu",
            "spaces/lmsys/arena",
            "datasets/squad",
            // An organisation, not a model.
            "https://huggingface.co/meta-llama",
            "https://huggingface.co/meta-llama/",
            // Other hosts, look-alikes and other schemes.
            "https://github.com/meta-llama/llama",
            "https://huggingface.co.evil.org/org/repo",
            "https://example.org/huggingface.co/org/repo",
            "ftp://huggingface.co/org/repo",
            // Malformed.
            "https//huggingface.co/org/repo",
            "https://huggingface.co/org/re%20po",
            "https://",
            "https://huggingface.co//repo",
            "Llama 2 7B",
            "",
        ] {
            assert_eq!(hub_id(cell), None, "{cell}");
        }
    }
}
