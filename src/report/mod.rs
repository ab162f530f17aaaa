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
    let data = data::Data::load(out, manifest);
    let sectioned = models::anchored(&data);
    let anchors = sectioned.iter().enumerate().map(|(i, m)| (data::text(m, "model_id"), i)).collect();
    let mut body = chart::section(&data);
    body.push_str(&sections::laws(&data));
    body.push_str(&paper::section(&data));
    body.push_str(&sections::densest(&data, &anchors));
    body.push_str(&sections::changes(out, &data));
    body.push_str(&models::section(&data, &sectioned));
    body.push_str(&sections::files(&data));
    let nav = [
        ("chart", "Chart"),
        ("laws", "Laws"),
        ("paper", "Paper's Fig. 1"),
        ("densest", "Densest"),
        ("changes", "Changes"),
        ("models", "Models"),
        ("files", "Files"),
    ];
    let title = format!("densing snapshot {}", manifest.snapshot_id);
    html::page(&title, &sections::header(&data), &nav, &body)
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
