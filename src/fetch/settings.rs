//! What the fetch layer is configured with: limits, per-host rates, and the Hub endpoint.
//! The pipeline file's `[fetch]` and `[hosts]` tables deserialize into these.

use std::collections::{HashMap, HashSet};

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

/// A rate limit for one host: a token bucket refilled at `rps`, holding `burst` tokens. Any
/// window of `w` seconds then admits at most `burst + rps·w` requests: rps 1.6 with burst 5 is at
/// most 485 in 5 minutes, under the Hub's anonymous 500.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostLimit {
    /// Sustained requests per second.
    pub rps: f64,
    /// Requests allowed at once after a quiet spell.
    pub burst: u32,
    /// `rps` when `HF_TOKEN` is set and this host receives it (a Hub endpoint's host): a token
    /// raises the Hub's budget (a free account: 1,000 API calls per 5 minutes). Unset: `rps`.
    pub token_rps: Option<f64>,
    /// `burst` under the same condition as `token_rps`. Unset: `burst`.
    pub token_burst: Option<u32>,
}

impl HostLimit {
    /// A limit that is the same with and without a token.
    pub const fn new(rps: f64, burst: u32) -> Self {
        HostLimit { rps, burst, token_rps: None, token_burst: None }
    }

    /// The limit in force: the token values when the host is sent a token, else the anonymous ones.
    pub fn in_force(self, token_sent: bool) -> HostLimit {
        if !token_sent {
            return HostLimit::new(self.rps, self.burst);
        }
        HostLimit::new(self.token_rps.unwrap_or(self.rps), self.token_burst.unwrap_or(self.burst))
    }
}

/// Each host's limit in force: its token values only when `has_token` and the host is one of
/// `token_hosts` (the hosts that receive `HF_TOKEN`, [`super::token::hub_hosts`]); a host that is
/// never sent the token is never allowed more.
pub fn limits_in_force(
    hosts: &HashMap<String, HostLimit>,
    token_hosts: &HashSet<String>,
    has_token: bool,
) -> HashMap<String, HostLimit> {
    hosts.iter().map(|(host, limit)| (host.clone(), limit.in_force(has_token && token_hosts.contains(host)))).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_budget_applies_only_with_a_token_on_a_token_host() {
        let hub = HostLimit { token_rps: Some(3.2), token_burst: Some(10), ..HostLimit::new(1.6, 5) };
        let board = HostLimit { token_rps: Some(9.0), ..HostLimit::new(1.0, 2) };
        let hosts: HashMap<String, HostLimit> =
            [("huggingface.co".to_owned(), hub), ("datasets-server.huggingface.co".to_owned(), board)].into();
        let token_hosts: HashSet<String> = ["huggingface.co".to_owned()].into();
        let pair = |l: &HostLimit| (l.rps, l.burst);

        let with = limits_in_force(&hosts, &token_hosts, true);
        assert_eq!(pair(&with["huggingface.co"]), (3.2, 10));
        // Not a host the token goes to: its token values are never used.
        assert_eq!(pair(&with["datasets-server.huggingface.co"]), (1.0, 2));
        let without = limits_in_force(&hosts, &token_hosts, false);
        assert_eq!(pair(&without["huggingface.co"]), (1.6, 5));
        // Half a token setting keeps the other anonymous value.
        assert_eq!(pair(&HostLimit { token_rps: Some(2.0), ..HostLimit::new(1.6, 5) }.in_force(true)), (2.0, 5));
    }

    #[test]
    fn the_window_bound_stays_under_the_hub_budgets() {
        // burst + rps·300 s: the most a 5-minute window can see under the GCRA limiter.
        let window = |l: HostLimit| f64::from(l.burst) + l.rps * 300.0;
        assert_eq!(window(HostLimit::new(1.6, 5)), 485.0);
        assert!(window(HostLimit::new(1.6, 5)) <= 500.0);
        assert!(window(HostLimit::new(3.2, 10)) <= 1000.0);
    }
}
