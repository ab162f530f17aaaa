//! The wire types between sources, the fetcher and the driver: requests, responses, failures,
//! their reason codes, and the one [`FetchOutcome`] event every request ends in.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::archive::{ArchiveRecord, RunLogEntry};

/// What a request is for; recorded in `fetch_log.purpose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Purpose {
    /// One model's metadata (`/api/models/{id}`).
    ModelInfo,
    /// A page of the model list (`/api/models?…`).
    ModelList,
    /// A model card (`README.md`).
    Card,
    /// A model's `config.json`.
    Config,
    /// A model's `model.safetensors.index.json`.
    SafetensorsIndex,
    /// A page of leaderboard rows (an API page, an HTML page, a CSV or JSON file).
    Board,
    /// A results file of one evaluation run.
    Results,
    /// A local file of hand-checked values.
    Curated,
}

impl Purpose {
    /// The stable name written to tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::ModelInfo => "model_info",
            Purpose::ModelList => "model_list",
            Purpose::Card => "card",
            Purpose::Config => "config",
            Purpose::SafetensorsIndex => "safetensors_index",
            Purpose::Board => "board",
            Purpose::Results => "results",
            Purpose::Curated => "curated",
        }
    }
}

/// One request a source wants made.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FetchRequest {
    /// Absolute URL.
    pub url: String,
    /// Index of the source (in pipeline order) that asked, so its parser gets the response.
    /// Stamped by the driver: sources leave it at 0.
    pub source_index: usize,
    /// What the response is for.
    pub purpose: Purpose,
    /// The model this request is about, when there is one.
    pub model_id: Option<String>,
    /// Page number for paginated requests (1-based), 0 otherwise.
    pub page: u32,
    /// Last page to follow for paginated requests, 0 otherwise.
    pub max_pages: u32,
    /// The model revision (sha) the file belongs to: when the archive holds this URL at this
    /// revision, it is reused without a request.
    pub revision: Option<String>,
    /// A missing resource (404) is expected sometimes and does not count as a run failure.
    pub optional: bool,
    /// Context a source passes to its own parser (e.g. the dtype for a byte count).
    pub hint: Option<String>,
}

impl FetchRequest {
    /// A request with no paging, revision, or hint.
    pub fn new(url: String, purpose: Purpose) -> Self {
        FetchRequest {
            url,
            source_index: 0,
            purpose,
            model_id: None,
            page: 0,
            max_pages: 0,
            revision: None,
            optional: false,
            hint: None,
        }
    }
}

/// A response usable by a parser: from the network, a 304 revalidation, or the archive.
#[derive(Debug, Clone)]
pub struct FetchedResponse {
    /// The archive record (status, hash, kept headers, fetch time).
    pub record: ArchiveRecord,
    /// The body bytes.
    pub body: Arc<Vec<u8>>,
    /// Read from the archive without a network request (offline).
    pub from_archive: bool,
    /// The server answered 304 and the archived body was reused.
    pub not_modified: bool,
}

/// Bounded reason codes for failures (`fetch_log.error` starts with one; `rejects.reason` is one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// 4xx/5xx that is not one of the cases below.
    HttpStatus,
    /// 404 or `X-Error-Code: RepoNotFound/EntryNotFound`.
    NotFound,
    /// 401/403: gated, private, or (without a token) missing; a token is needed.
    TokenNeeded,
    /// 429/503 still after the last attempt, or a wait longer than allowed.
    RateLimited,
    /// Timed out after the last attempt.
    Timeout,
    /// Connection or protocol failure after the last attempt.
    Network,
    /// Body over `max_body_bytes`.
    TooLarge,
    /// A host (or a redirect target) outside the allowed list.
    HostNotAllowed,
    /// More than ten redirects (a loop).
    RedirectLoop,
    /// Offline, and the archive has no record for the URL.
    NotArchived,
    /// The archive record exists but its blob is missing or corrupt.
    ArchiveCorrupt,
}

impl Reason {
    /// The reason a code names (for replaying a run log); unknown codes are `http_status`.
    pub fn parse(code: &str) -> Reason {
        Reason::ALL.iter().copied().find(|r| r.as_str() == code).unwrap_or(Reason::HttpStatus)
    }

    /// The stable code written to tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::HttpStatus => "http_status",
            Reason::NotFound => "not_found",
            Reason::TokenNeeded => "token_needed",
            Reason::RateLimited => "rate_limited",
            Reason::Timeout => "timeout",
            Reason::Network => "network",
            Reason::TooLarge => "too_large",
            Reason::HostNotAllowed => "host_not_allowed",
            Reason::RedirectLoop => "redirect_loop",
            Reason::NotArchived => "not_archived",
            Reason::ArchiveCorrupt => "archive_corrupt",
        }
    }
}

/// A request that produced no usable response.
#[derive(Debug, Clone)]
pub struct FetchFailure {
    /// Reason code.
    pub reason: Reason,
    /// Human detail (never contains the token: request headers are not formatted anywhere).
    pub message: String,
    /// The last HTTP status, when one came back.
    pub status: Option<u16>,
    /// sha256 of an archived error body, if any.
    pub sha256: Option<String>,
    /// Bytes of the error body.
    pub bytes: u64,
    /// The failure was read from the archive (an archived 404), not a new request.
    pub from_archive: bool,
}

/// The result of one [`FetchRequest`], with what `fetch_log` records.
#[derive(Debug)]
pub struct FetchOutcome {
    /// The request.
    pub request: FetchRequest,
    /// Response or failure.
    pub result: Result<FetchedResponse, FetchFailure>,
    /// Attempts made (0 offline).
    pub attempts: u32,
    /// When the outcome was decided (the archive's time for archived responses).
    pub fetched_at: DateTime<Utc>,
}

impl FetchOutcome {
    /// The run-log entry (`archive/runs/<id>.jsonl`) a rebuild replays this outcome from.
    pub fn run_log_entry(&self) -> RunLogEntry {
        let (url, fetched_at, attempts) = (self.request.url.clone(), self.fetched_at, self.attempts);
        match &self.result {
            Ok(r) => RunLogEntry {
                url,
                record: Some(r.record.clone()),
                attempts,
                from_archive: r.from_archive,
                not_modified: r.not_modified,
                reason: None,
                message: None,
                status: None,
                fetched_at,
            },
            Err(f) => RunLogEntry {
                record: f.sha256.as_ref().map(|sha| ArchiveRecord {
                    sha256: sha.clone(),
                    bytes: f.bytes,
                    revision: self.request.revision.clone(),
                    ..ArchiveRecord::new(url.clone(), f.status.unwrap_or(0), fetched_at)
                }),
                url,
                attempts,
                from_archive: f.from_archive,
                not_modified: false,
                reason: Some(f.reason.as_str().to_owned()),
                message: Some(f.message.clone()),
                status: f.status,
                fetched_at,
            },
        }
    }
}

pub(crate) fn failure(reason: Reason, message: String, status: Option<u16>) -> FetchFailure {
    FetchFailure { reason, message, status, sha256: None, bytes: 0, from_archive: false }
}

/// A final non-2xx response, classified with Hugging Face's `X-Error-Code` where present.
pub(crate) fn status_failure(record: &ArchiveRecord, body: &[u8]) -> FetchFailure {
    let code = record.error_code.as_deref().unwrap_or("");
    let reason = match record.status {
        401 | 403 => Reason::TokenNeeded,
        404 => Reason::NotFound,
        _ if code.ends_with("NotFound") => Reason::NotFound,
        _ => Reason::HttpStatus,
    };
    let snippet: String =
        String::from_utf8_lossy(&body[..body.len().min(200)]).chars().filter(|c| !c.is_control()).collect();
    let hint =
        if reason == Reason::TokenNeeded { " (gated, private or missing: set HF_TOKEN with access)" } else { "" };
    let code = if code.is_empty() { String::new() } else { format!(" {code}") };
    FetchFailure {
        reason,
        message: format!("HTTP {}{code}{hint}: {snippet}", record.status),
        status: Some(record.status),
        sha256: Some(record.sha256.clone()),
        bytes: record.bytes,
        from_archive: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Hub's real error texts and `X-Error-Code` values
    /// (`fixtures/real/hf_api/observed_headers_and_errors.json`).
    fn observed() -> serde_json::Value {
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real/hf_api/observed_headers_and_errors.json");
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    }

    fn record(status: u16, error_code: Option<&str>, body: &str) -> ArchiveRecord {
        ArchiveRecord {
            sha256: crate::archive::sha256_hex(body.as_bytes()),
            bytes: body.len() as u64,
            content_type: Some("text/plain".to_owned()),
            error_code: error_code.map(str::to_owned),
            ..ArchiveRecord::new("https://huggingface.co/api/models/x/y".to_owned(), status, DateTime::UNIX_EPOCH)
        }
    }

    fn classify(status: u16, code: Option<&str>, body: &str) -> FetchFailure {
        status_failure(&record(status, code, body), body.as_bytes())
    }

    #[test]
    fn real_gated_and_unauthorised_answers_need_a_token() {
        let doc = observed();
        let text = |k: &str| doc["error_messages"][k].as_str().unwrap().to_owned();
        let gated = classify(401, Some("GatedRepo"), &text("gated_401_not_logged_in"));
        assert_eq!((gated.reason, gated.status, gated.bytes), (Reason::TokenNeeded, Some(401), 136));
        assert_eq!(
            gated.message,
            "HTTP 401 GatedRepo (gated, private or missing: set HF_TOKEN with access): Access to model \
             black-forest-labs/FLUX.1-dev is restricted. You must have access to it and be authenticated to access \
             it. Please log in."
        );
        let forbidden = classify(403, Some("GatedRepo"), &text("gated_403_not_authorized"));
        assert_eq!(forbidden.reason, Reason::TokenNeeded);
        assert!(forbidden.message.ends_with("Visit https://huggingface.co/google/gemma-3-4b-pt to ask for access."));
        // Without a token the Hub answers 401 for a private or missing repo alike.
        let missing = classify(401, Some("RepoNotFound"), &text("unauthenticated_missing_or_private_repo"));
        assert_eq!(missing.reason, Reason::TokenNeeded);
        assert!(missing.message.starts_with("HTTP 401 RepoNotFound (gated"), "{}", missing.message);
        assert_eq!(
            missing.sha256.as_deref(),
            Some(crate::archive::sha256_hex(text("unauthenticated_missing_or_private_repo").as_bytes()).as_str())
        );
    }

    #[test]
    fn every_observed_error_code_classifies() {
        let codes: Vec<String> = observed()["x_error_code_values_seen_in_client_code"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(codes, ["RepoNotFound", "RevisionNotFound", "EntryNotFound", "GatedRepo"]);
        for code in &codes {
            // A `…NotFound` code is a missing resource whatever the status; `GatedRepo` comes with 403.
            let (status, reason) =
                if code == "GatedRepo" { (403, Reason::TokenNeeded) } else { (400, Reason::NotFound) };
            assert_eq!(classify(status, Some(code), "").reason, reason, "{code}");
            assert_eq!(classify(404, Some(code), "").reason, Reason::NotFound, "{code}");
        }
        // No code: only the status speaks.
        assert_eq!(classify(404, None, "").reason, Reason::NotFound);
        assert_eq!(classify(410, None, "").reason, Reason::HttpStatus);
    }
}
