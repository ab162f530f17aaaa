//! Tables in a model card: GFM pipe tables (pulldown-cmark) and HTML `<table>`s (scraper),
//! as plain-text grids with the heading they sit under.
//!
//! HTML `rowspan`/`colspan` are expanded so every grid row has one cell per column. Limits keep
//! hostile cards cheap: at most [`MAX_TABLES`] tables, [`MAX_CELLS`] cells each, and HTML table
//! snippets over [`MAX_HTML_TABLE`] bytes are skipped.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub(super) use super::cell_values::is_footnote_mark;
pub use super::cell_values::is_missing;
use super::cell_values::marks_resolved;
pub(crate) use super::cell_values::{column_is_fraction, plus_value, pure_number, rows_are_fractions};
use super::header_rows::after_rank;
pub use super::html_tables::html_table;
use super::html_tables::html_table_snippets;
use super::lm_eval_tables::{markdown_tables_after_lists, unruled_lm_eval_tables};
use super::row_splits::{slashed_rows, stacked_rows};

/// Tables read per card.
pub const MAX_TABLES: usize = 200;
/// Cells kept per table.
pub const MAX_CELLS: usize = 20_000;
/// Largest HTML table snippet parsed.
pub const MAX_HTML_TABLE: usize = 512 * 1024;

/// Where a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// A GFM pipe table.
    Markdown,
    /// An HTML `<table>`.
    Html,
}

/// A table as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Markdown or HTML.
    pub kind: TableKind,
    /// The path of headings above it, outermost first, joined by " > " ("" when none).
    pub heading: String,
    /// Header row (the first row of an HTML table).
    pub header: Vec<String>,
    /// Body rows, each as long as the header (padded or cut).
    pub rows: Vec<Vec<String>>,
    /// Byte offset of the table in the text it was read from.
    pub offset: usize,
    /// Byte offset of each body row (an HTML row's `<tr>`; the table's offset where rows have no
    /// place of their own: HTML tables whose tags and rows do not pair up, tables in an indented
    /// code block).
    pub row_offsets: Vec<usize>,
    /// The text between the table's heading line and the table (trimmed, at most
    /// [`MAX_LEAD_IN`] bytes): empty when the table sits right under its heading.
    pub lead_in: String,
    /// The last non-blank line right above the table, when no heading or table sits between
    /// (at most 200 characters): a caption such as "RULER: a retrieval-based benchmark …".
    pub caption: String,
    /// The Hub id each body row's first cell links to (`[ToRA-13B](https://huggingface.co/llm-agents/tora-13b-v1.0)`,
    /// or an `<a href>` in an HTML table whose rows are its `<tr>`s; empty for others).
    pub row_links: Vec<Option<String>>,
    /// Whether each header cell is wholly bold (`| **GRIN MoE** |`): cards bold their own model's
    /// column as they do its row. Empty where not known (a header taken from the row below).
    pub header_bold: Vec<bool>,
    /// The Hub id each header cell links to (`| [Foo](https://huggingface.co/org/Foo-7B) |`), as
    /// [`row_links`](Self::row_links) for rows. Empty where not known.
    pub header_links: Vec<Option<String>>,
    /// Whether each body row's first cell is wholly bold (`| **Starling-7B** |`, `<b>` or
    /// `<strong>` in HTML; empty for lm-eval tables): cards bold their own model's row.
    pub row_bold: Vec<bool>,
    /// Whether its heading or lead-in says it holds tuned models
    /// ([`table_is_tuned`](super::model_names::table_is_tuned)), worked out once by [`tables`]; or,
    /// set by the card's reader, the card is a tuned model's that speaks of no base model.
    pub of_tuned_models: bool,
}

impl Table {
    /// The cells that may name a model: the header's and each row's first.
    pub fn labels(&self) -> impl Iterator<Item = &String> {
        self.header.iter().chain(self.rows.iter().filter_map(|r| r.first()))
    }

    /// The table the other way round: its first column as the header, each other column a row.
    /// Rows have no place of their own (the table's offset) nor links or bold marks.
    pub fn transposed(&self) -> Table {
        let column = |c: usize| self.rows.iter().map(move |r| r.get(c).cloned().unwrap_or_default());
        let rows: Vec<Vec<String>> = (1..self.header.len())
            .map(|c| std::iter::once(self.header[c].clone()).chain(column(c)).collect())
            .collect();
        Table {
            kind: self.kind,
            heading: self.heading.clone(),
            header: std::iter::once(self.header.first().cloned().unwrap_or_default()).chain(column(0)).collect(),
            offset: self.offset,
            row_offsets: vec![self.offset; rows.len()],
            rows,
            lead_in: self.lead_in.clone(),
            caption: self.caption.clone(),
            row_links: vec![],
            row_bold: vec![],
            header_bold: vec![],
            header_links: vec![],
            of_tuned_models: self.of_tuned_models,
        }
    }
}

/// Lead-in text kept per table: the last bytes before it.
pub const MAX_LEAD_IN: usize = 400;

/// Every table of a markdown document, in order.
pub fn tables(markdown: &str) -> Vec<Table> {
    let super::sections::Sections { headings, titles } = super::sections::sections(markdown);
    let last_heading = |offset: usize| headings.iter().take_while(|(o, _)| *o <= offset).last();
    // A bold title line after the last heading over `offset` (see [`sections`](super::sections::sections)).
    let title_at = |offset: usize| {
        let since = last_heading(offset).map_or(0, |(o, _)| *o);
        titles.iter().take_while(|(o, _)| *o <= offset).last().filter(|(o, _)| *o > since)
    };
    // The path of headings over `offset`, then its title.
    let heading_at = |offset: usize| {
        let path = last_heading(offset).map(|(_, h)| h.clone()).unwrap_or_default();
        match title_at(offset) {
            Some((_, title)) if path.is_empty() => title.clone(),
            Some((_, title)) => format!("{path} > {title}"),
            None => path,
        }
    };
    // From the end of the heading's (or title's) line, or the document's start, to the table.
    let lead_in = |offset: usize| {
        let from = title_at(offset)
            .or_else(|| last_heading(offset))
            .map_or(0, |(o, _)| markdown[*o..offset].find('\n').map_or(offset, |n| o + n));
        // (Another table between them is no lead-in: "| simpleQA (5shot) | …" says nothing of
        // the next table's shots. The text after that table is.)
        let between = &markdown[from..offset];
        let past_table = between
            .match_indices('\n')
            .rev()
            .map(|(n, _)| n + 1)
            .find(|n| {
                let line = between[..*n].trim_end().rsplit('\n').next().unwrap_or("").trim();
                line.starts_with('|') || line.ends_with("</table>")
            })
            .unwrap_or(0);
        // The text nearest the table: a long section's last sentences lead into it.
        let text = between[past_table..].trim();
        let mut start = text.len().saturating_sub(MAX_LEAD_IN);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        text[start..].to_owned()
    };
    let caption = |offset: usize| {
        // (A paragraph hard-wrapped over lines is one caption: "… was" over "used:" is no title.)
        let line = super::card_text::last_paragraph_line(&markdown[..offset]);
        // (A list item's marker is no part of it: "* Alpaca Eval" over the table names it.)
        let line = super::card_text::without_list_marker(&line).unwrap_or(&line).to_owned();
        let plain = |l: &String| !l.starts_with('#') && !l.starts_with('|') && !l.starts_with('<');
        Some(line).filter(plain).map(|l| l.chars().take(200).collect()).unwrap_or_default()
    };
    let mut found: Vec<(usize, Table)> = markdown_tables_after_lists(markdown)
        .into_iter()
        .map(|(o, mut t)| {
            t.heading = heading_at(o);
            t.lead_in = lead_in(o);
            t.caption = caption(o);
            t.offset = o;
            (o, t)
        })
        .collect();
    for (offset, snippet) in html_table_snippets(markdown) {
        if let Some(mut t) = html_table(snippet) {
            t.heading = heading_at(offset);
            t.lead_in = lead_in(offset);
            t.caption = caption(offset);
            t.offset = offset;
            t.row_offsets = t.row_offsets.iter().map(|r| offset + r).collect();
            found.push((offset, t));
        }
    }
    for mut t in unruled_lm_eval_tables(markdown) {
        t.heading = heading_at(t.offset);
        t.lead_in = lead_in(t.offset);
        found.push((t.offset, t));
    }
    for (_, t) in &mut found {
        super::header_rows::tidy(t);
        super::pair_cells::split_legend_columns(t);
        t.of_tuned_models =
            super::model_names::table_is_tuned(&t.heading, &t.lead_in) && !super::model_names::names_say_tuned(t);
    }
    found.sort_by_key(|(o, _)| *o);
    found.into_iter().map(|(_, t)| t).take(MAX_TABLES).collect()
}

pub(super) fn markdown_tables(markdown: &str) -> Vec<(usize, Table)> {
    let mut out = Vec::new();
    let mut table: Option<(usize, Table)> = None;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let mut in_head = false;
    // (`sup_from`: where the open superscript's text starts in `sup_text`.)
    let (mut in_sup, mut sup_text, mut sup_from) = (false, String::new(), 0);
    let mut cells = 0;
    let mut code: Option<(usize, String)> = None;
    let (mut row_start, mut row_link) = (0, None);
    // Whether the row's name (its first cell, or the next after a rank's) has text in bold, and outside it.
    let (mut strong, mut first_bold, mut first_plain, mut label_at) = (0u32, false, false, 0);
    // The same for the header cell being read, and each header cell read so far.
    let (mut cell_bold, mut cell_plain, mut header_bold) = (false, false, Vec::new());
    // The Hub id the header cell being read links to, and each header cell's so far.
    let (mut cell_link, mut header_links): (Option<String>, Vec<Option<String>>) = (None, Vec::new());
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(_)) => {
                cells = 0;
                table = Some((
                    range.start,
                    Table {
                        kind: TableKind::Markdown,
                        heading: String::new(),
                        header: vec![],
                        rows: vec![],
                        lead_in: String::new(),
                        of_tuned_models: false,
                        caption: String::new(),
                        offset: range.start,
                        row_offsets: vec![],
                        row_links: vec![],
                        row_bold: vec![],
                        header_bold: vec![],
                        header_links: vec![],
                    },
                ));
            }
            Event::Start(Tag::TableHead) => (in_head, header_bold, header_links) = (true, Vec::new(), Vec::new()),
            Event::Start(Tag::TableRow) => {
                row.clear();
                (row_start, row_link) = (range.start, None);
                (strong, first_bold, first_plain, label_at) = (0, false, false, 0);
            }
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) if cell.is_some() && row.len() == label_at && !in_head => {
                row_link = row_link.or_else(|| page_id(&dest_url));
            }
            Event::Start(Tag::Link { dest_url, .. }) if cell.is_some() && in_head => {
                cell_link = cell_link.or_else(|| page_id(&dest_url));
            }
            Event::Start(Tag::TableCell) => {
                (cell, in_sup) = (Some(String::new()), false);
                (cell_bold, cell_plain, cell_link) = (false, false, None);
                sup_text.clear();
            }
            Event::Text(t) | Event::Code(t) => {
                if cell.is_some() && row.len() == label_at {
                    *if strong > 0 { &mut first_bold } else { &mut first_plain } |= !t.trim().is_empty();
                }
                if cell.is_some() {
                    *if strong > 0 { &mut cell_bold } else { &mut cell_plain } |= !t.trim().is_empty();
                }
                if let Some(c) = cell.as_mut().filter(|_| !in_sup) {
                    c.push_str(&t);
                } else if cell.is_some() {
                    sup_text.push_str(&t);
                } else if let Some((_, c)) = code.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                // <br> separates lines; a <sup> footnote mark ("Baichuan-7B<sup>0</sup>") is
                // dropped with its text; other inline tags (<b>) are dropped.
                if let Some(c) = cell.as_mut() {
                    let tag = h.to_ascii_lowercase();
                    if tag.starts_with("<br") {
                        c.push(BR);
                    }
                    // "MMMU<sub>val</sub>": the subscript is a word of its own.
                    if tag.starts_with("<sub") {
                        c.push(' ');
                    }
                    // (A digit or mark is kept in a name, "τ<sup>2</sup>-Bench": see `marks_resolved`.)
                    let mark = sup_text.get(sup_from..).unwrap_or("");
                    if in_sup && tag.starts_with("</sup") && is_footnote_mark(mark) {
                        c.extend(['\u{1}'].into_iter().chain(mark.chars()).chain(['\u{2}']));
                    }
                    sup_from = sup_text.len();
                    in_sup = tag.starts_with("<sup") || in_sup && !tag.starts_with("</sup");
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = cell.as_mut() {
                    c.push(' ');
                }
            }
            Event::End(TagEnd::TableCell) => {
                cells += 1;
                if in_head {
                    header_bold.push(cell_bold && !cell_plain);
                    header_links.push(cell_link.take());
                }
                // A cell written wholly in <sup> (WizardLM's tables) is its text, not a mark.
                let text = marks_resolved(cell.take().unwrap_or_default());
                if row.is_empty() && !in_head && table.as_ref().is_some_and(|(_, t)| after_rank(&t.header, &text)) {
                    (first_bold, first_plain, label_at, row_link) = (false, false, 1, None);
                }
                row.push(if text.trim().is_empty() { std::mem::take(&mut sup_text) } else { text });
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some((_, t)) = table.as_mut() {
                    t.header = std::mem::take(&mut row).iter().map(|c| normalize_space(&c.replace(BR, " "))).collect();
                    t.header_bold = std::mem::take(&mut header_bold);
                    t.header_links = std::mem::take(&mut header_links);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some((_, t)) = table.as_mut() {
                    let flat: Vec<String> = row.iter().map(|c| normalize_space(&c.replace(BR, " "))).collect();
                    // A line without a pipe right under a table ("User Prompt Template:") is a
                    // paragraph that GFM lets the table swallow as a row, not a row.
                    let line = markdown.get(row_start..).and_then(|rest| rest.split('\n').next()).unwrap_or("");
                    if !in_head && line.contains('|') && cells <= MAX_CELLS && !is_separator(&flat) {
                        let split = stacked_rows(&std::mem::take(&mut row)).or_else(|| slashed_rows(&flat));
                        for mut r in split.unwrap_or_else(|| vec![flat]) {
                            r.resize(t.header.len().max(1), String::new());
                            t.rows.push(r);
                            t.row_offsets.push(row_start);
                            t.row_links.push(row_link.clone());
                            t.row_bold.push(first_bold && !first_plain);
                        }
                    }
                    row.clear();
                }
            }
            Event::End(TagEnd::Table) => out.extend(table.take()),
            // lm-eval-harness output is often pasted inside a fenced block: read its tables too.
            Event::Start(Tag::CodeBlock(_)) => code = Some((range.start, String::new())),
            Event::End(TagEnd::CodeBlock) => {
                if let Some((start, text)) = code.take() {
                    if text.lines().filter(|l| l.trim_start().starts_with('|')).count() >= 3 {
                        // A fenced block's text starts on the line after its fence: offsets are
                        // exact when the block is not indented (then the settings line lm-eval
                        // prints over its table is the table's lead-in), else the fence's.
                        let content = markdown[start..].find('\n').map_or(start, |n| start + n + 1);
                        let exact = markdown.get(content..content + text.len()) == Some(text.as_str());
                        // (A CRLF card's block text comes with its line ends as "\n": one byte per
                        // line earlier.)
                        let crlf = !exact && {
                            let wide = text.replace('\n', "\r\n");
                            markdown.get(content..content + wide.len()) == Some(wide.as_str())
                        };
                        let place = |o: usize| match (exact, crlf) {
                            (true, _) => content + o,
                            (_, true) => content + o + text[..o].matches('\n').count(),
                            _ => start,
                        };
                        out.extend(markdown_tables(&text).into_iter().map(|(o, t)| {
                            let row_offsets = t.row_offsets.iter().map(|r| place(*r)).collect();
                            (place(o), Table { offset: place(o), row_offsets, ..t })
                        }));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The Hub id of a link to a model's page (`https://huggingface.co/org/name`, maybe with
/// `/tree/main` after it); not of a link to one of its files (`/blob/main/x.gguf`), which every
/// row of a file list has.
pub(super) fn page_id(url: &str) -> Option<String> {
    let file = url.contains("/blob/") || url.contains("/resolve/");
    (url.contains("://") && !file).then(|| super::ids::hub_id(url)).flatten()
}

/// A body row of dashes only (a separator repeated inside the body, as gemma's cards do).
pub(super) fn is_separator(row: &[String]) -> bool {
    row.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':' || ch == ' ')) && row.iter().any(|c| c.contains("---"))
}

/// (Control characters are dropped: a stray backspace before "**Model**" hid the model column.)
pub(super) fn normalize_space(s: &str) -> String {
    // (Zero-width spaces and joiners too: "LogiQA-v2\u{200b}" is LogiQA-v2.)
    let invisible = |c: &char| matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}');
    let kept: String = s.chars().filter(|c| (c.is_whitespace() || !c.is_control()) && !invisible(c)).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where a `<br>` stood in a markdown cell.
pub(super) const BR: char = '\u{1e}';

/// At most 200 characters, whitespace collapsed.
pub fn clip(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(200) {
        Some((i, _)) => flat[..i].to_owned(),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_empty_in_every_row_is_no_column() {
        let md = "| Average | |\n| :---- | --- |\n| 58.6 |  |\n\n| | Model | | MMLU | |\n|---|---|---|---|---|\n| | Foo | | 50.1 | |\n";
        let read = tables(md);
        assert_eq!(
            (read[0].header.as_slice(), read[0].rows[0].as_slice()),
            (&["Average".to_owned()][..], &["58.6".to_owned()][..])
        );
        assert_eq!(read[1].header, ["Model", "MMLU"]);
        assert_eq!(read[1].rows[0], ["Foo", "50.1"]);
    }

    #[test]
    fn arrows_and_emoji_around_a_column_name_are_no_part_of_it() {
        let md = "| Model | MMLU ↑ | ⬆️ Average | Perplexity ↓ | 🏆 |\n|---|---|---|---|---|\n| Foo | 50.1 | 40.2 | 3.1 | 1 |\n";
        // (Not a thin down arrow: lower is better, which the shape check reads.)
        assert_eq!(tables(md)[0].header, ["Model", "MMLU", "Average", "Perplexity ↓", "🏆"]);
        let noted = "| Model | SQuAD 2.0 (F1/EM)† |\n|---|---|\n| Foo | 86.2/83.1 |\n";
        assert_eq!(tables(noted)[0].header, ["Model", "SQuAD 2.0 (F1)", "SQuAD 2.0 (EM)"], "a footnote's dagger");
    }

    #[test]
    fn a_rank_column_is_no_column() {
        let md = "| # | Model | MMLU |\n|---|---|---|\n| 1 | **Foo-7B** | 50.1 |\n| 2 | [Bar-7B](https://huggingface.co/org/Bar-7B) | 40.2 |\n";
        let t = &tables(md)[0];
        assert_eq!(
            (&t.header, &t.rows[0]),
            (&vec!["Model".to_owned(), "MMLU".into()], &vec!["Foo-7B".to_owned(), "50.1".into()])
        );
        assert_eq!((t.row_bold.as_slice(), t.row_links[1].as_deref()), (&[true, false][..], Some("org/Bar-7B")));
        let html = "<table><tr><th>Rank</th><th>Model</th><th>MMLU</th></tr><tr><td>1</td><td><b>Foo-7B</b></td><td>50.1</td></tr><tr><td>2</td><td>Bar</td><td>40.2</td></tr></table>\n";
        assert_eq!((tables(html)[0].header.len(), tables(html)[0].row_bold.as_slice()), (2, &[true, false][..]));
        // (Not numbers that count otherwise: shots, a year.)
        let shots = "| # | Model | MMLU |\n|---|---|---|\n| 0 | Foo | 50.1 |\n| 5 | Foo | 52.0 |\n";
        assert_eq!(tables(shots)[0].header.len(), 3);
        // (Nor a number under another header: the row's own first cell is its name's.)
        let other = md.replace("| # |", "| k |");
        assert_eq!((tables(&other)[0].header.len(), tables(&other)[0].row_bold.as_slice()), (3, &[false, false][..]));
    }

    #[test]
    fn control_characters_in_a_cell_are_dropped() {
        let md = "| \u{8}**Model** | MMLU |\n|---|---|\n| Foo | 1.5 |\n";
        assert_eq!(tables(md)[0].header, ["Model", "MMLU"]);
    }

    #[test]
    fn a_bold_line_of_its_own_titles_the_tables_under_it() {
        let table = |n: u8| format!("| A | B |\n|---|---|\n| x | {n} |\n\n");
        let md = format!(
            "**Card**\n\n## Results\n\n**Base pretrained models**\n\n{}__Instruction tuned models:__\n\nZero-shot.\n\n{}\
             **Note:**\nthe numbers are ours.\n\n{}**Chat models are better.**\n\n- **Listed**\n\n{}## Usage\n\n{}",
            table(1),
            table(2),
            table(3),
            table(4),
            table(5)
        );
        let read = tables(&md);
        let heads: Vec<&str> = read.iter().map(|t| t.heading.as_str()).collect();
        // A title holds, as a heading does, up to the next title or heading; not a bold word
        // opening a paragraph, a sentence in bold, nor a list item. Nor one above the heading.
        let tuned = "Results > Instruction tuned models";
        assert_eq!(heads, ["Results > Base pretrained models", tuned, tuned, tuned, "Usage"]);
        assert!(read[1].of_tuned_models && !read[0].of_tuned_models && !read[4].of_tuned_models);
        // Its lead-in starts below it, as a heading's does.
        assert_eq!((read[0].lead_in.as_str(), read[1].lead_in.as_str()), ("", "Zero-shot."));
        // Titles with nothing between them nest.
        let nested = format!("## Results\n\n**Base Model**\n\n**Standard Benchmarks**\n\n{}", table(1));
        assert_eq!(tables(&nested)[0].heading, "Results > Base Model > Standard Benchmarks");
    }

    #[test]
    fn an_empty_heading_leaves_the_section_above() {
        let md = "## Results\n### Instruction tuned models\n\n##\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(tables(md)[0].heading, "Results > Instruction tuned models");
    }

    #[test]
    fn a_line_without_a_pipe_under_a_table_is_no_row() {
        let md = "### MATH500\n| Reasoning Mode | pass@1 |\n|---|---|\n| Reasoning Off | 74.0 |\n| Reasoning On | 96.6 |\nUser Prompt Template:\n```\nx\n```\n";
        let t = tables(md);
        assert_eq!(t[0].rows, [["Reasoning Off", "74.0"], ["Reasoning On", "96.6"]]);
        assert_eq!(t[0].row_offsets.len(), 2);
    }

    #[test]
    fn lm_eval_output_without_its_rule_line() {
        let md = "Results:\n|   Task   |Version| Metric |Value |   |Stderr|\n|arc_easy  |      0|acc     |0.7908|±  |0.0083|\n|          |       |acc_norm|0.7542|±  |0.0088|\n\nAfter.";
        let t = tables(md);
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].rows.len(), t[0].rows[1][2].as_str()), (2, "acc_norm"));
        assert_eq!(&md[t[0].row_offsets[0]..t[0].row_offsets[0] + 9], "|arc_easy");
    }

    #[test]
    fn a_fenced_tables_rows_keep_their_own_lines_in_a_crlf_card() {
        // miqu-1-70b-sf's card: lm-eval output in a fence, every line ending in CRLF.
        let md = "## some benchmarks\r\n\r\n```\r\n| Tasks |Metric|Value |\r\n|---|---|---:|\r\n|hellaswag|acc|0.6851|\r\n|piqa|acc|0.8074|\r\n```\r\n";
        let t = tables(md);
        assert_eq!(t.len(), 1);
        assert_eq!(&md[t[0].offset..t[0].offset + 7], "| Tasks");
        assert_eq!(&md[t[0].row_offsets[1]..t[0].row_offsets[1] + 5], "|piqa");
        // Every offset is a line's start.
        assert!(t[0].row_offsets.iter().all(|r| md[..*r].ends_with('\n')));
    }

    #[test]
    fn an_html_tables_rows_are_placed_at_their_own_tr() {
        let md = "Intro\n\n<table>\n<tr><th>Model</th><th>MMLU</th></tr>\n<tr>\n<td>A-7B</td><td>60.1</td></tr>\n<TR class=\"x\"><td>B-7B</td><td>61.2</td></tr>\n</table>\n";
        let t = tables(md);
        assert_eq!(t[0].rows.len(), 2);
        assert!(md[t[0].row_offsets[0]..].starts_with("<tr>\n<td>A-7B"));
        assert!(md[t[0].row_offsets[1]..].starts_with("<TR class"));
        // A row commented out is no row: the others keep their own `<tr>`.
        let commented = "<table>\n<tr><th>M</th><th>X</th></tr>\n<!-- <tr><td>Z</td><td>9</td></tr> -->\n\
                         <tr><td>A</td><td>1</td></tr>\n</table>\n";
        let t = tables(commented);
        assert_eq!(t[0].rows.len(), 1);
        assert!(commented[t[0].row_offsets[0]..].starts_with("<tr><td>A"), "{:?}", t[0].row_offsets);
        // Tags the parser does not count as rows (one in an attribute): every row is placed at the table.
        let quoted =
            "<table>\n<tr><th>M</th><th>X</th></tr>\n<tr><td title=\"a <tr> b\">A</td><td>1</td></tr>\n</table>\n";
        let t = tables(quoted);
        assert!(t[0].row_offsets.iter().all(|r| *r == t[0].offset), "{:?}", t[0].row_offsets);
    }

    #[test]
    fn pipe_tables_with_separator_in_body_and_no_outer_pipes() {
        let md = "## Results\n\n| Benchmark | 2B |\n|---|---:|\n| [MMLU](x) | **42.3** |\n| --- | --- |\n| Average | 54.0 |\n\nA | B\n--|--\n1 | 2\n";
        let t = tables(md);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].heading, "Results");
        let nested = tables("# A\n## Base\n### Std\n\n|x|y|\n|-|-|\n|1|2|\n");
        assert_eq!(nested[0].heading, "A > Base > Std");
        assert_eq!(t[0].rows, vec![vec!["MMLU", "42.3"], vec!["Average", "54.0"]]);
        assert_eq!(t[1].header, vec!["A", "B"]);
    }

    #[test]
    fn a_table_right_after_a_list_item_is_a_table() {
        let md = "* Local Test\n* hf (x), num_fewshot: 10\n| Tasks | Metric | Value |\n|---|---|---|\n| hellaswag | acc | 0.71 |\n";
        let t = tables(md);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows, [["hellaswag", "acc", "0.71"]]);
        // Offsets are the document's own: the table starts at its header line.
        assert_eq!(&md[t[0].offset..t[0].offset + 7], "| Tasks");
        assert_eq!(&md[t[0].row_offsets[0]..t[0].row_offsets[0] + 11], "| hellaswag");
        assert!(t[0].lead_in.ends_with("num_fewshot: 10"));
        // Another table after a list item stays the item's text: the item may name its benchmark.
        assert!(tables("* Rouge Score over BookSum\n| Model | R1 |\n|---|---|\n| Foo | 0.3 |\n").is_empty());
        // Unless the item is a known benchmark's name alone: the table's caption, without its marker.
        let named = tables("* Alpaca Eval\n| Model | win_rate |\n|---|---|\n| Foo | 70.4 |\n");
        assert_eq!(named.iter().map(|t| t.caption.as_str()).collect::<Vec<_>>(), ["Alpaca Eval"]);
        // A bold caption keeps its marks: it is no list item.
        let bold = tables("**BLINK**: a benchmark\n\n| Model | Art |\n|---|---|\n| Foo | 70.4 |\n");
        assert_eq!(bold[0].caption, "**BLINK**: a benchmark");
    }

    #[test]
    fn a_table_above_is_no_part_of_the_next_tables_lead_in() {
        let md = "## Results\n\nBase models, 5-shot.\n\n| Model | A |\n|---|---|\n| simpleQA (5shot) | 2.4 |\n\n\
                  | Topic | Bench | Foo |\n|---|---|---|\n| Math | AIME 2024 | 81.1 |\n";
        let t = tables(md);
        assert_eq!(t[0].lead_in, "Base models, 5-shot.");
        assert_eq!(t[1].lead_in, "");
        let said = md.replace("\n\n| Topic", "\n\nChat models, 0-shot.\n\n| Topic");
        assert_eq!(tables(&said)[1].lead_in, "Chat models, 0-shot.");
    }

    #[test]
    fn a_two_level_header_takes_its_lower_row() {
        let md = "| Benchmark | Similar size | | 2x size |\n|---|---|---|---|\n| | Phi-4 mini-Ins | Llama-3B | Qwen-7B |\n| MMLU | 67.3 | 61.8 | 72.6 |\n";
        let t = &tables(md)[0];
        assert_eq!(t.header, ["Benchmark", "Phi-4 mini-Ins", "Llama-3B", "Qwen-7B"]);
        assert_eq!(t.rows, vec![vec!["MMLU", "67.3", "61.8", "72.6"]]);
        let empty = tables("||||\n|:-:|:-:|:-:|\n|**Task**|**Metric**|**Value**|\n|*arc_challenge*|acc_norm|0.5614|\n");
        assert_eq!(empty[0].header, ["Task", "Metric", "Value"]);
        // A row of metrics under the names: each column with its metric; a blank metric cell
        // leaves its column as it was.
        let md = "| Model | FN-NER | KorFiQA-SA | Avg |\n|---|---|---|---|\n| | F1-micro | MSE | |\n| A | 91.80 | 0.0553 | 95.27 |\n";
        let t = &tables(md)[0];
        assert_eq!(t.header, ["Model", "FN-NER (F1-micro)", "KorFiQA-SA (MSE)", "Avg"]);
        assert_eq!(t.rows.len(), 1);
        // With the setting too: "0-shot <br> pass@1, n=64".
        let md = "| Model | Size | GSM8K | AIME'24 |\n|---|---|---|---|\n| | | 0-shot <br> pass@1 | 0-shot <br> pass@1, n=64 |\n| A | 1B | 67.5 | 15.5 |\n";
        let t = &tables(md)[0];
        assert_eq!(t.header[2], "GSM8K (0-shot) (pass@1)", "each line of the cell");
        assert_eq!(t.rows.len(), 1);
        // A first row of names is no metric row.
        let names = tables("| Model | X | Y |\n|---|---|---|\n| | Llama | Qwen |\n| A | 1.0 | 2.0 |\n");
        assert_eq!(names[0].header, ["Model", "X", "Y"]);
        // Shots under the names, the corner above the label column empty (Baichuan 2's), or a row of
        // shot counts the corner names (JetMoE's).
        let shots = tables("| | **MMLU** | **BBH** |\n|---|---|---|\n| | 5-shot | 3-shot |\n| A | 54.2 | 41.6 |\n");
        assert_eq!(shots[0].header, ["", "MMLU (5-shot)", "BBH (3-shot)"]);
        let counts = tables("|Model|Params|MMLU|MBPP|\n|---|---|---|---|\n|Shot||5|3|\n|A|7B|49.2|34.2|\n");
        assert_eq!(counts[0].header, ["Model", "Params", "MMLU (5-shot)", "MBPP (3-shot)"]);
        assert_eq!(counts[0].rows.len(), 1);
        // Dashes under columns of sizes, an unnamed column with nothing under it (Colossal-LLaMA-2's:
        // no column at all).
        let dashes = tables("| | Backbone | | MMLU | GAOKAO |\n|---|---|---|---|---|\n| | - | | 5-shot | 0-shot |\n| A | - | | 53.1 | 58.8 |\n");
        assert_eq!(dashes[0].header, ["", "Backbone", "MMLU (5-shot)", "GAOKAO (0-shot)"]);
        let not_counts = tables("|Model|MMLU|MBPP|\n|---|---|---|\n|Shot|500|3|\n|A|49.2|34.2|\n");
        assert_eq!(not_counts[0].header, ["Model", "MMLU", "MBPP"], "500 is no shot count");
    }

    #[test]
    fn benchmarks_spanning_empty_markdown_cells_name_the_columns_under_them() {
        let md = "| Model/Benchmark | HumanEval-Decompile | | | ExeBench | | |\n|---|---|---|---|---|---|---|\n\
                  | Optimization Level | O0 | O1 | AVG | O0 | O1 | AVG |\n| Foo-6.7B | 0.68 | 0.39 | 0.45 | 0.22 | 0.16 | 0.17 |\n";
        let t = &tables(md)[0];
        assert_eq!(
            t.header,
            [
                "Optimization Level",
                "HumanEval-Decompile O0",
                "HumanEval-Decompile O1",
                "HumanEval-Decompile",
                "ExeBench O0",
                "ExeBench O1",
                "ExeBench"
            ]
        );
        assert_eq!(t.rows.len(), 1);
        // Metrics under the names (KLUE's `| Metric | F1 | Pearsons' r |`), a size group over model
        // names, or a name spanning nothing: the header stays as it is.
        for unread in [
            md.replace("| O0 | O1 | AVG | O0 |", "| F1 | ACC | AVG | F1 |"),
            md.replace("HumanEval-Decompile | | |", "Similar size | | |"),
            md.replace("| ExeBench | | |", "| ExeBench | Foo | |"),
        ] {
            assert_eq!(tables(&unread)[0].rows.len(), 2, "{unread}");
        }
    }

    #[test]
    fn a_name_listing_its_parts_over_as_many_columns_names_each() {
        let md = "| Model | MT-bench | CFBench(CSR,ISR,PSR) | | |\n|---|---|---|---|---|\n| Foo | 8.1 | 0.83 | 0.52 | 0.64 |\n";
        assert_eq!(tables(md)[0].header, ["Model", "MT-bench", "CFBench CSR", "CFBench ISR", "CFBench PSR"]);
        // Parts and columns that do not pair up: the header stays as it is.
        let two = md.replace("| | |\n|---|---|---|---|---|", "| |\n|---|---|---|---|").replace(" 0.64 |", "");
        assert_eq!(tables(&two)[0].header[2], "CFBench(CSR,ISR,PSR)");
        let setting = "| Model | BBH (3-shot, CoT) |\n|---|---|\n| Foo | 50.1 |\n";
        assert_eq!(tables(setting)[0].header[1], "BBH (3-shot, CoT)", "no empty column after it");
    }

    #[test]
    fn zero_width_spaces_are_no_part_of_a_cell() {
        let t = &tables(
            "| \u{200b} | LogiQA-v2\u{200b} | C3-d\u{200b} |\n|---|---|---|\n| Foo | 32.74\u{200b} | 56.08 |\n",
        )[0];
        assert_eq!(t.header, ["", "LogiQA-v2", "C3-d"]);
        assert_eq!(t.rows[0][1], "32.74");
    }

    #[test]
    fn cells_stacked_with_br_are_rows() {
        let md = "| Topic | Bench | A | Ours |\n|---|---|---|---|\n| **Math** | AIME 2024<br>MATH | 74.3<br>96.4 | 87.3<br/>94.3 |\n\
                  | **Instruction<br>Following** | IF-Eval<br>SysBench | 91.8<br>82.5 | 84.7<br>76.1 |\n| Odd | A<br>B<br>C | 1<br>2 | 3 |\n";
        let t = &tables(md)[0];
        assert_eq!(t.rows[0], ["Math", "AIME 2024", "74.3", "87.3"]);
        assert_eq!(t.rows[1], ["Math", "MATH", "96.4", "94.3"]);
        assert_eq!(t.rows[3], ["Following", "SysBench", "82.5", "76.1"]);
        // Lines that do not line up stay one row, as before.
        assert_eq!(t.rows[4], ["Odd", "A B C", "1 2", "3"]);
        assert_eq!(t.rows.len(), 5);
        // A label naming two settings with a slash, over values written the same way.
        let slashed = "| Benchmark | Old | Ours |\n|---|---|---|\n| Video-MME<sub>wo/w subs</sub> | 63.3/69.0 | **65.1**/**71.6** |\n\
                       | LVBench | | 45.3 |\n| MMLU/CMMLU | 60.1/55.2 | 70.2 |\n";
        let t = &tables(slashed)[0];
        assert_eq!(t.rows[0], ["Video-MME wo subs", "63.3", "65.1"]);
        assert_eq!(t.rows[1], ["Video-MME w subs", "69.0", "71.6"]);
        assert_eq!(t.rows[3], ["MMLU/CMMLU", "60.1/55.2", "70.2"], "a value that is not two numbers");
        assert_eq!(t.rows.len(), 4);
        let t = &tables("| Benchmark | Ours |\n|---|---|\n| OCRBench-V2(en/zh) | 61.5/63.7 |\n")[0];
        assert_eq!((t.rows[0][0].as_str(), t.rows[1][0].as_str()), ("OCRBench-V2(en)", "OCRBench-V2(zh)"));
        // A group name broken over fewer lines than the benchmarks beside it is one name.
        let long = "| Topic | Bench | Ours |\n|---|---|---|\n| **Long<br>Context** | PenguinScrolls<br>longbench-v2<br>FRAMES | 82<br>43<br>78.6 |\n";
        let t = &tables(long)[0];
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[1], ["Long Context", "longbench-v2", "43"]);
        let sub = tables("| Model | MMMU<sub>val</sub> |\n|---|---|\n| Foo | 42.3 |\n");
        assert_eq!(sub[0].header[1], "MMMU val");
        let html = html_table(
            "<table><tr><th>Model</th><th>MMMU<sub>val</sub></th></tr><tr><td>Foo</td><td>1</td></tr></table>",
        );
        assert_eq!(html.unwrap().header[1], "MMMU val", "in HTML cells too");
        let br = html_table(
            "<table><tr><th>Model</th><th>Phi-3-Small<br>7b</th></tr><tr><td>MMLU</td><td>75.7</td></tr></table>",
        );
        assert_eq!(
            br.unwrap().header[1].split_whitespace().collect::<Vec<_>>(),
            ["Phi-3-Small", "7b"],
            "a line break parts words"
        );
        let stacked = html_table(
            "<table><tr><th>Bench</th><th>Foo</th></tr><tr><td>AIME 2024<br>MATH</td><td>87.3<br/>94.3</td></tr></table>",
        );
        assert_eq!(stacked.unwrap().rows, [["AIME 2024", "87.3"], ["MATH", "94.3"]], "stacked rows, as in markdown");
        let sup = tables("| Model | MMLU |\n|---|---|\n| **Baichuan-7B<sup>0</sup>** | 42.3 |\n");
        assert_eq!(sup[0].rows[0], ["Baichuan-7B", "42.3"], "a footnote mark is no part of the name");
    }

    #[test]
    fn a_header_without_the_rowspan_column_is_shifted() {
        let html = "<table><tr><td>Benchmark</td><td>Original</td><td>This model</td></tr>\
                    <tr><td rowspan=\"2\">OpenLLM v1</td><td>MMLU</td><td>79.87</td><td>79.75</td></tr>\
                    <tr><td>ARC</td><td>68.94</td><td>69.20</td></tr></table>";
        let t = html_table(html).unwrap();
        assert_eq!(t.header, ["", "Benchmark", "Original", "This model"]);
        assert_eq!(t.rows[1], ["OpenLLM v1", "ARC", "68.94", "69.20"]);
        // A wider body whose extra leading cells are numbers: no telling which column is which.
        let numbers = "<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>";
        assert!(html_table(numbers).is_none());
        // Trailing empty cells are no extra column.
        let trailing = "<table><tr><td>A</td><td>B</td></tr><tr><td>x</td><td>2</td><td></td></tr></table>";
        assert_eq!(html_table(trailing).unwrap().header, ["A", "B"]);
        // A section title spanning more columns than the table has is no extra column.
        let section = "<table><tr><th></th><th>Foo 33B</th><th>Bar 32B</th></tr>\
                       <tr><td colspan='4'><i>STEM</i></td></tr><tr><td>MMMU</td><td>78.7</td><td>79.0</td></tr></table>";
        let t = html_table(section).unwrap();
        assert_eq!(t.header, ["", "Foo 33B", "Bar 32B"]);
        assert_eq!(t.rows[1], ["MMMU", "78.7", "79.0"]);
    }

    #[test]
    fn a_repeated_group_name_over_a_row_of_sub_names() {
        let md = "| **Model** | **AlpacaEval (winrate %)** | **AlpacaEval (winrate %)** |\n|---|---|---|\n\
                  | | **v.s. Text-Davinci-003** | **v.s. GPT4** |\n| **Xwin-LM-7B-V0.2** | 89.31 | 59.83 |\n";
        let t = &tables(md)[0];
        assert_eq!(t.header[1], "AlpacaEval (winrate %) v.s. Text-Davinci-003");
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0][2], "59.83");
        let md = "| <sup>Model</sup> | <sup>MT-Bench</sup> |\n|---|---|\n| <sup>WizardLM-13B-V1.1</sup> | <sup>6.76</sup> |\n| Baichuan-7B<sup>0</sup> | 6.1 |\n";
        let t = &tables(md)[0];
        assert_eq!(
            (t.header[0].as_str(), t.rows[0][1].as_str(), t.rows[1][0].as_str()),
            ("Model", "6.76", "Baichuan-7B")
        );
        // An empty header wider than the real one under it (meditron's cards).
        let md =
            "|  |  |  |  |\n|---|---|---|---|\n|Dataset | meditron-70b | llama-2-70b |\n|PubMedQA | 81.6 | 80.0 |\n";
        let t = &tables(md)[0];
        assert_eq!(t.header[..3], ["Dataset", "meditron-70b", "llama-2-70b"]);
        assert_eq!(t.rows.len(), 1);
        // Task groups over the datasets, the label column named on both rows (GPT-1's card).
        let md = "| Task | TE | TE | SS | SS | RC |\n|---|---|---|---|---|---|\n\
                  | Dataset | SNLI | MNLI Matched | STS-B | QQP | RACE |\n| | 89.9 | 82.1 | 82.0 | 70.3 | 59.0 |\n";
        let t = &tables(md)[0];
        assert_eq!(t.header, ["Dataset", "SNLI", "MNLI Matched", "STS-B", "QQP", "RACE"]);
        assert_eq!(t.rows, [["", "89.9", "82.1", "82.0", "70.3", "59.0"]]);
        let few = md.replace("| SS | SS | RC |", "| SS | RC | CR |");
        assert_eq!(tables(&few)[0].rows.len(), 2, "one group repeated: the row may be data");
        // The same table in HTML, each row a `<tr>`.
        let html = "<table><tr><th>Task</th><th>TE</th><th>TE</th><th>SS</th><th>SS</th><th>RC</th></tr>\
                    <tr><td>Dataset</td><td>SNLI</td><td>MNLI Matched</td><td>STS-B</td><td>QQP</td><td>RACE</td></tr>\
                    <tr><td></td><td>89.9</td><td>82.1</td><td>82.0</td><td>70.3</td><td>59.0</td></tr></table>\n";
        let t = &tables(html)[0];
        assert_eq!(t.header, ["Dataset", "SNLI", "MNLI Matched", "STS-B", "QQP", "RACE"]);
        assert_eq!(t.rows.len(), 1);
    }

    #[test]
    fn benchmarks_under_repeated_categories_of_an_html_header() {
        // The corner cell spans both header rows; categories repeat over their benchmarks.
        let html = "<table><tr><th rowspan=\"2\">Model</th><th colspan=\"3\">Reasoning</th>\
                    <th colspan=\"2\">Knowledge</th></tr><tr><th>BBH</th><th>Ko-Best</th><th>Avg.</th>\
                    <th>Ko-Best</th><th>MMLU</th></tr><tr><td>X-7B</td><td>77.7</td><td>73.0</td>\
                    <td>75.4</td><td>95.2</td><td>73.7</td></tr></table>";
        let t = &tables(html)[0];
        assert_eq!(t.header, ["Model", "BBH", "Ko-Best Reasoning", "Avg. (Reasoning)", "Ko-Best Knowledge", "MMLU"]);
        assert_eq!(t.rows, [["X-7B", "77.7", "73.0", "75.4", "95.2", "73.7"]]);
        assert_eq!(super::super::benchmarks::resolve(&t.header[3]).canonical, "card_average");
        // An empty corner over the row that names the label column (YAYI 2's card): the lower row
        // names the columns, a category spanning one column ("Logic reasoning" over BBH) too.
        let html = "<table><tr><th></th><th colspan=\"2\">Knowledge</th><th colspan=\"1\">Logic reasoning</th>\
                    <th colspan=\"2\">Math</th></tr><tr><th>Model</th><th>C-Eval</th><th>MMLU</th><th>BBH</th>\
                    <th>GSM8K</th><th>MATH</th></tr><tr><td>YAYI2-30B</td><td>80.9</td><td>80.5</td><td>54.5</td>\
                    <td>71.2</td><td>14.8</td></tr></table>";
        let t = &tables(html)[0];
        // ("Math" names a benchmark too, but over known benchmarks it is their category.)
        assert_eq!(t.header, ["Model", "C-Eval", "MMLU", "BBH", "GSM8K", "MATH"]);
        assert_eq!(t.rows, [["YAYI2-30B", "80.9", "80.5", "54.5", "71.2", "14.8"]]);
    }

    #[test]
    fn one_title_spanning_an_html_table_names_a_measure_of_every_column() {
        let html = "<table><tr><th colspan=\"3\">Accuracy of Code Execution Results (%)</th></tr>\
                    <tr><th>Model</th><th>Math↑</th><th>General↑</th></tr>\
                    <tr><td>X-7B</td><td>41.9</td><td>54.4</td></tr></table>";
        let t = &tables(html)[0];
        let title = "Accuracy of Code Execution Results (%)";
        assert_eq!(t.header, ["Model".to_owned(), format!("{title} Math"), format!("{title} General")]);
        assert_eq!(t.rows, [["X-7B", "41.9", "54.4"]]);
        assert!(!super::super::benchmarks::resolve(&t.header[1]).is_known, "no MATH");
        // A title over a row of values is no header over names: the table is left as it was.
        let values =
            html.replace("<th>Model</th><th>Math↑</th><th>General↑</th>", "<td>Y</td><td>1.0</td><td>2.0</td>");
        assert_eq!(tables(&values)[0].header, [title; 3]);
    }

    #[test]
    fn a_superscript_word_is_a_word_and_a_superscript_digit_is_not() {
        let html = "<table><tr><th>Model</th><th>VQAv2<sup>dev</sup></th><th>τ<sup>2</sup>-Bench</th></tr>\
                    <tr><td>X-7B</td><td>78.2</td><td>40.1</td></tr></table>";
        assert_eq!(tables(html)[0].header, ["Model", "VQAv2 dev", "τ2-Bench"]);
        // A mark that ends a name is a footnote's, as in a markdown cell.
        let noted = html.replace("VQAv2<sup>dev</sup>", "AGIEval<sup>1</sup>");
        assert_eq!(tables(&noted)[0].header, ["Model", "AGIEval", "τ2-Bench"]);
        let said = html.replace("VQAv2<sup>dev</sup>", "Kimi K2.5<br><sup>(Thinking)</sup>");
        assert_eq!(tables(&said)[0].header[1], "Kimi K2.5 (Thinking)", "a note, not a mark");
        assert_eq!(
            tables("| Model | AGIEval<sup>1</sup> | τ<sup>2</sup>-Bench |\n|---|---|---|\n| X-7B | 50.1 | 40.1 |\n")[0]
                .header,
            ["Model", "AGIEval", "τ2-Bench"],
            "in a markdown cell as well"
        );
    }

    #[test]
    fn splits_under_a_data_set_are_its_sets() {
        // Qwen-VL's table: "val" recurs under RefCOCO and RefCOCO+, "val-u" is under RefCOCOg alone;
        // each is a set of the group above, not a benchmark of its own. A "Model type" column
        // groups the rows.
        let html = "<table><tr><th rowspan=\"2\">Model type</th><th rowspan=\"2\">Model</th>\
                    <th colspan=\"2\">RefCOCO</th><th colspan=\"1\">RefCOCO+</th><th colspan=\"1\">RefCOCOg</th></tr>\
                    <tr><th>val</th><th>test-A</th><th>val</th><th>val-u</th></tr>\
                    <tr><td rowspan=\"2\">Generalist<br>Models</td><td>GPV-2</td><td>-</td><td>-</td><td>-</td><td>-</td></tr>\
                    <tr><td>Qwen-VL-Chat</td><td>88.55</td><td>92.27</td><td>82.82</td><td>85.96</td></tr></table>";
        let t = &tables(html)[0];
        assert_eq!(
            t.header,
            ["Model type", "Model", "RefCOCO val", "RefCOCO test-A", "RefCOCO+ val", "RefCOCOg val-u"]
        );
        let got = crate::parse::card_scores::table_scores(t, "Qwen/Qwen-VL-Chat", true, "");
        let got: Vec<(&str, f64)> = got.scores.iter().map(|s| (s.benchmark_raw.as_str(), s.value)).collect();
        assert_eq!(got[0], ("RefCOCO val", 88.55), "the row is named by its Model column alone");
        assert_eq!(got.len(), 4);
        // Llama Guard's: metrics recur under each test set, each the set's metric.
        let metrics =
            "<table><tr><th></th><th colspan=\"2\">Search tool calls</th><th colspan=\"2\">Code abuse</th></tr>\
                       <tr><td></td><td>F1 ↑</td><td>AUPRC ↑</td><td>F1 ↑</td><td>AUPRC ↑</td></tr>\
                       <tr><td>Foo</td><td>0.856</td><td>0.938</td><td>0.885</td><td>0.967</td></tr></table>";
        assert_eq!(tables(metrics)[0].header[1..3], ["Search tool calls F1", "Search tool calls AUPRC"]);
    }

    #[test]
    fn a_number_with_a_best_mark_is_a_number_and_a_pair_is_not() {
        assert_eq!(pure_number("83.5 ✅"), Some(83.5));
        assert_eq!(pure_number("**44.3** 👑"), Some(44.3));
        assert_eq!(pure_number("87.0% 🏆"), Some(87.0), "a mark after the percent sign");
        assert_eq!(pure_number("72.1% → 75%"), None);
        assert_eq!(pure_number("25.09 (bad score. no clue why)"), None, "the card doubts it");
        assert_eq!(pure_number("42.1 (?)"), None);
        assert_eq!(pure_number("42.1 (+2.3)"), Some(42.1), "a gain over a baseline is no doubt");
        assert_eq!(pure_number("71.2†"), Some(71.2));
        assert_eq!(pure_number("72.1 / 90.0"), None);
        assert_eq!(pure_number("0,52"), Some(0.52), "a decimal comma after a leading zero");
        assert_eq!(pure_number("1,234"), None, "a thousands separator or a decimal comma: not told");
        assert_eq!(pure_number("72.1 → 75"), None);
        assert_eq!(pure_number("7B"), None);
        assert_eq!(pure_number("<sup> 24.0 pass@1 </sup>"), Some(24.0));
        assert_eq!(pure_number("31.2 pass@10"), None, "another metric than the column's");
        assert_eq!(pure_number("2\u{fe0f}\u{20e3}"), None, "a keycap rank");
        assert_eq!(pure_number("8-40"), None, "a range");
        assert_eq!(pure_number("-3.5"), Some(-3.5));
    }

    #[test]
    fn a_rowspan_ends_with_its_row_group_and_a_column_spanned_throughout_is_one() {
        // Intern-S1's README: a header cell with rowspan 2 in a one-row <thead>, and the model's
        // header and cells all spanning two columns.
        let html = "<table><thead><tr><th rowspan=\"2\">Benchmarks</th><th colspan=\"2\">Intern-S1</th><th>Other-78B</th></tr></thead>\
                    <tbody><tr><td>MMLU-Pro</td><td colspan=\"2\">83.5</td><td>73.0</td></tr>\
                    <tr><td>GPQA</td><td colspan=\"2\">77.3</td><td>49.9</td></tr></tbody></table>";
        let t = html_table(html).unwrap();
        assert_eq!(t.header, ["Benchmarks", "Intern-S1", "Other-78B"]);
        assert_eq!(t.rows[1], ["GPQA", "77.3", "49.9"]);
        // Body rows of two widths (a rowspan pushing one row only): no telling which column is which.
        let uneven = "<table><tr><td>Benchmarks</td><td>A</td><td>B</td></tr>\
                      <tr><td rowspan=\"1\">x</td><td>MMLU</td><td>1</td><td>2</td></tr><tr><td>GPQA</td><td>3</td><td>4</td></tr></table>";
        assert!(html_table(uneven).is_none());
    }

    #[test]
    fn html_rowspan_and_colspan() {
        let t = html_table("<table><tr><td>Cat</td><td>Bench</td><td>M</td></tr><tr><td rowspan=\"2\">General</td><td>MMLU</td><td>66.6</td></tr><tr><td>ARC</td><td>78.6</td></tr><tr><td colspan=2>Avg</td><td>1</td></tr></table>").unwrap();
        assert_eq!(t.rows[1], vec!["General", "ARC", "78.6"]);
        assert_eq!(t.rows[2], vec!["Avg", "Avg", "1"]);
    }

    #[test]
    fn a_wide_sparse_readme_leaderboard() {
        // LudwigStumpp/llm-leaderboard's README: 17 columns, score cells as links to their sources.
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real/leaderboards/llm-leaderboard_README.md");
        let t = tables(&std::fs::read_to_string(path).unwrap());
        let heads: Vec<(&str, usize)> = t.iter().map(|t| (t.heading.as_str(), t.rows.len())).collect();
        assert_eq!(heads, [("🏆 LLM-Leaderboard > Leaderboard", 52), ("🏆 LLM-Leaderboard > Benchmarks", 7)]);
        let board = &t[0];
        assert_eq!(board.kind, TableKind::Markdown);
        assert_eq!(board.header.len(), 17);
        assert_eq!(
            board.header[..5],
            ["Model Name", "Publisher", "Open?", "Chatbot Arena Elo", "HellaSwag (few-shot)"]
        );
        assert_eq!(board.header[16], "WinoGrande (few-shot)");
        // A link cell keeps its text; empty cells stay empty, so columns do not shift.
        assert_eq!(
            board.rows[0],
            ["alpaca-7b", "Stanford", "no", "", "", "0.739", "", "", "", "", "", "", "", "", "0.661", "", ""]
        );
        let vicuna = board.rows.last().unwrap();
        assert_eq!((vicuna[0].as_str(), vicuna[3].as_str()), ("vicuna-13b", "1169"));
        assert!(board.rows.iter().all(|r| r.len() == 17));
        assert_eq!(t[1].header, ["Benchmark Name", "Author", "Link", "Description"]);
        assert_eq!(t[1].rows[0][..3], ["Chatbot Arena Elo", "LMSYS", "https://lmsys.org/blog/2023-05-03-arena/"]);
    }

    #[test]
    fn lm_eval_output_with_a_blank_line_after_every_row_is_one_table() {
        let md = "```\n\n|Task|Version|Metric|Value| |Stderr|\n\n|---|---:|---|---:|---|---:|\n\n|arc_easy|0|acc|0.8371|±|0.0076|\n\n| | |acc_norm|0.8144|±|0.0080|\n\n|boolq|1|acc|0.8599|±|0.0061|\n\n```\n\nAverage: 72.59\n";
        let found = tables(md);
        assert_eq!(found.len(), 1);
        let rows: Vec<&str> = found[0].rows.iter().map(|r| r[3].as_str()).collect();
        assert_eq!(rows, ["0.8371", "0.8144", "0.8599"]);
    }

    #[test]
    fn a_rows_wholly_bold_name_is_marked() {
        let md = "| Model | MMLU |\n|---|---|\n| GPT-4 | **86.4** |\n| **Starling-7B** | 63.9 |\n| **Foo** bar | 1 |\n";
        assert_eq!(tables(md)[0].row_bold, [false, true, false]);
        // The same table in HTML, and its caption: the line right above it.
        let html = "(Zero-shot CMMLU)\n\n<table><tr><th>Model</th><th>MMLU</th></tr><tr><td>GPT-4</td><td><b>86.4</b></td></tr>\
                    <tr><td><strong>Starling-7B</strong></td><td>63.9</td></tr><tr><td><b>Foo</b> bar</td><td>1</td></tr></table>\n";
        let t = &tables(html)[0];
        assert_eq!((t.row_bold.as_slice(), t.caption.as_str()), ([false, true, false].as_slice(), "(Zero-shot CMMLU)"));
    }

    #[test]
    fn a_table_the_other_way_round() {
        let t =
            &tables("## Results\n\n| | MMLU | BBH |\n|---|---|---|\n| STEM | 51.2 | 49.5 |\n| Hard | 39.4 | - |\n")[0];
        let other = t.transposed();
        assert_eq!(other.header, ["", "STEM", "Hard"]);
        assert_eq!(other.rows, [["MMLU", "51.2", "39.4"], ["BBH", "49.5", "-"]]);
        assert_eq!((other.heading.as_str(), other.row_offsets.as_slice()), (t.heading.as_str(), &[t.offset; 2][..]));
    }

    #[test]
    fn a_header_cells_wholly_bold_name_is_marked() {
        let md = "| | GPT-4 | **Starling-7B** | **Foo** bar |\n|---|---|---|---|\n| MMLU | 86.4 | 63.9 | 1 |\n";
        assert_eq!(tables(md)[0].header_bold, [false, false, true, false]);
        let html = "<table><tr><th></th><th>GPT-4</th><th><b>Starling-7B</b></th><th><b>Foo</b> bar</th></tr>\
                    <tr><td>MMLU</td><td>86.4</td><td>63.9</td><td>1</td></tr></table>\n";
        assert_eq!(tables(html)[0].header_bold, [false, false, true, false]);
        // A header spanning columns shifts the rest: not known.
        let spanned = html
            .replace("<th>GPT-4</th>", "<th colspan=\"2\">GPT-4</th>")
            .replace("<td>86.4</td>", "<td>86.4</td><td>1</td>");
        assert!(tables(&spanned)[0].header_bold.is_empty());
    }
}
