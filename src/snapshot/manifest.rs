//! The manifest: what a snapshot contains, written last to make the snapshot exist.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::SnapshotError;

/// `_snapshots/<id>/manifest.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// The snapshot id.
    pub snapshot_id: String,
    /// Version of the table contract ([`crate::tables::schema::SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// densing version that wrote it.
    pub densing_version: String,
    /// When the run started.
    pub created_at: DateTime<Utc>,
    /// `--as-of` date, when given.
    pub as_of: Option<chrono::NaiveDate>,
    /// Whether the run was offline.
    pub offline: bool,
    /// The pipeline that produced it.
    pub pipeline: PipelineRef,
    /// Every data file, with hash, size and rows.
    pub files: Vec<FileEntry>,
    /// The archive records the snapshot was derived from.
    pub archive_records: Vec<ArchiveRef>,
    /// Inputs besides responses (the pipeline text, alias files), stored as archive blobs.
    #[serde(default)]
    pub inputs: Vec<InputRef>,
    /// The credit the data of every source that contributed rows asks for (its licence's
    /// terms), sorted; also in `datapackage.json` and `CITATION.cff`.
    #[serde(default)]
    pub attributions: Vec<Credit>,
    /// `--model` ids the run was restricted to.
    #[serde(default)]
    pub models_filter: Option<Vec<String>>,
    /// Run counters.
    pub summary: RunSummary,
}

/// The pipeline file a snapshot came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PipelineRef {
    /// `name` from the file.
    pub name: String,
    /// The path given (or `built-in`).
    pub path: String,
    /// sha256 of the file's bytes.
    pub sha256: String,
}

/// One file of the snapshot.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileEntry {
    /// Table name, or `null` for non-table files.
    pub table: Option<String>,
    /// Path relative to the output root, `/`-separated.
    pub path: String,
    /// sha256 of the file.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Rows (tables only).
    pub rows: Option<u64>,
}

/// A run input kept in the archive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputRef {
    /// `pipeline` or `aliases`.
    pub kind: String,
    /// File name.
    pub name: String,
    /// Blob hash.
    pub sha256: String,
}

/// The credit one source's data requires ([`crate::sources::Attribution`]).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Credit {
    /// The source kind.
    pub source: String,
    /// The publisher and dataset, as they ask to be credited.
    pub credit: String,
    /// The licence's SPDX id (`CC-BY-4.0`; `NOASSERTION` when the publisher states none).
    pub licence: String,
    /// Where the data and its terms are.
    pub url: String,
}

impl From<&crate::sources::Attribution> for Credit {
    fn from(a: &crate::sources::Attribution) -> Self {
        Credit {
            source: a.source.to_owned(),
            credit: a.credit.clone(),
            licence: a.licence.to_owned(),
            url: a.url.clone(),
        }
    }
}

/// One archive record used.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct ArchiveRef {
    /// URL.
    pub url: String,
    /// HTTP status archived.
    pub status: u16,
    /// Body hash (blob name).
    pub sha256: String,
    /// Fetch time in the archive index.
    pub fetched_at: DateTime<Utc>,
}

/// Counters of one run (also printed by `--json`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RunSummary {
    /// Requests planned and made (or read offline).
    pub requests: u64,
    /// Requests answered 304.
    pub not_modified: u64,
    /// Responses read from the archive offline.
    pub from_archive: u64,
    /// Requests that failed (these count toward `max_failure_ratio`).
    pub failures: u64,
    /// Requests whose failure is expected and does not count: a gated repo without a token, an
    /// optional file that does not exist. Still in `fetch_log` and `rejects`.
    #[serde(default)]
    pub expected_failures: u64,
    /// Rows in `models`.
    pub models: u64,
    /// Rows in `rejects`.
    pub rejects: u64,
    /// Rows in `density`.
    #[serde(default)]
    pub density_rows: u64,
    /// Rows in `density_law`.
    #[serde(default)]
    pub laws: u64,
    /// Wall time of the run, seconds.
    #[serde(default)]
    pub duration_secs: f64,
}

impl Manifest {
    /// Reads a manifest.
    ///
    /// # Errors
    /// Missing (→ [`SnapshotError::NotFound`]) or unparsable manifest.
    pub fn read(path: &Path, id: &str) -> Result<Manifest, SnapshotError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(SnapshotError::NotFound(id.to_owned())),
            Err(e) => return Err(SnapshotError::Io { path: path.to_owned(), source: e }),
        };
        serde_json::from_slice(&bytes)
            .map_err(|e| SnapshotError::BadManifest { path: path.to_owned(), message: e.to_string() })
    }
}
