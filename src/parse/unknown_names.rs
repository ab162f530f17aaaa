//! The id of a benchmark name the alias table does not know: its cleaned words, without a
//! trailing metric or "Avg", led by a known benchmark's usual id where the name respells it; or
//! the card's own average, when the name says it averages the card's benchmarks.

use super::benchmarks::{alias_index, Benchmark, MULTILINGUAL};

/// `name`: the unknown name cleaned (shots and a metric parenthesis already read off).
pub(super) fn unknown_benchmark(name: String, shots: Option<i32>, qualifier: Option<String>) -> Benchmark {
    // (Not down to a split alone: "Validation acc" names no benchmark either way.)
    let split = |k: &&str| super::benchmark_shape::SPLITS.contains(k);
    let cut = without_metric(&name).filter(|k| !k.is_empty() && !split(k)).map(str::to_owned);
    let name = cut.unwrap_or(name);
    // "Average Score on 11 Academic Benchmarks", "Core tasks average", "Full average": the
    // card's own average (said before a trailing "average" is cut).
    let words: Vec<&str> = name.split(' ').collect();
    let over = |w: &&str| matches!(*w, "benchmarks" | "tasks" | "datasets" | "full" | "all" | "downstream");
    // ("Avg MRR@10", "Average Performance", "Mean S": an average and then only its measure;
    // not "Average Precision" or "Average Recall", metrics of their own.)
    let measure = |w: &&str| {
        super::axis_words::METRIC.contains(w) && !matches!(*w, "precision" | "recall")
            || matches!(*w, "performance" | "s" | "w" | "s+w")
            || w.chars().all(|c| c.is_ascii_digit())
    };
    let of_measure = words.len() > 1 && words[1..].iter().all(measure);
    if super::benchmark_shape::averaging(words[0]) && of_measure
        || words.iter().any(|w| super::benchmark_shape::averaging(w)) && words.iter().any(over)
    {
        return Benchmark { canonical: "card_average".to_owned(), is_known: true, shots, qualifier };
    }
    let name = match name.strip_suffix(" avg").or_else(|| name.strip_suffix(" average")) {
        Some(kept) if !kept.is_empty() => kept.to_owned(),
        _ => name,
    };
    Benchmark {
        // ("w/o" and "wo" are one word: "Video-MME w/o subs" is `video_mme_wo_subs`.)
        canonical: respelled_lead(&english_dropped(&name)).replace(" w o ", " wo ").replace(' ', "_"),
        is_known: false,
        shots,
        qualifier,
    }
}

/// A cleaned name without the metric it ends with: "AIME24 pass@1" is AIME24's score, as
/// "HumanEval pass@1" is HumanEval's, and "hellaswag_it acc_norm" hellaswag_it's (lm-eval's
/// metric names). `None` when it ends with none.
pub(super) fn without_metric(name: &str) -> Option<&str> {
    [" pass 1", " acc norm", " acc"].iter().find_map(|m| name.strip_suffix(m))
}

/// An unknown name with "english" right after a known benchmark's name, the default language
/// ("MT-Bench English first turn" is MT-Bench's first turn), without it; not after a multilingual
/// benchmark's ("MGSM English" is its English part).
fn english_dropped(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let at = words.iter().position(|w| *w == "english").filter(|i| *i > 0 && *i + 1 < words.len());
    match at.and_then(|i| alias_index().get(&words[..i].join(" ")).map(|c| (i, *c))) {
        Some((i, canonical)) if !MULTILINGUAL.contains(&canonical) => {
            words.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, w)| *w).collect::<Vec<_>>().join(" ")
        }
        _ => name.to_owned(),
    }
}

/// An unknown name led by another spelling of a known benchmark ("MTBench coding", "C-Eval Hard")
/// is named by that benchmark's id, as its usual spelling is: `mt_bench_coding`, like "MT-Bench
/// coding". Spellings only (the same letters, spaced or joined), not abbreviations: "ARC-AGI" is
/// no part of ARC-Challenge, nor a card's "Average STEM" the card's average.
fn respelled_lead(name: &str) -> String {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let words: Vec<&str> = name.split(' ').collect();
    (1..words.len().min(4))
        .rev()
        .find_map(|n| {
            let lead = words[..n].join(" ");
            let canonical = alias_index().get(&lead).filter(|c| letters(c) == letters(&lead))?;
            Some(format!("{canonical} {}", words[n..].join(" ")))
        })
        .unwrap_or_else(|| name.to_owned())
}
