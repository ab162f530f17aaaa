//! The fetch layer: polite, exact HTTP, and the archive behind it.
//!
//! Sources hand in [`FetchRequest`]s and get [`FetchOutcome`]s back; they never build a client,
//! sleep, retry or read rate-limit headers. This module owns all of that:
//! one `governor` limiter per host and a global in-flight cap ([`limiter`]); waits for 429/503 and
//! jittered backoff for other 5xx and timeouts ([`retry`]); bounded attempts; a body-size cap;
//! requests and redirects only to allowed hosts; conditional requests from the archive (a 304
//! reuses archived bytes); `HF_TOKEN` only to Hugging Face hosts ([`token`]). Offline, responses
//! come from the archive alone, and what it lacks fails cleanly with `not_archived`.

pub mod codes;
pub mod host;
pub mod limiter;
pub mod retry;
pub mod token;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use reqwest::header::{self, HeaderMap};
use reqwest::StatusCode;
use tokio::sync::Semaphore;

use crate::archive::{Archive, ArchiveRecord};
use crate::config::{FetchConfig, HostLimit};
use limiter::HostLimiters;
use token::HfToken;

pub use codes::{RejectReason, Stage};
pub use host::Host;

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
    pub source_index: usize,
    /// The source kind, for `fetch_log.source`.
    pub source: &'static str,
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
    pub fn new(url: String, source_index: usize, source: &'static str, purpose: Purpose) -> Self {
        FetchRequest {
            url,
            source_index,
            source,
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
        const ALL: [Reason; 11] = [
            Reason::RedirectLoop,
            Reason::HttpStatus,
            Reason::NotFound,
            Reason::TokenNeeded,
            Reason::RateLimited,
            Reason::Timeout,
            Reason::Network,
            Reason::TooLarge,
            Reason::HostNotAllowed,
            Reason::NotArchived,
            Reason::ArchiveCorrupt,
        ];
        ALL.into_iter().find(|r| r.as_str() == code).unwrap_or(Reason::HttpStatus)
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

/// Everything the fetcher needs, resolved from the pipeline and the environment.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    /// Limits from the pipeline file.
    pub config: FetchConfig,
    /// Per-host limits from the pipeline file.
    pub hosts: HashMap<String, HostLimit>,
    /// Hosts requests may go to (endpoint hosts plus `fetch.allowed_hosts`).
    pub allowed_hosts: HashSet<String>,
    /// Hosts that receive `HF_TOKEN`.
    pub hf_hosts: HashSet<String>,
    /// Read only from the archive.
    pub offline: bool,
    /// Replay a recorded run exactly (`densing rebuild`): every outcome comes from its log.
    pub replay: Option<Arc<HashMap<String, crate::archive::RunLogEntry>>>,
}

/// The shared fetcher; clone the `Arc` into tasks.
pub struct Fetcher {
    client: reqwest::Client,
    settings: FetchSettings,
    limiters: HostLimiters,
    in_flight: Semaphore,
    archive: Arc<Archive>,
    token: Option<HfToken>,
}

/// The User-Agent: names densing, its version and where to read about it.
pub const USER_AGENT: &str = concat!("densing/", env!("CARGO_PKG_VERSION"), " (+https://github.com/densing/densing)");

impl Fetcher {
    /// Builds the client (rustls with ring, gzip/brotli, redirect policy) and the limiters.
    ///
    /// # Errors
    /// The TLS stack cannot be initialised.
    pub fn new(settings: FetchSettings, archive: Arc<Archive>, token: Option<HfToken>) -> Result<Self, String> {
        install_crypto_provider();
        let allowed = settings.allowed_hosts.clone();
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            let host = attempt.url().host_str().unwrap_or_default().to_owned();
            if attempt.previous().len() >= 10 {
                attempt.error("too many redirects (a loop?)")
            } else if !allowed.contains(&host) {
                attempt.error(format!("redirect to host {host} is not allowed"))
            } else {
                attempt.follow()
            }
        });
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(Duration::from_secs_f64(settings.config.timeout_secs))
            .connect_timeout(Duration::from_secs(10))
            .redirect(policy)
            .build()
            .map_err(|e| e.to_string())?;
        let default = HostLimit { rps: settings.config.default_rps, burst: settings.config.default_burst };
        Ok(Fetcher {
            client,
            limiters: HostLimiters::new(settings.hosts.clone(), default),
            in_flight: Semaphore::new(settings.config.max_in_flight),
            settings,
            archive,
            token,
        })
    }

    /// Runs one request to its outcome: archive, network with retries, or a recorded failure.
    pub async fn fetch(&self, request: FetchRequest) -> FetchOutcome {
        if let Some(log) = &self.settings.replay {
            return self.replay(request, log);
        }
        if self.settings.offline {
            return self.read_archived(request);
        }
        if let Some(path) = request.url.strip_prefix("file://") {
            return self.read_local(request.clone(), std::path::Path::new(path));
        }
        let host = match url::Url::parse(&request.url) {
            Ok(u) => u.host_str().unwrap_or_default().to_owned(),
            Err(e) => {
                let failure = failure(Reason::HostNotAllowed, format!("bad url: {e}"), None);
                return FetchOutcome { request, result: Err(failure), attempts: 0, fetched_at: Utc::now() };
            }
        };
        if !self.settings.allowed_hosts.contains(&host) {
            let failure =
                failure(Reason::HostNotAllowed, format!("host {host} is not in the pipeline's allowed hosts"), None);
            return FetchOutcome { request, result: Err(failure), attempts: 0, fetched_at: Utc::now() };
        }
        if let Some(record) =
            self.archive.lookup(&request.url).filter(|r| r.revision.is_some() && r.revision == request.revision)
        {
            // Same model revision as the archived copy: the file cannot have changed.
            return self.reuse_record(request, record);
        }
        let cached = self.archive.lookup(&request.url).filter(|r| r.status == 200);
        let max = self.settings.config.max_attempts;
        let base = Duration::from_secs_f64(self.settings.config.backoff_base_secs);
        let mut last = failure(Reason::Network, "no attempt made".into(), None);
        for attempt in 1..=max {
            self.limiters.until_ready(&host).await;
            let permit = self.in_flight.acquire().await.expect("semaphore is never closed");
            let step = self.attempt(&request, &host, cached.as_ref()).await;
            drop(permit);
            let wait = match step {
                Step::Done(result) => {
                    return FetchOutcome { request, result: *result, attempts: attempt, fetched_at: Utc::now() }
                }
                Step::RetryAfter(f, wait) => {
                    last = f;
                    match wait {
                        Some(w) if w.as_secs_f64() > self.settings.config.max_retry_wait_secs => {
                            last.message =
                                format!("{}; server asked to wait {}s, over the limit", last.message, w.as_secs());
                            break;
                        }
                        Some(w) => w,
                        None => retry::backoff(base, attempt - 1),
                    }
                }
                Step::Backoff(f) => {
                    last = f;
                    retry::backoff(base, attempt - 1)
                }
            };
            if attempt < max {
                tracing::warn!(url = %request.url, attempt, wait_ms = wait.as_millis() as u64, error = %last.message, "Retrying request.");
                tokio::time::sleep(wait).await;
            }
        }
        FetchOutcome { request, result: Err(last), attempts: max, fetched_at: Utc::now() }
    }

    async fn attempt(&self, request: &FetchRequest, host: &str, cached: Option<&ArchiveRecord>) -> Step {
        let mut builder = self.client.get(&request.url).header(header::ACCEPT_ENCODING, "gzip, br");
        if let Some(token) = self.token.as_ref().filter(|_| self.settings.hf_hosts.contains(host)) {
            builder = builder.header(header::AUTHORIZATION, token.bearer());
        }
        if let Some(c) = cached {
            if let Some(etag) = &c.etag {
                builder = builder.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &c.last_modified {
                builder = builder.header(header::IF_MODIFIED_SINCE, lm);
            }
        }
        let response = match builder.send().await {
            Ok(r) => r,
            Err(e) => return classify_error(&e),
        };
        let status = response.status();
        let headers = response.headers().clone();
        if status == StatusCode::NOT_MODIFIED {
            if let Some(c) = cached {
                return Step::Done(Box::new(self.revalidated(c)));
            }
        }
        if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
            let wait = retry::server_wait(&headers, SystemTime::now());
            return Step::RetryAfter(
                failure(Reason::RateLimited, format!("HTTP {}", status.as_u16()), Some(status.as_u16())),
                wait,
            );
        }
        if status.is_server_error() {
            return Step::Backoff(failure(
                Reason::HttpStatus,
                format!("HTTP {}", status.as_u16()),
                Some(status.as_u16()),
            ));
        }
        let body = match read_capped(response, self.settings.config.max_body_bytes).await {
            Ok(b) => b,
            Err(step) => return step,
        };
        let record = ArchiveRecord {
            url: request.url.clone(),
            status: status.as_u16(),
            sha256: String::new(),
            bytes: 0,
            etag: header_str(&headers, header::ETAG),
            last_modified: header_str(&headers, header::LAST_MODIFIED),
            content_type: header_str(&headers, header::CONTENT_TYPE),
            link: header_str(&headers, header::LINK),
            error_code: header_str(&headers, "x-error-code"),
            revision: request.revision.clone(),
            fetched_at: Utc::now(),
        };
        let record = match self.archive.store(record, &body) {
            Ok(r) => r,
            Err(e) => {
                return Step::Done(Box::new(Err(failure(Reason::ArchiveCorrupt, format!("cannot archive: {e}"), None))))
            }
        };
        if status.is_success() {
            return Step::Done(Box::new(Ok(FetchedResponse {
                record,
                body: Arc::new(body),
                from_archive: false,
                not_modified: false,
            })));
        }
        Step::Done(Box::new(Err(status_failure(&record, &body))))
    }

    fn revalidated(&self, cached: &ArchiveRecord) -> Result<FetchedResponse, FetchFailure> {
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

    fn read_archived(&self, request: FetchRequest) -> FetchOutcome {
        let Some(record) = self.archive.lookup(&request.url) else {
            let f = failure(Reason::NotArchived, "offline and the archive has no copy".into(), None);
            return FetchOutcome { request, result: Err(f), attempts: 0, fetched_at: Utc::now() };
        };
        self.reuse_record(request, record)
    }

    /// The recorded outcome of `request`, exactly as the original run saw it.
    fn replay(&self, request: FetchRequest, log: &HashMap<String, crate::archive::RunLogEntry>) -> FetchOutcome {
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
    fn read_local(&self, request: FetchRequest, path: &std::path::Path) -> FetchOutcome {
        let fetched_at = Utc::now();
        let result = match std::fs::read(path) {
            Err(e) => Err(failure(Reason::NotFound, format!("{}: {e}", path.display()), None)),
            Ok(body) if body.len() as u64 > self.settings.config.max_body_bytes => {
                Err(failure(Reason::TooLarge, format!("{} is over the body cap", path.display()), None))
            }
            Ok(body) => {
                let record = ArchiveRecord {
                    url: request.url.clone(),
                    status: 200,
                    sha256: String::new(),
                    bytes: 0,
                    etag: None,
                    last_modified: None,
                    content_type: None,
                    link: None,
                    error_code: None,
                    revision: None,
                    fetched_at,
                };
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
    fn reuse_record(&self, request: FetchRequest, record: ArchiveRecord) -> FetchOutcome {
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

enum Step {
    Done(Box<Result<FetchedResponse, FetchFailure>>),
    RetryAfter(FetchFailure, Option<Duration>),
    Backoff(FetchFailure),
}

fn failure(reason: Reason, message: String, status: Option<u16>) -> FetchFailure {
    FetchFailure { reason, message, status, sha256: None, bytes: 0, from_archive: false }
}

/// A final non-2xx response, classified with Hugging Face's `X-Error-Code` where present.
fn status_failure(record: &ArchiveRecord, body: &[u8]) -> FetchFailure {
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

fn classify_error(e: &reqwest::Error) -> Step {
    // reqwest's Display never includes request headers, so the token cannot leak here.
    let message = error_chain(e);
    if e.is_redirect() {
        let reason = if message.contains("too many redirects") { Reason::RedirectLoop } else { Reason::HostNotAllowed };
        return Step::Done(Box::new(Err(failure(reason, message, None))));
    }
    if e.is_decode() {
        // A body that does not decode (truncated gzip) is not fixed by asking again at once,
        // but a flaky connection can cause it: one retry policy for both, bounded.
        return Step::Backoff(failure(Reason::Network, format!("body could not be decoded: {message}"), None));
    }
    if e.is_timeout() {
        return Step::Backoff(failure(Reason::Timeout, message, None));
    }
    Step::Backoff(failure(Reason::Network, message, None))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

async fn read_capped(mut response: reqwest::Response, cap: u64) -> Result<Vec<u8>, Step> {
    if response.content_length().is_some_and(|n| n > cap) {
        let m = format!("body of {} bytes is over the {cap}-byte cap", response.content_length().unwrap_or(0));
        return Err(Step::Done(Box::new(Err(failure(Reason::TooLarge, m, Some(response.status().as_u16()))))));
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() as u64 + chunk.len() as u64 > cap {
                    let m = format!("body is over the {cap}-byte cap");
                    return Err(Step::Done(Box::new(Err(failure(
                        Reason::TooLarge,
                        m,
                        Some(response.status().as_u16()),
                    )))));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(classify_error(&e)),
        }
    }
}

fn header_str(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// rustls needs a process-wide crypto provider; we build with ring (no aws-lc C build). Call
/// before building any HTTP client (ours, or object_store's).
pub fn install_crypto_provider() {
    // Err means one is installed already, which is fine.
    let _ = rustls::crypto::ring::default_provider().install_default();
}
