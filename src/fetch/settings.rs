//! What the fetch layer is configured with: limits, per-host rates, and the Hub endpoint.
//! The pipeline file's `[fetch]` and `[hosts]` tables deserialize into these.

use serde::Deserialize;

/// The real Hugging Face endpoint; `HF_ENDPOINT` overrides it unless a source pins `endpoint`.
pub const HF_DEFAULT_ENDPOINT: &str = "https://huggingface.co";

/// Limits the fetch layer enforces on every request.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FetchConfig {
    /// At most this many requests in flight at once, over all hosts.
    pub max_in_flight: usize,
    /// Attempts per request, the first included, before the failure is recorded.
    pub max_attempts: u32,
    /// Total time for one attempt (connect, headers and body), in seconds.
    pub timeout_secs: f64,
    /// Bodies larger than this many bytes are cut off and recorded as failures.
    pub max_body_bytes: u64,
    /// First backoff delay for 5xx and timeouts, in seconds; doubles each attempt, with jitter.
    pub backoff_base_secs: f64,
    /// A `Retry-After` or `RateLimit` wait longer than this gives up instead of sleeping.
    pub max_retry_wait_secs: f64,
    /// Rate for hosts not listed under `[hosts]`, requests per second.
    pub default_rps: f64,
    /// Burst for hosts not listed under `[hosts]`.
    pub default_burst: u32,
    /// Hosts requests and redirects may go to, besides the hosts of the sources' endpoints.
    pub allowed_hosts: Vec<String>,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            max_in_flight: 8,
            max_attempts: 4,
            timeout_secs: 30.0,
            max_body_bytes: 20 * 1024 * 1024,
            backoff_base_secs: 0.5,
            max_retry_wait_secs: 300.0,
            default_rps: 2.0,
            default_burst: 2,
            allowed_hosts: Vec::new(),
        }
    }
}

/// A rate limit for one host: a token bucket refilled at `rps`, holding `burst` tokens.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostLimit {
    /// Sustained requests per second.
    pub rps: f64,
    /// Requests allowed at once after a quiet spell.
    pub burst: u32,
}

/// Resolves the Hugging Face endpoint: a pinned value wins, then `HF_ENDPOINT`, then the default.
pub fn hf_endpoint(pinned: Option<&str>) -> String {
    let raw = match pinned {
        Some(e) => e.to_owned(),
        None => std::env::var("HF_ENDPOINT")
            .ok()
            .filter(|e| !e.trim().is_empty())
            .unwrap_or_else(|| HF_DEFAULT_ENDPOINT.to_owned()),
    };
    raw.trim_end_matches('/').to_owned()
}
