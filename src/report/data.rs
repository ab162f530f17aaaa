//! The snapshot as the report sees it: its tables read back from the published Parquet (so a
//! run and `densing report` render from the same bytes, [`super::load`]), plus the lookups the
//! sections share.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::snapshot::manifest::Manifest;
use crate::tables::rows::{DensityRow, LawRow};

/// One table row as `column → text` (nulls absent): tolerant of columns added later.
pub type Row = BTreeMap<String, String>;

/// A chart series: (reference, benchmark, params basis).
pub type SeriesKey = (String, String, String);

/// Everything the report shows, read from one snapshot.
pub struct Data {
    /// The snapshot's manifest.
    pub manifest: Manifest,
    /// The `models` rows the page shows ([`Data::load`]), in table order.
    pub models: Vec<Row>,
    /// Rows in the snapshot's `models` table, shown or not.
    pub model_count: u64,
    /// The `scores` of the models in `models` or `density`.
    pub scores: Vec<Row>,
    /// `density`.
    pub density: Vec<DensityRow>,
    /// `density_law`.
    pub laws: Vec<LawRow>,
    /// `fetch_log` rows that have a body and that a shown model or score cites, by URL.
    pub fetches: HashMap<String, Row>,
    /// The newest complete snapshot older than this one, in the same output folder.
    pub previous: Option<String>,
    /// Positions in `scores` by (model, benchmark, source URL): a density's sources are looked
    /// up, not searched for (100,000 scores against 10,000 densities would be quadratic).
    pub score_index: HashMap<(String, String, String), usize>,
}

/// Text of a column, `""` when null or absent.
pub fn text<'a>(row: &'a Row, column: &str) -> &'a str {
    row.get(column).map_or("", String::as_str)
}

fn float(row: &Row, column: &str) -> Option<f64> {
    row.get(column).and_then(|v| v.parse().ok())
}

fn date(row: &Row, column: &str) -> Option<NaiveDate> {
    row.get(column).and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
}

pub(super) fn density_row(r: &Row) -> DensityRow {
    DensityRow {
        model_id: text(r, "model_id").to_owned(),
        reference: text(r, "reference").to_owned(),
        benchmark: text(r, "benchmark").to_owned(),
        shots: r.get("shots").and_then(|v| v.parse().ok()),
        score: float(r, "score"),
        score_sources: text(r, "score_sources").to_owned(),
        loss: float(r, "loss"),
        effective_params: float(r, "effective_params"),
        params_basis: text(r, "params_basis").to_owned(),
        params: float(r, "params"),
        density: float(r, "density"),
        status: text(r, "status").to_owned(),
        release_date: date(r, "release_date"),
        is_base: r.get("is_base").map(|v| v == "true"),
        evaluator: text(r, "evaluator").to_owned(),
    }
}

pub(super) fn law_row(r: &Row) -> Option<LawRow> {
    Some(LawRow {
        reference: text(r, "reference").to_owned(),
        benchmark: text(r, "benchmark").to_owned(),
        params_basis: text(r, "params_basis").to_owned(),
        window: text(r, "window").to_owned(),
        origin_date: date(r, "origin_date")?,
        a_per_day: float(r, "a_per_day")?,
        b: float(r, "b")?,
        r2: float(r, "r2")?,
        doubling_days: float(r, "doubling_days")?,
        doubling_months: float(r, "doubling_months")?,
        ci_low_days: float(r, "ci_low_days"),
        ci_high_days: float(r, "ci_high_days"),
        n_models: r.get("n_models")?.parse().ok()?,
        n_envelope: r.get("n_envelope")?.parse().ok()?,
        envelope_model_ids: text(r, "envelope_model_ids").to_owned(),
        reference_fit_r2: float(r, "reference_fit_r2"),
        reference_fit_n: r.get("reference_fit_n").and_then(|v| v.parse().ok()),
        // Snapshots from before evidence classes fitted every density.
        evidence: Some(text(r, "evidence")).filter(|e| !e.is_empty()).unwrap_or("all").to_owned(),
    })
}

impl Data {
    /// The index of [`Data::score_index`] over `scores` (the first row of each key wins).
    pub fn index(scores: &[Row]) -> HashMap<(String, String, String), usize> {
        let mut index = HashMap::new();
        for (i, s) in scores.iter().enumerate() {
            let key =
                (text(s, "model_id").to_owned(), text(s, "benchmark").to_owned(), text(s, "source_url").to_owned());
            index.entry(key).or_insert(i);
        }
        index
    }

    /// The series the chart opens on and the report leads with: the paper's reference on its
    /// `average` over total parameters when present, else the first fitted law, else the first
    /// series with a density.
    pub fn main_series(&self) -> Option<SeriesKey> {
        let key = |l: &LawRow| (l.reference.clone(), l.benchmark.clone(), l.params_basis.clone());
        let all = || self.laws.iter().filter(|l| l.window == "all" && l.evidence == "all");
        let average_total = |l: &&LawRow| l.benchmark == "average" && l.params_basis == "total";
        all()
            .filter(average_total)
            .find(|l| l.reference == super::paper::PAPER_REFERENCE)
            .or_else(|| all().find(average_total))
            .or_else(|| all().next())
            .map(key)
            .or_else(|| {
                self.plotted().next().map(|d| (d.reference.clone(), d.benchmark.clone(), d.params_basis.clone()))
            })
    }

    /// Density rows that can be drawn: a density and a release date.
    pub fn plotted(&self) -> impl Iterator<Item = &DensityRow> {
        self.density.iter().filter(|d| d.density.is_some_and(|v| v > 0.0 && v.is_finite()) && d.release_date.is_some())
    }

    /// The law fitted over all dates and all evidence for a series.
    pub fn law(&self, key: &SeriesKey) -> Option<&LawRow> {
        self.laws.iter().find(|l| {
            l.window == "all"
                && l.evidence == "all"
                && l.reference == key.0
                && l.benchmark == key.1
                && l.params_basis == key.2
        })
    }

    /// The scores a density row used (from its `score_sources`), found in `scores`.
    pub fn sources_of(&self, d: &DensityRow) -> Vec<&Row> {
        d.score_sources
            .split("; ")
            .filter_map(|part| {
                let (bench, rest) = part.split_once('=')?;
                let (_, url) = rest.split_once('@')?;
                let key = (d.model_id.clone(), bench.to_owned(), url.to_owned());
                self.score_index.get(&key).map(|&i| &self.scores[i])
            })
            .collect()
    }
}

/// Who produced a score. The `evaluator` column, once the tables carry it; until then the
/// score's source stands in: the model's authors (card, report) or the board that ran it.
pub fn evaluator(score: &Row) -> String {
    let named = text(score, "evaluator");
    if !named.is_empty() {
        return named.to_owned();
    }
    let detail = text(score, "source_detail").replace('_', " ");
    if text(score, "self_reported") == "true" {
        format!("model authors ({detail})")
    } else {
        format!("{detail} (board)")
    }
}

/// Whether the scores behind a value were reported by the model's authors, measured by
/// someone else, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Every score from the model's authors.
    SelfReported,
    /// Every score from an independent board.
    Independent,
    /// Some of each.
    Mixed,
    /// The scores were not found in `scores`.
    Unknown,
}

impl Evidence {
    /// All classes, in display order.
    pub const ALL: [Evidence; 4] = [Evidence::SelfReported, Evidence::Independent, Evidence::Mixed, Evidence::Unknown];

    /// The class of a density: its `evaluator` column (a community entry is not the authors',
    /// so it counts as measured by someone else); snapshots from before that column fall back to
    /// the scores it used.
    pub fn of_density(d: &DensityRow, scores: &[&Row]) -> Evidence {
        match d.evaluator.as_str() {
            "self" => Evidence::SelfReported,
            "independent" | "community" => Evidence::Independent,
            "mixed" => Evidence::Mixed,
            _ => Evidence::of(scores),
        }
    }

    /// The class of a set of scores.
    pub fn of(scores: &[&Row]) -> Evidence {
        let own = scores.iter().filter(|s| text(s, "self_reported") == "true").count();
        match (scores.len(), own) {
            (0, _) => Evidence::Unknown,
            (n, o) if o == n => Evidence::SelfReported,
            (_, 0) => Evidence::Independent,
            _ => Evidence::Mixed,
        }
    }

    /// Code used in `data-evidence`.
    pub fn code(self) -> &'static str {
        match self {
            Evidence::SelfReported => "self-reported",
            Evidence::Independent => "independent",
            Evidence::Mixed => "mixed",
            Evidence::Unknown => "unknown",
        }
    }

    /// Label for people.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::SelfReported => "reported by the model's authors",
            Evidence::Independent => "measured by a board",
            Evidence::Mixed => "both",
            Evidence::Unknown => "source not found",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(pairs: &[(&str, &str)]) -> Row {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn evaluator_prefers_the_column_and_falls_back_to_the_source() {
        let card = score(&[("self_reported", "true"), ("source_detail", "markdown_table")]);
        let board = score(&[("self_reported", "false"), ("source_detail", "open_llm_leaderboard")]);
        assert_eq!(evaluator(&card), "model authors (markdown table)");
        assert_eq!(evaluator(&board), "open llm leaderboard (board)");
        let named = score(&[("evaluator", "EleutherAI harness, HF team"), ("self_reported", "true")]);
        assert_eq!(evaluator(&named), "EleutherAI harness, HF team");
        assert_eq!(Evidence::of(&[&card, &board]), Evidence::Mixed);
        assert_eq!(Evidence::of(&[&board]), Evidence::Independent);
        assert_eq!(Evidence::of(&[]), Evidence::Unknown);
    }
}
