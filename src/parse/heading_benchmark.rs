//! The benchmark a section heading names: "### C-Eval", "MMLU Performance", "RULER Benchmark -
//! Effective context length", "Chat model subjective evaluation of MTBench".

use super::benchmarks::resolve;

/// The known benchmark a section heading names on its own ("C-Eval", "MMLU (5-shot)",
/// "AGIEval:", "RULER Benchmark - Effective context length"), read from the last heading of a
/// path: the whole heading, or its part before a dash, without a trailing "Benchmark" or
/// "Results".
pub fn heading_benchmark(heading_path: &str) -> Option<String> {
    const TRAILING: &[&str] = &[" benchmark", " benchmarks", " results", " evaluation", " evaluations", " leaderboard"];
    // (An emoji before the name, "🏆 MT-Bench", is no part of it.)
    let last = heading_path.rsplit(" > ").next()?.trim().trim_end_matches([':', '：']).trim();
    let last = last.trim_start_matches(|c: char| !c.is_alphanumeric() && !"[(".contains(c)).trim();
    // ("## 14. MTBench:", a heading's line as it stands: its number is no part of the name.)
    let last = super::sections::without_number(last);
    let dashed = last.replace(['\u{2013}', '\u{2014}'], "-");
    let lead = dashed.split(" - ").next().unwrap_or("").trim();
    // (ASCII lower case keeps byte offsets, which index `lead`.)
    let lower = lead.to_ascii_lowercase();
    let lead = TRAILING.iter().find_map(|t| lower.strip_suffix(t).map(|rest| &lead[..rest.len()])).unwrap_or(lead);
    let known = |n: &str| !n.is_empty() && resolve(n).is_known && resolve(n).canonical != "card_average";
    let found = [last, lead.trim(), results_on(lead.trim())].into_iter().find(|n| known(n)).map(str::to_owned);
    found.or_else(|| named_then_about(lead.trim(), known).map(str::to_owned))
}

/// The name after words that say a heading is results on it: "Chat model subjective evaluation
/// of MTBench" names MTBench ("", when the heading has no such words).
fn results_on(heading: &str) -> &str {
    const RESULTS: &[&str] = &["evaluation", "evaluations", "results", "performance", "performances", "scores"];
    let lower = heading.to_ascii_lowercase();
    let after = |joint: &str| {
        lower.match_indices(joint).find_map(|(at, _)| {
            let said = lower[..at].rsplit(' ').next().unwrap_or("");
            RESULTS.contains(&said).then(|| heading[at + joint.len()..].trim())
        })
    };
    after(" of ").or_else(|| after(" on ")).unwrap_or("")
}

/// The benchmark a heading names before words that only say the table is its results:
/// "MMLU Performance", "MT-Bench detailed score for first and second turn", "MMLU 各类别指标"
/// (by category), "C-Eval各项分数". At most three words of name; nothing else may follow.
fn named_then_about(heading: &str, known: impl Fn(&str) -> bool) -> Option<&str> {
    const ABOUT: &[&str] = &[
        "performance",
        "highlights",
        "score",
        "scores",
        "detailed",
        "details",
        "breakdown",
        "by",
        "per",
        "category",
        "categories",
        "subject",
        "subjects",
        "subtasks",
        "accuracy",
        "for",
        "first",
        "second",
        "turn",
        "turns",
        "and",
        "each",
        "results",
        "result",
        "metrics",
        // "AlpacaEval Leaderboard Evaluation Results": the board's own results.
        "leaderboard",
        "evaluation",
    ];
    let cjk = |c: char| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
    // A tail written in Chinese or Japanese ("各类别指标") starts where its script does.
    let latin_end = heading.find(cjk).unwrap_or(heading.len());
    let (latin, tail) = heading.split_at(latin_end);
    if !tail.chars().all(|c| cjk(c) || c.is_whitespace()) {
        return None;
    }
    let words: Vec<(usize, &str)> =
        latin.split_whitespace().map(|w| (w.as_ptr() as usize - latin.as_ptr() as usize, w)).collect();
    (1..=words.len().min(3)).rev().find_map(|n| {
        let rest = &words[n..];
        let about = rest.iter().all(|(_, w)| ABOUT.contains(&w.to_lowercase().as_str()));
        let end = words[n - 1].0 + words[n - 1].1.len();
        let name = &latin[..end];
        (about && (!rest.is_empty() || !tail.is_empty()) && known(name)).then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::heading_benchmark;

    #[test]
    fn a_heading_naming_its_benchmark_after_evaluation_words() {
        assert_eq!(heading_benchmark("3.2.1. Chat model subjective evaluation of MTBench").as_deref(), Some("MTBench"));
        assert_eq!(heading_benchmark("Results on our own testsets"), None);
        assert_eq!(heading_benchmark("## 14. MTBench:").as_deref(), Some("MTBench"), "a numbered heading's line");
        // Letters whose lower case is longer ("İ") do not shift where the name is cut.
        assert_eq!(heading_benchmark("İİ evaluation of MTBench").as_deref(), Some("MTBench"));
        assert_eq!(heading_benchmark("MT-Bench Results").as_deref(), Some("MT-Bench"));
        // ArmoRM's "## RewardBench LeaderBoard" over its Chat, Chat Hard, Safety and Reasoning columns.
        assert_eq!(heading_benchmark("RewardBench LeaderBoard").as_deref(), Some("RewardBench"));
        assert_eq!(heading_benchmark("Open LLM Leaderboard"), None);
        assert_eq!(heading_benchmark("AlpacaEval Leaderboard Evaluation Results").as_deref(), Some("AlpacaEval"));
        assert_eq!(heading_benchmark("Open LLM Leaderboard Evaluation Results"), None);
    }
}
