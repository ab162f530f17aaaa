//! What the sentence over a table says of its rows: the benchmark they measure ("We test the model
//! on … the [RULER](…) benchmark"), that they are a benchmark's language parts though no header
//! says "Language" (`| German 🇩🇪 | 7.26 |` under "We achieve the following MT-Bench scores across 6
//! languages:"), or the shots they were run at ("_Zero-shot performance._").

use std::collections::BTreeSet;

use super::axis_words::LANGUAGES;
use super::benchmarks::{may_be_benchmark, resolve, strip_markup, take_shots};
use super::model_names::words;
use super::tables::{clip, Table};

/// The benchmark a lead-in sentence names as what the table measures: the sentence says
/// "benchmark" and names exactly one known benchmark (a link's text or a word).
pub(super) fn lead_in_benchmark(table: &Table) -> Option<String> {
    lead_in_names(table, false)
}

/// The last paragraph of a table's lead-in (lines after the last blank one, blank with spaces too).
pub(crate) fn last_paragraph(lead_in: &str) -> String {
    let lines: Vec<&str> = lead_in.trim().lines().collect();
    let start = lines.iter().rposition(|l| l.trim().is_empty()).map_or(0, |i| i + 1);
    lines[start..].join("\n")
}

/// [`lead_in_benchmark`]; `any_wording`: the lead-in need not say it evaluates.
fn lead_in_names(table: &Table, any_wording: bool) -> Option<String> {
    // The paragraph right before the table (not an earlier one about another table).
    let lead_in = table.lead_in.as_str();
    let text = last_paragraph(lead_in);
    let text = text.as_str();
    // (That it evaluates, the whole lead-in may say: a Chinese paragraph, then "The accuracy of
    // Qwen-7B-Chat on GSM8K is shown below".)
    let evaluation = |w: &String| matches!(w.as_str(), "benchmark" | "evaluate" | "evaluated" | "test" | "tested");
    // ("我们在 [Berkeley Function Calling Leaderboard](…) 上进行了测试": tested on.)
    let says = |t: &str| words(t).iter().any(evaluation) || ["测试", "评测", "测评"].iter().any(|w| t.contains(w));
    // For a benchmark densing knows, naming the measure says it too: "The zero-shot Pass@1 of
    // Qwen-7B-Chat on [HumanEval] is demonstrated below".
    let measure = |t: &str| words(t).iter().any(|w| matches!(w.as_str(), "pass" | "accuracy" | "results"));
    let (here, before) = (says(text) || any_wording, says(lead_in));
    if !here && !before && !measure(text) {
        return None;
    }
    // Link texts ("[RULER](https://…)") and words, not the links' targets.
    let mut names: Vec<&str> = Vec::new();
    let mut links: Vec<&str> = Vec::new();
    for (i, part) in text.split("](").enumerate() {
        let shown = if i == 0 { part } else { part.split_once(')').map_or("", |(_, rest)| rest) };
        links.extend(shown.rsplit_once('[').map(|(_, link)| link));
        names.extend(shown.split(|c: char| !(c.is_alphanumeric() || "-+.".contains(c))).map(|w| w.trim_matches('.')));
    }
    // Links' texts pair with the parts after them; the last part has no link after it.
    links.truncate(text.matches("](").count());
    // Benchmarks are written with capitals or digits ("RULER", "GSM8K"): prose words are not looked up.
    // (A link's whole text too: "[Massive Multitask Language Understanding](…)" is MMLU; and a
    // whole run of capitalized words, "evaluated using Massive Multitask Language Understanding:".)
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let runs: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == ' '))
        .flat_map(|run| {
            let words: Vec<&str> = run.split_whitespace().collect();
            let groups = words.split(|w| !capital(w)).filter(|g| (2..=5).contains(&g.len())).map(|g| g.join(" "));
            groups.collect::<Vec<_>>()
        })
        .collect();
    // The last word of a longer capitalized name is that name's, not a benchmark of its own: "Math"
    // in "Multilingual Grade School Math" (MGSM), "Hungarian National High School Math" (no MATH).
    let headed: BTreeSet<&str> =
        runs.iter().filter(|r| r.split(' ').count() >= 3).filter_map(|r| r.rsplit(' ').next()).collect();
    // A name after a camel-cased word is a variant's ("MultiPL HumanEval" is MultiPL-E's), unless
    // the two are a name densing knows.
    let camel = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
    };
    let qualified: BTreeSet<&str> = runs
        .iter()
        .flat_map(|r| r.split(' ').zip(r.split(' ').skip(1)))
        .filter(|(a, b)| camel(a) && !resolve(&format!("{a} {b}")).is_known)
        .map(|(_, b)| b)
        .collect();
    let names = names.into_iter().filter(|w| !headed.contains(w) && !qualified.contains(w));
    let known: BTreeSet<(String, String)> = names
        .chain(links.iter().copied())
        .map(str::to_owned)
        .chain(runs.iter().cloned())
        .filter(|w| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()))
        .map(|w| (resolve(&w), w))
        .filter(|(b, _)| b.is_known && b.canonical != "card_average")
        .map(|(b, w)| (b.canonical, w))
        .collect();
    let canonicals: BTreeSet<&String> = known.iter().map(|(c, _)| c).collect();
    // Else the one linked name shaped like a benchmark ("We also evaluate models on
    // [MathBench-A](…)"): a benchmark densing does not know, named by its own link.
    // (A leaderboard, "the [ScandEval leaderboard](…)", ranks by many benchmarks: its table's
    // columns are those, not one benchmark's parts.)
    let leaderboard = |l: &str| words(l).last().is_some_and(|w| w.starts_with("leaderboard"));
    let shaped = |l: &&str| {
        (1..=3).contains(&words(l).len()) && l.chars().any(char::is_uppercase) && may_be_benchmark(l) && !leaderboard(l)
    };
    let linked: Vec<&str> = links.into_iter().filter(shaped).collect();
    // (A benchmark densing does not know only where this paragraph says it evaluates.)
    match (canonicals.len(), linked.as_slice()) {
        (1, _) => known.into_iter().next().map(|(_, w)| w),
        (0, [one]) if here => Some((*one).to_owned()),
        _ => None,
    }
}

/// The benchmark a table whose rows are languages (`| German 🇩🇪 | 7.26 |`, no axis header)
/// measures: the one its lead-in names, in any words ("We achieve the following MT-Bench
/// scores across 6 languages:"). Its rows are that benchmark's language parts.
pub(crate) fn language_rows_of(table: &Table, names_col: usize) -> Option<String> {
    languages_of(table, table.rows.iter().map(|r| &r[names_col]))
}

/// [`language_rows_of`] for a table whose columns past the first are languages (`| | German 🇩🇪 |
/// French 🇫🇷 | … |`, one row per model).
pub(crate) fn language_columns_of(table: &Table, header: &[String]) -> Option<String> {
    languages_of(table, header.iter().skip(1))
}

fn languages_of<'a>(table: &Table, cells: impl Iterator<Item = &'a String>) -> Option<String> {
    let language = |cell: &str| {
        let said = words(&strip_markup(cell));
        matches!(said.as_slice(), [w] if LANGUAGES.contains(&w.as_str()) || w == "english")
    };
    let names: Vec<&String> = cells.filter(|c| !c.trim().is_empty()).collect();
    let name = (names.len() >= 2 && names.iter().all(|c| language(c))).then(|| lead_in_names(table, true)).flatten()?;
    // With the capitalized word before it ("shows Multilingual MMLU scores"): the name as written.
    let text = last_paragraph(&table.lead_in);
    let before = text.split(name.as_str()).next().filter(|b| b.len() < text.len()).unwrap_or("");
    let mut prior = before.split_whitespace().rev();
    let capital =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase);
    match (prior.next(), prior.next()) {
        (Some(word), Some(_)) if capital(word) => Some(format!("{word} {name}")),
        _ => Some(name),
    }
}

/// The one number of shots the sentence over a table (its last paragraph) or its caption gives
/// ("_Zero-shot performance._ Evaluated using …", "without any fine-tuning (zero-shot)"), for
/// the rows that give none; `None` when it gives none or several.
pub(crate) fn lead_in_shots(table: &Table) -> Option<(i32, String)> {
    let paragraph = last_paragraph(&table.lead_in);
    // (The caption is often that paragraph itself.)
    let caption = if paragraph.contains(table.caption.trim()) { "" } else { table.caption.trim() };
    let text = format!("{paragraph} {caption}");
    shots_said(&text).filter(|_| !of_one_name(&text, table))
}

/// Whether the shots a text says follow one of the table's benchmark names ("Big Bench Hard
/// (BBH) (3-shot), HumanEval" over BBH, MMLU, …): they are that column's, not the table's.
fn of_one_name(text: &str, table: &Table) -> bool {
    let text = text.to_lowercase();
    let names: Vec<String> = table
        .header
        .iter()
        .chain(table.rows.iter().filter_map(|r| r.first()))
        .map(|c| strip_markup(c).trim().to_lowercase())
        .filter(|c| c.len() >= 2 && resolve(c).is_known)
        // (The name as a text says it: "BBH (%)" is said "BBH", its unit or setting apart.)
        .map(|c| c.split(" (").next().unwrap_or(&c).trim().to_owned())
        .filter(|c| c.len() >= 2)
        .collect();
    let mut shots = text.match_indices("shot").map(|(at, _)| at);
    names.len() >= 2
        && shots.any(|at| {
            // The few characters before the number of shots ("bbh) (3-"), in the same clause.
            let before = &text[..at];
            let clause = before.rsplit([',', ';', ':', '\n']).next().unwrap_or(before);
            let start = clause.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
            names.iter().any(|n| clause[start..].contains(n.as_str()))
        })
}

/// Marks the scores of a table whose lead-in (its last paragraph) or caption says they are on a
/// validation set ("the 0-shot & 5-shot accuracy of Qwen-7B-Chat on C-Eval validation set",
/// "在C-Eval验证集上") and names no test set: "validation" joins their metric, so the next
/// table's test-set values are not the same key's, and precedence puts them after the test set's.
pub(crate) fn mark_lead_in_split(scores: &mut [super::card_scores::CardScore], table: &Table) {
    const VALIDATION: &[&str] = &["validation set", "validation split", "dev set", "development set", "验证集"];
    const TEST: &[&str] = &["test set", "testing set", "test split", "测试集"];
    if scores.is_empty() {
        return;
    }
    let text = format!("{} {}", last_paragraph(&table.lead_in), table.caption).to_lowercase();
    if !VALIDATION.iter().any(|w| text.contains(w)) || TEST.iter().any(|w| text.contains(w)) {
        return;
    }
    // (A score whose name or metric says its split keeps it: "Avg. (Test)" beside "Avg. (Val)".)
    let names_split = |s: &super::card_scores::CardScore| {
        let said = format!("{} {}", s.benchmark_raw, s.metric.as_deref().unwrap_or("")).to_lowercase();
        said.split(|c: char| !c.is_alphanumeric()).any(|w| super::benchmark_shape::SPLITS.contains(&w))
    };
    for s in scores.iter_mut().filter(|s| !names_split(s)) {
        s.metric = Some(s.metric.take().map_or("validation".to_owned(), |m| format!("{m} (validation)")));
    }
}

/// The one number of shots the headings over a table give ("## Results on Zero-shot Common Sense
/// Reasoning tasks > ### MobileLLM-1.5B"), for a table whose lead-in gives none.
pub(crate) fn heading_shots(table: &Table) -> Option<(i32, String)> {
    let (n, _) = shots_said(&table.heading)?;
    // The evidence: the heading that says it, whole.
    let heading = table.heading.rsplit(" > ").find(|h| take_shots(h).1.is_some()).unwrap_or(&table.heading);
    Some((n, heading.chars().take(80).collect()))
}

/// The one number of shots a text says, with the words around it; `None` when it says none,
/// several, or speaks of few-shot without a number.
fn shots_said(text: &str) -> Option<(i32, String)> {
    // Every mention, not the first only ("0-shot and 5-shot" is two settings).
    let (mut rest, mut said) = (text.to_owned(), BTreeSet::new());
    for _ in 0..8 {
        let (left, n) = take_shots(&rest);
        let Some(n) = n else { break };
        said.insert(n);
        rest = left;
    }
    let few = text.to_ascii_lowercase().contains("few-shot");
    // The sentence that says it, as the evidence.
    let sentence = text.split(". ").find(|s| take_shots(s).1.is_some()).unwrap_or(text);
    // (At most 80 characters, around the word "shot".)
    let sentence = clip(sentence.trim());
    let at = sentence.to_ascii_lowercase().find("shot").unwrap_or(0);
    let from = sentence[..at].chars().count().saturating_sub(50);
    let said_so: String = sentence.chars().skip(from).take(80).collect();
    match (said.iter().collect::<Vec<_>>().as_slice(), few) {
        ([n], false) => Some((**n, said_so)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tables::tables;

    #[test]
    fn a_name_after_a_camel_cased_word_is_a_variants() {
        let named = |lead: &str| lead_in_benchmark(&tables(&format!("{lead}\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"))[0]);
        assert_eq!(named("Below are Foo's pass@1 on HumanEval scores").as_deref(), Some("HumanEval"));
        assert_eq!(named("Below are Foo's pass@1 on MultiPL HumanEval scores"), None);
        // (A sentence's first word is no qualifier.)
        assert_eq!(named("Our HumanEval results").as_deref(), Some("HumanEval"));
        // A linked leaderboard ranks by many benchmarks; a linked benchmark is the table's.
        let link = |text: &str| named(&format!("Full results are on the [{text}](https://x.org) benchmark page."));
        assert_eq!(link("ScandEval leaderboard"), None);
        assert_eq!(link("MathBench-A").as_deref(), Some("MathBench-A"));
    }

    #[test]
    fn the_shots_said_once_over_a_table() {
        let shots = |lead: &str| lead_in_shots(&tables(&format!("{lead}\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"))[0]);
        assert_eq!(shots("_Zero-shot performance._ Evaluated using the harness:").map(|s| s.0), Some(0));
        assert_eq!(shots("Results without any fine-tuning (zero-shot):").map(|s| s.0), Some(0));
        assert_eq!(shots("_5-shot performance._").map(|s| s.0), Some(5));
        assert_eq!(shots("0-shot and 5-shot results:"), None, "two settings");
        assert_eq!(shots("Few-shot results, 5-shot where noted:"), None, "few-shot: not one number");
        assert_eq!(shots("Results:"), None);
        // Shots said after one benchmark's name are that column's alone.
        let table = "| Model | MMLU | BBH |\n|---|---|---|\n| Foo | 60.1 | 45.2 |\n";
        let over = |lead: &str| lead_in_shots(&tables(&format!("{lead}\n\n{table}"))[0]).map(|s| s.0);
        assert_eq!(over("We report accuracies on Big Bench Hard (BBH) (3-shot), HumanEval."), None);
        assert_eq!(over("We report accuracies on MMLU 5-shot, BBH."), None);
        // (A column named with its unit, "BBH (%)", is still that benchmark's.)
        let units = table.replace("| MMLU | BBH |", "| MMLU (%) | BBH (%) |");
        let lead = "We report accuracies on Big Bench Hard (BBH) (3-shot), HumanEval.";
        assert_eq!(lead_in_shots(&tables(&format!("{lead}\n\n{units}"))[0]), None);
        assert_eq!(over("_5-shot performance_ on MMLU and BBH:"), Some(5));
        assert_eq!(shots("Zero-shot results.\n\nOur model's scores:"), None, "an earlier paragraph");
        // A blank line of spaces ends a paragraph too (CRLF cards).
        assert_eq!(shots("Zero-shot results.\r\n \r\nOur model's scores:"), None);
    }

    #[test]
    fn a_validation_set_said_over_a_table_joins_its_metrics() {
        use crate::parse::card::read_card;
        // Qwen-7B-Chat's card: C-Eval's validation set in one table, its test set in the next.
        let table = |v: &str| format!("| Model | C-Eval |\n|---|---|\n| Qwen-7B-Chat | {v} |\n");
        let card = format!(
            "# Qwen-7B-Chat\n\nWe demonstrate the accuracy of Qwen-7B-Chat on C-Eval validation set\n\n{}\nThe accuracy on C-Eval testing set is below:\n\n{}",
            table("59.7"),
            table("58.6")
        );
        let got: Vec<(f64, Option<String>)> =
            read_card("Qwen/Qwen-7B-Chat", &card).scores.into_iter().map(|s| (s.score.value, s.score.metric)).collect();
        assert_eq!(got, [(59.7, Some("validation".to_owned())), (58.6, None)]);
        // A column that names its split keeps it.
        let named = card.replace("| C-Eval |", "| C-Eval (Test) |");
        let metrics: Vec<Option<String>> =
            read_card("Qwen/Qwen-7B-Chat", &named).scores.into_iter().map(|s| s.score.metric).collect();
        assert!(metrics.iter().all(|m| !m.as_deref().unwrap_or("").contains("validation")), "{metrics:?}");
    }

    #[test]
    fn the_shots_a_heading_says() {
        let shots = |md: &str| heading_shots(&tables(md)[0]).map(|s| s.0);
        let table = "\n\n| model | arc_easy |\n|---|---|\n| Foo-1B | 63.0 |\n";
        assert_eq!(shots(&format!("## Results on Zero-shot Reasoning tasks\n\n### Foo-1B{table}")), Some(0));
        assert_eq!(shots(&format!("#### KMMLU (5-shot){table}")), Some(5));
        assert_eq!(shots(&format!("## 0-shot and 5-shot results{table}")), None, "two settings");
        assert_eq!(shots(&format!("## Few-shot results{table}")), None, "few-shot: not one number");
        assert_eq!(shots(&format!("## Results{table}")), None);
    }

    #[test]
    fn a_run_of_capitalized_words_names_a_benchmark() {
        let md =
            "*5-shot performance.* Language Understanding evaluated using Massive Multitask Language Understanding:\n\
                  | Average |\n| :--- |\n| 81.1 |\n";
        assert_eq!(lead_in_benchmark(&tables(md)[0]).as_deref(), Some("Massive Multitask Language Understanding"));
        let sub = md.replace("Massive Multitask", "Multilingual Massive Multitask");
        assert_eq!(lead_in_benchmark(&tables(&sub)[0]), None, "the whole run, not a part of it");
        // The run's last word is the run's: "Math" in "… Grade School Math" is no MATH.
        let mgsm = md.replace("Massive Multitask Language Understanding", "Multilingual Grade School Math");
        assert_eq!(lead_in_benchmark(&tables(&mgsm)[0]).as_deref(), Some("Multilingual Grade School Math"));
        let exam = md.replace("Massive Multitask Language Understanding", "Hungarian National High School Math");
        assert_eq!(lead_in_benchmark(&tables(&exam)[0]), None);
    }

    #[test]
    fn naming_the_measure_says_a_known_benchmarks_results_follow() {
        let table = "\n\n| Model | Pass@1 |\n|---|---|\n| Foo-7B-Chat | 37.2 |\n";
        let named = |lead: &str| lead_in_benchmark(&tables(&format!("{lead}{table}"))[0]);
        let pass = "The zero-shot Pass@1 of Foo-7B-Chat on [HumanEval](https://x/human-eval) is demonstrated below";
        assert_eq!(named(pass).as_deref(), Some("HumanEval"));
        assert_eq!(named("Foo-7B-Chat on [HumanEval](https://x) is demonstrated below"), None, "no measure named");
        // Not for a linked name densing does not know: "results" alone does not say it evaluates on it.
        let metric = "Evaluation results are shown below. The [Pearson correlation coefficient](https://x) is used.";
        assert_eq!(named(metric), None);
    }
}
