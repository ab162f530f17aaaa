//! Canonical benchmark names and shots, from names as sources write them.
//!
//! The alias table is data, documented in the README: a name is lower-cased, stripped of links,
//! markup and punctuation, its shots ("5-shot", "(25-Shot)", "0 shot") are read off, and what
//! remains is looked up. Unrecognised names keep their cleaned raw name: nothing is dropped.

pub use super::benchmark_shape::{
    english_named, is_architecture_column, is_category_name, is_metric_only, is_of_one_benchmark, is_overall_column,
    is_part_name, is_setting_only, math_is_benchmark, may_be_benchmark, names_an_attribute, split_of,
};

pub(super) use super::alias_index::alias_index;
use super::alias_index::joined_lookup;
pub use super::benchmark_aliases::ALIASES;
pub use super::heading_benchmark::heading_benchmark;

/// The prompting a benchmark name, metric or header states: `cot` ("BBH CoT", "GSM8K Chain of
/// Thought", "(CoT)") or `direct` ("direct", "no CoT"); `None` when it says neither.
pub fn prompt_of(text: &str) -> Option<&'static str> {
    let cleaned = clean(text);
    let words: Vec<&str> = cleaned.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if has("direct") || cleaned.contains("no cot") || cleaned.contains("w o cot") {
        Some("direct")
    } else if has("cot") || cleaned.contains("chain of thought") {
        Some("cot")
    } else {
        None
    }
}

/// The harness a card's value came from, by how the card shows it: lm-evaluation-harness output
/// (`| Task | Version | Metric | Value |`) or a lighteval task id (`suite:task:shots`).
pub fn harness_of(benchmark_raw: &str, detail: &str) -> Option<&'static str> {
    if detail == "lm_eval_table" {
        let lighteval = lighteval_task(benchmark_raw).1.is_some();
        Some(if lighteval { "lighteval" } else { "lm-evaluation-harness" })
    } else {
        None
    }
}

pub use super::score_units::{card_unit, is_overlap_metric, on_scale, unit_of};

/// A benchmark name resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Benchmark {
    /// Canonical name, or the cleaned raw name when unrecognised.
    pub canonical: String,
    /// Whether the alias table knew it.
    pub is_known: bool,
    /// Shots, when the name states them.
    pub shots: Option<i32>,
    /// A metric or setting in parentheses ("EM" in "BBH (EM)"), when the name carries one.
    pub qualifier: Option<String>,
}

/// An lm-eval task id without the words that only say how it was run
/// ("mmlu_pro_5shot_cot_instruct" → "mmlu pro 5shot", "mtbench_dev" → "mtbench").
fn task_id_words(name: &str) -> String {
    if name.contains(' ') || !name.contains('_') {
        return name.to_owned();
    }
    let kept: Vec<&str> = name
        .split('_')
        .filter(|w| !matches!(w.to_ascii_lowercase().as_str(), "instruct" | "cot" | "dev" | "chat"))
        .collect();
    kept.join(" ")
}

/// A name without a trailing footnote mark ("KoMT-Bench[1]", "MMLU*", "GSM8K†").
fn without_footnote(name: &str) -> String {
    const MARKS: [char; 6] = ['*', '†', '‡', '¹', '²', '³'];
    // "Average¹ (%)": a mark that ends a word before a note is as much a footnote.
    let chars: Vec<char> = name.chars().collect();
    let word_end_mark = |i: usize| {
        MARKS.contains(&chars[i]) && i > 0 && chars[i - 1].is_alphanumeric() && chars.get(i + 1) == Some(&' ')
    };
    let name: String = (0..chars.len()).filter(|i| !word_end_mark(*i)).map(|i| chars[i]).collect();
    let t = name.trim_end().trim_end_matches(MARKS);
    // "KoMT-Bench^1"
    let t = match t.rsplit_once('^') {
        Some((before, mark)) if !mark.is_empty() && mark.chars().all(|c| c.is_ascii_digit() || c == '*') => before,
        _ => t,
    };
    let t = match t.strip_suffix(']').and_then(|x| x.rsplit_once('[')) {
        Some((before, mark)) if !mark.is_empty() && mark.chars().all(|c| c.is_ascii_digit()) => before,
        _ => t,
    };
    // "C-Eval (0-shot)1": an HTML footnote link's number right after the closing parenthesis.
    let t = match t.trim_end_matches(|c: char| c.is_ascii_digit()) {
        before if before.len() < t.len() && before.ends_with(')') => before,
        _ => t,
    };
    // "HumanEval (+)" over "76.2 (72.0)": HumanEval, with HumanEval+ in the parenthesis.
    let t = t.strip_suffix("(+)").unwrap_or(t);
    t.trim_end().to_owned()
}

/// Words that name a subset of a benchmark, not a metric or setting.
const SUBSETS: &[&str] = &["diamond", "verified", "lite", "extended", "main"];

/// Benchmarks whose score is over many languages: their English part ("MGSM en") is no score of
/// theirs, unlike a one-language benchmark's English set ("IFEval - EN").
pub(super) const MULTILINGUAL: &[&str] =
    &["mgsm", "mmmlu", "xnli", "xcopa", "xstorycloze", "xwinograd", "belebele", "m3exam"];

/// Whether a name is a benchmark densing knows, not the card's own average.
pub fn is_known_benchmark(name: &str) -> bool {
    let b = resolve(name);
    b.is_known && b.canonical != "card_average"
}

/// A cleaned name without a count of its items after it ("mmlu 14 042 questions", "gsm8k 1 319
/// problems"), when there is one.
fn without_item_count(bare: &str) -> Option<&str> {
    const ITEMS: &[&str] = &["questions", "problems", "examples", "samples", "items", "prompts", "tasks"];
    let (rest, unit) = bare.rsplit_once(' ')?;
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let name = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    (ITEMS.contains(&unit) && rest.rsplit(' ').next().is_some_and(digits) && !name.is_empty()).then_some(name)
}

/// Resolves a name as written.
///
/// ```
/// use densing::parse::benchmarks::resolve;
/// let b = resolve("MMLU (5-Shot)");
/// assert_eq!((b.canonical.as_str(), b.shots), ("mmlu", Some(5)));
/// assert_eq!(resolve("[ARC-c](https://arxiv.org/abs/1911.01547)").canonical, "arc_challenge");
/// assert_eq!(resolve("BIG-Bench Hard").canonical, "bbh");
/// assert_eq!(resolve("HumanEval pass@1").canonical, "humaneval");
/// assert!(!resolve("Some New Eval").is_known);
/// ```
pub fn resolve(raw: &str) -> Benchmark {
    let (name, lighteval_shots) = lighteval_task(raw);
    let (rest, shots) = take_shots(&task_id_words(&without_footnote(&strip_markup(&without_footnote(name)))));
    let shots = shots.or(lighteval_shots);
    // "Math (AIME 2024)", "Coding (LiveCodeBench)": a category, then the benchmark in parentheses.
    // (Not "MATH (Minerva)" or "Math (EM)": only a benchmark densing knows.)
    if let Some(named) = category_then_benchmark(&rest) {
        return Benchmark { shots: named.shots.or(shots), ..named };
    }
    let cleaned = clean(&rest);
    let lookup = |name: &str| alias_index().get(name).map(|c| (*c).to_owned());
    // "BBH (EM)", "HumanEval (Pass@1)", "BIG-Bench Hard (3-shot, CoT)": the parenthesis is a
    // metric or setting, not part of the name.
    // … but a subset in parentheses ("GPQA (Diamond)", "SWE-bench (Verified)") is another set,
    // and pass@8 another metric than pass@1.
    let subset = parenthesised(&rest).is_some_and(|q| {
        let q = clean(&q);
        // "MGSM (+D)": the benchmark with something added (distractors), another set; so is a run
        // with or without a tool ("BrowseComp (w/ Context Manager)", "GAIA (no file)"), but not
        // the prompting ("(no CoT)").
        let first = q.split(' ').next().unwrap_or("");
        let with = matches!(first, "w" | "wo" | "with" | "without" | "no") && !q.ends_with(" cot");
        q.split(' ').any(|w| SUBSETS.contains(&w))
            || q.starts_with("pass ") && q != "pass 1"
            || q.starts_with('+')
            || with
    });
    let bare = if subset { cleaned.clone() } else { clean(&remove_parentheses(&rest)) };
    let found = lookup(&cleaned)
        .or_else(|| lookup(&bare))
        .or_else(|| lookup(super::unknown_names::without_metric(&cleaned)?))
        // "HUMANEVAL@1": pass@1 written without its "pass" (with a unit after it, "HUMANEVAL@1 (%)").
        .or_else(|| remove_parentheses(&rest).trim().strip_suffix("@1").and_then(|b| lookup(&clean(b))))
        .or_else(|| lookup(bare.trim_end_matches(" english").trim_end_matches(" wiki").trim_end_matches(" score")))
        // "IFEval - EN", "C-Eval Avg (Test Set)": the English set, the benchmark's average.
        .or_else(|| lookup(bare.trim_end_matches(" en").trim_end_matches(" avg").trim_end_matches(" average")))
        // "GSM Direct", "BBH CoT": the prompting, which `prompt_of` reads off, is no part of the
        // name ("GSM Direct" is GSM8K answered directly, not a benchmark of its own).
        .or_else(|| lookup(bare.strip_suffix(" direct").or_else(|| bare.strip_suffix(" cot"))?))
        // "AlpacaEval LC Win Rate": a known name, then only metric words (no number: pass@10 is
        // another metric than the name's own).
        .or_else(|| {
            let words: Vec<&str> = bare.split(' ').collect();
            let tail = words.iter().rev().take_while(|w| super::axis_words::METRIC.contains(w)).count();
            // ("Average Precision" is a metric, not a card's average.)
            let known = (tail > 0 && tail < words.len()).then(|| lookup(&words[..words.len() - tail].join(" ")));
            known.flatten().filter(|c| c != "card_average")
        })
        // "LC AlpacaEval": the metric before the name, as an axis of a results table writes it.
        .or_else(|| {
            let words: Vec<&str> = bare.split(' ').collect();
            let head = words.iter().take_while(|w| super::axis_words::METRIC.contains(w)).count();
            let known = (head > 0 && head < words.len()).then(|| lookup(&words[head..].join(" ")));
            known.flatten().filter(|c| c != "card_average")
        })
        // "AIME2024" for "AIME 2024": a known name spaced otherwise between its letters and digits.
        .or_else(|| joined_lookup(&bare))
        // "MMLU, 5-shot, 14,042 questions": how many items were asked is no part of the name.
        .or_else(|| lookup(without_item_count(&bare)?))
        // (Not a multilingual benchmark's English part: "MGSM en", "MGSM English" are no MGSM score.)
        .filter(|c| !(MULTILINGUAL.contains(&c.as_str()) && [" en", " english"].iter().any(|e| bare.ends_with(e))));
    // ("hellaswag/acc_norm": the metric after a slash, as lm-eval tables' rows write it.)
    let qualifier = parenthesised(&rest).or_else(|| slash_metric(raw));
    // "MT-Bench (German)", "HumanEval (Java)": a translation or another language's set is not the
    // benchmark itself.
    // A multilingual benchmark's language code too ("XWinograd (fr)", "XNLI (ar)": one language's part).
    // (And an unknown name's: MTEB's "AmazonReviewsClassification (de)"; not the codes that are words too.)
    let language = qualifier.as_deref().is_some_and(|q| {
        let multilingual =
            [found.as_deref(), Some(bare.as_str())].into_iter().flatten().any(|c| MULTILINGUAL.contains(&c));
        // (MTEB's model-index names every data set's part so: "MTEB Tatoeba (afr-eng)", "(am)".)
        let mteb =
            bare.starts_with("mteb ") && q != "default" && q.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
        mteb || is_language_qualifier(q)
            || super::axis_words::names_language_part(&clean(q), multilingual, found.is_some())
    });
    match found.filter(|_| !language) {
        Some(canonical) => Benchmark { canonical, is_known: true, shots, qualifier },
        None => {
            // Unknown names keep their words, without the metric in parentheses or a trailing
            // "Avg" ("C-Eval Hard Avg" is C-Eval Hard's figure); a language in parentheses is a
            // part ("MultiPL HumanEval (Java)" is not its Python part).
            // (Of several parentheses, the language's alone: "MMMLU (ES) (reasoning)" is `mmmlu_es`.)
            let name =
                match qualifier.as_deref().filter(|_| language && !bare.is_empty() && rest.matches('(').count() > 1) {
                    Some(language) => format!("{bare} {}", clean(language)),
                    None if bare.is_empty() || language => cleaned,
                    None => bare,
                };
            super::unknown_names::unknown_benchmark(name, shots, qualifier)
        }
    }
}

/// The benchmark a name gives in parentheses after a category it belongs to ("Science
/// (GPQA-Diamond)"), when the name is only those: the category one word of a capability table's
/// axis (or "Math"), the parenthesis a known benchmark.
fn category_then_benchmark(name: &str) -> Option<Benchmark> {
    let (outside, inside) = name.trim().strip_suffix(')')?.split_once('(')?;
    let outside = clean(outside);
    let category =
        matches!(outside.as_str(), "math" | "maths") || super::axis_words::CATEGORY.contains(&outside.as_str());
    if !category || inside.contains(['(', ')']) {
        return None;
    }
    let named = resolve(inside);
    (named.is_known && named.canonical != "card_average").then_some(named)
}

/// Whether a name's parenthesis (its qualifier) is a language ("(Java)", "(German)"; not English, the default).
fn is_language_qualifier(qualifier: &str) -> bool {
    use super::axis_words::{CODE_LANGUAGES, CODE_LETTERS};
    let code = |w: &str| CODE_LANGUAGES.contains(&w) || CODE_LETTERS.contains(&w);
    let q = clean(qualifier);
    !q.is_empty() && q.split(' ').all(|w| code(w) || (w != "english" && super::benchmark_shape::is_language(w)))
}

/// The text inside parentheses, trimmed ("Pass@1" in "HumanEval (Pass@1)").
fn parenthesised(text: &str) -> Option<String> {
    let start = text.find('(')?;
    let end = text[start..].find(')').map(|e| start + e)?;
    let inner = text[start + 1..end].trim().trim_matches(',').trim();
    // (Or a dated version or window: "xbench-DeepSearch (2025.05)" beside "(2025.10)",
    // "LiveCodeBench (2408-2505)"; not a count such as "(15)".)
    let dated = inner.chars().filter(char::is_ascii_digit).count() >= 4
        && inner.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ' ' | '–'));
    (dated || inner.chars().any(char::is_alphabetic)).then(|| inner.to_owned())
}

/// The metric after a task's slash ("acc_norm" in "hellaswag/acc_norm"): metric words only.
fn slash_metric(raw: &str) -> Option<String> {
    // (Most names have no slash: nothing is cleaned for them.)
    let text = raw.contains('/').then(|| strip_markup(raw))?;
    let (_, tail) = text.trim().rsplit_once('/')?;
    let words: Vec<String> = clean(tail).split(' ').map(str::to_owned).collect();
    let metric = |w: &String| super::axis_words::METRIC.contains(&w.as_str()) || matches!(w.as_str(), "mc1" | "mc2");
    (!tail.trim().is_empty() && words.iter().all(metric)).then(|| tail.trim().to_owned())
}

fn remove_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|c| match c {
            '(' => {
                depth += 1;
                false
            }
            ')' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// Shots stated in a free-text cell ("5-shot, top-1", "0-shot", "25-Shot").
pub fn shots_in(text: &str) -> Option<i32> {
    take_shots(text).1
}

/// Removes markdown links (keeping their text), emphasis and HTML tags.
pub fn strip_markup(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // "[1]": a footnote mark, not a link text.
            '[' if footnote_mark(chars.clone()) => {
                chars.by_ref().take_while(|c| *c != ']').for_each(drop);
            }
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            // "[BBQ Ambig][bbq]": a reference link's label is no part of its text.
            ']' if chars.peek() == Some(&'[') => {
                chars.by_ref().take_while(|c| *c != ']').for_each(drop);
            }
            ']' => {}
            '<' => {
                let tag: String = chars.by_ref().take_while(|c| *c != '>').collect();
                // "MMMU<sub>val</sub>": a subscript is a word of its own ("MMMU val").
                if tag.eq_ignore_ascii_case("sub") && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            // ("Retrieval (15)†": a footnote's dagger is no part of a name.)
            '*' | '`' | '†' | '‡' => {}
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// After a "[": digits, then "]" not followed by "(" (a link).
fn footnote_mark(mut rest: impl Iterator<Item = char>) -> bool {
    let mut digits = 0;
    loop {
        match rest.next() {
            Some(c) if c.is_ascii_digit() => digits += 1,
            Some(']') => return digits > 0 && rest.next() != Some('('),
            _ => return false,
        }
    }
}

/// A lighteval task name, `suite:task:shots` ("community:german_rag_eval:choose_context:0",
/// "leaderboard:mmlu:5"): the task, and the shots its last part gives. Other names unchanged.
fn lighteval_task(raw: &str) -> (&str, Option<i32>) {
    let parts: Vec<&str> = raw.trim().split(':').collect();
    match parts.as_slice() {
        [_suite, task @ .., shots]
            if !task.is_empty() && !shots.is_empty() && shots.chars().all(|c| c.is_ascii_digit()) =>
        {
            let start = raw.find(task[0]).unwrap_or(0);
            let end = raw.rfind(':').unwrap_or(raw.len());
            (&raw[start..end], shots.parse().ok())
        }
        _ => (raw, None),
    }
}

pub(crate) fn take_shots(text: &str) -> (String, Option<i32>) {
    let lower = text.to_ascii_lowercase();
    // Counts written as words ("Zero-shot", "one shot").
    for (word, n) in [("zero-shot", 0), ("zero shot", 0), ("one-shot", 1), ("one shot", 1)] {
        if let Some(pos) = lower.find(word) {
            return (format!("{} {}", &text[..pos], &text[pos + word.len()..]), Some(n));
        }
    }
    for marker in ["-shot", " shot", "-shots", " shots", "shot"] {
        if let Some(pos) = lower.find(marker) {
            let digits: String =
                lower[..pos].chars().rev().skip_while(|c| *c == ' ').take_while(char::is_ascii_digit).collect();
            if digits.is_empty() {
                continue;
            }
            let n: String = digits.chars().rev().collect();
            let before_digits = &lower[..pos - digits.len()].trim_end();
            // "3-5 shot" is a range: no single count.
            let is_range = before_digits.ends_with('-')
                && before_digits[..before_digits.len() - 1].ends_with(|c: char| c.is_ascii_digit());
            let start = pos - lower[..pos].chars().rev().take_while(|c| c.is_ascii_digit() || *c == ' ').count();
            // ("25shots": the plural glued on.)
            let plural = marker.ends_with("shot") && lower[pos + marker.len()..].starts_with('s');
            let end = pos + marker.len() + usize::from(plural);
            let rest = format!("{} {}", &text[..start], &text[end.min(text.len())..]);
            return (rest, if is_range { None } else { n.parse().ok() });
        }
    }
    (text.to_owned(), None)
}

/// Lower-case, punctuation to spaces, single spaces ("ARC-c" → "arc c", "pass@1" → "pass 1").
pub fn clean(raw: &str) -> String {
    // "τ²-Bench" and "τ2-Bench" are one name.
    let digit = |c: char| match c {
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        _ => c,
    };
    // ("C#" and "F#" are languages of their own, not C's and F's parts.)
    let lower = raw.to_lowercase();
    let lower = if lower.contains('#') { lower.replace("c#", "csharp").replace("f#", "fsharp") } else { lower };
    let mapped: String =
        lower.chars().map(digit).map(|c| if c.is_alphanumeric() || c == '+' { c } else { ' ' }).collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_of_wins_is_no_benchmark() {
        assert!(!may_be_benchmark("Wins"));
        assert!(!may_be_benchmark("Wins / Ties / Losses"));
        assert!(may_be_benchmark("WinoGrande") && may_be_benchmark("Arena-Hard"));
    }

    #[test]
    fn a_hardware_set_up_is_no_benchmark_and_a_spaced_plus_is_evalplus() {
        assert!(!may_be_benchmark("16 x 80G (GBS=256)"));
        assert!(!may_be_benchmark("8x 40GB"));
        assert!(!may_be_benchmark("Pile-test (BPB)") && !may_be_benchmark("QPS") && !may_be_benchmark("TPS"));
        assert!(!may_be_benchmark("Average Accuracy/GFLOPSs per token (Inference)") && !may_be_benchmark("TFLOPs"));
        assert!(may_be_benchmark("BBH (EM)"));
        let flattened = "English Understanding Model mmlu (0-shot) GPT-4 83 SUS-Chat-34B 74.35 Qwen-72b-Chat 74.52";
        assert!(!may_be_benchmark(flattened), "a table flattened into a header cell");
        assert!(may_be_benchmark("AlpacaEval 2.0 (LC win rate vs GPT-4 Turbo)"));
        // A classifier's metrics (Llama Guard's tables), and what is lower-is-better by its arrow.
        assert!(!may_be_benchmark("AUPRC") && !may_be_benchmark("False Positive Rate") && !may_be_benchmark("FPR"));
        assert!(!may_be_benchmark("Toxicity ↓") && may_be_benchmark("Toxicity"));
        assert!(!may_be_benchmark("WER") && !may_be_benchmark("Short-Form CER"), "error rates");
        assert!(!may_be_benchmark("RewardBench: Rank") && may_be_benchmark("RewardBench"), "a place in an order");
        // An average similarity to reference answers is an overall figure (of ToolSandbox, its heading says).
        assert_eq!(resolve("Average similarity score").canonical, "card_average");
        // A count of something ("#Summary vectors", "Number of experts") is a setting of the model.
        assert!(!may_be_benchmark("#Summary vectors") && !may_be_benchmark("Number of experts"));
        // How much input a run had, and ROUGE written short: settings and metrics of a benchmark
        // named elsewhere ("Accuracy over MQA", "Rouge Score over BookSum").
        for setting in ["20 docs (Avg 2.9K tokens)", "5 passages", "R1", "RL", "R2"] {
            assert!(!may_be_benchmark(setting), "{setting}");
        }
        assert!(may_be_benchmark("DocVQA") && may_be_benchmark("Needle in a Haystack"));
        assert_eq!(resolve("IFEval - EN").canonical, "ifeval");
        assert_eq!(resolve("MGSM en").canonical, "mgsm_en", "a multilingual benchmark's English part");
        assert_ne!(resolve("MGSM English").canonical, "mgsm");
        // A language's turn or average, an average over languages or a region: parts.
        for part in ["id turn1", "th avg", "avg_sea", "Avg SEA", "TH", "ms"] {
            assert!(!may_be_benchmark(part), "{part}");
        }
        assert!(may_be_benchmark("Average MMLU") && may_be_benchmark("MT-Bench turn1"));
        // An overall figure alone names no benchmark; an average over benchmarks is the card's own.
        assert!(
            !may_be_benchmark("Overall Acc.") && !may_be_benchmark("Total Score") && !may_be_benchmark("raw score")
        );
        assert_eq!(resolve("Average Score on 11 Academic Benchmarks").canonical, "card_average");
        for metric in
            ["NDCG@10", "MRR@10", "P@1", "ROUGE-2", "ROUGE-L", "Top-1", "Recall@10", "Spearman", "Pearson correlation"]
        {
            assert!(!may_be_benchmark(metric), "{metric}");
        }
        // Settings and speeds (audit of session 32), and metrics where lower is better.
        for setting in [
            "SeqLen",
            "Resolution",
            "Num_frames",
            "# Training Frames",
            "fmax",
            "Mel band",
            "Upsampling Ratio",
            "Test Sample per Second",
            "Frechet Audio Distance",
            "KLD",
        ] {
            assert!(!may_be_benchmark(setting), "{setting}");
        }
        assert!(may_be_benchmark("STS-B (Spearman)") && may_be_benchmark("Video-MME"));
        assert!(may_be_benchmark("FRAMES") && may_be_benchmark("MTBench Second Turn"));
        assert_eq!(resolve("H4 (Avg)").canonical, "card_average");
        assert!(may_be_benchmark("GSM8K") && may_be_benchmark("Ko-ARC"));
        assert!(
            !may_be_benchmark("En") && !may_be_benchmark("ZH") && may_be_benchmark("HumanEval-ZH"),
            "a language's code"
        );
        // A language's part of what the parenthesis names (which may be a translation of it).
        assert_eq!(resolve("LC AlpacaEval").canonical, "alpaca_eval");
        assert!(!may_be_benchmark("zh (ceval)") && !may_be_benchmark("German (MMLU)"));
        assert!(may_be_benchmark("HumanEval (Python)") && may_be_benchmark("MT-Bench (German)"));
        assert_eq!(resolve("MBPP +").canonical, "mbpp_plus");
        assert_eq!(resolve("HumanEval +").canonical, "humaneval_plus");
        // "HumanEval (+)" heads cells like "76.2 (72.0)": HumanEval, then HumanEval+ in parentheses.
        assert_eq!(resolve("HumanEval (+)").canonical, "humaneval");
        assert_eq!(resolve("**MBPP (+)**").canonical, "mbpp");
    }

    #[test]
    fn a_count_of_items_after_a_name_is_no_part_of_it() {
        assert_eq!(resolve("MMLU, 5-shot, 14,042 questions").canonical, "mmlu");
        assert_eq!(resolve("GSM8K, zero-shot, 1,319 problems").canonical, "gsm8k");
        assert!(!resolve("Questions").is_known);
    }

    #[test]
    fn shots_glued_to_the_name() {
        for (written, id, shots) in
            [("ARC-Challenge-25shots", "arc_challenge", 25), ("MMLU-5shots", "mmlu", 5), ("GSM8k-5shot", "gsm8k", 5)]
        {
            let b = resolve(written);
            assert_eq!((b.canonical.as_str(), b.shots), (id, Some(shots)), "{written}");
        }
    }

    #[test]
    fn a_part_led_by_another_spelling_of_a_benchmark_is_named_by_its_id() {
        for (written, id) in [
            ("MTBench coding", "mt_bench_coding"),
            ("MT-Bench coding", "mt_bench_coding"),
            ("C-Eval Hard", "ceval_hard"),
            ("CEval Hard", "ceval_hard"),
            ("AGI-Eval SAT Math", "agieval_sat_math"),
            ("bigbench_navigate", "big_bench_navigate"),
            ("MT-Bench writing", "mt_bench_writing"),
            // Abbreviations and a card's average lend no name.
            ("ARC-AGI", "arc_agi"),
            ("GSM-Plus", "gsm_plus"),
            ("Average STEM", "average_stem"),
        ] {
            assert_eq!(resolve(written).canonical, id, "{written}");
        }
    }

    #[test]
    fn a_category_before_a_benchmark_in_parentheses_is_no_part_of_its_name() {
        // A known benchmark in the parentheses names the column; a metric, a setting or an unknown
        // name there leaves the name outside.
        for (written, id, shots) in [
            ("Math (AIME 2024)", "aime_2024", None),
            ("Coding (LiveCodeBench)", "livecodebench", None),
            ("Science (GPQA-Diamond)", "gpqa_diamond", None),
            ("Knowledge (MMLU)", "mmlu", None),
            ("**Reasoning (BBH, 3-shot)**", "bbh", Some(3)),
            ("Math (EM)", "math", None),
            ("MATH (4-shot)", "math", Some(4)),
            ("MATH (Minerva)", "math", None),
        ] {
            let b = resolve(written);
            assert_eq!((b.canonical.as_str(), b.shots), (id, shots), "{written}");
        }
    }

    #[test]
    fn a_rate_named_in_full_is_a_score_and_a_settings_or_a_metrics_rate_is_not() {
        assert!(may_be_benchmark("Executable Rate of Generated Code (%) Math↑"));
        for header in
            ["Learning Rate", "learning_rate", "Sampling Rate", "Frame rate (fps)", "Hit Rate (LlamaIndex RAG)"]
        {
            assert!(!may_be_benchmark(header), "{header}");
        }
        assert!(!may_be_benchmark("Win Rate") && !may_be_benchmark("Pass Rate") && !may_be_benchmark("Rate"));
        // A comparison's other outcomes, a judge's agreement with people (Auto-J's tables).
        for outcome in ["Tie", "Lose", "Agreement", "Consistency"] {
            assert!(!may_be_benchmark(outcome), "{outcome}");
        }
        assert!(!may_be_benchmark("Win Rate vs GPT-4") && !may_be_benchmark("Success rate against the baseline"));
    }

    #[test]
    fn sizes_compute_and_error_metrics_are_no_benchmarks_and_a_footnote_number_is_dropped() {
        for header in ["param_count", "gmacs", "macts", "GFLOPs", "layer number", "KorFiQA-SA (MSE)", "RMSE"] {
            assert!(!may_be_benchmark(header), "{header}");
        }
        assert!(may_be_benchmark("top1") && may_be_benchmark("Object Counting"));
        assert!(!may_be_benchmark("Shots") && !may_be_benchmark("Speedup") && !may_be_benchmark("Dimensions"));
        assert!(!may_be_benchmark("BS (seq)") && may_be_benchmark("BBH"));
        assert!(!may_be_benchmark("zero-shot") && is_setting_only("Zero-shot"));
        assert_eq!(resolve("Zero-shot MMLU").shots, Some(0));
        let c_eval = resolve("C-Eval (0-shot)1");
        assert_eq!((c_eval.canonical.as_str(), c_eval.shots), ("ceval", Some(0)));
        assert_eq!(resolve("MMLU (5-shot)").canonical, "mmlu");
    }

    #[test]
    fn math_beside_gsm8k_and_other_benchmarks_is_the_math_benchmark() {
        let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        assert!(math_is_benchmark(&labels(&["GSM8K", "Math", "BBH", "MMLU", "**Avg.**"])), "FastEval's table");
        // Llama 2's categories: "Math" averages GSM8K and MATH there.
        assert!(!math_is_benchmark(&labels(&["Code", "Commonsense Reasoning", "Math", "MMLU", "BBH"])));
        assert!(!math_is_benchmark(&labels(&["Math", "MMLU", "BBH"])), "no GSM8K apart from it");
        assert!(!math_is_benchmark(&labels(&["GSM8K", "Math"])), "too few to tell");
    }

    #[test]
    fn mtebs_task_types_with_their_data_set_counts_are_categories() {
        // bge's MTEB table: "Retrieval (15)", "Pair Classification (3)", "STS (10)" average task types.
        for name in ["Retrieval (15)", "Pair Classification (3)", "STS (10)", "PairClassification", "Bitext Mining"] {
            assert!(is_category_name(name), "{name}");
        }
        assert!(!is_category_name("STS-B") && !is_category_name("MMLU (5)"), "a benchmark, shots or count aside");
        assert!(!may_be_benchmark("Summ. (1)"), "an abbreviated task type with its count");
    }

    #[test]
    fn a_kind_of_writing_is_a_category() {
        // `| Model | Overall Score | Persian | English | Math | Creative |`: no benchmark among them.
        assert!(is_category_name("Creative") && is_category_name("Creative Writing"));
        assert!(!may_be_benchmark("Creative") && !may_be_benchmark("Creativity"));
    }

    #[test]
    fn a_multilingual_benchmarks_language_code_names_its_part() {
        assert_eq!(resolve("XWinograd (fr)").canonical, "xwinograd_fr");
        assert_eq!(resolve("XNLI (ar)").canonical, "xnli_ar");
        assert_eq!(resolve("XWinograd (jp)").canonical, "xwinograd_jp");
        assert_eq!(resolve("XNLI").canonical, "xnli");
        assert_eq!(resolve("IFEval (en)").canonical, "ifeval", "a one-language benchmark's own language");
        assert_eq!(resolve("MMMLU (ES) (reasoning)").canonical, "mmmlu_es", "the language alone names the part");
        assert_eq!(resolve("MTEB AmazonReviewsClassification (de)").canonical, "mteb_amazonreviewsclassification_de");
        assert_eq!(resolve("Latency (ms)").canonical, "latency", "a unit, not Malay");
        // multilingual-e5's model-index: MTEB's language pairs; bloomz's XCOPA in Haitian and Quechua.
        assert_eq!(resolve("MTEB BUCC (de-en)").canonical, "mteb_bucc_de_en");
        assert_eq!(resolve("MTEB Tatoeba (afr-eng)").canonical, "mteb_tatoeba_afr_eng");
        assert_eq!(resolve("MTEB MassiveIntentClassification (am)").canonical, "mteb_massiveintentclassification_am");
        assert_eq!(resolve("MTEB STS22 (es-it)").canonical, "mteb_sts22_es_it");
        assert_eq!(resolve("XCOPA (ht)").canonical, "xcopa_ht");
        assert_eq!(resolve("XCOPA (qu)").canonical, "xcopa_qu");
        for not_a_language in ["MGSM (EM)", "MGSM (avg)", "XNLI (all)", "MGSM (CoT)", "MMMLU (dev)", "Belebele (acc)"] {
            assert_eq!(
                resolve(not_a_language).canonical,
                clean(&remove_parentheses(not_a_language)),
                "{not_a_language}"
            );
        }
        assert_eq!(resolve("MMLU (5-shot, acc)").canonical, "mmlu");
    }

    #[test]
    fn a_programming_language_in_parentheses_names_a_code_benchmarks_part() {
        // Refact's model-index: MultiPL-HumanEval in eighteen languages, seven of which had all
        // been published as `multipl_humaneval`.
        for (raw, id) in [
            ("MultiPL-HumanEval (C#)", "multipl_humaneval_csharp"),
            ("MultiPL-HumanEval (C++)", "multipl_humaneval_c++"),
            ("MultiPL-HumanEval (D)", "multipl_humaneval_d"),
            ("MultiPL-HumanEval (R)", "multipl_humaneval_r"),
            ("MultiPL-HumanEval (Julia)", "multipl_humaneval_julia"),
            ("MultiPL-HumanEval (Racket)", "multipl_humaneval_racket"),
            ("HumanEval (C)", "humaneval_c"),
        ] {
            assert_eq!(resolve(raw).canonical, id, "{raw}");
        }
        assert!(!may_be_benchmark("C#") && may_be_benchmark("D4RL"), "a language column, not a benchmark");
    }

    #[test]
    fn a_dated_version_in_parentheses_is_the_qualifier() {
        let b = resolve("xbench-DeepSearch (2025.05)");
        assert_eq!((b.canonical.as_str(), b.qualifier.as_deref()), ("xbench_deepsearch", Some("2025.05")));
        assert_eq!(resolve("LiveCodeBench (2408-2505)").qualifier.as_deref(), Some("2408-2505"));
        assert_eq!(resolve("Retrieval (15)").qualifier, None, "a count");
    }

    #[test]
    fn a_metric_after_a_slash_is_the_rows_metric() {
        let b = resolve("hellaswag/acc_norm");
        assert_eq!((b.canonical.as_str(), b.qualifier.as_deref()), ("hellaswag", Some("acc_norm")));
        assert_eq!(resolve("arc_challenge/acc").qualifier.as_deref(), Some("acc"));
        assert_eq!(resolve("truthfulqa_mc/mc2").qualifier.as_deref(), Some("mc2"));
        assert_eq!(resolve("MMLU (5-shot)").qualifier, None);
        assert_eq!(resolve("Input/Output").qualifier, None, "no metric after the slash");
    }

    #[test]
    fn abbreviated_categories_and_a_metrics_average_name_no_benchmark() {
        assert!(!may_be_benchmark("Math.") && !may_be_benchmark("Logi.") && !may_be_benchmark("**Role.**"));
        assert!(may_be_benchmark("Avg.") && may_be_benchmark("MATH") && may_be_benchmark("C-Eval"));
        assert!(!may_be_benchmark("Acc avg") && !may_be_benchmark("Score avg"));
        assert_eq!(resolve("Avg. Acc.").canonical, "card_average", "an average with its metric stays the card's");
        assert_eq!(resolve("Total Average").canonical, "card_average");
        // An average over the card's tasks, however few words say so; a benchmark's own stays its.
        assert_eq!(resolve("Core tasks average").canonical, "card_average");
        assert_eq!(resolve("Full average").canonical, "card_average");
        assert_eq!(resolve("C-Eval Hard Avg").canonical, "ceval_hard");
        // A category's average is the category: no benchmark (MMLU's "STEM average", "other average").
        assert!(is_category_name("stem average") && is_category_name("Other Avg."));
        assert!(is_category_name("social science average") && !is_category_name("MMLU average"));
        // ("Avg (Hard)" under a C-Eval heading stays that benchmark's hard average.)
        assert!(!is_category_name("Avg(Hard)") && is_category_name("hard") && is_category_name("Extra"));
        assert_eq!(resolve("Downstream Average").canonical, "card_average");
        for average in ["Avg MRR@10", "AVG NDCG@10", "Average Performance", "Mean S+W", "Avg. Performance (NDCG@10)"] {
            assert_eq!(resolve(average).canonical, "card_average", "{average}");
        }
        assert_ne!(resolve("Average Recall").canonical, "card_average", "a metric");
        // Found by a scan of every benchmark id the corpus run published: a task type with its count
        // in words, NER entity types, SQL-Eval's query kinds.
        assert!(is_category_name("Classification (12 datasets)") && is_category_name("STS (10 datasets)"));
        assert!(is_category_name("Summarization (1 dataset)") && is_category_name("CLUSTERING (11 DATASETS)"));
        assert!(is_category_name("Retrieval (15)†"), "a footnote's dagger after the count");
        assert!(["PER (%)", "MISC", "group_by", "order_by", "where", "join", "ratio"]
            .iter()
            .all(|n| is_category_name(n)));
        assert!(is_category_name("Pair Class. (3)") && is_category_name("Pair_CLS"));
        assert_eq!(resolve("Open LLM Leaderboard Avg").canonical, "card_average");
        assert!(may_be_benchmark("Average"), "the card's own average");
        assert!(!may_be_benchmark("standard_error") && !may_be_benchmark("95% CI"));
        assert!(!may_be_benchmark("Winrate") && !may_be_benchmark("Win Rate") && is_metric_only("Win rate"));
        assert!(!may_be_benchmark("Test logloss (lower is better)") && !may_be_benchmark("Error (lower is better)"));
        assert!(!may_be_benchmark("单文档QA") && is_part_name("单文档QA") && is_part_name("摘要"));
        // A Latin name and its part or question type after it: "NJE 单选" (single choice), "MLEC-QA 临床".
        assert!(
            may_be_benchmark("NJE 单选") && may_be_benchmark("MLEC-QA 临床") && !may_be_benchmark("考研306西医综合")
        );
        // … with its unit after it, the same.
        assert!(
            may_be_benchmark("NJE 单选 (%)") && may_be_benchmark("MLEC-QA 临床 %") && !is_part_name("NJE 单选 (%)")
        );
        assert!(!may_be_benchmark("单文档QA (%)"));
        assert!(!may_be_benchmark("LogicKor 성능표") && !may_be_benchmark("LogicKor 评测结果"), "words about a table");
        assert!(!may_be_benchmark("Valid (0-shot)") && is_setting_only("Test (5-shot)"));
        assert_eq!(split_of("Valid (0-shot)").as_deref(), Some("valid"));
        assert_eq!(resolve("HUMANEVAL@1").canonical, "humaneval");
        assert_eq!(resolve("MBPP@1").canonical, "mbpp");
        assert_ne!(resolve("HumanEval@8").canonical, "humaneval", "another metric");
    }

    #[test]
    fn open_llm_leaderboard_bot_names() {
        for (raw, canonical, shots) in [
            ("AI2 Reasoning Challenge (25-Shot)", "arc_challenge", Some(25)),
            ("HellaSwag (10-Shot)", "hellaswag", Some(10)),
            ("MMLU (5-Shot)", "mmlu", Some(5)),
            ("TruthfulQA (0-shot)", "truthfulqa", Some(0)),
            ("Winogrande (5-shot)", "winogrande", Some(5)),
            ("GSM8k (5-shot)", "gsm8k", Some(5)),
            ("MMLU 5-shot", "mmlu", Some(5)),
            ("hendrycksTest", "mmlu", None),
            ("MT-Bench", "mt_bench", None),
            ("Truthful Q&A", "truthfulqa", None),
            ("HellaS", "hellaswag", None),
            ("WinoG", "winogrande", None),
            ("truthfulqa_mc/mc2", "truthfulqa", None),
            ("truthfulqa_mc/mc1", "truthfulqa_mc_mc1", None),
            // lm-eval's lambada_openai, misspelt as Deci's cards do.
            ("LAMBDA OpenAI", "lambada", None),
            ("AlpacaEval (winrate %) v.s. Text-Davinci-003", "alpaca_eval", None),
            ("AlpacaEval (winrate %) v.s. GPT-4", "alpaca_eval_v_s_gpt_4", None),
        ] {
            let b = resolve(raw);
            assert_eq!((b.canonical.as_str(), b.shots), (canonical, shots), "{raw}");
        }
    }

    #[test]
    fn spellings_of_one_recent_benchmark_are_one_id_and_a_version_is_another() {
        for (a, b) in [
            ("AIME25", "AIME 2025"),
            ("AIME24 (avg@10)", "AIME 2024"),
            ("HLE", "Humanity's Last Exam"),
            ("τ²-Bench", "tau2-bench"),
            ("TerminalBench", "Terminal-Bench"),
            ("C-SimpleQA", "Chinese SimpleQA"),
            ("VideoMME", "Video-MME"),
            ("MATH-Vision", "MathVision"),
            ("Terminal-Bench 2.0", "Terminal Bench 2"),
            ("HMMT Feb. 2025", "HMMT25"),
            ("MMVet", "MM-Vet"),
            ("ArenaHard", "Arena-Hard-Auto"),
            ("miniF2F-test", "MiniF2F-Test"),
            ("MATH500", "MATH-500"),
            ("LCB", "LiveCodeBench"),
            ("AIME2024", "AIME 2024"),
            ("tau-2 bench", "τ²-Bench"),
            ("Live Code Bench", "LiveCodeBench"),
            ("Wild Bench", "WildBench"),
        ] {
            assert_eq!(resolve(a).canonical, resolve(b).canonical, "{a} / {b}");
            assert!(resolve(a).is_known && resolve(b).is_known, "{a} / {b}");
        }
        assert_ne!(resolve("BFCL-v3").canonical, resolve("BFCL").canonical);
        // (Letters spaced from letters are another name: M-MMLU is not MMMLU.)
        assert_ne!(resolve("M-MMLU").canonical, resolve("MMMLU").canonical);
        assert_ne!(resolve("MultiplE").canonical, resolve("MultiPL-E").canonical);
        assert_eq!(resolve("Berkeley Function Calling Leaderboard").canonical, "bfcl");
        assert_ne!(resolve("LiveCodeBench v6").canonical, resolve("LiveCodeBench").canonical);
        assert_ne!(resolve("SWE-bench Verified").canonical, resolve("SWE-bench").canonical);
        assert_ne!(resolve("Terminal-Bench 2.0").canonical, resolve("Terminal-Bench").canonical);
        // With or without subtitles: two sets, however the "without" is written.
        assert_eq!(resolve("Video-MME (wo subs)").canonical, resolve("Video-MME w/o subs").canonical);
        assert_ne!(resolve("Video-MME (wo subs)").canonical, resolve("Video-MME (w subs)").canonical);
    }

    #[test]
    fn another_language_is_another_benchmark_and_english_is_the_benchmark() {
        assert_eq!(resolve("MT-Bench (German)").canonical, "mt_bench_german");
        assert!(!resolve("MT-Bench (German)").is_known);
        assert_eq!(resolve("MT-Bench (English)").canonical, "mt_bench");
        assert_eq!(resolve("MT-Bench English first turn").canonical, "mt_bench_first_turn");
        assert_eq!(resolve("MT-Bench German first turn").canonical, "mt_bench_german_first_turn");
        assert_ne!(resolve("MGSM English cot").canonical, resolve("MGSM cot").canonical, "a multilingual one's part");
        // A language's code after a known benchmark is its translation, unless the code is English's.
        assert_eq!(resolve("MMLU (zh)").canonical, "mmlu_zh");
        assert!(!resolve("MMLU (zh)").is_known);
        assert_eq!(resolve("MATH500 (ES)").canonical, resolve("MATH-500 (ES)").canonical);
        assert_ne!(resolve("MATH500 (ES)").canonical, "math_500");
        assert_eq!(resolve("MMLU (EN)").canonical, "mmlu");
        assert_eq!(resolve("BBH (EM)").canonical, "bbh", "a metric's letters are no language");
    }

    #[test]
    fn a_subset_in_parentheses_is_another_set() {
        let diamond = resolve("GPQA (Diamond, 0-shot)");
        assert_eq!((diamond.canonical.as_str(), diamond.is_known, diamond.shots), ("gpqa_diamond", true, Some(0)));
        assert_eq!(resolve("GPQA (0-shot, CoT)").canonical, "gpqa", "a setting is not a subset");
        assert_eq!(resolve("BBH (EM)").canonical, "bbh");
        assert_eq!(resolve("MiniF2F-Test(Pass@8)").canonical, "minif2f_test_pass_8");
        assert_eq!(resolve("HumanEval (Pass@1)").canonical, "humaneval");
        assert!(!resolve("MGSM (+D)").is_known && resolve("MGSM (+D)").canonical != "mgsm");
        assert_eq!(resolve("AIME24 pass@1").canonical, "aime_2024");
        assert_eq!(resolve("hellaswag_it acc_norm").canonical, "hellaswag_it", "lm-eval's metric names");
        assert_eq!(resolve("m_mmlu_it 5-shot acc").canonical, "m_mmlu_it");
        assert_eq!(resolve("AlpacaEval2").canonical, "alpaca_eval");
        assert_ne!(resolve("BrowseComp (w/ Context Manager)").canonical, resolve("BrowseComp").canonical);
        assert_ne!(resolve("HLE (w/o tools)").canonical, resolve("HLE").canonical);
        assert_eq!(resolve("GSM8K (no CoT)").canonical, "gsm8k");
        assert_eq!(resolve("GSM CoT").canonical, "gsm8k", "Tulu's table shortens GSM8K");
        assert_eq!(resolve("τ²-Bench (Airline)").canonical, resolve("τ2-Bench").canonical);
        assert_eq!(resolve("KoMT-Bench^1").canonical, "komt_bench");
    }

    #[test]
    fn the_prompting_after_a_name_is_no_part_of_it() {
        // Tulu's table: "GSM Direct" beside "GSM CoT", "BBH Direct" beside "BBH CoT".
        for (written, id) in [("GSM Direct", "gsm8k"), ("BBH Direct", "bbh"), ("MATH CoT", "math")] {
            assert_eq!(resolve(written).canonical, id, "{written}");
            assert!(prompt_of(written).is_some(), "{written}: the prompting is kept");
        }
        // Only after a known name: an unknown one keeps every word.
        assert_eq!(resolve("TydiQA Direct").canonical, "tydiqa_direct");
        assert_eq!(resolve("AlpacaEval LC. Win Rate").canonical, "alpaca_eval", "a known name, then a metric");
        assert_eq!(resolve("HumanEval pass@10").canonical, "humaneval_pass_10", "another metric than pass@1");
        assert_ne!(resolve("Average Precision").canonical, "card_average", "a metric");
        for written in ["AlpacaEval 2.0", "AlpacaEval2.0 (LC-winrate)", "AlpacaEval 2.0 (LC WinRate)"] {
            assert_eq!(resolve(written).canonical, "alpaca_eval", "{written}: one benchmark, one id");
        }
    }

    #[test]
    fn footnotes_language_and_average_suffixes() {
        assert_eq!(resolve("KoMT-Bench[1]").canonical, resolve("KoMT-Bench").canonical);
        // (A mark ending a word before its note, as after the name.)
        assert_eq!(resolve("Average¹ (%)").canonical, resolve("Average¹").canonical);
        assert_eq!(resolve("MMLU* (5-shot)").canonical, "mmlu");
        assert_eq!(resolve("HUMANEVAL@1 (%)").canonical, "humaneval", "a unit after pass@1's shorthand");
        assert_eq!(resolve("τ²-Bench").canonical, resolve("τ2-Bench").canonical, "a superscript inside a name stays");
        assert_eq!(strip_markup("KoMT-Bench[1]"), "KoMT-Bench");
        assert_eq!(strip_markup("MMMU<sub>val</sub>"), "MMMU val");
        assert_eq!(strip_markup("<b>MMLU</b>"), "MMLU");
        assert_eq!(strip_markup("[MMLU](https://x) [5]"), "MMLU");
        assert_eq!(strip_markup("[2](https://x)"), "2", "a link's text stays");
        assert_eq!(strip_markup("[BBQ Ambig][bbq]"), "BBQ Ambig", "a reference link's label goes");
        assert_eq!(resolve("MMLU*").canonical, "mmlu");
        assert_eq!(resolve("IFEval - EN").canonical, "ifeval");
        assert_eq!(resolve("MT-Bench EN").canonical, "mt_bench");
        assert_eq!(resolve("C-Eval Avg (Test Set)").canonical, "ceval");
        assert_eq!(resolve("C-Eval Hard Avg (Test Set)").canonical, "ceval_hard", "no benchmark of its own");
        assert_eq!(resolve("Human Eval Plus").canonical, "humaneval_plus");
        assert_eq!(resolve("MBPP Base").canonical, "mbpp");
        for (task, canonical, shots) in [
            ("mmlu_pro_5shot_cot_instruct", "mmlu_pro", Some(5)),
            ("gpqa_main_cot_5shot_instruct", "gpqa", Some(5)),
            ("humaneval_instruct_pass@1", "humaneval", None),
            ("math_instruct", "math", None),
            ("mtbench_dev", "mt_bench", None),
        ] {
            let b = resolve(task);
            assert_eq!((b.canonical.as_str(), b.shots), (canonical, shots), "{task}");
        }
    }
}
