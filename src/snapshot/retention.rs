//! Retention: keep the newest N complete snapshots (never `LATEST`), and the archive blobs the
//! kept ones still name. Run under the output lock, after a publish.
//!
//! A snapshot is removed manifest first (it stops existing for readers at once), then its table
//! partitions, run log and index file. Blobs are kept when any kept snapshot's run log or inputs
//! name them, so every kept snapshot stays rebuildable.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use super::{inspect, SNAPSHOTS_DIR};
use crate::archive::Archive;
use crate::error::SnapshotError;

/// What a pruning removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Snapshot ids removed.
    pub snapshots: Vec<String>,
    /// Archive blobs removed.
    pub blobs: usize,
}

/// Keeps the newest `keep` snapshots (at least one, and always `LATEST`).
///
/// # Errors
/// I/O errors while removing.
pub fn prune(out: &Path, keep: usize, tables: &[&str]) -> Result<Pruned, SnapshotError> {
    let ids = inspect::list(out);
    let latest = inspect::latest(out);
    let keep = keep.max(1);
    let mut pruned = Pruned::default();
    if ids.len() <= keep {
        return Ok(pruned);
    }
    let doomed: Vec<String> =
        ids[..ids.len() - keep].iter().filter(|id| Some(*id) != latest.as_ref()).cloned().collect();
    for id in &doomed {
        let dir = out.join(SNAPSHOTS_DIR).join(id);
        fs::remove_file(dir.join("manifest.json")).map_err(SnapshotError::io(&dir))?;
        fs::remove_dir_all(&dir).map_err(SnapshotError::io(&dir))?;
        for t in tables {
            let part = out.join(t).join(format!("snapshot={id}"));
            if part.exists() {
                fs::remove_dir_all(&part).map_err(SnapshotError::io(&part))?;
            }
        }
        for log in [
            out.join("archive/runs").join(format!("{id}.jsonl")),
            out.join("archive/index").join(format!("{id}.jsonl")),
        ] {
            let _ = fs::remove_file(log);
        }
        pruned.snapshots.push(id.clone());
    }
    // Blobs still named by a kept snapshot.
    let archive_root = out.join("archive");
    let mut wanted: HashSet<String> = HashSet::new();
    for id in inspect::list(out) {
        if let Ok(log) = Archive::run_log(&archive_root, &id) {
            wanted.extend(log.values().filter_map(|e| e.record.as_ref().map(|r| r.sha256.clone())));
        }
        if let Ok(m) = inspect::manifest(out, &id) {
            wanted.extend(m.inputs.iter().map(|i| i.sha256.clone()));
            wanted.extend(m.archive_records.iter().map(|r| r.sha256.clone()));
        }
    }
    for shard in fs::read_dir(archive_root.join("blobs")).into_iter().flatten().flatten() {
        for blob in fs::read_dir(shard.path()).into_iter().flatten().flatten() {
            let name = blob.file_name().to_string_lossy().into_owned();
            if !wanted.contains(&name) {
                fs::remove_file(blob.path()).map_err(SnapshotError::io(blob.path()))?;
                pruned.blobs += 1;
            }
        }
    }
    Ok(pruned)
}
