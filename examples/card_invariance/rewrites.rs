//! Rewrites of a model card that leave it saying the same thing to a reader (GFM's other ways to
//! write the same table, line ends, a byte-order mark), and what densing reads from a card, to
//! compare. Shared by the `card_invariance` example (every corpus card) and the `invariance`
//! test (the dev split's cards).

use std::collections::BTreeSet;

// (A path of its own: the `invariance` test includes this file by its path.)
#[path = "blocks.rs"]
mod blocks;
#[path = "facts.rs"]
mod facts;
#[path = "layout.rs"]
mod layout;
#[path = "marks.rs"]
mod marks;
#[path = "names.rs"]
mod names;
#[path = "quirks.rs"]
mod quirks;

use densing::sources::{hf_files::parse_card, ParseOutput};

/// What a card gives, without evidence text or line numbers (a rewrite may move them).
#[derive(Debug, PartialEq, Eq)]
pub struct Reading {
    pub scores: BTreeSet<(String, i64, Option<i32>)>,
    pub sizes: BTreeSet<(i64, Option<i64>)>,
    pub dates: BTreeSet<String>,
}

pub fn read(model_id: &str, body: &str) -> Reading {
    let mut out = ParseOutput::default();
    parse_card(model_id, "card", body.as_bytes(), &mut out);
    Reading {
        // (To a millionth: a value scaled from a fraction is the same score.)
        scores: out.scores.iter().map(|s| (s.benchmark.clone(), (s.value * 1e6).round() as i64, s.shots)).collect(),
        sizes: out.params.iter().map(|p| (p.total, p.active)).collect(),
        dates: out.dates.iter().map(|d| format!("{} {:?}", d.date, d.precision)).collect(),
    }
}

fn is_table_line(line: &str) -> bool {
    let t = line.trim();
    t.len() > 1 && t.starts_with('|') && t.ends_with('|')
}

/// `t` with each line of its Markdown (not its front matter) rewritten by `f`.
fn each_line(t: &str, f: impl Fn(&str) -> String) -> String {
    let (front, body) = split_front(t);
    let mut out = front.to_string();
    for line in body.lines() {
        // A line's own CRs ("\r\r\n" files) stay at its end.
        let text = line.trim_end_matches('\r');
        out.push_str(&f(text));
        out.push_str(&line[text.len()..]);
        out.push('\n');
    }
    out
}

/// A table row's line rewritten by `f`, any other line as it is. Lines in a fenced code block
/// are text, not a table (lm-eval's printed tables), and stay as they are.
fn each_row(t: &str, f: impl Fn(&str) -> String) -> String {
    let fenced = std::cell::Cell::new(false);
    each_line(t, |l| {
        if is_fence(l) {
            fenced.set(!fenced.get());
        }
        if is_table_line(l) && !fenced.get() {
            f(l)
        } else {
            l.to_string()
        }
    })
}

/// GFM reads a table without its rows' outer pipes the same, when the table stands alone (a blank
/// line or heading above it, a blank line below: else a paragraph line next to it changes what is
/// a row) and no row would start another block or lose an empty edge cell.
fn drop_outer_pipes(t: &str) -> String {
    let inner = |l: &&str| {
        let l = l.trim();
        l[1..l.len() - 1].trim().to_string()
    };
    let droppable = |l: &&str| {
        let inner = inner(l);
        let cells: Vec<&str> = inner.split('|').collect();
        cells.len() > 1
            && !cells[0].trim().is_empty()
            && !cells[cells.len() - 1].trim().is_empty()
            && !inner.contains("\\|")
            && !opens_a_block(&inner)
    };
    each_table(t, |rows| rows.iter().all(droppable).then(|| rows.iter().map(inner).collect()))
}

/// `t` with each standalone table's lines rewritten by `f` (as many lines back), or left as they
/// are where `f` gives none.
fn each_table(t: &str, f: impl Fn(&[&str]) -> Option<Vec<String>>) -> String {
    let (front, body) = split_front(t);
    let lines: Vec<&str> = body.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for range in standalone_tables(&lines) {
        if let Some(rewritten) = f(&lines[range.clone()]) {
            for (j, line) in range.zip(rewritten) {
                out[j] = line;
            }
        }
    }
    format!("{front}{}\n", out.join("\n"))
}

/// The standalone pipe tables of a card's Markdown (a blank line or heading above, a blank line
/// below, outside code blocks, every row as wide as the header), each as its lines' range.
fn standalone_tables(lines: &[&str]) -> Vec<std::ops::Range<usize>> {
    let width = |l: &str| l.trim().trim_matches('|').split('|').count();
    let mut found = Vec::new();
    let (mut fenced, mut i) = (false, 0);
    while i < lines.len() {
        if is_fence(lines[i]) {
            fenced = !fenced;
        }
        if fenced || !is_table_line(lines[i]) {
            i += 1;
            continue;
        }
        let end = (i..lines.len()).find(|j| !is_table_line(lines[*j])).unwrap_or(lines.len());
        let above = i == 0 || lines[i - 1].trim().is_empty() || lines[i - 1].starts_with('#');
        let below = end == lines.len() || lines[end].trim().is_empty();
        let even = lines[i..end].iter().all(|l| width(l) == width(lines[i]) && !l.contains("\\|"));
        if above && below && even && end - i > 2 && is_separator(lines[i + 1]) {
            found.push(i..end);
        }
        i = end;
    }
    found
}

/// Each cell of each standalone table rewritten by `f` (its rows written again with single spaces
/// around the pipes).
fn each_cell(t: &str, f: impl Fn(&str) -> String) -> String {
    each_table(t, |rows| {
        let row = |l: &&str| format!("| {} |", row_cells(l).iter().map(|c| f(c)).collect::<Vec<_>>().join(" | "));
        Some(rows.iter().map(row).collect())
    })
}

fn row_cells(line: &str) -> Vec<String> {
    line.trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect()
}

/// A cell's Markdown as HTML: escapes, bold and links (GFM does not read Markdown inside an HTML
/// block).
fn cell_html(cell: &str) -> String {
    let mut out = String::new();
    let mut rest = cell;
    let mut bold = false;
    while !rest.is_empty() {
        // (A backslash escape is Markdown's: HTML shows the character itself.)
        if let Some(escaped) = rest.strip_prefix('\\').and_then(|r| r.chars().next()).filter(char::is_ascii_punctuation)
        {
            out.push(escaped);
            rest = &rest[1 + escaped.len_utf8()..];
        } else if let Some(after) = rest.strip_prefix("**") {
            out.push_str(if bold { "</b>" } else { "<b>" });
            bold = !bold;
            rest = after;
        } else if let Some((text, url, after)) = rest
            .strip_prefix('[')
            .and_then(|r| r.split_once("]("))
            .and_then(|(text, r)| r.split_once(')').map(|(url, after)| (text, url, after)))
        {
            out.push_str(&format!("<a href=\"{url}\">{text}</a>"));
            rest = after;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if bold {
        out.push_str("</b>");
    }
    out
}

/// Each standalone pipe table written as the HTML table it renders to (one line per row, so the
/// card keeps its line count).
fn as_html_tables(t: &str) -> String {
    let row = |l: &str, tag: &str| {
        let cells: String = row_cells(l).iter().map(|c| format!("<{tag}>{}</{tag}>", cell_html(c))).collect();
        format!("<tr>{cells}</tr>")
    };
    each_table(t, |rows| {
        let mut html = vec![format!("<table><thead>{}</thead><tbody>", row(rows[0], "th"))];
        // (One HTML block: no blank line inside it.)
        html.push("<!-- -->".to_string());
        html.extend(rows[2..].iter().map(|l| row(l, "td")));
        html.last_mut()?.push_str("</tbody></table>");
        Some(html)
    })
}

/// Each standalone table as HTML whose body rows open with a header cell (`<tr><th>Foo-7B</th><td>…`),
/// as many HTML tables mark the name that labels a row; and with no `<thead>`, the header row a
/// plain first row.
fn as_html_row_headers(t: &str) -> String {
    as_html_tables(t)
        .replace("<table><thead>", "<table>")
        .replace("</thead><tbody>", "")
        .replace("</tbody></table>", "</table>")
        .lines()
        .map(|l| match l.strip_prefix("<tr><td>") {
            Some(rest) => match rest.split_once("</td>") {
                Some((name, after)) => format!("<tr><th>{name}</th>{after}"),
                None => l.to_owned(),
            },
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Each standalone table with its last two columns swapped (not the first, which names the rows):
/// the same values under the same headers.
fn last_columns_swapped(t: &str) -> String {
    each_table(t, |rows| {
        // (An empty header continues the one before it, "CFBench(CSR,ISR,PSR) |  |  |": no swap.)
        let head = row_cells(rows[0]);
        if head.len() < 3 || head[head.len() - 2..].iter().any(String::is_empty) {
            return None;
        }
        let swapped = |l: &&str| {
            let mut cells = row_cells(l);
            let n = cells.len();
            if n >= 3 {
                cells.swap(n - 1, n - 2);
            }
            format!("| {} |", cells.join(" | "))
        };
        Some(rows.iter().map(swapped).collect())
    })
}

/// Each standalone table of names over plain values written the other way round: its rows become
/// columns (`| Model | MMLU |` over `| Foo-7B | 50.1 |` is `|  | Foo-7B |` over `| MMLU | 50.1 |`),
/// as cards write the same comparison either way. Only tables whose corner names the label column
/// and nothing else, with a label in every row's first cell and no empty header cell, no stacked
/// or section rows.
fn tables_transposed(t: &str) -> String {
    each_table(t, |rows| {
        let cells: Vec<Vec<String>> =
            rows.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, l)| row_cells(l)).collect();
        let corner = cells[0][0].to_lowercase();
        let plain_corner = ["", "model", "models", "name", "benchmark", "benchmarks", "task", "tasks", "dataset"]
            .contains(&corner.trim_matches('*'));
        let labelled = cells[1..].iter().all(|r| !r[0].is_empty() && r[1..].iter().any(|c| !c.is_empty()));
        let plain = cells.iter().flatten().all(|c| !c.contains("<br") && !c.contains('\\'));
        let width = cells[0].len();
        if !plain_corner
            || !labelled
            || !plain
            || width < 2
            || cells.len() < 3
            || cells[0].iter().skip(1).any(String::is_empty)
        {
            return None;
        }
        let mut out = Vec::new();
        for j in 0..width {
            let column: Vec<&str> = cells.iter().map(|r| r[j].as_str()).collect();
            let row = if j == 0 { [&[""][..], &column[1..]].concat() } else { column };
            out.push(format!("| {} |", row.join(" | ")));
            if j == 0 {
                out.push(format!("|{}", "---|".repeat(cells.len())));
            }
        }
        // (As many lines as before, blank past the table: the card's other lines keep their numbers.)
        let mut lines: Vec<String> = vec![String::new(); rows.len()];
        lines[0] = out.join("\n");
        Some(lines)
    })
}

/// Whether a line without its leading pipe would start another Markdown block (a heading, a
/// list item, a quote, HTML) and so end the table.
fn opens_a_block(line: &str) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    let numbered =
        line.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(['.', ')']) && first.is_ascii_digit();
    let bullet = matches!(first, '-' | '*' | '+') && line[1..].starts_with(' ');
    numbered || bullet || matches!(first, '#' | '>' | '<' | '`' | '~' | '=') || (first == '-' && !is_separator(line))
}

/// Whether a line opens or closes a fenced code block (backticks or tildes).
fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

fn is_separator(l: &str) -> bool {
    let cells = l.trim().trim_matches('|');
    cells.contains('-') && cells.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

thread_local! {
    /// The model whose card is being rewritten (for rewrites of its own name).
    static MODEL: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Names the model whose card the next rewrites rewrite.
pub fn set_model(model_id: &str) {
    MODEL.with(|m| *m.borrow_mut() = model_id.to_owned());
}

fn model_id() -> String {
    MODEL.with(|m| m.borrow().clone())
}

/// A rewrite: the card's text in, the rewritten text out.
pub type Rewrite = fn(&str) -> String;

/// Each rewrite: a name and the text it makes.
pub const REWRITES: &[(&str, Rewrite)] = &[
    // (The corpus's cards were stored with CRLF line ends, the Hub serves most with LF.)
    ("lf", |t| t.replace("\r\n", "\n")),
    ("crlf", |t| t.replace("\r\n", "\n").replace('\n', "\r\n")),
    ("bom", |t| format!("\u{feff}{t}")),
    // (One: two spaces at a line's end are a hard break.)
    ("trailing_space", |t| each_line(t, |l| if l.ends_with(' ') { l.to_string() } else { format!("{l} ") })),
    ("no_final_newline", |t| t.trim_end_matches('\n').to_string()),
    ("table_outer_pipes_dropped", drop_outer_pipes),
    ("table_cells_padded", |t| each_row(t, |l| l.replace('|', " | ").trim().to_string())),
    // (Aligned with tabs, as some editors write: the delimiter row too.)
    // (Not before the first pipe: a tab there is an indent, which makes the table a code block.)
    ("table_cells_tabbed", |t| {
        each_row(t, |l| {
            let row = l.trim_start();
            let indent = &l[..l.len() - row.len()];
            format!("{indent}{}", row.replace(" |", "\t|").replace("-|", "-\t|"))
        })
    }),
    // (Not in the first cell: a bold name is how some cards mark their own row.)
    ("table_bold_dropped_but_names", |t| {
        each_row(t, |l| {
            let l = l.trim();
            match l[1..].find('|') {
                Some(first) => format!("{}{}", &l[..first + 1], l[first + 1..].replace("**", "")),
                None => l.to_string(),
            }
        })
    }),
    // GFM's other bold: `__x__` for `**x**` (not inside a word, where `_` is no emphasis).
    ("table_bold_underscored", |t| {
        each_row(t, |l| {
            let cells: Vec<String> = l
                .split('|')
                .map(|c| {
                    let inner = c.trim();
                    match inner.strip_prefix("**").and_then(|x| x.strip_suffix("**")) {
                        Some(x) if !x.is_empty() && !x.contains('*') && !x.contains('_') => {
                            c.replace(inner, &format!("__{x}__"))
                        }
                        _ => c.to_string(),
                    }
                })
                .collect();
            cells.join("|")
        })
    }),
    ("separator_plain", |t| {
        each_row(t, |l| {
            if is_separator(l) {
                format!("|{}", "---|".repeat(l.trim().trim_matches('|').split('|').count()))
            } else {
                l.to_string()
            }
        })
    }),
    ("tables_as_html", as_html_tables),
    ("tables_as_html_row_headers", as_html_row_headers),
    ("last_columns_swapped", last_columns_swapped),
    ("tables_transposed", tables_transposed),
    // (One space: two would put a table under a list item into the item.)
    ("table_indented", |t| {
        let fenced = std::cell::Cell::new(false);
        each_line(t, |l| {
            if is_fence(l) {
                fenced.set(!fenced.get());
            }
            if l.starts_with('|') && !fenced.get() {
                format!(" {l}")
            } else {
                l.to_string()
            }
        })
    }),
    // (A header cell shows bold either way.)
    ("table_header_bold", |t| {
        each_table(t, |rows| {
            let bold = |c: &String| if c.is_empty() || c.contains('*') { c.clone() } else { format!("**{c}**") };
            let header: Vec<String> = row_cells(rows[0]).iter().map(bold).collect();
            let mut out: Vec<String> = rows.iter().map(|l| l.to_string()).collect();
            out[0] = format!("| {} |", header.join(" | "));
            Some(out)
        })
    }),
    // (Inline HTML in a cell: `<b>x</b>` shows as `**x**` does.)
    ("table_bold_as_html", |t| {
        each_cell(t, |c| match c.strip_prefix("**").and_then(|x| x.strip_suffix("**")) {
            Some(x) if !x.is_empty() && !x.contains('*') => format!("<b>{x}</b>"),
            _ => c.to_owned(),
        })
    }),
    // (A backslash before `_` shows the `_` alone; not in links or code, where it would stay.)
    ("table_underscores_escaped", |t| {
        each_cell(t, |c| if c.contains(['`', '[', '<', '\\']) { c.to_owned() } else { c.replace('_', "\\_") })
    }),
    ("prose_wrapped", |t| blocks::wrap_prose(t, 60)),
    ("prose_unwrapped", blocks::unwrap_prose),
    ("blank_lines_doubled", |t| each_line(t, |l| if l.trim().is_empty() { "\n".to_string() } else { l.to_string() })),
    ("bullets_swapped", blocks::bullets_swapped),
    ("setext_headings", blocks::setext_headings),
    ("front_matter_rewritten", blocks::front_matter_rewritten),
    ("headings_demoted", blocks::headings_demoted),
    ("tables_in_details", blocks::tables_in_details),
    ("table_rows_reversed", blocks::table_rows_reversed),
    ("reference_links", blocks::reference_links),
    ("fences_tilde", blocks::fences_tilde),
    ("table_after_paragraph", blocks::table_after_paragraph),
    ("lists_numbered", blocks::lists_numbered),
    ("table_names_linked", blocks::table_names_linked),
    ("headings_as_bold", blocks::headings_as_bold),
    ("table_values_percent", blocks::table_values_percent),
    ("table_headers_broken", blocks::table_headers_broken),
    ("table_cells_centred", blocks::table_cells_centred),
    ("table_headers_nbsp", blocks::table_headers_nbsp),
    ("comment_before_tables", blocks::comment_before_tables),
    ("headings_closed", marks::headings_closed),
    ("headings_with_emoji", marks::headings_with_emoji),
    ("prose_nbsp", marks::prose_nbsp),
    ("table_values_starred", marks::table_values_starred),
    ("table_values_with_spread", marks::table_values_with_spread),
    ("table_names_lowercased", marks::table_names_lowercased),
    ("table_names_spaced", marks::table_names_spaced),
    ("table_values_underlined", marks::table_values_underlined),
    ("table_values_italic", marks::table_values_italic),
    ("table_values_with_gain", marks::table_values_with_gain),
    ("table_empty_last_column", marks::table_empty_last_column),
    ("table_headers_arrow", marks::table_headers_arrow),
    ("table_headers_unit", marks::table_headers_unit),
    ("dates_spelled", marks::dates_spelled),
    ("dates_day_first", marks::dates_day_first),
    ("dates_slashed", marks::dates_slashed),
    ("dates_as_iso", marks::dates_as_iso),
    ("key_lists_as_tables", facts::key_lists_as_tables),
    ("bold_titles_as_headings", blocks::bold_titles_as_headings),
    ("key_tables_as_lists", facts::key_tables_as_lists),
    ("sizes_spelled", marks::sizes_spelled),
    ("headings_numbered", layout::headings_numbered),
    ("rules_between_sections", layout::rules_between_sections),
    ("headings_uppercased", layout::headings_uppercased),
    ("headings_as_html", layout::headings_as_html),
    ("tables_in_div", layout::tables_in_div),
    ("table_note_below", layout::table_note_below),
    ("table_rank_column", layout::table_rank_column),
    ("table_corner_blank", layout::table_corner_blank),
    ("table_headers_uppercased", layout::table_headers_uppercased),
    ("table_names_daggered", layout::table_names_daggered),
    ("tables_split", layout::tables_split),
    ("table_own_name_with_owner", layout::table_own_name_with_owner),
    ("table_own_name_marked_ours", layout::table_own_name_marked_ours),
    ("tables_in_blockquote", quirks::tables_in_blockquote),
    ("headings_with_anchor", quirks::headings_with_anchor),
    ("headings_with_colon", quirks::headings_with_colon),
    ("table_names_in_code", quirks::table_names_in_code),
    ("table_headers_footnoted", quirks::table_headers_footnoted),
    ("table_values_footnoted", quirks::table_values_footnoted),
    ("table_corner_named", quirks::table_corner_named),
    ("table_cells_aligned", quirks::table_cells_aligned),
    ("prose_values_bold", quirks::prose_values_bold),
    ("table_values_percent_spaced", quirks::table_values_percent_spaced),
    ("lists_indented", quirks::lists_indented),
    ("sizes_lowercased", quirks::sizes_lowercased),
    ("table_values_as_fractions", quirks::table_values_as_fractions),
    ("table_shots_unbracketed", quirks::table_shots_unbracketed),
    ("table_shots_spelled", quirks::table_shots_spelled),
    ("prose_own_name_with_owner", names::prose_own_name_with_owner),
    ("prose_own_name_bold", names::prose_own_name_bold),
    ("prose_own_name_in_code", names::prose_own_name_in_code),
    ("prose_own_name_linked", names::prose_own_name_linked),
    ("prose_own_name_lowercased", names::prose_own_name_lowercased),
    ("prose_own_name_spaced", names::prose_own_name_spaced),
];

/// The front matter (with its closing line) and the rest: YAML is not Markdown, a rewrite of
/// Markdown leaves it alone.
fn split_front(t: &str) -> (&str, &str) {
    if let Some(rest) = t.strip_prefix("---") {
        if let Some(end) = rest.find("\n---") {
            let close = 3 + end + 4;
            let line_end = t[close..].find('\n').map(|i| close + i + 1).unwrap_or(t.len());
            return t.split_at(line_end);
        }
    }
    ("", t)
}
