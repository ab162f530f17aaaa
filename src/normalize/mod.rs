//! Normalisation: many observations of one model become one `models` row, by explicit precedence.
//!
//! Observations arrive ranked (lower rank wins: a single-model response outranks a list item,
//! which carries fewer fields); the winner's values stand and gaps are filled from the others in
//! rank order. Nothing here knows which site a value came from except through provenance columns.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::tables::rows::ModelRow;

/// Merges ranked observations into one row per model, sorted by `model_id`.
pub fn merge_models(mut observations: Vec<(u8, ModelRow)>) -> Vec<ModelRow> {
    observations.sort_by(|(ra, a), (rb, b)| (&a.model_id, ra, &a.source_url).cmp(&(&b.model_id, rb, &b.source_url)));
    let mut merged: BTreeMap<String, ModelRow> = BTreeMap::new();
    for (_, row) in observations {
        match merged.get_mut(&row.model_id) {
            Some(existing) => fill_missing(existing, row),
            None => {
                merged.insert(row.model_id.clone(), row);
            }
        }
    }
    merged.into_values().collect()
}

/// Keeps models known to exist on `as_of`: a model first seen after it is left out.
pub fn as_of_filter(rows: Vec<ModelRow>, as_of: NaiveDate) -> (Vec<ModelRow>, usize) {
    let before = rows.len();
    let kept: Vec<ModelRow> = rows
        .into_iter()
        .filter(|m| {
            m.release_date
                .or(m.hf_created_at.map(|t| t.date_naive()))
                .is_none_or(|d| d <= as_of)
        })
        .collect();
    let dropped = before - kept.len();
    (kept, dropped)
}

/// Fills every empty field of `into` from `from`. Parameter fields move together, so a count
/// never carries another observation's source label; so do the three release-date fields.
fn fill_missing(into: &mut ModelRow, from: ModelRow) {
    macro_rules! fill {
        ($($field:ident),*) => { $( if into.$field.is_none() { into.$field = from.$field.clone(); } )* };
    }
    if into.params_total.is_none() {
        into.params_total = from.params_total;
        into.params_active = from.params_active;
        into.params_source = from.params_source.clone();
    }
    if into.release_date.is_none() {
        into.release_date = from.release_date;
        into.release_date_precision = from.release_date_precision.clone();
        into.release_date_source = from.release_date_source.clone();
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn higher_rank_wins_and_gaps_are_filled() {
        let single = ModelRow {
            model_id: "a/b".into(),
            params_total: Some(7),
            license: None,
            source_url: "s".into(),
            ..Default::default()
        };
        let list = ModelRow {
            model_id: "a/b".into(),
            params_total: Some(8),
            params_source: Some("x".into()),
            license: Some("mit".into()),
            source_url: "l".into(),
            ..Default::default()
        };
        let rows = merge_models(vec![(1, list), (0, single)]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].params_total, Some(7));
        assert_eq!(rows[0].params_source, None, "source label stays with its count");
        assert_eq!(rows[0].license.as_deref(), Some("mit"));
        assert_eq!(rows[0].source_url, "s");
    }
}
