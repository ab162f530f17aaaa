//! Score precedence: which observation of (model, benchmark, shots) density uses.
//!
//! As the Densing Law paper did, the model's own report comes first: a curated value citing a
//! technical report, then the model card (its tables, then its `model-index`), then independent
//! leaderboards (the Open LLM Leaderboard, then other boards); within one, settings nearer the
//! reference's first (non-thinking, not answered directly, the best quantization level, the test
//! split), then the earliest source URL. Observations equal in all that are one group: the first
//! in the page's order is used if the group's values agree, and if they disagree (a card's "CoT"
//! and "PoT" rows of MATH, two reasoning modes' tables) the group is passed over, since picking
//! one would be a guess. A pass@10 is never used. Every observation stays in `scores`; at most
//! one per key gets `used_for_density = true`.

use crate::fetch::codes::{RejectReason, Stage};
use crate::parse::benchmark_shape::SPLITS;
use crate::parse::quant_levels::quant_level_bits;
use crate::tables::rows::{RejectRow, ScoreRow};

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
    // ("thinking mode", or a metric in it: "EM (thinking mode)".)
    let mode = |m: &str| {
        let m = m.strip_suffix(')').and_then(|m| m.rsplit_once('(')).map_or(m, |(_, inner)| inner);
        m == "thinking mode" || m == "reasoning mode"
    };
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

/// A measure other than the benchmark's own number: pass@k for k > 1 ("pass@10 ↑" beside
/// "pass@1 ↑" on BLOOM's card). HumanEval's and MBPP's reference settings are pass@1, and a
/// pass@10 is no reading of it: never used for density.
fn other_measure(score: &ScoreRow) -> bool {
    let metric = score.metric.as_deref().unwrap_or("").to_ascii_lowercase();
    metric.match_indices("pass@").any(|(at, p)| {
        let k: String = metric[at + p.len()..].chars().take_while(char::is_ascii_digit).collect();
        !k.is_empty() && k != "1"
    })
}

/// A held-out split other than the test set ("MMLU: Valid (5-shot)" beside "MMLU: Test") or a
/// rescaled score ("Normalized"): goes after the others.
fn other_split(score: &ScoreRow) -> bool {
    let metric = score.metric.as_deref().unwrap_or("").to_ascii_lowercase();
    let held_out = |w: &str| w != "test" && SPLITS.contains(&w);
    metric.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| held_out(w) || matches!(w, "normalized" | "normalised"))
}

/// The order of observations of one key; observations equal in it are one group, which the
/// source's document order (`evidence_line`) then orders.
type Order<'a> = (u8, bool, bool, std::cmp::Reverse<u32>, bool, &'a str);

fn order(s: &ScoreRow) -> Order<'_> {
    (rank(s), thinks(s), direct(s), quant_bits(s), other_split(s), s.source_url.as_str())
}

/// Whether a group's values disagree: more than a point apart (a percent), or more than 1% of
/// the largest (other scales). Two tables of one card that print 46.17 and 46.3 agree; "CoT"
/// 12.9 beside "PoT" 32.6, or a reasoning mode's 95.8 beside the other's 87.3, do not.
fn disagree(group: &[&ScoreRow]) -> bool {
    let (lo, hi) =
        group.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| (lo.min(s.value), hi.max(s.value)));
    let tolerance = if group[0].unit == "percent" { 1.0 } else { 0.01 * lo.abs().max(hi.abs()) };
    hi - lo > tolerance
}

/// What precedence makes of the observations of one (model, benchmark, shots).
#[derive(Debug, Default)]
pub struct Choice<'a> {
    /// The observation density uses, if any.
    pub chosen: Option<&'a ScoreRow>,
    /// Groups passed over, each ranked above the chosen one but with values that disagree:
    /// picking one of them would be a guess.
    pub disagreeing: Vec<Vec<&'a ScoreRow>>,
}

/// Chooses among the observations of one key: the first group by [`order`] whose values agree
/// gives its first observation in document order; a group whose values disagree is passed over.
pub fn choose<'a>(rows: impl IntoIterator<Item = &'a ScoreRow>) -> Choice<'a> {
    // (Each observation's order worked out once.)
    let mut rows: Vec<(Order<'a>, &'a ScoreRow)> =
        rows.into_iter().filter(|s| s.value.is_finite() && !other_measure(s)).map(|s| (order(s), s)).collect();
    rows.sort_by(|(oa, a), (ob, b)| (oa, a.evidence_line, &a.value_raw).cmp(&(ob, b.evidence_line, &b.value_raw)));
    let mut choice = Choice::default();
    for group in rows.chunk_by(|a, b| a.0 == b.0) {
        let group: Vec<&ScoreRow> = group.iter().map(|(_, s)| *s).collect();
        if disagree(&group) {
            choice.disagreeing.push(group);
        } else {
            choice.chosen = Some(group[0]);
            break;
        }
    }
    choice
}

/// Observations of one key that precedence passed over because they disagree (see [`choose`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    /// The key's model.
    pub model_id: String,
    /// The key's benchmark.
    pub benchmark: String,
    /// The key's shots.
    pub shots: Option<i32>,
    /// The source URL of the first group passed over.
    pub url: String,
    /// Each observation of that group: its value as printed, its header or sentence, its line.
    pub values: Vec<String>,
    /// Whether an observation later in precedence was used instead.
    pub fell_back: bool,
}

impl Disagreement {
    /// The `ambiguous_score` reject that says so.
    pub fn reject(&self) -> RejectRow {
        let shots = self.shots.map_or("shots not stated".to_owned(), |n| format!("{n}-shot"));
        let outcome = if self.fell_back { "a later one in precedence is used" } else { "none is used for density" };
        let detail =
            format!("{} ({shots}): values that disagree: {}; {outcome}", self.benchmark, self.values.join("; "));
        RejectRow::new("normalize", Stage::Normalize, RejectReason::AmbiguousScore)
            .url(&self.url)
            .model(&self.model_id)
            .detail(detail)
    }
}

/// Marks the observation per (model, benchmark, shots) that density uses ([`choose`]): at most
/// one, none when every group disagrees. Returns the keys where a group was passed over, in key order.
pub fn mark_used_for_density(scores: &mut [ScoreRow]) -> Vec<Disagreement> {
    // The observations of each key side by side (the pipeline's scores are sorted by key already,
    // so this sort is cheap there).
    let key = |i: &usize| (scores[*i].model_id.as_str(), scores[*i].benchmark.as_str(), scores[*i].shots);
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| key(a).cmp(&key(b)));
    let mut used = Vec::new();
    let mut passed_over = Vec::new();
    for members in order.chunk_by(|a, b| key(a) == key(b)) {
        // (Most keys have one observation: nothing to choose between.)
        if let [only] = members {
            let s = &scores[*only];
            used.extend((s.value.is_finite() && !other_measure(s)).then_some(*only));
            continue;
        }
        let choice = choose(members.iter().map(|&i| &scores[i]));
        if let Some(first) = choice.disagreeing.first() {
            let s = first[0];
            let values = first
                .iter()
                .map(|o| {
                    let label = o.evidence.as_deref().unwrap_or(&o.benchmark_raw);
                    let line = o.evidence_line.map(|l| format!(", line {l}")).unwrap_or_default();
                    format!("{} ({label}{line})", o.value_raw)
                })
                .collect();
            passed_over.push(Disagreement {
                model_id: s.model_id.clone(),
                benchmark: s.benchmark.clone(),
                shots: s.shots,
                url: s.source_url.clone(),
                values,
                fell_back: choice.chosen.is_some(),
            });
        }
        used.extend(choice.chosen.and_then(|c| members.iter().copied().find(|&i| std::ptr::eq(&scores[i], c))));
    }
    for s in scores.iter_mut() {
        s.used_for_density = false;
    }
    for i in used {
        scores[i].used_for_density = true;
    }
    passed_over
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
        assert_eq!(used(&mut scores), Vec::<f64>::new(), "without modes two values 2.3 apart are a guess");
    }

    #[test]
    fn a_group_that_disagrees_is_passed_over_and_one_that_agrees_gives_its_first_line() {
        // MAmmoTH's MATH rows "CoT" 12.9, "PoT" 32.6 from one table: none used, a reject says why.
        let mut scores = vec![obs("hf_files", "markdown_table", 12.9), obs("hf_files", "markdown_table", 32.6)];
        scores[0].metric = Some("CoT".into());
        scores[1].metric = Some("PoT".into());
        let passed = mark_used_for_density(&mut scores);
        assert!(scores.iter().all(|s| !s.used_for_density));
        assert_eq!(passed.len(), 1);
        assert_eq!(passed[0].values, ["12.9 (MMLU)", "32.6 (MMLU)"]);
        let reject = passed[0].reject();
        assert_eq!(reject.reason, "ambiguous_score");
        assert_eq!(
            reject.detail.as_deref(),
            Some("mmlu (5-shot): values that disagree: 12.9 (MMLU); 32.6 (MMLU); none is used for density")
        );
        // The model-index, a lower rank, is used instead.
        scores.push(obs("hf_files", "model_index", 33.0));
        assert_eq!(used(&mut scores), vec![33.0]);
        assert!(mark_used_for_density(&mut scores)[0].fell_back);
        // Two tables printing 46.3 (line 226) and 46.17 (line 265) agree: the first in the page is used.
        let mut scores = vec![obs("hf_files", "markdown_table", 46.17), obs("hf_files", "markdown_table", 46.3)];
        scores[0].evidence_line = Some(265);
        scores[1].evidence_line = Some(226);
        assert!(mark_used_for_density(&mut scores).is_empty());
        assert_eq!(scores.iter().filter(|s| s.used_for_density).map(|s| s.value).collect::<Vec<_>>(), vec![46.3]);
    }

    #[test]
    fn pass_at_ten_is_never_used_and_the_test_split_goes_before_the_validation_split() {
        // BLOOM's "pass@1 ↑" 15.5 beside "pass@10 ↑" 32.8 and "pass@100 ↑" 57.2 (value_raw "100" < "15.5" too).
        let mut scores: Vec<ScoreRow> = [("pass@1 ↑", 15.5), ("pass@10 ↑", 32.8), ("pass@100 ↑", 57.2)]
            .into_iter()
            .map(|(m, v)| ScoreRow { metric: Some(m.into()), ..obs("hf_files", "markdown_table", v) })
            .collect();
        assert_eq!(used(&mut scores), vec![15.5]);
        scores.remove(0);
        assert_eq!(used(&mut scores), Vec::<f64>::new(), "no pass@1: nothing");
        // hfl's "MMLU: Valid (5-shot)" 69.6 beside "MMLU: Test (5-shot)" 69.8.
        let mut scores = vec![obs("hf_files", "markdown_table", 69.6), obs("hf_files", "markdown_table", 69.8)];
        scores[0].metric = Some("valid".into());
        scores[1].metric = Some("test".into());
        assert_eq!(used(&mut scores), vec![69.8]);
        assert!(other_measure(&ScoreRow { metric: Some("Pass@10".into()), ..obs("x", "y", 1.0) }));
        assert!(!other_measure(&ScoreRow { metric: Some("pass@1 (T=0.2)".into()), ..obs("x", "y", 1.0) }));
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
