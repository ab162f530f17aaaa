//! When to retry and how long to wait: `RateLimit`, `Retry-After` and jittered backoff.
//!
//! Order for 429/503, as Hugging Face's own client does it: the `RateLimit` header's `t=` when
//! `r=0`, then `Retry-After` (seconds or an HTTP date), then exponential backoff.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;

/// The server's requested wait for a 429/503, if it named one.
pub fn server_wait(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(wait) = headers.get("ratelimit").and_then(|v| v.to_str().ok()).and_then(ratelimit_reset) {
        return Some(wait);
    }
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Parses `"api";r=0;t=55` (IETF RateLimit draft as Hugging Face sends it): the reset time when
/// nothing remains.
///
/// ```
/// use densing::fetch::retry::ratelimit_reset;
/// assert_eq!(ratelimit_reset("\"api\";r=0;t=55").unwrap().as_secs(), 55);
/// assert_eq!(ratelimit_reset("\"api\";r=489;t=189"), None);
/// ```
pub fn ratelimit_reset(value: &str) -> Option<Duration> {
    let mut remaining = None;
    let mut reset = None;
    for part in value.split([';', ',']) {
        let part = part.trim();
        if let Some(r) = part.strip_prefix("r=") {
            remaining = r.trim().parse::<u64>().ok();
        } else if let Some(t) = part.strip_prefix("t=") {
            reset = t.trim().parse::<u64>().ok();
        }
    }
    match (remaining, reset) {
        (Some(0), Some(t)) => Some(Duration::from_secs(t)),
        _ => None,
    }
}

/// Exponential backoff with full jitter in [base·2ⁿ/2, base·2ⁿ], capped at one minute.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    let ceiling = base.saturating_mul(1u32 << attempt.min(16)).min(Duration::from_secs(60));
    let half = ceiling / 2;
    half + half.mul_f64(unit_random())
}

/// A random number in [0, 1) from the std hasher's per-process random keys; jitter needs no
/// cryptographic quality and no extra crate.
fn unit_random() -> f64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().as_nanos() as u64);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_seconds_and_http_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("2"));
        assert_eq!(server_wait(&h, now), Some(Duration::from_secs(2)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(7));
        h.insert("retry-after", HeaderValue::from_str(&later).unwrap());
        assert_eq!(server_wait(&h, now), Some(Duration::from_secs(7)));
        h.insert("ratelimit", HeaderValue::from_static("\"api\";r=0;t=55"));
        assert_eq!(server_wait(&h, now), Some(Duration::from_secs(55)));
    }

    /// Real Hub headers (`fixtures/real/hf_api/observed_headers_and_errors.json`, quoted from
    /// huggingface_hub#3553): the set sent with a 429 and the set sent with a 200.
    fn observed(set: &str) -> HeaderMap {
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real/hf_api/observed_headers_and_errors.json");
        let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let mut h = HeaderMap::new();
        for (name, value) in doc["rate_limit_headers"][set].as_object().unwrap() {
            let name = reqwest::header::HeaderName::from_bytes(name.as_bytes()).unwrap();
            h.insert(name, HeaderValue::from_str(value.as_str().unwrap()).unwrap());
        }
        h
    }

    #[test]
    fn observed_hub_rate_limit_headers() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let on_429 = observed("on_429");
        assert_eq!(on_429["ratelimit-policy"], "\"fixed window\";\"api\";q=500;w=300");
        // Nothing left in the window: wait for its reset, 55 s.
        assert_eq!(server_wait(&on_429, now), Some(Duration::from_secs(55)));
        // RateLimit outranks Retry-After, as in huggingface_hub.
        let mut with_retry_after = on_429.clone();
        with_retry_after.insert("retry-after", HeaderValue::from_static("3"));
        assert_eq!(server_wait(&with_retry_after, now), Some(Duration::from_secs(55)));
        // 489 of 500 left: RateLimit names no wait, and the policy is a quota, not a wait.
        let mut on_200 = observed("on_200");
        assert_eq!(server_wait(&on_200, now), None);
        assert_eq!(ratelimit_reset(on_200["ratelimit-policy"].to_str().unwrap()), None);
        on_200.insert("retry-after", HeaderValue::from_static("3"));
        assert_eq!(server_wait(&on_200, now), Some(Duration::from_secs(3)));
    }

    #[test]
    fn backoff_grows_and_stays_capped() {
        let base = Duration::from_millis(100);
        let first = backoff(base, 0);
        assert!(first >= Duration::from_millis(50) && first <= base);
        assert!(backoff(base, 3) >= Duration::from_millis(400));
        assert!(backoff(base, 30) <= Duration::from_secs(60));
    }
}
