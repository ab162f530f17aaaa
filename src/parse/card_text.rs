//! A card's text as its readers take it, the same however its file spells what a reader sees:
//! every line end LF, no line for a `<details>` or `<div>` wrapper, a reference link's target where
//! the link is ([`super::unseen_markup`]), a setext heading as its `#` heading, each table row
//! between outer pipes, a bold cell in stars. Line numbers stay the archived body's (they are
//! evidence).
//!
//! GFM lets a table row leave out its outer pipes (`Model | MMLU` over `---|---`); a reader sees
//! the same table either way. Many of the card's readers look at a row's line ("starts with a
//! pipe": a table row, not prose; the row of a link), so a card written without them lost tables
//! the same card with them gives. [`with_outer_pipes`] writes the pipes in, on table rows only.

use std::borrow::Cow;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// A card's text as read, where that is not the text as written.
pub struct AsRead {
    /// The text.
    pub text: String,
    /// Pipes or stars were written into lines (not only line ends changed): evidence quoting a
    /// line is put back as written (`as_written`).
    pub lines_rewritten: bool,
}

/// `text` as read (see the module docs); `None` when that is `text` itself.
pub fn as_read(text: &str) -> Option<AsRead> {
    // "\r\r\n" (a CRLF file stored again with CRLF) is one line end, not two: Markdown reads a
    // lone CR as a line end, so every table row would stand alone.
    let lf = text.contains('\r').then(|| text.replace("\r\r\n", "\n").replace("\r\n", "\n"));
    let text_lf = lf.as_deref().unwrap_or(text);
    // Each step writes the text as the one before left it; `None` from a step changes nothing.
    // (No step touches the front matter: its length, looked for once, holds for every step.)
    let front = text_lf.len() - super::front_matter::split(text_lf).1.len();
    let steps: [fn(&str, &str) -> Option<String>; 10] = [
        super::unseen_markup::plain_spaces,
        super::unseen_markup::blank_wrappers,
        super::unseen_markup::quoted_tables,
        super::unseen_markup::html_heading_lines,
        super::unseen_markup::inline_links,
        atx_headings,
        super::unseen_markup::heading_emoji,
        table_tabs,
        with_outer_pipes,
        |t, _| cells_as_read(t),
    ];
    let mut read: Option<String> = None;
    for step in steps {
        let t = read.as_deref().unwrap_or(text_lf);
        if let Some(next) = step(t, &t[front..]) {
            read = Some(next);
        }
    }
    match read {
        Some(text) => Some(AsRead { text, lines_rewritten: true }),
        None => lf.map(|text| AsRead { text, lines_rewritten: false }),
    }
}

/// `text` with each setext heading of `markdown` (a part of `text`: `Title` over `===` or `---`)
/// written as the ATX heading it is (`# Title`, then a blank line where the underline was, so no
/// line moves): the card's readers know a heading by its `#`s. `None` when there is none.
fn atx_headings(text: &str, markdown: &str) -> Option<String> {
    // Most cards have no underline below a text line: the parse below is skipped.
    let underline = |l: &str| {
        let t = l.trim();
        !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
    };
    let mut lines = markdown.lines();
    let mut above_blank = true;
    let any = lines.any(|l| {
        let found = underline(l) && !above_blank;
        above_blank = l.trim().is_empty();
        found
    });
    if !any {
        return None;
    }
    let body_start = markdown.as_ptr() as usize - text.as_ptr() as usize;
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        let Event::Start(Tag::Heading { level, .. }) = event else { continue };
        let source = markdown[range.clone()].trim_end_matches(['\n', '\r']);
        // (Only a one-line title: a title over several lines is left as it is.)
        let Some((title, under)) = source.split_once('\n') else { continue };
        if source.trim_start().starts_with('#') || under.contains('\n') || !underline(under) {
            continue;
        }
        let at = body_start + range.start;
        edits.push((at..at + title.len(), format!("{} {}", "#".repeat(level as usize), title.trim())));
        let under_at = at + title.len() + 1;
        edits.push((under_at..under_at + under.len(), String::new()));
    }
    if edits.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + edits.len() * 2);
    let mut from = 0;
    for (range, new) in edits {
        out.push_str(&text[from..range.start]);
        out.push_str(&new);
        from = range.end;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// `text` with each table cell as its readers know it: a cell written wholly in GFM's other bold
/// (`__Foo-7B__`) or in HTML's (`<b>Foo-7B</b>`, `<strong>…</strong>`) written `**Foo-7B**` (the
/// readers of a row's line know bold by its stars), and backslash escapes shown as the character
/// they show (`gpt\_3.5` is `gpt_3.5`; not `\|`, a pipe inside a cell). Rows in code blocks stay.
fn cells_as_read(text: &str) -> Option<String> {
    if !text.contains("__") && !text.contains("<b>") && !text.contains("<strong>") && !text.contains('\\') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut changed, mut fenced) = (false, false);
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        fenced ^= is_fence(t);
        if fenced || !t.starts_with('|') || !(line.contains("__") || line.contains('<') || line.contains('\\')) {
            out.push_str(line);
            continue;
        }
        for (i, cell) in line.split('|').enumerate() {
            if i > 0 {
                out.push('|');
            }
            let read = cell_as_read(cell);
            changed |= read != cell;
            out.push_str(&read);
        }
    }
    changed.then_some(out)
}

/// One cell (between pipes, its spaces kept) as [`cells_as_read`] reads it.
fn cell_as_read(cell: &str) -> String {
    let inner = cell.trim();
    let word_edges = |x: &str| x.starts_with(char::is_alphanumeric) && x.ends_with(char::is_alphanumeric);
    // (`__` inside a word is no bold: "x__y__" stays.)
    let bold = [("__", "__"), ("<b>", "</b>"), ("<strong>", "</strong>")]
        .iter()
        .find_map(|(open, close)| Some((*open, inner.strip_prefix(open)?.strip_suffix(close)?)))
        .filter(|(open, x)| (*open != "__" || word_edges(x)) && !x.trim().is_empty() && !x.contains(['<', '*', '\\']))
        .map(|(_, x)| x.trim());
    let starred = match bold {
        Some(x) => {
            let at = cell.find(inner).unwrap_or(0);
            format!("{}**{x}**{}", &cell[..at], &cell[at + inner.len()..])
        }
        None => cell.to_owned(),
    };
    // (Not `\*`: a star shown as a star is no bold. A backslash at the cell's end escapes the pipe
    // after it: it stays.)
    let mut out = String::with_capacity(starred.len());
    let mut chars = starred.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() && !matches!(next, '\\' | '*') => {}
            _ => out.push(c),
        }
    }
    out
}

/// `text` with each row of each pipe table of `markdown` (a part of `text`) starting and ending
/// with a pipe; `None` when every row already does.
pub fn with_outer_pipes(text: &str, markdown: &str) -> Option<String> {
    // Most cards write both pipes on every row: their delimiter row says so, and the parse
    // below is skipped.
    if !markdown.lines().any(|l| is_delimiter_row(l) && !has_outer_pipes(l)) {
        return None;
    }
    let body_start = markdown.as_ptr() as usize - text.as_ptr() as usize;
    let mut inserts: Vec<(usize, &str)> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        let Event::Start(Tag::Table(_)) = event else { continue };
        let rows = &markdown[range.clone()];
        // Only a table written without them: a table written with them keeps a line under it
        // that GFM reads as one more row ("Accuracy-norm score*") as the plain line its writer
        // meant. (A table in a quote writes "> " before each row: left as it is.)
        let written_without = rows.lines().nth(1).is_some_and(|l| is_delimiter_row(l) && !has_outer_pipes(l));
        if !written_without || rows.lines().any(|l| l.trim_start().starts_with('>')) {
            continue;
        }
        let mut at = range.start;
        for line in rows.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let start = content.len() - content.trim_start().len();
            let end = content.trim_end().len();
            if end > start {
                if !content[start..].starts_with('|') {
                    inserts.push((body_start + at + start, "|"));
                }
                if !content[..end].ends_with('|') || content[..end].ends_with("\\|") {
                    // (After a backslash a pipe would be escaped, so a space goes first.)
                    let pipe = if content[..end].ends_with('\\') { " |" } else { "|" };
                    inserts.push((body_start + at + end, pipe));
                }
            }
            at += line.len();
        }
    }
    if inserts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + inserts.len());
    let mut from = 0;
    for (at, pipe) in inserts {
        out.push_str(&text[from..at]);
        out.push_str(pipe);
        from = at;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// `text` with the tabs of each table row of `markdown` (a part of `text`: its delimiter rows,
/// and rows opening with a pipe) as spaces, so no offset moves. Over `|:---:|:---:\t|`, or under
/// a header whose first cell is a tab, pulldown-cmark reads no table where a reader sees one (a
/// ScandEval table aligned with tabs lost every row; Llama 3.2's model table became prose). In a
/// cell a tab is white space as a space is. `None` when no such row holds a tab.
fn table_tabs(text: &str, markdown: &str) -> Option<String> {
    if !markdown.contains('\t') {
        return None;
    }
    let mut out: Option<String> = None;
    let mut at = text.len() - markdown.len();
    for line in markdown.split_inclusive('\n') {
        // (A tab before the row is its indent: a code block's, left as written.)
        let row = line.trim_start();
        let indent = &line[..line.len() - row.len()];
        let table_row = row.starts_with('|') && !indent.contains('\t') && indent.len() < 4;
        if row.contains('\t') && (table_row || is_delimiter_row(row)) {
            let start = at + line.len() - row.len();
            out.get_or_insert_with(|| text.to_owned()).replace_range(start..at + line.len(), &row.replace('\t', " "));
        }
        at += line.len();
    }
    out
}

/// `---|:---:` or `| --- | --- |`: only dashes, colons, pipes and spaces, with a dash and a pipe.
pub(super) fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.contains('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Whether a line opens or closes a fenced code block: GFM's backticks or its tildes.
pub(crate) fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// Where the first code fence of `text` starts, backticks or tildes (a block opened with one is
/// closed by the same).
pub(crate) fn first_fence(text: &str) -> Option<usize> {
    ["```", "~~~"].iter().filter_map(|f| text.find(f)).min()
}

/// The text after the last code fence of `text` (all of it, without one).
pub(crate) fn after_last_fence(text: &str) -> &str {
    let end = ["```", "~~~"].iter().filter_map(|f| text.rfind(f).map(|i| i + 3)).max();
    &text[end.unwrap_or(0)..]
}

/// A list item's text after its marker: GFM's bullets (`- `, `* `, `+ `) and ordered items
/// (`1. `, `2) `) alike. None for any other line.
pub(crate) fn list_item_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = match digits {
        0 => t.strip_prefix(['-', '*', '+'])?,
        1..=9 => t[digits..].strip_prefix(['.', ')'])?,
        _ => return None,
    };
    rest.strip_prefix([' ', '\t'])
}

/// Which lines continue a paragraph of plain text begun on a line above (GFM joins them with a
/// space): not front matter, code, a table, heading, list item, quote or HTML. `whole_card`: the
/// lines start at the card's first (where `---` opens front matter).
pub(crate) fn paragraph_continuations(lines: &[&str], whole_card: bool) -> Vec<bool> {
    let (mut code, mut front) = (false, whole_card && lines.first().is_some_and(|l| l.trim() == "---"));
    let mut out = vec![false; lines.len()];
    let mut in_paragraph = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let fence = is_fence(t);
        code ^= fence;
        if front || code || fence {
            front &= i == 0 || t != "---";
            in_paragraph = false;
            continue;
        }
        let bullet = t.starts_with(['-', '*', '+']) && t[1..].starts_with(' ');
        let numbered =
            t.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(". ") && t.starts_with(char::is_numeric);
        let text = !t.is_empty()
            && !line.starts_with([' ', '\t'])
            && !t.starts_with(['#', '|', '>', '<', '`', '~', '='])
            && !t.contains('|')
            && !bullet
            && !numbered
            && !t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '));
        // ("[1]: https://…" defines a link: no paragraph.)
        let link_definition = t.starts_with('[') && t.split_once("]:").is_some_and(|(l, _)| !l.contains(']'));
        out[i] = in_paragraph && text;
        // (A hard break, two spaces or `<br>` at the end, shows the next line as a line of its own:
        // "**Version:** 1.5b  " over "**Parameter Count:** 1.5 billion  ".)
        let hard_break = line.ends_with("  ") || t.ends_with('\\') || t.ends_with("<br>") || t.ends_with("<br/>");
        in_paragraph = text && !link_definition && !hard_break;
    }
    out
}

/// `text`'s lines as a reader sees them: each paragraph's lines joined with a space on its first
/// line, its other lines left empty (so every line keeps its number).
pub(crate) fn paragraph_lines(text: &str) -> Vec<Cow<'_, str>> {
    let lines: Vec<&str> = text.lines().collect();
    joined_lines(&lines, &paragraph_continuations(&lines, false))
}

/// [`paragraph_lines`] of `lines`, where `continues` says which lines continue a paragraph: the
/// first line as written, each next one trimmed, a space between.
pub(crate) fn joined_lines<'a>(lines: &[&'a str], continues: &[bool]) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<str>> = Vec::with_capacity(lines.len());
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if !continues[i] {
            start = i;
            out.push((*line).into());
            continue;
        }
        let joined = out[start].to_mut();
        joined.push(' ');
        joined.push_str(line.trim());
        out.push("".into());
    }
    out
}

/// A paragraph's lines joined as a reader reads them, to find which line holds a value
/// ([`Self::line_holding`]); joined once however many values the paragraph gives.
pub(crate) struct JoinedParagraph {
    joined: String,
    starts: Vec<usize>,
}

/// Without the emphasis and math marks a reader removed: "It has **15.58** million" is read "It has
/// 15.58 million".
fn unmarked(s: &str) -> String {
    s.replace(['*', '`', '$'], "")
}

impl JoinedParagraph {
    pub(crate) fn new(paragraph: &[&str]) -> Self {
        let (mut joined, mut starts) = (String::new(), Vec::with_capacity(paragraph.len()));
        for line in paragraph {
            starts.push(joined.len());
            joined.push_str(&unmarked(line).split_whitespace().collect::<Vec<_>>().join(" "));
            joined.push(' ');
        }
        JoinedParagraph { joined, starts }
    }

    /// The line (from 0) that holds `needle` (a value as written), first after where `evidence` (a
    /// quote of the joined text, its spaces collapsed) begins, if it is found.
    pub(crate) fn line_holding(&self, evidence: &str, needle: &str) -> usize {
        let head: String = unmarked(evidence).chars().take(40).collect();
        let from = self.joined.find(&head).unwrap_or(0);
        let at = self.joined[from..].find(&unmarked(needle)).map_or(from, |k| from + k);
        self.starts.iter().rposition(|s| *s <= at).unwrap_or(0)
    }
}

/// A list item's text without its marker ("* Alpaca Eval", "- MMLU", "2. HellaSwag"), `None` for a
/// line that is no list item ("**MMLU**" is bold, not an item).
pub(crate) fn without_list_marker(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let bullet = ["* ", "- ", "+ "].iter().find_map(|m| t.strip_prefix(m));
    let numbered = || {
        t.split_once(['.', ')']).filter(|(n, rest)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
        })
    };
    bullet.or_else(|| numbered().map(|(_, rest)| rest)).map(str::trim_start)
}

/// The paragraph whose last line is the last line of `before` with text, its lines joined with a
/// space as a reader sees them (the line alone where it is no paragraph's).
pub(crate) fn last_paragraph_line(before: &str) -> String {
    // (From the end: a table's caption is looked for once a table.)
    let mut block: Vec<&str> =
        before.lines().rev().skip_while(|l| l.trim().is_empty()).take_while(|l| !l.trim().is_empty()).collect();
    block.reverse();
    let continues = paragraph_continuations(&block, false);
    let start = continues.iter().rposition(|c| !c).unwrap_or(0);
    block.get(start..).unwrap_or_default().iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

fn has_outer_pipes(line: &str) -> bool {
    let t = line.trim();
    t.len() > 1 && t.starts_with('|') && t.ends_with('|')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piped(text: &str) -> Option<String> {
        with_outer_pipes(text, text)
    }

    #[test]
    fn a_delimiter_row_aligned_with_tabs_still_rules_a_table() {
        let card = "Intro.\n\n| model\t | MMLU\t |\n|:---:|:---:\t|\n| Mine\t | 50.1\t |\n";
        let read = as_read(card).unwrap().text;
        assert_eq!(read.len(), card.len());
        let tables = crate::parse::tables::tables(&read);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].rows, [["Mine", "50.1"]]);
        // An indented line keeps its indent (a code block's).
        assert_eq!(table_tabs("\t|---|---|\n", "\t|---|---|\n"), None);
        // A row aligned with tabs is a row as well: Llama 3.2's knowledge cutoff is no release date.
        let llama = "| \t| Training Data\t| Params\t| Context Length\t| Token count\t| Knowledge cutoff\t|\n\
                     | :----\t| :----\t| :----\t| :----\t| :----\t| :----\t|\n\
                     | Llama 3.2 (text only) \t| A new mix of publicly available online data.\t| 1B (1.23B)\t| 128k\t\
                     | Up to 9T tokens\t| December 2023\t|\n";
        let read = as_read(llama).unwrap().text;
        assert!(!read.contains('\t'));
        assert_eq!(crate::parse::dates::card_release(&read, "meta-llama/Llama-3.2-1B"), None);
    }

    #[test]
    fn rows_without_outer_pipes_get_them_and_keep_their_lines() {
        let card = "# Results\n\nModel | MMLU | GSM8K\n---|:---:|---\nQwen2-7B | 70.3 | 79.9\n\nAfter.\n";
        let out = piped(card).unwrap();
        assert_eq!(out, "# Results\n\n|Model | MMLU | GSM8K|\n|---|:---:|---|\n|Qwen2-7B | 70.3 | 79.9|\n\nAfter.\n");
        assert_eq!(out.lines().count(), card.lines().count());
    }

    #[test]
    fn a_row_with_one_outer_pipe_gets_the_other_and_crlf_stays_at_the_end() {
        let card = "| Model | MMLU\r\n|---|---\r\n| Mine | 50.1 |\r\n";
        assert_eq!(piped(card).unwrap(), "| Model | MMLU|\r\n|---|---|\r\n| Mine | 50.1 |\r\n");
    }

    #[test]
    fn cards_whose_rows_have_both_pipes_are_left_alone() {
        assert_eq!(piped("| Model | MMLU |\n|---|---|\n| Mine | 50.1 |\n"), None);
        assert_eq!(piped("No table here | just a pipe\n--- | not a delimiter row\n"), None);
    }

    #[test]
    fn the_cells_stay_the_same() {
        // A trailing pipe is the outer one: "a | b |" has two cells, as "|a | b |" has.
        let card = "Model | MMLU |\n--- | --- |\nMine | 50.1 |\n";
        let out = piped(card).unwrap();
        let cells =
            |t: &str| crate::parse::tables::tables(t).into_iter().map(|t| (t.header, t.rows)).collect::<Vec<_>>();
        assert_eq!(cells(&out), cells(card));
        assert_eq!(cells(card)[0].0, ["Model", "MMLU"]);
    }

    #[test]
    fn a_table_written_with_pipes_is_left_as_it_is_beside_one_without() {
        let card = "| A | B |\n|---|---|\n| 1 | 2 |\nfootnote*\n\nC | D\n---|---\n3 | 4\n";
        assert_eq!(piped(card).unwrap(), "| A | B |\n|---|---|\n| 1 | 2 |\nfootnote*\n\n|C | D|\n|---|---|\n|3 | 4|\n");
    }

    #[test]
    fn tables_in_code_blocks_and_quotes_are_not_touched() {
        assert_eq!(piped("```\nModel | MMLU\n---|---\nMine | 50.1\n```\n"), None);
        assert_eq!(piped("> Model | MMLU\n> ---|---\n> Mine | 50.1\n"), None);
    }

    #[test]
    fn a_card_is_read_with_lf_line_ends_and_piped_rows_on_its_own_lines() {
        let crlf = "# Foo\r\n\r\r\nModel | MMLU\r\n---|---\r\nFoo | 50.1\r\n";
        assert_eq!(as_read(crlf).unwrap().text, "# Foo\n\n|Model | MMLU|\n|---|---|\n|Foo | 50.1|\n");
        assert!(as_read("# Foo\n\n| Model | MMLU |\n|---|---|\n").is_none(), "nothing to change");
        let lf_only = as_read("# Foo\r\n\r\n| Model | MMLU |\r\n|---|---|\r\n").unwrap();
        assert_eq!((lf_only.text.as_str(), lf_only.lines_rewritten), ("# Foo\n\n| Model | MMLU |\n|---|---|\n", false));
    }

    #[test]
    fn a_cell_in_underscore_bold_is_starred_in_place() {
        let card =
            "| Model | Size |\n|---|---|\n| __Foo-7B__ | __6.7B__ |\n| n_layers | x__y__ |\n\nSome __bold__ prose.\n";
        let out = as_read(card).unwrap().text;
        assert_eq!(
            out,
            "| Model | Size |\n|---|---|\n| **Foo-7B** | **6.7B** |\n| n_layers | x__y__ |\n\nSome __bold__ prose.\n"
        );
        assert_eq!(out.len(), card.len());
        assert!(as_read("| a | b_c |\n|---|---|\n").is_none());
        // HTML's bold, backslash escapes (not a pipe's, not a star's); rows in code as written.
        let card = "| Model | <b>#Params</b> | gpt\\_3.5 |\n|---|---|\n| <b>Foo-7B</b> | <strong>6.5</strong> \\* |\n| a \\| b | c |\n```\n| <b>x</b> |\n```\n";
        let out = as_read(card).unwrap().text;
        assert_eq!(out, "| Model | **#Params** | gpt_3.5 |\n|---|---|\n| **Foo-7B** | <strong>6.5</strong> \\* |\n| a \\| b | c |\n```\n| <b>x</b> |\n```\n");
    }

    #[test]
    fn setext_headings_are_read_as_atx_headings_on_the_same_lines() {
        let card = "Intro\n\nModel Date\n----------\n\nMay 2023\n\nTitle\n===\ntext\n\n- item\n---\n\n---\n";
        let out = as_read(card).unwrap();
        assert_eq!(out.text, "Intro\n\n## Model Date\n\n\nMay 2023\n\n# Title\n\ntext\n\n- item\n---\n\n---\n");
        assert_eq!(out.text.lines().count(), card.lines().count());
        // A table's delimiter row and a thematic break under a blank line are no underlines.
        assert!(as_read("a | b\n--|--\n1 | 2\n\ntext\n\n---\n").unwrap().text.starts_with("|a | b|"));
        assert!(as_read("---\nlicense: mit\n---\n# Foo\n").is_none(), "front matter is not a heading");
    }

    #[test]
    fn only_the_markdown_part_is_read() {
        let text = "---\nlicense: mit\n---\nModel | MMLU\n---|---\nMine | 50.1\n";
        let (_, markdown) = crate::parse::front_matter::split(text);
        let out = with_outer_pipes(text, markdown).unwrap();
        assert_eq!(out, "---\nlicense: mit\n---\n|Model | MMLU|\n|---|---|\n|Mine | 50.1|\n");
    }

    #[test]
    fn a_paragraphs_lines_are_one_line_and_every_other_block_stays_as_written() {
        let md = "# Title\nA sentence wrapped\nover two lines.\n\n- item one\n- item two\nText  \nafter a hard break\n```\ncode\nmore code\n```\n[1]: https://x.org\nnext\n| a | b |\n|---|---|\n";
        let lines = paragraph_lines(md);
        assert_eq!(lines.len(), md.lines().count(), "every line keeps its number");
        let expected = [
            "# Title",
            "A sentence wrapped over two lines.",
            "",
            "",
            "- item one",
            "- item two",
            "Text  ",
            "after a hard break",
            "```",
            "code",
            "more code",
            "```",
            "[1]: https://x.org",
            "next",
            "| a | b |",
            "|---|---|",
        ];
        assert_eq!(lines, expected);
    }

    #[test]
    fn the_paragraph_over_a_table_is_its_caption_however_it_is_wrapped() {
        assert_eq!(
            last_paragraph_line("Intro.\n\nThis model was\ncompared below:\n"),
            "This model was compared below:"
        );
        assert_eq!(last_paragraph_line("Intro.\n## Results\n"), "## Results");
        assert_eq!(last_paragraph_line("Some text\n- an item\n\n"), "- an item");
        assert_eq!(last_paragraph_line(""), "");
    }

    #[test]
    fn a_list_items_text_without_its_marker() {
        let items = ["* Alpaca Eval", "- MMLU", "  + GSM8K", "2. HellaSwag", "10) ARC"];
        assert_eq!(
            items.map(without_list_marker),
            [Some("Alpaca Eval"), Some("MMLU"), Some("GSM8K"), Some("HellaSwag"), Some("ARC")]
        );
        for line in ["**MMLU**", "-3.5 points", "2.5 billion", "*italic*", "Alpaca Eval"] {
            assert_eq!(without_list_marker(line), None, "{line}");
        }
    }

    #[test]
    fn the_line_holding_a_value_read_without_its_bold() {
        let paragraph = ["This model checkpoint is of type Tiny.", "It has **15.58** million parameters and", "more."];
        let evidence = "It has 15.58 million parameters and more.";
        assert_eq!(JoinedParagraph::new(&paragraph).line_holding(evidence, "15.58 million"), 1);
        // A card that rewrites its sizes so on a size-reading line: the line that holds it.
        let card = "# Foo\n\nFoo is a model.\nIt has **15.58** million parameters and thus needs memory.\n";
        let size = crate::parse::card::read_card("acme/foo", card).size.expect("a size");
        assert_eq!((size.size.total, size.line), (15_580_000, 4));
    }
}
