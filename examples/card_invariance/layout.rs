//! Rewrites of a card's layout that a reader looks through: numbered, ruled, capitalised and HTML
//! headings, tables centred in a `<div>` or with a note below, a rank column, a blank corner,
//! column names in capitals, footnote daggers on names, a wide table split in two, the model's own
//! name as its Hub id or marked "(Ours)".

use super::blocks::{around_each_table, each_header_cell, each_heading};
use super::{each_table, is_fence, model_id, row_cells, split_front};

/// Each `##`-or-deeper heading numbered in order (`## 3. Evaluation`), as report-like cards do.
pub(super) fn headings_numbered(t: &str) -> String {
    let count = std::cell::Cell::new(0);
    each_heading(t, |l, hashes| {
        let text = l[hashes..].trim();
        if hashes < 2 || text.is_empty() {
            return None;
        }
        count.set(count.get() + 1);
        Some(format!("{} {}. {text}", "#".repeat(hashes), count.get()))
    })
}

/// A thematic break (`---`) above each `##` heading, blank lines around it (else the line above
/// would become a heading's text).
pub(super) fn rules_between_sections(t: &str) -> String {
    each_heading(t, |l, hashes| (hashes == 2).then(|| format!("\n---\n\n{l}")))
}

/// Each heading with a blank line on each side as the HTML heading it renders to
/// (`<h2>Evaluation</h2>`), as cards written in HTML title their sections; not one holding markup
/// (its HTML would differ). (GFM runs an HTML block on to the next blank line: a table right
/// under `<h2>…</h2>` would be its text, no table.)
pub(super) fn headings_as_html(t: &str) -> String {
    let (front, body) = split_front(t);
    let lines: Vec<&str> = body.lines().map(|l| l.trim_end_matches('\r')).collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let mut fenced = false;
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        fenced ^= is_fence(l);
        let hashes = l.len() - l.trim_start_matches('#').len();
        let heading = !fenced && (1..7).contains(&hashes) && l[hashes..].starts_with(' ');
        let text = l[hashes..].trim().trim_end_matches('#').trim();
        let plain = !text.is_empty() && !text.contains(['*', '_', '`', '[', '<', '&', '\\']);
        let alone = (i == 0 || blank(i - 1)) && blank(i + 1);
        out.push(if heading && plain && alone { format!("<h{hashes}>{text}</h{hashes}>") } else { l.to_string() });
    }
    format!("{front}{}\n", out.join("\n"))
}

/// Each heading's text in capitals (`## EVALUATION RESULTS`), as some cards shout their sections.
pub(super) fn headings_uppercased(t: &str) -> String {
    each_heading(t, |l, hashes| {
        let text = l[hashes..].trim();
        (!text.contains(['<', '[', '`'])).then(|| format!("{} {}", "#".repeat(hashes), text.to_uppercase()))
    })
}

/// Each standalone table inside a centred `<div>`, as many cards centre their tables (GFM reads
/// the table inside, with a blank line on each side of it).
pub(super) fn tables_in_div(t: &str) -> String {
    around_each_table(t, "<div align=\"center\">\n\n", "\n\n</div>")
}

/// A note in italics below each table (`*Higher is better.*`), as cards gloss their tables.
pub(super) fn table_note_below(t: &str) -> String {
    around_each_table(t, "", "\n\n*Higher is better.*")
}

/// A rank column before each table's first (`| # | Model | MMLU |` over `| 1 | Foo-7B | 50.1 |`),
/// as leaderboards number their rows.
pub(super) fn table_rank_column(t: &str) -> String {
    each_table(t, |rows| {
        let mut out = vec![format!("| # {}", rows[0].trim()), format!("|---{}", rows[1].trim())];
        for (k, l) in rows[2..].iter().enumerate() {
            out.push(format!("| {} {}", k + 1, l.trim()));
        }
        // (A row written without its outer pipes is left alone: the new cell needs one. Nor a
        // table of one row, or a fact sheet's two columns: nothing to rank.)
        let ranked = rows.len() > 3 && row_cells(rows[0]).len() > 2;
        (ranked && rows.iter().all(|l| l.trim().starts_with('|'))).then_some(out)
    })
}

/// A corner cell that only says what the first column holds (`Model`, `Benchmark`) left empty,
/// as many comparison tables leave it. (Not in lm-eval's printed tables, `| Tasks |Version|
/// Filter| … |Stderr|`: a tool writes those, always the same.)
pub(super) fn table_corner_blank(t: &str) -> String {
    const CORNERS: [&str; 10] =
        ["model", "models", "model name", "name", "benchmark", "benchmarks", "task", "tasks", "dataset", "datasets"];
    each_table(t, |rows| {
        let mut header = row_cells(rows[0]);
        let plain = header[0].trim_matches('*').trim().to_lowercase();
        let printed = header.iter().any(|h| matches!(h.as_str(), "Version" | "Metric" | "Stderr" | "Filter"));
        if printed || !CORNERS.contains(&plain.as_str()) {
            return None;
        }
        header[0] = String::new();
        let mut out: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
        out[0] = format!("| {} |", header.join(" | "));
        Some(out)
    })
}

/// Each column's name in capitals (`HellaSwag` as `HELLASWAG`, `MMLU (5-shot)` as `MMLU (5-SHOT)`),
/// as some cards write their headers; not inside an HTML tag or a link's address.
pub(super) fn table_headers_uppercased(t: &str) -> String {
    let markup = |c: &str| c.contains('<') || c.contains("](");
    each_header_cell(t, |c, j| if j > 0 && !markup(c) { c.to_uppercase() } else { c.to_owned() })
}

/// A footnote dagger after each name a table gives (the columns' names, the rows' first cells:
/// `Foo-7B†`, `MMLU†`), as cards flag reproduced or reported figures.
pub(super) fn table_names_daggered(t: &str) -> String {
    let named = |c: &str| {
        c.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
            && !c.contains(['[', ']', '<', '`', '\\'])
            && !c.ends_with(['*', '_'])
            && c.parse::<f64>().is_err()
    };
    let dagger = |c: &str| if named(c) { format!("{c}†") } else { c.to_owned() };
    each_table(t, |rows| {
        let mut out = Vec::new();
        for (i, l) in rows.iter().enumerate() {
            let mut cells = row_cells(l);
            match i {
                0 => cells.iter_mut().skip(1).for_each(|c| *c = dagger(c)),
                1 => {}
                _ => cells[0] = dagger(&cells[0]),
            }
            out.push(format!("| {} |", cells.join(" | ")));
        }
        Some(out)
    })
}

/// Each table of six columns or more written as two, the row names in each, one under the other
/// (a blank line between), as cards split a wide comparison. (Not one whose rows continue each
/// other: every row must name itself.)
pub(super) fn tables_split(t: &str) -> String {
    each_table(t, |rows| {
        let cells: Vec<Vec<String>> = rows.iter().map(|l| row_cells(l)).collect();
        let width = cells[0].len();
        if width < 6 || cells.iter().skip(2).any(|r| r[0].is_empty()) || rows.iter().any(|l| l.contains("<br")) {
            return None;
        }
        let half = width / 2 + 1;
        let part = |r: &Vec<String>, cols: std::ops::Range<usize>| format!("| {} | {} |", r[0], r[cols].join(" | "));
        let mut out: Vec<String> = cells.iter().map(|r| part(r, 1..half)).collect();
        let second: Vec<String> = cells.iter().map(|r| part(r, half..width)).collect();
        *out.last_mut()? = format!("{}\n\n{}", out.last()?, second.join("\n"));
        Some(out)
    })
}

/// The model's own name in a table (a row's first cell or a column's name that is its repo name,
/// `Foo-7B`) written as its Hub id (`org/Foo-7B`), as leaderboards list models.
pub(super) fn table_own_name_with_owner(t: &str) -> String {
    let id = model_id();
    each_own_name(t, |name| name.replace(name.trim_matches('*'), &id))
}

/// The model's own name in a table marked as the card's own (`Foo-7B (Ours)`), as papers do.
pub(super) fn table_own_name_marked_ours(t: &str) -> String {
    each_own_name(t, |name| format!("{name} (Ours)"))
}

/// Each cell of a table that is the model's repo name (a row's first cell, a column's name;
/// bold or not) rewritten by `f`; tables that do not name it are left as they are.
fn each_own_name(t: &str, f: impl Fn(&str) -> String) -> String {
    let id = model_id();
    let Some((_, name)) = id.split_once('/') else { return t.to_owned() };
    let own = |c: &str| c.trim_matches('*').eq_ignore_ascii_case(name);
    each_table(t, |rows| {
        let mut out = Vec::new();
        let mut named = false;
        for (i, l) in rows.iter().enumerate() {
            let mut cells = row_cells(l);
            for (j, c) in cells.iter_mut().enumerate() {
                if own(c) && (i == 0 && j > 0 || i > 1 && j == 0) {
                    *c = f(c);
                    named = true;
                }
            }
            out.push(format!("| {} |", cells.join(" | ")));
        }
        named.then_some(out)
    })
}
