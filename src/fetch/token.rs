//! The Hugging Face token: sent as a bearer token to the Hub endpoint's host only, never printed.
//!
//! Which hosts get it is decided here, from the pipeline's Hub endpoints, never by a source:
//! a source only names the hosts it calls ([`Host`]), so a leaderboard whose URL points off the
//! Hub cannot receive the token, whatever it asks.

use std::collections::HashSet;
use std::fmt;

use super::settings::hf_endpoint;
use super::Host;

/// The hosts that receive `HF_TOKEN`: the Hub endpoint's (`HF_ENDPOINT`, else
/// `https://huggingface.co`) and those of `hub_endpoints`, the endpoints the pipeline's
/// Hugging Face sources use (one may be pinned in the pipeline file). No other host.
pub fn hub_hosts(hub_endpoints: impl IntoIterator<Item = String>) -> HashSet<String> {
    std::iter::once(hf_endpoint(None))
        .chain(hub_endpoints)
        .filter_map(|endpoint| Host::of_url(&endpoint))
        .map(String::from)
        .collect()
}

/// `HF_TOKEN`, wrapped so that `Debug` and `Display` can never leak it into logs or errors.
#[derive(Clone)]
pub struct HfToken(String);

impl HfToken {
    /// Reads `HF_TOKEN` (empty means unset).
    pub fn from_env() -> Option<Self> {
        std::env::var("HF_TOKEN").ok().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).map(HfToken)
    }

    /// The `Authorization` header value.
    pub(crate) fn bearer(&self) -> String {
        format!("Bearer {}", self.0)
    }
}

impl fmt::Debug for HfToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HfToken(<redacted>)")
    }
}

impl fmt::Display for HfToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hub_endpoints_get_the_token() {
        let hosts = hub_hosts(["http://127.0.0.1:9000".to_owned(), "not a url".to_owned()]);
        assert!(hosts.contains("127.0.0.1"));
        assert!(!hosts.contains("datasets-server.huggingface.co"));
        // The default (or HF_ENDPOINT's) host is always a Hub host.
        assert!(hosts.contains(Host::of_url(&hf_endpoint(None)).unwrap().as_str()));
        assert!(hosts.len() <= 2, "{hosts:?}");
    }

    #[test]
    fn the_token_never_prints() {
        let token = HfToken("hf_secret".to_owned());
        assert!(!format!("{token:?} {token}").contains("hf_secret"));
        assert_eq!(token.bearer(), "Bearer hf_secret");
    }
}
