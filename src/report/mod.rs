//! `_snapshots/<id>/index.html`: a snapshot people can look at.
//!
//! One file and no network: the style sheet and script are inlined ([`html`]), nothing is
//! loaded from elsewhere (a Content-Security-Policy forbids it), so it opens offline. It reads
//! without JavaScript; with it, the chart gets tooltips and toggles and tables sort.
//!
//! The page is rendered from the snapshot's published tables and manifest ([`data`]), so a run
//! and `densing report` write the same bytes: nothing in it comes from the clock. It is a view
//! derived from the snapshot, not part of it: it is not in the manifest's hash list (which
//! `snapshots verify` checks), and `densing report` may rewrite it.
//!
//! Sections: [`chart`] (the law chart), [`sections`] (laws, densest models, changes, files),
//! [`paper`] (the comparison with the paper's Fig. 1), [`models`] (per-model provenance).

pub mod chart;
pub mod data;
pub mod html;
mod load;
pub mod models;
pub mod paper;
pub mod sections;

use std::path::{Path, PathBuf};

use crate::archive::write_atomic;
use crate::error::SnapshotError;
use crate::snapshot::manifest::Manifest;
use crate::snapshot::SNAPSHOTS_DIR;

pub use crate::snapshot::REPORT_FILE;

/// Renders the report of the published snapshot `manifest` in `out`.
pub fn render(out: &Path, manifest: &Manifest) -> String {
    page(out, &data::Data::load(out, manifest))
}

/// The page for `data` (`out` is where the previous snapshot is read from for the changes).
fn page(out: &Path, data: &data::Data) -> String {
    let sectioned = models::anchored(data);
    let anchors = sectioned.iter().enumerate().map(|(i, m)| (data::text(m, "model_id"), i)).collect();
    let mut body = chart::section(data);
    body.push_str(&sections::laws(data));
    body.push_str(&paper::section(data));
    body.push_str(&sections::densest(data, &anchors));
    body.push_str(&sections::changes(out, data));
    body.push_str(&models::section(data, &sectioned));
    body.push_str(&sections::files(data));
    let nav = [
        ("chart", "Chart"),
        ("laws", "Laws"),
        ("paper", "Paper's Fig. 1"),
        ("densest", "Densest"),
        ("changes", "Changes"),
        ("models", "Models"),
        ("files", "Files"),
    ];
    let title = format!("densing snapshot {}", data.manifest.snapshot_id);
    html::page(&title, &sections::header(data), &nav, &body)
}

/// Writes `_snapshots/<id>/index.html` for the published snapshot `manifest` (atomically).
///
/// # Errors
/// I/O errors.
pub fn write(out: &Path, manifest: &Manifest) -> Result<PathBuf, SnapshotError> {
    let html = render(out, manifest);
    let path = out.join(SNAPSHOTS_DIR).join(&manifest.snapshot_id).join(REPORT_FILE);
    write_atomic(&path, html.as_bytes()).map_err(SnapshotError::io(&path))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::data::{Data, Row};
    use crate::snapshot::manifest::{Manifest, PipelineRef, RunSummary};
    use crate::tables::rows::DensityRow;

    fn row(pairs: &[(&str, &str)]) -> Row {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// A snapshot whose card text tries to run a script and close the attribute it sits in.
    fn hostile() -> Data {
        let id = "evil/<img src=x onerror=alert(1)>\"'";
        let evidence = "</td><script>alert(document.cookie)</script>";
        let url = "javascript:alert(1)";
        let manifest = Manifest {
            snapshot_id: "2026-01-01T000000Z".into(),
            schema_version: 1,
            densing_version: "0".into(),
            created_at: chrono::DateTime::from_timestamp(0, 0).unwrap(),
            as_of: None,
            offline: true,
            pipeline: PipelineRef { name: "<b>p</b>".into(), path: "p".into(), sha256: "0".into() },
            files: Vec::new(),
            archive_records: Vec::new(),
            inputs: Vec::new(),
            attributions: Vec::new(),
            models_filter: None,
            summary: RunSummary::default(),
        };
        let density = |date: &str, rho: f64| DensityRow {
            model_id: id.into(),
            reference: "densing-nmi-2025".into(),
            benchmark: "average".into(),
            shots: None,
            score: Some(40.0),
            score_sources: format!("mmlu=40@{url}"),
            loss: None,
            effective_params: Some(1e9),
            params_basis: "total".into(),
            params: Some(7e9),
            density: Some(rho),
            status: "ok".into(),
            release_date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            is_base: Some(true),
            evaluator: "self".into(),
        };
        let scores = vec![row(&[
            ("model_id", id),
            ("benchmark", "mmlu"),
            ("value_raw", "<i>40</i>"),
            ("evidence", evidence),
            ("source_url", url),
            ("source_detail", "<script>x</script>"),
            ("self_reported", "true"),
        ])];
        Data {
            manifest,
            models: vec![row(&[
                ("model_id", id),
                ("params_total", "7000000000"),
                ("params_evidence", evidence),
                ("source_url", url),
            ])],
            score_index: Data::index(&scores),
            model_count: 1,
            scores,
            density: vec![density("2024-01-01", 0.5)],
            laws: Vec::new(),
            fetches: Default::default(),
            previous: None,
        }
    }

    #[test]
    fn text_from_cards_is_rendered_inert() {
        let html = super::page(std::path::Path::new("/nonexistent"), &hostile());
        assert_eq!(html.matches("<script").count(), 1, "only the page's own script");
        assert!(!html.contains("<img src=x"), "no element from a model id");
        assert!(!html.contains("href=\"javascript:"), "no script URL becomes a link");
        assert!(!html.contains("<i>40</i>") && !html.contains("<b>p</b>"));
        assert!(
            html.contains("&lt;/td&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;"),
            "evidence shown as text"
        );
        assert!(
            html.contains("data-model=\"evil/&lt;img src=x onerror=alert(1)&gt;&quot;&#39;\""),
            "escaped attribute"
        );
    }
}
