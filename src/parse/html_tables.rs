//! HTML tables inside markdown cards: where they are, and each as a grid of text cells.

use scraper::{ElementRef, Html, Selector};

use super::row_splits::{slashed_rows, stacked_rows};
use super::tables::{normalize_space, pure_number, Table, TableKind, BR, MAX_CELLS, MAX_HTML_TABLE, MAX_TABLES};

/// Byte offsets and text of each top-level `<table>…</table>` in the raw text.
pub(super) fn html_table_snippets(text: &str) -> Vec<(usize, &str)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<table").map(|i| i + from) {
        let Some(end) = lower[start..].find("</table>").map(|i| start + i + "</table>".len()) else {
            break;
        };
        if end - start <= MAX_HTML_TABLE {
            out.push((start, &text[start..end]));
        }
        from = end;
        if out.len() >= MAX_TABLES {
            break;
        }
    }
    out
}

/// One HTML table as a grid, `rowspan`/`colspan` expanded; the first row is the header.
pub fn html_table(snippet: &str) -> Option<Table> {
    let doc = Html::parse_fragment(snippet);
    let table_sel = Selector::parse("table").expect("static selector");
    let tr_sel = Selector::parse("tr").expect("static selector");
    let table = doc.select(&table_sel).next()?;
    // Each cell with the number of the element it came from: a row filled by one spanning
    // element ("STEM / Puzzle" across the table) is a section title, not a wider row.
    let mut grid: Vec<Vec<Option<(usize, String)>>> = Vec::new();
    let mut cells = 0;
    let trs: Vec<ElementRef> = table.select(&tr_sel).collect();
    // A rowspan ends with its row group (HTML's rule): a `<th rowspan="2">` in a one-row
    // `<thead>` does not reach into the `<tbody>`, where it would push the first body row right.
    let group = |r: usize| trs[r].parent().map(|p| p.id());
    let rows_left_in_group = |r: usize| (r..trs.len()).take_while(|k| group(*k) == group(r)).count();
    for (r, tr) in trs.iter().enumerate() {
        if grid.len() <= r {
            grid.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for td in tr.children().filter_map(ElementRef::wrap).filter(|e| matches!(e.value().name(), "td" | "th")) {
            cells += 1;
            if cells > MAX_CELLS {
                break;
            }
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            // (Line breaks kept as `BR` until the rows are split, as in a markdown table.)
            let text = cell_text(td).split(BR).map(normalize_space).collect::<Vec<_>>().join(&BR.to_string());
            let span = |name: &str| {
                td.value().attr(name).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 100)
            };
            let (rows, cols) = (span("rowspan").min(rows_left_in_group(r)), span("colspan"));
            for dr in 0..rows {
                if grid.len() <= r + dr {
                    grid.resize(r + dr + 1, Vec::new());
                }
                for dc in 0..cols {
                    let row = &mut grid[r + dr];
                    if row.len() <= c + dc {
                        row.resize(c + dc + 1, None);
                    }
                    row[c + dc] = Some((cells, text.clone()));
                }
            }
            c += cols;
        }
    }
    merge_spanned_columns(&mut grid);
    let spanning: Vec<bool> = grid
        .iter()
        .map(|r| {
            let mut sources = r.iter().flatten().filter(|(_, t)| !t.is_empty()).map(|(e, _)| *e);
            sources.next().is_some_and(|first| sources.all(|e| e == first))
        })
        .collect();
    let mut rows: Vec<Vec<String>> =
        grid.into_iter().map(|r| r.into_iter().map(|c| c.map(|(_, t)| t).unwrap_or_default()).collect()).collect();
    if rows.is_empty() {
        return None;
    }
    let mut header: Vec<String> = rows.remove(0).iter().map(|c| normalize_space(&c.replace(BR, " "))).collect();
    // Body rows wider than the header (trailing empty cells aside): the header left out a
    // leading column, typically a `rowspan` category ("OpenLLM v1" over its benchmarks). When
    // those leading cells hold no numbers the header is shifted right to fit; otherwise which
    // column is which cannot be told and the table is not read.
    let used = |r: &Vec<String>| r.len() - r.iter().rev().take_while(|c| c.is_empty()).count();
    let widths = rows.iter().zip(&spanning[1..]).filter(|(_, span)| !**span).map(|(r, _)| used(r));
    let extra = widths.max().unwrap_or(0).saturating_sub(header.len());
    if extra > 0 {
        let labels = rows.iter().all(|r| r.iter().take(extra).all(|c| pure_number(c).is_none()));
        // Every body row must be that wide: rows of two widths cannot both fit one header.
        let narrow = rows.iter().zip(&spanning[1..]).any(|(r, span)| !span && used(r) > 0 && used(r) <= header.len());
        if !labels || narrow {
            return None;
        }
        header.splice(0..0, std::iter::repeat_n(String::new(), extra));
    }
    let width = header.len();
    for r in &mut rows {
        r.resize(width, String::new());
    }
    // Each body row's place in the snippet: its `<tr>`, when the raw tags and the parsed rows
    // are as many (no row the parser added); else the table's own. A row commented out
    // (`<!-- <tr> … </tr> -->`, Qwen-VL-Chat's 4-shot rows) is no tag.
    let lower = snippet.to_ascii_lowercase();
    // (One pass: a comment's end is looked for once, from its start; the next start after it.)
    let mut comments: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<!--").map(|s| from + s) {
        let end = lower[start..].find("-->").map_or(lower.len(), |e| start + e);
        comments.push((start, end));
        from = end.max(start + 4);
    }
    let tags: Vec<usize> = lower
        .match_indices("<tr")
        .filter(|(at, _)| lower[at + 3..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()))
        .map(|(at, _)| at)
        // (Comments come in order and apart: the last one starting before the tag is the one to ask.)
        .filter(|at| {
            let before = comments.partition_point(|(start, _)| start < at);
            before == 0 || comments[before - 1].1 <= *at
        })
        .collect();
    // (Each parsed row is a `<tr>`, no row the parser added: what the rows' tags say is theirs.)
    let paired = trs.len() == rows.len() + 1;
    let row_offsets = if paired && tags.len() == trs.len() { tags[1..].to_vec() } else { vec![0; rows.len()] };
    // Which body rows name their model in bold (`<td><b>Starling-7B</b></td>`), as a markdown
    // table's `**…**` does, and the Hub page each first cell links to, as `[name](url)` does.
    let body = if paired { &trs[1..] } else { &[][..] };
    let row_bold: Vec<bool> = body.iter().map(|tr| first_cell(tr, &header).is_some_and(|c| wholly_bold(&c))).collect();
    // Each header cell's bold mark and link (only where each cell is one column: a colspan would
    // shift the rest).
    let head_cells = trs.first().filter(|_| paired).map(|tr| {
        tr.children()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "td" | "th"))
            .collect::<Vec<_>>()
    });
    let head_cells = head_cells.filter(|c| c.len() == width).unwrap_or_default();
    let header_bold: Vec<bool> = head_cells.iter().map(wholly_bold).collect();
    let header_links: Vec<Option<String>> = head_cells.iter().map(cell_link).collect();
    let row_links: Vec<Option<String>> = body.iter().map(|tr| first_cell_link(tr, &header)).collect();
    // A row stacking several benchmarks' values with line breaks ("AIME 2024<br>MATH" over
    // "87.3<br>94.3"), or a slash, is one row each, as in a markdown table.
    let (mut split_rows, mut offsets, mut links, mut bolds) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, row) in rows.iter().enumerate() {
        let flat: Vec<String> = row.iter().map(|c| normalize_space(&c.replace(BR, " "))).collect();
        for mut r in stacked_rows(row).or_else(|| slashed_rows(&flat)).unwrap_or_else(|| vec![flat]) {
            r.resize(width, String::new());
            split_rows.push(r);
            offsets.push(row_offsets[i]);
            links.extend(row_links.get(i).cloned());
            bolds.extend(row_bold.get(i).copied());
        }
    }
    Some(Table {
        kind: TableKind::Html,
        heading: String::new(),
        header,
        rows: split_rows,
        offset: 0,
        row_offsets: offsets,
        row_links: links,
        row_bold: bolds,
        header_bold,
        header_links,
        lead_in: String::new(),
        of_tuned_models: false,
        caption: String::new(),
    })
}

/// The cell that names a row: its first, or the one after a rank's number under a rank's header
/// (`<td>1</td><td><b>Foo-7B</b>`).
fn first_cell<'a>(tr: &ElementRef<'a>, header: &[String]) -> Option<ElementRef<'a>> {
    let mut cells = tr.children().filter_map(ElementRef::wrap).filter(|e| matches!(e.value().name(), "td" | "th"));
    let first = cells.next()?;
    let text: String = first.text().collect();
    match cells.next() {
        Some(second) if super::header_rows::after_rank(header, &text) => Some(second),
        _ => Some(first),
    }
}

/// The Hub id a row's first cell links to (its first link that is a Hub page).
fn first_cell_link(tr: &ElementRef, header: &[String]) -> Option<String> {
    cell_link(&first_cell(tr, header)?)
}

/// The Hub id a cell's first link to a model page names.
fn cell_link(cell: &ElementRef) -> Option<String> {
    let links = cell.descendants().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "a");
    links.filter_map(|a| a.value().attr("href")).find_map(super::tables::page_id)
}

/// Whether a cell has text and all of it in bold (`<b>`, `<strong>`).
fn wholly_bold(cell: &ElementRef) -> bool {
    let mut texts = cell.descendants().filter(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty())).peekable();
    texts.peek().is_some()
        && texts.all(|n| {
            n.ancestors()
                .take_while(|a| a.id() != cell.id())
                .any(|a| a.value().as_element().is_some_and(|e| matches!(e.name(), "b" | "strong")))
        })
}

/// A cell's text; a `<sub>` script is a word of its own ("MMMU<sub>val</sub>" is "MMMU val"), as
/// in markdown cells, and so is a `<sup>` one that is a word ("VQAv2<sup>dev</sup>"). A digit or
/// mark inside a name stays joined ("τ<sup>2</sup>-Bench" is τ2-Bench); one that ends the name is a
/// footnote's, dropped as a markdown cell drops it ("AGIEval<sup>1</sup>" is AGIEval). Any other
/// superscript stays ("<sup>(Thinking)</sup>").
fn cell_text(td: ElementRef) -> String {
    use ego_tree::iter::Edge;
    // (Where a mark's text starts in `out`: decided when the text after it is known.)
    let (mut out, mut mark): (String, Option<usize>) = (String::new(), None);
    let mut marks = Vec::new();
    for edge in td.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                scraper::Node::Text(t) => out.push_str(t),
                // A line break or block inside a cell parts words, as in a markdown cell
                // ("Phi-3-Small-8K-Instruct<br>7b"); a line break may stack rows (see below).
                scraper::Node::Element(e) if e.name() == "br" => out.push(BR),
                scraper::Node::Element(e) if matches!(e.name(), "sub" | "p" | "div" | "li") => out.push(' '),
                scraper::Node::Element(e) if e.name() == "sup" => {
                    let text: String = ElementRef::wrap(node).map(|s| s.text().collect()).unwrap_or_default();
                    if text.trim_start().starts_with(char::is_alphabetic) {
                        out.push(' ');
                    } else if super::tables::is_footnote_mark(&text) {
                        mark = Some(out.len());
                    }
                }
                _ => {}
            },
            Edge::Close(node) if node.value().as_element().is_some_and(|e| e.name() == "sup") => {
                marks.extend(mark.take().map(|at| at..out.len()));
            }
            Edge::Close(_) => {}
        }
    }
    // (From the last, so earlier ranges keep their place.)
    for range in marks.into_iter().rev() {
        let inside = out[range.end..].starts_with(|c: char| c.is_alphanumeric() || c == '-');
        if !inside {
            out.replace_range(range, "");
        }
    }
    out
}

/// Two neighbouring columns that one element spans in every row, header included (`<th
/// colspan="2">Intern-S1</th>` over `<td colspan="2">77.3</td>` cells), are one column: kept
/// twice, the model would seem to have two columns of its own.
fn merge_spanned_columns(grid: &mut [Vec<Option<(usize, String)>>]) {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let id = |row: &Vec<Option<(usize, String)>>, c: usize| row.get(c).cloned().flatten().map(|(e, _)| e);
    for c in (1..width).rev() {
        let spanned = grid.iter().all(|row| id(row, c).is_some() && id(row, c) == id(row, c - 1));
        if spanned {
            for row in grid.iter_mut() {
                if row.len() > c {
                    row.remove(c);
                }
            }
        }
    }
}
