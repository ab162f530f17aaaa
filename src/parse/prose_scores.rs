//! Scores a card states in a sentence about its own model: "Kimi-Dev-72B achieves 60.4% on
//! SWE-bench Verified", "Yi-Coder-9B-Chat achieved an impressive 23% pass rate in LiveCodeBench".
//! Read only where the sentence opens with the model's exact name (or "It"/"The model" right
//! after such a sentence in its line, or "This model"/"Our model" on a card that is no copy's), names no other model and makes no comparison before the value, and the
//! value is a percentage followed by "on"/"in" and a benchmark the alias table knows. Anything
//! else ("surpasses GPT-4 by 7% on …", "from 43.07% to 43.62% on …") is left; "… respectively" is
//! [`super::prose_lists`]'.

use super::benchmarks::{resolve, strip_markup};
use super::card_scores::CardScore;
use super::mentions::{names_other_model, PastedSection};
use super::model_names::{is_packed, label_match, words};
use super::params::parse_size;
use super::tables::clip;
use super::tune_or_base::heading_allows;

/// Words that, anywhere before a value, make it another model's or a comparison's.
pub(super) const COMPARING: &[&str] =
    &["than", "vs", "versus", "compared", "comparison", "previous", "predecessor", "base", "teacher", "from"];
/// Words that, right before a value, make it a difference, a bound or another's ("by 7%", "up to 90%").
const RIGHT_BEFORE: &[&str] = &[
    "by",
    "to",
    "up",
    "over",
    "under",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "only",
    "improves",
    "improved",
    "improvement",
    "gain",
    "gains",
    "increase",
    "increases",
    "outperforms",
    "outperforming",
    "surpasses",
    "surpassing",
    "beats",
    "beating",
    "matching",
    "matches",
    "while",
    "whereas",
    "other",
    "others",
];
/// Verbs whose object is a score ("achieves 94.3 on AIME26"), and the stems a line is searched for.
pub(super) const SCORE_VERBS: &[&str] =
    &["achieves", "achieved", "achieving", "scores", "scored", "reaches", "reached", "attains"];
const SCORE_STEMS: &[&str] = &["achiev", "score", "reach", "attain"];
/// Words that may stand between a value's "%" and its "on"/"in".
pub(super) const BETWEEN: &[&str] =
    &["accuracy", "pass@1", "performance", "score", "pass", "rate", "ratio", "success", "solve"];

/// The longest sentence read, in bytes.
const MAX_SENTENCE: usize = 1_000;

/// Every score stated so in `markdown` about `model_id`. `tuned`: the model is a tune (a sentence
/// under a base model's heading is its base's). `copied`: the card's title names another model this
/// one extends, so only sentences that open with this model's own name are its.
pub(crate) fn prose_scores(markdown: &str, model_id: &str, tuned: bool, copied: bool) -> Vec<CardScore> {
    let mut out = Vec::new();
    let (mut heading, mut fenced, mut offset) = ("", false, 0);
    let mut pasted = PastedSection::default();
    // (A paragraph's lines are one line: a sentence hard-wrapped over lines is read whole.)
    // (Each line with its line end, for offsets.)
    let ended: Vec<&str> = markdown.split_inclusive('\n').collect();
    let lines: Vec<&str> = markdown.lines().collect();
    let continues = super::card_text::paragraph_continuations(&lines, false);
    let paragraphs = super::card_text::joined_lines(&lines, &continues);
    for (i, (line, paragraph)) in ended.iter().zip(&paragraphs).enumerate() {
        let at = offset;
        offset += line.len();
        let text = paragraph.trim();
        if super::card_text::is_fence(text) {
            fenced = !fenced;
        }
        if fenced || text.starts_with('|') || text.starts_with('<') || text.starts_with('>') {
            continue;
        }
        if let Some(h) = text.strip_prefix('#') {
            heading = h.trim_start_matches('#').trim();
            pasted.see(text);
            continue;
        }
        // (Only a line with a percentage or a verb of scoring can give one: the rest is not read,
        // which keeps this cheap.)
        let scoring = || text.contains(|c: char| c.is_ascii_digit()) && SCORE_STEMS.iter().any(|v| text.contains(v));
        let read = text.contains('%') || scoring() || super::prose_versus::may_compare(text);
        if !read || !heading_allows(heading, tuned) || pasted.inside() {
            continue;
        }
        // (TeX marks around a value: "reaching $88.9$% pass ratio", a percent sign escaped with a backslash.)
        let plain = strip_markup(text.trim_start_matches(['-', '*', '+', ' '])).replace(['$', '\\'], "");
        let (mut about_model, found_before) = (false, out.len());
        // (A "sentence" longer than any a person writes is a run of table cells or data; each value
        // is read against the text before it, so such a run would cost its length squared.)
        for sentence in sentences(&plain).filter(|s| s.len() <= MAX_SENTENCE) {
            let named = opens_with_name(sentence, model_id);
            let subject = named || !copied && pronoun_subject(sentence, model_id, about_model);
            about_model = named;
            // ("… achieve 79.7, 85.3, and 87.8 respectively on …": values paired in order.)
            if sentence.to_ascii_lowercase().contains("respectively") {
                out.extend(super::prose_lists::respectively(sentence, model_id, subject, at));
            } else if subject {
                let before = out.len();
                read_sentence(sentence, model_id, at, &mut out);
                // ("… outperforms GPT-3.5 (HumanEval: 79.3 vs. 76.8)": the first value of each pair.)
                let benchmarks_read: Vec<String> =
                    out[before..].iter().map(|s| resolve(&s.benchmark_raw).canonical).collect();
                let new = |s: &CardScore| !benchmarks_read.contains(&resolve(&s.benchmark_raw).canonical);
                out.extend(super::prose_versus::versus(sentence, at).into_iter().filter(new));
            }
        }
        // (In a paragraph of several lines, a value's offset is the start of the line it is on.)
        let span = 1 + continues[i + 1..].iter().take_while(|c| **c).count();
        if span > 1 && out.len() > found_before {
            let paragraph = super::card_text::JoinedParagraph::new(&lines[i..i + span]);
            // (Each line's offset from the paragraph's start, summed once.)
            let starts: Vec<usize> =
                ended[i..i + span].iter().scan(at, |o, l| Some(std::mem::replace(o, *o + l.len()))).collect();
            for score in &mut out[found_before..] {
                score.offset = starts[paragraph.line_holding(&score.evidence, &score.value_raw)];
            }
        }
    }
    out
}

/// The sentences of a line: cut after ".", "!" or "?" followed by a space (a decimal point is
/// followed by a digit), but not after an abbreviation ("56.3% avg. score, 46.7% on AIME24").
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    const ABBREVIATIONS: &[&str] = &["avg", "e.g", "i.e", "vs", "approx", "incl", "resp"];
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut cuts: Vec<&str> = Vec::new();
    let abbreviated = |i: usize| {
        let word = text[..i].rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
        ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
    };
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') && !abbreviated(i) {
            cuts.push(&text[start..=i]);
            start = i + 1;
        }
    }
    cuts.push(&text[start..]);
    cuts.into_iter().map(str::trim).filter(|s| !s.is_empty())
}

/// The sentence after an opening phrase that names nothing ("As illustrated in the figure below,
/// Yi-Coder-9B-Chat achieved …"): the main clause.
fn main_clause(sentence: &str) -> &str {
    after_opening(sentence, ", ", 16)
}

/// A list item's sentence after its label ("Outstanding Capabilities Across Benchmarks: Foo-3B
/// delivers …", the label bold on the card).
fn after_label(sentence: &str) -> &str {
    after_opening(sentence, ": ", 6)
}

/// The rest of `sentence` after an opening of at most `words` words without a digit, up to `mark`.
fn after_opening<'s>(sentence: &'s str, mark: &str, words: usize) -> &'s str {
    match sentence.split_once(mark) {
        Some((opening, rest))
            if opening.split_whitespace().count() <= words && !opening.contains(|c: char| c.is_ascii_digit()) =>
        {
            rest
        }
        _ => sentence,
    }
}

/// Whether `sentence` (or its main clause) opens with the model's exact name ("Kimi-Dev-72B
/// achieves …"), its parts maybe spaced as a reader writes them ("Yi Coder 9B Chat achieved …").
fn opens_with_name(sentence: &str, model_id: &str) -> bool {
    let parts = model_id.rsplit('/').next().unwrap_or(model_id).split(['-', '_', '.']).count();
    [sentence, main_clause(sentence), after_label(sentence)].iter().any(|s| {
        let head = s.split([',', ':']).next().unwrap_or("");
        let words: Vec<&str> = head.split_whitespace().take(parts).collect();
        (1..=words.len()).any(|n| {
            let name = words[..n].join(" ");
            let name = name.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            label_match(name, model_id).is_some_and(|m| m.1) || n == 1 && short_name(model_id) == Some(name)
        })
    })
}

/// The name without its family word, as a lab's card calls its model ("M2.5 is SOTA in coding" on
/// MiniMax-M2.5's): only a two-part name whose family word is all letters and whose rest has a
/// letter and a digit and is no size ("8B" of Qwen3-8B names no model).
fn short_name(model_id: &str) -> Option<&str> {
    let (family, rest) = model_id.rsplit('/').next()?.split_once('-')?;
    let named = rest.chars().any(|c| c.is_ascii_alphabetic()) && rest.chars().any(|c| c.is_ascii_digit());
    let family_word = !family.is_empty() && family.chars().all(|c| c.is_ascii_alphabetic());
    (family_word && named && !rest.contains('-') && parse_size(rest).is_none()).then_some(rest)
}

/// Whether a sentence not opened by the model's name still has it as subject: "It" or "The model"
/// opens it right after a sentence opened by that name, or its verb of scoring does, the subject
/// left out ("[Foo-32B](…), trained on our data. Achieves 41.6% pass@1 on SWE-bench Verified!");
/// or "This model" or "Our model" opens it on the card of a model that is not a copy (a quantized
/// copy's card quotes its original's).
fn pronoun_subject(sentence: &str, model_id: &str, after_name: bool) -> bool {
    let lower = main_clause(sentence).to_ascii_lowercase();
    let elided = || SCORE_VERBS.iter().any(|v| lower.strip_prefix(v).is_some_and(|rest| rest.starts_with(' ')));
    let pronoun = ["it ", "the model "].iter().any(|p| lower.starts_with(p)) || elided();
    let this = ["this model ", "our model "].iter().any(|p| lower.starts_with(p)) && !is_packed(model_id);
    (after_name && pronoun) || this
}

/// The scores of one sentence whose subject is the model.
fn read_sentence(sentence: &str, model_id: &str, offset: usize, out: &mut Vec<CardScore>) {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let mut found: Vec<CardScore> = Vec::new();
    // (Where the main clause starts, after an opening phrase: worked out once for the sentence.)
    let main = sentence.len() - main_clause(sentence).len();
    for (at, _) in sentence.match_indices('%') {
        let Some((value, raw, start)) = number_before(sentence, at) else { continue };
        let before = &sentence[..start];
        let said = words(before);
        let cue = said.last().is_some_and(|w| RIGHT_BEFORE.contains(&w.as_str()))
            || said.iter().any(|w| COMPARING.contains(&w.as_str()))
            || before.trim_end().ends_with(['+', '-', '(', '/', '~', '>', '<', '≈']);
        if cue || names_other_model(before, name) || !(0.0..=100.0).contains(&value) {
            continue;
        }
        // ("On SWE-Pro, M2.7 achieved 56.22%": the opening phrase names the benchmark of the main
        // clause's first value, said right after its subject and verb.)
        let first =
            main > 0 && !sentence[main..start].contains('%') && sentence[main..start].split_whitespace().count() <= 3;
        let opening = || first.then(|| opening_benchmark(sentence)).flatten();
        let Some((benchmark, shots)) = benchmark_after(&sentence[at + 1..]).or_else(opening) else { continue };
        found.push(sentence_score(sentence, (benchmark, shots), value, raw, offset));
    }
    found.extend(bare_values(sentence, name, offset));
    // One value per benchmark: two ("from 43.07% to 43.62% on AGIEval") cannot be told apart.
    out.extend(once_per_benchmark(found));
}

/// The scores whose benchmark no other of `found` has (each name resolved once: a sentence may
/// hold thousands).
pub(super) fn once_per_benchmark(found: Vec<CardScore>) -> Vec<CardScore> {
    let canonical: Vec<String> = found.iter().map(|s| resolve(&s.benchmark_raw).canonical).collect();
    let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in &canonical {
        *count.entry(c.as_str()).or_default() += 1;
    }
    let once: Vec<bool> = canonical.iter().map(|c| count[c.as_str()] == 1).collect();
    found.into_iter().zip(once).filter_map(|(s, once)| once.then_some(s)).collect()
}

/// Values without a "%" right after a verb of scoring, and a list of them so ("It achieves 94.3 on
/// AIME26, 89.3 on HMMT25, and 80.2 Pass@1 on LiveCodeBench v6"): each a number above 1 and at most
/// 100 followed by "on"/"in" and a benchmark the alias table knows. The first within three words of
/// the verb ("achieves an impressive 94.3"), each next one right after the benchmark before it.
fn bare_values(sentence: &str, name: &str, offset: usize) -> Vec<CardScore> {
    let tokens: Vec<(usize, &str)> =
        sentence.split_whitespace().map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w)).collect();
    let listed = |list: &[&str], i: usize| list.iter().any(|w| tokens[i].1.eq_ignore_ascii_case(w));
    let value_at = |i: usize| {
        let w = tokens.get(i)?.1;
        let v: f64 = w.parse().ok().filter(|_| w.starts_with(|c: char| c.is_ascii_digit()))?;
        (v > 1.0 && v <= 100.0).then_some(v)
    };
    let mut out = Vec::new();
    let Some(verb) = (0..tokens.len()).find(|i| listed(SCORE_VERBS, *i)) else { return out };
    // (No cue of a difference or bound between the verb and the value: "achieves up to 90 on …".)
    let plain = |i: usize| !listed(RIGHT_BEFORE, i) && !listed(COMPARING, i);
    let mut next: Vec<usize> = (verb + 1..(verb + 4).min(tokens.len())).collect();
    while let Some((i, value)) = next.iter().find_map(|i| Some((*i, value_at(*i)?))) {
        let (start, raw) = tokens[i];
        // (Nor another model named before it: "Foo-3B, tuned from Llama-2-13B, achieves 61.5 on …".)
        if !(next[0]..i).all(plain) || names_other_model(&sentence[..start], name) {
            break;
        }
        let Some((benchmark, shots)) = benchmark_after(&sentence[start + raw.len()..]) else { break };
        out.push(sentence_score(sentence, (benchmark.clone(), shots), value, raw.to_owned(), offset));
        // Past the benchmark's last word (it ends a clause: "HMMT25,"), then an "and".
        let last = benchmark.split_whitespace().last().unwrap_or_default();
        let Some(end) = (i + 1..tokens.len()).find(|j| tokens[*j].1.trim_end_matches([',', ';', '.']) == last) else {
            break;
        };
        let after = if tokens.get(end + 1).is_some_and(|t| t.1 == "and") { end + 2 } else { end + 1 };
        next = vec![after];
    }
    out
}

/// A score read from `sentence`: its benchmark as named and the shots the name states, its value
/// and the value as written; the sentence is its evidence.
pub(super) fn sentence_score(
    sentence: &str,
    (benchmark, shots): (String, Option<i32>),
    value: f64,
    raw: String,
    offset: usize,
) -> CardScore {
    CardScore {
        benchmark_raw: benchmark,
        metric: None,
        shots,
        value,
        value_raw: raw,
        detail: "sentence",
        evidence: clip(sentence),
        offset,
        evaluated_by: None,
    }
}

/// The known benchmark an opening phrase "On <benchmark>, …" names.
fn opening_benchmark(sentence: &str) -> Option<(String, Option<i32>)> {
    let rest = sentence.strip_prefix("On ")?;
    let (phrase, _) = rest.split_once(", ")?;
    let phrase = phrase.trim().strip_prefix("the ").unwrap_or(phrase.trim());
    let known = resolve(phrase);
    (known.is_known && phrase.split_whitespace().count() <= 5).then(|| (phrase.to_owned(), known.shots))
}

/// The number right before byte `percent` (a "%"), as a value, as written, and where it starts.
fn number_before(sentence: &str, percent: usize) -> Option<(f64, String, usize)> {
    let head = sentence[..percent].trim_end();
    let start = head.rfind(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(0, |i| i + 1);
    let raw = &head[start..];
    let value: f64 = raw.parse().ok().filter(|_| raw.starts_with(|c: char| c.is_ascii_digit()))?;
    Some((value, raw.to_owned(), start))
}

/// The known benchmark after a value's "%": "on SWE-bench Verified", "pass rate in LiveCodeBench",
/// "on the 5-shot MMLU"; with the shots the words state.
pub(super) fn benchmark_after(rest: &str) -> Option<(String, Option<i32>)> {
    let mut ws = rest.split_whitespace().peekable();
    while ws.peek().is_some_and(|w| BETWEEN.contains(&w.to_ascii_lowercase().as_str())) {
        ws.next();
    }
    if !matches!(ws.next().map(str::to_ascii_lowercase).as_deref(), Some("on" | "in")) {
        return None;
    }
    if ws.peek().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        ws.next();
    }
    // The phrase ends at a clause mark; the longest start of it the alias table knows names it.
    let mut phrase: Vec<&str> = Vec::new();
    for w in ws.take(6) {
        let end = w.ends_with([',', ';', '.', ':', ')']) || w.starts_with('(');
        phrase.push(w.trim_end_matches([',', ';', '.', ':', ')']));
        if end {
            break;
        }
    }
    (1..=phrase.len()).rev().find_map(|n| {
        let candidate = phrase[..n].join(" ");
        let known = resolve(&candidate);
        (known.is_known && !candidate.starts_with('(')).then_some((candidate, known.shots))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(card: &str, id: &str) -> Vec<(String, f64)> {
        prose_scores(card, id, true, false)
            .into_iter()
            .map(|s| (resolve(&s.benchmark_raw).canonical, s.value))
            .collect()
    }

    #[test]
    fn a_sentence_opened_by_the_models_name_gives_its_score() {
        let card = "- Kimi-Dev-72B achieves 60.4% performance on SWE-bench Verified. It surpasses the runner-up.\n";
        assert_eq!(read(card, "moonshotai/Kimi-Dev-72B"), vec![("swe_bench_verified".to_owned(), 60.4)]);
        // (A numbered item's "1. " ends a sentence of its own: the next opens with the name.)
        let numbered = card.replacen("- ", "1. ", 1);
        assert_eq!(read(&numbered, "moonshotai/Kimi-Dev-72B"), vec![("swe_bench_verified".to_owned(), 60.4)]);
        let card = "Yi-Coder-9B-Chat achieved an impressive 23% pass rate in LiveCodeBench, surpassing others.\n";
        assert_eq!(read(card, "01-ai/Yi-Coder-9B-Chat"), vec![("livecodebench".to_owned(), 23.0)]);
        // The name as a reader writes it, its parts spaced; not a name short of a part.
        let spaced = card.replace("Yi-Coder-9B-Chat", "Yi Coder 9B Chat");
        assert_eq!(read(&spaced, "01-ai/Yi-Coder-9B-Chat"), vec![("livecodebench".to_owned(), 23.0)]);
        assert!(read(&card.replace("Yi-Coder-9B-Chat", "Yi Coder 9B"), "01-ai/Yi-Coder-9B-Chat").is_empty());
        // (A version's point parts the name too: "Qwen 2.5 7B Instruct" is Qwen2.5-7B-Instruct.)
        let dotted = "Qwen 2.5 7B Instruct scores 61.5% on MMLU.\n";
        assert_eq!(read(dotted, "Qwen/Qwen2.5-7B-Instruct"), vec![("mmlu".to_owned(), 61.5)]);
        let shots = prose_scores("Foo-7B scores 61.5% on the 5-shot MMLU.\n", "org/Foo-7B", true, false);
        assert_eq!(
            shots.iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.shots)).collect::<Vec<_>>(),
            vec![("mmlu".to_owned(), Some(5))]
        );
        let card =
            "The resulting model, Foo-7B, achieves SOTA results, reaching $88.9$% pass ratio on the MiniF2F-test.\n";
        assert_eq!(read(card, "org/Foo-7B"), vec![("minif2f_test".to_owned(), 88.9)]);
        let card = "As shown in the figure below, Foo-7B scores 23% on HumanEval.\n";
        assert_eq!(read(card, "org/Foo-7B"), vec![("humaneval".to_owned(), 23.0)]);
        assert_eq!(read("This model achieves 61.5% on MMLU.\n", "org/Foo-7B"), vec![("mmlu".to_owned(), 61.5)]);
        let card = "Foo-7B is a chat model. It scores 61.5% on MMLU and 40% on the GSM8K test set.\n";
        assert_eq!(read(card, "org/Foo-7B"), vec![("mmlu".to_owned(), 61.5), ("gsm8k".to_owned(), 40.0)]);
        // Its verb of scoring opens the next sentence, the subject left out; not after another's name.
        let item = "* [Foo-32B](https://huggingface.co/org/Foo-32B), trained on our data. Achieves **41.6%** pass@1 \
                    on [SWE-bench Verified](https://huggingface.co/datasets/x/y)!\n";
        assert_eq!(read(item, "org/Foo-32B"), vec![("swe_bench_verified".to_owned(), 41.6)]);
        assert!(read(&item.replace("[Foo-32B]", "[Bar-32B]"), "org/Foo-32B").is_empty());
        assert!(read("We trained it on our data. Achieves 41.6% on MMLU.\n", "org/Foo-32B").is_empty());
    }

    #[test]
    fn ours_versus_theirs_in_a_sentence_about_the_model() {
        let item = "- [Foo-7B](https://huggingface.co/org/Foo-7B) outperforms GPT-3.5-turbo on code generation \
                    (HumanEval: 79.3 vs. 76.8; MBPP: 27.5 vs. 23.9)\n";
        assert_eq!(read(item, "org/Foo-7B"), vec![("humaneval".to_owned(), 79.3), ("mbpp".to_owned(), 27.5)]);
        // A sibling's sentence on this card: not the model's.
        assert!(read(&item.replace("[Foo-7B]", "[Foo-13B]"), "org/Foo-7B").is_empty());
    }

    #[test]
    fn a_run_longer_than_any_sentence_is_not_read() {
        let sentence = format!("Foo-7B achieves 50% on MMLU, {}", "and more words besides, ".repeat(30));
        assert_eq!(read(&format!("{sentence}\n"), "org/Foo-7B"), vec![("mmlu".to_owned(), 50.0)]);
        let run = format!("Foo-7B achieves 50% on MMLU, {}", "61% on GSM8K, ".repeat(80));
        assert!(run.len() > MAX_SENTENCE && read(&format!("{run}\n"), "org/Foo-7B").is_empty());
    }

    #[test]
    fn values_without_a_percent_right_after_a_verb_of_scoring() {
        let card =
            "Foo-3B is a reasoning model. It achieves **94.3** on AIME25, **89.3** on GSM8K, and **80.2 Pass@1** \
                    on LiveCodeBench v6.\n";
        let found = read(card, "org/Foo-3B");
        assert_eq!(
            found,
            [("aime_2025".to_owned(), 94.3), ("gsm8k".to_owned(), 89.3), ("livecodebench_v6".to_owned(), 80.2)]
        );
        assert_eq!(read("Foo-3B achieves an impressive 61.5 on MMLU.\n", "org/Foo-3B"), [("mmlu".to_owned(), 61.5)]);
        // A list item's bold label before the sentence opened by the name.
        let item = "- **Strong Results**: Foo-3B is a reasoning model. It achieves **61.5** on MMLU.\n";
        assert_eq!(read(item, "org/Foo-3B"), [("mmlu".to_owned(), 61.5)]);
        // Not a bound, a rank, a count, a fraction or a value the verb does not govern.
        assert!(read("Foo-3B achieves up to 90 on MMLU.\n", "org/Foo-3B").is_empty());
        assert!(read("Foo-3B ranks 3 on MMLU.\n", "org/Foo-3B").is_empty());
        assert!(read("Foo-3B achieves 0.62 on MMLU.\n", "org/Foo-3B").is_empty());
        assert!(read("Foo-3B achieves strong results, and we ran 12 on GSM8K.\n", "org/Foo-3B").is_empty());
        assert!(read("Foo-3B improved from 40.1 to 61.5 on MMLU.\n", "org/Foo-3B").is_empty());
        assert!(read("Foo-3B, tuned from Llama-2-13B, achieves 61.5 on MMLU.\n", "org/Foo-3B").is_empty());
    }

    #[test]
    fn a_lab_cards_short_name_as_the_subject() {
        let card = "Extensively trained with reinforcement learning in many environments, M2.5 is SOTA in coding, \
                    boasting scores of **80.2% in SWE-Bench Verified, 51.3% in Multi-SWE-Bench**.\n";
        let found = read(card, "MiniMaxAI/MiniMax-M2.5");
        assert_eq!(found, vec![("swe_bench_verified".to_owned(), 80.2), ("multi_swe_bench".to_owned(), 51.3)]);
        assert!(read(card, "MiniMaxAI/MiniMax-M2.1").is_empty(), "another version's short name");
        assert!(read("4.7 scores 61.5% on MMLU.\n", "zai-org/GLM-4.7").is_empty(), "a bare number is no name");
        assert!(read(card, "MiniMaxAI/MiniMax-M2.5-Lightning").is_empty(), "a longer name has no short one");
    }

    #[test]
    fn the_benchmark_an_opening_phrase_names() {
        // The first value only, not a later one of the clause ("and 40% on the hardest split").
        let read_as = [
            ("Foo-7B is a coder. On SWE-Pro, Foo-7B achieved **56.22%**, matching Bar-70B.\n", "org/Foo-7B"),
            ("MiniMax-M2.7 is a coder. On SWE-Pro, M2.7 achieved **56.22%**.\n", "MiniMaxAI/MiniMax-M2.7"),
            ("On SWE-Pro, Foo-7B achieved 56.22% and 40% on the hardest split.\n", "org/Foo-7B"),
        ];
        for (card, id) in read_as {
            assert_eq!(read(card, id), vec![("swe_bench_pro".to_owned(), 56.22)], "{card}");
        }
        // Not another subject, nor a phrase that names no benchmark, nor a difference.
        let none = |card: &str| assert!(read(card, "org/Foo-7B").is_empty(), "{card}");
        none("On SWE-Pro, Bar-70B achieved 56.22%.\n");
        none("On our internal suite, Foo-7B achieved 56.22%.\n");
        none("On SWE-Pro, Foo-7B is faster by 12% than before.\n");
    }

    #[test]
    fn other_models_comparisons_and_unknown_benchmarks_give_nothing() {
        let none = |card: &str| assert!(read(card, "org/Foo-7B").is_empty(), "{card}");
        none("Flan-PaLM 540B achieves 75.2% on five-shot MMLU.\n");
        none("Foo-7B-Chat achieves 70.1% on MMLU.\n");
        none("Foo-7B surpasses GPT-4 by 7% on HumanEval.\n");
        none("Foo-7B improves from 43.07% to 43.62% on AGIEval.\n");
        none("Foo-7B, fine-tuned from Bar-13B, achieves 69.5% on HumanEval.\n");
        none("Foo-7B scores 90% on our function calling evaluation.\n");
        none("Foo-7B gets 44.98%, 38.42% and 40.76% on BC5CDR, KD-DTI and MMLU, respectively.\n");
        none("Foo-7B is 37% faster on SWE-bench Verified than Bar.\n");
        none("| Foo-7B achieves 60% on MMLU |\n");
        none("```\nFoo-7B achieves 60% on MMLU\n```\n");
        none("We like it. It scores 61.5% on MMLU.\n");
        none("In our tests with Bar-13B, it scores 61.5% on MMLU.\n");
        assert!(read("This model achieves 61.5% on MMLU.\n", "org/Foo-7B-GGUF").is_empty(), "a copy's quoted card");
        assert!(read("## Base model\n\nFoo-7B scores 61.5% on MMLU.\n", "org/Foo-7B").is_empty());
        assert!(
            read("# Original model card\n\n## Results\n\nThis model scores 61.5% on MMLU.\n", "org/Foo-7B").is_empty()
        );
    }

    #[test]
    fn a_sentence_hard_wrapped_over_lines_is_read_whole() {
        let one = "As shown below, Foo-9B-Chat achieved a 23% pass rate in LiveCodeBench, the best of its size.\n";
        let wrapped = "As shown below, Foo-9B-Chat achieved a 23% pass\nrate in LiveCodeBench, the best of its size.\n";
        assert_eq!(read(one, "org/Foo-9B-Chat"), [("livecodebench".to_owned(), 23.0)]);
        assert_eq!(read(wrapped, "org/Foo-9B-Chat"), read(one, "org/Foo-9B-Chat"));
        // The value's offset is the start of the line it is on (its evidence line).
        let on_second =
            "Intro.\n\nAs shown below, Foo-9B-Chat is strong: it\nachieved a 23% pass rate in LiveCodeBench.\n";
        let got = prose_scores(on_second, "org/Foo-9B-Chat", true, false);
        assert_eq!(got.iter().map(|s| s.offset).collect::<Vec<_>>(), [on_second.find("achieved").unwrap()]);
    }
}
