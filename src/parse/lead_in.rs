//! What the sentence over a table says of its rows: that they are a benchmark's language parts
//! though no header says "Language" (`| German 🇩🇪 | 7.26 |` under "We achieve the following
//! MT-Bench scores across 6 languages:"), or the shots they were run at ("_Zero-shot performance._").

use std::collections::BTreeSet;

use super::axis_words::LANGUAGES;
use super::benchmarks::{strip_markup, take_shots};
use super::model_names::words;
use super::table_context::lead_in_names;
use super::tables::{clip, is_missing, Table};

/// The benchmark a table whose rows are languages (`| German 🇩🇪 | 7.26 |`, no axis header)
/// measures: the one its lead-in names, in any words ("We achieve the following MT-Bench
/// scores across 6 languages:"). Its rows are that benchmark's language parts.
pub(crate) fn language_rows_of(table: &Table, names_col: usize) -> Option<String> {
    let language = |cell: &str| {
        let said = words(&strip_markup(cell));
        matches!(said.as_slice(), [w] if LANGUAGES.contains(&w.as_str()) || w == "english")
    };
    let names: Vec<&String> = table.rows.iter().map(|r| &r[names_col]).filter(|c| !c.trim().is_empty()).collect();
    let name = (names.len() >= 2 && names.iter().all(|c| language(c))).then(|| lead_in_names(table, true)).flatten()?;
    // With the capitalized word before it ("shows Multilingual MMLU scores"): the name as written.
    let text = table.lead_in.trim().rsplit("\n\n").next().unwrap_or("");
    let before = text.split(name.as_str()).next().filter(|b| b.len() < text.len()).unwrap_or("");
    let mut prior = before.split_whitespace().rev();
    let capital =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase);
    match (prior.next(), prior.next()) {
        (Some(word), Some(_)) if capital(word) => Some(format!("{word} {name}")),
        _ => Some(name),
    }
}

/// Whether a models-as-columns table has one column of labels, `bench_col` (the rest are values,
/// or say nothing: a column of "NaN" is a model left unevaluated).
pub(crate) fn one_label_column(table: &Table, bench_col: usize, value_cols: &[usize]) -> bool {
    let labels = |c: usize| table.rows.iter().any(|r| r[c].chars().any(char::is_alphabetic) && !is_missing(&r[c]));
    (0..table.header.len()).all(|c| c == bench_col || value_cols.contains(&c) || !labels(c))
}

/// The one number of shots the sentence over a table (its last paragraph) or its caption gives
/// ("_Zero-shot performance._ Evaluated using …", "without any fine-tuning (zero-shot)"), for
/// the rows that give none; `None` when it gives none or several.
pub(crate) fn lead_in_shots(table: &Table) -> Option<(i32, String)> {
    let lead_in = table.lead_in.replace("\r\n", "\n");
    let paragraph = lead_in.trim().rsplit("\n\n").next().unwrap_or("");
    // (The caption is often that paragraph itself.)
    let caption = if paragraph.contains(table.caption.trim()) { "" } else { table.caption.trim() };
    let text = format!("{paragraph} {caption}");
    // Every mention, not the first only ("0-shot and 5-shot" is two settings).
    let (mut rest, mut said) = (text.clone(), BTreeSet::new());
    for _ in 0..8 {
        let (left, n) = take_shots(&rest);
        let Some(n) = n else { break };
        said.insert(n);
        rest = left;
    }
    let few = text.to_ascii_lowercase().contains("few-shot");
    // The sentence that says it, as the evidence.
    let sentence = text.split(". ").find(|s| take_shots(s).1.is_some()).unwrap_or(&text);
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
    fn the_shots_said_once_over_a_table() {
        let shots = |lead: &str| lead_in_shots(&tables(&format!("{lead}\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"))[0]);
        assert_eq!(shots("_Zero-shot performance._ Evaluated using the harness:").map(|s| s.0), Some(0));
        assert_eq!(shots("Results without any fine-tuning (zero-shot):").map(|s| s.0), Some(0));
        assert_eq!(shots("_5-shot performance._").map(|s| s.0), Some(5));
        assert_eq!(shots("0-shot and 5-shot results:"), None, "two settings");
        assert_eq!(shots("Few-shot results, 5-shot where noted:"), None, "few-shot: not one number");
        assert_eq!(shots("Results:"), None);
        assert_eq!(shots("Zero-shot results.\n\nOur model's scores:"), None, "an earlier paragraph");
    }
}
