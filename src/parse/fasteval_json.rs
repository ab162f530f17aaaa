//! FastEval results pasted as the tool prints them, a JSON block under a heading or a sentence that
//! names FastEval: `{"gsm8k": 0.656, "math": 0.242, "bbh": {"average": 0.58}, "mmlu": {"average":
//! 0.62}, "total": 0.47}`. Each key that names a benchmark densing knows gives its score (a bare
//! fraction, or a suite's `average`); `total` averages the tool's own selection and is left out. No
//! model is named in the block: it is the card's own model's, unless the card is a quantized copy's.

use serde_json::Value;

use super::benchmarks::resolve;
use super::card_scores::CardScore;
use super::front_matter::as_percent;
use super::model_names::is_packed;
use super::mt_bench_json::{json_blocks, key_at, text_before};
use super::tables::clip;

/// Every FastEval block of `markdown` as scores, in percent.
pub(crate) fn fasteval_blocks(markdown: &str, model_id: &str) -> Vec<CardScore> {
    if is_packed(model_id) || !names_the_tool(markdown) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (open, start, block) in json_blocks(markdown) {
        if !names_fasteval(markdown, open) {
            continue;
        }
        for (key, value) in &block {
            let known = Some(resolve(key)).filter(|b| b.is_known && b.canonical != "card_average");
            // A suite's entry is an object of its tasks and their `average`.
            let score = value.as_f64().or_else(|| value.get("average").and_then(Value::as_f64));
            let (Some(_), Some(fraction)) = (known, score.filter(|v| (0.0..=1.0).contains(v))) else { continue };
            let shown = value.get("average").map_or(String::new(), |_| " average".to_owned());
            out.push(CardScore {
                evidence: clip(&format!("FastEval JSON block: \"{key}\"{shown}")),
                benchmark_raw: key.clone(),
                metric: None,
                shots: None,
                value: as_percent(fraction, &fraction.to_string()),
                value_raw: fraction.to_string(),
                detail: "fasteval_json",
                // (A suite's value is on its `average` line, inside the suite's object.)
                offset: match value.get("average") {
                    Some(_) => key_at(markdown, key_at(markdown, start, key), "average"),
                    None => key_at(markdown, start, key),
                },
                evaluated_by: None,
            });
        }
    }
    out
}

/// Whether the text right before byte `at` names FastEval (a "### FastEval" heading, a sentence).
fn names_fasteval(markdown: &str, at: usize) -> bool {
    // The nearest heading or sentence only: not a FastEval block's name carried past another block.
    let before = text_before(markdown, at);
    let before = super::card_text::after_last_fence(before);
    names_the_tool(before)
}

/// Whether a text names FastEval, in any case ("### FASTEVAL").
fn names_the_tool(text: &str) -> bool {
    text.as_bytes().windows(8).any(|w| w.eq_ignore_ascii_case(b"fasteval"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fasteval_block_gives_its_known_benchmarks_in_percent() {
        let card = "### FastEval\n\n```\n{\n    \"gsm8k\": 0.656,\n    \"math\": 0.242,\n    \"bbh\": {\n        \"average\": 0.5807843137254902\n    },\n    \"total\": 0.469\n}\n```\n\n### MTBench\n\n```\n{\n  \"gsm8k\": 0.9\n}\n```\n";
        let got: Vec<(String, f64)> =
            fasteval_blocks(card, "org/Foo-7B").into_iter().map(|s| (s.benchmark_raw, s.value)).collect();
        assert_eq!(got, [("bbh".to_owned(), 58.07843137254902), ("gsm8k".to_owned(), 65.6), ("math".to_owned(), 24.2)]);
        // Each value is placed at its own line: a suite's at its `average`.
        for s in fasteval_blocks(card, "org/Foo-7B") {
            let line = card[s.offset..].lines().next().unwrap_or("");
            assert!(line.contains(&s.value_raw), "{} at {line:?}", s.benchmark_raw);
        }
        assert!(fasteval_blocks(card, "org/Foo-7B-GPTQ").is_empty(), "a quantized copy's numbers are the original's");
        let tilde = card.replace("```", "~~~");
        assert_eq!(fasteval_blocks(&tilde, "org/Foo-7B").len(), 3, "GFM's other fence");
        let unnamed = card.replace("### FastEval", "### Results");
        assert!(fasteval_blocks(&unnamed, "org/Foo-7B").is_empty());
        let shouted = card.replace("### FastEval", "### FASTEVAL");
        assert_eq!(fasteval_blocks(&shouted, "org/Foo-7B").len(), 3, "a heading in capitals");
    }
}
