//! The model registry: every name a model goes by, mapped to its Hub id. No fuzzy matching.
//!
//! Names come from three places: alias files (`pipelines/aliases/*.toml`, display names a
//! person checked), renames the Hub reported (a request for an old id answered by a new one),
//! and the Hub ids themselves (matched case-insensitively, since leaderboards change case).
//! A name that matches nothing stays unresolved; callers record it in `rejects` so a person can
//! add an alias.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::ConfigError;
use crate::fetch::{RejectReason, Stage};
use crate::tables::rows::RejectRow;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    alias: Vec<AliasEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasEntry {
    /// The name as a source writes it.
    name: String,
    /// The Hub id it means.
    model_id: String,
}

/// Names → Hub ids.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    exact: HashMap<String, String>,
    folded: HashMap<String, String>,
}

impl Registry {
    /// Loads every `*.toml` alias file of `dir` (sorted, so later files win deterministically).
    ///
    /// # Errors
    /// A file that cannot be read or parsed, named in the error.
    pub fn load(dir: &Path) -> Result<Self, ConfigError> {
        let mut registry = Registry::default();
        for (name, text) in Self::files(dir)? {
            registry.add_file_text(&text, &dir.join(name))?;
        }
        Ok(registry)
    }

    /// Adds the aliases of one alias file's text.
    ///
    /// # Errors
    /// The text is not an alias file; `origin` names it.
    pub fn add_file_text(&mut self, text: &str, origin: &Path) -> Result<(), ConfigError> {
        let file: AliasFile =
            toml::from_str(text).map_err(|e| ConfigError::Parse { path: origin.to_owned(), message: e.to_string() })?;
        for a in file.alias {
            self.add(&a.name, &a.model_id);
        }
        Ok(())
    }

    /// The alias files of `dir`, sorted by name: (name, text).
    ///
    /// # Errors
    /// The folder or a file cannot be read.
    pub fn files(dir: &Path) -> Result<Vec<(String, String)>, ConfigError> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|source| ConfigError::Read { path: dir.to_owned(), source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let text =
                    std::fs::read_to_string(&p).map_err(|source| ConfigError::Read { path: p.clone(), source })?;
                Ok((p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), text))
            })
            .collect()
    }

    /// Adds a name for `model_id`.
    pub fn add(&mut self, name: &str, model_id: &str) {
        self.exact.insert(name.trim().to_owned(), model_id.to_owned());
        self.folded.insert(name.trim().to_lowercase(), model_id.to_owned());
    }

    /// Adds a Hub id as a name of itself.
    pub fn add_model(&mut self, model_id: &str) {
        self.folded.entry(model_id.to_lowercase()).or_insert_with(|| model_id.to_owned());
    }

    /// The Hub id `name` stands for: an exact alias, else a case-insensitive match.
    ///
    /// ```
    /// use densing::normalize::registry::Registry;
    /// let mut r = Registry::default();
    /// r.add("Zephyr-7b-β", "HuggingFaceH4/zephyr-7b-beta");
    /// r.add_model("meta-llama/Llama-2-7b-hf");
    /// assert_eq!(r.resolve("Zephyr-7b-β"), Some("HuggingFaceH4/zephyr-7b-beta"));
    /// assert_eq!(r.resolve("meta-llama/llama-2-7b-hf"), Some("meta-llama/Llama-2-7b-hf"));
    /// assert_eq!(r.resolve("Llama 2 7B"), None);
    /// ```
    pub fn resolve(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.exact.get(name).or_else(|| self.folded.get(&name.to_lowercase())).map(String::as_str)
    }

    /// The canonical id for an id that may be an old name (a rename), else the id itself.
    pub fn canonical<'a>(&'a self, model_id: &'a str) -> &'a str {
        self.exact.get(model_id).map(String::as_str).unwrap_or(model_id)
    }
}

/// Resolves board rows named by display name: the board's own Hub-id column first (when it names
/// a valid id), then the registry. Unresolved names become one `unresolved_name` reject per
/// (board, name), so a person can add an alias.
pub fn resolve_named(
    named: Vec<crate::sources::NamedScore>,
    registry: &Registry,
) -> (Vec<crate::tables::rows::ScoreRow>, Vec<RejectRow>) {
    let mut scores = Vec::new();
    let mut unresolved: std::collections::BTreeMap<(String, String), (String, String)> =
        std::collections::BTreeMap::new();
    for n in named {
        let id = n.hub_id.clone().or_else(|| registry.resolve(&n.name).map(str::to_owned));
        match id {
            Some(id) => {
                scores.push(crate::tables::rows::ScoreRow { model_id: registry.canonical(&id).to_owned(), ..n.score })
            }
            None => {
                unresolved
                    .entry((n.board.clone(), n.name.clone()))
                    .or_insert((n.score.source.clone(), n.score.source_url.clone()));
            }
        }
    }
    let rejects = unresolved
        .into_iter()
        .map(|((board, name), (source, url))| {
            RejectRow::new(&source, Stage::Normalize, RejectReason::UnresolvedName).url(&url).model(&name).detail(
                format!("board {board}: {name:?} matches no Hub id; add an alias to the pipeline's aliases folder"),
            )
        })
        .collect();
    (scores, rejects)
}
