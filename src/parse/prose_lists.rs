//! Scores a sentence gives in order, "respectively": values paired with the benchmarks named after
//! them ("Foo-7B achieves 44.9%, 38.4% and 40.8% on MMLU, GSM8K and MATH, respectively"), or with
//! the sizes of a slashed name ("Qwen2.5-Math-1.5B/7B/72B-Instruct achieve 79.7, 85.3, and 87.8
//! respectively on the MATH benchmark"). Read only when both lists have the same length (two or
//! more), every benchmark is one the alias table knows, no word of comparison comes before the
//! values, and the list of values follows a verb of scoring.

use super::benchmarks::resolve;
use super::card_scores::CardScore;
use super::model_names::label_match;
use super::params::parse_size;
use super::prose_scores::{benchmark_after, sentence_score, BETWEEN, COMPARING, SCORE_VERBS};

/// Verbs of scoring beyond [`SCORE_VERBS`]: for a subject of several models ("achieve"), and "obtain".
const MORE_VERBS: &[&str] = &["achieve", "score", "reach", "attain", "attained", "obtains", "obtained", "obtain"];

/// The scores of a "respectively" sentence about the model: `subject` says the sentence's subject
/// is the model (its name or "It" opens it); a slashed name of sizes is looked at either way.
pub(super) fn respectively(sentence: &str, model_id: &str, subject: bool, offset: usize) -> Vec<CardScore> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let verb_at = |t: &&str| [SCORE_VERBS, MORE_VERBS].iter().any(|v| v.contains(&t.to_ascii_lowercase().as_str()));
    let Some(verb) = tokens.iter().position(verb_at) else { return Vec::new() };
    if tokens[..verb].iter().any(|t| COMPARING.contains(&word(t).as_str())) {
        return Vec::new();
    }
    let Some((values, after)) = values_after(&tokens, verb) else { return Vec::new() };
    let rest = tokens[after..].join(" ");
    let score = |(value, raw): &(f64, String), benchmark: String, shots| {
        sentence_score(sentence, (benchmark, shots), *value, raw.clone(), offset)
    };
    // The sizes of a slashed name ("Qwen2.5-Math-1.5B/7B/72B-Instruct"), one value each, one benchmark.
    if let Some(at) = slashed_names(tokens[0]).and_then(|names| own_place(&names, model_id, values.len())) {
        let on = rest.trim_start_matches(',').trim_start();
        let on = on.strip_prefix("respectively").unwrap_or(on).trim_start_matches(',').trim_start();
        return benchmark_after(on).map(|(b, shots)| vec![score(&values[at], b, shots)]).unwrap_or_default();
    }
    if !subject {
        return Vec::new();
    }
    // Benchmarks named in turn ("on MMLU, GSM8K and MATH, respectively"), the same number.
    let Some(benchmarks) = benchmark_list(&rest).filter(|b| b.len() == values.len()) else { return Vec::new() };
    values.iter().zip(benchmarks).map(|(v, (b, shots))| score(v, b, shots)).collect()
}

/// A token as a lower-case word (markup and punctuation dropped).
fn word(token: &str) -> String {
    token.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase()
}

/// The values right after the verb at `verb` (within three words: "achieve average scores of"), two
/// or more, each above 0 and at most 100, split by commas and "and"; with where the list ends.
fn values_after(tokens: &[&str], verb: usize) -> Option<(Vec<(f64, String)>, usize)> {
    let number = |t: &str| {
        let raw = t.trim_matches(['*', '_']).trim_end_matches([',', ';']).trim_matches(['*', '_']);
        let raw = raw.strip_suffix('%').unwrap_or(raw);
        let v: f64 = raw.parse().ok().filter(|_| raw.starts_with(|c: char| c.is_ascii_digit()))?;
        (v > 0.0 && v <= 100.0).then(|| (v, raw.to_owned()))
    };
    let first = (verb + 1..tokens.len().min(verb + 5)).find(|i| number(tokens[*i]).is_some())?;
    // (Only plain words between the verb and the list: not "by", "up to", "over".)
    let filler = |t: &&str| {
        let w = word(t);
        BETWEEN.contains(&w.as_str())
            || ["a", "an", "of", "average", "scores", "accuracies", "rates"].contains(&w.as_str())
    };
    if !tokens[verb + 1..first].iter().all(filler) {
        return None;
    }
    let mut values = Vec::new();
    let mut i = first;
    while i < tokens.len() {
        match number(tokens[i]) {
            Some(v) => values.push(v),
            None if tokens[i] == "and" && !values.is_empty() => {}
            None => break,
        }
        i += 1;
    }
    (values.len() >= 2).then_some((values, i))
}

/// The benchmarks of "on MMLU, GSM8K and MATH, respectively" or "respectively on MMLU, GSM8K and
/// MATH" (maybe after words such as "accuracy"), each one the alias table knows, with the shots its
/// name states.
fn benchmark_list(rest: &str) -> Option<Vec<(String, Option<i32>)>> {
    let lower = rest.to_ascii_lowercase();
    let at = lower.find("respectively")?;
    let before = rest[..at].trim();
    let list = if before.is_empty() {
        rest[at + "respectively".len()..].trim_start_matches([',', ' ']).trim_end_matches('.')
    } else {
        before
    };
    let mut words = list.split_whitespace().peekable();
    while words.peek().is_some_and(|w| BETWEEN.contains(&word(w).as_str())) {
        words.next();
    }
    if !matches!(words.next().map(word).as_deref(), Some("on" | "in")) {
        return None;
    }
    let list = words.collect::<Vec<_>>().join(" ");
    let list = list.trim_end().trim_end_matches(',');
    let items = list.split(", ").flat_map(|i| i.split(" and ")).map(|i| i.trim().trim_start_matches("and "));
    items
        .map(|item| {
            let item = item.trim_start_matches("the ").trim_matches(['*', '_']).trim();
            let known = resolve(item);
            (known.is_known && !item.is_empty()).then(|| (item.to_owned(), known.shots))
        })
        .collect()
}

/// The names a slashed name stands for: "Qwen2.5-Math-1.5B/7B/72B-Instruct" gives
/// Qwen2.5-Math-1.5B-Instruct, …-7B-Instruct, …-72B-Instruct (every part a size).
fn slashed_names(token: &str) -> Option<Vec<String>> {
    let token = token.trim_matches(|c: char| !c.is_alphanumeric());
    let parts: Vec<&str> = token.split('/').collect();
    let (first, last) = (parts.first()?, parts.last()?);
    if parts.len() < 2 {
        return None;
    }
    let (prefix, first_size) = first.rsplit_once('-')?;
    let (last_size, suffix) = last.split_once('-').map_or((*last, ""), |(s, rest)| (s, rest));
    let mut sizes = vec![first_size];
    sizes.extend(&parts[1..parts.len() - 1]);
    sizes.push(last_size);
    if !sizes.iter().all(|s| s.ends_with(['B', 'b', 'M', 'm']) && parse_size(s).is_some()) {
        return None;
    }
    let tail = if suffix.is_empty() { String::new() } else { format!("-{suffix}") };
    Some(sizes.iter().map(|s| format!("{prefix}-{s}{tail}")).collect())
}

/// Where the model is among `names` (exactly one names it exactly), when there are `count` of them.
fn own_place(names: &[String], model_id: &str, count: usize) -> Option<usize> {
    let own: Vec<usize> = (0..names.len()).filter(|i| label_match(&names[*i], model_id).is_some_and(|m| m.1)).collect();
    (names.len() == count && own.len() == 1).then(|| own[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, id: &str, subject: bool) -> Vec<(String, f64)> {
        respectively(sentence, id, subject, 0).into_iter().map(|s| (s.benchmark_raw, s.value)).collect()
    }

    #[test]
    fn a_slashed_name_gives_each_size_its_value() {
        let qwen = "Qwen2.5-Math-1.5B/7B/72B-Instruct achieve 79.7, 85.3, and 87.8 respectively on the MATH benchmark using TIR.";
        assert_eq!(read(qwen, "Qwen/Qwen2.5-Math-7B-Instruct", false), [("MATH".to_owned(), 85.3)]);
        assert_eq!(read(qwen, "Qwen/Qwen2.5-Math-1.5B-Instruct", false), [("MATH".to_owned(), 79.7)]);
        // Not the base model, not a size the name does not list, not two values for three sizes.
        assert!(read(qwen, "Qwen/Qwen2.5-Math-7B", false).is_empty());
        assert!(read(qwen, "Qwen/Qwen2.5-Math-14B-Instruct", false).is_empty());
        assert!(read(&qwen.replace("79.7, ", ""), "Qwen/Qwen2.5-Math-7B-Instruct", false).is_empty());
    }

    #[test]
    fn benchmarks_named_in_turn_pair_with_the_values() {
        let s = "Foo-7B achieves 44.9%, 38.4% and 40.8% on MMLU, GSM8K and MATH, respectively.";
        let want = [("MMLU".to_owned(), 44.9), ("GSM8K".to_owned(), 38.4), ("MATH".to_owned(), 40.8)];
        assert_eq!(read(s, "org/Foo-7B", true), want);
        let after = "Foo-7B achieves 44.9%, 38.4% and 40.8% respectively on MMLU, GSM8K and MATH.";
        assert_eq!(read(after, "org/Foo-7B", true), want);
        assert_eq!(read(&after.replace("respectively on", "respectively, on"), "org/Foo-7B", true), want);
        // Only about the model; not when a benchmark is unknown, the counts differ or it compares.
        assert!(read(s, "org/Foo-7B", false).is_empty());
        assert!(read(&s.replace("GSM8K", "our internal set"), "org/Foo-7B", true).is_empty());
        assert!(read(&s.replace(" and 40.8%", ""), "org/Foo-7B", true).is_empty());
        let than = "Compared with Bar-7B, Foo-7B achieves 44.9% and 38.4% on MMLU and GSM8K, respectively.";
        assert!(read(than, "org/Foo-7B", true).is_empty());
        let by = "Foo-7B improves by 4.9% and 3.4% on MMLU and GSM8K, respectively.";
        assert!(read(by, "org/Foo-7B", true).is_empty());
    }
}
