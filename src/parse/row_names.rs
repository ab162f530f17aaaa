//! How a table row names the card's model: by its first label cell, by all of them, by its name
//! and a size column, by a link to the model's own Hub page, or by its name and then how the
//! model was run.

use super::benchmarks::{strip_markup, take_shots};
use super::mentions::copy_statements;
use super::model_names::{is_size, label_match_in, words};
use super::own_label::{label_names, Own};
use super::tables::Table;

/// The label a row with label cells `parts` names the model by, if any: (label, (words matched,
/// exact), whether it names the model in a setting, "… Zero-Shot CoT"). `linked`: the row links to
/// the model's own Hub page.
pub(super) fn row_name(
    parts: &[String],
    own: Own,
    in_tuned: bool,
    only_one: bool,
    linked: bool,
) -> Option<(String, (usize, bool), bool)> {
    let first = parts.first().and_then(|p| label_names(p, own, in_tuned, only_one).map(|m| (p.clone(), m)));
    let joined = parts.join(" ");
    let all = label_names(&joined, own, in_tuned, only_one).map(|m| (joined.clone(), m));
    let sized = with_size_cells(parts);
    let with_size = label_match_in(&sized, own.0, in_tuned, only_one).map(|m| (sized.clone(), m));
    // The link names the tune: "[Llama-3-8B-SPPO Iter3](…/Llama-3-Instruct-8B-SPPO-Iter3)" need
    // not say "Instruct".
    let by_link =
        parts.first().filter(|_| linked).and_then(|p| Some((p.clone(), label_match_in(p, own.0, true, only_one)?)));
    // "Arithmo-Mistral-7B Zero-Shot CoT": the name, then how it was run.
    let set = parts.first().and_then(|p| setting_bracketed(p)).filter(|_| !first.as_ref().is_some_and(|f| f.1 .1));
    let set = set.and_then(|l| Some((l.clone(), label_names(&l, own, in_tuned, only_one).filter(|m| m.1)?)));
    let set_label = set.as_ref().map(|s| s.0.clone());
    let (label, m) = first
        .into_iter()
        .chain(all)
        .chain(with_size)
        .chain(by_link)
        .chain(set)
        .max_by_key(|(_, (n, exact))| (*exact, *n))?;
    let by_setting = set_label.as_ref() == Some(&label);
    Some((label, m, by_setting))
}

/// A row's name with its size column ("Cerebras-GPT" | "13B"), past other text columns: its
/// first cell and each later cell that is one size.
pub(super) fn with_size_cells(cells: &[String]) -> String {
    let sizes = cells.iter().skip(1).filter(|p| matches!(words(p).as_slice(), [w] if is_size(w)));
    cells.first().into_iter().chain(sizes).cloned().collect::<Vec<_>>().join(" ")
}

/// What the rows of a models-as-rows table say of the model: each row's label cells (blank ones
/// continued from the row above), the rows that name it, those named with a setting, and the
/// original a copy's row links to.
pub(super) struct RowNames<'t> {
    pub parts: Vec<Vec<String>>,
    /// (row, label, (words matched, exact))
    pub candidates: Vec<(usize, String, (usize, bool))>,
    /// Rows named with a setting after the name, and their label as written (for the evidence).
    pub set_rows: Vec<(usize, String)>,
    pub copied: Option<&'t str>,
}

/// [`RowNames`] of `table`, whose label columns are `label_cols` (`grouping`: which of them only
/// groups rows, "Model type", and is no part of a name).
pub(super) fn row_candidates<'t>(table: &'t Table, label_cols: &[usize], grouping: &[bool], own: Own) -> RowNames<'t> {
    // Blank label cells continue the row above (a model's name written once for its sizes).
    // A row is named by its first label cell alone ("SOLAR-10.7B-v1.0") or by all of them
    // ("Llama 2" + "7B"), whichever names the model better.
    let mut previous: Vec<String> = vec![String::new(); table.header.len()];
    let mut row_parts: Vec<Vec<String>> = Vec::new();
    let mut candidates: Vec<(usize, String, (usize, bool))> = Vec::new();
    // Rows named with a setting after the name, and their label as written (for the evidence).
    let mut set_rows: Vec<(usize, String)> = Vec::new();
    let (model_id, in_tuned) = (own.0, table.of_tuned_models);
    // The original a copy's row links to, for the reject when no row is the model's.
    let mut copied: Option<&str> = None;
    // (Read once per table, and only when a row links elsewhere.)
    let statements = std::cell::OnceCell::new();
    // The title of the group the row is in, from the last row of labels alone.
    let mut group_title: Option<String> = None;
    let copies = |id: &str| {
        let id = id.to_ascii_lowercase();
        statements.get_or_init(|| copy_statements(own.2)).iter().any(|l: &String| l.contains(&id))
    };
    for (i, row) in table.rows.iter().enumerate() {
        // A blank spacer row between groups continues no name.
        if row.iter().all(|c| c.trim().is_empty()) {
            row_parts.push(vec![String::new(); label_cols.len()]);
            continue;
        }
        let mut parts = Vec::new();
        for c in label_cols {
            let cell = if row[*c].trim().is_empty() { previous[*c].clone() } else { row[*c].clone() };
            previous[*c] = cell.clone();
            parts.push(cell);
        }
        row_parts.push(parts.clone());
        let parts: Vec<String> = grouping.iter().zip(parts).filter(|(g, _)| !**g).map(|(_, p)| p).collect();
        // A row whose name links to this model's own Hub page names it, however short the name
        // ("[ToRA-Code-13B](https://huggingface.co/llm-agents/tora-code-13b-v1.0)"), when the name
        // is one of the model's at all.
        let link = table.row_links.get(i).and_then(Option::as_deref);
        let linked = link.is_some_and(|l| l.eq_ignore_ascii_case(model_id));
        // A row linked to the repository the card says it copies is the original's (no exact
        // name), whatever its name says: "[gte-small](https://huggingface.co/thenlper/gte-small)"
        // on Supabase/gte-small, "Fork of …/thenlper/gte-small with ONNX weights".
        let original = link.filter(|l| !linked && copies(l));
        copied = copied.or(original);
        // A row of labels alone ("| **Ours** | | |" over the rows it groups) is a group's title,
        // and its blank cells continue the row above: no model's row.
        let group = (0..row.len()).filter(|c| !label_cols.contains(c)).all(|c| row[c].trim().is_empty());
        if group {
            group_title = Some(strip_markup(&row[label_cols.first().copied().unwrap_or(0)]).trim().to_owned());
            continue;
        }
        // A row the group's title completes: "ALBERT-base" under "| V2 |" is ALBERT-base-v2.
        let titled = || {
            let title = group_title.as_deref()?;
            let label = format!("{} {title}", strip_markup(parts.first()?));
            let m = label_match_in(&label, model_id, in_tuned, false).filter(|m| m.1)?;
            Some((label, m, false))
        };
        let named = row_name(&parts, own, in_tuned, table.rows.len() == 1, linked);
        // (The title's name is the fuller: "ALBERT-base V1" over an "ALBERT-base" that names
        // albert-base-v1 too, a first version going unwritten.)
        let named = match (named, titled()) {
            (Some(n), Some(t)) if !n.1 .1 || t.1 .0 > n.1 .0 => Some(t),
            (Some(n), _) => Some(n),
            (None, t) => t,
        };
        if let Some((label, m, by_setting)) = named {
            let m = if linked {
                (m.0, true)
            } else if original.is_some() {
                (m.0, false)
            } else {
                m
            };
            if by_setting {
                set_rows.push((i, strip_markup(&parts[0])));
            }
            candidates.push((i, strip_markup(&label), m));
        }
    }
    // (Only rows that differ by how the model was run: one "X zero-shot" row alone is no setting
    // of a pair, and may sit beside an unread "X few-shot".)
    if set_rows.len() < 2 {
        candidates.retain(|c| !set_rows.iter().any(|s| s.0 == c.0));
    }
    RowNames { parts: row_parts, candidates, set_rows, copied }
}

/// A row label that is a name and then only how it was run, unbracketed: "Arithmo-Mistral-7B
/// Zero-Shot CoT" is "Arithmo-Mistral-7B (Zero-Shot CoT)", so that the setting is read as one.
pub(super) fn setting_bracketed(label: &str) -> Option<String> {
    const PROMPTING: &[&str] = &["cot", "pot", "direct", "pal", "tir"];
    // ("Zero Shot PoT" is "Zero-Shot PoT": a shot count spelled apart is one setting.)
    let plain = strip_markup(label).replace(" Shot", "-Shot").replace(" shot", "-shot");
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let setting = |t: &&&str| {
        let l = t.to_lowercase();
        let (rest, shots) = take_shots(&l);
        PROMPTING.contains(&l.trim_matches(|c: char| !c.is_alphanumeric()))
            || shots.is_some() && words(&rest).is_empty()
    };
    let k = tokens.iter().rev().take_while(setting).count();
    let at = tokens.len() - k;
    (k > 0 && at > 0).then(|| format!("{} ({})", tokens[..at].join(" "), tokens[at..].join(" ")))
}
