//! Parameter counts in a card's tables: a `| Parameters | 8.03B |` row, a `#Params` column in
//! the row naming this model, a `Number of Parameters: 1.54B` line.

use super::params::{evidence, nums, parse_size, size_pair, Cand, Num, SizeForm, SizeText};
use super::tables::{Table, TableKind};

/// A table's parameter rows (`| Parameters | 8.03B |`; of a family row, the column whose header
/// names this model) and columns (`| Model | #Params |`, in the row naming this model).
pub(super) fn table(rows: &[(usize, &str)], id: &str, name: Option<&SizeText>, out: &mut Vec<Cand>) {
    let sep = |c: &Vec<&str>| c.iter().all(|x| !x.is_empty() && x.chars().all(|ch| "-: ".contains(ch)));
    let mut grid: Vec<(usize, &str, Vec<&str>)> = rows.iter().map(|(n, l)| (*n, *l, cells(l))).collect();
    // (A column empty in every row, a spacer or the one a spreadsheet leaves last, is none.)
    let width = grid.iter().map(|(.., c)| c.len()).max().unwrap_or(0);
    let empty: Vec<bool> = (0..width)
        .map(|j| grid.iter().filter(|(.., c)| !sep(c)).all(|(.., c)| c.get(j).is_none_or(|x| x.is_empty())))
        .collect();
    if empty.iter().any(|e| *e) && !empty.iter().all(|e| *e) {
        let keep: Vec<bool> = empty.iter().map(|e| !e).collect();
        grid.iter_mut().for_each(|(.., c)| super::header_rows::retain_columns(c, &keep));
    }
    // (A first column that numbers the rows, `| # | Model | Params |`, is none either.)
    let body = || grid.iter().skip(1).filter(|(.., c)| !sep(c)).map(|(.., c)| c.first().copied().unwrap_or(""));
    let head_cell = grid.first().and_then(|(.., c)| c.first().copied()).unwrap_or("");
    if grid.first().is_some_and(|(.., c)| c.len() > 2) && super::header_rows::is_rank_column(head_cell, body()) {
        grid.iter_mut().for_each(|(.., c)| {
            c.remove(0);
        });
    }
    // (The separator is looked for once: a 16k-line table without one was scanned once per line.)
    let Some((.., head)) = grid.first().filter(|_| grid.iter().any(|(.., c)| sep(c))) else { return };
    // One row under `| Parameters | Hidden Size | … |`: this model's hyper-parameters.
    let whole = grid.len() == 3 && head.first().is_some_and(|h| key_role(h).is_some());
    let cols: Vec<_> =
        head.iter().enumerate().skip(usize::from(!whole)).filter_map(|(j, h)| Some((j, key_role(h)?))).collect();
    let bold =
        bold_column(&grid.iter().skip(1).filter(|(.., c)| !sep(c)).map(|(.., c)| c.as_slice()).collect::<Vec<_>>());
    // Where a row links to this model's Hub page, rows are known by their links, not their names.
    let linked = grid.iter().skip(1).any(|(.., row)| links_here(head, row, id));
    for (k, (line, text, row)) in grid.iter().enumerate().filter(|(_, (.., c))| !sep(c)) {
        let mut found = Vec::new();
        if let Some(role) = row.first().and_then(|c| key_role(c)) {
            let key = row.first().copied().unwrap_or("");
            let vals: Vec<_> =
                row.iter().enumerate().skip(1).filter_map(|(j, c)| Some((j, keyed_num(key, c)?))).collect();
            let ours = |j: usize| head.get(j).is_some_and(|h| is_ours(h, id, name)) || Some(j) == bold;
            let own: Vec<_> = vals.iter().filter(|(j, _)| ours(*j)).collect();
            // A column that is the model's very name beside one naming it with a size added ("T0"
            // beside "T0_3B"): the former.
            let named: Vec<_> =
                own.iter().copied().filter(|(j, _)| head.get(*j).is_some_and(|h| is_name(h, id))).collect();
            let own = if named.len() == 1 { named } else { own };
            // (A lone value under a header giving another size, "| Property | 26B A4B MoE |", is that
            // model's; in the header row itself it is the value.)
            let other = |j: usize| {
                head.get(j).is_some_and(|h| super::mentions::states_other_size(h, id.rsplit('/').next().unwrap_or(id)))
            };
            let one = match vals.as_slice() {
                [(j, _)] if k == 0 || !other(*j) || ours(*j) => vals.first(),
                [_] => None,
                _ => (own.len() == 1 && k > 0).then(|| own[0]),
            };
            found.extend(one.map(|(_, m)| (role, m.clone())));
        } else if head.len() == 2 && row.len() == 2 {
            found.extend(opening_count(row[1]).map(|m| (false, m)));
        }
        // (A row named like the model that links to another model's Hub page is that model's:
        // "Laser-DE-L4096 | 1.5B | [🤗](…/Laser-DE-L4096-1.5B)" on Laser-DE-L4096-7B's card.)
        let own_row = match linked {
            true => links_here(head, row, id),
            false => row.first().is_some_and(|c| is_ours(c, id, name)) && !links_elsewhere(head, row, id),
        };
        if k > 0 && !cols.is_empty() && (whole || own_row) {
            for (j, role) in &cols {
                let Some(cell) = row.get(*j) else { continue };
                match (keyed_num(head[*j], cell), moe_pair(cell).filter(|_| !*role)) {
                    (Some(m), _) => {
                        // "17B (Activated) 109B (Total)" in a `Params` column: the active count too.
                        found.extend(marked_active(cell).filter(|_| !*role).map(|a| (true, a)));
                        found.push((*role, m));
                    }
                    // "355B-A32B" in a `Model Size` column: total and active.
                    (None, Some((total, active))) => found.extend([(false, total), (true, active)]),
                    (None, None) => {}
                }
            }
        }
        let pick = |r: bool| found.iter().find(|(x, _)| *x == r).map(|(_, m)| m.clone());
        if !found.is_empty() {
            let (total, active, evidence) = (pick(false), pick(true), evidence(text, 0));
            out.push(Cand { doubt: false, total, active, form: SizeForm::Table, line: *line, evidence });
        }
    }
}

/// The parameter rows of HTML tables (`<td>Model Size</td><td>1.28B</td>…` under a header of
/// model names), read as the pipe tables they would be.
pub(super) fn html_size_rows(md: &str, tables: &[Table], id: &str, name: Option<&SizeText>, out: &mut Vec<Cand>) {
    // Keys in the first column (`Model Size | 1.28B | …`) or in the header (`Model Name | Params`).
    let keyed =
        |t: &Table| t.rows.iter().any(|r| key_role(&r[0]).is_some()) || t.header.iter().any(|h| key_role(h).is_some());
    // (Or a two-column sheet, `Architecture | 14B parameters, …`, read as its markdown twin is.)
    let sized = |t: &&Table| t.kind == TableKind::Html && (keyed(t) || t.header.len() == 2);
    for t in tables.iter().filter(sized) {
        let line = md[..t.offset.min(md.len())].matches('\n').count() + 1;
        let pipe = |cells: &[String]| format!("| {} |", cells.join(" | "));
        // (A row's link to its Hub page goes back into its name: rows are known by their links,
        // wherever in the row: Whisper's `<td><a href="…/openai/whisper-large-v3">✓</a></td>`.)
        // (A row's HTML: to the next row's tag, its own end or the table's, not the rest of the card.)
        let row_html = |i: usize| {
            let at = t.row_offsets.get(i).copied().filter(|o| *o > 0)?;
            let next = t.row_offsets.iter().copied().find(|o| *o > at).unwrap_or(md.len());
            let row = md.get(at..next)?;
            let end = ["</tr>", "</TR>", "</table>", "</TABLE>"].iter().filter_map(|e| row.find(e)).min();
            Some(&row[..end.unwrap_or(row.len())])
        };
        let any_link = |i: usize| match super::ids::hub_pages_in(row_html(i)?).as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        };
        let linked = |i: usize, r: &Vec<String>| match t.row_links.get(i).cloned().flatten().or_else(|| any_link(i)) {
            Some(id) => pipe(&[&[format!("[{}](https://huggingface.co/{id})", r[0])], &r[1..]].concat()),
            None => pipe(r),
        };
        let rows: Vec<String> = std::iter::once(pipe(&t.header))
            .chain(std::iter::once(pipe(&vec!["---".to_owned(); t.header.len()])))
            .chain(t.rows.iter().enumerate().map(|(i, r)| linked(i, r)))
            .collect();
        table(&rows.iter().map(|r| (line, r.as_str())).collect::<Vec<_>>(), id, name, out);
    }
}

/// A cell that is a MoE size pair, total then active, and nothing else: "355B-A32B" (as a
/// name writes it, [`size_pair`]); not an estimate ("~355B-A32B").
fn moe_pair(cell: &str) -> Option<(Num, Num)> {
    let c = cell.trim_matches(|c: char| c.is_whitespace() || "*`".contains(c));
    let (total, active, end) = size_pair(c).filter(|_| !c.contains(['~', '≈']))?;
    (end == c.len()).then_some((total, active?)).filter(|(t, a)| a.value < t.value)
}

/// The one value column whose every filled cell is bold (`| Layers | 40 | **24** | 32 |`): IBM's
/// cards mark their own model's column so in a table of the family's hyper-parameters.
fn bold_column(rows: &[&[&str]]) -> Option<usize> {
    let width = rows.iter().map(|r| r.len()).min().filter(|_| rows.len() >= 3)?;
    let bold = |c: &str| c.len() > 4 && c.starts_with("**") && c.ends_with("**");
    let all_bold = |j: usize| rows.iter().all(|r| r[j].is_empty() || bold(r[j])) && rows.iter().any(|r| bold(r[j]));
    let found: Vec<usize> = (1..width).filter(|j| all_bold(*j)).collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

pub(super) fn cells(line: &str) -> Vec<&str> {
    let t = line.trim().strip_prefix('|').unwrap_or(line.trim());
    t.strip_suffix('|').unwrap_or(t).split('|').map(|c| without_footnote(c.trim())).collect()
}

/// A cell without the footnote mark in superscript that ends it ("Qwen2-7B<sup>1</sup>"), as the
/// table reader drops it.
fn without_footnote(cell: &str) -> &str {
    let mark = cell.strip_suffix("</sup>").and_then(|c| c.rfind("<sup>").map(|at| (at, &c[at + 5..])));
    match mark {
        Some((at, mark)) if at > 0 && super::tables::is_footnote_mark(mark) => cell[..at].trim_end(),
        _ => cell,
    }
}

/// `Total Parameters`, `#Params`, `n_parameters`: a total (`false`); `Activated Params`: `true`.
/// In Chinese: 参数量, 总参数量, 参数规模 (a total); 激活参数量 (active).
pub(super) fn key_role(cell: &str) -> Option<bool> {
    // "[Model Size](…)", "Params<br>(Millions)": a key's text, without its link or line break.
    let text = (cell.contains("](") || cell.contains('<')).then(|| super::benchmarks::strip_markup(cell));
    // (A Chinese key's text, a link's address aside: "[参数数量](https://…)".)
    let written = text.as_deref().unwrap_or(cell);
    let han: String = written.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect();
    if !han.is_empty() && !written.chars().any(|c| c.is_ascii_alphabetic()) {
        return super::params_chinese::table_key_role(&han);
    }
    // "# Total Params (MoE)": the parenthesis only annotates the key; "(without embeddings)",
    // "(non-embedding)" make it another count.
    // `<img src="…/render/math?math=n_{parameters}">`: a TeX key drawn as an image (KoGPT).
    let math = cell.trim_start().starts_with("<img").then(|| cell.split_once("math=")).flatten();
    let math = math.map(|(_, m)| m.split(['"', '\'', '&']).next().unwrap_or(m).replace("%7B", "{").replace("%7D", "}"));
    let cell = math.as_deref().or(text.as_deref()).unwrap_or(cell);
    let lower = cell.to_ascii_lowercase();
    // "Size (용량)", "Size (GB)": a size said to be another thing than a count (용량: storage).
    let said = lower.split_once('(').map(|(_, q)| q.split(')').next().unwrap_or("").trim().to_owned());
    let stored =
        said.as_deref().is_some_and(|q| !q.is_empty() && !q.contains("param") && key_unit(&format!("({q})")).is_none());
    let other = ["embed", "without", "excl", "non"].iter().any(|w| lower.contains(w));
    let key = cell.split('(').next().unwrap_or(cell);
    let cell = if other || !key.chars().any(|c| c.is_ascii_alphabetic()) { cell } else { key };
    // `\\(n_\text{parameters}\\)`: a TeX key.
    let k = cell
        .replace("sub>", "")
        .replace("\\text", "")
        .to_ascii_lowercase()
        .replace(|c: char| !c.is_ascii_alphabetic(), "");
    let k = ["numberof", "total", "model", "num", "n"].iter().fold(k.as_str(), |k, p| k.strip_prefix(p).unwrap_or(k));
    // ("Activated Parameters per Token": the active count.)
    let rest = k.strip_prefix("activated").or_else(|| k.strip_prefix("active")).map(|r| r.trim_end_matches("pertoken"));
    // "Model Size | 1.28B": only a value with a size unit is read (not "Model Size (GB)").
    let k = rest.unwrap_or(k);
    (matches!(k, "parameters" | "params" | "parametercount" | "paramcount") || k == "size" && !stored)
        .then_some(rest.is_some())
}

/// A key's unit in parentheses ("Params (M)", "#Params (B)", "Parameters (billions)"), as a size
/// suffix for its plain numbers.
fn key_unit(key: &str) -> Option<&'static str> {
    let unit = key.rsplit_once('(')?.1.split(')').next()?.trim().to_ascii_lowercase();
    match unit.as_str() {
        "m" | "million" | "millions" => Some("M"),
        "b" | "billion" | "billions" => Some("B"),
        _ => None,
    }
}

/// A value under a key: a size as [`cell_num`] reads it, or a plain number in the key's unit
/// ("Params (M): 86.6" is 86.6M).
pub(super) fn keyed_num(key: &str, cell: &str) -> Option<Num> {
    cell_num(cell).or_else(|| {
        let c = cell.trim_matches(|c: char| c.is_whitespace() || "*`†‡".contains(c));
        let plain = !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
        plain.then(|| cell_num(&format!("{c}{}", key_unit(key)?))).flatten()
    })
}

/// The count a key-value table's value or a list item opens with ("| Architecture | 14B parameters,
/// dense decoder-only Transformer model |"), when nothing after it speaks of another count (active,
/// total, embeddings, per expert, a comparison, another number) and it is no estimate.
pub(super) fn opening_count(text: &str) -> Option<Num> {
    const OTHER: &[&str] = &["param", "activ", "total", "embed", "each", "per ", "than", "vs", "of "];
    let lower = text.to_ascii_lowercase();
    let (head, rest) = lower.split_once(" param")?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let other =
        OTHER.iter().any(|w| rest.contains(w) || head.contains(w)) || rest.contains(|c: char| c.is_ascii_digit());
    if other {
        return None;
    }
    cell_num(&text[..head.len()])
}

/// A cell (or a value after a colon) holding one size and nothing else.
pub(super) fn cell_num(cell: &str) -> Option<Num> {
    // "~ 11B" beside SOLAR-10.7B: an estimate is not a count.
    if cell.contains(['~', '≈']) {
        return None;
    }
    // ("7.04 billion†": a footnote's mark is no part of the count.)
    let c = cell.trim_matches(|c: char| c.is_whitespace() || "*`†‡".contains(c));
    let found = nums(c);
    // "0.57 B (total); 0.45 B (excluding token embeddings)": the one marked total.
    let total = found
        .iter()
        .filter(|m| c[m.end..].trim_start().to_ascii_lowercase().starts_with("(total)"))
        .collect::<Vec<_>>();
    if let ([one], true) = (total.as_slice(), found.len() > 1) {
        return Some((*one).clone());
    }
    // "256M (optimized for efficiency)": a note in words may follow; not one that hedges the
    // count or makes it another one ("(approx.)", "(non-embedding)", "(active)").
    let noted = |end: usize| {
        let note = c[end..].trim().strip_prefix('(').and_then(|n| n.strip_suffix(')')).unwrap_or("");
        let hedges = [
            "approx", "about", "around", "estimat", "rough", "nominal", "embed", "excl", "without", "non", "activ",
            "each", "per", "total",
        ];
        let lower = note.to_ascii_lowercase();
        !note.is_empty() && !note.contains(|c: char| c.is_ascii_digit()) && !hedges.iter().any(|h| lower.contains(h))
    };
    found.first().filter(|m| found.len() == 1 && m.at == 0 && (m.end == c.len() || noted(m.end))).cloned()
}

/// The one count marked active in a cell that also marks one total: "17B (Activated) 109B (Total)".
fn marked_active(cell: &str) -> Option<Num> {
    let found = nums(cell);
    let marked = |word: &str| -> Vec<&Num> {
        found.iter().filter(|m| cell[m.end..].trim_start().to_ascii_lowercase().starts_with(word)).collect()
    };
    match (marked("(activ").as_slice(), marked("(total)").len(), found.len()) {
        ([active], 1, 2) => Some((*active).clone()),
        _ => None,
    }
}

/// A row that links to this model's own Hub page (`| **Based** | 1.4b | [hazyresearch/based-1b](…) |`)
/// is its row, whatever it calls the model; not through a column of another model it names (a
/// `Base model` or `Teacher` column), nor when it links to other models too.
pub(super) fn links_here(head: &[&str], row: &[&str], id: &str) -> bool {
    // (Most rows link nowhere: no cell is searched for Hub pages then.)
    if !row.iter().any(|c| c.contains("://")) {
        return false;
    }
    let related = |j: usize| related_column(head, j);
    let ids: Vec<(usize, String)> = row
        .iter()
        .enumerate()
        .flat_map(|(j, c)| super::ids::hub_pages_in(c).into_iter().map(move |h| (j, h)))
        .collect();
    !ids.is_empty() && ids.iter().all(|(j, h)| h.eq_ignore_ascii_case(id) && !related(*j))
}

/// Whether a row links only to Hub pages of other models, outside a column of the model's base
/// ("Base Model", "Teacher"). A page of this model's name under another owner (a copy's original)
/// is no other model's, nor, on a quantized copy's card, the page of the name it starts with
/// ("dots.llm1.inst" for "dots.llm1.inst-GGUF").
fn links_elsewhere(head: &[&str], row: &[&str], id: &str) -> bool {
    let name = |h: &str| h.rsplit('/').next().unwrap_or(h).to_ascii_lowercase();
    let own = name(id);
    let packed = super::model_names::is_packed(id);
    let other = |h: &String| name(h) != own && !(packed && own.starts_with(&name(h)));
    let pages: Vec<String> = row
        .iter()
        .enumerate()
        .filter(|(j, c)| c.contains("://") && !related_column(head, *j))
        .flat_map(|(_, c)| super::ids::hub_pages_in(c))
        .collect();
    !pages.is_empty() && pages.iter().all(other)
}

/// A column naming models the row's model came from ("Base Model", "Teacher", "Source").
fn related_column(head: &[&str], j: usize) -> bool {
    let other = ["base", "parent", "teacher", "original", "from", "source"];
    head.get(j).is_some_and(|h| other.iter().any(|w| h.to_ascii_lowercase().contains(w)))
}

/// Does a table cell name this model (its id or name; its size when the name has one)?
fn is_ours(cell: &str, id: &str, name: Option<&SizeText>) -> bool {
    let short = id.rsplit('/').next().unwrap_or(id);
    let sized = |n: &SizeText| {
        let s = parse_size(cell.trim_matches(|c: char| c.is_whitespace() || c == '*'));
        !n.is_expert_notation && s.is_some_and(|s| s.total == n.total && s.active == n.active)
    };
    // ("OpenChat 3.2 SUPER" names openchat_v3.2_super exactly: a version with or without its "v".)
    let exact = |id: &str| super::model_names::label_match(cell, id).is_some_and(|(_, exact)| exact);
    // On a quantized copy's card the original's row gives the count ("DeepSeek-R1" for -FP8).
    let original = || {
        let unpacked: Vec<&str> = short.split(['-', '_']).filter(|t| !super::model_names::is_packed(t)).collect();
        super::model_names::is_packed(id) && exact(&unpacked.join("-"))
    };
    // A tune has its base's count: "Llama 4 Scout (17Bx16E)" is Llama-4-Scout-17B-16E-Instruct's row.
    let but_for_size = || super::model_names::names_but_for_size(&without_own_sizes(cell, short), id, true);
    is_name(cell, id) || name.is_some_and(sized) || exact(id) || original() || but_for_size()
}

/// Whether a cell is the model's name as written, but for case and punctuation ("T0",
/// "[T0](https://huggingface.co/bigscience/T0)", "bigscience/t0"; not "T0_3B").
fn is_name(cell: &str, id: &str) -> bool {
    let norm = |s: &str| {
        let s = s.split_once('[').and_then(|(_, l)| l.split_once("](")).map_or(s, |(text, _)| text);
        s.split('(').next().unwrap_or("").chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase()
    };
    let (c, short) = (norm(cell), id.rsplit('/').next().unwrap_or(id));
    !c.is_empty() && !short.is_empty() && (c == norm(id) || c == norm(short))
}

/// A label without a parenthesis that only repeats sizes of the model's name: "Llama 4 Scout
/// (17Bx16E)" for Llama-4-Scout-17B-16E-Instruct.
fn without_own_sizes(cell: &str, short: &str) -> String {
    use super::model_names::words;
    let own = words(short);
    let Some((head, note)) = cell.trim().strip_suffix(')').and_then(|c| c.rsplit_once('(')) else {
        return cell.to_owned();
    };
    let sizes: Vec<String> = words(note)
        .iter()
        .flat_map(|w| w.split('x').map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect();
    let all_own =
        !sizes.is_empty() && sizes.iter().all(|w| w.starts_with(|c: char| c.is_ascii_digit()) && own.contains(w));
    if all_own {
        head.trim().to_owned()
    } else {
        cell.to_owned()
    }
}
