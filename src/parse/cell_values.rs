//! What a table cell's text says as a value: a number (with the marks cards put around one), no
//! value at all, or a column of fractions rather than percents.

use super::benchmarks::strip_markup;
use super::front_matter::leading_number;
use super::tables::Table;

/// A cell holding just a number (with markup, `%` or `± err` around it, or marks such as "✅",
/// "👑", "†" that only say the value is the best).
pub(crate) fn pure_number(cell: &str) -> Option<f64> {
    let text = strip_markup(cell);
    let t = text.trim().trim_end_matches('%').trim();
    // "0,52": a decimal comma, which a leading zero tells from a thousands separator.
    if let Some(digits) = t.strip_prefix("0,").filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())) {
        return format!("0.{digits}").parse().ok();
    }
    let value = leading_number(t)?;
    let digits_end = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(t.len());
    // "8-40" is a range (and "2024-05-01" a date), not a number.
    if t[..digits_end].char_indices().any(|(i, c)| i > 0 && (c == '-' || c == '+')) {
        return None;
    }
    // ("87.0% 🏆": the percent sign before a mark.)
    let rest = t[digits_end..].trim().trim_start_matches('%').trim();
    let marks = |c: char| {
        c.is_whitespace() || matches!(c, '*' | '^' | '#') || (!c.is_ascii() && !c.is_alphanumeric() && c != '±')
    };
    // "2️⃣" (a keycap: the digit, a variation selector, U+20E3) is a rank, not a value.
    let marked = !rest.is_empty() && rest.chars().all(marks) && !rest.contains('\u{20e3}');
    // "24.0 pass@1": the value with the metric it is (pass@1, a code benchmark's usual one).
    let pass_at_1 = rest.eq_ignore_ascii_case("pass@1");
    // "25.09 (bad score. no clue why)": the card doubts its own number.
    if rest.starts_with('(') && doubted(rest) {
        return None;
    }
    (rest.is_empty()
        || marked
        || pass_at_1
        || rest.starts_with('±')
        || rest.starts_with('(')
        || rest.starts_with("+/-"))
    .then_some(value)
}

/// The plus set's value in a cell under "HumanEval (+)": "76.2 (72.0)" gives ("HumanEval+", 72.0),
/// EvalPlus's way of writing both sets in one column. Only for a name whose plus set densing knows.
pub(crate) fn plus_value(header: &str, cell: &str) -> Option<(String, f64)> {
    let name = strip_markup(header);
    let base = name.trim().strip_suffix("(+)")?.trim();
    let plus = format!("{base}+");
    let inner = strip_markup(cell);
    let (_, inner) = inner.trim().strip_suffix(')')?.rsplit_once('(')?;
    let (of_base, of_plus) = (super::benchmarks::resolve(base), super::benchmarks::resolve(&plus));
    let value = inner.trim().parse().ok()?;
    (of_plus.is_known && of_plus.canonical != of_base.canonical).then_some((plus, value))
}

/// A note that says a number is not to be trusted.
fn doubted(note: &str) -> bool {
    const DOUBT: &[&str] =
        &["bad", "wrong", "bug", "buggy", "invalid", "unreliable", "incorrect", "broken", "suspicious", "contaminated"];
    let lower = note.to_lowercase();
    lower.contains('?')
        || lower.contains("no clue")
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| DOUBT.contains(&w))
}

/// Cells that mean "no value" ("NaN", "N/A", "-"), in tables and leaderboards alike.
const MISSING: &[&str] = &["", "-", "–", "—", "?", "n/a", "na", "null", "none", "nan", "unknown"];

/// A cell that says no value was measured ([`MISSING`], markup and case aside).
pub fn is_missing(cell: &str) -> bool {
    MISSING.contains(&strip_markup(cell).trim().to_lowercase().as_str())
}

/// Whether a column holds fractions (0.634), not percents: see [`rows_are_fractions`].
pub(crate) fn column_is_fraction(table: &Table, col: usize) -> bool {
    match table.rows.as_slice() {
        // One row (`| Average | hellaswag |` over `| 0.57221 | 0.81617 |`): its numbers together.
        [row] => pure_number(&row[col]).is_some() && fractions(row.iter().filter_map(|c| pure_number(c))),
        _ => rows_are_fractions(table.rows.iter(), col) || lone_among_fractions(table, col),
    }
}

/// A column with one number, at most 1, in a table whose other numbers are fractions: one too
/// (`| Foo-72B | 0.836 | 0.4725 |` over `| GPT-4V | 0.844 | - |`). A table has one unit.
fn lone_among_fractions(table: &Table, col: usize) -> bool {
    let numbers = |j: usize| table.rows.iter().filter_map(move |r| r.get(j).and_then(|c| pure_number(c)));
    let lone = numbers(col).count() == 1 && numbers(col).all(|v| v <= 1.0);
    lone && fractions((0..table.header.len()).filter(|j| *j != col).flat_map(numbers))
}

/// Whether a row's numbers in `cols` are fractions: one benchmark's scores across the models of a
/// table of models as columns, as a column is across its rows in a table of models as rows.
pub(crate) fn row_is_fraction(row: &[String], cols: &[usize]) -> bool {
    fractions(cols.iter().filter_map(|c| row.get(*c).and_then(|cell| pure_number(cell))))
}

/// Two or more numbers, every one at most 1 and one above 0.
fn fractions(values: impl Iterator<Item = f64>) -> bool {
    let values: Vec<f64> = values.collect();
    values.len() >= 2 && values.iter().all(|v| (0.0..=1.0).contains(v)) && values.iter().any(|v| *v > 0.0)
}

/// Whether every number of column `col` in `rows` is at most 1 (and there are two or more).
pub(crate) fn rows_are_fractions<'a>(rows: impl Iterator<Item = &'a Vec<String>>, col: usize) -> bool {
    fractions(rows.filter_map(|r| pure_number(&r[col])))
}

/// The share of a column's filled cells (not "-", "N/A": [`is_missing`]) that are numbers, or pairs of
/// them ("99.2 / -", "80.5 / 85.2‡": a value in two settings, which makes a column of values, though no
/// pair is read), or counts of problems solved ("20/40" on AMC rows beside percents on GSM8K's: values,
/// not read).
pub(crate) fn numeric_share(table: &Table, col: usize) -> f64 {
    share(table.rows.iter().map(|r| &r[col]))
}

/// [`numeric_share`] over the rows `counted` marks (in a table of models as columns, those naming a
/// known benchmark: rows of a model's links or licence, `| Checkpoint | HF Link | … |`, say nothing
/// of whether its column is one of values, nor do hyperparameters, `| Training | Sequence Length |
/// 2048 |`).
pub(crate) fn numeric_share_in_rows(table: &Table, col: usize, counted: &[bool]) -> f64 {
    share(table.rows.iter().zip(counted).filter(|(_, c)| **c).map(|(r, _)| &r[col]))
}

fn share<'a>(cells: impl Iterator<Item = &'a String>) -> f64 {
    // (A cell longer than any way of writing "N/A" is no missing mark: most cells are not looked up.)
    let missing = |c: &str| c.trim().is_empty() || c.trim() == "-" || c.len() <= 16 && is_missing(c);
    let filled: Vec<&String> = cells.filter(|c| !missing(c)).collect();
    if filled.is_empty() {
        return 0.0;
    }
    filled.iter().filter(|c| is_value(c)).count() as f64 / filled.len() as f64
}

fn is_value(cell: &str) -> bool {
    pure_number(cell).is_some() || number_pair(cell) || solved_count(cell)
}

/// "99.2 / -", "56.6 / **73.1**": two values (or one and a dash) split by a slash.
fn number_pair(cell: &str) -> bool {
    let Some((a, b)) = cell.split_once(" / ") else { return false };
    let side = |s: &str| pure_number(s).is_some();
    let dash = |s: &str| s.trim() == "-";
    (side(a) || dash(a)) && (side(b) || dash(b)) && (side(a) || side(b))
}

/// "20/40", "**5/30**": problems solved of a set's, a column's value though not a score.
fn solved_count(cell: &str) -> bool {
    let cell = cell.trim().trim_matches('*');
    let Some((n, of)) = cell.split_once('/') else { return false };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    digits(n) && digits(of) && n.parse::<u32>().ok() <= of.parse::<u32>().ok()
}

/// A superscript that marks a footnote, or is part of a name: a number or a sign, up to three
/// characters ("1", "*", "†"; not "(Thinking)").
pub(super) fn is_footnote_mark(text: &str) -> bool {
    let t = text.trim();
    (1..=3).contains(&t.chars().count()) && t.chars().all(|c| c.is_ascii_digit() || "*†‡§¶#+".contains(c))
}

/// A cell's text with each superscript mark (between `\u{1}` and `\u{2}`) kept where the name goes
/// on after it ("τ<sup>2</sup>-Bench" is τ2-Bench) and dropped where it ends the name, a footnote's
/// ("Baichuan-7B<sup>0</sup>").
pub(super) fn marks_resolved(text: String) -> String {
    if !text.contains('\u{1}') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some((before, after)) = rest.split_once('\u{1}') {
        let (mark, next) = after.split_once('\u{2}').unwrap_or((after, ""));
        out.push_str(before);
        if next.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
            out.push_str(mark);
        }
        rest = next;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::card_scores::table_scores;
    use crate::parse::tables::tables;

    const NUMINA: &str = "| | | Foo-7B-CoT | Foo-7B-TIR |\n| --- | --- | :---: | :---: |\n\
        | **GSM8k** | 0-shot | 76.3% | 84.6% |\n| Grade school math |\n| **MATH** | 0-shot | 55.8% | **68.1%** |\n\
        | **AMC 2023** | 0-shot | 11/40 | **20/40** |\n| Competition-level math | maj@64 | 18/40 | **31/40** |\n\
        | **AIME 2024** | 0-shot | 0/30 | **5/30** |\n| Competition-level math | maj@64 | 1/30 | **10/30** |\n";

    #[test]
    fn counts_of_problems_solved_make_a_column_of_values_but_are_not_read() {
        let t = tables(NUMINA).remove(0);
        assert!(numeric_share(&t, 3) >= 0.5, "{}", numeric_share(&t, 3));
        let read = table_scores(&t, "acme/Foo-7B-TIR", true, "");
        let got: Vec<(&str, f64)> = read.scores.iter().map(|s| (s.benchmark_raw.as_str(), s.value)).collect();
        assert_eq!(got, [("GSM8k", 84.6), ("MATH", 68.1)], "{read:?}");
        // A larger first number is no count of a set's problems.
        assert!(!solved_count("41/40") && solved_count("**5/30**") && !solved_count("1/2/3"));
    }

    #[test]
    fn a_column_of_values_may_say_most_were_not_measured() {
        // Competitors' "N/A" leave the column a column of values: the model's row is named by its
        // label alone, not "Foo-7B 84.73".
        let md = "| Model | F1 score |\n|---|---|\n| Bar | N/A |\n| Baz | n/a |\n| Qux | N/A |\n| **Foo-7B** | **84.73** |\n";
        let t = tables(md).remove(0);
        assert_eq!(numeric_share(&t, 1), 1.0);
        let read = table_scores(&t, "acme/Foo-7B", true, "");
        let why = read.abstained.map(|(_, why)| why).unwrap_or_default();
        assert!(!why.contains("84.73"), "{why}");
    }
}
