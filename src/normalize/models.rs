//! One `models` row per model: metadata merged by rank, parameters and dates by precedence.
//!
//! **Parameters** (first available wins): safetensors `total` (counted) → config.json estimate →
//! GGUF `total` → `model.safetensors.index.json` bytes → card prose → the name's nominal size.
//! Card prose that disagrees with the name by more than 25% is ignored: cards of a family list
//! every size ("from 7 billion to 70 billion parameters"). Counted sources that disagree with
//! the chosen one by more than 5% leave a `params_disagree` reject naming both values. Active
//! parameters come from the chosen source, else the config estimate, the card, the name.
//!
//! A quantized copy without a counted count of its own then takes its base's ([`super::lineage`]):
//! the driver applies it once the whole population is known (the base may come later).
//!
//! **Release dates**: the card's own statement, then a leaderboard's, then the Hub's
//! `createdAt` (a proxy); finer precision first within a basis.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::fetch::{Purpose, RejectReason, Stage};
use crate::parse::ids::looks_tuned;
use crate::parse::params::from_name;
use crate::sources::{DateFact, ParamsFact, ParamsSource};
use crate::tables::rows::{ModelRow, RejectRow};

/// Counted sources further apart than this are reported.
const DISAGREE: f64 = 0.05;
/// Card prose further than this from the name's size is about another model of the family.
const TEXT_VS_NAME: f64 = 0.25;
/// A stated count and the name's nominal size further apart than this are reported.
const STATED_VS_NAME: f64 = 0.10;

/// Builds the `models` rows (sorted by `model_id`) and the rejects that precedence produced,
/// from facts of any number of models held in memory ([`build_model`] for each).
pub fn build_models(
    observations: Vec<(u8, ModelRow)>,
    params: Vec<ParamsFact>,
    dates: Vec<DateFact>,
) -> (Vec<ModelRow>, Vec<RejectRow>) {
    let mut params_by: HashMap<String, Vec<ParamsFact>> = HashMap::new();
    for p in params {
        params_by.entry(p.model_id.clone()).or_default().push(p);
    }
    let mut dates_by: HashMap<String, Vec<DateFact>> = HashMap::new();
    for d in dates {
        dates_by.entry(d.model_id.clone()).or_default().push(d);
    }
    let mut rejects = Vec::new();
    let rows = merge_metadata(observations)
        .into_iter()
        .map(|row| {
            let params = params_by.remove(&row.model_id).unwrap_or_default();
            let dates = dates_by.remove(&row.model_id).unwrap_or_default();
            decide(row, params, dates, &mut rejects)
        })
        .collect();
    (rows, rejects)
}

/// One model's row from its facts (all of the same model id), and the rejects precedence
/// produced; none without a metadata observation. What a run calls once per model.
pub fn build_model(
    observations: Vec<(u8, ModelRow)>,
    params: Vec<ParamsFact>,
    dates: Vec<DateFact>,
    rejects: &mut Vec<RejectRow>,
) -> Option<ModelRow> {
    let row = merge_metadata(observations).into_iter().next()?;
    Some(decide(row, params, dates, rejects))
}

/// The parameter count and release date of a merged row, by precedence.
fn decide(
    mut row: ModelRow,
    mut facts: Vec<ParamsFact>,
    mut dates: Vec<DateFact>,
    rejects: &mut Vec<RejectRow>,
) -> ModelRow {
    if let Some(name) = from_name(&row.model_id) {
        facts.push(ParamsFact {
            model_id: row.model_id.clone(),
            total: name.total,
            active: name.active,
            source: ParamsSource::NamePattern,
            label: Some(name.label),
            is_rough: name.is_expert_notation,
            url: row.source_url.clone(),
            evidence: Some(format!("name: {}", row.model_id)),
            against_name: false,
            over_name: false,
        });
    }
    choose_params(&mut row, facts, rejects);
    dates.sort_by_key(|d| (d.source, d.precision, d.date));
    if let Some(d) = dates.first() {
        row.release_date = Some(d.date);
        row.release_date_precision = Some(d.precision.as_str().to_owned());
        row.release_date_source = Some(d.source.as_str().to_owned());
        row.release_date_evidence = d.evidence.clone();
    }
    row
}

fn choose_params(row: &mut ModelRow, mut facts: Vec<ParamsFact>, rejects: &mut Vec<RejectRow>) {
    let name = facts.iter().find(|f| f.source == ParamsSource::NamePattern).cloned();
    // The card states a size far from the name's: one of them is wrong, and only a counted
    // source may decide. Neither is published; both are reported.
    if let Some(against) = facts.iter().find(|f| f.against_name).cloned() {
        facts.retain(|f| !f.against_name && f.source != ParamsSource::NamePattern);
        if !facts.iter().any(|f| f.source.is_counted()) {
            let (named, said) = (name.as_ref().map_or(0, |n| n.total), against.evidence.as_deref().unwrap_or("?"));
            // (The same number: the card says the name's number counts something else, tweets or images.)
            let why = if against.total == named {
                format!("the name's {named} counts something else in the card ({said}): no count published")
            } else {
                format!("the card says {} ({said}) but the name says {named}: no count published", against.total)
            };
            rejects.push(params_reject(RejectReason::ParamsDisagree, row, &against.url, why));
        }
    } else if let Some(name) = &name {
        // (Not the card's own table giving a count finer than the nominal name: see `over_name`.)
        let near = |f: &ParamsFact| f.over_name || relative_gap(f.total, name.total) <= TEXT_VS_NAME;
        facts.retain(|f| f.source != ParamsSource::CardText || near(f));
    }
    // An estimate from expert notation (`8x7B`) is never published as the count.
    let (estimates, mut facts): (Vec<ParamsFact>, Vec<ParamsFact>) = facts.into_iter().partition(|f| f.is_rough);
    facts.sort_by(|a, b| (a.source, &a.url).cmp(&(b.source, &b.url)));
    let Some(chosen) = facts.first().cloned() else {
        if let Some(e) = estimates.first() {
            row.params_label = e.label.clone();
            row.is_moe = Some(true);
            let (source, label) = (e.source.as_str(), e.label.as_deref().unwrap_or("?"));
            let why = format!(
                "only {source} states the size ({label}), an estimate of about {}: no count published",
                e.total
            );
            rejects.push(params_reject(RejectReason::ParamsEstimateOnly, row, &e.url, why));
        }
        return;
    };
    let stated = |f: &ParamsFact| f.source.is_counted() || f.source == ParamsSource::CardText;
    for other in facts.iter().skip(1).filter(|f| f.source != chosen.source) {
        let gap = relative_gap(chosen.total, other.total);
        // Counted sources agree within 5%; a stated count and the name's nominal size within 10%.
        let limit = if chosen.source.is_counted() && other.source.is_counted() { DISAGREE } else { STATED_VS_NAME };
        if stated(&chosen) && (other.source.is_counted() || other.source == ParamsSource::NamePattern) && gap > limit {
            let (kept, them) = (chosen.source.as_str(), other.source.as_str());
            let why = format!(
                "{kept} says {} but {them} says {} ({:.1}% apart); kept {kept}",
                chosen.total,
                other.total,
                gap * 100.0
            );
            rejects.push(params_reject(RejectReason::ParamsDisagree, row, &other.url, why));
        }
    }
    let active = chosen.active.or_else(|| {
        let order = [ParamsSource::ConfigEstimate, ParamsSource::CardText, ParamsSource::NamePattern];
        order.iter().find_map(|s| facts.iter().find(|f| f.source == *s).and_then(|f| f.active))
    });
    row.params_total = Some(chosen.total);
    row.params_active = active;
    row.params_source = Some(chosen.source.as_str().to_owned());
    row.params_evidence = chosen.evidence.clone();
    row.params_label = facts.iter().find_map(|f| f.label.clone()).or_else(|| name.and_then(|n| n.label));
    row.params_confidence = Some(
        match chosen.source {
            s if s.is_counted() => "high",
            ParamsSource::NamePattern | ParamsSource::BaseName => "low",
            _ if chosen.is_rough => "low",
            _ => "medium",
        }
        .to_owned(),
    );
    if active.is_some() || chosen.is_rough {
        row.is_moe = Some(true);
    }
}

fn params_reject(reason: RejectReason, row: &ModelRow, url: &str, detail: String) -> RejectRow {
    RejectRow::new("normalize", Stage::Normalize, reason).url(url).model(&row.model_id).detail(detail)
}

fn relative_gap(a: i64, b: i64) -> f64 {
    let (a, b) = (a as f64, b as f64);
    (a - b).abs() / a.max(b).max(1.0)
}

/// How much a request's metadata is trusted, lower first: the model's own API object, then a
/// list page's, then what its files say, then boards.
pub fn metadata_rank(purpose: Purpose) -> u8 {
    match purpose {
        Purpose::ModelInfo => 0,
        Purpose::ModelList => 1,
        Purpose::Card | Purpose::Config | Purpose::SafetensorsIndex => 2,
        Purpose::Board | Purpose::Results | Purpose::Curated => 3,
    }
}

/// Merges ranked metadata observations (lower rank wins, gaps filled in rank order).
///
/// `is_base` is the card's to say when its reader decided: it weighed the name, the front
/// matter's lineage and the card's own words ("Training Stage: Pretraining" on Qwen2.5-Coder-7B,
/// whose declared `base_model` makes the Hub's lineage call it a tune). Otherwise a tune's
/// signal from any source wins, the name's included ("-Instruct", "-chat").
fn merge_metadata(mut observations: Vec<(u8, ModelRow)>) -> Vec<ModelRow> {
    let card = metadata_rank(Purpose::Card);
    let card_says: HashMap<String, bool> = observations
        .iter()
        .filter(|(rank, _)| *rank == card)
        .filter_map(|(_, row)| row.is_base.map(|b| (row.model_id.clone(), b)))
        .collect();
    observations.sort_by(|(ra, a), (rb, b)| (&a.model_id, ra, &a.source_url).cmp(&(&b.model_id, rb, &b.source_url)));
    // Merged in place: at 100,000 models a second collection of rows would double the peak.
    observations.dedup_by(|(_, later), (_, earlier)| {
        let same = later.model_id == earlier.model_id;
        if same {
            fill_missing(earlier, std::mem::take(later));
        }
        same
    });
    observations
        .into_iter()
        .map(|(_, mut row)| {
            match card_says.get(&row.model_id) {
                Some(said) => row.is_base = Some(*said),
                // The name's verdict, for every model however it was observed (a card served
                // without an API answer, a board's row), as the name's size is.
                None if looks_tuned(&row.model_id) => row.is_base = Some(false),
                None => {}
            }
            row
        })
        .collect()
}

fn fill_missing(into: &mut ModelRow, from: ModelRow) {
    macro_rules! fill {
        ($($field:ident),*) => { $( if into.$field.is_none() { into.$field = from.$field.clone(); } )* };
    }
    fill!(
        hf_id,
        author,
        is_base,
        is_moe,
        base_model,
        base_model_relation,
        license,
        pipeline_tag,
        library_name,
        gated,
        downloads,
        likes,
        hf_sha,
        hf_created_at,
        hf_last_modified
    );
    // A card that says its model is a tune outranks a name that looks like a base model's.
    if from.is_base == Some(false) {
        into.is_base = Some(false);
    }
}

/// Whether a model was out by `as_of` (released, or on the Hub; a model with neither date is kept).
pub fn seen_by(model: &ModelRow, as_of: NaiveDate) -> bool {
    model.release_date.or(model.hf_created_at.map(|t| t.date_naive())).is_none_or(|d| d <= as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::{DatePrecision, DateSource};

    fn fact(source: ParamsSource, total: i64) -> ParamsFact {
        ParamsFact {
            model_id: "a/m-7b".into(),
            total,
            active: None,
            source,
            label: None,
            is_rough: false,
            url: source.as_str().into(),
            evidence: Some(format!("{} says {total}", source.as_str())),
            against_name: false,
            over_name: false,
        }
    }

    fn row() -> ModelRow {
        ModelRow { model_id: "a/m-7b".into(), source_url: "s".into(), ..Default::default() }
    }

    #[test]
    fn counted_beats_stated_and_disagreement_is_reported() {
        let (rows, rejects) = build_models(
            vec![(0, row())],
            vec![
                fact(ParamsSource::CardText, 7_000_000_000),
                fact(ParamsSource::ConfigEstimate, 8_000_000_000),
                fact(ParamsSource::Safetensors, 7_241_732_096),
            ],
            vec![],
        );
        assert_eq!(rows[0].params_total, Some(7_241_732_096));
        assert_eq!(rows[0].params_source.as_deref(), Some("safetensors"));
        assert_eq!(rows[0].params_label.as_deref(), Some("7b"));
        assert_eq!(rejects.len(), 1);
        assert!(rejects[0].detail.as_deref().unwrap().contains("8000000000"));
    }

    #[test]
    fn card_text_about_a_sibling_size_is_ignored() {
        let (rows, _) = build_models(vec![(0, row())], vec![fact(ParamsSource::CardText, 70_000_000_000)], vec![]);
        assert_eq!(rows[0].params_source.as_deref(), Some("name_pattern"));
        assert_eq!(rows[0].params_confidence.as_deref(), Some("low"));
    }

    #[test]
    fn a_card_statement_against_the_name_publishes_neither() {
        let against = ParamsFact { against_name: true, ..fact(ParamsSource::CardText, 9_700_000_000) };
        let (rows, rejects) = build_models(vec![(0, row())], vec![against.clone()], vec![]);
        assert_eq!((rows[0].params_total, rows[0].params_source.as_deref()), (None, None));
        assert_eq!(rejects.len(), 1);
        let detail = rejects[0].detail.as_deref().unwrap();
        assert!(detail.contains("9700000000") && detail.contains("name says 7000000000"), "{detail}");
        // A counted source decides, and nothing is reported against the card.
        let counted = fact(ParamsSource::Safetensors, 7_241_732_096);
        let (rows, rejects) = build_models(vec![(0, row())], vec![against, counted], vec![]);
        assert_eq!(rows[0].params_total, Some(7_241_732_096));
        assert!(rejects.is_empty());
        // The card says the name's own number counts something else.
        let data = ParamsFact { against_name: true, ..fact(ParamsSource::CardText, 7_000_000_000) };
        let (rows, rejects) = build_models(vec![(0, row())], vec![data], vec![]);
        assert_eq!(rows[0].params_total, None);
        assert!(rejects[0].detail.as_deref().unwrap().contains("counts something else"));
    }

    #[test]
    fn the_cards_own_table_count_beats_a_nominal_name_and_the_gap_is_reported() {
        // granite-4.0-1b: its "1B Dense" column says 1.6B.
        let table = ParamsFact { over_name: true, ..fact(ParamsSource::CardText, 11_200_000_000) };
        let (rows, rejects) = build_models(vec![(0, row())], vec![table], vec![]);
        assert_eq!((rows[0].params_total, rows[0].params_source.as_deref()), (Some(11_200_000_000), Some("card_text")));
        let detail = rejects[0].detail.as_deref().unwrap();
        assert!(detail.contains("11200000000") && detail.contains("7000000000") && detail.contains("kept card_text"));
        // Without the mark, a count that far from the name is a sibling's, as before.
        let (rows, _) = build_models(vec![(0, row())], vec![fact(ParamsSource::CardText, 11_200_000_000)], vec![]);
        assert_eq!(rows[0].params_source.as_deref(), Some("name_pattern"));
    }

    #[test]
    fn card_date_beats_hub_creation() {
        let d = |source, y| DateFact {
            model_id: "a/m-7b".into(),
            date: NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
            precision: DatePrecision::Day,
            source,
            evidence: None,
        };
        let (rows, _) = build_models(
            vec![(0, row())],
            vec![],
            vec![d(DateSource::HubCreatedAt, 2023), d(DateSource::CardText, 2024)],
        );
        assert_eq!(rows[0].release_date_source.as_deref(), Some("card_text"));
    }

    #[test]
    fn the_card_decides_is_base_when_its_reader_did() {
        let is_base = |observed: Vec<(Purpose, Option<bool>)>| {
            let rows =
                observed.into_iter().map(|(p, b)| (metadata_rank(p), ModelRow { is_base: b, ..row() })).collect();
            build_models(rows, vec![], vec![]).0[0].is_base
        };
        // The Hub's lineage says tune; the card says pretrained (Qwen2.5-Coder's "Training Stage").
        assert_eq!(is_base(vec![(Purpose::ModelInfo, Some(false)), (Purpose::Card, Some(true))]), Some(true));
        // The card says tune; a board says pretrained.
        assert_eq!(is_base(vec![(Purpose::Card, Some(false)), (Purpose::Board, Some(true))]), Some(false));
        // No card reading: a tune's signal from any source wins, and silence is no answer.
        assert_eq!(is_base(vec![(Purpose::ModelInfo, Some(false)), (Purpose::Board, Some(true))]), Some(false));
        assert_eq!(is_base(vec![(Purpose::ModelInfo, None), (Purpose::Card, None)]), None);
        // A tune's name says "not a base" whatever observed the model; the card's reader, who
        // weighed the name, still decides.
        let named = |observed: Vec<(Purpose, Option<bool>)>| {
            let rows = observed
                .into_iter()
                .map(|(p, b)| (metadata_rank(p), ModelRow { model_id: "a/m-7b-chat".into(), is_base: b, ..row() }))
                .collect();
            build_models(rows, vec![], vec![]).0[0].is_base
        };
        assert_eq!(named(vec![(Purpose::Card, None), (Purpose::Board, Some(true))]), Some(false));
        assert_eq!(named(vec![(Purpose::Card, Some(true))]), Some(true));
    }

    #[test]
    fn higher_rank_metadata_wins_and_gaps_are_filled() {
        let single = ModelRow { license: None, gated: Some("false".into()), ..row() };
        let list =
            ModelRow { license: Some("mit".into()), gated: Some("auto".into()), source_url: "l".into(), ..row() };
        let (rows, _) = build_models(vec![(1, list), (0, single)], vec![], vec![]);
        assert_eq!(rows[0].gated.as_deref(), Some("false"));
        assert_eq!(rows[0].license.as_deref(), Some("mit"));
    }
}
