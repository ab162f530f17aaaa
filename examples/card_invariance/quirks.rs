//! Rewrites of habits of writing a reader looks through: tables in a block quote, anchors and
//! colons on headings, names in code spans, footnote marks in HTML superscript, a corner named at
//! more length, aligned delimiter rows, scores in bold or with a spaced percent sign in prose and
//! tables, indented lists, sizes in lower case, a table's scores as fractions of one.

use super::blocks::{each_header_cell, each_heading};
use super::marks::{each_body_cell, each_prose_line, is_score};
use super::{each_line, each_table, is_fence, row_cells};

/// Each standalone table inside a block quote (`> | Model | MMLU |`), as some cards set their
/// results apart.
pub(super) fn tables_in_blockquote(t: &str) -> String {
    each_table(t, |rows| Some(rows.iter().map(|l| format!("> {}", l.trim())).collect()))
}

/// An HTML anchor after each `##`-or-deeper heading's text (`## Evaluation <a name="s1"></a>`), as
/// cards with a table of contents link their sections.
pub(super) fn headings_with_anchor(t: &str) -> String {
    let count = std::cell::Cell::new(0);
    each_heading(t, |l, hashes| {
        count.set(count.get() + 1);
        (hashes >= 2).then(|| format!("{} <a name=\"s{}\"></a>", l.trim_end(), count.get()))
    })
}

/// A colon after each `##`-or-deeper heading's text (`## Evaluation:`).
pub(super) fn headings_with_colon(t: &str) -> String {
    each_heading(t, |l, hashes| {
        let text = l[hashes..].trim();
        let plain = hashes >= 2 && !text.is_empty() && !text.ends_with([':', '#', '>', ')', '!', '?', '.']);
        plain.then(|| format!("{}:", l.trim_end()))
    })
}

/// Each row's first cell that reads as a checkpoint's name (a hyphen and a digit: `Qwen2-7B`) in a
/// code span, as cards write repository names.
pub(super) fn table_names_in_code(t: &str) -> String {
    let checkpoint = |c: &str| {
        c.contains('-') && c.contains(|ch: char| ch.is_ascii_digit()) && !c.contains(['`', '*', '[', '<', '_', '\\'])
    };
    each_body_cell(t, |c, j| if j == 0 && checkpoint(c) { format!("`{c}`") } else { c.to_string() })
}

/// A footnote number in HTML superscript after each column's name (`MMLU<sup>1</sup>`), as
/// papers' tables cite a benchmark's source.
pub(super) fn table_headers_footnoted(t: &str) -> String {
    let named = |c: &str| c.chars().filter(|ch| ch.is_alphabetic()).count() >= 2 && !c.contains(['<', '[', '`']);
    each_header_cell(t, |c, j| if j > 0 && named(c) { format!("{c}<sup>1</sup>") } else { c.to_owned() })
}

/// A footnote mark in HTML superscript after each score (`61.2<sup>†</sup>`).
pub(super) fn table_values_footnoted(t: &str) -> String {
    each_body_cell(t, |c, j| if is_score(c, j) { format!("{c}<sup>†</sup>") } else { c.to_string() })
}

/// A corner cell `Model` written at more length (`Model Name`).
pub(super) fn table_corner_named(t: &str) -> String {
    each_header_cell(t, |c, j| {
        let name = c.trim_matches('*').trim();
        if j == 0 && name.eq_ignore_ascii_case("model") {
            c.replacen(name, "Model Name", 1)
        } else {
            c.to_owned()
        }
    })
}

/// The delimiter row aligned: the first column left (`:---`), the others right (`---:`).
pub(super) fn table_cells_aligned(t: &str) -> String {
    each_table(t, |rows| {
        let mut out: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
        out[1] = format!("|:---|{}", "---:|".repeat(row_cells(rows[1]).len() - 1));
        Some(out)
    })
}

/// Each score in prose in bold (`reaches **61.2** on MMLU`), as cards stress their results.
pub(super) fn prose_values_bold(t: &str) -> String {
    each_prose_line(t, |l| {
        let words: Vec<String> = l
            .split(' ')
            .map(|w| {
                let core = w.trim_end_matches([',', ';', ')']);
                if is_score(core, 1) {
                    format!("**{core}**{}", &w[core.len()..])
                } else {
                    w.to_string()
                }
            })
            .collect();
        words.join(" ")
    })
}

/// Each score in a table with a spaced percent sign (`61.2 %`), as French and German writers
/// print it.
pub(super) fn table_values_percent_spaced(t: &str) -> String {
    each_body_cell(t, |c, j| if is_score(c, j) { format!("{c} %") } else { c.to_string() })
}

/// Each top-level list item indented by two spaces (`  - item`): the same list.
pub(super) fn lists_indented(t: &str) -> String {
    let fenced = std::cell::Cell::new(false);
    each_line(t, |l| {
        if is_fence(l) {
            fenced.set(!fenced.get());
        }
        let item = ["- ", "* ", "+ "].iter().any(|b| l.starts_with(b));
        if item && !fenced.get() {
            format!("  {l}")
        } else {
            l.to_string()
        }
    })
}

/// A size in prose with its `B` in lower case (`a 7b model`, `1.5b parameters`), as many cards
/// write it.
pub(super) fn sizes_lowercased(t: &str) -> String {
    each_prose_line(t, |l| {
        let words: Vec<String> = l
            .split(' ')
            .map(|w| {
                let core = w.trim_end_matches([',', ';', ')', '.']);
                let number = core.strip_suffix('B').filter(|n| !n.is_empty() && n.parse::<f64>().is_ok());
                match number {
                    Some(n) => format!("{n}b{}", &w[core.len()..]),
                    None => w.to_string(),
                }
            })
            .collect();
        words.join(" ")
    })
}

/// Each table whose every value is a score (`61.2`) with its values as fractions of one
/// (`0.612`), as lm-eval and many cards print them.
pub(super) fn table_values_as_fractions(t: &str) -> String {
    each_table(t, |rows| {
        let body: Vec<Vec<String>> = rows[2..].iter().map(|l| row_cells(l)).collect();
        // (Every cell but the first a score or a dash: a table of other numbers, or of scores
        // with notes, would mix its units.)
        let missing = |c: &str| matches!(c, "" | "-" | "–" | "—");
        let scores = body.iter().all(|r| r.iter().skip(1).all(|c| missing(c) || is_score(c, 1)));
        // (Not a table whose rows are named by a number: a value in its first column stays a percent.)
        let named = body.iter().all(|r| r[0].parse::<f64>().is_err());
        if !scores || !named || body.iter().all(|r| r.iter().skip(1).all(|c| missing(c))) {
            return None;
        }
        let mut out: Vec<String> = rows[..2].iter().map(|l| l.to_string()).collect();
        for row in &body {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(j, c)| match c.parse::<f64>() {
                    Ok(v) if j > 0 => {
                        let decimals = c.split_once('.').map_or(0, |(_, d)| d.len());
                        format!("{:.*}", decimals + 2, v / 100.0)
                    }
                    _ => c.clone(),
                })
                .collect();
            out.push(format!("| {} |", cells.join(" | ")));
        }
        Some(out)
    })
}

/// A shot count in a column's name (`MMLU (5-shot)`), rewritten by `f` (the name before it, the
/// count); other names as they are.
fn each_shots_header(t: &str, f: impl Fn(&str, &str) -> String) -> String {
    each_header_cell(t, |c, j| {
        let shots =
            c.strip_suffix("-shot)").and_then(|h| h.rsplit_once(" (")).filter(|(_, n)| n.parse::<u32>().is_ok());
        match shots {
            Some((name, n)) if j > 0 && !name.contains(['(', '<', '[']) => f(name, n),
            _ => c.to_owned(),
        }
    })
}

/// Shot counts written without their parenthesis (`MMLU 5-shot`).
pub(super) fn table_shots_unbracketed(t: &str) -> String {
    each_shots_header(t, |name, n| format!("{name} {n}-shot"))
}

/// Shot counts spelled as words (`MMLU (5 shots)`, `(1 shot)`).
pub(super) fn table_shots_spelled(t: &str) -> String {
    each_shots_header(t, |name, n| format!("{name} ({n} shot{})", if n == "1" { "" } else { "s" }))
}
