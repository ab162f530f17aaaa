//! Snapshots: immutable, versioned Parquet outputs with a manifest written last.
//!
//! Layout (design.md, a contract):
//! ```text
//! <out>/<table>/snapshot=<id>/part-00000.parquet   Hive-style, one partition per snapshot,
//!                                                  part-00001.parquet, … past `rows_per_part` rows
//! <out>/_snapshots/<id>/manifest.json              files, sha256, bytes, rows, schema_version, …
//! <out>/LATEST                                     id of the newest complete snapshot
//! <out>/archive/                                   the raw archive (see crate::archive)
//! ```
//! [`writer`] holds the Parquet settings, [`parts`] streams a table into parts, [`commit`] stages, renames and publishes (and holds the output
//! lock), [`manifest`] is the manifest format, [`inspect`] lists and verifies.

pub mod commit;
pub mod diff;
pub mod ids;
pub mod inspect;
pub mod join;
pub mod manifest;
pub mod package;
pub mod parts;
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
/// File name of a table's part `index` (from 0): `part-00000.parquet`. Names sort in part order
/// up to 100,000 parts; readers sort by [`part_index`] anyway.
pub fn part_name(index: usize) -> String {
    format!("part-{index:05}.parquet")
}

/// The index of a part file name, `None` for any other file.
pub fn part_index(name: &str) -> Option<usize> {
    let digits = name.strip_prefix("part-")?.strip_suffix(".parquet")?;
    (digits.len() >= 5 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok()).flatten()
}

/// A snapshot id from a UTC time: `YYYY-MM-DDTHHMMSSZ`.
pub fn snapshot_id(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H%M%SZ").to_string()
}

/// Whether `id` has the shape of a snapshot id (it becomes part of paths, so check before use).
pub fn is_snapshot_id(id: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(id, "%Y-%m-%dT%H%M%SZ").is_ok() && id.len() == 18
}
