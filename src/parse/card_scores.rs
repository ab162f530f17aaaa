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
//! Which column or row is the model's is decided in [`super::model_names`]; when none names the
//! model exactly, or two do, the table is passed over with a reason: precision over recall.

use std::collections::BTreeSet;

pub use super::lm_eval::suite_average;
use super::model_names::lead_in_says_tuned;
pub use super::model_names::{is_tuned, label_match, words};
use super::near_labels::scored_columns;
use super::own_label::{
    bold_rows, by_quant_level, choose, labels_by_parenthesis, names_model_exactly, rows_by_setting,
    rows_by_setting_column, Own,
};
use super::row_names::{row_candidates, RowNames};
use super::section_rows::rows_by_section;
use super::table_context::{
    breakdown_of, is_lone_value_header, last_heading, nameless_own_row, numeric_share, overall_of_heading,
    overall_split, rows_of_others, section_benchmark, unnamed_categories, unnamed_row, unnamed_scores,
};
use super::tables::{clip, column_is_fraction, plus_value, pure_number, Table, TableKind};
use super::tune_or_base::heading_allows;
use super::{front_matter::as_percent, lm_eval::lm_eval, lm_eval::lm_eval_elsewhere};
use super::{header_only::header_only, mode_rows::mode_rows, models_as_columns::models_as_columns};
use crate::parse::benchmarks::{
    heading_benchmark, is_architecture_column, is_category_name, is_known_benchmark, is_metric_only,
    is_of_one_benchmark, is_overall_column, is_part_name, is_setting_only, math_is_benchmark, may_be_benchmark,
    resolve, shots_in, split_of, strip_markup,
};

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
    /// The header cells the value was read under ("MMLU | 5-shot | 2B Params").
    pub evidence: String,
    /// Byte offset of the value's row in the text it was read from (the table's markdown, or
    /// the front matter for a `model-index` value).
    pub offset: usize,
    /// Who the source says ran the evaluation: a `model-index` result's `source` (its URL, else
    /// its name); `None` for the card's own tables.
    pub evaluated_by: Option<String>,
}

/// Why a card's value was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unused {
    /// Two columns or rows name the model.
    AmbiguousColumn,
    /// Columns or rows name a near model, none this one exactly.
    NoOwnColumn,
    /// A fraction or a percent: cannot be told.
    AmbiguousUnit,
    /// `model-index` metrics without a dataset or a numeric value.
    ModelIndexIncomplete,
    /// Rows that are categories (a `Category` column) of a benchmark the card does not name, or
    /// rows that name no benchmark in a section about one.
    UnnamedBenchmark,
}

/// What reading one table gave: the model's scores, or why the table was passed over.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableRead {
    /// Scores of the card's own model.
    pub scores: Vec<CardScore>,
    /// Set when a column or row came close to naming the model but the table was not used:
    /// why, and what was seen.
    pub abstained: Option<(Unused, String)>,
}

/// The scores `table` gives for `model_id`; `tuned` as [`is_tuned`] decides.
pub fn table_scores(table: &Table, model_id: &str, tuned: bool, intro: &str) -> TableRead {
    let detail = match table.kind {
        TableKind::Markdown => "markdown_table",
        TableKind::Html => "html_table",
    };
    if !tuned && lead_in_says_tuned(&table.lead_in) {
        let why = "its lead-in says the results are instruction-tuned models'; this model is no tune";
        return TableRead { scores: Vec::new(), abstained: Some((Unused::NoOwnColumn, why.to_owned())) };
    }
    let header: Vec<String> = table.header.iter().map(|h| strip_markup(h)).collect();
    let lower: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
    let lm_eval_task = lower.iter().any(|h| matches!(h.as_str(), "task" | "tasks" | "groups"));
    if lm_eval_task && ["metric", "value"].iter().all(|w| lower.iter().any(|h| h == w)) {
        if let Some(why) = lm_eval_elsewhere(table, model_id) {
            return TableRead { scores: Vec::new(), abstained: Some((Unused::NoOwnColumn, why)) };
        }
        return TableRead { scores: lm_eval(table, &lower), abstained: None };
    }
    let known_in_header = header.iter().skip(1).filter(|h| resolve(h).is_known).count();
    let (bench_col, known_in_col) = (0..header.len())
        // (A cell without a letter, a value, names no benchmark: not looked up.)
        .map(|c| {
            (c, table.rows.iter().filter(|r| r[c].chars().any(char::is_alphabetic) && resolve(&r[c]).is_known).count())
        })
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
        .unwrap_or((0, 0));
    // A column naming models, maybe past a rank column.
    let model_column = header.iter().any(|h| super::table_context::is_model_header(h));
    // A two-column `Benchmark | Score` table needs one known name, others two.
    // (Or `评测集 | 简介 | 评测结果 (%)`: a description column beside them.)
    let numeric: Vec<usize> = (0..header.len()).filter(|c| numeric_share(table, *c) >= 0.5).collect();
    let scores_column = header.len() <= 3 && matches!(numeric.as_slice(), [c] if is_lone_value_header(&header[*c]));
    // `Language | Score` under "Multilingual Benchmarks (MMLU)": the heading's benchmark by language.
    let breakdown = scores_column && breakdown_of(table, &header[0]).is_some();
    let header_bold = table.header_bold.get(1..).unwrap_or_default();
    if let Some(t) = categories_by_benchmark(table, &header) {
        // (Read the other way round, as a table of benchmarks by category.)
        let header: Vec<String> = t.header.iter().map(|h| strip_markup(h)).collect();
        models_as_columns(&t, &header, 0, (model_id, tuned, intro), detail)
    } else if let Some(read) = header_only(table, &header, model_id, detail) {
        read
    } else if let Some(read) = mode_rows(table, &header, model_id, detail) {
        // (Before the heading's benchmark is read as a table of models: "### GPQA" over rows
        // by reasoning mode names no model, as "### MATH500" does not.)
        read
    } else if breakdown || known_in_col >= if scores_column { 1 } else { 2 } && known_in_col >= known_in_header {
        // (`| Subject | Accuracy (%) |` with only an "Average" row known: the subjects of a benchmark
        // no one names.)
        let known = |r: &Vec<String>| {
            let b = resolve(&r[bench_col]);
            b.is_known && b.canonical != "card_average"
        };
        let why = (!table.rows.iter().any(known)).then(|| unnamed_categories(table, &header[bench_col])).flatten();
        if let Some(why) = why {
            return TableRead { scores: Vec::new(), abstained: Some((Unused::UnnamedBenchmark, why)) };
        }
        models_as_columns(table, &header, bench_col, (model_id, tuned, intro), detail)
    } else if known_in_header >= 1
        || model_column && !super::table_context::names_own_column(&header, model_id)
        || super::own_label::blank_corner_over_own_row(table, &header, (model_id, tuned, intro))
        || unnamed_scores(table, &header, model_id)
        || heading_benchmark(&table.heading).is_some()
            && header.iter().skip(1).any(|h| is_overall_column(h) || is_setting_only(h) || is_part_name(h))
        || of_section_benchmark(table, &header)
    {
        models_as_rows(table, &header, (model_id, tuned, intro), detail)
    } else if names_model_exactly(&header[1.min(header.len())..], header_bold, (model_id, tuned, intro), table) {
        // Benchmarks the alias table does not know (MMMU, ChartQA, …) under a column that names
        // the model exactly: read like any models-as-columns table, with the shape check. Their
        // names are in the column called so, past a category column (`| 分类 | Benchmark | … |`).
        let named = ["benchmark", "benchmarks", "task", "tasks", "dataset", "datasets", "数据集", "评测集", "测试集"];
        let names_col = lower.iter().position(|h| named.contains(&h.as_str())).unwrap_or(0);
        if let Some(why) = unnamed_categories(table, &header[names_col]) {
            return TableRead { scores: Vec::new(), abstained: Some((Unused::UnnamedBenchmark, why)) };
        }
        models_as_columns(table, &header, names_col, (model_id, tuned, intro), detail)
    } else {
        let near = super::near_labels::near_but_not_own(&scored_columns(table, &header), "column", model_id);
        TableRead { scores: Vec::new(), abstained: near }
    }
}

/// A table of known benchmarks as columns over rows of their parts, two or more of them
/// categories, and at most one overall row (`| | C-EVAL | CMMLU | MMLU |` over "STEM",
/// "Humanities", …, "Hard", "Average"), no row a benchmark:
/// the table the other way round, where a card's own breakdown is read.
fn categories_by_benchmark(table: &Table, header: &[String]) -> Option<Table> {
    let rows: Vec<&String> = table.rows.iter().map(|r| &r[0]).filter(|c| !c.trim().is_empty()).collect();
    let parts = rows.iter().filter(|r| is_part_name(r)).count();
    if parts < 2 || rows.iter().filter(|r| is_overall_column(r)).count() > 1 {
        return None;
    }
    let mut columns = header.iter().skip(1).filter(|h| !h.trim().is_empty()).peekable();
    let benchmarks = columns.peek().is_some() && columns.all(|h| is_known_benchmark(h));
    (benchmarks && !rows.iter().any(|r| is_known_benchmark(r))).then(|| table.transposed())
}

/// Columns that are each only a part, setting or metric of the benchmark a section's title or
/// lead-in names ("We achieve the following MT-Bench scores across 6 languages" over `| | German |
/// French | … |`): a table of models as rows, as such rows make one of models as columns.
///
/// So are columns of which one is an overall figure and none a known benchmark, under a known
/// benchmark's heading or lead-in, or the table's own title ("**BLINK**: a benchmark with 14 visual
/// tasks" over "Art Style", "Jigsaw", …, "Overall"), as such rows are.
fn of_section_benchmark(table: &Table, header: &[String]) -> bool {
    let named: Vec<&String> = header.iter().skip(1).filter(|h| !h.trim().is_empty()).collect();
    let one_overall =
        named.iter().filter(|h| is_overall_column(h)).count() == 1 && !named.iter().any(|h| is_known_benchmark(h));
    let all_of_it = !named.is_empty() && named.iter().all(|h| is_of_one_benchmark(h));
    match section_or_languages(table, header) {
        Some(name) if all_of_it => !name.is_empty(),
        Some(name) if one_overall => {
            resolve(&name).is_known || super::table_titles::titled_benchmark(table).is_some_and(|t| t == name)
        }
        _ => false,
    }
}

/// The benchmark a section's title or lead-in names, or that a lead-in names over columns of
/// languages in any words ("… MT-Bench scores across 6 languages").
fn section_or_languages(table: &Table, header: &[String]) -> Option<String> {
    section_benchmark(table).or_else(|| super::lead_in::language_columns_of(table, header))
}

fn models_as_rows(table: &Table, header: &[String], own: Own, detail: &'static str) -> TableRead {
    let (model_id, tuned, _) = own;
    // A rank column ("Rank": "1️⃣", "🥈") labels no model.
    let rank = |c: usize| matches!(header[c].trim().to_lowercase().as_str(), "rank" | "ranking" | "#" | "no." | "no");
    let label_cols: Vec<usize> = (0..header.len()).filter(|c| numeric_share(table, *c) < 0.5 && !rank(*c)).collect();
    // A grouping column ("Model type": "Generalist Models" over Flamingo-9B … Qwen-VL-Chat) is
    // no part of a row's name.
    let grouping: Vec<bool> = label_cols
        .iter()
        .map(|c| {
            let w = words(&header[*c]);
            let kind = |w: &String| matches!(w.as_str(), "type" | "category" | "group" | "kind");
            w.iter().any(kind) && w.iter().all(|w| kind(w) || w == "model") && label_cols.len() > 1
        })
        .collect();
    // Category columns (Llama 2's "Commonsense Reasoning", "Math" = GSM8K and MATH averaged) are
    // sub-scores, not benchmarks; the table's benchmark columns are still read.
    let math = math_is_benchmark((0..header.len()).filter(|c| !label_cols.contains(c)).map(|c| &header[c]));
    let architecture = header.iter().filter(|h| is_architecture_column(h)).count() >= 2;
    let value_cols: Vec<usize> = (0..header.len())
        .filter(|c| !label_cols.contains(c) && !header[*c].is_empty())
        .filter(|c| may_be_benchmark(&header[*c]) && (!is_category_name(&header[*c]) || math))
        .filter(|c| !architecture || is_known_benchmark(&header[*c]))
        .collect();
    // Two columns under one name (a two-level header: "AlpacaEval" vs three opponents) cannot be
    // told apart: neither is used. ("MMLU" beside "MMLU-CoT" differ by their prompting.)
    let names: Vec<_> = value_cols
        .iter()
        .map(|c| {
            let b = resolve(&header[*c]);
            (b.canonical, b.shots, b.qualifier, super::benchmarks::prompt_of(&header[*c]))
        })
        .collect();
    let value_cols: Vec<usize> = value_cols
        .iter()
        .zip(&names)
        .filter(|(_, n)| names.iter().filter(|m| m == n).count() == 1)
        .map(|(c, _)| *c)
        .collect();
    let RowNames { parts: row_parts, mut candidates, set_rows, copied } =
        row_candidates(table, &label_cols, &grouping, own);
    let in_tuned = table.of_tuned_models;
    if unnamed_row(table, &label_cols) && nameless_own_row(table, model_id, false, false) {
        let heading: String = last_heading(table).chars().take(60).collect();
        candidates.push((0, format!("(one unnamed row under \"{heading}\")"), (0, true)));
    }
    // A quantized copy's rows by level, when no row names the model itself.
    let by_quant = (!candidates.iter().any(|c| c.2 .1)).then(|| by_quant_level(&row_parts, model_id)).flatten();
    if let Some(rows) = &by_quant {
        candidates.retain(|c| !rows.iter().any(|r| r.0 == c.0));
        candidates.extend(rows.iter().map(|(i, _)| (*i, strip_markup(&row_parts[*i].join(" ")), (0, true))));
    }
    if candidates.is_empty() || !heading_allows(&table.heading, tuned) {
        let why = rows_of_others(table, header, &value_cols, &row_parts, (model_id, tuned));
        return TableRead { scores: Vec::new(), abstained: why };
    }
    // A quantized copy's table also gives sizes, perplexities and speeds by level: only the
    // columns of known benchmarks are read from it.
    let known_only = by_quant.is_some();
    // (row, its shots, its setting)
    let chosen: Vec<(usize, Option<i32>, Option<String>)> = match (by_quant, rows_by_setting(&candidates)) {
        (Some(rows), _) => rows.into_iter().map(|(r, level)| (r, None, Some(level))).collect(),
        (None, Some(rows)) => rows.into_iter().map(|(r, s)| (r, s, None)).collect(),
        (None, None) => {
            let by_setting = rows_by_setting_column(&candidates, &row_parts)
                .or_else(|| labels_by_parenthesis(&candidates))
                .or_else(|| rows_by_section(&candidates, table, model_id));
            match by_setting {
                // (A setting may state shots: "Zero-Shot CoT".)
                Some(rows) => {
                    rows.into_iter().map(|(r, set)| (r, super::benchmarks::take_shots(&set).1, Some(set))).collect()
                }
                None => match choose(
                    &candidates,
                    &row_parts.iter().map(|p| p.join(" ")).collect::<Vec<_>>(),
                    &bold_rows(table, model_id),
                    "row",
                    own,
                    in_tuned,
                ) {
                    // ("Qwen-1.8B-Chat (0-shot)": the row's own shots; a label saying none gives none.)
                    Ok(i) => {
                        let label = candidates.iter().find(|c| c.0 == i).map(|c| c.1.as_str()).unwrap_or_default();
                        vec![(i, super::benchmarks::shots_in(label), None)]
                    }
                    Err((reason, why)) => {
                        let why = match copied {
                            Some(l) => {
                                format!("{why}; the row linked to {l} is that repository's, which this card copies")
                            }
                            None => why,
                        };
                        return TableRead { scores: Vec::new(), abstained: Some((reason, why)) };
                    }
                },
            }
        }
    };
    let (mut out, mut unsure) = (Vec::new(), Vec::new());
    let named = overall_of_heading(table, header, &label_cols, &value_cols);
    let heading_name =
        (named.is_none() && value_cols.is_empty()).then(|| section_or_languages(table, header)).flatten();
    let free = |c: &usize| !label_cols.contains(c) && !value_cols.contains(c);
    // "### HellaSwag (F1)" over `| Model | 0-shot | 5-shot |`: each column is the heading's
    // benchmark at its number of shots.
    let by_shots: Vec<usize> = heading_name
        .iter()
        .flat_map(|_| (0..header.len()).filter(|c| free(c) && is_setting_only(&header[*c])))
        .collect();
    // "### RULER" over `| Models | 4K | 8K | … |`: each column is a part of the heading's benchmark.
    let by_part: Vec<usize> =
        heading_name.iter().flat_map(|_| (0..header.len()).filter(|c| free(c) && is_part_name(&header[*c]))).collect();
    // "[CNN/Daily Mail](…) (test set)" over `| Model | ROUGE-1 | ROUGE-2 | ROUGE-L |`: each column is
    // a metric of the caption's benchmark.
    // (Not under a heading that is the model's own name: "## German_Semantic_STS_V2" over `| Model
    // Name | Spearman |`.)
    let own_name = |n: &&String| super::model_names::label_match(n, model_id).is_some();
    let by_metric: Vec<usize> = heading_name
        .iter()
        .filter(|n| !own_name(n))
        .flat_map(|_| (0..header.len()).filter(|c| free(c) && is_metric_only(&header[*c])))
        .collect();
    // Under "### C-Eval" with one "Average" column, "STEM", "Humanities" … are its parts.
    let parts: Vec<usize> =
        named.iter().flat_map(|_| (0..header.len()).filter(|c| free(c) && is_part_name(&header[*c]))).collect();
    let label_shots = label_cols.iter().find_map(|l| shots_in(&header[*l]));
    // (benchmark as written, shots, the heading's benchmark when the name comes from it)
    // Under "[L-Eval](…)": its "GSM" is L-Eval's task, its "Average" L-Eval's score.
    let suite = super::table_titles::rehosting_suite(table).map(str::to_owned);
    let name_of = |c: usize| {
        let shots = resolve(&header[c]).shots;
        if let Some(name) = &suite {
            let part = if is_overall_column(&header[c]) { name.clone() } else { format!("{name} {}", header[c]) };
            return (part, shots, Some(name));
        }
        match (&named, &heading_name) {
            (_, Some(name)) if by_shots.contains(&c) => (name.clone(), shots, Some(name)),
            (_, Some(name)) if by_part.contains(&c) || by_metric.contains(&c) => {
                (format!("{name} {}", header[c]), shots, Some(name))
            }
            (Some((overall, name)), _) if overall.contains(&c) => {
                (name.clone(), resolve(name).shots.or(label_shots), Some(name))
            }
            // Another column of the benchmark's table is one of its parts ("China Specific").
            (Some((_, name)), _) if parts.contains(&c) || !resolve(&header[c]).is_known => {
                (format!("{name} {}", header[c]), shots.or(label_shots), Some(name))
            }
            _ => (header[c].clone(), shots, None),
        }
    };
    let value_cols =
        value_cols.iter().chain(named.iter().flat_map(|(c, _)| c)).chain(&by_shots).chain(&by_part).chain(&parts);
    let value_cols = value_cols.chain(&by_metric);
    let value_cols: BTreeSet<usize> = value_cols.copied().collect();
    let cells = chosen.iter().flat_map(|(r, s, setting)| value_cols.iter().map(move |c| (*r, *c, *s, setting)));
    for (row_index, c, row_shots, setting) in cells {
        let row = &table.rows[row_index];
        let written = set_rows.iter().find(|s| s.0 == row_index).map(|s| s.1.as_str());
        let label = written.or(candidates.iter().find(|c| c.0 == row_index).map(|c| c.1.as_str())).unwrap_or_default();
        let Some(value) = pure_number(&row[c]) else { continue };
        if known_only && !resolve(&header[c]).is_known {
            continue;
        }
        let fraction = column_is_fraction(table, c);
        // One row with numbers on both sides of 1 ("0.6474" beside "69.82"): a value at most 1 may
        // be a fraction or a percent, and one row cannot tell.
        if table.rows.len() == 1 && !fraction && value <= 1.0 {
            unsure.push(format!("{} = {}", strip_markup(&header[c]).trim(), row[c].trim()));
            continue;
        }
        let (benchmark_raw, shots, heading) = name_of(c);
        let shots = row_shots.or(shots);
        let evidence = match heading {
            Some(name) => format!("{label} | {name}: {}", header[c]),
            None => format!("{label} | {}", header[c]),
        };
        let evidence = match setting {
            Some(setting) => format!("{evidence} | {setting}"),
            None => evidence,
        };
        // A split column under the benchmark's heading ("Valid (0-shot)", "Avg. (Test)"): the split
        // is the metric.
        let split = by_shots.contains(&c).then(|| split_of(&header[c])).flatten().or_else(|| overall_split(&header[c]));
        let split = split.or_else(|| by_metric.contains(&c).then(|| strip_markup(&header[c]).trim().to_owned()));
        let score = CardScore {
            benchmark_raw,
            metric: setting.clone().or(split),
            shots,
            value: if fraction { as_percent(value, &row[c]) } else { value },
            value_raw: row[c].trim().to_owned(),
            detail,
            evidence: clip(&evidence),
            offset: table.row_offsets.get(row_index).copied().unwrap_or(table.offset),
            evaluated_by: None,
        };
        // "HumanEval (+)" over "76.2 (72.0)": HumanEval+ is the value in parentheses.
        let plus = plus_value(&header[c], &row[c]).filter(|_| !fraction);
        out.extend(plus.map(|(benchmark_raw, value)| CardScore { benchmark_raw, value, ..score.clone() }));
        out.push(score);
    }
    TableRead { abstained: super::silent_tables::one_row_units(&unsure, out.len()), scores: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::model_names::{card_intro, is_packed, label_match_in};
    use crate::parse::tables::tables;

    fn read(md: &str, model: &str) -> TableRead {
        table_scores(&tables(md)[0], model, is_tuned(model, ""), &super::super::model_names::card_intro(md))
    }

    fn named(read: &TableRead) -> Vec<(String, Option<i32>, f64)> {
        read.scores.iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.shots, s.value)).collect()
    }

    /// (benchmark, metric, value) of each score read: a setting or a level is the metric.
    fn with_metric(read: &TableRead) -> Vec<(String, Option<String>, f64)> {
        read.scores.iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.metric.clone(), s.value)).collect()
    }

    /// An expected (benchmark, metric, value).
    fn at(benchmark: &str, metric: &str, value: f64) -> (String, Option<String>, f64) {
        (benchmark.to_owned(), Some(metric.to_owned()), value)
    }

    #[test]
    fn the_one_row_naming_the_model_gives_its_shots() {
        let md = "| Model | MMLU |\n|---|---|\n| LLaMA2-7B-Chat | 46.2 |\n| **Foo-1.8B-Chat (0-shot)** | 43.3 |\n\
                  | **Foo-7B-Chat (5-shot)** | 57.0 |\n";
        assert_eq!(named(&read(md, "org/Foo-1_8B-Chat")), [("mmlu".to_owned(), Some(0), 43.3)]);
        // A label that says no shots gives none ("v0_1" and "7B" are no setting).
        let plain =
            "| Model | Size | MMLU |\n|---|---|---|\n| Foo-7B-Chat-v0_1 | 7B | 63.3 |\n| Bar-7B | 7B | 55.0 |\n";
        assert_eq!(named(&read(plain, "org/Foo-7B-Chat-v0_1"))[0].1, None);
    }

    #[test]
    fn a_lone_column_named_by_its_metric_is_the_models_own() {
        let md = "## [Evalplus](https://github.com/evalplus/evalplus)\n\n| EvalPlus | pass@1 |\n|---|---|\n\
                  | HumanEval | 86.6 |\n| HumanEval+ | 83.5 |\n";
        let got = named(&read(md, "org/Foo-Coder-7B"));
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(),
            [("humaneval", 86.6), ("humaneval_plus", 83.5)]
        );
        // Subjects of a benchmark no heading names, with only their average known: abstained.
        let subjects = "# Yaml Config\n\n## Subject-wise Accuracy\n\n| Subject | Accuracy (%) |\n|---|---|\n\
                        | Clinical Knowledge | 52.83 |\n| Anatomy | 41.48 |\n| Average | 48.85% |\n";
        let read = read(subjects, "org/Foo-7B");
        assert!(read.scores.is_empty() && read.abstained.is_some(), "{read:?}");
    }

    #[test]
    fn a_table_of_only_recent_benchmarks_under_an_unnamed_label_column() {
        // `| | #TP | #AP | Defects4J | SWE-Bench | Aider |`: no "Model" header, no benchmark of
        // 2023's; the names of the recent ones say the columns are scores.
        let md = "### 3.3 Code Fixing\n\n| | #TP | #AP | Defects4J | SWE-Bench | Aider |\n|---|---|---|---|---|---|\n\
                  | **Foo-Coder-Lite-Instruct** | 16B | 2.4B | 9.2 | 0.0 | 44.4 |\n\
                  | **Foo-Coder-Instruct** | 236B | 21B | **21.0** | **12.7** | **73.7** |\n";
        let got = named(&read(md, "org/Foo-Coder-Instruct"));
        let want = [("defects4j", 21.0), ("swe_bench", 12.7), ("aider", 73.7)];
        assert_eq!(got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want);
        // Names no alias knows, in a table with no model column: read as a "Model" column's would
        // be only where a row names the model exactly (then the rows are models).
        let unknown = md.replace("Defects4J", "Foo").replace("SWE-Bench", "Bar").replace("Aider", "Baz");
        assert!(read(&unknown, "org/Foo-Coder").scores.is_empty());
        assert_eq!(named(&read(&unknown, "org/Foo-Coder-Instruct")).len(), 3);
        let sized =
            "| | Size | Alpha | Beta |\n|---|---|---|---|\n| Foo | 7B | 3.1 | 3.5 |\n| Foo | 13B | 3.4 | 3.6 |\n";
        assert_eq!(
            named(&read(sized, "org/Foo-13B")).iter().map(|g| g.2).collect::<Vec<_>>(),
            [3.4, 3.6],
            "its Size column"
        );
    }

    #[test]
    fn a_title_that_numbers_the_release_otherwise_names_the_model() {
        let table = "| Model | AIME24 | GPQA Diamond |\n|---|---|---|\n| Magistral Small 1.1 | 70.5 | 65.8 |\n\
                     | **Magistral Small 1.2** | **86.14%** | 70.07% |\n";
        let card = format!("# Magistral Small 1.2\n\nA reasoning model.\n\n{table}");
        let got = named(&read(&card, "mistralai/Magistral-Small-2509"));
        assert_eq!(got, [("aime_2024".to_owned(), None, 86.14), ("gpqa_diamond".to_owned(), None, 70.07)]);
        // The title at another level: the card's first heading all the same.
        assert_eq!(named(&read(&format!("#{card}"), "mistralai/Magistral-Small-2509")), got);
        // Without the title, or on a packed copy's card, no row is the model's.
        assert!(read(table, "mistralai/Magistral-Small-2509").scores.is_empty());
        assert!(read(&card, "someone/Magistral-Small-2509-GGUF").scores.is_empty());
        // A title that names another model of the family: a size the id lacks, a word it has.
        let family = "# TinyLlama-1.1B-v1.1\n\n| Model | HellaSwag | PIQA |\n|---|---|---|\n\
                      | TinyLlama-1.1B-v1.1 | 61.47 | 73.56 |\n";
        assert!(read(family, "TinyLlama/TinyLlama_v1.1_chinese").scores.is_empty());
    }

    #[test]
    fn columns_that_all_say_this_model_are_its_own() {
        let two =
            "| Metric | Scores on Leaderboard | Our results |\n|---|---|---|\n| ARC (25-shot) | 63.31 | 63.57 |\n\
                   | MMLU (5-shot) | 59.67 | 59.69 |\n";
        let got = named(&read(two, "org/Foo-13B"));
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.contains(&("arc_challenge".to_owned(), Some(25), 63.31)));
        assert!(got.contains(&("mmlu".to_owned(), Some(5), 59.69)));
        let ours = "| Benchmark | Ours |\n|---|---|\n| MMLU | 61.2 |\n| GSM8K | 40.1 |\n";
        assert_eq!(
            named(&read(ours, "org/Foo-13B")),
            [("mmlu".to_owned(), None, 61.2), ("gsm8k".to_owned(), None, 40.1)]
        );
        let base = "| Metric | Base | Ours |\n|---|---|---|\n| MMLU | 55.0 | 61.2 |\n| GSM8K | 30.0 | 40.1 |\n";
        assert!(read(base, "org/Foo-13B").scores.is_empty(), "a base column beside it: not every column is ours");
        assert!(
            read(two, "org/Foo-13B-GPTQ").scores.is_empty(),
            "a quantized copy's unnamed columns are the original's"
        );
    }

    #[test]
    fn a_score_and_a_raw_score_column_are_both_the_models_each_said() {
        // LLM360/K2's Open LLM Leaderboard table: the normalized score and the raw one.
        let md = "## Open LLM Leaderboard\n| Evaluation | Score | Raw Score |\n|---|---|---|\n| IFEval | 22.52 | 23 |\n| GPQA | 3.58 | 28 |\n";
        let read = read(md, "LLM360/K2");
        assert_eq!(
            with_metric(&read),
            [
                at("ifeval", "Score", 22.52),
                at("ifeval", "Raw Score", 23.0),
                at("gpqa", "Score", 3.58),
                at("gpqa", "Raw Score", 28.0)
            ]
        );
        assert_eq!(read.scores[1].evidence, "IFEval | Raw Score", "the header said once");
    }

    #[test]
    fn a_row_linking_to_the_models_own_hub_page_is_its_row() {
        let md = "| Model | Size | GSM8k |\n|---|---|---|\n| [ToRA-13B](https://huggingface.co/llm-agents/tora-13b-v1.0) | 13B | 72.7 |\n\
                  | [ToRA-Code-13B](https://huggingface.co/llm-agents/tora-code-13b-v1.0) | 13B | 75.8 |\n";
        assert_eq!(named(&read(md, "llm-agents/tora-code-13b-v1.0")), [("gsm8k".to_owned(), None, 75.8)]);
        assert!(read(md, "llm-agents/tora-code-13b-v2.0").scores.is_empty(), "a link to another version's page");
        // The link names the tune: a linked name need not carry its tuning word.
        let iters = "| Model | AlpacaEval 2.0 |\n|---|---|\n\
                     | [Llama-3-8B-SPPO Iter2](https://huggingface.co/UCLA-AGI/Llama-3-Instruct-8B-SPPO-Iter2) | 35.15 |\n\
                     | [Llama-3-8B-SPPO Iter3](https://huggingface.co/UCLA-AGI/Llama-3-Instruct-8B-SPPO-Iter3) | 38.77 |\n";
        let iter3 = read(&format!("### AlpacaEval\n\n{iters}"), "UCLA-AGI/Llama-3-Instruct-8B-SPPO-Iter3");
        assert_eq!(iter3.scores.iter().map(|s| s.value).collect::<Vec<_>>(), [38.77]);
        let unlinked = iters.replace("](https://huggingface.co/UCLA-AGI/Llama-3-Instruct-8B-SPPO-Iter3)", "");
        assert!(read(&format!("### AlpacaEval\n\n{unlinked}"), "UCLA-AGI/Llama-3-Instruct-8B-SPPO-Iter3")
            .scores
            .is_empty());
        let files = "| Name | Size |\n|---|---|\n| [a.Q2_K.gguf](https://huggingface.co/o/A-GGUF/blob/main/a.Q2_K.gguf) | 2.8 |\n";
        assert!(tables(files)[0].row_links[0].is_none(), "a link to one of the repo's files");
        // A copy's card: the row linked to the original it says it copies is the original's.
        let table = "| Model Name | Average (56) |\n|---|---|\n| [**gte-small**](https://huggingface.co/thenlper/gte-small) | 61.36 |\n";
        let fork = format!("_Fork of https://huggingface.co/thenlper/gte-small with ONNX weights._\n\n{table}");
        let copy = read(&fork, "Supabase/gte-small");
        assert!(copy.scores.is_empty());
        assert!(copy
            .abstained
            .unwrap()
            .1
            .contains("linked to thenlper/gte-small is that repository's, which this card copies"));
        // Linked to another owner's page without being called a copy (the author's other account).
        let alias = format!("# gte-small\n\n{table}");
        assert_eq!(read(&alias, "Supabase/gte-small").scores.len(), 1);
    }

    #[test]
    fn shot_columns_under_a_benchmark_heading() {
        let md = "### HellaSwag (F1)\n\n| Model | params | 0-shot | 5-shot |\n|---|---|---|---|\n\
                  | [org/other-1b](x) | 1B | 0.51 | 0.52 |\n| [org/foo-ko-5.8b](x) (this) | 5.8B | 0.5976 | 0.5998 |\n";
        let got = named(&read(md, "org/foo-ko-5.8b"));
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.1)).collect::<Vec<_>>(),
            [("hellaswag", Some(0)), ("hellaswag", Some(5))]
        );
        assert!((got[0].2 - 59.76).abs() < 1e-9 && (got[1].2 - 59.98).abs() < 1e-9);
        // A heading that names no benchmark: the shot columns say nothing of what was measured.
        assert!(read(&md.replace("HellaSwag (F1)", "Results"), "org/foo-ko-5.8b").scores.is_empty());
        // A one-word name densing does not know, with its metric: the metric is no part of it.
        let copa = named(&read(&md.replace("HellaSwag (F1)", "COPA (F1)"), "org/foo-ko-5.8b"));
        assert_eq!(
            copa.iter().map(|g| (g.0.as_str(), g.1)).collect::<Vec<_>>(),
            [("copa", Some(0)), ("copa", Some(5))]
        );
        // … but a parenthesis that is not a metric leaves a heading of two names.
        assert!(read(&md.replace("HellaSwag (F1)", "COPA (Korean)"), "org/foo-ko-5.8b").scores.is_empty());
    }

    #[test]
    fn question_types_name_no_benchmark_in_any_language() {
        let md = "| 问题类型 | 数量 | Foo-7B | Bar-6B |\n|---|---|---|---|\n| generic | 10 | 8.80 | 6.35 |\n\
                  | fermi | 10 | 5.50 | 6.20 |\n| counterfactual | 10 | 7.90 | 6.70 |\n";
        let got = read(md, "org/Foo-7B");
        assert!(got.scores.is_empty() && got.abstained.is_some_and(|(r, _)| r == Unused::UnnamedBenchmark));
        let known =
            "| | LogiQA-v2 | C3-d |\n|---|---|---|\n| Bar-6B | 26.41 | 29.52 |\n| Foo-7B | **32.74** | **56.08** |\n";
        assert_eq!(
            named(&read(known, "org/Foo-7B")),
            vec![("logiqa_v2".to_owned(), None, 32.74), ("c3_d".to_owned(), None, 56.08)]
        );
    }

    #[test]
    fn metric_columns_under_a_linked_caption_are_its_benchmarks_metrics() {
        let md = "[CNN/Daily Mail](https://github.com/x/cnn-dailymail) (test set, no additional data used)\n\n\
                  | Model | ROUGE-1 | ROUGE-2 | ROUGE-L |\n|---|---|---|---|\n| Foo-10B | 44.7 | 21.4 | 41.4 |\n\
                  | T5-11B | 43.5 | 21.6 | 40.7 |\n";
        let got = with_metric(&read(md, "org/Foo-10B"));
        assert_eq!(
            got,
            vec![
                at("cnn_daily_mail_rouge_1", "ROUGE-1", 44.7),
                at("cnn_daily_mail_rouge_2", "ROUGE-2", 21.4),
                at("cnn_daily_mail_rouge_l", "ROUGE-L", 41.4)
            ]
        );
        // Not under a heading that is the model's own name.
        let own = "## Foo-STS-V2\n\n| Model Name | Spearman |\n|---|---|\n| Foo-STS-V2 | 86.3 |\n| Bar | 80.1 |\n";
        assert!(read(own, "org/Foo-STS-V2").scores.is_empty());
    }

    #[test]
    fn language_columns_are_parts_of_the_benchmark_a_heading_names_after_a_dash() {
        let table = "| Model | en | id | th | avg |\n|---|---|---|---|---|\n\
                     | Other-7B | 0.7 | 0.5 | 0.4 | 0.5 |\n| **Foo-7B-Chat** | 0.809 | 0.558 | 0.569 | 0.692 |\n";
        let got = named(&read(&format!("#### Multilingual World Knowledge - M3Exam\n\n{table}"), "org/Foo-7B-Chat"));
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["m3exam_en", "m3exam_id", "m3exam_th", "m3exam"]);
        // The label column's header names it: `| MGSM | en | id | th | avg |`.
        let mgsm = table.replacen("| Model |", "| MGSM |", 1);
        let got = named(&read(&format!("#### Multilingual Math\n\n{mgsm}"), "org/Foo-7B-Chat"));
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["mgsm_en", "mgsm_id", "mgsm_th", "mgsm"]);
        // Under a plain word, a kind of task, no column is a benchmark: not "id", not "th".
        let got = named(&read(&format!("#### Translation\n\n{table}"), "org/Foo-7B-Chat"));
        assert!(got.iter().all(|g| g.0 == "card_average"), "{got:?}");
    }

    #[test]
    fn categories_under_a_benchmark_heading_are_its_parts() {
        let md = "### C-Eval\n\n| Model 5-shot | STEM | Math | Average |\n|---|---|---|---|\n\
                  | Other-13B | 40.1 | 30.0 | 45.0 |\n| Foo-13B-Chat | 43.7 | 31.2 | 51.5 |\n";
        let got = named(&read(md, "org/Foo-13B-Chat"));
        let want = [("ceval_stem", 43.7), ("ceval_math", 31.2), ("ceval", 51.5)];
        assert_eq!(got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want, "MATH is not a part's name");
        assert!(got.iter().all(|g| g.1 == Some(5)));
        // No overall column: a category is still no benchmark of its own, only the heading's part.
        let parts = named(&read(&md.replace("| Average |", "| Notes |"), "org/Foo-13B-Chat"));
        let want = [("ceval_stem", 43.7), ("ceval_math", 31.2)];
        assert_eq!(parts.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want);
        // Context lengths under a heading that names the benchmark before a dash.
        let md = "### RULER Benchmark - Effective context length\n\n| Models | Claimed Length | 4K | 128K |\n\
                  |---|---|---|---|\n| Jamba 1.5 Mini (12B/52B) | 256K | 95.7 | 89.8 |\n| Other 7B | 32K | 90.1 | 50.0 |\n";
        let got = named(&read(md, "ai21labs/AI21-Jamba-1.5-Mini"));
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(),
            [("ruler_4k", 95.7), ("ruler_128k", 89.8)]
        );
        assert!(named(&read(&md.replace("RULER Benchmark", "Long context"), "ai21labs/AI21-Jamba-1.5-Mini")).is_empty());
        // The one value column a measure of the heading's benchmark, in words of its own.
        let bfcl = "### Berkeley Function-Calling Leaderboard\n\n| Model Name | Function Calling Accuracy (Name & Arguments) |\n\
                    |---|---|\n| org/Foo-7B | 88.8% |\n| Other-7B | 80.1% |\n";
        assert_eq!(named(&read(bfcl, "org/Foo-7B")), [("bfcl".to_owned(), None, 88.8)]);
        let model_heading = bfcl.replace("Berkeley Function-Calling Leaderboard", "[Foo-7B](https://x)");
        assert!(named(&read(&model_heading, "org/Foo-7B")).iter().all(|g| g.0 != "foo_7b"), "a model's heading");
        let language = bfcl.replace("Function Calling Accuracy", "Chinese Accuracy");
        assert!(named(&read(&language, "org/Foo-7B")).iter().all(|g| g.0 != "bfcl"), "a language's part of it");
    }

    #[test]
    fn a_heading_naming_a_benchmark_then_saying_these_are_its_results() {
        // "MMLU 各类别指标" (by category), "C-Eval各项分数", "MT-Bench detailed score for …":
        // the benchmark leads and the rest only says what of it the table gives.
        let md = "### MMLU 各类别指标\n\n| 模型 | 类型 | Average | STEM | Humanities |\n|---|---|---|---|---|\n\
                  | Other-7B | 底座 | 42.3 | 35.6 | 38.4 |\n| **Foo-7B** | 底座 | 56.6 | 45.6 | 50.4 |\n";
        let want = [("mmlu", 56.6), ("mmlu_stem", 45.6), ("mmlu_humanities", 50.4)];
        assert_eq!(named(&read(md, "org/Foo-7B")).iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want);
        let md = "### C-Eval各项分数\n| | 平均 | 平均（Hard） | STEM |\n|---|---|---|---|\n\
                  | Other-13B | 53.6 | 36.7 | 47.0 |\n| Foo-16B-Base | 63.8 | 43.5 | 57.8 |\n";
        let want = [("ceval", 63.8), ("ceval_平均_hard", 43.5), ("ceval_stem", 57.8)];
        assert_eq!(named(&read(md, "org/Foo-16B-Base")).iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want);
        let md =
            "## MT-Bench detailed score for first and second turn\n\n| Model | First turn | Second turn | Average |\n\
                  |---|---|---|---|\n| **Foo-3B** | 6.99 | 6.13 | 6.56 |\n";
        let got = named(&read(md, "org/Foo-3B"));
        assert_eq!(
            got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
            ["mt_bench_first_turn", "mt_bench_second_turn", "mt_bench"]
        );
        // Another benchmark after the first is no word about it: the average stays the card's.
        let got = named(&read(&md.replace("detailed score for first and second turn", "and AlpacaEval"), "org/Foo-3B"));
        assert!(got.iter().all(|g| !g.0.starts_with("mt_bench")), "{got:?}");
    }

    #[test]
    fn a_heading_saying_the_table_is_an_evaluation_of_a_benchmark() {
        // "… evaluation of AlignBench": its "Avg." is AlignBench's, its abbreviated categories its parts.
        let md = "### 3.2.2. Chat model subjective evaluation of AlignBench\n\n\
                  | Model | Math. | Logi. | **Avg.** |\n|---|---|---|---|\n\
                  | Other-13B-Chat | 3.2 | 3.9 | 5.1 |\n| **Foo-14B-Chat** | 4.00 | 4.24 | **5.51** |\n";
        let got = named(&read(md, "org/Foo-14B-Chat"));
        let want = [("alignbench_math", 4.0), ("alignbench_logi", 4.24), ("alignbench", 5.51)];
        assert_eq!(got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want);
        // Evaluation words with no benchmark after them ("of OpenCompass testsets") name none: the
        // columns stay unread and the average the card's own.
        let got = named(&read(&md.replace("AlignBench", "our testsets"), "org/Foo-14B-Chat"));
        assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["card_average"]);
        // A name after "of" that is no evaluation's ("Comparison of MMLU and …") is not taken either.
        let got = named(&read(
            &md.replace("subjective evaluation of AlignBench", "a table of AlignBench"),
            "org/Foo-14B-Chat",
        ));
        assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["card_average"]);
    }

    #[test]
    fn rows_naming_no_benchmark_are_the_titles_parts_or_unread() {
        // A caption that names the benchmark: the rows are its parts.
        let md = "**BLINK**: a benchmark with 14 visual tasks.\n\n| Benchmark | Foo-Vision | Other |\n|---|---|---|\n\
                  | Art Style | 87.2 | 62.4 |\n| Counting | 54.2 | 50.0 |\n";
        let got: Vec<String> = named(&read(md, "org/Foo-Vision")).into_iter().map(|g| g.0).collect();
        assert_eq!(got, ["blink_art_style", "blink_counting"]);
        // Only a sentence says which benchmark: each row may be another model or a setting.
        let md = "We also use the MMLU benchmark to measure performance.\n\n| Dataset | 7B | 65B |\n|---|---|---|\n\
                  | LLaMA no tuning | 35.1 | 63.4 |\n| Alpaca | 38.8 | 62.5 |\n";
        let unread = read(md, "org/foo-65b");
        assert!(unread.scores.is_empty() && unread.abstained.is_some(), "{unread:?}");
        // Bias dimensions are categories: with no benchmark named, the rows are not read.
        let md = "| | Other-65B | Foo-65B |\n|---|---|---|\n| Gender | 70.6 | 47.5 |\n| Religion | 79.0 | 38.7 |\n\
                  | Sexual orientation | 81.0 | 59.1 |\n| Average | 66.6 | 43.5 |\n";
        assert!(named(&read(md, "org/Foo-65B")).iter().all(|g| g.0 == "card_average"));
    }

    #[test]
    fn a_model_name_corner_over_a_column_naming_the_model_makes_models_the_columns() {
        let md = "| Model Name | org/Bar-13B | org/foo_stx |\n|---|---|---|\n| jsquad-1.1-0.3 | 0.692 | 0.836 |\n\
                  | jnli-1.1-0.3 | 0.504 | 0.48 |\n";
        let got: Vec<(String, f64)> =
            read(md, "org/foo_stx").scores.into_iter().map(|s| (s.benchmark_raw, s.value)).collect();
        assert_eq!(got, [("jsquad-1.1-0.3".to_owned(), 83.6), ("jnli-1.1-0.3".to_owned(), 48.0)]);
        // A "Model" column of rows stays one: no header after it names the model.
        let rows =
            "| Model Name | jsquad | jnli |\n|---|---|---|\n| Bar-13B | 69.2 | 50.4 |\n| foo_stx | 83.6 | 48.0 |\n";
        assert_eq!(read(rows, "org/foo_stx").scores.len(), 2);
    }

    #[test]
    fn a_metric_row_under_the_names_and_one_unlabelled_row_of_values() {
        // GPT-2's cards: `| (metric) | (PPL) | (ACC) |` under the names, then one row with no label.
        let md = "#### Results\n\nThe model achieves the following results without any fine-tuning (zero-shot):\n\n\
                  | Dataset | LAMBADA | LAMBADA | CBT-CN | text8 |\n|---|---|---|---|---|\n\
                  | (metric) | (PPL) | (ACC) | (ACC) | (BPC) |\n| | 15.60 | 55.48 | 92.35 | 1.06 |\n";
        let got = named(&read(md, "openai-community/gpt2-medium"));
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(),
            [("lambada", 55.48), ("cbt_cn", 92.35)]
        );
        // One row with numbers on both sides of 1: the unit of those at most 1 is unknown, and the
        // row is left whole (its "F1" beside them names no benchmark either).
        let mixed = "# Evaluation\n\nWe evaluated the model.\n\n| hellaswag_it acc_norm | F1 |\n|---|---|\n| 0.6474 | 69.82 |\n";
        assert!(named(&read(mixed, "org/Foo-7B")).is_empty());
        // The model's own row so: said in a reject, not left in silence.
        let own = "| Model | hellaswag_it acc_norm | F1 |\n|---|---|---|\n| Foo-7B | 0.6474 | 69.82 |\n";
        let why = read(own, "org/Foo-7B").abstained.expect("a reason");
        assert!(
            matches!(why.0, Unused::AmbiguousUnit) && why.1.starts_with("hellaswag_it acc_norm = 0.6474"),
            "{why:?}"
        );
        let percents = "# Evaluation\n\nWe evaluated the model.\n\n| hellaswag_it acc_norm | MMLU |\n|---|---|\n| 64.74 | 69.82 |\n";
        assert_eq!(named(&read(percents, "org/Foo-7B")).len(), 2);
    }

    #[test]
    fn one_rows_fractions_are_read_together() {
        let md = "### Results\n\n|Average|hellaswag|MMLU (acc)|\n|---|---|---|\n| 0.57221 | 0.81617 | 0.5012 |\n";
        let got = named(&read(md, "org/Foo-7B"));
        assert_eq!(got.iter().map(|g| g.2).collect::<Vec<_>>(), [57.221, 81.617, 50.12]);
        // Under an upper "Model Overview" heading, a results section is still the card's own.
        let md = md.replace("### Results", "# Model Overview\n\n## Evaluation Results");
        assert_eq!(named(&read(&md, "org/Foo-7B")).len(), 3);
        // A column of one value, among columns of fractions: a fraction too.
        let lone =
            "| Model | VQA v2 | MathVista |\n|---|---|---|\n| Foo-7B | 0.836 | 0.4725 |\n| GPT-4V | 0.844 | - |\n";
        assert_eq!(named(&read(lone, "org/Foo-7B")).iter().map(|g| g.2).collect::<Vec<_>>(), [83.6, 47.25]);
        let percents = lone.replace("0.844", "84.4");
        let values: Vec<f64> = named(&read(&percents, "org/Foo-7B")).iter().map(|g| g.2).collect();
        assert_eq!(values, [0.836, 0.4725], "beside percents: as printed (the unit check rejects both)");
    }

    #[test]
    fn a_one_word_heading_densing_does_not_know_names_its_tables_benchmark() {
        // "Math-QA" under "### AGI-Eval-Gaokao" is a part of it, not MathQA; "Avg." its score.
        let md = "### AGI-Eval-Gaokao\n\n| Model | Avg. | Chinese | Math-QA |\n|---|---|---|---|\n\
                  | Other-13B | 30.1 | 40.0 | 20.0 |\n| Foo-Chat-2-13B | 39.5 | 37.0 | 23.1 |\n";
        let got = named(&read(md, "org/Foo-Chat-2-13b"));
        let want = [("agieval_gaokao", 39.5), ("agieval_gaokao_chinese", 37.0), ("agieval_gaokao_math_qa", 23.1)];
        assert_eq!(got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want);
        // A section's own word is no benchmark to name the parts by.
        for heading in ["Update!", "Comparison", "Results"] {
            let got = named(&read(&md.replace("AGI-Eval-Gaokao", heading), "org/Foo-Chat-2-13b"));
            assert!(got.iter().all(|g| !g.0.contains("update") && !g.0.contains("comparison")), "{heading}: {got:?}");
        }
    }

    #[test]
    fn one_overall_column_per_split_under_a_benchmark_heading() {
        let md = "#### C-Eval\n\n| Model | Avg. (Val) | Avg. (Test) |\n|---|---|---|\n\
                  | Other-7B | 50.1 | 49.0 |\n| Foo-1.8B | 56.1 | 56.2 |\n";
        let got = read(md, "org/Foo-1_8B").scores;
        let seen: Vec<(&str, Option<&str>, f64)> =
            got.iter().map(|s| (s.benchmark_raw.as_str(), s.metric.as_deref(), s.value)).collect();
        assert_eq!(seen, [("C-Eval", Some("val"), 56.1), ("C-Eval", Some("test"), 56.2)]);
        // Two averages of one split say nothing of which is which.
        assert!(read(&md.replace("Avg. (Test)", "Avg. (Val)"), "org/Foo-1_8B")
            .scores
            .iter()
            .all(|s| s.metric.is_none()));
    }

    #[test]
    fn a_total_score_column_in_chinese_is_the_titled_benchmark_s_own() {
        let md = "#### AlignBench\n\n| 模型 | 总分 | 中文推理 |\n|---|---|---|\n| Foo-7B | 7.91 | 7.45 |\n";
        let got = named(&read(md, "org/Foo-7B"));
        let ids: Vec<(&str, f64)> = got.iter().map(|g| (g.0.as_str(), g.2)).collect();
        assert_eq!(ids, [("alignbench", 7.91), ("alignbench_中文推理", 7.45)], "{got:?}");
    }

    #[test]
    fn a_model_s_columns_by_shots_are_its_scores_at_each() {
        let md = "| Benchmark | Foo-7B-Chat (original) (0-shot) | Foo-7B-Chat (0-shot) | Foo-7B-Chat (5-shot) |\n\
                  |---|---|---|---|\n| MMLU | 50.0 | 55.1 | 57.0 |\n| C-Eval | 40.0 | 59.7 | 59.3 |\n";
        let got = named(&read(md, "org/Foo-7B-Chat"));
        assert_eq!(
            got,
            [
                ("mmlu".to_owned(), Some(0), 55.1),
                ("mmlu".to_owned(), Some(5), 57.0),
                ("ceval".to_owned(), Some(0), 59.7),
                ("ceval".to_owned(), Some(5), 59.3)
            ]
        );
        // Two columns at the same shots, or one saying none, cannot be told apart.
        assert!(read(&md.replace("(0-shot)", "(5-shot)"), "org/Foo-7B-Chat").scores.is_empty());
        assert!(read(&md.replace(" (0-shot)", ""), "org/Foo-7B-Chat").scores.is_empty());
    }

    #[test]
    fn quantized_checkpoint_rows_are_not_the_model() {
        let md = "| Benchmark | Quant | Foo-7B-Instruct |\n|---|---|---|\n| AIME 2024 | B16<br>FP8<br>Int4GPTQ | 81.1<br>80.9<br>81.0 |\n";
        let got = named(&read(md, "org/Foo-7B-Instruct"));
        assert_eq!(got.iter().map(|g| g.2).collect::<Vec<_>>(), [81.1], "{got:?}");
    }

    #[test]
    fn a_superseded_evaluation_is_not_the_models_score() {
        let md = "## Summary of previous evaluation\n\n| Model | AGIEval | GPT4All |\n|---|---|---|\n| foo-7b | 41.3 | 73.6 |\n";
        assert!(read(md, "org/foo-7b").scores.is_empty());
        assert_eq!(read(&md.replace("previous evaluation", "evaluation"), "org/foo-7b").scores.len(), 2);
        let md = md.replace("Summary of previous evaluation", "Results compared with previous models");
        assert_eq!(read(&md, "org/foo-7b").scores.len(), 2);
        // The old leaderboard's results are still the model's.
        let md = md.replace("Results compared with previous models", "Old Open LLM Leaderboard Evaluation Results");
        assert_eq!(read(&md, "org/foo-7b").scores.len(), 2);
        // An outdated leaderboard is the leaderboard's version, not superseded numbers of the model.
        let md = md.replace(
            "Old Open LLM Leaderboard Evaluation Results",
            "Open LLM Leaderboard Evaluation Results (outdated)",
        );
        assert_eq!(read(&md, "org/foo-7b").scores.len(), 2);
        assert!(read(&md.replace("Open LLM Leaderboard ", ""), "org/foo-7b").scores.is_empty(), "outdated results");
    }

    #[test]
    fn a_category_table_after_a_sentence_naming_the_model_alone() {
        let md = "## Detailed results\n\nWe provide detailed results of the Foo-13B-Base model on C-EVAL and MMLU.\n\n\
                  | Benchmark | STEM | Humanities | Hard | Average |\n|---|---|---|---|---|\n\
                  | C-EVAL | 51.2 | 67.8 | 39.4 | 60.6 |\n| MMLU | 51.6 | 58.0 | - | 62.1 |\n";
        let got = named(&read(md, "org/Foo-13B-Base"));
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names,
            ["ceval_stem", "ceval_humanities", "ceval_hard", "ceval", "mmlu_stem", "mmlu_humanities", "mmlu"]
        );
        // Another sized model in the sentence, or none named: whose the numbers are is not said.
        assert!(named(&read(&md.replace("on C-EVAL", "and Bar-7B on C-EVAL"), "org/Foo-13B-Base")).is_empty());
        assert!(named(&read(&md.replace("the Foo-13B-Base model", "our models"), "org/Foo-13B-Base")).is_empty());
        // A column that is a benchmark of its own makes it a table of something else.
        assert!(named(&read(&md.replace("| Hard |", "| GSM8K |"), "org/Foo-13B-Base")).is_empty());
    }

    #[test]
    fn a_language_score_table_under_a_generic_heading_naming_its_benchmark() {
        let md = "### Multilingual Benchmarks (MMLU)\n\n| Language | Score |\n|---|---|\n| French | 62.3% |\n| German | 62.7% |\n";
        let got = named(&read(md, "org/Foo-12B-Instruct"));
        assert_eq!(got, [("mmlu_french".into(), None, 62.3), ("mmlu_german".into(), None, 62.7)]);
        // No known benchmark in the parenthesis, or no parenthesis: no parts.
        assert!(named(&read(&md.replace("(MMLU)", "(2024)"), "org/Foo-12B-Instruct")).is_empty());
        assert!(named(&read(&md.replace(" (MMLU)", ""), "org/Foo-12B-Instruct")).is_empty());
    }

    #[test]
    fn a_size_in_parentheses_after_a_sizeless_name_is_a_note() {
        let md =
            "| Benchmark | DeepSeek 7B (Dense) | DeepSeekMoE 16B | DeepSeek-V2-Lite (MoE-16B) |\n|---|---|---|---|\n\
                  | MMLU | 48.2 | 45.0 | 58.3 |\n| BBH | 39.5 | 38.9 | 44.1 |\n";
        let got = named(&read(md, "deepseek-ai/DeepSeek-V2-Lite"));
        assert_eq!(got.iter().map(|g| g.2).collect::<Vec<_>>(), [58.3, 44.1]);
        // Two such labels: which is the model's is not said.
        let two = md.replace("DeepSeek 7B (Dense)", "DeepSeek-V2-Lite (MoE-7B)");
        assert!(named(&read(&two, "deepseek-ai/DeepSeek-V2-Lite")).is_empty());
        // A name with its own size: the parenthesis' other size is another model.
        assert!(named(&read(md, "org/DeepSeek-V2-Lite-2B")).is_empty());
    }

    #[test]
    fn a_score_column_beside_a_description_column() {
        let md = "| 评测集 | 简介 | 评测结果 (%) |\n|---|---|---|\n| ARC-c | 科学问答 | 72.88 |\n| MMLU | 多任务 | 48.45 |\n";
        let got = named(&read(md, "BAAI/Aquila2-34B-Chat"));
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(),
            [("arc_challenge", 72.88), ("mmlu", 48.45)]
        );
        // Two numeric columns: whose is which is not said.
        let two = "| 评测集 | 简介 | 评测结果 (%) |\n|---|---|---|\n| ARC-c | 1 | 72.88 |\n| MMLU | 2 | 48.45 |\n";
        assert!(named(&read(two, "BAAI/Aquila2-34B-Chat")).is_empty());
    }

    #[test]
    fn a_language_column_beside_the_benchmark_names_its_part() {
        let md = "| Benchmark | Language | Foo 8B | Foo 70B |\n|---|---|---|---|\n| MMLU (5-shot) | English | 66.1 | 80.2 |\n\
                  | MMLU (5-shot) | Portuguese | 62.1 | 80.1 |\n| MMLU (5-shot) | Thai | 50.9 | 72.6 |\n";
        let got = named(&read(md, "org/Foo-70B"));
        assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["mmlu", "mmlu_portuguese", "mmlu_thai"]);
        assert_eq!(got.iter().map(|g| g.2).collect::<Vec<_>>(), [80.2, 80.1, 72.6]);
    }

    #[test]
    fn a_breakdown_with_benchmarks_as_columns_is_the_named_models() {
        let md = "We provide detailed results of the Foo-13B-Base model on C-EVAL, CMMLU, and MMLU.\n\n\
                  | | **C-EVAL** | **CMMLU** | **MMLU** |\n|---|---|---|---|\n| **STEM** | 51.2 | 49.5 | 51.6 |\n\
                  | **Humanities** | 67.8 | 69.3 | 58.0 |\n| **Hard** | 39.4 | - | - |\n| **Average** | 60.6 | 61.8 | 62.1 |\n";
        let got = named(&read(md, "org/Foo-13B-Base"));
        assert!(got.contains(&("ceval_stem".to_owned(), None, 51.2)), "{got:?}");
        assert!(got.contains(&("ceval_hard".to_owned(), None, 39.4)), "{got:?}");
        assert!(got.contains(&("mmlu".to_owned(), None, 62.1)), "{got:?}");
        assert_eq!(got.len(), 10);
        // Another model's breakdown is not this one's.
        assert!(read(md, "org/Bar-13B-Base").scores.is_empty());
    }

    #[test]
    fn columns_of_a_titled_benchmark_with_its_overall_over_model_rows() {
        let md = "**BLINK**: a benchmark with 14 visual tasks that humans can solve very quickly.\n\n\
                  | | Art Style | Jigsaw | **Overall** |\n|---|---|---|---|\n| Foo-vision-instruct | 87.2 | 68.0 | **57.0** |\n\
                  | Bar-4B | 55.6 | 55.3 | **45.9** |\n";
        let got = named(&read(md, "org/Foo-vision-instruct"));
        let want = [("blink_art_style", 87.2), ("blink_jigsaw", 68.0), ("blink", 57.0)];
        assert_eq!(got, want.map(|(b, v)| (b.to_owned(), None, v)));
        // Without the title, the columns are no one benchmark's parts.
        let untitled = md.replace("**BLINK**: a benchmark", "We tested on a set");
        assert!(!named(&read(&untitled, "org/Foo-vision-instruct")).iter().any(|g| g.0.starts_with("blink")));
    }

    #[test]
    fn columns_of_a_sections_benchmark_over_unlabelled_model_rows() {
        // No "Model" header and no benchmark in it: the lead-in names the benchmark whose
        // languages the columns are.
        let md = "We achieve the following MT-Bench scores across 3 languages:\n\n| | **German** 🇩🇪 | **French** 🇫🇷 | \
                  **English** 🇺🇸 |\n|---|---|---|---|\n| **org/Bar-8B-Instruct** | NaN | NaN | 7.98 |\n\
                  | **org/Foo-8B-multilingual** | 7.26 | 7.66 | 7.73 |\n";
        let got = named(&read(md, "org/Foo-8B-multilingual"));
        let want = [("mt_bench_german", 7.26), ("mt_bench_french", 7.66), ("mt_bench", 7.73)];
        assert_eq!(got, want.map(|(b, v)| (b.to_owned(), None, v)));
        // Or its metrics, under a lead-in that names it.
        let md = "The Pass@1 of our models on [HumanEval](https://github.com/openai/human-eval) is shown below\n\n\
                  | | Pass@1 |\n|---|---|\n| Bar-7B | 12.2 |\n| **Foo-7B** | 37.2 |\n";
        assert_eq!(named(&read(md, "org/Foo-7B")), [("humaneval".to_owned(), None, 37.2)]);
        // Columns of something else are no benchmark's parts.
        assert!(read(&md.replace("Pass@1", "Latency"), "org/Foo-7B").scores.is_empty());
    }

    #[test]
    fn a_language_breakdown_under_a_benchmark_heading() {
        let md = "#### MGSM\n\n| Languages | Foo-Mini-Instruct | Bar-7B |\n|---|---|---|\n\
                  | German | 69.6 | 50.1 |\n| Thai | 29.6 | 20.0 |\n| Average | 49.6 | 35.0 |\n";
        let got = named(&read(md, "org/Foo-Mini-Instruct"));
        assert_eq!(
            got,
            [("mgsm_german".into(), None, 69.6), ("mgsm_thai".into(), None, 29.6), ("mgsm".into(), None, 49.6)]
        );
        // Under a heading that is not one benchmark's name, languages are not benchmarks.
        // A generic last heading leaves the name to its parent, read without its parentheses.
        let parent = md.replace(
            "#### MGSM",
            "### CLIcK (Cultural and Linguistic Intelligence in Korean)\n\n#### Accuracy by language",
        );
        assert_eq!(named(&read(&parent, "org/Foo-Mini-Instruct"))[0].0, "click_german");
        // Two label columns: which one names the part cannot be told.
        let two =
            "#### MGSM\n\n| Category | Languages | Foo-Mini-Instruct |\n|---|---|---|\n| Europe | German | 69.6 |\n";
        assert!(named(&read(two, "org/Foo-Mini-Instruct")).iter().all(|g| !g.0.starts_with("mgsm")));
        let only_average = |md: &str| named(&read(md, "org/Foo-Mini-Instruct")).iter().all(|g| g.0 == "card_average");
        assert!(only_average(&md.replace("MGSM", "Multilingual results")));
        // Whatever the label column is called: languages and an average under the benchmark's
        // heading are its, as such columns are in a table of models as rows.
        assert_eq!(named(&read(&md.replace("Languages", "Task"), "org/Foo-Mini-Instruct")), got);
    }

    #[test]
    fn rows_at_several_settings_are_each_read() {
        let md = "#### C-Eval\n\n| Model | Avg. Acc. |\n|:--:|:--:|\n| LLaMA2-7B-Chat | 31.9 |\n\
                  | Qwen-7B-Chat (original) (0-shot) | 54.2 |\n| **Qwen-7B-Chat (0-shot)** | 59.7 |\n\
                  | Qwen-7B-Chat (original) (5-shot) | 56.7 |\n| **Qwen-7B-Chat (5-shot)** | 59.3 |\n";
        assert_eq!(
            named(&read(md, "Qwen/Qwen-7B-Chat")),
            [("ceval".into(), Some(0), 59.7), ("ceval".into(), Some(5), 59.3)]
        );
    }

    #[test]
    fn a_group_title_row_is_no_models_row_and_names_the_rows_it_groups() {
        // "| **Ours** |" with blank cells took the row above's "8B" and passed for the model's row,
        // leaving the table unread with no reason given.
        let md = "| Model | Size | MT-Bench |\n|---|---|---|\n| LLaMA-3-8B-it | 8B | 8.16 |\n| **Ours** | | |\n\
                  | Ours (SFT baseline) | 8B | 7.69 |\n| Ours (Online RLHF) | 8B | 8.46 |\n";
        let sfr = read(md, "Salesforce/LLaMA-3-8B-SFR-Iterative-DPO-R");
        assert!(sfr.scores.is_empty());
        assert!(sfr.abstained.is_some_and(|a| a.0 == Unused::NoOwnColumn), "a reason is given");
        // The group's title completes a row's name: ALBERT-base under "V2" is albert-base-v2.
        let md = "| | Average | RACE |\n|---|---|---|\n|V2 |\n|ALBERT-base |82.3 |66.8 |\n|V1 |\n|ALBERT-base |80.1 |64.0 |\n";
        assert_eq!(named(&read(md, "albert/albert-base-v2")).iter().map(|g| g.2).collect::<Vec<_>>(), [82.3, 66.8]);
        assert_eq!(named(&read(md, "albert/albert-base-v1")).iter().map(|g| g.2).collect::<Vec<_>>(), [80.1, 64.0]);
        assert!(read(md, "albert/albert-large-v2").scores.is_empty(), "another size under the title");
    }

    #[test]
    fn one_unnamed_row_under_a_leaderboard_heading() {
        let md =
            "### open-ko-llm-leaderboard\n\n| Average | Ko-ARC | Ko-MMLU |\n|---|---|---|\n| 56.93 | 53.67 | 53.36 |\n";
        let got = named(&read(md, "org/Foo-10.7b-DPO"));
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(),
            [("card_average", 56.93), ("ko_arc", 53.67), ("ko_mmlu", 53.36)]
        );
        // Not under a heading about other models, nor on a quantized copy's card.
        assert!(read(&md.replace("### open", "### Base model open"), "org/Foo-10.7b-DPO").scores.is_empty());
        assert!(read(md, "org/Foo-10.7b-DPO-GGUF").scores.is_empty());
    }

    #[test]
    fn a_caption_names_the_benchmark_of_its_length_columns() {
        let md =
            "## Long Context\n\nRULER: a retrieval-based benchmark\n| Model | 4K | 128K | Average |\n|--|--|--|--|\n\
                  | Foo-MoE-instruct | 94.8 | 64.2 | 87.1 |\n| Bar-8B | 95.5 | 77.0 | 88.3 |\n";
        let got = named(&read(md, "org/Foo-MoE-instruct"));
        let want = [("ruler_4k", 94.8), ("ruler_128k", 64.2), ("ruler", 87.1)];
        assert_eq!(got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), want);
        // No caption: lengths are no benchmarks, and the average is the card's own.
        let bare = named(&read(&md.replace("RULER: a retrieval-based benchmark\n", ""), "org/Foo-MoE-instruct"));
        assert_eq!(bare.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["card_average"]);
    }

    #[test]
    fn a_benchmark_score_table_under_its_section() {
        let table = "| Benchmark | Score |\n|---|---|\n| MT Bench | 8.63 |\n| Wild Bench | 56.3 |\n";
        let md = format!("# Model Card for Big-Instruct-2407\n## Metrics\n### Instruction Benchmarks\n\n{table}");
        let got = named(&read(&md, "org/Big-Instruct-2407"));
        assert_eq!(
            got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(),
            [("mt_bench", 8.63), ("wildbench", 56.3)]
        );
        // The deepest heading decides: a base model's section on an instruct model's card.
        let base = md.replace("### Instruction Benchmarks", "### Base Pretrained Benchmarks");
        assert!(read(&base, "org/Big-Instruct-2407").scores.is_empty());
    }

    #[test]
    fn labels_name_models_or_not() {
        assert!(label_match("Llama 2 7B", "meta-llama/Llama-2-7b-hf").is_some());
        assert!(label_match("Llama 1 7B", "meta-llama/Llama-2-7b-hf").is_none());
        assert!(label_match("Llama-2-Chat 7B", "meta-llama/Llama-2-7b-hf").is_none());
        assert!(
            label_match("Llama 2 7B", "meta-llama/Llama-2-7b-chat-hf").is_none(),
            "tuned model needs its tuning word"
        );
        assert!(label_match("2B Params", "google/gemma-2b").is_some_and(|m| m.1));
        assert!(label_match("7B Params", "google/gemma-2b").is_none());
        // A family card's size columns: "1B Dense" is granite-4.0-1b, "H 1B Dense" its hybrid sibling.
        assert!(label_match("1B Dense", "ibm-granite/granite-4.0-1b").is_some_and(|m| m.1));
        assert!(label_match("H 1B Dense", "ibm-granite/granite-4.0-1b").is_none());
        assert!(label_match("LLaMA3.1 405B", "deepseek-ai/DeepSeek-V3").is_none());
        assert_eq!(label_match("DeepSeek-V3", "deepseek-ai/DeepSeek-V3"), Some((3, true)));
        assert!(label_match("DeepSeek-V3 Base", "deepseek-ai/DeepSeek-V3").is_none());
        // A size rounding the same count otherwise (CodeLlama-34B has 33.7B), but not another size.
        assert!(label_match("MAmmoTH-Coder-33B", "TIGER-Lab/MAmmoTH-Coder-34B").is_some_and(|m| m.1));
        assert!(label_match("MAmmoTH-Coder-13B", "TIGER-Lab/MAmmoTH-Coder-34B").is_none());
        assert!(label_match("Qwen1.5 32B", "Qwen/Qwen1.5-30B").is_none(), "7% apart: another model");
        assert!(label_match("Foo 33M", "org/Foo-34B").is_none(), "another unit");
    }

    #[test]
    fn a_first_version_may_go_unwritten_a_later_one_may_not() {
        assert_eq!(label_match("Flacuna 13B", "declare-lab/flacuna-13b-v1.0").map(|m| m.1), Some(true));
        assert_eq!(label_match("MetaMath-13B", "unknown/MetaMath-13B-V1.0").map(|m| m.1), Some(true));
        assert_eq!(label_match("MetaMath-13B", "unknown/MetaMath-13B-V1.1").map(|m| m.1), Some(false));
        assert_eq!(label_match("MetaMath-13B", "unknown/MetaMath-13B-V2").map(|m| m.1), Some(false));
        assert_eq!(label_match("Bamboo", "PowerInfer/Bamboo-base-v0_1").map(|m| m.1), Some(true));
        // (Only ending the name: "Foo-v1-7B" is a family's first line, not a release.)
        assert_eq!(label_match("Foo 7B", "org/Foo-v1-7B").map(|m| m.1), Some(false));
        assert_eq!(label_match("Foo 7B", "org/Foo-7B-v1-dpo").map(|m| m.1), None);
    }

    #[test]
    fn an_ancestor_or_sibling_is_not_the_model() {
        // Another family whose name is inside this one's, and an earlier version.
        assert!(label_match("LLaMA 7B", "openlm-research/open_llama_7b_v2").is_some_and(|m| !m.1));
        // The same name split otherwise is the model itself.
        assert_eq!(label_match("OpenLLaMA 7Bv2", "openlm-research/open_llama_7b_v2").map(|m| m.1), Some(true));
        assert_eq!(label_match("FalconMamba-7B", "tiiuae/falcon-mamba-7b").map(|m| m.1), Some(true));
        assert!(label_match("Cerebras-GPT 1.3B", "cerebras/Cerebras-GPT-13B").is_none(), "1.3B is not 13B");
        // Words of the name written together, in a name otherwise shorter than the repo's.
        let vl = "Qwen/Qwen2.5-VL-72B-Instruct";
        assert_eq!(label_match_in("Qwen2.5VL-72B", vl, true, false).map(|m| m.1), Some(true));
        assert_eq!(label_match_in("Qwen2VL-72B", vl, true, false), None, "the earlier version");
        assert_eq!(label_match("DeepSeekV3", "deepseek-ai/DeepSeek-V3").map(|m| m.1), Some(true));
        assert_eq!(label_match("Qwen25-7B", "Qwen/Qwen2.5-7B"), None, "two numbers run together");
        // The org's brand before the repo name is no part of the model's name.
        assert_eq!(label_match("Jamba 1.5 Mini", "ai21labs/AI21-Jamba-1.5-Mini").map(|m| m.1), Some(true));
        assert_eq!(label_match("Jamba 1.5 Large", "ai21labs/AI21-Jamba-1.5-Mini"), None);
        // Under a heading naming a chat model, a table whose names say which are tuned: a name
        // without "Chat" is the base's, not this one's.
        let split = "## Foo-Chat-20B\n\n| Dataset | Foo-7B | Foo-Chat-7B | Foo-20B |\n|---|---|---|---|\n| MMLU | 65.8 | 63.7 | 67.7 |\n";
        assert!(read(split, "org/Foo-Chat-20B").scores.is_empty());
        let short = split.replace("Foo-Chat-7B", "Bar-7B");
        assert_eq!(named(&read(&short, "org/Foo-Chat-20B"))[0].2, 67.7, "the heading's word for it");
        // A word the org's name only begins with is the model's ("open" of openlm-research).
        assert_eq!(label_match("LLaMA 13B", "openlm-research/open_llama_13b").map(|m| m.1), Some(false));
        assert_eq!(label_match("OpenLLaMA 13B", "openlm-research/open_llama_13b").map(|m| m.1), Some(true));
        assert_eq!(label_match("Hunyuan-Large", "tencent/Tencent-Hunyuan-Large").map(|m| m.1), Some(true));
        assert_eq!(label_match("2-7B", "Qwen/Qwen2-7B").map(|m| m.1), Some(false), "the org is Qwen's family name");
        assert!(label_match("OpenLLaMA 7B", "openlm-research/open_llama_7b_v2").is_none_or(|m| !m.1));
        assert!(label_match("Open LLaMA 7B v2", "openlm-research/open_llama_7b_v2").is_some_and(|m| m.1));
        assert!(label_match("Llama 7B", "meta-llama/Llama-2-7b-hf").is_some_and(|m| !m.1), "version left over");
        // The original's column on a quantized copy's card.
        assert!(label_match("Meta-Llama-3.1-70B-Instruct", "neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8")
            .is_some_and(|m| !m.1));
        assert!(label_match(
            "Meta-Llama-3.1-70B-Instruct-FP8 (this model)",
            "neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8"
        )
        .is_some_and(|m| m.1));
    }

    #[test]
    fn release_stamps_and_weight_formats_do_not_hide_the_model() {
        let mistral = "mistralai/Mistral-Small-3.1-24B-Instruct-2503";
        assert_eq!(label_match("Small 3.1 24B Instruct", mistral).map(|m| m.1), Some(true));
        assert_eq!(label_match("Small 3.1 24B Instruct 2506", mistral), None, "another stamp");
        assert_eq!(label_match("Small 3 24B Instruct", mistral).map(|m| m.1), Some(false), "another version");
        assert_eq!(label_match("OLMo 2 13B Instruct", "allenai/OLMo-2-1124-13B-Instruct").map(|m| m.1), Some(true));
        // 4096 is a context length, not a stamp.
        assert_eq!(label_match("Foo 7B", "org/Foo-7B-4096").map(|m| m.1), Some(false));
        // The stamped column wins over the bare one.
        let md = "| Benchmark | DeepSeek-V2.5 | DeepSeek-V2.5-1210 |\n|---|---|---|\n| MMLU | 80.6 | 80.5 |\n";
        let r = read(md, "deepseek-ai/DeepSeek-V2.5-1210");
        assert_eq!(r.scores.iter().map(|s| s.value).collect::<Vec<_>>(), [80.5], "{r:?}");
        // A bf16 column is the original weights; the QLoRA one is another model.
        let llama = "meta-llama/Llama-3.2-3B-Instruct";
        assert_eq!(label_match_in("Llama 3.2 3B bf16", llama, true, false).map(|m| m.1), Some(true));
        assert_eq!(label_match_in("Llama 3.2 3B QLoRA", llama, true, false), None);
        assert_eq!(label_match_in("Llama 3.2 1B bf16", llama, true, false), None);
        assert!(is_packed("org/Qwen2.5-7B-Instruct-FP8") && is_packed("org/Llama-3-8B-W4A16"));
        assert!(!is_packed("org/Qwen2.5-7B-Instruct") && !is_packed("org/Foo-Int-7B"));
    }

    #[test]
    fn annotations_in_labels_do_not_hide_the_model() {
        let own = "[llama-30b-instruct-2048](https://huggingface.co/upstage/llama-30b-instruct-2048) (***Ours***, ***Open LLM Leaderboard***)";
        assert!(label_match(own, "upstage/llama-30b-instruct-2048").is_some_and(|m| m.1));
        assert!(label_match("EleutherAI/polyglot-ko-1.3b (this)", "EleutherAI/polyglot-ko-1.3b").is_some_and(|m| m.1));
        // A parenthesis that says which model it is stays part of the label.
        assert!(label_match("Llama 2 7B (Chat)", "meta-llama/Llama-2-7b-hf").is_none());
        assert!(label_match("Llama 2 7B (4-bit)", "meta-llama/Llama-2-7b-hf").is_none());
    }

    #[test]
    fn near_misses_abstain_with_a_reason() {
        let md =
            "| Benchmark | LLaMA 7B | OpenLLaMA 3B |\n|---|---|---|\n| ARC | 41.0 | 34.0 |\n| MMLU | 35.1 | 27.0 |\n";
        let r = read(md, "openlm-research/open_llama_7b_v2");
        assert!(r.scores.is_empty());
        assert_eq!(r.abstained.as_ref().map(|a| a.0), Some(Unused::NoOwnColumn), "{r:?}");
        let md = "|Model|MMLU|GSM8K|\n|---|---|---|\n|Foo-7B|50.1|30.2|\n|Foo 7B|51.0|31.0|\n";
        let r = read(md, "org/Foo-7B");
        assert!(r.scores.is_empty());
        assert_eq!(r.abstained.map(|a| a.0), Some(Unused::AmbiguousColumn));
    }

    #[test]
    fn a_score_table_of_other_models_only_says_so() {
        let why = |r: TableRead| r.abstained;
        // Rows, then columns, of other models: a reject listing them, not silence.
        let rows = "| Model | MMLU | GSM8K |\n|---|---|---|\n| GPT-4 | 86.4 | 92.0 |\n| Llama-2-70B | 68.9 | 56.8 |\n";
        let (unused, w) = why(read(rows, "org/Foo-7B")).expect("a reason");
        assert_eq!(unused, Unused::NoOwnColumn);
        assert_eq!(w, "no row names this model (rows: \"GPT-4\", \"Llama-2-70B\")");
        let cols =
            "| Benchmark | GPT-4 | Llama-2-70B |\n|---|---|---|\n| MMLU | 86.4 | 68.9 |\n| GSM8K | 92.0 | 56.8 |\n";
        assert!(
            why(read(cols, "org/Foo-7B")).is_some_and(|(_, w)| w.starts_with("no column names this model (columns: "))
        );
        // Under a heading for the other kind of model, that is the reason, though a row names it.
        let base = format!("## Base model results\n\n{rows}| Foo-7B | 50.0 | 30.0 |\n");
        let (_, w) = why(read(&base, "org/Foo-7B-Chat")).expect("a reason");
        assert!(w.starts_with("under \"Base model results\""), "{w}");
        // A table of sizes and licences is no score table: nothing to say.
        let sizes = "| Model | Params | License |\n|---|---|---|\n| GPT-J | 6B | Apache |\n| Llama-2 | 7B | custom |\n";
        assert_eq!(why(read(sizes, "org/Foo-7B")), None);
    }

    #[test]
    fn headers_that_are_not_benchmarks() {
        for h in [
            "4K",
            "32K",
            "128k",
            "Release Date",
            "Python",
            "C++",
            "License",
            "Size",
            "#Params",
            "2024",
            "Chinese",
            "T",
            "East Asian",
            "Middle Eastern",
            "CPU",
        ] {
            assert!(!may_be_benchmark(h), "{h}");
        }
        for h in [
            "MMLU",
            "GSM8K (8-shot)",
            "HumanEval",
            "RULER",
            "Avg.",
            "MT-Bench",
            "C-Eval",
            "LongBench",
            "GAIA (no file)",
        ] {
            assert!(may_be_benchmark(h), "{h}");
        }
        let md = "|Model|4K|8K|32K|Release Date|MMLU|\n|---|---|---|---|---|---|\n|Foo-7B|90.1|88.2|80.0|2024|61.0|\n";
        let r = read(md, "org/Foo-7B");
        assert_eq!(r.scores.iter().map(|s| s.benchmark_raw.as_str()).collect::<Vec<_>>(), vec!["MMLU"]);
        assert_eq!(r.scores[0].evidence, "Foo-7B | MMLU");
    }

    #[test]
    fn own_column_and_own_row() {
        let md = "| Benchmark | Metric | 2B Params | 7B Params |\n|---|---|---|---|\n| MMLU | 5-shot, top-1 | 42.3 | 64.3 |\n| ARC-c | | 42.1 | 53.2 |\n| NQ | 5-shot | - | 23 |\n";
        let s = read(md, "google/gemma-2b").scores;
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].benchmark_raw.as_str(), s[0].value, s[0].shots), ("MMLU", 42.3, Some(5)));
        assert_eq!(s[0].evidence, "MMLU | 5-shot, top-1 | 2B Params");
        assert_eq!(&md[s[1].offset..s[1].offset + 7], "| ARC-c", "row offset points at the row");
        let rows = "|Model|Size|MMLU|BBH|\n|---|---|---|---|\n|Llama 1|7B|35.1|30.3|\n|Llama 2|7B|45.3|32.6|\n|Llama 2|13B|54.8|39.4|\n";
        let s = read(rows, "meta-llama/Llama-2-7b-hf").scores;
        assert_eq!(s.iter().map(|x| x.value).collect::<Vec<_>>(), vec![45.3, 32.6]);
    }

    #[test]
    fn a_lead_in_saying_the_results_are_instruction_tuned_models_makes_the_table_a_tuned_one() {
        let md = "## Benchmark Results\n\nEvaluation results marked in the table are for instruction-tuned models.\n\n\
                  |  | Foo 4 31B | Foo 4 E2B |\n|---|---|---|\n| MMLU Pro | 85.2% | 60.0% |\n| GPQA Diamond | 84.3% | 43.4% |\n";
        let t = &tables(md)[0];
        let values = |model: &str, tuned: bool| {
            table_scores(t, model, tuned, "").scores.iter().map(|s| s.value).collect::<Vec<_>>()
        };
        assert_eq!(values("org/foo-4-E2B-it", true), [60.0, 43.4]);
        assert!(values("org/foo-4-E2B", false).is_empty(), "the base model's card: not its results");
        let plain = tables(&md.replace("are for instruction-tuned models", "cover many tasks"));
        assert!(table_scores(&plain[0], "org/foo-4-E2B-it", true, "").scores.is_empty(), "'it' is left over");
    }

    #[test]
    fn shots_and_metric_columns_past_a_category_column() {
        let md = "| Category | Benchmark | # Shots | Metric | Other 70B | Foo 8B Instruct |\n|---|---|---|---|---|---|\n\
                  | General | MMLU | 5 | macro_avg/acc | 83.6 | 69.4 |\n| | MMLU (CoT) | 0 | macro_avg/acc | 86.0 | 73.0 |\n\
                  | Math | GSM-8K (CoT) | 8 | em_maj1@1 | 95.1 | 84.5 |\n";
        let got: Vec<(Option<i32>, Option<String>, f64)> =
            read(md, "org/Foo-8B-Instruct").scores.into_iter().map(|s| (s.shots, s.metric, s.value)).collect();
        let m = |s: &str| Some(s.to_owned());
        assert_eq!(
            got,
            [(Some(5), m("macro_avg/acc"), 69.4), (Some(0), m("macro_avg/acc"), 73.0), (Some(8), m("em_maj1@1"), 84.5)]
        );
    }

    #[test]
    fn a_column_of_values_in_two_settings_is_still_the_models_column() {
        // Most of Foo-Z's cells pair a value with a second setting's ("99.2 / -"): no pair is
        // read, but the column holds values, not labels, and its single values are the model's.
        let md = "| Benchmark | Other-Thinking | Foo-Z |\n|---|---|---|\n| Architecture | MoE | MoE |\n\
                  | AIME-25 | 93.5 | 99.2 / - |\n| HMMT-25 | 93.5 | 93.5 / - |\n| GPQA-Diamond | 86.9 | 80.6 / - |\n\
                  | BrowseComp | 51.4 / 67.6 | 55.2 / - |\n| OJBench | 41.8 | 41.2 |\n| MMLU-Pro | 80.1 | 79.3 |\n";
        let got: Vec<(String, f64)> =
            read(md, "org/Foo-Z").scores.into_iter().map(|s| (s.benchmark_raw, s.value)).collect();
        assert_eq!(got, [("OJBench".to_owned(), 41.2), ("MMLU-Pro".to_owned(), 79.3)]);
    }

    #[test]
    fn a_model_name_column_past_a_rank_column() {
        let md = "| Rank | LLM Name | SqlEval-Classic (%) | Execution Accuracy (%) |\n|---|---|---|---|\n| 1\u{fe0f}\u{20e3} | GPT-4o | 86 | 91 |\n| 2\u{fe0f}\u{20e3} | deepSQL-R1-distill-8B | 82 | 89 |\n";
        let s = named(&read(md, "imsanjoykb/deepSQL-R1-distill-8B"));
        assert_eq!(s.iter().map(|s| s.2).collect::<Vec<_>>(), [82.0, 89.0]);
        let md = "| # | Model | MMLU | GSM8K |\n|---|---|---|---|\n| 1 | GPT-4o | 86 | 91 |\n| 2 | deepSQL-R1-distill-8B | 82 | 89 |\n";
        let s = named(&read(md, "imsanjoykb/deepSQL-R1-distill-8B"));
        assert_eq!(s.iter().map(|s| s.2).collect::<Vec<_>>(), [82.0, 89.0]);
    }

    #[test]
    fn a_hybrid_models_columns_by_thinking_mode() {
        let md = "| Category | Benchmark (Metric) | DeepSeek V3.1-NonThinking | DeepSeek V3 0324 | DeepSeek V3.1-Thinking | DeepSeek R1 0528 |\n|---|---|---|---|---|---|\n| General | MMLU (EM) | 91.8 | 90.5 | 93.7 | 93.4 |\n| | MMLU-Pro (EM) | 83.7 | 81.2 | 84.8 | 85.0 |\n";
        let v31 = read(md, "deepseek-ai/DeepSeek-V3.1");
        let got: Vec<_> = v31.scores.iter().map(|s| (s.value_raw.as_str(), s.metric.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("91.8", Some("non-thinking mode")),
                ("93.7", Some("thinking mode")),
                ("83.7", Some("non-thinking mode")),
                ("84.8", Some("thinking mode"))
            ]
        );
        // Another model's modes are not this one's; a model named for its mode is read as itself.
        assert!(read(md, "deepseek-ai/DeepSeek-V3").scores.is_empty());
        let md = "| Benchmark | LongCat-Flash-Thinking | LongCat-Flash-Chat |\n|---|---|---|\n| MMLU | 80.1 | 78.2 |\n| GSM8K | 90.2 | 88.1 |\n";
        assert_eq!(named(&read(md, "meituan-longcat/LongCat-Flash-Chat")).len(), 2);
        assert!(named(&read(md, "meituan-longcat/LongCat-Flash")).is_empty());
    }

    #[test]
    fn the_leaderboard_harness_umbrella_group_is_no_score_but_its_groups_are() {
        let md = "|Tasks|Version|Filter|n-shot|Metric|Value|\n|---|---|---|---|---|---|\n\
                  |leaderboard|N/A|none|0|acc|0.2926|\n| | |none|0|acc_norm|0.4513|\n\
                  | | |none|0|exact_match|0.0982|\n| - leaderboard_bbh|N/A|none|3|acc_norm|0.4931|\n\
                  | - leaderboard_mmlu_pro|0.1|none|5|acc|0.2926|\n";
        let got = named(&read(md, "x/y"));
        assert_eq!(got, [("bbh".to_owned(), Some(3), 49.31), ("mmlu_pro".to_owned(), Some(5), 29.26)]);
        // An average with one metric stays the card's average.
        let one = "|Tasks|Version|Metric|Value|\n|---|---|---|---|\n|leaderboard|N/A|acc|0.30|\n|mmlu|N/A|acc|0.60|\n";
        assert_eq!(named(&read(one, "x/y"))[0].0, "card_average");
    }

    #[test]
    fn lm_eval_bleu_and_ter_rows_say_nothing_of_the_accuracies_unit() {
        // (juanako's and LUNA-SOLARkrautLM's 0.4 output: a truthfulqa bleu_max, a wmt16 ter row.)
        let md = "|Tasks|Version|Filter|Metric|Value|   |Stderr|\n|---|---|---|---|---:|---|---:|\n\
                  |arc_challenge|Yaml|none|acc| 0.5691|±|0.0145|\n|truthfulqa|N/A|none|bleu_max|26.0803|±|0.6528|\n\
                  |wmt16-en-de|Yaml|none|ter|64.5707|±|0.4514|\n|winogrande|Yaml|none|acc| 0.7609|±|0.0120|\n";
        let values: Vec<(String, f64)> =
            read(md, "x/y").scores.into_iter().map(|s| (s.benchmark_raw, s.value)).collect();
        let value = |b: &str| values.iter().find(|(n, _)| n.starts_with(b)).map(|v| v.1);
        assert_eq!((value("arc_challenge"), value("winogrande")), (Some(56.91), Some(76.09)), "{values:?}");
        assert_eq!((value("truthfulqa"), value("wmt16")), (Some(26.0803), Some(64.5707)), "printed as is");
    }

    #[test]
    fn lm_eval_rows_continue_and_scale() {
        let md = "|    Task     |Version| Metric |Value |   |Stderr|\n|-------------|------:|--------|-----:|---|-----:|\n|arc_challenge|      0|acc     |0.5990|±  |0.0143|\n|             |       |acc_norm|0.6425|±  |0.0140|\n";
        let s = read(md, "x/anything").scores;
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].benchmark_raw, "arc_challenge");
        assert!((s[1].value - 64.25).abs() < 1e-9);
        // A standard error on a row of its own (lm-eval 0.4) is not a score.
        let md = "|Task |Version|           Metric            |Value|   |Stderr|\n|-----|------:|----|-----|---|------|\n|gsm8k|      2|exact_match,get-answer       | 0.75|   |      |\n|     |       |exact_match_stderr,get-answer| 0.01|   |      |\n|     |       |alias                        |gsm8k|   |      |\n";
        let s = read(md, "x/anything").scores;
        assert_eq!(s.iter().map(|s| s.value_raw.as_str()).collect::<Vec<_>>(), ["0.75"]);
        // lm-eval 0.4's settings line gives the shots; a group's BLEU is not the group's score.
        let md = "```\nhf (pretrained=x/y), limit: None, num_fewshot: 5, batch_size: 1\n```\n\
                  |Tasks|Version|Filter|Metric|Value|\n|---|---|---|---|---|\n|truthfulqa|N/A|none|bleu_max|26.08|\n\
                  | - truthfulqa_mc2|Yaml|none|acc|0.5847|\n";
        let s = read(md, "x/y").scores;
        assert_eq!(
            s.iter().map(|s| (s.benchmark_raw.as_str(), s.shots)).collect::<Vec<_>>(),
            [("truthfulqa bleu_max", Some(5)), ("truthfulqa_mc2", Some(5))]
        );
        assert_ne!(resolve("truthfulqa bleu_max").canonical, "truthfulqa");
        // lm-eval 0.3's TruthfulQA prints mc1, then mc2: TruthfulQA is the mc2; mc1 is named apart.
        let md = "|    Task     |Version|Metric|Value |   |Stderr|\n|-------------|------:|------|-----:|---|-----:|\n\
                  |truthfulqa_mc|      1|mc1   |0.3562|±  |0.0168|\n|             |       |mc2   |0.5217|±  |0.0156|\n";
        let s = read(md, "x/y").scores;
        let named: Vec<(String, f64)> = s.iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.value)).collect();
        assert_eq!(named, [("truthfulqa_mc_mc1".to_owned(), 35.62), ("truthfulqa".to_owned(), 52.17)]);
        // The settings line inside the same code block as its table (lm-eval 0.3); one row of
        // lm-eval's own output (a Stderr column) is a fraction too.
        let md = "ARC:\n```\nhf-causal (pretrained=x/y), limit: None, num_fewshot: 25, batch_size: 8\n\
                  |    Task     |Version| Metric |Value |   |Stderr|\n|-------------|------:|--------|-----:|---|-----:|\n\
                  |arc_challenge|      0|acc_norm|0.6152|±  |0.0142|\n```\n";
        let s = read(md, "x/y").scores;
        assert_eq!((s[0].shots, (s[0].value * 100.0).round()), (Some(25), 6152.0));
    }

    #[test]
    fn instruct_tables_are_not_a_base_models() {
        let md =
            "### Instruction tuned models\n\n| Benchmark | Llama 3 8B |\n|---|---|\n| MMLU | 68.4 |\n| GPQA | 34.2 |\n";
        assert!(read(md, "meta-llama/Meta-Llama-3-8B").scores.is_empty());
    }

    #[test]
    fn a_readme_leaderboard_gives_a_model_only_its_exactly_named_row() {
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real/leaderboards/llm-leaderboard_README.md");
        let board = &tables(&std::fs::read_to_string(path).unwrap())[0];
        let got = |model: &str| -> Vec<(String, f64, String)> {
            let read = table_scores(board, model, false, "");
            // (A model with no row gets the reason; one with its row, none.)
            assert_eq!(read.abstained.is_some(), read.scores.is_empty(), "{model}");
            read.scores.into_iter().map(|s| (s.benchmark_raw, s.value, s.value_raw)).collect()
        };
        // Fractions become percent; the Elo column keeps its value.
        let falcon = got("tiiuae/falcon-40b");
        let falcon: Vec<(&str, &str)> = falcon.iter().map(|(b, _, raw)| (b.as_str(), raw.as_str())).collect();
        assert_eq!(falcon, [("HellaSwag (few-shot)", "0.853"), ("MMLU (few-shot)", "0.527")]);
        assert!((got("tiiuae/falcon-40b")[0].1 - 85.3).abs() < 1e-9);
        assert_eq!(got("lmsys/vicuna-13b"), [("Chatbot Arena Elo".to_owned(), 1169.0, "1169".to_owned())]);
        assert_eq!(got("EleutherAI/gpt-j-6b").len(), 6);
        // A name without a size may be written with one: "bloom-176b" (linked to
        // bigscience/bloom) is bloom's row. A name with another size is not.
        let bloom = got("bigscience/bloom");
        assert!(bloom.iter().any(|(_, _, raw)| raw == "0.155"), "{bloom:?}");
        assert!(got("bigscience/bloom-7b1").is_empty());
        let why = table_scores(board, "bigscience/bloom-7b1", false, "").abstained.expect("a reason").1;
        assert!(why.starts_with("no row names this model (rows: \"alpaca-7b"), "{why}");
    }

    #[test]
    fn a_heading_word_inside_a_name_says_nothing() {
        // "OpenChat" is no chat heading: the table is read for the (untuned-named) model.
        let md = "# OpenChat: open models\n\n| Model | MMLU | GSM8K |\n|---|---|---|\n| OpenChat 3.5 | 64.3 | 77.3 |\n| Grok-0 | 65.7 | 56.8 |\n";
        let values: Vec<f64> = read(md, "openchat/openchat_3.5").scores.iter().map(|s| s.value).collect();
        assert_eq!(values, [64.3, 77.3]);
    }

    #[test]
    fn one_unnamed_row_right_under_a_results_heading_is_the_models() {
        let table = "| ARC | MMLU |\n|---|---|\n| 76.02 | 77.15 |\n";
        let under = |text: &str| read(&format!("{text}\n\n{table}"), "abacusai/Smaug-72B-v0.1").scores.len();
        assert_eq!(under("### Evaluation Results"), 2);
        assert_eq!(under("### Evaluation Results\n\nZero-shot, with the LM Evaluation Harness:"), 2);
        // Whose else they may be: another model named before, a contamination heading.
        assert_eq!(under("### Evaluation Results\n\nBy comparison, MoMo-72B-lora has the following results:"), 0);
        assert_eq!(under("### Contamination Results"), 0);
        // "This model" is the card's own; "the base model" is not.
        assert_eq!(under("## Performance\n\nHere is the performance of this model across benchmarks:"), 2);
        assert_eq!(under("## Performance\n\nHere is the performance of the base model:"), 0);
        assert_eq!(under("### Usage"), 0);
        // A last line over the table that says so, as a heading would; not whose else they are.
        assert_eq!(under("### Usage\n\nThe evaluation results:"), 2);
        assert_eq!(under("### Usage\n\nThe evaluation results of the base model:"), 0);
        // On a quantized copy's card they are the original's.
        assert!(read(&format!("### Evaluation Results\n\n{table}"), "org/Smaug-72B-GGUF").scores.is_empty());
        // A row labelled only "Score", after a sentence naming the card's own model with a size.
        let scored = "| Metric | Average | ARC |\n|---|---|---|\n| **Score** | 71.86 | 69.11 |\n";
        let lead = |text: &str| read(&format!("# Evaluations\n{text}\n{scored}"), "rwitz/go-bruins").scores.len();
        assert_eq!(lead("Go-Bruins is the SOTA 7B model."), 2);
        assert_eq!(lead("Mistral 7B has these scores."), 0, "another model's size");
        assert_eq!(lead("Go-Bruins compared to its predecessor:"), 0);
    }

    #[test]
    fn a_quantized_copys_card_reads_its_own_precisions_row() {
        let md = "# Qwen-7B-Chat-Int4\n## Quantization\n| Quantization | MMLU | GSM8K |\n|---|---|---|\n\
                  | BF16 | 55.8 | 50.3 |\n| Int8 | 55.4 | 48.3 |\n| Int4 | 55.1 | 49.7 |\n";
        let got = named(&read(md, "Qwen/Qwen-7B-Chat-Int4"));
        assert_eq!(got, [("mmlu".to_owned(), None, 55.1), ("gsm8k".to_owned(), None, 49.7)]);
        // The original's card names no row by its precision; a row of another kind is no precision's.
        assert!(read(&md.replace("-Int4\n", "\n"), "Qwen/Qwen-7B-Chat").scores.is_empty());
        assert!(read(&md.replace("| Int8 |", "| Llama-2-7B |"), "Qwen/Qwen-7B-Chat-Int4").scores.is_empty());
        // A base model's copy needs no heading.
        assert_eq!(read(&md.replace("# Qwen-7B-Chat-Int4\n", ""), "Qwen/Qwen-7B-Int4").scores.len(), 2);
    }

    #[test]
    fn a_name_without_its_base_family_needs_a_version_or_the_cards_own_use() {
        let table =
            "| Model | MMLU |\n|---|---|\n| ChatQA-1.5-8B | 60.1 |\n| Nous-Hermes-13b | 50.2 |\n| GPT-4 | 86.4 |\n";
        // A version in the label: ChatQA-1.5-8B is Llama3-ChatQA-1.5-8B.
        assert_eq!(read(table, "nvidia/Llama3-ChatQA-1.5-8B").scores[0].value, 60.1);
        // The name's version may carry a "v" the label leaves out, as anywhere else.
        assert_eq!(read(table, "org/llama-3-ChatQA-v1.5-8B").scores[0].value, 60.1);
        // Nous-Hermes-13b is the Llama-1 model, not Nous-Hermes-Llama2-13b ...
        assert!(read(table, "NousResearch/Nous-Hermes-Llama2-13b").scores.is_empty());
        // ... unless the card calls its model that.
        let md = format!("Nous-Hermes-13b is a state-of-the-art model.\n\n{table}");
        assert_eq!(read(&md, "NousResearch/Nous-Hermes-Llama2-13b").scores[0].value, 50.2);
        // A copy converted to the family's format is not the original's row.
        let md = format!("This is [org/ChatQA-1.5-8B](x) converted to llama compatible format.\n\n{table}");
        assert!(read(&md, "other/ChatQA-1.5-8B-llama").scores.is_empty());
        assert!(read(&format!("ChatQA-1.5-8B, llamafied.\n\n{table}"), "other/ChatQA-1.5-8B-llama").scores.is_empty());
        let renamed = "Identical to ChatQA-1.5-8B but for its tensors, renamed to follow the LLaMA format.";
        assert!(read(&format!("{renamed}\n\n{table}"), "other/ChatQA-1.5-8B-llama").scores.is_empty());
        assert_eq!(read(&format!("ChatQA-1.5-8B, tuned.\n\n{table}"), "other/ChatQA-1.5-8B-llama").scores.len(), 1);
        // LLaVA is a base family a repo name carries too ("Aquila-VL-2B-llava-qwen", a LLaVA-OneVision model).
        let vl = "| Model | MMBench | AI2D |\n|---|---|---|\n| Aquila-VL-2B | 78.8 | 75.0 |\n| Qwen2-VL-2B | 74.9 | 74.7 |\n";
        let card = format!("Aquila-VL-2B is a vision-language model.\n\n{vl}");
        assert_eq!(read(&card, "BAAI/Aquila-VL-2B-llava-qwen").scores.len(), 2);
        // A table that tells the name's variants apart by a word: the label without it may be
        // another base family's (General-Reasoner-14B is the Qwen2.5 model, "…-Qw3-14B" the Qwen3 one).
        let rows =
            "| Model | GPQA |\n|---|---|\n| General-Reasoner-14B | 43.4 |\n| General-Reasoner-Qw3-14B | 56.1 |\n";
        let card = format!("Serve General-Reasoner-14B with vLLM.\n\n{rows}");
        assert!(read(&card, "TIGER-Lab/General-Reasoner-Qwen3-14B").scores.is_empty());
        let alone = "| Model | GPQA |\n|---|---|\n| General-Reasoner-14B | 43.4 |\n| Qwen3-14B | 54.8 |\n";
        let card = format!("Serve General-Reasoner-14B with vLLM.\n\n{alone}");
        assert_eq!(read(&card, "TIGER-Lab/General-Reasoner-Qwen3-14B").scores[0].value, 43.4);
    }

    #[test]
    fn a_models_rows_by_a_setting_column_are_its_scores_in_each_setting() {
        let md = "| Model | Decoding | GSM | MATH |\n|---|---|---|---|\n| **MAmmoTH-7B** | CoT | 50.5 | 10.4 |\n\
                  | | PoT | 51.6 | 28.7 |\n| **MAmmoTH-13B** | CoT | 56.3 | 12.9 |\n| | PoT | 61.3 | 32.6 |\n";
        let got = with_metric(&read(md, "TIGER-Lab/MAmmoTH-7B"));
        assert_eq!(
            got,
            [at("gsm8k", "CoT", 50.5), at("math", "CoT", 10.4), at("gsm8k", "PoT", 51.6), at("math", "PoT", 28.7)]
        );
        // A column of sizes tells other models apart, not settings: the model's rows stay ambiguous.
        let sizes = "| Model | Size | GSM |\n|---|---|---|\n| Foo | 7B | 50.5 |\n| | 13B | 56.3 |\n";
        assert!(read(sizes, "org/Foo").scores.is_empty());
    }

    #[test]
    fn a_packed_copys_rows_by_quantization_level_are_its_scores_at_each_level() {
        let md = "### ARC, HellaSwag and MMLU scores\n\n| Model | ARC | HellaSwag | MMLU | Avg Score |\n|---|--:|--:|--:|--:|\n\
                  | [gemma-3-12b-it-pruned-IQ3_M](./gemma-3-12b-it-pruned-IQ3_M.gguf) | 66.9333 ±1.7190 | 74.67 | 42.0000 ±1.8034 | 61.2 |\n\
                  | [gemma-3-12b-it-pruned-Q4_K_M-bartowski][b-q4km] | 69.6000 ±1.6807 | 81.07 | 43.6000 ±1.8119 | 64.8 |\n\
                  | [gemma-3-12b-it-pruned-Q8_0](./gemma-3-12b-it-pruned-Q8_0.gguf) | 68.8000 ±1.6929 | 78.40 | 45.4667 ±1.8194 | 64.2 |\n";
        // Its sizes by level are no scores.
        let sizes = "| Model | Bartowski | Repo | Shrinkage |\n|---|--:|--:|--:|\n| gemma-3-12b-it-pruned-IQ3_M | 5.66 | 5.21 | 8.0% |\n";
        assert!(read(sizes, "eaddario/gemma-3-12b-it-pruned-GGUF").scores.is_empty());
        let got = with_metric(&read(md, "eaddario/gemma-3-12b-it-pruned-GGUF"));
        assert_eq!(
            got,
            [
                at("arc_challenge", "IQ3_M", 66.9333),
                at("hellaswag", "IQ3_M", 74.67),
                at("mmlu", "IQ3_M", 42.0),
                at("card_average", "IQ3_M", 61.2),
                at("arc_challenge", "Q8_0", 68.8),
                at("hellaswag", "Q8_0", 78.4),
                at("mmlu", "Q8_0", 45.4667),
                at("card_average", "Q8_0", 64.2),
            ]
        );
        // The original's card, or another model's copy, has no row of its own here.
        assert!(read(md, "google/gemma-3-12b-it").scores.is_empty());
        assert!(read(md, "someone/gemma-3-27b-it-GGUF").scores.is_empty());
        // Levels as columns, over known benchmarks only (not a perplexity row).
        let columns = "| Benchmark | Metric | Q4_K_M | Q8_0 |\n|---|---|--:|--:|\n| MMLU | acc | 64.1 | 65.0 |\n\
                       | GSM8K | exact match | 70.2 | 71.9 |\n| Wikitext PPL | ppl | 7.9 | 7.8 |\n";
        let got = with_metric(&read(columns, "someone/Llama-3-8B-Instruct-GGUF"));
        assert_eq!(
            got,
            [
                at("mmlu", "acc (Q4_K_M)", 64.1),
                at("mmlu", "acc (Q8_0)", 65.0),
                at("gsm8k", "exact match (Q4_K_M)", 70.2),
                at("gsm8k", "exact match (Q8_0)", 71.9)
            ]
        );
        assert!(read(columns, "meta-llama/Meta-Llama-3-8B-Instruct").scores.is_empty());
    }

    #[test]
    fn a_pretrained_marker_names_a_model_that_is_no_tune() {
        let md = "| Benchmark | n-shot | VaultGemma 1B PT |\n|---|---|---|\n| HellaSwag | 10-shot | 39.09 |\n| BoolQ | 0-shot | 62.04 |\n";
        assert_eq!(
            named(&read(md, "google/vaultgemma-1b")),
            [("hellaswag".to_owned(), Some(10), 39.09), ("boolq".to_owned(), Some(0), 62.04)]
        );
        // Not the tune's column, and not a tune whose card names its base sibling.
        assert!(read(md, "google/vaultgemma-1b-it").scores.is_empty());
        let base = "| Benchmark | DeepSeek-V3 Base |\n|---|---|\n| MMLU | 87.1 |\n| BBH | 87.5 |\n";
        let card = format!("DeepSeek-V3 is the chat model of DeepSeek-V3-Base.\n\n{base}");
        let t = &tables(&card)[0];
        assert!(table_scores(t, "deepseek-ai/DeepSeek-V3", is_tuned("deepseek-ai/DeepSeek-V3", &card), &card)
            .scores
            .is_empty());
        assert_eq!(read(base, "deepseek-ai/DeepSeek-V3").scores.len(), 2);
    }

    #[test]
    fn a_models_rows_by_a_setting_in_parentheses_are_its_scores_in_each_setting() {
        let md = "| Model Name | MMLU | GSM8K |\n|---|---|---|\n| Qwen3-30B-A3B (Non-Thinking) | 72.0 | 97.1 |\n\
                  | Qwen3-30B-A3B-Instruct-2507 (Full Attention) | 86.8 | 98.0 |\n\
                  | Qwen3-30B-A3B-Instruct-2507 (Sparse Attention) | 86.9 | 97.1 |\n| Other-7B | 80.1 | 90.1 |\n";
        let got: Vec<(Option<String>, f64)> =
            read(md, "Qwen/Qwen3-30B-A3B-Instruct-2507").scores.into_iter().map(|s| (s.metric, s.value)).collect();
        let at = |m: &str, v: f64| (Some(m.to_owned()), v);
        assert_eq!(
            got,
            [
                at("Full Attention", 86.8),
                at("Full Attention", 98.0),
                at("Sparse Attention", 86.9),
                at("Sparse Attention", 97.1)
            ]
        );
        // "(7B)" is another size and "(GGUF)" a copy: no setting, so the rows stay ambiguous.
        for (a, b) in [("7B", "14B"), ("GGUF", "AWQ")] {
            let other = md.replace("Full Attention", a).replace("Sparse Attention", b);
            assert!(read(&other, "Qwen/Qwen3-30B-A3B-Instruct-2507").scores.is_empty(), "{a} / {b}");
        }
        // "(Base)" and "(Chat)" are two models: no row is read as a setting.
        let kinds = md.replace("Full Attention", "Base").replace("Sparse Attention", "Chat");
        assert!(read(&kinds, "Qwen/Qwen3-30B-A3B-Instruct-2507").scores.iter().all(|s| s.metric.is_none()));
    }

    #[test]
    fn the_cards_short_name_without_sizes_is_the_models_column() {
        let table = "| Benchmark | K-EXAONE (Reasoning) | EXAONE 4.0 (Reasoning) |\n|---|---|---|\n| MMLU-Pro | 83.8 | 81.8 |\n| GPQA | 79.1 | 75.4 |\n";
        let card = |intro: &str, t: &str| {
            let md = format!("{intro}\n\n{t}");
            table_scores(&tables(&md)[0], "LGAI-EXAONE/K-EXAONE-236B-A23B", true, &card_intro(&md)).scores.len()
        };
        assert_eq!(card("We introduce **K-EXAONE**, a large language model.", table), 2);
        // Not when the card never calls its model so, nor beside the same name with a size.
        assert_eq!(card("We introduce a large language model.", table), 0);
        let sized = table.replace("EXAONE 4.0 (Reasoning)", "K-EXAONE 32B");
        assert_eq!(card("We introduce **K-EXAONE**, a large language model.", &sized), 0);
        // Nor when the card's prose names the short name with another size: the family's flagship.
        assert_eq!(card("We introduce **K-EXAONE**, see K-EXAONE-32B for the small one.", table), 0);
        assert_eq!(card("We introduce **K-EXAONE**, see K-EXAONE-236B-A23B.", table), 2, "its own size");
        // A row the table sets in bold says so too, as the card's intro would.
        let rows = "| Model | AlpacaEval2 |\n|---|---|\n| GPT-4 | 23.58% |\n| **Kunoichi-DPO-v2** | **17.19%** |\n| **Kunoichi-7B** | 9.38% |\n";
        let bold = |t: &str| table_scores(&tables(t)[0], "SanjiWatsuki/Kunoichi-DPO-v2-7B", true, "").scores.len();
        assert_eq!(bold(rows), 1);
        assert_eq!(bold(&rows.replace("**Kunoichi-DPO-v2**", "Kunoichi-DPO-v2")), 0, "not bold: not said");
        assert_eq!(bold(&rows.replace("| GPT-4 |", "| Kunoichi-DPO-v2-13B |")), 0, "beside the name with a size");
        // Benchmarks the alias table does not know, under the short name's column.
        let unknown = "| Dataset | Med42 | ClinicalCamel-70B |\n|---|---|---|\n| MedQA | 61.5 | 53.4 |\n| USMLE Sample Exam | 72.0 | 54.3 |\n";
        let read = |intro: &str| {
            let md = format!("{intro}\n\n{unknown}");
            table_scores(&tables(&md)[0], "m42-health/med42-70b", false, &card_intro(&md)).scores.len()
        };
        assert_eq!(read("Med42 is an open-access clinical large language model."), 2);
        assert_eq!(read("An open-access clinical large language model."), 0);
        // Sizes with an expert count ("17B-16E"), and the tune's word under a tuned models' heading.
        let scout = |heading: &str| {
            let md = format!(
                "Llama 4 Scout, a 17 billion parameter model with 16 experts.\n\n### {heading}\n\n\
                 | Benchmark | Llama 3.3 70B | Llama 4 Scout | Llama 4 Maverick |\n|---|---|---|---|\n\
                 | MMLU Pro | 68.9 | 74.3 | 80.5 |\n| GPQA Diamond | 50.5 | 57.2 | 69.8 |\n"
            );
            let t = tables(&md).into_iter().next().unwrap();
            table_scores(&t, "meta-llama/Llama-4-Scout-17B-16E-Instruct", true, &card_intro(&md)).scores.len()
        };
        assert_eq!(scout("Instruction tuned models"), 2);
        assert_eq!(scout("Pre-trained models"), 0, "the base model's column");
    }

    #[test]
    fn language_rows_under_a_lead_in_naming_one_benchmark_are_its_parts() {
        let md = "# Evaluation scores\n\nWe achieve the following MT-Bench scores across 6 languages:\n\n\
                  | | **org/Base-8B-Instruct** | **org/foo-8B** | **other/Bar-7B** |\n|---|---|---|---|\n\
                  | **German** 🇩🇪 | NaN | 7.26 | 6.99 |\n| **Russian** 🇷🇺 * | NaN | 8.19 | 8.28 |\n\
                  | **English** 🇺🇸 | 7.98 | 7.73 | 7.92 |\n";
        let got: Vec<(String, f64)> =
            read(md, "org/foo-8B").scores.into_iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.value)).collect();
        assert_eq!(
            got,
            [
                ("mt_bench_german".to_owned(), 7.26),
                ("mt_bench_russian".to_owned(), 8.19),
                ("mt_bench".to_owned(), 7.73)
            ]
        );
        let written = md.replace("following MT-Bench", "following Multilingual MT-Bench");
        assert_eq!(read(&written, "org/foo-8B").scores[0].benchmark_raw, "Multilingual MT-Bench German 🇩🇪");
        let two = md.replace("MT-Bench scores", "MT-Bench and AlpacaEval scores");
        assert!(read(&two, "org/foo-8B").scores.is_empty(), "which benchmark is not known");
        let tasks = md.replace("**German** 🇩🇪", "Writing").replace("**Russian** 🇷🇺 *", "Coding");
        assert!(read(&tasks, "org/foo-8B").scores.is_empty(), "rows that are no languages");
    }

    #[test]
    fn a_lead_in_naming_one_benchmark_names_the_tables_parts() {
        let md = "#### Long-Context Performance\n\nWe test the model on an 1M version of the [RULER](https://arxiv.org/abs/2404.06654) benchmark.\n\n\
                  | Model Name | Acc avg | 4k | 8k |\n|---|---|---|---|\n| Qwen3-Next-80B-A3B-Instruct | 91.8 | 98.5 | 99.0 |\n| Other-7B | 80.1 | 90.1 | 91.1 |\n";
        let got: Vec<(String, f64)> = read(md, "Qwen/Qwen3-Next-80B-A3B-Instruct")
            .scores
            .into_iter()
            .map(|s| (s.benchmark_raw, s.value))
            .collect();
        assert_eq!(got, [("RULER".to_owned(), 91.8), ("RULER 4k".to_owned(), 98.5), ("RULER 8k".to_owned(), 99.0)]);
        // Two benchmarks named: which one the table is about is not known.
        let two = md.replace("benchmark.", "benchmark and on MMLU.");
        assert!(read(&two, "Qwen/Qwen3-Next-80B-A3B-Instruct").scores.is_empty());
        // A benchmark densing does not know, named by the lead-in's one link: its columns are parts.
        let linked = "We also evaluate models on [MathBench-A](https://github.com/open-compass/MathBench).\n\n\
                      | Model | Arithmetic | Primary | College | Average |\n|---|---|---|---|---|\n\
                      | InternLM2-Math-Plus-1.8B | 43.0 | 43.3 | 4.7 | 27.1 |\n| GPT-4o | 77.7 | 87.7 | 54.0 | 70.9 |\n";
        let mut got: Vec<String> =
            read(linked, "internlm/internlm2-math-plus-1_8b").scores.into_iter().map(|s| s.benchmark_raw).collect();
        got.sort();
        assert_eq!(got, ["MathBench-A", "MathBench-A Arithmetic", "MathBench-A College", "MathBench-A Primary"]);
        // Without the link the school levels are categories, no benchmarks.
        let bare = linked.replace("[MathBench-A](https://github.com/open-compass/MathBench)", "it");
        assert!(read(&bare, "internlm/internlm2-math-plus-1_8b")
            .scores
            .iter()
            .all(|s| resolve(&s.benchmark_raw).canonical == "card_average"));
        // A heading that names the table's own (unknown) benchmark: the lead-in's is a broader one.
        let sub = md.replace("Long-Context Performance", "RULER-Lite");
        let got: Vec<String> =
            read(&sub, "Qwen/Qwen3-Next-80B-A3B-Instruct").scores.into_iter().map(|s| s.benchmark_raw).collect();
        assert_eq!(got, ["RULER-Lite", "RULER-Lite 4k", "RULER-Lite 8k"]);
    }

    #[test]
    fn unknown_benchmarks_are_named_in_the_benchmark_column_past_a_category_column() {
        let md = "| 分类 | Benchmark | Baichuan-M1-14B-Instruct | gpt-4o |\n|---|---|---|---|\n\
                  | 临床实践 | cmbclin | 77.40 | 75.36 |\n| 临床实践 | rarebench | 59.60 | 56.00 |\n";
        let got: Vec<(String, f64)> = read(md, "baichuan-inc/Baichuan-M1-14B-Instruct")
            .scores
            .into_iter()
            .map(|s| (s.benchmark_raw, s.value))
            .collect();
        assert_eq!(got, [("cmbclin".to_owned(), 77.4), ("rarebench".to_owned(), 59.6)]);
        // A Chinese "dataset" column (数据集) past a category column ("Few shot").
        let md = "| 能力维度 | 数据集 | XVERSE-13B-256K | Yi-6B-200K |\n|---|---|---|---|\n\
                  | Few shot | TREC | 72.0 | 71.0 |\n| | LSHT | 35.0 | 38.0 |\n";
        let got: Vec<String> = read(md, "xverse/XVERSE-13B-256K").scores.into_iter().map(|s| s.benchmark_raw).collect();
        assert_eq!(got, ["TREC", "LSHT"]);
        // A `Category` column names parts of a benchmark only its section could name.
        let md = "|Category | meditron-70b | llama-2-70b |\n|---|---|---|\n|Health | 81.8 | 69.1 |\n|Nutrition | 77.9 | 68.8 |\n";
        let read = read(md, "epfl-llm/meditron-70b");
        assert!(read.scores.is_empty());
        assert_eq!(read.abstained.map(|a| a.0), Some(Unused::UnnamedBenchmark));
        let titled = format!("### TruthfulQA\n\n{md}");
        assert!(!table_scores(&tables(&titled)[0], "epfl-llm/meditron-70b", false, "").scores.is_empty());
    }

    #[test]
    fn split_columns_and_translated_categories_under_a_benchmark_heading() {
        let ceval = "#### C-Eval\n\n| Models | Valid (0-shot) | Test (5-shot) |\n|---|---|---|\n| Foo-Instruct | 51.7 | 51.5 |\n";
        let got: Vec<_> =
            read(ceval, "hfl/foo-instruct").scores.into_iter().map(|s| (s.benchmark_raw, s.shots, s.metric)).collect();
        assert_eq!(
            got,
            [
                ("C-Eval".to_owned(), Some(0), Some("valid".to_owned())),
                ("C-Eval".to_owned(), Some(5), Some("test".to_owned()))
            ]
        );
        assert!(
            read(&ceval.replace("#### C-Eval", "#### Results"), "hfl/foo-instruct").scores.is_empty(),
            "no benchmark"
        );
        let longbench =
            "#### LongBench\n\n| Models | 单文档QA | 摘要 |\n|---|---|---|\n| Foo-Instruct | 50.3 | 16.4 |\n";
        let got: Vec<String> =
            read(longbench, "hfl/foo-instruct").scores.into_iter().map(|s| s.benchmark_raw).collect();
        assert_eq!(got, ["LongBench 单文档QA", "LongBench 摘要"]);
    }

    #[test]
    fn a_math_column_beside_gsm8k_is_math_and_beside_categories_is_one() {
        let raw = |md: &str| read(md, "org/Foo-7B").scores.into_iter().map(|s| s.benchmark_raw).collect::<Vec<_>>();
        let yuan = "| Model | HumanEval | GSM8K | MMLU | Math |\n|---|---|---|---|---|\n| Foo-7B | 74.4 | 92.7 | 72.2 | 55.9 |\n| Bar-7B | 60.1 | 80.2 | 70.3 | 40.4 |\n";
        assert_eq!(raw(yuan), ["HumanEval", "GSM8K", "MMLU", "Math"]);
        let llama2 = "| Model | Code | Commonsense Reasoning | Math | MMLU | GSM8K |\n|---|---|---|---|---|---|\n| Foo-7B | 16.8 | 63.9 | 14.6 | 45.3 | 14.6 |\n| Bar-7B | 20.1 | 60.2 | 10.3 | 40.4 | 12.1 |\n";
        assert_eq!(raw(llama2), ["MMLU", "GSM8K"]);
    }

    #[test]
    fn a_long_context_suites_tasks_are_its_parts_not_the_benchmarks_they_borrow_from() {
        let raw = |md: &str, id: &str| read(md, id).scores.into_iter().map(|s| s.benchmark_raw).collect::<Vec<_>>();
        let leval = "The scores of [L-Eval](https://arxiv.org/abs/2307.11088) (closed-ended tasks) are as follows:\n\n\
                     | Model | Average | Coursera | GSM |\n|---|---|---|---|\n| Foo-7B | 62.3 | 58.1 | 76.0 |\n| Bar-7B | 50.1 | 40.2 | 30.0 |\n";
        assert_eq!(raw(leval, "org/Foo-7B"), ["L-Eval", "L-Eval Coursera", "L-Eval GSM"]);
        let rows = "#### LongBench\n\n| Dataset | Foo-7B | Bar-7B |\n|---|---|---|\n| HotpotQA | 50.1 | 40.2 |\n| TriviaQA | 80.2 | 70.3 |\n";
        assert_eq!(raw(rows, "org/Foo-7B"), ["LongBench HotpotQA", "LongBench TriviaQA"]);
        // Without the suite's name they are the benchmarks themselves.
        assert_eq!(raw(&rows.replace("#### LongBench", "#### Results"), "org/Foo-7B"), ["HotpotQA", "TriviaQA"]);
    }

    #[test]
    fn a_note_counting_things_is_no_version() {
        let md = "| Model | ARC | GSM8K |\n|---|---|---|\n| other/x-7b | 66.2 | 19.5 |\n\
                  | speechless-mistral-7b-dare-0.85 (Merge 6 DARE models) | 63.57 | 45.56 |\n";
        assert_eq!(read(md, "unknown/speechless-mistral-7B-dare-0.85").scores.len(), 2);
        let versioned = md.replace("(Merge 6 DARE models)", "(v2)");
        assert!(read(&versioned, "unknown/speechless-mistral-7B-dare-0.85").scores.is_empty(), "(v2) is another");
    }

    #[test]
    fn a_version_with_or_without_its_v_is_the_same_version() {
        let md = "| Model | MT-Bench | AlpacaEval |\n|---|---|---|\n| Tulu-v2-dpo-7b | 6.29 | 85.1 |\n| Tulu-v2-dpo-13b | 7.0 | 89.5 |\n";
        assert_eq!(read(md, "allenai/tulu-2-dpo-7b").scores.len(), 2);
        assert_eq!(read(&md.replace("-v2-", "-2-"), "allenai/tulu-v2-dpo-7b").scores.len(), 2);
        assert!(read(&md.replace("-v2-", "-v3-"), "allenai/tulu-2-dpo-7b").scores.is_empty());
        // A name's word split by punctuation ("Mi:dm") is that word; digits are not joined ("1.3B").
        assert_eq!(
            label_match("Mi:dm 2.0-Base-inst", "K-intelligence/Midm-2.0-Base-Instruct").map(|m| m.1),
            Some(true)
        );
        assert_eq!(label_match("Cerebras-GPT 1.3B", "cerebras/Cerebras-GPT-13B"), None);
    }

    #[test]
    fn a_row_naming_the_model_then_how_it_was_run_is_the_model_in_that_setting() {
        let md = "| Model | GSM8k Pass@1 | MATH Pass@1 |\n|---|---|---|\n| MetaMath-7B | 66.5 | 19.8 |\n\
                  | 🔥 **Arithmo-Mistral-7B Zero-Shot PoT** | **71.2** | -- |\n\
                  | 🔥 **Arithmo-Mistral-7B Zero-Shot CoT** | **74.7** | **25.3** |\n";
        let got = read(md, "akjindal53244/Arithmo-Mistral-7B");
        assert!(got.scores[0].evidence.starts_with("🔥 Arithmo-Mistral-7B Zero-Shot PoT |"), "the label as written");
        let got: Vec<(String, Option<i32>, f64, Option<String>)> =
            got.scores.into_iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.shots, s.value, s.metric)).collect();
        let want =
            [("gsm8k", 71.2, "Zero-Shot PoT"), ("gsm8k", 74.7, "Zero-Shot CoT"), ("math", 25.3, "Zero-Shot CoT")];
        assert_eq!(got, want.map(|(b, v, m)| (b.to_owned(), Some(0), v, Some(m.to_owned()))));
        // (The shot count spelled apart, "Zero Shot CoT", is the same setting.)
        let apart = read(&md.replace("Zero-Shot", "Zero Shot"), "akjindal53244/Arithmo-Mistral-7B");
        assert_eq!(apart.scores.iter().map(|s| s.value).collect::<Vec<_>>(), [71.2, 74.7, 25.3]);
        // One such row alone is no pair of settings (an "X few-shot" beside it may go unread).
        let lone = md.replace("| 🔥 **Arithmo-Mistral-7B Zero-Shot PoT** | **71.2** | -- |\n", "");
        assert!(read(&lone, "akjindal53244/Arithmo-Mistral-7B").scores.is_empty());
        // Another word after the name is no setting: "Arithmo-Mistral-7B Large" is another model.
        assert!(read(
            &md.replace("Zero-Shot PoT", "Large").replace("Zero-Shot CoT", "XL"),
            "akjindal53244/Arithmo-Mistral-7B"
        )
        .scores
        .is_empty());
    }

    #[test]
    fn columns_of_one_benchmark_told_apart_by_prompting_are_both_read() {
        // FLAN-UL2's table: "MMLU" and "MMLU-CoT" are MMLU answered directly and with CoT.
        let md = "| | MMLU | BBH | MMLU-CoT | BBH-CoT |\n|---|---|---|---|---|\n| FLAN-UL2 20B | 55.7 | 45.9 | 52.2 | 42.7 |\n";
        let got: Vec<(String, f64)> = read(md, "google/flan-ul2")
            .scores
            .into_iter()
            .map(|s| (resolve(&s.benchmark_raw).canonical, s.value))
            .collect();
        let want = [("mmlu", 55.7), ("bbh", 45.9), ("mmlu", 52.2), ("bbh", 42.7)].map(|(b, v)| (b.to_owned(), v));
        assert_eq!(got, want);
        // The same name twice with nothing to tell them apart is still neither.
        assert!(read(&md.replace("MMLU-CoT", "MMLU").replace("BBH-CoT", "BBH"), "google/flan-ul2").scores.is_empty());
    }

    #[test]
    fn hyper_parameter_symbols_are_no_benchmarks() {
        let md = "| Model | Params | d_model | n_layers | HellaSwag |\n|---|---|---|---|---|\n| Cerebras-GPT | 13B | 5120 | 40 | 51.3 |\n| Cerebras-GPT | 111M | 768 | 10 | 26.8 |\n";
        let got: Vec<(String, f64)> =
            read(md, "cerebras/Cerebras-GPT-13B").scores.into_iter().map(|s| (s.benchmark_raw, s.value)).collect();
        assert_eq!(got, [("HellaSwag".to_owned(), 51.3)]);
        // Beside two architecture columns a name densing does not know is one more setting.
        let md = "| Model | params | len_vocab | max_pos | n_layers | HellaSwag |\n|---|---|---|---|---|---|\n\
                  | minimind-3 | 64M | 6400 | 32768 | 8 | 28.3 |\n";
        let got: Vec<String> = read(md, "org/minimind-3").scores.into_iter().map(|s| s.benchmark_raw).collect();
        assert_eq!(got, ["HellaSwag"]);
        // The same kind of table the other way round: sizes over rows of settings.
        let md = "| | 7B | 12B |\n|---|---|---|\n| layer_num | 30 | 38 |\n| head_num | 32 | 32 |\n";
        assert!(read(md, "Tele-AI/telechat-7B").scores.is_empty());
        // An environmental-impact table under the models' names (OLMo's, the other way round).
        let md = "| | Foo 7B Twin | Foo 7B |\n|---|---|---|\n| Power Consumption From GPUs | 135 | 104 |\n\
                  | Carbon Emissions (tCO₂eq) | 0 | 75.05 |\n";
        assert!(read(md, "org/Foo-7B").scores.is_empty());
    }

    #[test]
    fn a_row_without_the_models_stage_is_the_earlier_stages_model() {
        let md = "## Results of instruction tuning\n\n| model | MMLU |\n|---|---|\n| komt-mistral-7b-v1 | 70.81 |\n";
        assert!(read(md, "davidkim205/komt-mistral-7b-v1-dpo").scores.is_empty());
        // "Instruct" may still be left out under a heading about tuned models.
        assert_eq!(read(md, "org/komt-mistral-7b-v1-instruct").scores.len(), 1);
    }

    #[test]
    fn evalplus_columns_give_the_plus_set_in_parentheses() {
        let md = "| Benchmark | HumanEval (+) | MBPP (+) | Average (+) |\n|---|---|---|---|\n\
                  | **Foo-CL-7B** | 72.6 (67.7) | 66.4 (55.4) | 69.5 (61.6) |\n| + Execution Feedback | 75.6 (70.1) | 69.9 (60.7) | 72.8 (65.4) |\n";
        let got: Vec<(String, f64)> =
            read(md, "org/Foo-CL-7B").scores.into_iter().map(|s| (s.benchmark_raw, s.value)).collect();
        let want = [("HumanEval+", 67.7), ("HumanEval (+)", 72.6), ("MBPP+", 55.4), ("MBPP (+)", 66.4)];
        assert_eq!(got[..4], want.map(|(b, v)| (b.to_owned(), v)));
        // Not a parenthesis under any other name: a gain, a deviation, a plus set densing does not know.
        assert!(plus_value("HumanEval", "72.6 (67.7)").is_none() && plus_value("Average (+)", "69.5 (61.6)").is_none());
        // The same table with the models as columns.
        let md =
            "| Benchmark | **Foo-CL-7B** | Bar-7B |\n|---|---|---|\n| HumanEval (+) | 72.6 (67.7) | 60.1 (55.0) |\n";
        let got: Vec<(String, f64)> =
            read(md, "org/Foo-CL-7B").scores.into_iter().map(|s| (s.benchmark_raw, s.value)).collect();
        assert_eq!(got, [("HumanEval+".to_owned(), 67.7), ("HumanEval (+)".to_owned(), 72.6)]);
    }

    #[test]
    fn a_blank_spacer_row_continues_no_name() {
        let md = "| Model | GSM8K |\n|---|---|\n| Foo-1B | 67.5 |\n|  |  |\n| *> 1B* |  |\n| Bar-2B | 70.0 |\n";
        let got: Vec<f64> = read(md, "org/Foo-1B").scores.into_iter().map(|s| s.value).collect();
        assert_eq!(got, [67.5], "one row names Foo-1B, not two");
    }

    #[test]
    fn a_size_with_its_leading_zero_and_no_point_is_under_one_billion() {
        let md = "| Model | #Params | HellaSwag |\n|---|---|---|\n| **Foo (Ours)** | **0.5B** | 52.5 |\n| **Foo (Ours)** | **0.8B** | 54.1 |\n";
        let got = |id: &str| read(md, id).scores.into_iter().map(|s| s.value).collect::<Vec<_>>();
        assert_eq!(got("org/Foo-05B"), [52.5], "05B is 0.5B");
        assert_eq!(got("org/Foo-08B"), [54.1]);
        assert!(got("org/Foo-5B").is_empty(), "5B is neither row");
    }

    #[test]
    fn an_average_line_under_an_lm_eval_suite_table_is_the_suites_score() {
        let md = "## AGIEval:\n```\n|    Task     |Version| Metric |Value |   |Stderr|\n|---|---:|---|---:|---|---:|\n|agieval_aqua_rat|0|acc|0.2441|±|0.0270|\n|agieval_lsat_ar|0|acc|0.2304|±|0.0278|\n```\nAverage: 44.52\n";
        let table = &tables(md)[0];
        let read = table_scores(table, "org/Model-7B", false, "");
        let average = suite_average(table, md, &read.scores).expect("an average");
        assert_eq!((average.benchmark_raw.as_str(), average.value), ("AGIEval", 44.52));
        // In a block fenced with tildes, GFM's other fence, the same.
        let tilde = md.replace("```", "~~~");
        let t = &tables(&tilde)[0];
        let average = suite_average(t, &tilde, &table_scores(t, "org/Model-7B", false, "").scores);
        assert_eq!(average.map(|a| a.value), Some(44.52));
        // Under a heading that names no benchmark, the tasks' shared prefix names the suite; tasks
        // of several suites name none.
        let other = md.replace("## AGIEval:", "## Results:");
        let t = &tables(&other)[0];
        let average = suite_average(t, &other, &table_scores(t, "org/Model-7B", false, "").scores);
        assert_eq!(average.map(|a| resolve(&a.benchmark_raw).canonical), Some("agieval".to_owned()));
        let mixed = other.replace("agieval_lsat_ar", "arc_challenge");
        let t = &tables(&mixed)[0];
        assert!(suite_average(t, &mixed, &table_scores(t, "org/Model-7B", false, "").scores).is_none());
        // A fraction under a table of fractions, within their range, is one; outside it, or under
        // a table of percents, it is left.
        let average = |md: &str| {
            let t = &tables(md)[0];
            suite_average(t, md, &table_scores(t, "org/Model-7B", false, "").scores).map(|a| a.value)
        };
        assert_eq!(average(&md.replace("44.52", "0.2372")), Some(23.72));
        assert_eq!(average(&md.replace("44.52", "0.4452")), None, "above every task's value");
        let percents = md.replace("0.2441", "24.41").replace("0.2304", "23.04").replace("0.0270", "2.70");
        assert_eq!(average(&percents.replace("0.0278", "2.78").replace("44.52", "0.2372")), None);
    }

    #[test]
    fn the_average_column_under_a_benchmark_heading_is_that_benchmarks_score() {
        let md = "### C-Eval\n\n| Model 5-shot | STEM | Humanities | Average |\n|---|---|---|---|\n| Baichuan-13B-Base | 47.0 | 60.5 | 52.4 |\n| LLaMA-13B | 27.1 | 26.4 | 28.5 |\n";
        let got: Vec<(String, f64, Option<i32>)> = read(md, "baichuan-inc/Baichuan-13B-Base")
            .scores
            .into_iter()
            .map(|s| (s.benchmark_raw, s.value, s.shots))
            .collect();
        let parts = [("C-Eval STEM", 47.0), ("C-Eval Humanities", 60.5), ("C-Eval", 52.4)];
        assert_eq!(got, parts.map(|(n, v)| (n.to_owned(), v, Some(5))));
        // Under a heading that names no benchmark the column stays the card's own average.
        let other = md.replace("### C-Eval", "### Results");
        let got: Vec<String> =
            read(&other, "baichuan-inc/Baichuan-13B-Base").scores.into_iter().map(|s| s.benchmark_raw).collect();
        assert_eq!(got, ["Average"]);
    }
}
