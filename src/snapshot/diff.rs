//! `densing snapshots diff <a> <b>`: what changed between two snapshots.
//!
//! Models added and removed; for models in both, changed parameters and release dates; changed
//! scores (by model, benchmark, shots, source) and densities (by model, reference, benchmark,
//! basis), each with the old and the new value.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::read::{batches, rows};

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

type Keyed = BTreeMap<String, BTreeMap<String, String>>;

fn keyed(out: &Path, table: &str, id: &str, key: &[&str]) -> Keyed {
    rows(&batches(out, table, id))
        .into_iter()
        .map(|r| {
            let k = key.iter().map(|c| r.get(*c).cloned().unwrap_or_default()).collect::<Vec<_>>().join(" | ");
            (k, r)
        })
        .collect()
}

fn compare(a: &Keyed, b: &Keyed, fields: &[&str], label: &str, out: &mut Vec<Change>) {
    for key in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
        for f in fields {
            let old = a.get(key).and_then(|r| r.get(*f)).cloned();
            let new = b.get(key).and_then(|r| r.get(*f)).cloned();
            if old != new {
                out.push(Change { what: format!("{label} {f} of {key}"), old, new });
            }
        }
    }
}

/// Diffs snapshot `a` against `b` in `out`.
pub fn diff(out: &Path, a: &str, b: &str) -> Diff {
    let models_a = keyed(out, "models", a, &["model_id"]);
    let models_b = keyed(out, "models", b, &["model_id"]);
    let mut d = Diff { from: a.to_owned(), to: b.to_owned(), ..Diff::default() };
    d.models_added = models_b.keys().filter(|k| !models_a.contains_key(*k)).cloned().collect();
    d.models_removed = models_a.keys().filter(|k| !models_b.contains_key(*k)).cloned().collect();
    let both_a: Keyed =
        models_a.iter().filter(|(k, _)| models_b.contains_key(*k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let both_b: Keyed =
        models_b.iter().filter(|(k, _)| models_a.contains_key(*k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let model_fields = [
        "params_total",
        "params_active",
        "params_source",
        "release_date",
        "release_date_precision",
        "release_date_source",
        "is_base",
    ];
    compare(&both_a, &both_b, &model_fields, "model", &mut d.models_changed);
    let score_key = ["model_id", "benchmark", "shots", "source_url", "benchmark_raw", "metric"];
    compare(
        &keyed(out, "scores", a, &score_key),
        &keyed(out, "scores", b, &score_key),
        &["value"],
        "score",
        &mut d.scores_changed,
    );
    let density_key = ["model_id", "reference", "benchmark", "params_basis"];
    compare(
        &keyed(out, "density", a, &density_key),
        &keyed(out, "density", b, &density_key),
        &["density", "status"],
        "density",
        &mut d.density_changed,
    );
    d
}
