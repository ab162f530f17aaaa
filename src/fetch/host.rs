//! [`Host`]: a host name as sources name the hosts they call.
//!
//! A source lists its hosts ([`Source::hosts`](crate::sources::Source::hosts)) so that `fetch`
//! allows requests and redirects to them; nothing more. What a host gets (`HF_TOKEN` or not) is
//! decided by `fetch` alone ([`token::hub_hosts`](super::token::hub_hosts)).

use std::fmt;

/// A host name without scheme or port, e.g. `huggingface.co` or `127.0.0.1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Host(String);

impl Host {
    /// The host of an absolute URL; none for a URL without one (`file://`) or one that does not
    /// parse.
    ///
    /// ```
    /// use densing::fetch::Host;
    /// assert_eq!(Host::of_url("https://HuggingFace.co:443/api/models").unwrap().as_str(), "huggingface.co");
    /// assert_eq!(Host::of_url("file:///tmp/curated.csv"), None);
    /// ```
    pub fn of_url(url: &str) -> Option<Host> {
        url::Url::parse(url).ok().and_then(|u| u.host_str().map(|h| Host(h.to_owned())))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<Host> for String {
    fn from(host: Host) -> String {
        host.0
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
