//! Cells holding a model's score in two settings ("49.0/47.4"), split only where the card says
//! right under the table which is which ("Scores of Qwen3.5 models are reported as Thinking /
//! Non-thinking."). Without such a legend a pair stays unread: its meaning is unknown.

use super::card_scores::{table_scores, TableRead};
use super::model_modes::in_setting;
use super::tables::clip;
use super::tables::{pure_number, Table, TableKind};

/// Bytes after a table searched for its legend.
const LEGEND_WINDOW: usize = 1200;

/// A table whose cells give two settings ("49.0/47.4") under a legend naming them ("reported as
/// Thinking / Non-thinking"): read once per setting, each paired value marked with its setting.
pub fn read_pairs(table: &Table, legend: &[String; 2], (model_id, tuned, intro): (&str, bool, &str)) -> TableRead {
    let mut out = TableRead::default();
    for (side, setting) in legend.iter().enumerate() {
        let read = table_scores(&pair_side(table, side), model_id, tuned, intro);
        out.abstained = out.abstained.or(read.abstained);
        for mut score in read.scores {
            if side == 1 || is_pair_value(table, score.offset, &score.value_raw) {
                score.metric = Some(in_setting(score.metric, setting));
                score.evidence = clip(&format!("{} | {setting} (legend under the table)", score.evidence));
            }
            out.scores.push(score);
        }
    }
    out
}

/// The two settings a legend under `table` names, in the order its cells give them.
/// `None` at once for a table without a pair cell (most tables): the card's text is not searched.
pub fn pair_legend(table: &Table, markdown: &str) -> Option<[String; 2]> {
    if !table.rows.iter().flatten().any(|c| split_pair(c).is_some()) {
        return None;
    }
    let after = table_end(table, markdown)?;
    let window = markdown.get(after..)?;
    let window = &window[..floor_boundary(window, LEGEND_WINDOW)];
    // The legend belongs to this table only up to the next table or heading.
    let stop = ["<table", "\n|", "\n#"].iter().filter_map(|s| window.find(s)).min().unwrap_or(window.len());
    let text = window[..stop].to_lowercase();
    let at = ["reported as ", "shown as ", "presented as ", "are given as "]
        .iter()
        .filter_map(|p| text.find(p).map(|i| i + p.len()))
        .min()?;
    let rest = &text[at..];
    let end = rest.find(['.', '<', '\n', '(', ';', ',']).unwrap_or(rest.len());
    let (a, b) = rest[..end].split_once('/')?;
    let name = |s: &str| {
        let s = s.trim().trim_matches(['"', '*', '`']).trim();
        let ok = (2..=24).contains(&s.len()) && s.chars().all(|c| c.is_alphabetic() || c == '-' || c == ' ');
        ok.then(|| s.to_owned())
    };
    Some([name(a)?, name(b)?])
}

/// A column whose header names its two settings ("AIME 2024 (pass@1 / cons@64)") over pair
/// cells ("72.1 / 90.0") becomes two columns, "AIME 2024 (pass@1)" and "AIME 2024 (cons@64)".
/// A lone number in such a column belongs to neither for sure and is left out.
pub(super) fn split_legend_columns(t: &mut Table) {
    for c in (0..t.header.len()).rev() {
        let Some((name, [a, b])) = header_pair(&t.header[c]) else { continue };
        if !t.rows.iter().any(|r| r.get(c).is_some_and(|cell| split_pair(cell).is_some())) {
            continue;
        }
        t.header[c] = format!("{name} ({a})");
        t.header.insert(c + 1, format!("{name} ({b})"));
        if c < t.header_bold.len() {
            let bold = t.header_bold[c];
            t.header_bold.insert(c + 1, bold);
        }
        if c < t.header_links.len() {
            let link = t.header_links[c].clone();
            t.header_links.insert(c + 1, link);
        }
        for row in &mut t.rows {
            let [x, y] = row.get(c).and_then(|cell| split_pair(cell)).unwrap_or_default();
            if c < row.len() {
                row[c] = x;
                row.insert(c + 1, y);
            }
        }
    }
}

/// "AIME 2024 (pass@1 / cons@64)" → ("AIME 2024", ["pass@1", "cons@64"]).
fn header_pair(header: &str) -> Option<(String, [String; 2])> {
    let (name, rest) = header.trim().rsplit_once('(')?;
    let (a, b) = rest.strip_suffix(')')?.split_once('/')?;
    let setting = |s: &str| {
        let s = s.trim();
        ((1..=16).contains(&s.len()) && s.chars().any(|c| c.is_alphabetic())).then(|| s.to_owned())
    };
    let name = name.trim();
    (!name.is_empty()).then_some(())?;
    Some((name.to_owned(), [setting(a)?, setting(b)?]))
}

/// `table` with each pair cell ("49.0/47.4", "99.2 / -") replaced by its `side` (0 or 1); on
/// side 1 a number without a pair is emptied, so only the pairs' second values are read there.
fn pair_side(table: &Table, side: usize) -> Table {
    let mut out = table.clone();
    for cell in out.rows.iter_mut().flatten() {
        match split_pair(cell) {
            Some(pair) => *cell = pair[side].clone(),
            None if side == 1 && pure_number(cell).is_some() => cell.clear(),
            None => {}
        }
    }
    out
}

/// Whether the row at `row_offset` holds a pair with `value_raw` in it (rows that share the
/// table's offset, where they have no place of their own: any of them).
fn is_pair_value(table: &Table, row_offset: usize, value_raw: &str) -> bool {
    table
        .rows
        .iter()
        .zip(&table.row_offsets)
        .filter(|(_, o)| **o == row_offset)
        .any(|(row, _)| row.iter().any(|c| split_pair(c).is_some_and(|p| p.iter().any(|v| v.trim() == value_raw))))
}

/// "49.0/47.4" → ["49.0", "47.4"]; "99.2 / -" → ["99.2", "-"]: a number, then a number or a dash.
fn split_pair(cell: &str) -> Option<[String; 2]> {
    let (a, b) = cell.split_once('/')?;
    let number = |s: &str| pure_number(s).is_some();
    let dash = |s: &str| matches!(super::benchmarks::strip_markup(s).trim(), "-" | "--" | "—");
    (number(a) && (number(b) || dash(b))).then(|| [a.trim().to_owned(), b.trim().to_owned()])
}

/// Where the table's text ends: past `</table>` for HTML, past its last `|` line for markdown.
fn table_end(table: &Table, markdown: &str) -> Option<usize> {
    let from = *table.row_offsets.last().unwrap_or(&table.offset);
    let text = markdown.get(from..)?;
    match table.kind {
        TableKind::Html => text
            .match_indices("</")
            .find(|(i, _)| text.get(*i..*i + 8).is_some_and(|t| t.eq_ignore_ascii_case("</table>")))
            .map(|(i, _)| from + i + "</table>".len()),
        TableKind::Markdown => {
            let mut at = from;
            for line in text.split_inclusive('\n') {
                if !line.trim_start().starts_with('|') {
                    break;
                }
                at += line.len();
            }
            Some(at)
        }
    }
}

/// The char boundary at or before byte `at` of `s`.
pub(super) fn floor_boundary(s: &str, at: usize) -> usize {
    (0..=at.min(s.len())).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tables::tables;

    const CARD: &str = "## Vision\n\n| | Qwen3-VL-2B | Qwen3.5-0.8B |\n|---|---|---|\n| MMMU | 41.8 | 49.0/47.4 |\n| ERQA | 36.0 | 34.5/23.8 |\n\n* Scores of Qwen3.5 models are reported as Thinking / Non-thinking.<br>\n";

    #[test]
    fn a_header_naming_two_settings_splits_its_pair_cells() {
        let md = "| Models | MATH-500 (pass@1) | AIME 2024 (pass@1 / cons@64) |\n|---|---|---|\n\
                  | EXAONE Deep 32B | 95.7 | 72.1 / 90.0 |\n| Other 32B | 94.3 | 79.8 |\n";
        let t = &crate::parse::tables::tables(md)[0];
        assert_eq!(t.header, ["Models", "MATH-500 (pass@1)", "AIME 2024 (pass@1)", "AIME 2024 (cons@64)"]);
        assert_eq!(t.rows[0], ["EXAONE Deep 32B", "95.7", "72.1", "90.0"]);
        assert_eq!(t.rows[1], ["Other 32B", "94.3", "", ""], "a lone number is neither for sure");
        // Without pair cells the header stays as it is.
        let plain = md.replace("72.1 / 90.0", "72.1");
        assert_eq!(crate::parse::tables::tables(&plain)[0].header.len(), 3);
    }

    #[test]
    fn a_legend_under_the_table_names_both_settings() {
        let t = &tables(CARD)[0];
        assert_eq!(pair_legend(t, CARD), Some(["thinking".to_owned(), "non-thinking".to_owned()]));
        assert_eq!(pair_side(t, 1).rows[0], ["MMMU", "", "47.4"]);
        assert_eq!(pair_side(t, 0).rows[1], ["ERQA", "36.0", "34.5"]);
        assert!(is_pair_value(t, t.row_offsets[0], "49.0"));
        assert!(!is_pair_value(t, t.row_offsets[0], "41.8"));
    }

    #[test]
    fn each_setting_is_read_from_the_models_column_and_named_in_its_metric() {
        let t = &tables(CARD)[0];
        let legend = pair_legend(t, CARD).unwrap();
        let read = read_pairs(t, &legend, ("Qwen/Qwen3.5-0.8B", false, ""));
        let got: Vec<_> =
            read.scores.iter().map(|s| (s.value_raw.as_str(), s.metric.as_deref().unwrap_or(""))).collect();
        assert_eq!(
            got,
            [
                ("49.0", "thinking mode"),
                ("34.5", "thinking mode"),
                ("47.4", "non-thinking mode"),
                ("23.8", "non-thinking mode")
            ]
        );
        assert!(read.scores[2].evidence.ends_with("| non-thinking (legend under the table)"));
        // The same cells in an HTML table, whose legend follows `</TABLE>`.
        let html = "<table><tr><th></th><th>Qwen3.5-0.8B</th></tr><tr><td>MMMU</td><td>49.0/47.4</td></tr>\
                    <tr><td>MMMU-Pro</td><td>31.2/31.4</td></tr></TABLE>\n<p>* Scores are reported as Thinking / Non-thinking.</p>\n";
        assert_eq!(pair_legend(&tables(html)[0], html).map(|l| l[1].clone()).as_deref(), Some("non-thinking"));
    }

    #[test]
    fn no_legend_or_a_legend_past_the_next_table_splits_nothing() {
        let bare = CARD.replace("* Scores of Qwen3.5 models are reported as Thinking / Non-thinking.", "");
        assert_eq!(pair_legend(&tables(&bare)[0], &bare), None);
        let later = CARD.replace("\n* Scores", "\n| A | B |\n|---|---|\n| x | 1 |\n\n* Scores");
        assert_eq!(pair_legend(&tables(&later)[0], &later), None);
        // "1/2" style ranks or dates are no pair of scores with a dash or number on each side.
        assert_eq!(split_pair("7/10 wins"), None);
        assert_eq!(split_pair("99.2 / -").map(|p| p[0].clone()).as_deref(), Some("99.2"));
    }
}
