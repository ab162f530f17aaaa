//! Scores in a card's tables: only the model's own row or column.
//!
//! A table is read in one of three shapes:
//! - **lm-eval-harness output** (`Task | Version | Metric | Value | | Stderr`): every row is the
//!   card's own model; blank Task cells continue the row above; values are fractions (×100).
//! - **models as columns** (a column of benchmark names, one column per model, e.g. gemma's
//!   `2B Params | 7B Params`): the column whose header names this model.
//! - **models as rows** (benchmark names in the header, e.g. Llama 2's `Model | Size | … | MMLU`):
//!   the row whose label cells name this model.
//!
//! "Names this model": every word of the label is a word of the model id (generic words like
//! "params" aside), and the model's tuning words (instruct, chat, it, …) are in the label. A
//! table under an "instruct"/"chat" heading is for tuned models, one under "base"/"pretrained"
//! for base models (see [`is_tuned`] for how a model's kind is known). Two equally good matches make
//! the table ambiguous and it is skipped: precision over recall.

use super::front_matter::leading_number;
use super::tables::{Table, TableKind};
use crate::parse::benchmarks::{resolve, shots_in, strip_markup};

/// One score read from a table.
#[derive(Debug, Clone, PartialEq)]
pub struct CardScore {
    /// Benchmark as written (row or column name).
    pub benchmark_raw: String,
    /// Metric or setting as written, when a column gives it.
    pub metric: Option<String>,
    /// Shots from the metric cell or the benchmark name.
    pub shots: Option<i32>,
    /// Value in percent (or the table's own unit).
    pub value: f64,
    /// The cell as written.
    pub value_raw: String,
    /// `markdown_table`, `html_table` or `lm_eval_table`.
    pub detail: &'static str,
}

const GENERIC: &[&str] = &["params", "parameters", "param", "model", "models", "size", "ours", "the", "hf"];
const TUNING: &[&str] = &["instruct", "chat", "it", "dpo", "sft", "rlhf", "orpo", "tuned"];

/// Words of a name: lower-case, split at non-alphanumerics and at letter→digit changes
/// (`LLaMA3.1` → `llama 3 1`, `8B` stays `8b`).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Cards write "Zephyr-7b-β" for the repo zephyr-7b-beta.
    let text = text.to_lowercase().replace('α', " alpha ").replace('β', " beta ").replace('γ', " gamma ");
    for raw in text.split(|c: char| !c.is_alphanumeric()) {
        let mut current = String::new();
        let mut prev: Option<char> = None;
        for c in raw.chars() {
            if prev.is_some_and(|p| p.is_alphabetic()) && c.is_ascii_digit() && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push(c);
            prev = Some(c);
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// How well `label` names `model_id`: `None` when it does not; otherwise (words matched, exact).
pub fn label_match(label: &str, model_id: &str) -> Option<(usize, bool)> {
    label_match_in(label, model_id, false)
}

/// [`label_match`] for a table under a tuned-model heading ("Instruction tuned models"), where
/// the label needs no tuning word: the heading already says it.
fn label_match_in(label: &str, model_id: &str, tuned_context: bool) -> Option<(usize, bool)> {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let model: Vec<String> = words(name);
    let label: Vec<String> =
        words(&strip_markup(label)).into_iter().filter(|w| !GENERIC.contains(&w.as_str())).collect();
    if label.is_empty() || !label.iter().all(|w| model.contains(w)) {
        return None;
    }
    if !tuned_context && model.iter().any(|w| TUNING.contains(&w.as_str()) && !label.contains(w)) {
        return None;
    }
    // A bare number ("2") is no name; a size ("7b") or a word is.
    if label.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let core: Vec<&String> = model.iter().filter(|w| !GENERIC.contains(&w.as_str())).collect();
    let exact = core.iter().all(|w| label.contains(w));
    Some((label.len(), exact))
}

/// A cell holding just a number (with markup, `%` or `± err` around it).
fn pure_number(cell: &str) -> Option<f64> {
    let text = strip_markup(cell);
    let t = text.trim().trim_end_matches('%').trim();
    let value = leading_number(t)?;
    let digits_end = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(t.len());
    let rest = t[digits_end..].trim();
    (rest.is_empty() || rest.starts_with('±') || rest.starts_with('(') || rest.starts_with("+/-")).then_some(value)
}

/// Whether the sections a table sits in fit the model: tables under "instruct"/"chat" headings
/// describe tuned models, under "base"/"pretrained" headings base models.
fn heading_allows(heading: &str, tuned: bool) -> bool {
    let for_tuned = heading_is_tuned(heading);
    let h = heading.to_lowercase();
    let for_base = ["base", "pretrained", "pre-trained"].iter().any(|w| h.contains(w));
    let only_tuned = for_tuned && !for_base;
    let only_base = for_base && !for_tuned;
    !(only_tuned && !tuned || only_base && tuned)
}

fn heading_is_tuned(heading: &str) -> bool {
    let h = heading.to_lowercase();
    ["instruct", "chat", "fine-tuned", "finetuned", "fine tuned", "aligned"].iter().any(|w| h.contains(w))
}

/// A model is tuned when its name says so, or when its card names a `<name>-Base` sibling
/// (DeepSeek-V3's card lists DeepSeek-V3-Base: the repo without the suffix is the chat model).
pub fn is_tuned(model_id: &str, card: &str) -> bool {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    words(name).iter().any(|w| TUNING.contains(&w.as_str()))
        || (!name.to_lowercase().ends_with("base")
            && card.to_lowercase().contains(&format!("{}-base", name.to_lowercase())))
}

/// The scores `table` gives for `model_id`; `tuned` as [`is_tuned`] decides.
pub fn table_scores(table: &Table, model_id: &str, tuned: bool) -> Vec<CardScore> {
    let detail = match table.kind {
        TableKind::Markdown => "markdown_table",
        TableKind::Html => "html_table",
    };
    let header: Vec<String> = table.header.iter().map(|h| strip_markup(h)).collect();
    let lower: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
    if ["task", "metric", "value"].iter().all(|w| lower.iter().any(|h| h == w)) {
        return lm_eval(table, &lower);
    }
    let known_in_header = header.iter().skip(1).filter(|h| resolve(h).is_known).count();
    let (bench_col, known_in_col) = (0..header.len())
        .map(|c| (c, table.rows.iter().filter(|r| resolve(&r[c]).is_known).count()))
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
        .unwrap_or((0, 0));
    let model_column = lower.iter().any(|h| matches!(h.as_str(), "model" | "models" | "name" | "model name"));
    if known_in_col >= 2 && known_in_col >= known_in_header {
        models_as_columns(table, &header, bench_col, model_id, tuned, detail)
    } else if known_in_header >= 1 || model_column {
        models_as_rows(table, &header, model_id, tuned, detail)
    } else {
        Vec::new()
    }
}

fn numeric_share(table: &Table, col: usize) -> f64 {
    let filled: Vec<&String> =
        table.rows.iter().map(|r| &r[col]).filter(|c| !c.trim().is_empty() && c.trim() != "-").collect();
    if filled.is_empty() {
        return 0.0;
    }
    filled.iter().filter(|c| pure_number(c).is_some()).count() as f64 / filled.len() as f64
}

fn best<T: Copy>(candidates: &[(T, (usize, bool))], heading_ok: bool) -> Option<T> {
    if !heading_ok {
        return None;
    }
    let usable: Vec<&(T, (usize, bool))> = candidates.iter().collect();
    let top = usable.iter().map(|(_, (n, exact))| (*exact, *n)).max()?;
    let winners: Vec<&&(T, (usize, bool))> = usable.iter().filter(|(_, (n, exact))| (*exact, *n) == top).collect();
    (winners.len() == 1).then(|| winners[0].0)
}

fn models_as_columns(
    table: &Table,
    header: &[String],
    bench_col: usize,
    model_id: &str,
    tuned: bool,
    detail: &'static str,
) -> Vec<CardScore> {
    let value_cols: Vec<usize> =
        (0..header.len()).filter(|c| *c != bench_col && numeric_share(table, *c) >= 0.5).collect();
    let candidates: Vec<(usize, (usize, bool))> = value_cols
        .iter()
        .filter_map(|c| label_match_in(&header[*c], model_id, heading_is_tuned(&table.heading)).map(|m| (*c, m)))
        .collect();
    // A `Metric | Value` table (the Open LLM Leaderboard bot's) has one unnamed value column:
    // the card's own model.
    let own_value_column = match value_cols.as_slice() {
        [only] if matches!(header[*only].to_lowercase().as_str(), "value" | "score" | "result" | "results") => {
            Some(*only)
        }
        _ => None,
    };
    let Some(col) = best(&candidates, heading_allows(&table.heading, tuned)).or(own_value_column) else {
        return Vec::new();
    };
    let meta_cols: Vec<usize> = (0..header.len()).filter(|c| *c != bench_col && !value_cols.contains(c)).collect();
    let fraction = column_is_fraction(table, col);
    let mut out = Vec::new();
    for row in &table.rows {
        let bench = strip_markup(&row[bench_col]);
        let Some(value) = pure_number(&row[col]) else { continue };
        if bench.is_empty() {
            continue;
        }
        let metric = meta_cols.iter().map(|c| strip_markup(&row[*c])).find(|m| {
            !m.is_empty()
                && m.chars().any(char::is_alphanumeric)
                && (shots_in(m).is_some()
                    || header[meta_cols[0]].to_lowercase().contains("metric")
                    || header[meta_cols[0]].to_lowercase().contains("shot"))
        });
        let shots = metric.as_deref().and_then(shots_in).or_else(|| resolve(&bench).shots);
        out.push(CardScore {
            benchmark_raw: bench,
            metric,
            shots,
            value: if fraction { value * 100.0 } else { value },
            value_raw: row[col].trim().to_owned(),
            detail,
        });
    }
    out
}

fn models_as_rows(
    table: &Table,
    header: &[String],
    model_id: &str,
    tuned: bool,
    detail: &'static str,
) -> Vec<CardScore> {
    let label_cols: Vec<usize> = (0..header.len()).filter(|c| numeric_share(table, *c) < 0.5).collect();
    let value_cols: Vec<usize> =
        (0..header.len()).filter(|c| !label_cols.contains(c) && !header[*c].is_empty()).collect();
    // Blank label cells continue the row above (a model's name written once for its sizes).
    // A row is named by its first label cell alone ("SOLAR-10.7B-v1.0") or by all of them
    // ("Llama 2" + "7B"), whichever names the model better.
    let mut previous: Vec<String> = vec![String::new(); header.len()];
    let mut candidates: Vec<(usize, (usize, bool))> = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let mut parts = Vec::new();
        for c in &label_cols {
            let cell = if row[*c].trim().is_empty() { previous[*c].clone() } else { row[*c].clone() };
            previous[*c] = cell.clone();
            parts.push(cell);
        }
        let in_tuned = heading_is_tuned(&table.heading);
        let first = parts.first().and_then(|p| label_match_in(p, model_id, in_tuned));
        let all = label_match_in(&parts.join(" "), model_id, in_tuned);
        if let Some(m) = first.into_iter().chain(all).max_by_key(|(n, exact)| (*exact, *n)) {
            candidates.push((i, m));
        }
    }
    let Some(row_index) = best(&candidates, heading_allows(&table.heading, tuned)) else {
        return Vec::new();
    };
    let row = &table.rows[row_index];
    let mut out = Vec::new();
    for c in value_cols {
        let Some(value) = pure_number(&row[c]) else { continue };
        let fraction = column_is_fraction(table, c);
        out.push(CardScore {
            benchmark_raw: header[c].clone(),
            metric: None,
            shots: resolve(&header[c]).shots,
            value: if fraction { value * 100.0 } else { value },
            value_raw: row[c].trim().to_owned(),
            detail,
        });
    }
    out
}

/// A column whose every number is at most 1 holds fractions (decided per column, not per value).
fn column_is_fraction(table: &Table, col: usize) -> bool {
    let values: Vec<f64> = table.rows.iter().filter_map(|r| pure_number(&r[col])).collect();
    values.len() >= 2 && values.iter().all(|v| (0.0..=1.0).contains(v)) && values.iter().any(|v| *v > 0.0)
}

fn lm_eval(table: &Table, lower: &[String]) -> Vec<CardScore> {
    let col = |name: &str| lower.iter().position(|h| h == name);
    let (Some(task_c), Some(metric_c), Some(value_c)) = (col("task"), col("metric"), col("value")) else {
        return Vec::new();
    };
    let mut task = String::new();
    let mut out = Vec::new();
    for row in &table.rows {
        if !row[task_c].trim().is_empty() {
            task = strip_markup(&row[task_c]);
        }
        let Some(value) = pure_number(&row[value_c]) else {
            continue;
        };
        if task.is_empty() {
            continue;
        }
        let metric = strip_markup(&row[metric_c]);
        out.push(CardScore {
            benchmark_raw: task.clone(),
            metric: (!metric.is_empty()).then_some(metric),
            shots: resolve(&task).shots,
            value: value * 100.0,
            value_raw: row[value_c].trim().to_owned(),
            detail: "lm_eval_table",
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tables::tables;

    #[test]
    fn labels_name_models_or_not() {
        assert!(label_match("Llama 2 7B", "meta-llama/Llama-2-7b-hf").is_some());
        assert!(label_match("Llama 1 7B", "meta-llama/Llama-2-7b-hf").is_none());
        assert!(label_match("Llama-2-Chat 7B", "meta-llama/Llama-2-7b-hf").is_none());
        assert!(
            label_match("Llama 2 7B", "meta-llama/Llama-2-7b-chat-hf").is_none(),
            "tuned model needs its tuning word"
        );
        assert!(label_match("2B Params", "google/gemma-2b").is_some());
        assert!(label_match("7B Params", "google/gemma-2b").is_none());
        assert!(label_match("LLaMA3.1 405B", "deepseek-ai/DeepSeek-V3").is_none());
        assert_eq!(label_match("DeepSeek-V3", "deepseek-ai/DeepSeek-V3"), Some((3, true)));
        assert!(label_match("DeepSeek-V3 Base", "deepseek-ai/DeepSeek-V3").is_none());
    }

    #[test]
    fn own_column_and_own_row() {
        let md = "| Benchmark | Metric | 2B Params | 7B Params |\n|---|---|---|---|\n| MMLU | 5-shot, top-1 | 42.3 | 64.3 |\n| ARC-c | | 42.1 | 53.2 |\n| NQ | 5-shot | - | 23 |\n";
        let s = table_scores(&tables(md)[0], "google/gemma-2b", false);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].benchmark_raw.as_str(), s[0].value, s[0].shots), ("MMLU", 42.3, Some(5)));
        let rows = "|Model|Size|MMLU|BBH|\n|---|---|---|---|\n|Llama 1|7B|35.1|30.3|\n|Llama 2|7B|45.3|32.6|\n|Llama 2|13B|54.8|39.4|\n";
        let s = table_scores(&tables(rows)[0], "meta-llama/Llama-2-7b-hf", false);
        assert_eq!(s.iter().map(|x| x.value).collect::<Vec<_>>(), vec![45.3, 32.6]);
    }

    #[test]
    fn lm_eval_rows_continue_and_scale() {
        let md = "|    Task     |Version| Metric |Value |   |Stderr|\n|-------------|------:|--------|-----:|---|-----:|\n|arc_challenge|      0|acc     |0.5990|±  |0.0143|\n|             |       |acc_norm|0.6425|±  |0.0140|\n";
        let s = table_scores(&tables(md)[0], "x/anything", false);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].benchmark_raw, "arc_challenge");
        assert!((s[1].value - 64.25).abs() < 1e-9);
    }

    #[test]
    fn instruct_tables_are_not_a_base_models() {
        let md =
            "### Instruction tuned models\n\n| Benchmark | Llama 3 8B |\n|---|---|\n| MMLU | 68.4 |\n| GPQA | 34.2 |\n";
        assert!(table_scores(&tables(md)[0], "meta-llama/Meta-Llama-3-8B", false).is_empty());
    }
}
