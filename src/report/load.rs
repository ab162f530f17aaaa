//! Reading the part of a snapshot the report shows, in memory bounded by what it shows: the
//! `density` and `density_law` tables (they grow with a run's selection), and from `models`,
//! `scores` and `fetch_log` (which grow with the Hub) only the rows of shown models, each table
//! scanned one batch at a time.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::data::{density_row, law_row, text, Data};
use super::models::MAX_SECTIONS;
use crate::snapshot::manifest::Manifest;
use crate::snapshot::read::{batches, rows, rows_where, str_at, Batches};

impl Data {
    /// Reads snapshot `manifest.snapshot_id` from `out`. `models` holds every model of a
    /// snapshot of at most [`MAX_SECTIONS`] models (each gets a section); of a larger one, the
    /// models with a `density` row and the paper's Fig. 1 models (the only ones the page names).
    pub fn load(out: &Path, manifest: &Manifest) -> Data {
        let id = manifest.snapshot_id.as_str();
        let table = |name: &str| rows(&batches(out, name, id));
        let density: Vec<_> = table("density").iter().map(density_row).collect();
        let model_count = model_count(out, manifest);
        let named: Option<HashSet<String>> = (model_count > MAX_SECTIONS as u64).then(|| {
            let paper = super::paper::fig1().model.into_iter().flat_map(|m| m.hub_ids);
            density.iter().map(|d| d.model_id.clone()).chain(paper).collect()
        });
        let models = rows_where(out, "models", id, |b, i| {
            named.as_ref().is_none_or(|n| str_at(b, "model_id", i).is_some_and(|m| n.contains(m)))
        });
        let shown: HashSet<&str> =
            models.iter().map(|m| text(m, "model_id")).chain(density.iter().map(|d| d.model_id.as_str())).collect();
        let of_shown = |column: &str, b: &arrow_array::RecordBatch, i: usize| {
            str_at(b, column, i).is_some_and(|m| shown.contains(m))
        };
        let scores = rows_where(out, "scores", id, |b, i| of_shown("model_id", b, i));
        // The responses a shown model's values cite: its own fetches, and the URLs its rows and
        // its scores name.
        let cited: HashSet<&str> =
            models.iter().chain(&scores).map(|r| text(r, "source_url")).filter(|u| !u.is_empty()).collect();
        let fetch_rows = rows_where(out, "fetch_log", id, |b, i| {
            str_at(b, "sha256", i).is_some()
                && (of_shown("model_id", b, i) || str_at(b, "url", i).is_some_and(|u| cited.contains(u)))
        });
        let mut fetches = HashMap::new();
        for f in fetch_rows {
            fetches.insert(text(&f, "url").to_owned(), f);
        }
        let previous = crate::snapshot::inspect::list(out).into_iter().rfind(|p| p.as_str() < id);
        Data {
            manifest: manifest.clone(),
            score_index: Data::index(&scores),
            model_count,
            models,
            scores,
            density,
            laws: table("density_law").iter().filter_map(law_row).collect(),
            fetches,
            previous,
        }
    }
}

/// Rows of the `models` table: the manifest's count of its parts, or (a manifest without row
/// counts) the rows of its `model_id` column, read one batch at a time.
fn model_count(out: &Path, manifest: &Manifest) -> u64 {
    let parts: Vec<_> = manifest.files.iter().filter(|f| f.table.as_deref() == Some("models")).collect();
    if !parts.is_empty() && parts.iter().all(|f| f.rows.is_some()) {
        return parts.iter().filter_map(|f| f.rows).sum();
    }
    let ids = Batches::open(out, "models", &manifest.snapshot_id, Some(&["model_id"]));
    ids.flatten().map(|b| b.num_rows() as u64).sum()
}
