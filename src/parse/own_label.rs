//! Which of a table's labels is the card's own model: the one that names it exactly, or why
//! none does (`no_own_column`, `ambiguous_column`), and rows that are the model at several
//! settings.

use std::collections::BTreeSet;

use super::benchmarks::{shots_in, strip_markup, take_shots};
use super::card_scores::Unused;
use super::model_names::{
    has_version, introduces, is_kind_or_format, is_packed, is_size, label_match_in, names_but_for_family,
    names_but_for_size, without_notes, without_own_stage, words, BASE_FAMILIES, PACKING, TUNING,
};
use super::quant_levels::quant_level_bits;
use super::tables::Table;

/// The model a table is read for: (model id, whether it is a tune, the start of its card).
pub(super) type Own<'a> = (&'a str, bool, &'a str);

/// The one candidate that names the model exactly, or why there is none. Candidates are
/// (index, label, (words matched, exact)); `all_labels` are all the table's column or row labels.
///
/// When none names it exactly, one that names it but for the base family its repo name carries
/// is taken, if the card calls the model by that label or the label has a version
/// ([`names_but_for_family`]); or the card's short name, a size note, a quantized copy's own
/// precision row ([`precision_row`]).
pub(super) fn choose(
    candidates: &[(usize, String, (usize, bool))],
    all_labels: &[String],
    bold: &[bool],
    what: &str,
    (model_id, _, intro): Own,
    in_tuned: bool,
) -> Result<usize, (Unused, String)> {
    // A row of an earlier release ("Qwen-7B-Chat (original)") beside the model's own is not it.
    let current = candidates.iter().any(|c| c.2 .1 && !earlier_release(&c.1));
    let mut exact: Vec<&(usize, String, (usize, bool))> =
        candidates.iter().filter(|c| c.2 .1 && !(current && earlier_release(&c.1))).collect();
    // "DeepSeek-V2.5-1210" beside "DeepSeek-V2.5": the label that names more of the model.
    let most = exact.iter().map(|c| c.2 .0).max().unwrap_or(0);
    if exact.iter().filter(|c| c.2 .0 == most).count() == 1 {
        exact.retain(|c| c.2 .0 == most);
    }
    let labels =
        |cs: &[&(usize, String, (usize, bool))]| cs.iter().map(|c| format!("{:?}", c.1)).collect::<Vec<_>>().join(", ");
    let mut but_for_family: Vec<usize> = candidates
        .iter()
        .filter(|c| names_but_for_family(&c.1, model_id) && (has_version(&c.1) || introduces(intro, &c.1)))
        .filter(|c| !told_apart(&c.1, all_labels))
        .map(|c| c.0)
        .collect();
    // (A copy converted to the family's format: its family word is no fine-tune's base.)
    if !but_for_family.is_empty() && states_conversion(intro) {
        but_for_family.clear();
    }
    // The card's own short name without the sizes ("K-EXAONE" for K-EXAONE-236B-A23B), when the
    // card calls its model that and no other label of the table gives that name a size.
    // (Looked for only when no label names the model exactly.)
    // (Or a row the table sets in bold, "**Kunoichi-DPO-v2**" on Kunoichi-DPO-v2-7B's card.)
    let in_bold = |row: usize| bold.get(row).copied().unwrap_or(false) && !is_packed(model_id);
    let but_for_size = || {
        let short: Vec<&(usize, String, (usize, bool))> = candidates
            .iter()
            .filter(|c| names_but_for_size(&c.1, model_id, in_tuned) && (introduces(intro, &c.1) || in_bold(c.0)))
            .collect();
        let [one] = short.as_slice() else { return None };
        let name = words(&without_notes(&one.1));
        let sized = |l: &Vec<String>| name.iter().all(|w| l.contains(w)) && l.iter().any(|w| is_size(w));
        // Nor when the card's prose names it with another size ("cpm-bee-10b" on cpm-bee-5b's card:
        // the short name is the family's flagship, not this model).
        let own = words(model_id.rsplit('/').next().unwrap_or(model_id));
        let other_size = |l: &Vec<String>| sized(l) && l.iter().any(|w| is_size(w) && !own.contains(w));
        let in_prose = intro.split(|c: char| c.is_whitespace() || "()[]`*\"'|,".contains(c)).map(words);
        (!all_labels.iter().map(|l| words(l)).any(|l| sized(&l)) && !in_prose.into_iter().any(|l| other_size(&l)))
            .then_some(one.0)
    };
    // "DeepSeek-V2-Lite (MoE-16B)" for a name without a size: a parenthesis of sizes (and "MoE",
    // "Dense") is a note on the model, when one label alone names it so.
    let size_note = || {
        let noted = all_labels.iter().enumerate().filter(|(_, l)| {
            let Some((open, close)) = l.find('(').zip(l.rfind(')')).filter(|(o, c)| o < c) else { return false };
            let inner = words(&l[open + 1..close]);
            let rest = format!("{}{}", &l[..open], &l[close + 1..]);
            inner.iter().any(|w| is_size(w))
                && inner.iter().all(|w| is_size(w) || matches!(w.as_str(), "moe" | "dense"))
                && label_match_in(&rest, model_id, false, false).is_some_and(|m| m.1)
        });
        match noted.collect::<Vec<_>>().as_slice() {
            [(one, _)] if super::params::from_name(model_id).is_none() => Some(*one),
            _ => None,
        }
    };
    match exact.as_slice() {
        [one] => Ok(one.0),
        [] if but_for_family.len() == 1 => Ok(but_for_family[0]),
        [] => but_for_family
            .is_empty()
            .then(but_for_size)
            .flatten()
            .or_else(size_note)
            .or_else(|| precision_row(candidates, all_labels, model_id))
            .or_else(|| bold_own(candidates, bold, model_id))
            .ok_or_else(|| {
                let near: Vec<&(usize, String, (usize, bool))> = candidates.iter().collect();
                (Unused::NoOwnColumn, format!("no {what} names the model exactly; near: {}", labels(&near)))
            }),
        many => Err((Unused::AmbiguousColumn, format!("{} {what}s name the model: {}", many.len(), labels(many)))),
    }
}

/// Whether another label of the table is `label` with a word of its own (not a size) added:
/// "General-Reasoner-Qw3-14B" beside "General-Reasoner-14B". The table tells that name's
/// variants apart by a word, so the label without it may be the variant of another base family.
fn told_apart(label: &str, all_labels: &[String]) -> bool {
    let name = words(&without_notes(&strip_markup(label)));
    all_labels
        .iter()
        .map(|l| words(&without_notes(&strip_markup(l))))
        .any(|other| name.iter().all(|w| other.contains(w)) && other.iter().any(|w| !name.contains(w) && !is_size(w)))
}

/// [`label_match_in`], or so without a pretrained marker ([`without_base_marker`]), or the whole
/// label is the name the card's title gives its model ([`title_name`]): "Magistral Small 1.2" on
/// mistralai/Magistral-Small-2509's card.
pub(super) fn label_names(
    label: &str,
    (model_id, tuned, intro): Own,
    in_tuned: bool,
    only_one: bool,
) -> Option<(usize, bool)> {
    let found = label_match_in(label, model_id, in_tuned, only_one);
    if found.is_some_and(|m| m.1) || super::axis_words::is_self_reference(label) {
        return found.filter(|m| m.1).or(Some((2, true)));
    }
    // (The card's own stage: "DeepSeek-V2-Lite 16B Chat (SFT)", which the card calls its model.)
    if let Some(name) = without_own_stage(label, model_id, intro, in_tuned) {
        return label_match_in(&name, model_id, in_tuned, only_one);
    }
    if let Some(rest) = size_noted(&strip_markup(label)).filter(|_| super::params::from_name(model_id).is_none()) {
        if let Some(m) = label_match_in(&rest, model_id, in_tuned, only_one).filter(|m| m.1) {
            return Some(m);
        }
    }
    if let Some(m) =
        without_base_marker(label, model_id, tuned).and_then(|rest| label_match_in(&rest, model_id, in_tuned, only_one))
    {
        if m.1 {
            return Some(m);
        }
    }
    match title_name(intro, model_id) {
        Some(title) if words(&without_notes(&strip_markup(label))) == title => Some((title.len(), true)),
        _ => found,
    }
}

/// A label without the word that marks a pretrained model ("VaultGemma 1B PT", "… Base",
/// "… (pre-trained)"), for a model that is no tune: its name need not say "base" to be one.
fn without_base_marker(label: &str, model_id: &str, tuned: bool) -> Option<String> {
    // (Most labels hold no marker: one cheap look first.)
    let l = label.to_ascii_lowercase();
    if tuned || !(l.contains("pt") || l.contains("base") || l.contains("pre")) {
        return None;
    }
    let own = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let marker = |w: &str| matches!(w, "pt" | "pretrained" | "base");
    let mut label = words(&strip_markup(label));
    if let Some(i) = label.windows(2).position(|p| p[0] == "pre" && p[1] == "trained") {
        label.splice(i..i + 2, ["pretrained".to_owned()]);
    }
    let kept: Vec<String> = label.iter().filter(|w| !marker(w)).cloned().collect();
    (kept.len() < label.len() && !own.iter().any(|w| marker(w))).then(|| kept.join(" "))
}

/// A label without a parenthesis of sizes (and "MoE", "Dense"): "DeepSeek-V2 (MoE-236B)" is
/// "DeepSeek-V2", for a name that states no size.
fn size_noted(label: &str) -> Option<String> {
    let (open, close) = label.find('(').zip(label.rfind(')')).filter(|(o, c)| o < c)?;
    let inner = words(&label[open + 1..close]);
    let noted =
        inner.iter().any(|w| is_size(w)) && inner.iter().all(|w| is_size(w) || matches!(w.as_str(), "moe" | "dense"));
    noted.then(|| format!("{}{}", &label[..open], &label[close + 1..]))
}

/// The name a card's title gives its model where the id numbers the release otherwise ("#
/// Magistral Small 1.2" on Magistral-Small-2509): the card's first heading (at any level: a
/// card may open with `## Magistral Small 1.2`), when it and the name differ only in numbers
/// (a version for a date stamp; not a size, nor a word such as "chinese" that makes another
/// model) and the model is no packed copy (whose card's title is the original's).
fn title_name(intro: &str, model_id: &str) -> Option<Vec<String>> {
    let name = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let line = super::mentions::card_title(intro).trim_start_matches('#');
    if line.is_empty() {
        return None;
    }
    let title = words(&without_notes(&strip_markup(line)));
    let number = |w: &&String| w.chars().all(|c| c.is_ascii_digit()) || w.as_str() == "v";
    let only_numbers = |a: &[String], b: &[String]| {
        let extra: Vec<&String> = a.iter().filter(|w| !b.contains(w)).collect();
        !extra.is_empty() && extra.iter().all(number)
    };
    let same_start = title.first().is_some_and(|w| !number(&w)) && title.first() == name.first();
    (title.len() <= 6
        && same_start
        && only_numbers(&title, &name)
        && only_numbers(&name, &title)
        && !is_packed(model_id))
    .then_some(title)
}

/// A table of the model's family at several precisions (`| Quantization | MMLU |` over BF16, Int8
/// and Int4 rows, Qwen's cards) on a quantized copy's card: the one row of the copy's precision.
fn precision_row(
    candidates: &[(usize, String, (usize, bool))],
    all_labels: &[String],
    model_id: &str,
) -> Option<usize> {
    // (Whole tokens: `words` would split "Int4" into "int 4".)
    let tokens = |l: &str| -> Vec<String> {
        let l = without_notes(&strip_markup(l)).to_lowercase();
        l.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_owned).collect()
    };
    let format = |w: &String| is_kind_or_format(w) || matches!(w.as_str(), "bf16" | "fp16" | "fp32");
    let precision = |l: &String| {
        let t = tokens(l);
        !t.is_empty() && t.iter().all(format)
    };
    if all_labels.len() < 2 || !all_labels.iter().all(precision) {
        return None;
    }
    let own = tokens(model_id.rsplit('/').next().unwrap_or(model_id));
    let mine: Vec<usize> = candidates
        .iter()
        .filter(|c| precision(&c.1) && tokens(&c.1).iter().all(|w| own.contains(w)))
        .map(|c| c.0)
        .collect();
    match mine.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Which rows of `table` are set in bold as the card's own may be ([`bold_own`]): not one linked to
/// another repository, which is that one's.
pub(super) fn bold_rows(table: &Table, model_id: &str) -> Vec<bool> {
    let elsewhere =
        |i: usize| table.row_links.get(i).and_then(Option::as_deref).is_some_and(|l| !l.eq_ignore_ascii_case(model_id));
    table.row_bold.iter().enumerate().map(|(i, b)| *b && !elsewhere(i)).collect()
}

/// Words that make another model of a family: a tier, a domain or a kind ("Foo-7B" is not
/// Foo-Coder-7B nor Foo-7B-MoE).
const OTHER_MODEL: &str = "mini small medium large xl xxl lite light pro max plus ultra flash turbo nano tiny \
    code coder math vision vl chinese long moe reward rm guard embed embedding distill distilled";

/// The one row a table sets in bold, when it is the one row that names the model at all and does
/// so but for words a table may drop: a card bolds its own model's row ("**Starling-7B**" on
/// Starling-LM-7B-alpha's card, "**Ko-GPT-Trinity 1.2B**" on ko-gpt-trinity-1.2B-v0.5's). Left
/// over may be only words that make no other model: not the name's first word ("LLaMA 7B" is not
/// OpenLLaMA-7B), a size, a tuning, packing or base-family word ("Llamafied"), a tier, domain or
/// kind ([`OTHER_MODEL`]), a word with digits ("200K", "8k"), nor a number before the size (a
/// version of the family). Never for a packed copy, whose card shows the original's rows.
fn bold_own(candidates: &[(usize, String, (usize, bool))], bold: &[bool], model_id: &str) -> Option<usize> {
    let bolded: Vec<usize> = bold.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| i).collect();
    let ([one], [only]) = (bolded.as_slice(), candidates) else { return None };
    if only.0 != *one || is_packed(model_id) {
        return None;
    }
    let label = words(&without_notes(&only.1));
    let model = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let size_at = model.iter().position(|w| is_size(w));
    let droppable = |(i, w): (usize, &String)| {
        let number = w.chars().all(|c| c.is_ascii_digit());
        let family = BASE_FAMILIES.iter().any(|f| w.starts_with(f));
        let kind = [TUNING, PACKING].iter().any(|l| l.contains(&w.as_str())) || OTHER_MODEL.split(' ').any(|o| o == w);
        i > 0
            && !family
            && !kind
            && if number { size_at.is_some_and(|s| i > s) } else { w.chars().all(|c| c.is_alphabetic()) }
    };
    let left = model.iter().enumerate().filter(|(_, w)| !label.contains(w));
    (label.first() == model.first() && left.into_iter().all(droppable)).then_some(*one)
}

/// Whether a card's start says its weights were converted to a base family's format ("This is
/// yayi2-30b converted to llama compatible format", "llamafied", "tensors renamed to follow the
/// LLaMA format"): the family word its repo name
/// carries then marks a copy, not the fine-tune's base, so the original's label is not its own.
pub fn states_conversion(intro: &str) -> bool {
    let w = words(intro);
    let family = |x: &String| BASE_FAMILIES.contains(&x.as_str());
    w.iter().any(|x| x.ends_with("fied") && BASE_FAMILIES.iter().any(|f| x.starts_with(f)))
        || w.iter()
            .enumerate()
            .any(|(i, x)| matches!(x.as_str(), "converted" | "conversion") && w[i + 1..].iter().take(5).any(family))
        // "the tensors have been renamed to follow the LLaMA format"
        || w.iter().enumerate().any(|(i, x)| x == "renamed" && w[i + 1..].iter().take(6).any(family))
}

/// Whether a header names the model exactly, or is the one label [`choose`] takes for it (the
/// card's short name without sizes: "Med42" on med42-70b's card, which introduces it so; the one
/// bold label naming it, `bold` saying which labels are).
pub(super) fn names_model_exactly(headers: &[String], bold: &[bool], own: Own, table: &Table) -> bool {
    let in_tuned = table.of_tuned_models;
    let matched: Vec<(usize, String, (usize, bool))> = (headers.iter().enumerate())
        .filter_map(|(c, h)| label_match_in(h, own.0, in_tuned, false).map(|m| (c, h.clone(), m)))
        .collect();
    matched.iter().any(|(.., (_, exact))| *exact) || choose(&matched, headers, bold, "column", own, in_tuned).is_ok()
}

/// A table whose corner is empty (`|  | ONET | IC | TGAT |`) and one of whose rows names the model
/// exactly, alone or with its size column as a models-as-rows row may (`| Flacuna | 13B |`): its
/// rows are models, as under a "Model" corner.
pub(super) fn blank_corner_over_own_row(table: &Table, header: &[String], own: Own) -> bool {
    // (Each row once: its name with its size where it has one, as a row is then named.)
    let labels = || table.rows.iter().map(|r| super::row_names::with_size_cells(r));
    header.len() > 1
        && header[0].trim().is_empty()
        && names_model_exactly(&labels().collect::<Vec<_>>(), &[], own, table)
}

/// Rows that name the model exactly at several settings ("Qwen-7B-Chat (0-shot)", "… (5-shot)"):
/// each is its score at those shots. A row of an earlier release ("… (original) (0-shot)") is
/// not the model. `None` unless two or more rows differ only by their shots.
pub(super) fn rows_by_setting(candidates: &[(usize, String, (usize, bool))]) -> Option<Vec<(usize, Option<i32>)>> {
    let exact: Vec<_> = candidates.iter().filter(|c| c.2 .1 && !earlier_release(&c.1)).collect();
    let bare = |l: &str| words(&take_shots(&l.to_lowercase()).0);
    let rows: Vec<(usize, Option<i32>)> = exact.iter().map(|c| (c.0, shots_in(&c.1))).collect();
    let shots: BTreeSet<Option<i32>> = rows.iter().map(|r| r.1).collect();
    let alike = exact.iter().all(|c| bare(&c.1) == bare(&exact[0].1));
    (rows.len() >= 2 && shots.len() == rows.len() && !shots.contains(&None) && alike).then_some(rows)
}

/// Rows that name the model alike (its name written once, blank cells below) and differ only in
/// another text column: `| MAmmoTH-7B | CoT | … |`, `| | PoT | … |`, `| | Hybrid | … |` are the
/// model decoded three ways, each row its score in that setting. Not when that column holds sizes
/// or numbers (then the rows are other models), and every setting must differ. `(row, setting)`.
pub(super) fn rows_by_setting_column(
    candidates: &[(usize, String, (usize, bool))],
    parts: &[Vec<String>],
) -> Option<Vec<(usize, String)>> {
    let exact: Vec<_> = candidates.iter().filter(|c| c.2 .1 && !earlier_release(&c.1)).collect();
    if exact.len() < 2 || exact.iter().any(|c| c.1 != exact[0].1) {
        return None;
    }
    let setting_like = |v: &str| {
        let w = words(v);
        (1..=3).contains(&w.len()) && !w.iter().any(|w| is_size(w) || w.chars().all(|c| c.is_ascii_digit()))
    };
    (1..parts[exact[0].0].len()).find_map(|k| {
        let settings: Vec<String> = exact.iter().map(|c| strip_markup(&parts[c.0][k]).trim().to_owned()).collect();
        let distinct: BTreeSet<&String> = settings.iter().collect();
        (distinct.len() == settings.len() && settings.iter().all(|s| setting_like(s)))
            .then(|| exact.iter().map(|c| c.0).zip(settings).collect())
    })
}

/// Rows (or columns) that name the model exactly but for a setting in parentheses that differs
/// ("Qwen3-30B-A3B-Instruct-2507 (Full Attention)", "… (Sparse Attention)"): each is its score in
/// that setting. Not when a parenthesis names a kind of model, a format or a size ("(Base)",
/// "(GGUF)", "(7B)"): those are other models. `(row or column, setting)`.
pub(super) fn labels_by_parenthesis(candidates: &[(usize, String, (usize, bool))]) -> Option<Vec<(usize, String)>> {
    let mut exact: Vec<_> = candidates.iter().filter(|c| c.2 .1 && !earlier_release(&c.1)).collect();
    // "Qwen3-30B-A3B (Non-Thinking)" beside "Qwen3-30B-A3B-Instruct-2507 (Full Attention)": the
    // rows that name more of the model.
    let most = exact.iter().map(|c| c.2 .0).max().unwrap_or(0);
    exact.retain(|c| c.2 .0 == most);
    let split = |label: &str| {
        let (name, rest) = label.split_once('(')?;
        let (setting, after) = rest.split_once(')')?;
        Some((words(&format!("{name} {after}")), setting.trim().to_owned()))
    };
    let rows: Vec<(Vec<String>, String)> = exact.iter().map(|c| split(&c.1)).collect::<Option<_>>()?;
    let settings: BTreeSet<&String> = rows.iter().map(|r| &r.1).collect();
    let other_model = |w: &String| is_size(w) || is_kind_or_format(w) || w.chars().all(|c| c.is_ascii_digit());
    let fits = |setting: &str| (1..=3).contains(&words(setting).len()) && !words(setting).iter().any(other_model);
    (rows.len() >= 2 && settings.len() == rows.len() && rows.iter().all(|r| r.0 == rows[0].0 && fits(&r.1)))
        .then(|| exact.iter().map(|c| c.0).zip(rows.into_iter().map(|r| r.1)).collect())
}

/// A quantized copy's rows (or columns) by quantization level, one for each file of the repo
/// (`| [gemma-3-12b-it-pruned-IQ3_M](./gemma-3-12b-it-pruned-IQ3_M.gguf) | 66.93 | …`, or a
/// `| Benchmark | Q4_K_M | Q8_0 |` header): a label that is a level alone (not "BF16"), or names
/// the model but for its packing words ("GGUF") with a level after the name, is the model's score
/// at that level. A label with more after the level ("…-Q4_K_M-bartowski") is another uploader's
/// file. `(index, level)`; `None` unless the model is a packed copy and each such label gives
/// another level.
pub(super) fn by_quant_level(labels: &[Vec<String>], model_id: &str) -> Option<Vec<(usize, String)>> {
    if !is_packed(model_id) {
        return None;
    }
    let (owner, name) = model_id.rsplit_once('/').unwrap_or(("", model_id));
    let unpacked: Vec<&str> = name
        .split(['-', '.'])
        .filter(|t| !PACKING.contains(&t.to_lowercase().as_str()) && quant_level_bits(t).is_none())
        .collect();
    let unpacked = format!("{owner}/{}", unpacked.join("-"));
    let level_of = |label: &String| {
        // ("Q4_K_M (this repo)", "(recommended)": a note on the file, not another file.)
        let text = without_notes(&strip_markup(label));
        let text = text.trim();
        let file = text.strip_suffix(".gguf").unwrap_or(text).to_owned();
        // (A bare "BF16" beside "Int4" is the original's precision, not a file of this repo.)
        if quant_level_bits(&file).is_some_and(|bits| bits < 16) {
            return Some(file);
        }
        let (rest, level) = file.rsplit_once(['-', '.', ' '])?;
        (quant_level_bits(level).is_some() && label_match_in(rest, &unpacked, false, false).is_some_and(|m| m.1))
            .then(|| level.to_owned())
    };
    // A row's level is in any of its label cells (`| Llama-3-70B | Q4_K_M | 40.1 GB | …`).
    let found: Vec<(usize, String)> =
        labels.iter().enumerate().filter_map(|(i, cells)| cells.iter().find_map(level_of).map(|l| (i, l))).collect();
    let levels: BTreeSet<String> = found.iter().map(|r| r.1.to_uppercase()).collect();
    (!found.is_empty() && levels.len() == found.len()).then_some(found)
}

/// A label marking an earlier release of a model ("Qwen-7B-Chat (original)").
pub(super) fn earlier_release(label: &str) -> bool {
    words(label).iter().any(|w| matches!(w.as_str(), "original" | "previous" | "legacy"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_copys_rows_by_level_are_its_own() {
        let labels: Vec<Vec<String>> = [
            "[gemma-3-12b-it-pruned-IQ3_M](./gemma-3-12b-it-pruned-IQ3_M.gguf)",
            "[gemma-3-12b-it-pruned-Q4_K_M-bartowski][b-q4km]",
            "gemma-3-12b-it-pruned-Q8_0",
            "gemma-3-12b-it-Q8_0",
        ]
        .map(|l| vec![l.to_owned()])
        .to_vec();
        let rows = by_quant_level(&labels, "eaddario/gemma-3-12b-it-pruned-GGUF");
        assert_eq!(rows, Some(vec![(0, "IQ3_M".to_owned()), (2, "Q8_0".to_owned())]));
        // Not on the original's card, and not when two rows give one level.
        assert_eq!(by_quant_level(&labels, "google/gemma-3-12b-it-pruned"), None);
        let twice = [labels[2].clone(), labels[2].clone()];
        assert_eq!(by_quant_level(&twice, "eaddario/gemma-3-12b-it-pruned-GGUF"), None);
        // The level in another label cell of the row, with a note on the file.
        let cells = |a: &str, b: &str| vec![a.to_owned(), b.to_owned()];
        let rows = [
            cells("Llama-3.3-70B", "Q4_K_M (this repo)"),
            cells("Llama-3.3-70B", "IQ2_XXS"),
            cells("Llama-3.3-70B", "BF16"),
        ];
        let got = by_quant_level(&rows, "someone/Llama-3.3-70B-Instruct-GGUF");
        assert_eq!(got, Some(vec![(0, "Q4_K_M".to_owned()), (1, "IQ2_XXS".to_owned())]));
    }

    #[test]
    fn the_one_bold_row_names_the_model_but_for_words_that_make_no_other_model() {
        let take = |label: &str, model: &str, bold: &[bool]| {
            let m = label_match_in(label, model, false, false).unwrap();
            bold_own(&[(1, label.to_owned(), m)], bold, model)
        };
        assert_eq!(take("Starling-7B", "berkeley-nest/Starling-LM-7B-alpha", &[false, true, false]), Some(1));
        assert_eq!(take("Ko-GPT-Trinity 1.2B", "skt/ko-gpt-trinity-1.2B-v0.5", &[false, true]), Some(1));
        // Not when the row is not bold, or another row is too.
        assert_eq!(take("Starling-7B", "berkeley-nest/Starling-LM-7B-alpha", &[false, false]), None);
        assert_eq!(take("Starling-7B", "berkeley-nest/Starling-LM-7B-alpha", &[true, true]), None);
        // Not for words that make another model: a context length, a tier, the family's first
        // word, a version before the size, a base family's format; nor for a packed copy.
        assert_eq!(take("Yi-34B", "someone/Yi-34B-200K", &[false, true]), None);
        assert_eq!(take("Foo-7B", "org/Foo-7B-Pro", &[false, true]), None);
        assert_eq!(take("LLaMA 7B", "openlm-research/open_llama_7b", &[false, true]), None);
        assert_eq!(take("Foo-7B", "org/Foo-2-7B", &[false, true]), None);
        assert_eq!(take("Yi-34B", "someone/Yi-34B-Llamafied", &[false, true]), None);
        assert_eq!(take("Qwen-7B-Chat", "Qwen/Qwen-7B-Chat-Int4", &[false, true]), None);
        // Nor when two rows name the model.
        let m = |l: &str| label_match_in(l, "berkeley-nest/Starling-LM-7B-alpha", false, false).unwrap();
        let two = [(1, "Starling-7B".to_owned(), m("Starling-7B")), (2, "Starling-LM".to_owned(), m("Starling-LM"))];
        assert_eq!(bold_own(&two, &[false, true, false], "berkeley-nest/Starling-LM-7B-alpha"), None);
    }
}
