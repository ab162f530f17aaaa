//! Cells holding a model's score in two settings ("49.0/47.4"), split only where the card says
//! right under the table which is which ("Scores of Qwen3.5 models are reported as Thinking /
//! Non-thinking."). Without such a legend a pair stays unread: its meaning is unknown.

use super::card_scores::{clip, table_scores, TableRead};
use super::tables::{pure_number, Table, TableKind};

/// Bytes after a table searched for its legend.
const LEGEND_WINDOW: usize = 1200;

/// A table whose cells give two settings ("49.0/47.4") under a legend naming them ("reported as
/// Thinking / Non-thinking"): read once per setting, each paired value marked with its setting.
pub fn read_pairs(table: &Table, legend: &[String; 2], (model_id, tuned, intro): (&str, bool, &str)) -> TableRead {
    let mut out = TableRead::default();
    for (side, setting) in legend.iter().enumerate() {
        let Some(half) = pair_side(table, side) else {
            return table_scores(table, model_id, tuned, intro);
        };
        let read = table_scores(&half, model_id, tuned, intro);
        out.abstained = out.abstained.or(read.abstained);
        for mut score in read.scores {
            if side == 1 || is_pair_value(table, score.offset, &score.value_raw) {
                let setting = if setting.contains("think") || setting.contains("reason") {
                    format!("{setting} mode")
                } else {
                    setting.clone()
                };
                score.evidence = clip(&format!("{} | {setting} (legend under the table)", score.evidence));
                score.metric = Some(match score.metric {
                    Some(m) => format!("{m} ({setting})"),
                    None => setting,
                });
            }
            out.scores.push(score);
        }
    }
    out
}

/// The two settings a legend under `table` names, in the order its cells give them.
pub fn pair_legend(table: &Table, markdown: &str) -> Option<[String; 2]> {
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

/// `table` with each pair cell ("49.0/47.4", "99.2 / -") replaced by its `side` (0 or 1); on
/// side 1 a number without a pair is emptied, so only the pairs' second values are read there.
/// `None` when no cell of the table is a pair.
pub fn pair_side(table: &Table, side: usize) -> Option<Table> {
    let mut any = false;
    let mut out = table.clone();
    for row in out.rows.iter_mut() {
        for cell in row.iter_mut() {
            match split_pair(cell) {
                Some(pair) => {
                    any = true;
                    *cell = pair[side].clone();
                }
                None if side == 1 && pure_number(cell).is_some() => cell.clear(),
                None => {}
            }
        }
    }
    any.then_some(out)
}

/// Whether `cell` of row `row` in `table` holds a pair whose `side` value is `value_raw`.
pub fn is_pair_value(table: &Table, row_offset: usize, value_raw: &str) -> bool {
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
        TableKind::Html => text.to_ascii_lowercase().find("</table>").map(|i| from + i + "</table>".len()),
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

fn floor_boundary(s: &str, at: usize) -> usize {
    (0..=at.min(s.len())).rev().find(|i| s.is_char_boundary(*i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tables::tables;

    const CARD: &str = "## Vision\n\n| | Qwen3-VL-2B | Qwen3.5-0.8B |\n|---|---|---|\n| MMMU | 41.8 | 49.0/47.4 |\n| ERQA | 36.0 | 34.5/23.8 |\n\n* Scores of Qwen3.5 models are reported as Thinking / Non-thinking.<br>\n";

    #[test]
    fn a_legend_under_the_table_names_both_settings() {
        let t = &tables(CARD)[0];
        assert_eq!(pair_legend(t, CARD), Some(["thinking".to_owned(), "non-thinking".to_owned()]));
        let second = pair_side(t, 1).unwrap();
        assert_eq!(second.rows[0], ["MMMU", "", "47.4"]);
        assert_eq!(pair_side(t, 0).unwrap().rows[1], ["ERQA", "36.0", "34.5"]);
        assert!(is_pair_value(t, t.row_offsets[0], "49.0"));
        assert!(!is_pair_value(t, t.row_offsets[0], "41.8"));
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
