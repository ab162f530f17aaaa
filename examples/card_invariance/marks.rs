//! Rewrites of marks a writer adds without changing what is said: closing `#`s and emoji on
//! headings, no-break spaces in prose, footnote stars and error bars on values, an empty last
//! column, names in lower case, arrows and units on headers; and of spellings of the same fact:
//! dates and sizes in words.

use super::blocks::{each_header_cell, each_heading};
use super::{each_line, each_table, is_fence, is_separator, row_cells};

/// Each ATX heading's text (without its `#`s and any closing ones) rewritten by `f`, with its level.
fn each_heading_text(t: &str, f: impl Fn(&str, usize) -> String) -> String {
    each_heading(t, |l, hashes| {
        let text = l[hashes..].trim().trim_end_matches('#').trim();
        (!text.is_empty()).then(|| format!("{} {}", "#".repeat(hashes), f(text, hashes)))
    })
}

/// Each heading closed with `#`s as well (`## Results ##`), which CommonMark drops.
pub(super) fn headings_closed(t: &str) -> String {
    each_heading_text(t, |text, hashes| format!("{text} {}", "#".repeat(hashes)))
}

/// An emoji before each heading's text (`## 📊 Evaluation`), as many Hub cards decorate them.
pub(super) fn headings_with_emoji(t: &str) -> String {
    each_heading_text(t, |text, _| format!("📊 {text}"))
}

/// Each line outside code blocks, tables and HTML rewritten by `f`.
pub(super) fn each_prose_line(t: &str, f: impl Fn(&str) -> String) -> String {
    let fenced = std::cell::Cell::new(false);
    each_line(t, |l| {
        let s = l.trim_start();
        if is_fence(s) {
            fenced.set(!fenced.get());
        }
        if fenced.get() || s.starts_with(['|', '<']) || s.contains('|') {
            l.to_string()
        } else {
            f(l)
        }
    })
}

/// In lines outside code, tables and HTML, the space after a number before a word as a no-break
/// space (`7\u{a0}billion parameters`), as text pasted from a web page has it.
pub(super) fn prose_nbsp(t: &str) -> String {
    each_prose_line(t, |l| {
        let mut out = String::with_capacity(l.len());
        let mut prev = ' ';
        let mut chars = l.chars().peekable();
        while let Some(c) = chars.next() {
            let next_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
            out.push(if c == ' ' && prev.is_ascii_digit() && next_letter { '\u{a0}' } else { c });
            prev = c;
        }
        out
    })
}

/// Body cells of each table whose first cell names the row, rewritten by `f` (cell, column).
pub(super) fn each_body_cell(t: &str, f: impl Fn(&str, usize) -> String) -> String {
    each_table(t, |rows| {
        let mut out: Vec<String> = rows[..2].iter().map(|l| l.to_string()).collect();
        for l in &rows[2..] {
            let cells: Vec<String> = row_cells(l).iter().enumerate().map(|(j, c)| f(c, j)).collect();
            out.push(format!("| {} |", cells.join(" | ")));
        }
        Some(out)
    })
}

/// A plain score in a body cell: a number with a decimal point between 10 and 100, not in the
/// first cell (not a size, "3.7" active billions, or a judge's mark out of ten).
pub(super) fn is_score(c: &str, column: usize) -> bool {
    column > 0 && c.contains('.') && c.parse::<f64>().is_ok_and(|v| (10.0..100.0).contains(&v))
}

/// A star after each score (`61.2*`), as cards flag a footnote on a value.
pub(super) fn table_values_starred(t: &str) -> String {
    each_body_cell(t, |c, j| if is_score(c, j) { format!("{c}*") } else { c.to_string() })
}

/// An error bar after each score (`61.2 ± 0.4`), as cards give a run's spread.
pub(super) fn table_values_with_spread(t: &str) -> String {
    each_body_cell(t, |c, j| if is_score(c, j) { format!("{c} ± 0.4") } else { c.to_string() })
}

/// Every other score underlined in HTML (`<u>61.2</u>`), as papers' tables mark the second best.
pub(super) fn table_values_underlined(t: &str) -> String {
    each_body_cell(t, |c, j| if is_score(c, j) && j % 2 == 0 { format!("<u>{c}</u>") } else { c.to_string() })
}

/// Every other score in italics (`*61.2*`).
pub(super) fn table_values_italic(t: &str) -> String {
    each_body_cell(t, |c, j| if is_score(c, j) && j % 2 == 1 { format!("*{c}*") } else { c.to_string() })
}

/// Each score with its gain over a baseline after it (`61.2 (+1.3)`), as tuned models' cards
/// write it.
pub(super) fn table_values_with_gain(t: &str) -> String {
    each_body_cell(t, |c, j| if is_score(c, j) { format!("{c} (+1.3)") } else { c.to_string() })
}

/// Each row's first cell that reads as a checkpoint's name (a hyphen and a digit: `Qwen2-7B`) in
/// lower case, as some cards list checkpoints by their repository names. (Not a benchmark's:
/// "math" in lower case is a word, "MATH" the benchmark.)
pub(super) fn table_names_lowercased(t: &str) -> String {
    let checkpoint = |c: &str| c.contains('-') && c.contains(|ch: char| ch.is_ascii_digit());
    each_body_cell(t, |c, j| if j == 0 && checkpoint(c) { c.to_lowercase() } else { c.to_string() })
}

/// Each checkpoint's name in a row's first cell or a column's name written with spaces for its
/// hyphens (`Qwen2-7B-Instruct` as `Qwen2 7B Instruct`), as cards name models in prose. (Not in
/// a link: its address must stay.)
pub(super) fn table_names_spaced(t: &str) -> String {
    // (Not a date, `2023-09-04`: digits and hyphens only.)
    let checkpoint = |c: &str| {
        c.contains('-')
            && c.contains(|ch: char| ch.is_ascii_digit())
            && c.contains(|ch: char| ch.is_alphabetic())
            && !c.contains(['[', '('])
    };
    let spaced = each_body_cell(t, |c, j| if j == 0 && checkpoint(c) { c.replace('-', " ") } else { c.to_string() });
    each_column_name(&spaced, |c| if checkpoint(c) { c.replace('-', " ") } else { c.to_string() })
}

/// An empty column after the last, as a table copied from a spreadsheet keeps one.
pub(super) fn table_empty_last_column(t: &str) -> String {
    each_table(t, |rows| {
        Some(
            rows.iter()
                .map(|l| {
                    let cells = row_cells(l);
                    let empty = if is_separator(l) { "---" } else { "" };
                    format!("| {} | {empty} |", cells.join(" | "))
                })
                .collect(),
        )
    })
}

/// Each table's header cells after the first, and not empty, rewritten by `f`.
fn each_column_name(t: &str, f: impl Fn(&str) -> String) -> String {
    each_header_cell(t, |c, j| if j > 0 && !c.is_empty() { f(c) } else { c.to_owned() })
}

/// An arrow after each column's name (`MMLU ↑`): higher is better, as leaderboards mark it.
pub(super) fn table_headers_arrow(t: &str) -> String {
    each_column_name(t, |c| format!("{c} ↑"))
}

/// A unit after the name of each column of scores that has none (`MMLU (%)`): every body cell a
/// score (see [`is_score`]), so no size, count or judge's mark is called a percentage.
pub(super) fn table_headers_unit(t: &str) -> String {
    each_table(t, |rows| {
        // (Not lm-eval's own tables, `| Task |Version| Metric |Value | |Stderr|`: a tool writes them.)
        if rows[0].contains("Stderr") {
            return None;
        }
        let body: Vec<Vec<String>> = rows[2..].iter().map(|l| row_cells(l)).collect();
        let scores = |j: usize| body.iter().all(|r| r.get(j).is_some_and(|c| is_score(c.trim_matches('*'), j)));
        let header: Vec<String> = row_cells(rows[0])
            .into_iter()
            .enumerate()
            .map(|(j, c)| if scores(j) && !c.contains(['(', '%']) && !c.is_empty() { format!("{c} (%)") } else { c })
            .collect();
        let mut out: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
        out[0] = format!("| {} |", header.join(" | "));
        Some(out)
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// In prose, each ISO date (`2024-05-01`) written in words (`May 1, 2024`), as most cards do.
pub(super) fn dates_spelled(t: &str) -> String {
    iso_dates_as(t, |y, m, d| format!("{} {d}, {y}", MONTHS[m - 1]))
}

/// In prose, each ISO date with the day first (`1 May 2024`), as European cards write it.
pub(super) fn dates_day_first(t: &str) -> String {
    iso_dates_as(t, |y, m, d| format!("{d} {} {y}", MONTHS[m - 1]))
}

/// In prose, each ISO date with slashes (`2024/05/01`).
pub(super) fn dates_slashed(t: &str) -> String {
    iso_dates_as(t, |y, m, d| format!("{y}/{m:02}/{d:02}"))
}

/// In prose, each date in words (`May 1, 2024`) written as ISO (`2024-05-01`), the other way.
pub(super) fn dates_as_iso(t: &str) -> String {
    each_prose_line(t, |l| {
        let words: Vec<&str> = l.split(' ').collect();
        let mut out: Vec<String> = Vec::new();
        let mut k = 0;
        while k < words.len() {
            let month = MONTHS.iter().position(|m| *m == words[k]);
            let day = words.get(k + 1).and_then(|w| w.strip_suffix(',')).and_then(|d| d.parse::<u32>().ok());
            let year = words.get(k + 2).map(|w| w.trim_end_matches(['.', ',', ';', ')']));
            match (month, day.filter(|d| (1..=31).contains(d)), year) {
                (Some(m), Some(d), Some(y)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
                    let tail = &words[k + 2][4..];
                    out.push(format!("{y}-{:02}-{d:02}{tail}", m + 1));
                    k += 3;
                }
                _ => {
                    out.push(words[k].to_string());
                    k += 1;
                }
            }
        }
        out.join(" ")
    })
}

/// In prose, each ISO date (`2024-05-01`) written by `f` (year, month, day).
fn iso_dates_as(t: &str, f: impl Fn(&str, usize, u32) -> String) -> String {
    each_prose_line(t, |l| {
        // (Not in an address: a link's path keeps its date.)
        if l.contains("://") {
            return l.to_string();
        }
        let b = l.as_bytes();
        let mut out = String::new();
        let mut i = 0;
        while i < l.len() {
            let iso = i + 10 <= l.len()
                && l.is_char_boundary(i + 10)
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'-')
                && b.get(i + 10).is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'-')
                && l[i..i + 10]
                    .char_indices()
                    .all(|(k, c)| if k == 4 || k == 7 { c == '-' } else { c.is_ascii_digit() });
            let month = iso.then(|| l[i + 5..i + 7].parse::<usize>().ok()).flatten().filter(|m| (1..=12).contains(m));
            let day = iso.then(|| l[i + 8..i + 10].parse::<u32>().ok()).flatten().filter(|d| (1..=31).contains(d));
            if let (Some(m), Some(d)) = (month, day) {
                out.push_str(&f(&l[i..i + 4], m, d));
                i += 10;
            } else {
                let c = l[i..].chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
        out
    })
}

/// In prose, each size before "parameters" in words: `7B parameters` as `7 billion parameters`,
/// `350M parameters` as `350 million parameters`.
pub(super) fn sizes_spelled(t: &str) -> String {
    each_prose_line(t, |l| {
        let words: Vec<&str> = l.split(' ').collect();
        let spelled: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let before_parameters = words.get(k + 1).is_some_and(|n| n.starts_with("parameters"));
                let (number, unit) = w.split_at(w.char_indices().last().map_or(0, |(at, _)| at));
                let numeric = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.');
                match unit {
                    "B" if before_parameters && numeric => format!("{number} billion"),
                    "M" if before_parameters && numeric => format!("{number} million"),
                    _ => w.to_string(),
                }
            })
            .collect();
        spelled.join(" ")
    })
}
