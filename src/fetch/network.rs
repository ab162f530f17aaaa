//! The network path: rate limit, in-flight cap, conditional request, retries and their waits.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::Utc;
use reqwest::header::{self, HeaderMap};
use reqwest::StatusCode;

use super::types::{failure, status_failure};
use super::{retry, FetchFailure, FetchOutcome, FetchRequest, FetchedResponse, Fetcher, Reason};
use crate::archive::ArchiveRecord;

impl Fetcher {
    /// Makes `request` over the network to `host` (already allowed), retrying within limits.
    pub(super) async fn over_network(&self, request: FetchRequest, host: String) -> FetchOutcome {
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
}

enum Step {
    Done(Box<Result<FetchedResponse, FetchFailure>>),
    RetryAfter(FetchFailure, Option<Duration>),
    Backoff(FetchFailure),
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
