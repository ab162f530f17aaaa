//! Lineage: a quantized copy takes its base model's parameter count.
//!
//! A quantized repo (GPTQ, AWQ, bitsandbytes, MLX, …) holds the base's weights packed several to
//! an integer, so its safetensors `total` counts bytes, not parameters (`hf_models` rejects it as
//! `params_distrusted`). Its parameter count is its base's. Only *quantized* copies that name
//! exactly one base inherit: fine-tunes, merges and adapters change the weights (a merge can
//! stack layers, an adapter adds its own), so their counts are not the base's.
//!
//! One level only: a base whose own count was inherited passes nothing on, so the result does
//! not depend on the order rows are visited in. The base must be in the run (discovered or
//! watchlisted); a copy whose base is not keeps what it had (nothing fetches the base for it).
//!
//! [`quantized_base`], [`wanted_base`] and [`inherit`] work on single rows, whatever holds them
//! (a run applies them in its second pass over the population, once every base is known).

use crate::sources::ParamsSource;
use crate::tables::rows::ModelRow;

/// The base model a row should take its count from: `Some` when the row is a quantized copy
/// (`base_model_relation = quantized`) naming exactly one base, without a counted parameter
/// count of its own (none, or only a stated or nominal one: the card, the name, a leaderboard,
/// index bytes).
pub fn wanted_base(row: &ModelRow) -> Option<&str> {
    let own_counted = row.params_source.as_deref().and_then(ParamsSource::parse).is_some_and(ParamsSource::is_counted);
    quantized_base(row).filter(|_| !own_counted)
}

/// The one base a quantized copy names (`base_model_relation = quantized`, exactly one base,
/// not itself), whatever its own count: a run notes these as it observes rows, before any
/// count is decided.
pub fn quantized_base(row: &ModelRow) -> Option<&str> {
    let base = row.base_model.as_deref().filter(|b| !b.is_empty() && !b.contains(','))?;
    (row.base_model_relation.as_deref() == Some("quantized") && base != row.model_id).then_some(base)
}

/// Copies `base`'s parameter count into the quantized copy `row` (total, active, label,
/// confidence; `is_moe` when the copy's is unknown), with `params_source = base_model` and
/// evidence naming the base and where its count came from. Nothing happens (false) when `row`
/// wants no base or another one, when the base has no count, when the base's count is itself
/// inherited (one level only), or when the copy's own stated count outranks the base's.
pub fn inherit(row: &mut ModelRow, base: &ModelRow) -> bool {
    if wanted_base(row) != Some(base.model_id.as_str()) {
        return false;
    }
    let (Some(total), Some(source)) = (base.params_total, base.params_source.as_deref().and_then(ParamsSource::parse))
    else {
        return false;
    };
    let own = row.params_source.as_deref().and_then(ParamsSource::parse);
    if source == ParamsSource::BaseModel || own.is_some_and(|own| own <= source) {
        return false;
    }
    row.params_total = Some(total);
    row.params_active = base.params_active;
    row.params_label = base.params_label.clone().or(row.params_label.take());
    row.params_confidence = base.params_confidence.clone();
    row.params_source = Some(ParamsSource::BaseModel.as_str().to_owned());
    row.params_evidence = Some(format!("base model {}: {} {total}", base.model_id, source.as_str()));
    if row.is_moe.is_none() {
        row.is_moe = base.is_moe;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(id: &str, total: i64, source: &str) -> ModelRow {
        ModelRow {
            model_id: id.into(),
            params_total: Some(total),
            params_source: Some(source.into()),
            params_label: Some("8b".into()),
            params_confidence: Some("high".into()),
            is_moe: Some(false),
            ..ModelRow::default()
        }
    }

    fn copy(id: &str, of: &str, relation: &str) -> ModelRow {
        ModelRow {
            model_id: id.into(),
            base_model: Some(of.into()),
            base_model_relation: Some(relation.into()),
            ..ModelRow::default()
        }
    }

    #[test]
    fn a_quantized_copy_takes_the_base_count_with_evidence() {
        let b = base("meta-llama/Llama-3.1-8B", 8_030_261_248, "safetensors");
        let mut q = copy("hugging-quants/Llama-3.1-8B-AWQ-INT4", "meta-llama/Llama-3.1-8B", "quantized");
        assert_eq!(wanted_base(&q), Some("meta-llama/Llama-3.1-8B"));
        assert!(inherit(&mut q, &b));
        assert_eq!(q.params_total, Some(8_030_261_248));
        assert_eq!(q.params_source.as_deref(), Some("base_model"));
        assert_eq!(q.params_confidence.as_deref(), Some("high"));
        assert_eq!((q.params_label.as_deref(), q.is_moe), (Some("8b"), Some(false)));
        assert_eq!(q.params_evidence.as_deref(), Some("base model meta-llama/Llama-3.1-8B: safetensors 8030261248"));
        // Once inherited, the copy wants nothing more and passes nothing on.
        assert_eq!(wanted_base(&q), Some("meta-llama/Llama-3.1-8B"), "base_model is not counted");
        let mut q2 = copy("x/q-of-q", "hugging-quants/Llama-3.1-8B-AWQ-INT4", "quantized");
        assert!(!inherit(&mut q2, &q));
        assert_eq!(q2.params_total, None);
    }

    #[test]
    fn tunes_merges_adapters_and_many_bases_inherit_nothing() {
        let b = base("a/base", 7_000_000_000, "safetensors");
        for relation in ["finetune", "merge", "adapter"] {
            let mut row = copy("a/derived", "a/base", relation);
            assert_eq!(wanted_base(&row), None, "{relation}");
            assert!(!inherit(&mut row, &b));
            assert_eq!(row.params_total, None);
        }
        let two = copy("a/q", "a/base,a/other", "quantized");
        assert_eq!(wanted_base(&two), None);
        let unrelated = ModelRow { base_model_relation: None, ..copy("a/q", "a/base", "quantized") };
        assert_eq!(wanted_base(&unrelated), None);
    }

    #[test]
    fn an_own_count_is_kept_when_counted_or_when_it_outranks_the_base() {
        let b = base("a/base", 7_241_732_096, "safetensors");
        // A GGUF copy counted its own weights.
        let mut gguf = ModelRow {
            params_total: Some(7_241_000_000),
            params_source: Some("gguf".into()),
            ..copy("a/base-GGUF", "a/base", "quantized")
        };
        assert_eq!(wanted_base(&gguf), None);
        assert!(!inherit(&mut gguf, &b));
        assert_eq!(gguf.params_source.as_deref(), Some("gguf"));
        // A nominal size from the name gives way to the base's count.
        let mut named = ModelRow {
            params_total: Some(7_000_000_000),
            params_source: Some("name_pattern".into()),
            params_label: Some("7B".into()),
            ..copy("a/base-7B-GPTQ", "a/base", "quantized")
        };
        assert!(inherit(&mut named, &b));
        assert_eq!((named.params_total, named.params_label.as_deref()), (Some(7_241_732_096), Some("8b")));
        // A base known only by its name does not override the copy's own card statement.
        let nominal = base("a/base", 7_000_000_000, "name_pattern");
        let mut stated = ModelRow {
            params_total: Some(7_200_000_000),
            params_source: Some("card_text".into()),
            ..copy("a/q", "a/base", "quantized")
        };
        assert!(!inherit(&mut stated, &nominal));
        assert_eq!(stated.params_total, Some(7_200_000_000));
    }

    /// [`inherit`] over a table, each copy looking its base up by id (as a run's second pass does).
    fn inherit_all(models: &mut [ModelRow]) -> usize {
        let bases: Vec<ModelRow> = models.to_vec();
        let mut inherited = 0;
        for row in models.iter_mut() {
            let base = wanted_base(row).and_then(|b| bases.iter().find(|m| m.model_id == b)).cloned();
            inherited += usize::from(base.is_some_and(|base| inherit(row, &base)));
        }
        inherited
    }

    #[test]
    fn inherit_all_finds_bases_in_the_sorted_table_either_side() {
        let mut models = vec![
            copy("a/early-AWQ", "z/base", "quantized"),
            copy("m/no-base-here-GPTQ", "m/missing", "quantized"),
            base("m/base", 3_000_000_000, "config_estimate"),
            copy("z/another-AWQ", "m/base", "quantized"),
            base("z/base", 1_000_000_000, "safetensors"),
        ];
        assert_eq!(inherit_all(&mut models), 2);
        let totals: Vec<Option<i64>> = models.iter().map(|m| m.params_total).collect();
        assert_eq!(totals, [Some(1_000_000_000), None, Some(3_000_000_000), Some(3_000_000_000), Some(1_000_000_000)]);
        assert_eq!(models[1].params_source, None, "a base outside the run leaves the copy without a count");
    }
}
