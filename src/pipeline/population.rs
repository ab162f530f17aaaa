//! The whole population of models, in bounded memory: every model fact of the run sits in a
//! [`Spill`] sorted by model id, and two passes over it build the `models` table one model at a
//! time. The first pass (a survey) learns what needs the population — renamed repos, the bases
//! that quantized copies inherit a count from, the ids that board names resolve to — and
//! the second builds each row and hands it on to be written.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::spill::{Merged, Spill};
use crate::normalize::{self, lineage, registry::Registry};
use crate::sources::{DateFact, ParamsFact};
use crate::tables::rows::{ModelRow, RejectRow};

/// One model fact as the sources gave it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) enum Fact {
    /// A metadata observation, with the rank of the request it came from.
    Model(u8, Box<ModelRow>),
    /// A parameter count.
    Params(ParamsFact),
    /// A release date.
    Date(DateFact),
}

impl Fact {
    fn model_id(&self) -> &str {
        match self {
            Fact::Model(_, m) => &m.model_id,
            Fact::Params(p) => &p.model_id,
            Fact::Date(d) => &d.model_id,
        }
    }

    fn rename(&mut self, id: &str) {
        let field = match self {
            Fact::Model(_, m) => &mut m.model_id,
            Fact::Params(p) => &mut p.model_id,
            Fact::Date(d) => &mut d.model_id,
        };
        id.clone_into(field);
    }
}

/// The spill order of facts.
pub(super) fn by_model(a: &Fact, b: &Fact) -> Ordering {
    a.model_id().cmp(b.model_id())
}

/// The facts of one model id, in the order they were collected.
struct Groups {
    merged: Merged<Fact>,
    pending: Option<Fact>,
}

impl Groups {
    /// Whether the spill was read to its end (an I/O error ends a pass early).
    fn finish(mut self) -> io::Result<()> {
        self.merged.error().map_or(Ok(()), Err)
    }
}

impl Iterator for Groups {
    type Item = (String, Vec<Fact>);

    fn next(&mut self) -> Option<Self::Item> {
        let first = self.pending.take().or_else(|| self.merged.next())?;
        let id = first.model_id().to_owned();
        let mut facts = vec![first];
        for next in self.merged.by_ref() {
            if next.model_id() != id {
                self.pending = Some(next);
                break;
            }
            facts.push(next);
        }
        Some((id, facts))
    }
}

/// What the second pass needs to know about the whole population.
#[derive(Default)]
pub(super) struct Survey {
    /// Facts filed under an id that is now another's name (a renamed repo), by the new id.
    diverted: BTreeMap<String, Vec<Fact>>,
    /// The counts of the bases quantized copies named.
    bases: HashMap<Box<str>, BaseCount>,
    /// Lower-cased model ids that board names asked for → the id (the first in id order).
    pub names: HashMap<String, String>,
}

/// What the run asks of the population.
pub(super) struct Wanted<'a> {
    pub registry: &'a Registry,
    /// [`id_hash`]es of the ids quantized copies name as their base.
    pub bases: &'a HashSet<u64>,
    /// Lower-cased board names no alias resolves.
    pub names: &'a HashSet<String>,
    pub as_of: Option<NaiveDate>,
}

fn groups(spill: &mut Spill<Fact>) -> io::Result<Groups> {
    Ok(Groups { merged: spill.sorted()?, pending: None })
}

/// Pass one: renamed repos, bases, names.
///
/// # Errors
/// I/O errors reading the spill.
pub(super) fn survey(spill: &mut Spill<Fact>, wanted: &Wanted) -> io::Result<Survey> {
    let mut survey = Survey::default();
    let mut groups = groups(spill)?;
    for (id, mut facts) in groups.by_ref() {
        let canonical = wanted.registry.canonical(&id);
        if canonical != id {
            facts.iter_mut().for_each(|f| f.rename(canonical));
            survey.diverted.entry(canonical.to_owned()).or_default().extend(facts);
            continue;
        }
        if !facts.iter().any(|f| matches!(f, Fact::Model(..))) {
            continue;
        }
        let folded = id.to_lowercase();
        if wanted.names.contains(&folded) {
            survey.names.entry(folded).or_insert_with(|| id.clone());
        }
        if wanted.bases.contains(&id_hash(&id)) {
            if let Some(count) = build(facts, &mut Vec::new()).and_then(BaseCount::of) {
                survey.bases.insert(id.into_boxed_str(), count);
            }
        }
    }
    groups.finish()?;
    tracing::debug!(bases = survey.bases.len(), renamed = survey.diverted.len(), "Population surveyed.");
    Ok(survey)
}

/// Pass two: every model's row, in id order, to `emit`; precedence rejects to `rejects`.
/// Returns the number of models emitted and of those left out by the as-of date.
///
/// # Errors
/// I/O errors reading the spill, and the first error `emit` returns.
pub(super) fn build_all<E: From<io::Error>>(
    spill: &mut Spill<Fact>,
    wanted: &Wanted,
    survey: Survey,
    rejects: &mut Vec<RejectRow>,
    mut emit: impl FnMut(ModelRow) -> Result<(), E>,
) -> Result<(u64, u64), E> {
    let Survey { diverted, bases, .. } = survey;
    let mut diverted = diverted.into_iter().peekable();
    let mut groups = groups(spill)?;
    let (mut emitted, mut dropped) = (0u64, 0u64);
    let mut one = |facts: Vec<Fact>, rejects: &mut Vec<RejectRow>| -> Result<(), E> {
        let Some(mut row) = build(facts, rejects) else { return Ok(()) };
        if wanted.as_of.is_some_and(|as_of| !normalize::models::seen_by(&row, as_of)) {
            dropped += 1;
            return Ok(());
        }
        if let Some((id, count)) = lineage::wanted_base(&row).and_then(|b| bases.get_key_value(b)) {
            let base = count.row(id);
            lineage::inherit(&mut row, &base);
        }
        emitted += 1;
        emit(row)
    };
    for (id, mut facts) in groups.by_ref() {
        if wanted.registry.canonical(&id) != id {
            continue;
        }
        while let Some((_, earlier)) = diverted.next_if(|(k, _)| *k < id) {
            one(earlier, rejects)?;
        }
        if let Some((_, same)) = diverted.next_if(|(k, _)| *k == id) {
            facts.extend(same);
        }
        one(facts, rejects)?;
    }
    groups.finish()?;
    for (_, facts) in diverted {
        one(facts, rejects)?;
    }
    Ok((emitted, dropped))
}

/// The stable hash of a model id: the set of wanted bases holds these, not the ids (a false
/// positive only keeps one more count).
pub(super) fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

/// What a quantized copy inherits from its base: a few fields, not a row (bases may be many
/// thousands).
struct BaseCount {
    total: i64,
    active: Option<i64>,
    source: Option<Box<str>>,
    label: Option<Box<str>>,
    confidence: Option<Box<str>>,
    is_moe: Option<bool>,
}

impl BaseCount {
    fn of(row: ModelRow) -> Option<BaseCount> {
        Some(BaseCount {
            total: row.params_total?,
            active: row.params_active,
            source: row.params_source.map(String::into_boxed_str),
            label: row.params_label.map(String::into_boxed_str),
            confidence: row.params_confidence.map(String::into_boxed_str),
            is_moe: row.is_moe,
        })
    }

    /// The base's row as [`lineage::inherit`] reads it.
    fn row(&self, id: &str) -> ModelRow {
        ModelRow {
            model_id: id.to_owned(),
            params_total: Some(self.total),
            params_active: self.active,
            params_source: self.source.as_deref().map(str::to_owned),
            params_label: self.label.as_deref().map(str::to_owned),
            params_confidence: self.confidence.as_deref().map(str::to_owned),
            is_moe: self.is_moe,
            ..ModelRow::default()
        }
    }
}

/// One model's row from its facts (none without a metadata observation).
fn build(facts: Vec<Fact>, rejects: &mut Vec<RejectRow>) -> Option<ModelRow> {
    let (mut observations, mut params, mut dates) = (Vec::new(), Vec::new(), Vec::new());
    for fact in facts {
        match fact {
            Fact::Model(rank, m) => observations.push((rank, *m)),
            Fact::Params(p) => params.push(p),
            Fact::Date(d) => dates.push(d),
        }
    }
    normalize::build_model(observations, params, dates, rejects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{DatePrecision, DateSource, ParamsSource};

    fn model(id: &str, url: &str) -> Fact {
        Fact::Model(1, Box::new(ModelRow { model_id: id.into(), source_url: url.into(), ..ModelRow::default() }))
    }

    fn params(id: &str, total: i64) -> Fact {
        Fact::Params(ParamsFact {
            model_id: id.into(),
            total,
            active: None,
            source: ParamsSource::Safetensors,
            label: None,
            is_rough: false,
            url: format!("http://hub/{id}"),
            evidence: None,
            against_name: false,
            over_name: false,
        })
    }

    fn date(id: &str, day: u32) -> Fact {
        Fact::Date(DateFact {
            model_id: id.into(),
            date: NaiveDate::from_ymd_opt(2024, 5, day).unwrap(),
            precision: DatePrecision::Day,
            source: DateSource::HubCreatedAt,
            evidence: None,
        })
    }

    /// Facts over several runs, one model renamed: every model once, in id order, with the
    /// facts of its old name; the same rows as building from all facts in memory.
    #[test]
    fn rows_across_runs_match_the_in_memory_build() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().into(), "facts", 2, by_model);
        let facts = vec![
            model("z/last", "u1"),
            params("a/first", 7_000_000_000),
            model("m/old-name", "u2"),
            date("a/first", 3),
            params("m/old-name", 1_000_000_000),
            model("a/first", "u3"),
            model("m/new-name", "u4"),
            date("z/last", 9),
            params("q/no-observation", 5),
        ];
        for f in facts.clone() {
            spill.push(f).unwrap();
        }
        let mut registry = Registry::default();
        registry.add("m/old-name", "m/new-name");
        let (none, no_names) = (HashSet::new(), HashSet::new());
        let wanted = Wanted { registry: &registry, bases: &none, names: &no_names, as_of: None };
        let survey = survey(&mut spill, &wanted).unwrap();
        let mut rows = Vec::new();
        let mut rejects = Vec::new();
        let (n, dropped) = build_all::<io::Error>(&mut spill, &wanted, survey, &mut rejects, |r| {
            rows.push(r);
            Ok(())
        })
        .unwrap();
        assert_eq!((n, dropped), (3, 0));
        let ids: Vec<&str> = rows.iter().map(|r| r.model_id.as_str()).collect();
        assert_eq!(ids, ["a/first", "m/new-name", "z/last"]);
        assert_eq!(rows[0].params_total, Some(7_000_000_000));
        assert_eq!(rows[0].release_date, NaiveDate::from_ymd_opt(2024, 5, 3));
        assert_eq!(rows[1].params_total, Some(1_000_000_000), "the old name's count moved to the new id");

        // The in-memory build over the same facts (renamed by hand) gives the same rows.
        let (mut obs, mut ps, mut ds) = (Vec::new(), Vec::new(), Vec::new());
        for mut f in facts {
            let id = registry.canonical(f.model_id()).to_owned();
            f.rename(&id);
            match f {
                Fact::Model(r, m) => obs.push((r, *m)),
                Fact::Params(p) => ps.push(p),
                Fact::Date(d) => ds.push(d),
            }
        }
        let (mut expected, _) = normalize::build_models(obs, ps, ds);
        expected.sort_by(|a, b| a.model_id.cmp(&b.model_id));
        assert_eq!(rows, expected);
    }

    #[test]
    fn the_survey_finds_board_names_in_another_case() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().into(), "facts", 1, by_model);
        for f in [model("Org/Model-7B", "u"), params("org/model-7b-only-params", 1)] {
            spill.push(f).unwrap();
        }
        let registry = Registry::default();
        let names: HashSet<String> = ["org/model-7b".to_owned(), "org/model-7b-only-params".to_owned()].into();
        let none = HashSet::new();
        let wanted = Wanted { registry: &registry, bases: &none, names: &names, as_of: None };
        let survey = survey(&mut spill, &wanted).unwrap();
        assert_eq!(survey.names.get("org/model-7b").map(String::as_str), Some("Org/Model-7B"));
        assert!(!survey.names.contains_key("org/model-7b-only-params"), "no model row, no name");
    }

    /// A quantized copy sorting before its base, in another spill run: it takes the base's
    /// counted total, found by the survey, not its own (none) or its name's.
    #[test]
    fn a_copy_inherits_from_a_base_that_sorts_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::new(dir.path().into(), "facts", 2, by_model);
        let copy = ModelRow {
            model_id: "a-quant/Base-8B-AWQ".into(),
            base_model: Some("z-org/Base-8B".into()),
            base_model_relation: Some("quantized".into()),
            source_url: "u".into(),
            ..ModelRow::default()
        };
        for f in [Fact::Model(1, Box::new(copy)), model("z-org/Base-8B", "u"), params("z-org/Base-8B", 8_030_261_248)] {
            spill.push(f).unwrap();
        }
        let registry = Registry::default();
        let (bases, names) = (HashSet::from([id_hash("z-org/Base-8B")]), HashSet::new());
        let wanted = Wanted { registry: &registry, bases: &bases, names: &names, as_of: None };
        let survey = survey(&mut spill, &wanted).unwrap();
        let mut rows = Vec::new();
        build_all::<io::Error>(&mut spill, &wanted, survey, &mut Vec::new(), |r| {
            rows.push(r);
            Ok(())
        })
        .unwrap();
        assert_eq!(rows[0].model_id, "a-quant/Base-8B-AWQ");
        assert_eq!(rows[0].params_total, Some(8_030_261_248));
        assert_eq!(rows[0].params_source.as_deref(), Some("base_model"));
        assert!(rows[0].params_evidence.as_deref().unwrap().contains("z-org/Base-8B"));
        assert_eq!(rows[1].params_source.as_deref(), Some("safetensors"));
    }
}
