//! The Hugging Face token: sent as a bearer token to Hugging Face hosts only, never printed.

use std::fmt;

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
