//! References as data: a reference is a TOML file of curves (see `pipelines/references/`).

use std::path::Path;

use serde::Deserialize;

use crate::error::ConfigError;
use crate::tables::codes::Evaluator;

/// The reference shipped with densing (the file in `pipelines/references/`, compiled in so the
/// binary works from any folder).
pub const BUILT_IN: &str = include_str!("../../pipelines/references/densing-nmi-2025.toml");

/// A reference: curves per benchmark, the data size assumed, and where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Its name, used in the `reference` column.
    pub name: String,
    /// How to cite it.
    pub citation: String,
    /// Training tokens D0 in `L = a·N^(−α) + b·D0^(−β)`.
    pub d0_tokens: f64,
    /// The largest model the curves were fitted on (effective sizes beyond are extrapolated).
    pub largest_reference_params: f64,
    /// The benchmarks `average` is the mean of.
    pub average_of: Vec<String>,
    /// Who measured the scores the curves were fitted to: `independent` when the reference's
    /// authors evaluated every model themselves under one protocol. Scores of that evaluator
    /// are preferred; others give `protocol_mismatch` densities. None: any score fits.
    #[serde(default)]
    pub evaluator: Option<Evaluator>,
    /// One curve per benchmark (and `average`).
    pub curve: Vec<Curve>,
}

/// One benchmark's two-step curve.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Curve {
    pub benchmark: String,
    /// The shots scores must have been measured with (none for `average`).
    pub shots: Option<i32>,
    /// A setting beyond shots (CoT), for the record.
    pub setting: Option<String>,
    pub a: f64,
    pub alpha: f64,
    pub b: f64,
    pub beta: f64,
    pub c: f64,
    pub gamma: f64,
    pub l: f64,
    pub d: f64,
}

impl Reference {
    /// Parses a reference file's text.
    ///
    /// # Errors
    /// The TOML does not match, named by `origin`.
    pub fn parse(text: &str, origin: &Path) -> Result<Self, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Parse { path: origin.to_owned(), message: e.to_string() })
    }

    /// The built-in `densing-nmi-2025`.
    pub fn built_in() -> Self {
        Self::parse(BUILT_IN, Path::new("pipelines/references/densing-nmi-2025.toml"))
            .expect("the shipped reference parses: a unit test checks it")
    }

    /// Loads a reference: a path to a `.toml` file, or the name of the built-in one.
    ///
    /// # Errors
    /// Unknown name, unreadable or invalid file.
    pub fn load(name_or_path: &str) -> Result<Self, ConfigError> {
        let builtin = Self::built_in();
        if name_or_path == builtin.name {
            return Ok(builtin);
        }
        let path = Path::new(name_or_path);
        let text =
            std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
        Self::parse(&text, path)
    }

    /// The curve for `benchmark`.
    pub fn curve(&self, benchmark: &str) -> Option<&Curve> {
        self.curve.iter().find(|c| c.benchmark == benchmark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_reference_has_six_curves() {
        let r = Reference::built_in();
        assert_eq!(r.curve.len(), 6);
        assert_eq!(r.curve("humaneval").unwrap().shots, Some(0));
        assert!(r.average_of.iter().all(|b| r.curve(b).is_some()));
    }
}
