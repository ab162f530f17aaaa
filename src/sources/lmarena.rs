//! `lmarena`: LMArena's published leaderboard, the Hub dataset `lmarena-ai/leaderboard-dataset`
//! (CC-BY-4.0), one Parquet file per arena and split.
//!
//! **The file** (`{HF_ENDPOINT}/datasets/lmarena-ai/leaderboard-dataset/resolve/main/<config>/
//! <split>-00000-of-00001.parquet`): one folder per arena (`config`: `text`, `text_style_control`,
//! `webdev`, `vision`, …), each with a `latest` split (the most recent published board) and a
//! `full` one (every board published). One row per (model, category, publish date), columns:
//!
//! | column | type | meaning |
//! |---|---|---|
//! | `model_name` | string | the arena's model key (`gemma-2-9b-it`, `gpt-4o-2024-05-13`): not a Hub id |
//! | `organization`, `license` | string | the model's publisher and licence (`Proprietary`, `Apache 2.0`) |
//! | `rating` | float64 | Bradley-Terry rating on the Elo scale |
//! | `rating_lower`, `rating_upper` | float64, nullable | the rating's confidence interval, absolute bounds |
//! | `variance` | float64 | the rating's variance |
//! | `vote_count`, `rank` | int64 | votes behind the rating; the board's rank |
//! | `category` | string | `overall`, `coding`, `creative_writing`, `chinese`, … |
//! | `leaderboard_publish_date` | string `YYYY-MM-DD` | the board's publication date |
//!
//! This shape was read from public code that loads the file and from the dataset's file listing
//! (not from the live service, which tests do not reach); a date32 publish date or integer
//! widths other than int64 are read the same.
//!
//! **Scores**: for each configured category (`overall` by default), the rows of the newest publish
//! date become `arena_elo` scores in unit `elo` with `ci_low`/`ci_high` from `rating_lower`/
//! `rating_upper` and `observed_on` from the publish date. Another arena or category gets its own
//! benchmark (`arena_elo_style_control`, `arena_elo_coding`), never mixed with the overall text
//! rating. Evaluator `independent` (human preference votes under the arena's one protocol), no
//! harness. Model keys are joined to Hub ids by the alias files (`pipelines/aliases/`) or a
//! case-insensitive match on a Hub id; the rest become `unresolved_name` rejects (most are API-only
//! models with no Hub repo).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::hub_parquet;
use super::{Attribution, NamedScore, ParseOutput, PlanContext, Source};
use crate::fetch::settings::hf_endpoint;
use crate::fetch::{FetchRequest, FetchedResponse, Host, Purpose, RejectReason, Stage};
use crate::tables::codes::Evaluator;
use crate::tables::rows::{RejectRow, ScoreRow};

/// The source kind; also the board name in `scores.source_detail`.
pub const KIND: &str = "lmarena";

/// The `lmarena` source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LmarenaConfig {
    /// The Hub endpoint: pinned here, else `HF_ENDPOINT`, else the real Hub.
    pub endpoint: Option<String>,
    /// The dataset.
    #[serde(default = "default_dataset")]
    pub dataset: String,
    /// The dataset revision (a branch or commit).
    #[serde(default = "default_revision")]
    pub revision: String,
    /// The arena (the dataset's config): `text`, `text_style_control`, `webdev`, …
    #[serde(default = "default_config")]
    pub config: String,
    /// `latest` (the newest board) or `full` (every board; its newest is read).
    #[serde(default = "default_split")]
    pub split: String,
    /// Categories read, each its own benchmark (`overall` is the arena's headline rating).
    #[serde(default = "default_categories")]
    pub categories: Vec<String>,
}

fn default_dataset() -> String {
    "lmarena-ai/leaderboard-dataset".to_owned()
}

fn default_revision() -> String {
    "main".to_owned()
}

fn default_config() -> String {
    "text".to_owned()
}

fn default_split() -> String {
    "latest".to_owned()
}

fn default_categories() -> Vec<String> {
    vec!["overall".to_owned()]
}

/// The built source.
pub struct Lmarena {
    config: LmarenaConfig,
    /// The Hub endpoint, resolved once.
    hub: String,
}

impl Lmarena {
    /// Builds the source.
    pub fn new(config: LmarenaConfig) -> Self {
        let hub = hf_endpoint(config.endpoint.as_deref());
        Lmarena { config, hub }
    }

    fn url(&self) -> String {
        let c = &self.config;
        format!(
            "{}/datasets/{}/resolve/{}/{}/{}-00000-of-00001.parquet",
            self.hub, c.dataset, c.revision, c.config, c.split
        )
    }
}

/// The canonical benchmark of an arena and category: `arena_elo` for the text arena overall.
///
/// ```
/// use densing::sources::lmarena::benchmark;
/// assert_eq!(benchmark("text", "overall"), "arena_elo");
/// assert_eq!(benchmark("text_style_control", "overall"), "arena_elo_style_control");
/// assert_eq!(benchmark("webdev", "overall"), "arena_elo_webdev");
/// assert_eq!(benchmark("text", "Creative Writing"), "arena_elo_creative_writing");
/// ```
pub fn benchmark(config: &str, category: &str) -> String {
    let clean =
        |s: &str| s.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect::<String>();
    let mut name = "arena_elo".to_owned();
    match config.strip_prefix("text") {
        Some(rest) => name.push_str(&clean(rest)),
        None => name = format!("{name}_{}", clean(config)),
    }
    if category != "overall" {
        name = format!("{name}_{}", clean(category));
    }
    name
}

fn text<'a>(row: &'a Map<String, Value>, column: &str) -> Option<&'a str> {
    row.get(column).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

fn date(row: &Map<String, Value>) -> Option<NaiveDate> {
    let d = text(row, "leaderboard_publish_date")?;
    NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
}

impl Source for Lmarena {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn plan(&self, _ctx: &PlanContext) -> (Vec<FetchRequest>, Vec<RejectRow>) {
        (vec![FetchRequest::new(self.url(), Purpose::Board)], Vec::new())
    }

    fn parse(&self, request: &FetchRequest, response: &FetchedResponse) -> ParseOutput {
        let mut out = ParseOutput::default();
        let url = request.url.as_str();
        let reject =
            |reason: RejectReason, detail: String| RejectRow::new(KIND, Stage::Parse, reason).url(url).detail(detail);
        let rows = match hub_parquet::rows(&response.body) {
            Ok(rows) => rows,
            Err(e) => {
                out.rejects.push(reject(RejectReason::InvalidParquet, e));
                return out;
            }
        };
        if rows.is_empty() {
            out.rejects.push(reject(RejectReason::TableEmpty, "no rows".to_owned()));
            return out;
        }
        if let Some(missing) =
            ["model_name", "rating", "category"].into_iter().find(|c| !rows.iter().any(|r| r.contains_key(*c)))
        {
            out.rejects.push(reject(RejectReason::MissingColumn, format!("no `{missing}` column")));
            return out;
        }
        // The newest board of each category read (a `full` split holds every board published).
        let mut newest: BTreeMap<&str, Option<NaiveDate>> = BTreeMap::new();
        for row in &rows {
            if let Some(c) = text(row, "category").filter(|c| self.config.categories.iter().any(|w| w == c)) {
                let d = newest.entry(c).or_insert(None);
                *d = (*d).max(date(row));
            }
        }
        for category in self.config.categories.iter().filter(|c| !newest.contains_key(c.as_str())) {
            let mut present: Vec<&str> = rows.iter().filter_map(|r| text(r, "category")).collect();
            present.sort_unstable();
            present.dedup();
            out.rejects.push(reject(
                RejectReason::TableEmpty,
                format!("no rows of category {category:?} (the file has: {})", present.join(", ")),
            ));
        }
        for row in &rows {
            let Some(category) = text(row, "category") else { continue };
            if newest.get(category).is_none_or(|d| *d != date(row)) {
                continue;
            }
            let Some(name) = text(row, "model_name") else {
                out.rejects
                    .push(reject(RejectReason::RowWithoutName, format!("board {KIND}: a row has no model_name")));
                continue;
            };
            let Some(rating) = row.get("rating").and_then(Value::as_f64) else {
                let raw = row.get("rating").map(Value::to_string).unwrap_or_default();
                out.rejects.push(reject(RejectReason::NotANumber, format!("board {KIND}: rating {raw}")).model(name));
                continue;
            };
            out.named_scores.push(NamedScore {
                name: name.to_owned(),
                hub_id: None,
                board: KIND.to_owned(),
                score: arena_score(url, &self.config.config, category, rating, row),
            });
        }
        out
    }

    fn hosts(&self) -> Vec<Host> {
        hub_parquet::download_hosts(&self.hub)
    }

    fn attribution(&self) -> Option<Attribution> {
        Some(Attribution {
            source: KIND,
            credit: format!(
                "LMArena, leaderboard dataset lmarena-ai/leaderboard-dataset ({} arena, {} split); ratings \
                 unchanged, model names mapped to Hugging Face Hub ids by densing",
                self.config.config, self.config.split
            ),
            licence: "CC-BY-4.0",
            url: "https://huggingface.co/datasets/lmarena-ai/leaderboard-dataset".to_owned(),
        })
    }
}

fn arena_score(url: &str, config: &str, category: &str, rating: f64, row: &Map<String, Value>) -> ScoreRow {
    ScoreRow {
        model_id: String::new(),
        benchmark: benchmark(config, category),
        benchmark_raw: format!("{config}/{category}"),
        shots: None,
        metric: Some("rating".to_owned()),
        value: rating,
        unit: "elo".to_owned(),
        value_raw: rating.to_string(),
        source: KIND.to_owned(),
        source_detail: KIND.to_owned(),
        source_url: url.to_owned(),
        observed_on: date(row),
        ci_low: row.get("rating_lower").and_then(Value::as_f64),
        ci_high: row.get("rating_upper").and_then(Value::as_f64),
        used_for_density: false,
        evidence: None,
        evidence_line: None,
        // Human preference votes collected and scored by the arena under one protocol.
        evaluator: Evaluator::Independent,
        harness: None,
        prompt: None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};

    use super::*;
    use crate::sources::hub_parquet::tests::parquet;
    use crate::sources::testing::{parse, planned, source};

    /// One row: (model, category, rating, lower, upper, publish date).
    type Arena<'a> = (&'a str, &'a str, f64, Option<f64>, Option<f64>, &'a str);

    /// A `latest`-split file in the real column order and types.
    fn board(rows: &[Arena]) -> Vec<u8> {
        let strings = |v: Vec<&str>| -> ArrayRef { Arc::new(StringArray::from(v)) };
        let floats = |v: Vec<Option<f64>>| -> ArrayRef { Arc::new(Float64Array::from(v)) };
        let n = rows.len() as i64;
        let batch = RecordBatch::try_from_iter([
            ("model_name", strings(rows.iter().map(|r| r.0).collect())),
            ("organization", strings(vec!["Google"; rows.len()])),
            ("license", strings(vec!["Gemma"; rows.len()])),
            ("rating", floats(rows.iter().map(|r| Some(r.2)).collect())),
            ("rating_lower", floats(rows.iter().map(|r| r.3).collect())),
            ("rating_upper", floats(rows.iter().map(|r| r.4).collect())),
            ("variance", floats(vec![Some(4.5); rows.len()])),
            ("vote_count", Arc::new(Int64Array::from((0..n).map(|i| 1000 + i).collect::<Vec<_>>())) as ArrayRef),
            ("rank", Arc::new(Int64Array::from((1..=n).collect::<Vec<_>>())) as ArrayRef),
            ("category", strings(rows.iter().map(|r| r.1).collect())),
            ("leaderboard_publish_date", strings(rows.iter().map(|r| r.5).collect())),
        ])
        .unwrap();
        parquet(&batch)
    }

    fn arena(extra: &str) -> (Box<dyn Source>, FetchRequest) {
        let src = source(&format!("kind = 'lmarena'\nendpoint = 'http://127.0.0.1:9'\n{extra}"));
        let mut requests = planned(src.as_ref());
        assert_eq!(requests.len(), 1);
        (src, requests.pop().unwrap())
    }

    #[test]
    fn overall_text_ratings_become_elo_scores_with_their_interval() {
        let (src, request) = arena("");
        assert_eq!(
            request.url,
            "http://127.0.0.1:9/datasets/lmarena-ai/leaderboard-dataset/resolve/main/text/latest-00000-of-00001.parquet"
        );
        assert_eq!(src.hosts().into_iter().map(String::from).collect::<Vec<_>>(), ["127.0.0.1"]);
        let body = board(&[
            ("gemma-2-9b-it", "overall", 1265.4210538, Some(1260.1), Some(1270.9), "2026-09-13"),
            ("gemma-2-9b-it", "coding", 1240.0, Some(1230.0), Some(1250.0), "2026-09-13"),
            ("gpt-4o-2024-05-13", "overall", 1285.25, None, None, "2026-09-13"),
        ]);
        let out = parse(src.as_ref(), &request, body);
        assert!(out.rejects.is_empty(), "{:?}", out.rejects);
        let got: Vec<Arena> = out
            .named_scores
            .iter()
            .map(|n| (n.name.as_str(), n.score.benchmark.as_str(), n.score.value, n.score.ci_low, n.score.ci_high, ""))
            .collect();
        assert_eq!(
            got,
            [
                ("gemma-2-9b-it", "arena_elo", 1265.4210538, Some(1260.1), Some(1270.9), ""),
                ("gpt-4o-2024-05-13", "arena_elo", 1285.25, None, None, ""),
            ]
        );
        let s = &out.named_scores[0].score;
        assert_eq!(
            (s.unit.as_str(), s.value_raw.as_str(), s.benchmark_raw.as_str()),
            ("elo", "1265.4210538", "text/overall")
        );
        assert_eq!(
            (s.evaluator, s.harness.as_deref(), s.self_reported(), s.shots),
            (Evaluator::Independent, None, false, None)
        );
        assert_eq!(s.observed_on, NaiveDate::from_ymd_opt(2026, 9, 13));
        assert_eq!(
            (s.source.as_str(), s.source_detail.as_str(), s.source_url.as_str()),
            (KIND, KIND, request.url.as_str())
        );
        assert!(out.named_scores.iter().all(|n| n.hub_id.is_none() && n.board == KIND));
        let credit = src.attribution().unwrap();
        assert_eq!((credit.source, credit.licence), (KIND, "CC-BY-4.0"));
    }

    #[test]
    fn a_full_split_gives_its_newest_board_and_categories_are_their_own_benchmarks() {
        let (src, request) = arena("config = 'text_style_control'\nsplit = 'full'\ncategories = ['overall', 'coding']");
        assert!(
            request.url.ends_with("/resolve/main/text_style_control/full-00000-of-00001.parquet"),
            "{}",
            request.url
        );
        let body = board(&[
            ("gemma-2-9b-it", "overall", 1200.0, None, None, "2024-07-01"),
            ("gemma-2-9b-it", "overall", 1210.0, None, None, "2024-08-01"),
            ("gemma-2-9b-it", "coding", 1190.0, None, None, "2024-07-15"),
            ("gemma-2-9b-it", "math", 1180.0, None, None, "2024-08-01"),
        ]);
        let out = parse(src.as_ref(), &request, body);
        let got: Vec<(&str, f64)> =
            out.named_scores.iter().map(|n| (n.score.benchmark.as_str(), n.score.value)).collect();
        assert_eq!(got, [("arena_elo_style_control", 1210.0), ("arena_elo_style_control_coding", 1190.0)]);
    }

    #[test]
    fn a_missing_category_a_missing_column_and_a_wrong_body_are_rejects() {
        let (src, request) = arena("categories = ['overall', 'korean']");
        let out = parse(src.as_ref(), &request, board(&[("m", "overall", 1000.0, None, None, "2026-01-01")]));
        assert_eq!(out.named_scores.len(), 1);
        let r: Vec<(&str, &str)> =
            out.rejects.iter().map(|r| (r.reason.as_str(), r.detail.as_deref().unwrap())).collect();
        assert_eq!(r, [("table_empty", "no rows of category \"korean\" (the file has: overall)")]);

        let batch =
            RecordBatch::try_from_iter([("model", Arc::new(StringArray::from(vec!["m"])) as ArrayRef)]).unwrap();
        let out = parse(src.as_ref(), &request, parquet(&batch));
        assert_eq!(out.rejects[0].reason, "missing_column");
        assert_eq!(out.rejects[0].detail.as_deref(), Some("no `model_name` column"));

        let out = parse(src.as_ref(), &request, b"<html>rate limited</html>".to_vec());
        assert_eq!((out.rejects.len(), out.rejects[0].reason.as_str()), (1, "invalid_parquet"));
        assert!(out.named_scores.is_empty());
    }
}
