//! One `governor` token bucket per host, plus the global in-flight cap.
//!
//! Hosts are keyed by name without port, so a pipeline's `[hosts]` table reads like the web.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

use super::settings::HostLimit;

/// Per-host limiters, created on first use from the configured or default limit.
pub struct HostLimiters {
    configured: HashMap<String, HostLimit>,
    default: HostLimit,
    live: Mutex<HashMap<String, Arc<DefaultDirectRateLimiter>>>,
}

impl HostLimiters {
    /// Limiters for the given per-host limits; other hosts get `default`.
    pub fn new(configured: HashMap<String, HostLimit>, default: HostLimit) -> Self {
        HostLimiters { configured, default, live: Mutex::new(HashMap::new()) }
    }

    /// Waits until `host` may receive one more request.
    pub async fn until_ready(&self, host: &str) {
        let limiter = self.limiter(host);
        limiter.until_ready().await;
    }

    fn limiter(&self, host: &str) -> Arc<DefaultDirectRateLimiter> {
        let mut live = self.live.lock().expect("limiter map lock is never poisoned: no panics inside");
        live.entry(host.to_owned())
            .or_insert_with(|| {
                let limit = self.configured.get(host).copied().unwrap_or(self.default);
                Arc::new(RateLimiter::direct(quota(limit)))
            })
            .clone()
    }
}

/// A quota replenishing one request every `1/rps` seconds with `burst` capacity: in any window of
/// `w` seconds a host sees at most `burst + rps·w` requests.
fn quota(limit: HostLimit) -> Quota {
    let period = Duration::from_secs_f64(1.0 / limit.rps.max(1e-6));
    let burst = NonZeroU32::new(limit.burst.max(1)).expect("max(1) is non-zero");
    Quota::with_period(period).expect("period is positive: rps is validated finite").allow_burst(burst)
}
