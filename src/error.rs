//! Run-level errors and the exit-code contract.
//!
//! Record-level failures (one page, one value) never come through here: they become `fetch_log`
//! and `rejects` rows (see [`crate::tables::rows`]) and the run goes on. What comes through here
//! stops the run: a bad pipeline file, an output folder we cannot write, a held lock.

use std::path::PathBuf;

/// Exit codes of `densing` (design.md, "CLI"): scripts and cron depend on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExitCode {
    /// All good.
    Ok = 0,
    /// Finished, but failures passed the pipeline's threshold; the snapshot is still written.
    SourcesFailed = 1,
    /// Usage or configuration error.
    Usage = 2,
    /// Could not run: lock held, output not writable, snapshot missing.
    CouldNotRun = 3,
}

/// A pipeline file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read pipeline file {path}: {source}")]
    Read {
        /// The pipeline file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The TOML does not match the pipeline format; the message names the key.
    #[error("pipeline file {path}: {message}")]
    Parse {
        /// The pipeline file.
        path: PathBuf,
        /// The parser's message, with line and key.
        message: String,
    },
    /// Values out of range.
    #[error("pipeline file {path}: {message}")]
    Invalid {
        /// The pipeline file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A flag that cannot be honoured.
    #[error("{0}")]
    Usage(String),
}

/// Writing or reading snapshots failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// File-system trouble, with the path.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Arrow or Parquet refused the data.
    #[error("writing {table}: {message}")]
    Encode {
        /// The table being written.
        table: String,
        /// The encoder's message.
        message: String,
    },
    /// Another run holds the output folder.
    #[error("output {path} is locked by {holder}")]
    Locked {
        /// The lock file.
        path: PathBuf,
        /// Who holds it (pid and start time).
        holder: String,
    },
    /// A snapshot id that does not exist or is malformed.
    #[error("snapshot {0} not found (no manifest)")]
    NotFound(String),
    /// A snapshot id that exists already: snapshots are never modified.
    #[error("snapshot {0} already exists; snapshots are never modified")]
    Exists(String),
    /// A manifest that does not parse.
    #[error("manifest {path}: {message}")]
    BadManifest {
        /// The manifest file.
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
}

impl SnapshotError {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> SnapshotError {
        let path = path.into();
        move |source| SnapshotError::Io { path, source }
    }
}

/// Anything that stops a run, mapped to an exit code in `main.rs`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// See [`ConfigError`].
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// See [`SnapshotError`].
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    /// The HTTP client could not be built (TLS setup).
    #[error("cannot start the HTTP client: {0}")]
    Client(String),
}

impl Error {
    /// The exit code this error maps to.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Config(_) => ExitCode::Usage,
            Error::Snapshot(SnapshotError::NotFound(_)) => ExitCode::Usage,
            Error::Snapshot(_) | Error::Client(_) => ExitCode::CouldNotRun,
        }
    }
}
