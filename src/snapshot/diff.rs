//! `densing snapshots diff <a> <b>`: what changed between two snapshots.
//!
//! Models added and removed; for models in both, changed parameters and release dates; changed
//! scores (by model, benchmark, shots, source) and densities (by model, reference, benchmark,
//! basis), each with the old and the new value. `models` is merged as both tables stream
//! ([`super::join`]); `scores` and `density` grow with a run's selection, not with the Hub, so
//! they are held by key (only the compared columns).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::join::{join, Capped, Joined, TableRows};

/// One changed value.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Change {
    /// What changed (`params_total of meta-llama/Llama-2-7b-hf`).
    pub what: String,
    /// Value in the first snapshot (`null` when absent).
    pub old: Option<String>,
    /// Value in the second.
    pub new: Option<String>,
}

/// The differences between two snapshots.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Diff {
    /// The first snapshot.
    pub from: String,
    /// The second.
    pub to: String,
    /// Models only in the second.
    pub models_added: Vec<String>,
    /// Models only in the first.
    pub models_removed: Vec<String>,
    /// Changed model fields (parameters, dates).
    pub models_changed: Vec<Change>,
    /// Changed, added or removed scores.
    pub scores_changed: Vec<Change>,
    /// Changed, added or removed densities.
    pub density_changed: Vec<Change>,
}

/// How many entries each list of a [`Diff`] has in full (a [`summary`] keeps only the first).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Models only in the second snapshot.
    pub models_added: usize,
    /// Models only in the first.
    pub models_removed: usize,
    /// Changed model fields.
    pub models_changed: usize,
    /// Changed, added or removed scores.
    pub scores_changed: usize,
    /// Changed, added or removed densities.
    pub density_changed: usize,
}

/// A [`Diff`] whose lists hold at most their first `keep` entries, with the full counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The differences, each list cut to its first entries.
    pub diff: Diff,
    /// The length of each list in full.
    pub totals: Totals,
}

/// The `models` fields compared for models in both snapshots.
const MODEL_FIELDS: [&str; 7] = [
    "params_total",
    "params_active",
    "params_source",
    "release_date",
    "release_date_precision",
    "release_date_source",
    "is_base",
];

/// Rows by key, read with only the key and compared columns (the last row of a key wins).
type Keyed = BTreeMap<String, Vec<Option<String>>>;

fn keyed(out: &Path, table: &str, id: &str, key: &[&str], fields: &[&str]) -> Keyed {
    TableRows::open(out, table, id, key, fields).collect()
}

fn compare(a: &Keyed, b: &Keyed, fields: &[&str], label: &str, out: &mut Capped<Change>) {
    for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
        for (i, f) in fields.iter().enumerate() {
            let old = a.get(key).and_then(|r| r[i].clone());
            let new = b.get(key).and_then(|r| r[i].clone());
            if old != new {
                out.push(Change { what: format!("{label} {f} of {key}"), old, new });
            }
        }
    }
}

/// The `models` of `a` and `b` merged as they stream (both are written in `model_id` order).
/// A table out of that order (not one densing wrote) is read whole and sorted instead.
fn models(out: &Path, a: &str, b: &str, keep: usize) -> Joined {
    let open = |id: &str| TableRows::open(out, "models", id, &["model_id"], &MODEL_FIELDS);
    match join(open(a), open(b), &MODEL_FIELDS, "model", keep) {
        Ok(joined) => joined,
        Err(e) => {
            tracing::warn!(first = a, second = b, "{e}; comparing the models tables in memory instead.");
            let sorted = |id: &str| keyed(out, "models", id, &["model_id"], &MODEL_FIELDS).into_iter();
            join(sorted(a), sorted(b), &MODEL_FIELDS, "model", keep).expect("a BTreeMap's keys increase")
        }
    }
}

/// Diffs snapshot `a` against `b` in `out`, every list in full (`densing snapshots diff`).
pub fn diff(out: &Path, a: &str, b: &str) -> Diff {
    summary(out, a, b, usize::MAX).diff
}

/// Diffs snapshot `a` against `b` in `out`, keeping the first `keep` entries of each list and
/// counting all: memory for the ids of a whole-Hub snapshot's changes stays bounded.
pub fn summary(out: &Path, a: &str, b: &str, keep: usize) -> Summary {
    let m = models(out, a, b, keep);
    let score_key = ["model_id", "benchmark", "shots", "source_url", "benchmark_raw", "metric"];
    let mut scores = Capped::new(keep);
    let (old, new) = (keyed(out, "scores", a, &score_key, &["value"]), keyed(out, "scores", b, &score_key, &["value"]));
    compare(&old, &new, &["value"], "score", &mut scores);
    let density_key = ["model_id", "reference", "benchmark", "params_basis"];
    let fields = ["density", "status"];
    let mut density = Capped::new(keep);
    let (old, new) = (keyed(out, "density", a, &density_key, &fields), keyed(out, "density", b, &density_key, &fields));
    compare(&old, &new, &fields, "density", &mut density);
    Summary {
        totals: Totals {
            models_added: m.added.total,
            models_removed: m.removed.total,
            models_changed: m.changed.total,
            scores_changed: scores.total,
            density_changed: density.total,
        },
        diff: Diff {
            from: a.to_owned(),
            to: b.to_owned(),
            models_added: m.added.items,
            models_removed: m.removed.items,
            models_changed: m.changed.items,
            scores_changed: scores.items,
            density_changed: density.items,
        },
    }
}
