//! The paths that answer from the archive: offline, replay (`densing rebuild`), an unchanged
//! revision, a 304 revalidation, and local `file://` inputs (archived like any response).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Utc;

use super::types::{failure, status_failure};
use super::{FetchFailure, FetchOutcome, FetchRequest, FetchedResponse, Fetcher, Reason};
use crate::archive::{ArchiveRecord, RunLogEntry};

impl Fetcher {
    pub(super) fn revalidated(&self, cached: &ArchiveRecord) -> Result<FetchedResponse, FetchFailure> {
        let mut record = cached.clone();
        record.fetched_at = Utc::now();
        let body = self
            .archive
            .read_body(cached)
            .map_err(|e| failure(Reason::ArchiveCorrupt, format!("304 but archived body unusable: {e}"), Some(304)))?;
        self.archive
            .reuse(&record, &body)
            .map_err(|e| failure(Reason::ArchiveCorrupt, format!("cannot index: {e}"), Some(304)))?;
        Ok(FetchedResponse { record, body: Arc::new(body), from_archive: false, not_modified: true })
    }

    pub(super) fn read_archived(&self, request: FetchRequest) -> FetchOutcome {
        let Some(record) = self.archive.lookup(&request.url) else {
            let f = failure(Reason::NotArchived, "offline and the archive has no copy".into(), None);
            return FetchOutcome { request, result: Err(f), attempts: 0, fetched_at: Utc::now() };
        };
        self.reuse_record(request, record)
    }

    /// The recorded outcome of `request`, exactly as the original run saw it.
    pub(super) fn replay(&self, request: FetchRequest, log: &HashMap<String, RunLogEntry>) -> FetchOutcome {
        let Some(entry) = log.get(&request.url) else {
            let f = failure(Reason::NotArchived, "the run being rebuilt made no such request".into(), None);
            return FetchOutcome { request, result: Err(f), attempts: 0, fetched_at: Utc::now() };
        };
        let result = match (&entry.reason, &entry.record) {
            (None, Some(record)) => match self.archive.read_body(record) {
                Ok(body) => Ok(FetchedResponse {
                    record: record.clone(),
                    body: Arc::new(body),
                    from_archive: entry.from_archive,
                    not_modified: entry.not_modified,
                }),
                Err(e) => Err(failure(Reason::ArchiveCorrupt, e.to_string(), Some(record.status))),
            },
            (reason, record) => Err(FetchFailure {
                reason: Reason::parse(reason.as_deref().unwrap_or("http_status")),
                message: entry.message.clone().unwrap_or_default(),
                status: entry.status,
                sha256: record.as_ref().map(|r| r.sha256.clone()),
                bytes: record.as_ref().map_or(0, |r| r.bytes),
                from_archive: entry.from_archive,
            }),
        };
        FetchOutcome { request, result, attempts: entry.attempts, fetched_at: entry.fetched_at }
    }

    /// A local file named by the pipeline (a curated table): archived like any response, so a
    /// snapshot that used it can be rebuilt from the archive.
    pub(super) fn read_local(&self, request: FetchRequest, path: &std::path::Path) -> FetchOutcome {
        let fetched_at = Utc::now();
        let result = match std::fs::read(path) {
            Err(e) => Err(failure(Reason::NotFound, format!("{}: {e}", path.display()), None)),
            Ok(body) if body.len() as u64 > self.settings.config.max_body_bytes => {
                Err(failure(Reason::TooLarge, format!("{} is over the body cap", path.display()), None))
            }
            Ok(body) => {
                let record = ArchiveRecord::new(request.url.clone(), 200, fetched_at);
                match self.archive.store(record, &body) {
                    Ok(record) => {
                        Ok(FetchedResponse { record, body: Arc::new(body), from_archive: false, not_modified: false })
                    }
                    Err(e) => Err(failure(Reason::ArchiveCorrupt, format!("cannot archive: {e}"), None)),
                }
            }
        };
        FetchOutcome { request, result, attempts: 1, fetched_at }
    }

    /// Serves a request from an archived record (offline, or an unchanged revision).
    pub(super) fn reuse_record(&self, request: FetchRequest, record: ArchiveRecord) -> FetchOutcome {
        let fetched_at = record.fetched_at;
        let result = match self.archive.read_body(&record) {
            Err(e) => Err(failure(Reason::ArchiveCorrupt, e.to_string(), Some(record.status))),
            Ok(body) => match self.archive.reuse(&record, &body) {
                Err(e) => Err(failure(Reason::ArchiveCorrupt, format!("cannot index: {e}"), None)),
                Ok(()) if (200..300).contains(&record.status) => {
                    Ok(FetchedResponse { record, body: Arc::new(body), from_archive: true, not_modified: false })
                }
                Ok(()) => Err(FetchFailure { from_archive: true, ..status_failure(&record, &body) }),
            },
        };
        FetchOutcome { request, result, attempts: 0, fetched_at }
    }
}
