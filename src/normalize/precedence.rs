//! Score precedence: which observation of (model, benchmark, shots) density uses.
//!
//! As the Densing Law paper did, the model's own report comes first: a curated value citing a
//! technical report, then the model card (its tables, then its `model-index`), then independent
//! leaderboards (the Open LLM Leaderboard, then other boards). Ties go to the earliest source
//! URL, so the choice is deterministic. Every observation stays in `scores`; exactly one per key
//! gets `used_for_density = true`.

use std::collections::HashMap;

use crate::parse::quant_levels::quant_level_bits;
use crate::tables::rows::ScoreRow;

/// Rank of an observation: lower wins.
pub fn rank(score: &ScoreRow) -> u8 {
    match (score.source.as_str(), score.source_detail.as_str()) {
        ("curated", _) => 0,
        ("hf_files", "model_index") => 2,
        ("hf_files", _) => 1,
        ("open_llm_leaderboard", _) => 3,
        (_, _) if score.self_reported() => 1,
        _ => 4,
    }
}

/// A hybrid model's score in its thinking mode (the card gives both): the other mode is the
/// setting the reference models were measured in, so it goes first.
fn thinks(score: &ScoreRow) -> bool {
    let mode = |m: &str| ["thinking mode", "reasoning mode"].iter().any(|t| m == *t || m.ends_with(&format!("({t})")));
    score.metric.as_deref().is_some_and(mode)
}

/// A score the source says was answered directly ("GSM Direct" beside "GSM CoT"): the paper's
/// reference settings prompt with CoT or do not say (MMLU, HumanEval), so it goes after the others.
fn direct(score: &ScoreRow) -> bool {
    score.prompt.as_deref() == Some("direct")
}

/// Bits a quantized copy's score was measured at, its metric a quantization level ("Q4_K_M" 4,
/// "IQ3_M" 3, "F16" 16): the copy's best level goes first. Full weights (no level) rank above all.
fn quant_bits(score: &ScoreRow) -> std::cmp::Reverse<u32> {
    // The level alone, or after a metric: "acc (Q4_K_M)".
    fn level(m: &str) -> &str {
        m.rsplit_once('(').map_or(m, |(_, l)| l.trim_end_matches(')')).trim()
    }
    std::cmp::Reverse(score.metric.as_deref().map(level).and_then(quant_level_bits).unwrap_or(u32::MAX))
}

/// Marks the one observation per (model, benchmark, shots) that density uses.
pub fn mark_used_for_density(scores: &mut [ScoreRow]) {
    let mut best: HashMap<(String, String, Option<i32>), usize> = HashMap::new();
    for (i, s) in scores.iter().enumerate().filter(|(_, s)| s.value.is_finite()) {
        let key = (s.model_id.clone(), s.benchmark.clone(), s.shots);
        let entry = best.entry(key).or_insert(i);
        let current = &scores[*entry];
        if (rank(s), thinks(s), direct(s), quant_bits(s), &s.source_url, &s.value_raw)
            < (
                rank(current),
                thinks(current),
                direct(current),
                quant_bits(current),
                &current.source_url,
                &current.value_raw,
            )
        {
            *entry = i;
        }
    }
    for s in scores.iter_mut() {
        s.used_for_density = false;
    }
    for i in best.into_values() {
        scores[i].used_for_density = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(source: &str, detail: &str, value: f64) -> ScoreRow {
        ScoreRow {
            model_id: "a/b".into(),
            benchmark: "mmlu".into(),
            benchmark_raw: "MMLU".into(),
            shots: Some(5),
            metric: None,
            value,
            unit: "percent".into(),
            value_raw: value.to_string(),
            source: source.into(),
            source_detail: detail.into(),
            source_url: format!("{source}/{detail}"),
            observed_on: None,
            ci_low: None,
            ci_high: None,
            used_for_density: false,
            evidence: None,
            evidence_line: None,
            evaluator: if source == "open_llm_leaderboard" {
                crate::tables::codes::Evaluator::Independent
            } else {
                crate::tables::codes::Evaluator::SelfReported
            },
            harness: None,
            prompt: None,
        }
    }

    /// The values `mark_used_for_density` marks used.
    fn used(scores: &mut [ScoreRow]) -> Vec<f64> {
        mark_used_for_density(scores);
        scores.iter().filter(|s| s.used_for_density).map(|s| s.value).collect()
    }

    #[test]
    fn own_report_before_boards_and_one_per_key() {
        let mut scores = vec![
            obs("open_llm_leaderboard", "open_llm_leaderboard", 60.0),
            obs("hf_files", "model_index", 61.0),
            obs("hf_files", "markdown_table", 62.0),
        ];
        assert_eq!(used(&mut scores), vec![62.0]);
        scores.push(obs("curated", "curated", 63.0));
        assert_eq!(used(&mut scores), vec![63.0]);
    }

    #[test]
    fn a_hybrid_models_non_thinking_score_before_its_thinking_one() {
        // The thinking value sorts first by every later key (89.5 < 91.8): only the mode puts it last.
        let mut scores = vec![obs("hf_files", "markdown_table", 89.5), obs("hf_files", "markdown_table", 91.8)];
        scores[0].metric = Some("EM (thinking mode)".into());
        scores[1].metric = Some("EM (non-thinking mode)".into());
        assert_eq!(used(&mut scores), vec![91.8]);
        scores[0].metric = Some("EM".into());
        assert_eq!(used(&mut scores), vec![89.5], "without modes the earlier value_raw wins, as before");
    }

    #[test]
    fn a_directly_answered_score_after_a_cot_one() {
        // Tulu's "BBH Direct" 45.8 beside "BBH CoT" 48.7: the earlier value_raw alone would pick 45.8.
        let mut scores = vec![obs("hf_files", "markdown_table", 45.8), obs("hf_files", "markdown_table", 48.7)];
        scores[0].prompt = Some("direct".into());
        scores[1].prompt = Some("cot".into());
        assert_eq!(used(&mut scores), vec![48.7]);
    }

    #[test]
    fn a_quantized_copys_best_level_goes_first() {
        let mut scores: Vec<ScoreRow> = [("IQ3_M", 42.0), ("acc (Q8_0)", 45.5), ("Q4_K_M", 43.6), ("F16", 45.3)]
            .into_iter()
            .map(|(level, v)| ScoreRow { metric: Some(level.into()), ..obs("hf_files", "markdown_table", v) })
            .collect();
        assert_eq!(used(&mut scores), vec![45.3]);
        scores.pop();
        assert_eq!(used(&mut scores), vec![45.5]);
    }
}
