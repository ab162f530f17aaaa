//! Reading published snapshots: list them, verify one against its manifest.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use super::manifest::Manifest;
use super::parts::copy_hashed;
use super::{is_snapshot_id, LATEST, SNAPSHOTS_DIR};
use crate::error::SnapshotError;

/// Reads the manifest of snapshot `id`.
///
/// # Errors
/// A malformed id, a missing or unparsable manifest.
pub fn manifest(out: &Path, id: &str) -> Result<Manifest, SnapshotError> {
    if !is_snapshot_id(id) {
        return Err(SnapshotError::NotFound(id.to_owned()));
    }
    Manifest::read(&out.join(SNAPSHOTS_DIR).join(id).join("manifest.json"), id)
}

/// Ids of every complete snapshot (those with a manifest), oldest first.
pub fn list(out: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(out.join(SNAPSHOTS_DIR)) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().join("manifest.json").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|id| is_snapshot_id(id))
        .collect();
    ids.sort();
    ids
}

/// The id in `LATEST`, if any.
pub fn latest(out: &Path) -> Option<String> {
    fs::read_to_string(out.join(LATEST)).ok().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// One problem found by [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File path relative to the output root.
    pub path: String,
    /// What is wrong.
    pub what: String,
}

/// Re-hashes every file the manifest names, and looks for files in its table folders that it
/// does not name (a stray part would be read as rows by every glob); returns the problems (empty
/// means verified).
///
/// # Errors
/// The manifest itself cannot be read.
pub fn verify(out: &Path, id: &str) -> Result<(Manifest, Vec<Problem>), SnapshotError> {
    let manifest = manifest(out, id)?;
    let mut problems = Vec::new();
    for file in &manifest.files {
        let problem = |what: String| Problem { path: file.path.clone(), what };
        match copy_hashed(&out.join(&file.path), std::io::sink()) {
            Err(e) => problems.push(problem(format!("unreadable: {e}"))),
            Ok((bytes, _)) if bytes != file.bytes => {
                problems.push(problem(format!("{bytes} bytes, manifest says {}", file.bytes)))
            }
            Ok((_, sha)) if sha != file.sha256 => problems.push(problem("sha256 differs from the manifest".into())),
            Ok(_) => {}
        }
    }
    let named: BTreeSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    let tables: BTreeSet<&str> = manifest.files.iter().filter_map(|f| f.table.as_deref()).collect();
    for table in tables {
        let folder = format!("{table}/snapshot={id}");
        for entry in fs::read_dir(out.join(&folder)).into_iter().flatten().flatten() {
            let path = format!("{folder}/{}", entry.file_name().to_string_lossy());
            if !named.contains(path.as_str()) {
                problems.push(Problem { path, what: "not in the manifest".into() });
            }
        }
    }
    Ok((manifest, problems))
}
