//! Rows that are a benchmark's language parts though no header says "Language" (`| German 🇩🇪 |
//! 7.26 |` under "We achieve the following MT-Bench scores across 6 languages:").

use super::axis_words::LANGUAGES;
use super::benchmarks::strip_markup;
use super::model_names::words;
use super::table_context::lead_in_names;
use super::tables::{is_missing, Table};

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
