//! The comparison with the paper's Fig. 1: its per-model densities (digitized, bundled as
//! `pipelines/references/paper_fig1.toml`) beside ours for the models both have, and the law
//! fitted to the paper's points alone beside ours.

use std::fmt::Write;

use chrono::NaiveDate;
use serde::Deserialize;

use super::data::{Data, SeriesKey};
use super::html::{esc, months, table, Cell};
use crate::density::law::{fit, Fit, Point};

/// The paper's reference name in the `density` table.
pub const PAPER_REFERENCE: &str = "densing-nmi-2025";

/// The bundled file (compiled in, so the binary reports from any folder).
const FIG1: &str = include_str!("../../pipelines/references/paper_fig1.toml");

/// Bootstrap of the paper's own law: the pipelines' default resamples and seed.
const RESAMPLES: usize = 1000;
const SEED: u64 = 20_230_224;

/// The digitized figure.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fig1 {
    /// `paper-fig1`.
    pub name: String,
    /// How to cite it.
    pub citation: String,
    /// One entry per plotted point.
    pub model: Vec<PaperModel>,
}

/// One point of Fig. 1.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaperModel {
    /// The paper's label.
    pub label: String,
    /// The date it is plotted at.
    pub release_date: NaiveDate,
    /// Parameters in billions, as labelled.
    pub params_b: f64,
    /// A mixture of experts (plotted on the paper's inference-cost basis).
    #[serde(default)]
    pub moe: bool,
    /// The density plotted.
    pub density: f64,
    /// The Hub ids the label names, when unambiguous.
    pub hub_ids: Vec<String>,
}

/// The bundled Fig. 1 data.
///
/// # Panics
/// Never in a release: a test parses the bundled file.
pub fn fig1() -> Fig1 {
    toml::from_str(FIG1).expect("the bundled paper_fig1.toml parses")
}

/// The law over the paper's points alone, with `origin` as day 0.
pub fn paper_law(fig: &Fig1, origin: NaiveDate) -> Option<Fit> {
    let points: Vec<Point> = fig
        .model
        .iter()
        .map(|m| Point { model_id: m.label.clone(), date: m.release_date, density: m.density })
        .collect();
    fit(&points, origin, RESAMPLES, SEED)
}

/// The comparison section.
pub fn section(data: &Data) -> String {
    let fig = fig1();
    let mut s = String::from("<section id=\"paper\" aria-labelledby=\"paper-h\">\n<h2 id=\"paper-h\">Compared with the paper's Fig. 1</h2>\n");
    let _ = writeln!(
        s,
        "<p>Source: {} Digitized from the figure's vector paths: the figure, not the paper's raw data. Ours: reference <code>{PAPER_REFERENCE}</code>, benchmark <code>average</code>, total parameters (the paper's inference-cost basis for mixtures of experts, when this snapshot has it). Ratio = ours / paper.</p>",
        esc(&fig.citation)
    );
    let present: std::collections::HashSet<&str> =
        data.models.iter().map(|m| super::data::text(m, "model_id")).collect();
    let mut rows = Vec::new();
    for m in &fig.model {
        for id in m.hub_ids.iter().filter(|id| present.contains(id.as_str())) {
            let basis = if m.moe { "inference_cost" } else { "total" };
            let ours = data
                .density
                .iter()
                .filter(|d| d.model_id == *id && d.reference == PAPER_REFERENCE && d.benchmark == "average")
                .find(|d| d.params_basis == basis)
                .or_else(|| {
                    data.density.iter().find(|d| {
                        d.model_id == *id
                            && d.reference == PAPER_REFERENCE
                            && d.benchmark == "average"
                            && d.params_basis == "total"
                    })
                });
            let density = ours.and_then(|d| d.density);
            let why = match ours {
                Some(d) if d.density.is_none() => d.status.clone(),
                Some(d) => d.params_basis.clone(),
                None => "no average score".to_owned(),
            };
            rows.push(vec![
                Cell::text(&m.label),
                Cell::html(format!("<code>{}</code>", esc(id))),
                Cell::text(&m.release_date.to_string()),
                Cell::number(Some(m.params_b), 1),
                Cell::number(Some(m.density), 4),
                Cell::number(density, 4),
                Cell::number(density.map(|v| v / m.density), 2),
                Cell::text(&why),
            ]);
        }
    }
    if rows.is_empty() {
        s.push_str("<p>None of the paper's models is in this snapshot.</p>\n");
    } else {
        let headers =
            ["paper label", "Hub id", "plotted at", "params (B)", "paper ρ", "our ρ", "ratio", "our basis / status"];
        let caption = format!("{} of the paper's {} models are in this snapshot", rows.len(), fig.model.len());
        table(&mut s, "paper", &caption, &headers, rows, true);
    }
    laws(&mut s, data, &fig);
    s.push_str("</section>\n");
    s
}

/// The law over the paper's points beside the snapshot's main law.
fn laws(s: &mut String, data: &Data, fig: &Fig1) {
    let main: Option<SeriesKey> = data.main_series();
    let ours = main.as_ref().and_then(|k| data.law(k));
    let origin = ours.map(|l| l.origin_date).unwrap_or_else(|| NaiveDate::from_ymd_opt(2023, 2, 24).expect("valid"));
    let mut rows = Vec::new();
    if let Some(p) = paper_law(fig, origin) {
        rows.push(vec![
            Cell::text(&format!("the paper's Fig. 1 points ({} models)", fig.model.len())),
            Cell::number(Some(p.a_per_day), 5),
            Cell::number(Some(p.doubling_months), 2),
            Cell::text(&format!("{}–{}", months(p.ci_low_days), months(p.ci_high_days))),
            Cell::number(Some(p.r2), 3),
            Cell::text(&format!("{} / {}", p.envelope.len(), p.n_models)),
        ]);
    }
    if let (Some(l), Some((r, b, basis))) = (ours, &main) {
        rows.push(vec![
            Cell::text(&format!("this snapshot ({r}, {b}, {basis})")),
            Cell::number(Some(l.a_per_day), 5),
            Cell::number(Some(l.doubling_months), 2),
            Cell::text(&format!("{}–{}", months(l.ci_low_days), months(l.ci_high_days))),
            Cell::number(Some(l.r2), 3),
            Cell::text(&format!("{} / {}", l.n_envelope, l.n_models)),
        ]);
    }
    let headers = ["fitted to", "A per day", "doubling (months)", "95% interval (months)", "R²", "envelope / models"];
    let caption = format!(
        "The law ln ρ = A·t + B over the record-setters, t in days since {origin}; the paper reports a doubling time of about 3.5 months"
    );
    table(s, "laws", &caption, &headers, rows, false);
    let _ = writeln!(s, "<p class=\"note\">Same fitting code for both (envelope, least squares, {RESAMPLES} bootstrap resamples of models, seed {SEED}).</p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_figure_parses_and_gives_the_papers_law() {
        let fig = fig1();
        assert_eq!(fig.name, "paper-fig1");
        assert_eq!(fig.model.len(), 51);
        let llama = fig.model.iter().find(|m| m.label == "Llama-2-7B").unwrap();
        assert_eq!(llama.density, 0.0572);
        assert_eq!(llama.hub_ids, ["meta-llama/Llama-2-7b-hf"]);
        // The data README: the Fig. 1 points give A = 0.006529/day, R² 0.934, doubling 106.2 days.
        let law = paper_law(&fig, NaiveDate::from_ymd_opt(2023, 2, 24).unwrap()).unwrap();
        assert!((law.a_per_day - 0.006529).abs() < 5e-6, "A = {}", law.a_per_day);
        assert!((law.r2 - 0.934).abs() < 5e-4, "R² = {}", law.r2);
        assert!((law.doubling_days - 106.2).abs() < 0.1, "{} days", law.doubling_days);
    }
}
