//! Where lm-eval-harness output hides from a markdown reader: right after a list item (read as
//! the item's text), or pasted without its `|---|` line. Both are found here and read as the
//! tables they are.

use super::tables::{is_separator, markdown_tables, normalize_space, Table, TableKind};

/// [`markdown_tables`], also where lm-eval output follows a list item with no blank line between
/// ("* Local Test" then `| Tasks | … |`): markdown reads its lines as the item's text, a reader
/// sees a table. (Only lm-eval's self-describing header, or an item that is a known benchmark's name
/// alone, the table's caption: other tables after a list item are often named by the item in words
/// densing cannot read, "* Rouge Score over BookSum" over `| Model | R1 | R2 |`, which no header
/// says.) A blank line is put before each such table and offsets are mapped back to `markdown`'s.
pub(super) fn markdown_tables_after_lists(markdown: &str) -> Vec<(usize, Table)> {
    let delimiter = super::card_text::is_delimiter_row;
    let list_item = |l: &str| super::card_text::without_list_marker(l).is_some();
    let mut at = Vec::new();
    let mut lines = markdown.split_inclusive('\n').scan(0, |o, l| {
        *o += l.len();
        Some((*o - l.len(), l))
    });
    let (mut before, mut line) = (None::<&str>, lines.next());
    while let Some((offset, l)) = line {
        let next = lines.next();
        // (Lower-cased only for the rare pipe line right after a list item.)
        let lm_eval = || ["task", "metric", "value"].iter().all(|w| l.to_lowercase().contains(w));
        let candidate = l.trim_start().starts_with('|') && before.is_some_and(list_item);
        // (Or a table the item names by a benchmark densing knows: "* Alpaca Eval" over `| Model | win_rate |`.)
        let named = || before.is_some_and(names_a_benchmark);
        if candidate && next.is_some_and(|(_, n)| delimiter(n)) && (lm_eval() || named()) {
            at.push(offset);
        }
        (before, line) = (Some(l), next);
    }
    if at.is_empty() {
        return markdown_tables(markdown);
    }
    let mut patched = String::with_capacity(markdown.len() + at.len());
    let mut from = 0;
    for o in &at {
        patched.push_str(&markdown[from..*o]);
        patched.push('\n');
        from = *o;
    }
    patched.push_str(&markdown[from..]);
    // The i-th blank line sits at at[i] + i in the patched text.
    let back = |p: usize| p - at.iter().enumerate().filter(|(i, o)| **o + i < p).count();
    let mut found = markdown_tables(&patched);
    for (o, t) in &mut found {
        *o = back(*o);
        t.offset = back(t.offset);
        t.row_offsets.iter_mut().for_each(|r| *r = back(*r));
    }
    found
}

/// Whether a list item's text is a benchmark's name densing knows and nothing else ("* Alpaca Eval",
/// "- **MT-Bench**:"), not a sentence naming one.
fn names_a_benchmark(item: &str) -> bool {
    let Some(text) = super::card_text::without_list_marker(item) else { return false };
    let text = super::benchmarks::strip_markup(text);
    let name = text.trim().trim_end_matches([':', '：']).trim();
    let benchmark = super::benchmarks::resolve(name);
    benchmark.is_known && benchmark.canonical != "card_average" && name.split_whitespace().count() <= 4
}

/// lm-eval-harness output that markdown sees no table in (Nous cards): pasted without its
/// `|---|` line, or with a blank line after every row. A run of pipe lines (blank lines between
/// them allowed) whose first names `Task`, `Metric` and `Value` is read as one.
pub(super) fn unruled_lm_eval_tables(markdown: &str) -> Vec<Table> {
    let split = |l: &str| -> Vec<String> {
        let t = l.trim().trim_start_matches('|').trim_end_matches('|');
        t.split('|').map(normalize_space).collect()
    };
    let lines: Vec<(usize, &str)> = markdown
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .collect();
    let is_pipe = |i: usize| lines.get(i).is_some_and(|(_, l)| l.trim_start().starts_with('|'));
    // The next line at or after `i` that is not blank.
    let next_filled = |mut i: usize| {
        while lines.get(i).is_some_and(|(_, l)| l.trim().is_empty()) {
            i += 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        i += 1;
        if !is_pipe(i - 1) {
            continue;
        }
        let header = split(line);
        let lower: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
        let is_head = ["metric", "value"].iter().all(|w| lower.iter().any(|h| h == w))
            && lower.iter().any(|h| h == "task" || h == "tasks");
        let ruled_right_below = is_pipe(i) && is_separator(&split(lines[i].1));
        if !is_head || ruled_right_below {
            // Markdown reads a table whose rule follows its header.
            continue;
        }
        let mut table = Table {
            kind: TableKind::Markdown,
            heading: String::new(),
            header,
            rows: vec![],
            offset: start,
            row_offsets: vec![],
            row_links: vec![],
            row_bold: vec![],
            header_bold: vec![],
            header_links: vec![],
            lead_in: String::new(),
            of_tuned_models: false,
            caption: String::new(),
        };
        let spaced = next_filled(i) > i;
        let mut at = if spaced { next_filled(i) } else { i };
        while is_pipe(at) {
            let row = split(lines[at].1);
            if !is_separator(&row) {
                let mut row = row;
                row.resize(table.header.len(), String::new());
                table.row_offsets.push(lines[at].0);
                table.rows.push(row);
            }
            i = at + 1;
            at = if spaced { next_filled(at + 1) } else { at + 1 };
        }
        if table.rows.len() >= 2 {
            out.push(table);
        }
    }
    out
}
