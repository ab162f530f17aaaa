//! Rewrites of a card's blocks rather than its tables' cells: paragraphs wrapped and joined, list
//! bullets, headings, the front matter, tables inside `<details>`, links written as references.

use super::{each_line, each_table, is_fence, is_separator, opens_a_block, row_cells, split_front};

/// Which lines of a card's Markdown are plain paragraph text: not front matter, code, HTML, a
/// table, heading, list item or quote, not indented, and not ending in a hard break. GFM joins a
/// paragraph's lines with a soft break, which renders as a space: such lines can be wrapped or
/// joined without changing what a reader sees.
fn plain_lines(lines: &[&str]) -> Vec<bool> {
    let (mut fenced, mut html) = (false, false);
    let mut plain = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if is_fence(t) {
            fenced = !fenced;
            continue;
        }
        html = (html || t.starts_with('<')) && !t.is_empty();
        // (The next line would make this one a heading's text: `Title` over `---`.)
        let underlined = lines.get(i + 1).is_some_and(|n| {
            let n = n.trim();
            !n.is_empty() && n.chars().all(|c| matches!(c, '-' | '=' | ' '))
        });
        plain[i] = !fenced
            && !html
            && !t.is_empty()
            && !underlined
            && !l.starts_with([' ', '\t'])
            && !opens_a_block(t)
            && !t.starts_with(['|', '[', '!'])
            && !t.contains('|')
            && !t.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '))
            && !l.ends_with("  ")
            && !l.ends_with('\\')
            && !l.ends_with("<br>")
            && !l.ends_with("<br/>");
    }
    plain
}

/// Lines of the card's Markdown (not its front matter), rewritten as a whole by `f`.
fn body_lines(t: &str, f: impl Fn(&[&str]) -> Vec<String>) -> String {
    let (front, body) = split_front(t);
    let lines: Vec<&str> = body.lines().map(|l| l.trim_end_matches('\r')).collect();
    format!("{front}{}\n", f(&lines).join("\n"))
}

/// Paragraph text hard-wrapped at `width` columns, as many editors write it. A line is broken only
/// at a space and never before a word that would start a block ("- ", "1.", "#") or inside an
/// HTML tag.
pub(super) fn wrap_prose(t: &str, width: usize) -> String {
    body_lines(t, |lines| {
        let plain = plain_lines(lines);
        let mut out = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if !plain[i] || l.len() <= width {
                out.push(l.to_string());
                continue;
            }
            let mut line = String::new();
            let mut in_tag = false;
            for word in l.split(' ') {
                let breakable = !line.is_empty()
                    && !in_tag
                    && !opens_a_block(word)
                    && !word.is_empty()
                    && !word.starts_with(['[', '!', '=', '|', '<']);
                if breakable && line.len() + 1 + word.len() > width {
                    out.push(std::mem::take(&mut line));
                } else if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                in_tag = (in_tag || word.contains('<')) && !word.contains('>');
            }
            out.push(line);
        }
        out
    })
}

/// Each paragraph's lines joined into one (the reverse of a hard wrap).
pub(super) fn unwrap_prose(t: &str) -> String {
    body_lines(t, |lines| {
        let plain = plain_lines(lines);
        let mut out: Vec<String> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            match out.last_mut() {
                Some(last) if i > 0 && plain[i] && plain[i - 1] => {
                    last.push(' ');
                    last.push_str(l.trim());
                }
                _ => out.push(l.to_string()),
            }
        }
        out
    })
}

/// `- item` as `* item` and back, outside code blocks (the same list to a reader).
pub(super) fn bullets_swapped(t: &str) -> String {
    each_bullet(t, |marker| if marker == "- " { "* " } else { "- " })
}

/// A bullet list (`- item`) as a numbered one (`1. item`): the same items to a reader.
pub(super) fn lists_numbered(t: &str) -> String {
    each_bullet(t, |_| "1. ")
}

/// Each bullet item's marker (`- ` or `* `) replaced by `marker`'s, outside code blocks.
fn each_bullet(t: &str, marker: impl Fn(&str) -> &'static str) -> String {
    let fenced = std::cell::Cell::new(false);
    each_line(t, |l| {
        let t = l.trim_start();
        if is_fence(t) {
            fenced.set(!fenced.get());
        }
        let indent = &l[..l.len() - t.len()];
        let text = t.get(2..).unwrap_or("");
        let item = !fenced.get() && !text.trim().is_empty() && !text.starts_with(['-', '*', ' ']);
        match (item, t.get(..2)) {
            (true, Some(m @ ("- " | "* "))) => format!("{indent}{}{text}", marker(m)),
            _ => l.to_string(),
        }
    })
}

/// `# Title` and `## Title` as setext headings (`Title` over `===` or `---`), where a blank line
/// is above (else the line above would join the heading).
pub(super) fn setext_headings(t: &str) -> String {
    body_lines(t, |lines| {
        let mut fenced = false;
        let mut out = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if is_fence(l) {
                fenced = !fenced;
            }
            let above_blank = i == 0 || lines[i - 1].trim().is_empty();
            let level = [("# ", "==="), ("## ", "---")].iter().find(|(p, _)| l.starts_with(p));
            // (An ATX heading's closing `#`s, after a space, are not its text.)
            let text_of = |h: &str| match h.trim().rsplit_once(' ') {
                Some((text, close)) if close.chars().all(|c| c == '#') => text.trim().to_string(),
                _ => h.trim().to_string(),
            };
            match level.map(|(p, u)| (text_of(&l[p.len()..]), u)) {
                Some((text, under)) if !fenced && above_blank && !text.is_empty() && !opens_a_block(&text) => {
                    out.push(text.to_string());
                    out.push(under.to_string());
                }
                _ => out.push(l.to_string()),
            }
        }
        out
    })
}

/// The front matter's YAML parsed and written again (another quoting, indent and list style: the
/// same data).
pub(super) fn front_matter_rewritten(t: &str) -> String {
    let (front, body) = split_front(t);
    let yaml = front.trim_start_matches("---").trim_end().trim_end_matches("---");
    match serde_norway::from_str::<serde_norway::Value>(yaml).map(|v| serde_norway::to_string(&v)) {
        Ok(Ok(again)) if !front.is_empty() => format!("---\n{again}---\n{body}"),
        _ => t.to_string(),
    }
}

/// Each heading one level deeper (`##` as `###`, down to `######`): the card's outline is the same.
pub(super) fn headings_demoted(t: &str) -> String {
    each_heading(t, |l, hashes| (hashes < 6).then(|| format!("#{l}")))
}

/// Each ATX heading line outside code blocks (with its number of `#`s) rewritten by `f`, or left
/// as it is where `f` gives none.
pub(super) fn each_heading(t: &str, f: impl Fn(&str, usize) -> Option<String>) -> String {
    let fenced = std::cell::Cell::new(false);
    each_line(t, |l| {
        if is_fence(l) {
            fenced.set(!fenced.get());
        }
        let hashes = l.len() - l.trim_start_matches('#').len();
        let heading = (1..7).contains(&hashes) && l[hashes..].starts_with(' ') && !fenced.get();
        heading.then(|| f(l, hashes)).flatten().unwrap_or_else(|| l.to_string())
    })
}

/// Each standalone table inside an open `<details>` block, as cards fold long tables (GFM reads
/// the table inside, with a blank line on each side of it).
pub(super) fn tables_in_details(t: &str) -> String {
    around_each_table(t, "<details open>\n\n", "\n\n</details>")
}

/// Each standalone table with `before` written above its first line and `after` below its last.
pub(super) fn around_each_table(t: &str, before: &str, after: &str) -> String {
    each_table(t, |rows| {
        let mut out: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
        out[0] = format!("{before}{}", out[0]);
        *out.last_mut()? = format!("{}{after}", out.last()?);
        Some(out)
    })
}

/// Each standalone table's body rows in reverse order, where each row stands alone: a name in its
/// first cell and a number among its cells (no section titles, no second header row, no row
/// continuing the one above or a part of it).
pub(super) fn table_rows_reversed(t: &str) -> String {
    let number = |c: &String| c.trim_matches(|c: char| "*%_ ".contains(c)).parse::<f64>().is_ok();
    each_table(t, |rows| {
        let body: Vec<Vec<String>> = rows[2..].iter().map(|l| row_cells(l)).collect();
        // (lm-eval's " - humanities" rows are parts of the row above.)
        let alone =
            |r: &Vec<String>| !r[0].is_empty() && !r[0].starts_with('-') && !number(&r[0]) && r[1..].iter().any(number);
        if body.len() < 2 || !body.iter().all(alone) || is_separator(rows[0]) {
            return None;
        }
        let mut out: Vec<String> = rows[..2].iter().map(|l| l.to_string()).collect();
        out.extend(rows[2..].iter().rev().map(|l| l.to_string()));
        Some(out)
    })
}

/// Inline links and images, `[text](url)`, as reference links, `[text][ref-1]`, defined at the
/// card's end: GFM renders the same links. Not in code, HTML lines, link text holding brackets
/// or a link to nowhere (`[text]()`: its definition would be no definition).
pub(super) fn reference_links(t: &str) -> String {
    let (front, body) = split_front(t);
    let mut defs: Vec<String> = Vec::new();
    let mut out = String::from(front);
    let mut fenced = false;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if is_fence(trimmed) {
            fenced = !fenced;
        }
        if fenced || trimmed.starts_with('<') || line.contains('`') || line.starts_with("    ") {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut rest = line;
        while let Some(open) = rest.find("](") {
            let text_start = rest[..open].rfind('[');
            let close = rest[open + 2..].find(')').map(|c| open + 2 + c);
            match (text_start, close) {
                (Some(s), Some(c))
                    if !rest[s + 1..open].contains([']', '['])
                        && !rest[open + 2..c].contains(['(', ' '])
                        && c > open + 2 =>
                {
                    defs.push(rest[open + 2..c].to_string());
                    out.push_str(&rest[..open]);
                    out.push_str(&format!("][ref-{}]", defs.len()));
                    rest = &rest[c + 1..];
                }
                _ => {
                    out.push_str(&rest[..open + 2]);
                    rest = &rest[open + 2..];
                }
            }
        }
        out.push_str(rest);
        out.push('\n');
    }
    if !defs.is_empty() {
        out.push('\n');
        for (i, url) in defs.iter().enumerate() {
            out.push_str(&format!("[ref-{}]: {url}\n", i + 1));
        }
    }
    out
}

/// Code fences of backticks written with tildes (` ``` ` as `~~~`, as long): GFM's other fence.
/// Not a line that also closes inline code on itself.
pub(super) fn fences_tilde(t: &str) -> String {
    each_line(t, |l| {
        let t = l.trim_start();
        let ticks = t.len() - t.trim_start_matches('`').len();
        let indent = l.len() - t.len();
        if ticks >= 3 && indent < 4 && !t[ticks..].contains('`') {
            format!("{}{}{}", &l[..indent], "~".repeat(ticks), &t[ticks..])
        } else {
            l.to_string()
        }
    })
}

/// A table right under its paragraph's last line, without the blank line between: GFM (and the
/// Hub) start the table there all the same.
pub(super) fn table_after_paragraph(t: &str) -> String {
    body_lines(t, |lines| {
        let plain = plain_lines(lines);
        let mut out: Vec<String> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            // (The paragraph's own: not a list item's lazy lines, which would take the table in.)
            let alone = || {
                let start = (0..i).rev().find(|k| !plain[*k]).map_or(0, |k| k + 1);
                start == 0 || lines[start - 1].trim().is_empty() || lines[start - 1].starts_with('#')
            };
            let blank_between = l.trim().is_empty()
                && i > 0
                && plain[i - 1]
                && lines.get(i + 2).is_some_and(|n| is_separator(n))
                && alone();
            let header = lines.get(i + 1).is_some_and(|h| h.trim_start().starts_with('|'));
            if !(blank_between && header) {
                out.push(l.to_string());
            }
        }
        out
    })
}

/// Names in a standalone table (the header's cells after the first, the rows' first cells) as
/// links, as cards link a model or benchmark to its page: the same text to a reader.
pub(super) fn table_names_linked(t: &str) -> String {
    let plain = |c: &str| {
        !c.is_empty()
            && !c.contains(['[', ']', '(', ')', '*', '_', '`', '<', '\\'])
            && c.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
            && !c.starts_with(|ch: char| ch.is_ascii_digit())
            && !c.chars().all(|ch| ch == '-' || ch == ':')
    };
    let link = |c: String| if plain(&c) { format!("[{c}](https://example.org/x)") } else { c };
    each_table(t, |rows| {
        let mut out = Vec::new();
        for (i, l) in rows.iter().enumerate() {
            let mut cells = row_cells(l);
            match i {
                0 => cells = cells.into_iter().enumerate().map(|(j, c)| if j == 0 { c } else { link(c) }).collect(),
                1 => {}
                _ => cells[0] = link(std::mem::take(&mut cells[0])),
            }
            out.push(format!("| {} |", cells.join(" | ")));
        }
        Some(out)
    })
}

/// Each `##`-or-deeper heading as a bold line of its own (`**Evaluation**`, blank lines around),
/// as many cards title their sections.
pub(super) fn headings_as_bold(t: &str) -> String {
    each_heading(t, |l, hashes| {
        let text = l[hashes..].trim().trim_end_matches('#').trim();
        let plain = !text.is_empty() && !text.contains(['*', '_', '<', '`', '[']);
        (hashes >= 2 && plain).then(|| format!("\n**{text}**\n"))
    })
}

/// A table cell's percentage written with its sign (`61.2` as `61.2%`): a number with a decimal
/// point between 10 and 100, in a row whose first cell names it (not a header or a size row).
pub(super) fn table_values_percent(t: &str) -> String {
    each_table(t, |rows| {
        let mut out: Vec<String> = rows[..2].iter().map(|l| l.to_string()).collect();
        for l in &rows[2..] {
            let cells: Vec<String> = row_cells(l)
                .into_iter()
                .enumerate()
                .map(|(j, c)| match c.parse::<f64>() {
                    Ok(v) if j > 0 && c.contains('.') && (10.0..100.0).contains(&v) => format!("{c}%"),
                    _ => c,
                })
                .collect();
            out.push(format!("| {} |", cells.join(" | ")));
        }
        Some(out)
    })
}

/// A header cell's parenthesis on a line of its own (`MMLU (5-shot)` as `MMLU<br>(5-shot)`), as
/// cards narrow wide columns.
pub(super) fn table_headers_broken(t: &str) -> String {
    each_header_cell(t, |c, _| c.replacen(" (", "<br>(", 1))
}

/// Each standalone table's header cells rewritten by `f` (the cell, its column).
pub(super) fn each_header_cell(t: &str, f: impl Fn(&str, usize) -> String) -> String {
    each_table(t, |rows| {
        let header: Vec<String> = row_cells(rows[0]).iter().enumerate().map(|(j, c)| f(c, j)).collect();
        let mut out: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
        out[0] = format!("| {} |", header.join(" | "));
        Some(out)
    })
}

/// Every delimiter cell centred (`:---:`): alignment, not content.
pub(super) fn table_cells_centred(t: &str) -> String {
    each_table(t, |rows| {
        let mut out: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
        out[1] = format!("|{}", ":---:|".repeat(row_cells(rows[1]).len()));
        Some(out)
    })
}

/// Spaces inside header cells as no-break spaces, as text pasted from a web page has them.
pub(super) fn table_headers_nbsp(t: &str) -> String {
    each_header_cell(t, |c, _| c.replace(' ', "\u{a0}"))
}

/// An HTML comment line above each table (the Hub's card template leaves `<!-- … -->` notes): a
/// reader sees nothing of it.
pub(super) fn comment_before_tables(t: &str) -> String {
    around_each_table(t, "<!-- Provide the results here. -->\n\n", "")
}

/// Each paragraph that is one bold line alone (`**Base models**`, blank lines around) as a heading
/// one level below the deepest the card uses, as other cards title the same part: the other way
/// round from `headings_as_bold`.
pub(super) fn bold_titles_as_headings(t: &str) -> String {
    let (front, body) = split_front(t);
    let lines: Vec<&str> = body.lines().map(|l| l.trim_end_matches('\r')).collect();
    let fenced = std::cell::Cell::new(false);
    let depth = lines.iter().map(|l| l.len() - l.trim_start_matches('#').len()).filter(|h| (1..6).contains(h)).max();
    let level = "#".repeat(depth.map_or(2, |d| d + 1).min(6));
    let blank = |i: Option<&&str>| i.is_none_or(|l| l.trim().is_empty());
    let out: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if is_fence(l) {
                fenced.set(!fenced.get());
            }
            let inner = l.trim().strip_prefix("**").and_then(|x| x.strip_suffix("**"));
            let alone = inner.is_some_and(|x| !x.is_empty() && !x.contains("**") && !x.ends_with('.'));
            let around = (i == 0 || blank(lines.get(i - 1))) && blank(lines.get(i + 1));
            match inner {
                Some(text) if alone && around && !fenced.get() => format!("{level} {text}"),
                _ => l.to_string(),
            }
        })
        .collect();
    format!("{front}{}\n", out.join("\n"))
}
