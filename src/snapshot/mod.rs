//! Snapshots: immutable, versioned Parquet outputs with a manifest written last.
//!
//! Layout (design.md, a contract):
//! ```text
//! <out>/<table>/snapshot=<id>/part-00000.parquet   Hive-style, one partition per snapshot
//! <out>/_snapshots/<id>/manifest.json              files, sha256, bytes, rows, schema_version, …
//! <out>/LATEST                                     id of the newest complete snapshot
//! <out>/archive/                                   the raw archive (see crate::archive)
//! ```
//! [`writer`] encodes Parquet, [`commit`] stages, renames and publishes (and holds the output
//! lock), [`manifest`] is the manifest format, [`inspect`] lists and verifies.

pub mod commit;
pub mod diff;
pub mod ids;
pub mod inspect;
pub mod manifest;
pub mod package;
pub mod read;
pub mod remote;
pub mod retention;
pub mod writer;

/// Name of the file holding the newest complete snapshot id.
pub const LATEST: &str = "LATEST";
/// Folder of per-snapshot manifests.
pub const SNAPSHOTS_DIR: &str = "_snapshots";
/// Folder where a run stages its files before publishing them.
pub const STAGING_DIR: &str = "_staging";
/// The HTML report beside the manifest: derived from the snapshot's tables, so not in the
/// manifest's hash list (written by `crate::report`, rewritten by `densing report`).
pub const REPORT_FILE: &str = "index.html";
/// File name of each table's one part.
pub const PART_FILE: &str = "part-00000.parquet";

/// A snapshot id from a UTC time: `YYYY-MM-DDTHHMMSSZ`.
pub fn snapshot_id(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H%M%SZ").to_string()
}

/// Whether `id` has the shape of a snapshot id (it becomes part of paths, so check before use).
pub fn is_snapshot_id(id: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(id, "%Y-%m-%dT%H%M%SZ").is_ok() && id.len() == 18
}
