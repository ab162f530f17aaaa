//! One section per model: every value with its provenance. Each value names the response it
//! was read from; the model's responses are listed once, with their URL, fetch time and the
//! sha256 of the archived body (`archive/blobs/<aa>/<sha256>`), so any value can be checked
//! against the bytes it came from.

use std::collections::HashMap;
use std::fmt::Write;

use super::data::{evaluator, text, Data, Row};
use super::html::{esc, table, Cell};
use crate::tables::rows::DensityRow;

/// Above this many models, sections are written only for models with a density (the rest are
/// in the Parquet tables), so a nightly snapshot's page stays a page.
pub const MAX_SECTIONS: usize = 1000;

/// The responses one model's values cite, numbered in order of first use.
#[derive(Default)]
struct Sources<'a> {
    urls: Vec<&'a str>,
}

impl<'a> Sources<'a> {
    /// A `[n]` link to `url` in model `m`'s list.
    fn cite(&mut self, m: usize, url: &'a str) -> String {
        if url.is_empty() {
            return "–".to_owned();
        }
        let n = match self.urls.iter().position(|u| *u == url) {
            Some(i) => i + 1,
            None => {
                self.urls.push(url);
                self.urls.len()
            }
        };
        format!("<a href=\"#m-{m}-s{n}\">[{n}]</a>")
    }
}

/// The response a model field was read from: the card or config for values read there, else
/// the row's own response (the Hub API, a leaderboard page).
fn field_url<'a>(model: &'a Row, source: &str, by_purpose: &HashMap<(&str, &str), &'a str>) -> &'a str {
    let purpose = match source {
        "card_text" => "card",
        "config_estimate" => "config",
        "safetensors_index" => "safetensors_index",
        _ => "",
    };
    by_purpose.get(&(text(model, "model_id"), purpose)).copied().unwrap_or_else(|| text(model, "source_url"))
}

/// A score as the tables hold it, with the source's own writing when that differs (`0.3596`
/// on a board that stores fractions).
fn shown_value(score: &Row) -> String {
    let raw = text(score, "value_raw");
    // Six decimals at most: 25.919999999999998 is 25.92 (the table keeps the exact float).
    let value = match text(score, "value").parse::<f64>() {
        Ok(v) => ((v * 1e6).round() / 1e6).to_string(),
        Err(_) => text(score, "value").to_owned(),
    };
    let value = value.as_str();
    match text(score, "unit") {
        "percent" if raw != value => format!("{value}% (written {raw})"),
        "percent" => format!("{value}%"),
        _ if raw != value => format!("{value} (written {raw})"),
        _ => value.to_owned(),
    }
}

/// The models that get a section, by id, with their anchor numbers: all of them in a snapshot
/// of at most [`MAX_SECTIONS`] models (then `data.models` holds all), else those with a density.
pub fn anchored(data: &Data) -> Vec<&Row> {
    let with_density: std::collections::HashSet<&str> = data.plotted().map(|d| d.model_id.as_str()).collect();
    data.models
        .iter()
        .filter(|m| data.model_count <= MAX_SECTIONS as u64 || with_density.contains(text(m, "model_id")))
        .take(MAX_SECTIONS)
        .collect()
}

/// The per-model sections.
pub fn section(data: &Data, models: &[&Row]) -> String {
    let mut s = String::from(
        "<section id=\"models\" aria-labelledby=\"models-h\">\n<h2 id=\"models-h\">Models and provenance</h2>\n",
    );
    if (models.len() as u64) < data.model_count {
        let _ = writeln!(
            s,
            "<p>{} of {} models, those with a density; every model is in the Parquet tables.</p>",
            models.len(),
            data.model_count
        );
    }
    let mut by_purpose: HashMap<(&str, &str), &str> = HashMap::new();
    for f in data.fetches.values() {
        by_purpose.insert((text(f, "model_id"), text(f, "purpose")), text(f, "url"));
    }
    let mut densities: HashMap<&str, Vec<&DensityRow>> = HashMap::new();
    for d in &data.density {
        densities.entry(d.model_id.as_str()).or_default().push(d);
    }
    let mut scores: HashMap<&str, Vec<&Row>> = HashMap::new();
    for sc in &data.scores {
        scores.entry(text(sc, "model_id")).or_default().push(sc);
    }
    for (i, m) in models.iter().enumerate() {
        let id = text(m, "model_id");
        let values = Values {
            scores: scores.get(id).map_or(&[][..], Vec::as_slice),
            densities: densities.get(id).map_or(&[][..], Vec::as_slice),
        };
        model(&mut s, i, m, values, &by_purpose, data);
    }
    s.push_str("</section>\n");
    s
}

/// One model's scores and densities.
struct Values<'a> {
    scores: &'a [&'a Row],
    densities: &'a [&'a DensityRow],
}

fn model(s: &mut String, i: usize, m: &Row, values: Values, by_purpose: &HashMap<(&str, &str), &str>, data: &Data) {
    let id = text(m, "model_id");
    let _ = writeln!(
        s,
        "<article class=\"model\" id=\"m-{i}\" data-model-id=\"{}\">\n<h3><code>{}</code></h3>",
        esc(id),
        esc(id)
    );
    let mut sources = Sources::default();
    let mut facts = Vec::new();
    let params_url = field_url(m, text(m, "params_source"), by_purpose);
    let date_url = field_url(m, text(m, "release_date_source"), by_purpose);
    let own = text(m, "source_url");
    let fields: [(&str, String, String, &str, &str); 5] = [
        (
            "parameters",
            match text(m, "params_total") {
                "" => String::new(),
                n => format!("{n} ({} B)", super::html::billions(n.parse().ok())),
            },
            format!("{} ({} confidence)", text(m, "params_source"), text(m, "params_confidence")),
            text(m, "params_evidence"),
            params_url,
        ),
        ("active parameters", text(m, "params_active").to_owned(), String::new(), "", own),
        (
            "release date",
            text(m, "release_date").to_owned(),
            format!("{} (to the {})", text(m, "release_date_source"), text(m, "release_date_precision")),
            text(m, "release_date_evidence"),
            date_url,
        ),
        (
            "base model",
            text(m, "is_base").to_owned(),
            text(m, "base_model").to_owned(),
            text(m, "base_model_relation"),
            own,
        ),
        ("licence", text(m, "license").to_owned(), String::new(), "", own),
    ];
    for (field, value, how, evidence, url) in fields {
        if value.is_empty() {
            continue;
        }
        facts.push(vec![
            Cell::text(field),
            Cell::text(&value),
            Cell::text(&how),
            Cell::text(evidence),
            Cell::html(sources.cite(i, url)),
        ]);
    }
    table(s, "facts", "Model facts", &["field", "value", "read as", "evidence", "source"], facts, false);
    let rows: Vec<Vec<Cell>> = values
        .scores
        .iter()
        .map(|sc| {
            let line = text(sc, "evidence_line");
            let evidence = match (text(sc, "evidence"), line) {
                ("", _) => String::new(),
                (e, "") => e.to_owned(),
                (e, l) => format!("line {l}: {e}"),
            };
            vec![
                Cell::text(text(sc, "benchmark")),
                Cell::text(text(sc, "shots")),
                Cell::text(&shown_value(sc)),
                Cell::text(text(sc, "metric")),
                Cell::text(&evaluator(sc)),
                Cell::text(if text(sc, "used_for_density") == "true" { "yes" } else { "no" }),
                Cell::text(&evidence),
                Cell::html(sources.cite(i, text(sc, "source_url"))),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let headers = ["benchmark", "shots", "value", "metric", "scores by", "used", "evidence", "source"];
        table(s, "scores", "Scores", &headers, rows, false);
    }
    let densities: Vec<Vec<Cell>> = values
        .densities
        .iter()
        .map(|d| {
            vec![
                Cell::text(&format!("{} · {} · {}", d.reference, d.benchmark, d.params_basis)),
                Cell::number(d.score, 2),
                Cell::number(d.effective_params.map(|p| p / 1e9), 3),
                Cell::number(d.params.map(|p| p / 1e9), 3),
                Cell::number(d.density, 4),
                Cell::text(&d.status),
            ]
        })
        .collect();
    if !densities.is_empty() {
        let headers = ["reference · benchmark · basis", "score", "N̂ (B)", "params (B)", "density ρ", "status"];
        table(s, "density", "Densities", &headers, densities, false);
    }
    s.push_str("<ol class=\"sources\">");
    for (n, url) in sources.urls.iter().enumerate() {
        let fetch = data.fetches.get(*url);
        // Only web addresses become links (a `file://` curated table stays text).
        let link = if url.starts_with("https://") || url.starts_with("http://") {
            format!("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(url))
        } else {
            esc(url)
        };
        let _ = write!(
            s,
            "<li id=\"m-{i}-s{}\">{link} · fetched {} · body sha256 <code class=\"sha\">{}</code></li>",
            n + 1,
            esc(fetch.map_or("–", |f| text(f, "fetched_at"))),
            esc(fetch.map_or("not archived", |f| text(f, "sha256")))
        );
    }
    s.push_str("</ol>\n</article>\n");
}
