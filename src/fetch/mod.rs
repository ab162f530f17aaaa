//! The fetch layer: polite, exact HTTP, and the archive behind it.
//!
//! Sources hand in [`FetchRequest`]s and get [`FetchOutcome`]s back; they never build a client,
//! sleep, retry or read rate-limit headers. This module owns all of that:
//! one `governor` limiter per host and a global in-flight cap ([`limiter`]); waits for 429/503 and
//! jittered backoff for other 5xx and timeouts ([`retry`]); bounded attempts; a body-size cap;
//! requests and redirects only to allowed hosts; conditional requests from the archive (a 304
//! reuses archived bytes); `HF_TOKEN` only to the Hub endpoint's host ([`token`]). Offline, responses
//! come from the archive alone, and what it lacks fails cleanly with `not_archived`.

//!
//! Files: [`types`] (what goes in and comes out), this file (the fetcher and its dispatch),
//! `network` (the retry loop), `archived` (answers from the archive), [`scheduler`] (queue,
//! task cap, one request per URL).

mod archived;
pub mod codes;
pub mod host;
pub mod limiter;
mod network;
pub mod retry;
pub mod scheduler;
pub mod settings;
pub mod token;
mod types;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Semaphore;

use crate::archive::Archive;
pub use codes::{RejectReason, Stage};
pub use host::Host;
use limiter::HostLimiters;
use settings::{FetchConfig, HostLimit};
use token::HfToken;
use types::failure;
pub use types::{FetchFailure, FetchOutcome, FetchRequest, FetchedResponse, Purpose, Reason};

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
        crate::tls::install_crypto_provider();
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
        let default = HostLimit::new(settings.config.default_rps, settings.config.default_burst);
        let limits = settings::limits_in_force(&settings.hosts, &settings.hf_hosts, token.is_some());
        Ok(Fetcher {
            client,
            limiters: HostLimiters::new(limits, default),
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
        self.over_network(request, host).await
    }
}
