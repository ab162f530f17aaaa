//! Scores a sentence about the model gives beside another model's, "ours vs. theirs": "Foo-7B
//! outperforms GPT-3.5-turbo on code generation (HumanEval: 79.3 vs. 76.8; LiveCodeBench-Lite:
//! 27.5 vs. 23.9)", "Foo-1.5B surpasses DeepSeek R1 on AIME24 (80.3 vs. 79.8) and AIME25 (74.4 vs.
//! 70.0)". Read only where the model is the sentence's subject and outdoes the other (a verb of
//! outdoing before the pairs, no comparison before the verb), so the first value of each pair is
//! its own; and only where the pair's benchmark is named right before it ("Bench: a vs. b",
//! "Bench (a vs. b)") and the alias table knows it. A pair after another model's name ("surpassing
//! Claude-Plus (59.8 vs. 53.0)") names no benchmark and is left.

use super::benchmarks::resolve;
use super::card_scores::CardScore;
use super::prose_scores::{once_per_benchmark, sentence_score, COMPARING};

/// Verbs of outdoing: the subject's value comes first in the pairs after them.
const OUTDOING: &[&str] = &[
    "outperforms",
    "outperforming",
    "outperformed",
    "surpasses",
    "surpassing",
    "surpassed",
    "beats",
    "beating",
    "exceeds",
    "exceeding",
];

/// Whether `text` may hold such a pair (the cheap test before a line is read).
pub(super) fn may_compare(text: &str) -> bool {
    (text.contains(" vs") || text.contains(" versus ")) && text.contains(|c: char| c.is_ascii_digit())
}

/// The model's values of the "a vs. b" pairs in `sentence`, whose subject is the model.
pub(super) fn versus(sentence: &str, offset: usize) -> Vec<CardScore> {
    // (Most sentences about the model hold no pair: they are not split into words here.)
    if !may_compare(sentence) {
        return Vec::new();
    }
    let tokens: Vec<(usize, &str)> =
        sentence.split_whitespace().map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w)).collect();
    let word = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    let Some(verb) = tokens.iter().position(|(_, t)| OUTDOING.contains(&word(t).as_str())) else { return Vec::new() };
    if tokens[..verb].iter().any(|(_, t)| COMPARING.contains(&word(t).as_str())) {
        return Vec::new();
    }
    let mut found: Vec<CardScore> = Vec::new();
    for i in verb + 2..tokens.len().saturating_sub(1) {
        if !matches!(word(tokens[i].1).as_str(), "vs" | "versus") {
            continue;
        }
        let ((start, first), (_, second)) = (tokens[i - 1], tokens[i + 1]);
        let (Some((value, raw)), Some(_)) = (number(first.trim_start_matches('(')), number(second)) else { continue };
        // The benchmark right before the pair: "(HumanEval: 79.3" or "AIME24 (80.3".
        let before = if first.starts_with('(') {
            &sentence[..start]
        } else if tokens[i - 2].1.ends_with(':') {
            sentence[..start].trim_end().trim_end_matches(':')
        } else {
            continue;
        };
        let name = before.rsplit(['(', ';', ',', ':']).next().unwrap_or("").trim();
        let name = name.strip_prefix("and ").unwrap_or(name).trim_matches(['*', '_']).trim();
        let known = resolve(name);
        if !known.is_known || name.split_whitespace().count() > 5 || value <= 1.0 {
            continue;
        }
        found.push(sentence_score(sentence, (name.to_owned(), known.shots), value, raw, offset));
    }
    // One value per benchmark: two pairs of one benchmark cannot be told apart.
    once_per_benchmark(found)
}

/// A value of a pair ("79.3", "80.3%", "76.8;", "23.9)"), at most 100, and as written.
fn number(token: &str) -> Option<(f64, String)> {
    let raw = token.trim_end_matches([')', ';', ',', '.']).trim_matches(['*', '_']);
    let raw = raw.strip_suffix('%').unwrap_or(raw);
    let value: f64 = raw.parse().ok().filter(|_| raw.starts_with(|c: char| c.is_ascii_digit()))?;
    (value <= 100.0).then(|| (value, raw.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Vec<(String, f64)> {
        versus(sentence, 0).into_iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.value)).collect()
    }

    #[test]
    fn the_first_value_of_each_pair_after_a_verb_of_outdoing_is_the_subjects() {
        let colon = "Foo-7B outperforms GPT-3.5-turbo on code generation (HumanEval: 79.3 vs. 76.8; MBPP: \
                     27.5 vs. 23.9) and reasoning (GSM8K: 63.6 vs. 50.3)";
        let want = [("humaneval", 79.3), ("mbpp", 27.5), ("gsm8k", 63.6)].map(|(b, v)| (b.to_owned(), v));
        assert_eq!(read(colon), want);
        let parenthesised = "Foo-1.5B surpasses DeepSeek R1, which is 400 times larger, across three \
                             benchmarks: AIME24 (80.3 vs. 79.8), AIME25 (74.4% vs. 70.0%), and HMMT25 (50.4 vs 41.7).";
        let want = [("aime_2024", 80.3), ("aime_2025", 74.4), ("hmmt_2025", 50.4)].map(|(b, v)| (b.to_owned(), v));
        assert_eq!(read(parenthesised), want);
    }

    #[test]
    fn pairs_without_a_benchmark_or_an_outdoing_subject_are_left() {
        // The pair follows another model's name: no benchmark.
        assert!(read("Foo-34B surpasses GPT4 (73.2 vs. 67.0) and Claude2 (73.2 vs. 71.2).").is_empty());
        // No verb of outdoing: which value is whose is not said.
        assert!(read("Foo-7B and Bar-7B on MMLU (61.2 vs. 58.1).").is_empty());
        // A comparison before the verb turns the order round.
        assert!(read("Compared with Foo-7B, Bar-7B outperforms it on MMLU (61.2 vs. 58.1).").is_empty());
        // An unknown name, a fraction, and one benchmark twice.
        assert!(read("Foo-7B outperforms Bar on code generation (Our Suite: 79.3 vs. 76.8).").is_empty());
        assert!(read("Foo-7B outperforms Bar (MMLU: 0.81 vs 0.80).").is_empty());
        assert!(read("Foo-7B outperforms Bar (MMLU: 61.2 vs. 58.1) and Baz (MMLU: 61.2 vs. 55.0).").is_empty());
    }
}
