//! What a table's place in the card says about it: the heading it sits under and the text
//! between them. A one-row table right under "Evaluation Results" is the model's own; an
//! "Average" column under a "C-Eval" heading is C-Eval's score.

use super::axis_words::LANGUAGES;
use super::benchmarks::{
    heading_benchmark, is_metric_only, is_overall_column, is_part_name, may_be_benchmark, resolve, split_of,
    strip_markup,
};
use super::card_scores::Unused;
pub(crate) use super::cell_values::{numeric_share, numeric_share_in_rows};
use super::model_names::{is_packed, is_size, label_match, words};
pub(crate) use super::table_titles::{section_benchmark, titled_benchmark};
use super::tables::{is_missing, pure_number, Table};
use super::tune_or_base::heading_allows;

/// A one-row table with no name column right under a results heading ("### Evaluation
/// Results", then `| ARC | HellaSwag | … |` and one row of numbers): the card's own model's
/// numbers. Not on a quantized copy's card (they are the original's), not under a heading or
/// after text that says whose else they may be: a size or a model word ("By comparison,
/// MoMo-72B has …", "we also ran Llama-2-70B"), contamination, a base model, a baseline.
/// A table of `one_benchmark` may sit under a heading naming it inside a results section, one of
/// `known_columns` (each a known benchmark) under its "Overview".
pub(crate) fn nameless_own_row(table: &Table, model_id: &str, one_benchmark: bool, known_columns: bool) -> bool {
    // (Not the title that is the model's own name: "# Mistral-NeMo-Minitron-8B-Base" says no "base".)
    let name = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let path: Vec<String> = table.heading.split(" > ").map(words).filter(|h| *h != name).flatten().collect();
    let last = words(last_heading(table));
    // ("DeciLM's 6B evaluation results": a possessive does not part the model's name.)
    let lead_in: Vec<String> = words(&table.lead_in.replace("'s ", " ").replace("’s ", " "));
    let results = [
        "evaluation",
        "evaluations",
        "results",
        "benchmark",
        "benchmarks",
        "performance",
        "scores",
        "eval",
        "leaderboard",
    ];
    let elsewhere = [
        "contamination",
        "base",
        "baseline",
        "baselines",
        "original",
        "comparison",
        "compared",
        "compare",
        "previous",
        "teacher",
        "model",
        "models",
        "vs",
        "versus",
    ];
    // A lead-in that names the card's own model ("Go-Bruins is the SOTA 7B model.") says whose.
    let names_own = !name.is_empty() && lead_in.windows(name.len()).any(|w| w == name.as_slice());
    let about_others = |w: &String| elsewhere.contains(&w.as_str()) && !matches!(w.as_str(), "model" | "models");
    let says_whose =
        |w: &String| if names_own { about_others(w) } else { elsewhere.contains(&w.as_str()) || is_size(w) };
    // "the performance of this model", "results in single model mode" (MT-Bench's, one model
    // judged alone): the card's own model is no one else's. Nor is the kind
    // of model a paper's title names ("… as introduced in Evaluating Large Language Models
    // Trained on Code", over Nemotron's HumanEval row).
    // ("Other large language models" still are others.)
    let others = |i: usize| lead_in[i.saturating_sub(2)..i].iter().any(|w| matches!(w.as_str(), "other" | "several"));
    let own_model = |i: usize| {
        matches!(lead_in[i].as_str(), "model" | "models")
            && i > 0
            && (matches!(lead_in[i - 1].as_str(), "this" | "our" | "the" | "single")
                || lead_in[i - 1] == "language" && !others(i - 1))
    };
    // ("The evaluation results:" right over the table says so as a heading would; not under a
    // heading naming one benchmark, whose table may hold only that benchmark's numbers.)
    let said_over = || {
        let line_over = table.lead_in.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
        heading_benchmark(&table.heading).is_none() && words(line_over).iter().any(|w| results.contains(&w.as_str()))
    };
    table.rows.len() == 1
        && !is_packed(model_id)
        // (Or, for a table of that one benchmark, a section named for it in a results section:
        // "Evaluation Results > MMLU".)
        && (last.iter().any(|w| results.contains(&w.as_str()))
            || said_over()
            // ("Evaluation Results > Overview": the results section's summary, for columns that
            // are known benchmarks.)
            || known_columns
                && matches!(last.as_slice(), [w] if w == "overview" || w == "summary")
                && path.iter().any(|w| results.contains(&w.as_str()))
            || one_benchmark && path.iter().any(|w| results.contains(&w.as_str())) && heading_benchmark(&table.heading).is_some())
        // ("Model Overview > Evaluation Results": an upper heading's "model" is the card's own.)
        && !path.iter().any(|w| elsewhere.contains(&w.as_str()) && !matches!(w.as_str(), "model" | "models"))
        && !last.iter().any(|w| matches!(w.as_str(), "model" | "models"))
        && !(0..lead_in.len()).any(|i| !own_model(i) && says_whose(&lead_in[i]))
}

/// Whether a table's rows name no model: it has no label column, or its one row is labelled
/// only "Score" (`| Metric | Average | ARC | … |` then `| **Score** | … |`) or not at all.
pub(crate) fn unnamed_row(table: &Table, label_cols: &[usize]) -> bool {
    let unnamed = |c: &usize| is_score_header(&table.rows[0][*c]) || table.rows[0][*c].trim().is_empty();
    label_cols.is_empty() || (table.rows.len() == 1 && label_cols.iter().all(unnamed))
}

/// A column header (or a row's only label) that says "this model's value" and nothing else:
/// "Score", "Result (%)", "评测结果".
pub(crate) fn is_score_header(header: &str) -> bool {
    score_word(&plain_header(header))
}

/// The header of a table's lone value column that says it is the model's: a score word, or a
/// metric alone ("pass@1", "Accuracy (%)").
pub(crate) fn is_lone_value_header(header: &str) -> bool {
    is_score_header(header) || is_metric_only(header)
}

/// A header without markup, percent marks, case or repeated spaces.
fn plain_header(header: &str) -> String {
    let h = strip_markup(header).replace("(%)", "").replace('%', "").to_lowercase();
    h.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score_word(h: &str) -> bool {
    matches!(
        h,
        "value" | "values" | "score" | "scores" | "result" | "results" | "结果" | "评测结果" | "得分" | "分数" | "成绩"
    )
}

/// A column header that names the card's own model without its name: "Ours", "Our results", or a
/// measurement of it ("Scores on Leaderboard" beside "Our results"), besides [`is_score_header`].
pub(crate) fn is_own_header(header: &str) -> bool {
    let h = plain_header(header);
    score_word(&h)
        || super::axis_words::is_self_reference(&h)
        || matches!(
            h.as_str(),
            "ours"
                | "our results"
                | "our result"
                | "our scores"
                | "our score"
                | "scores on leaderboard"
                | "leaderboard scores"
                | "leaderboard score"
                // The Open LLM Leaderboard v2's two figures side by side (LLM360's "Score | Raw Score").
                | "raw score"
                | "normalized score"
                | "normalised score"
        )
}

/// A header over a column naming models: "Model", "Models", "Name", "Model Name", "Model-Name",
/// "LLM Name" (short headers only: "Model architecture details" names none); in Chinese "模型",
/// "模型名称", "模型 ↓ 评测集".
pub(crate) fn is_model_header(header: &str) -> bool {
    let h = strip_markup(header).trim().to_lowercase();
    matches!(h.as_str(), "name" | "模型名称" | "模型名")
        || h.starts_with("模型")
        || words(&h).iter().any(|w| matches!(w.as_str(), "model" | "models" | "llm" | "llms")) && h.len() <= 12
}

/// Whether a column header after the first names the model exactly: under a "Model Name" corner
/// (`| Model Name | Foo-13B | org/Bar |`), the models are then the columns, not the rows.
pub(crate) fn names_own_column(header: &[String], model_id: &str) -> bool {
    header.iter().skip(1).any(|h| label_match(&strip_markup(h), model_id).is_some_and(|(_, exact)| exact))
}

/// Why a table's rows cannot be read as benchmarks: they are named by a `Category` (subject,
/// domain, topic) column ("Health", "Nutrition": parts of TruthfulQA on meditron's card) and no
/// heading, caption or lead-in names the benchmark they belong to.
pub(crate) fn unnamed_categories(table: &Table, names_header: &str) -> Option<String> {
    // (And their Chinese: 问题类型 "question type", 类别 "category", 领域 "domain", 学科 "subject".)
    let categories = [
        "category",
        "categories",
        "subject",
        "subjects",
        "domain",
        "domains",
        "topic",
        "topics",
        "question type",
        "task type",
        "问题类型",
        "任务类型",
        "类型",
        "类别",
        "领域",
        "学科",
    ];
    let header = strip_markup(names_header).trim().to_lowercase();
    let named = || breakdown_of(table, names_header).is_some() || section_benchmark(table).is_some();
    (categories.contains(&header.as_str()) && !named())
        .then(|| format!("rows of a {names_header:?} column name no benchmark, and no heading or lead-in does"))
}

/// Why a table of benchmark scores gave this model nothing when none of its `labels` (the
/// columns' or rows' model names) came near the model: its heading is for the other kind of
/// model, or its labels are all other models. Said in `rejects` rather than passed over in
/// silence, so that a card whose table densing read nothing from says why.
pub(crate) fn none_is_own(table: &Table, labels: &[String], what: &str, tuned: bool) -> (Unused, String) {
    if !heading_allows(&table.heading, tuned) {
        let heading: String = last_heading(table).chars().take(60).collect();
        let why = format!("under \"{heading}\", a heading for another kind of model's (or superseded) results");
        return (Unused::NoOwnColumn, why);
    }
    let named: Vec<String> = labels.iter().map(|l| strip_markup(l)).filter(|l| !l.trim().is_empty()).collect();
    let shown: Vec<String> =
        named.iter().take(4).map(|l| format!("{:?}", l.chars().take(30).collect::<String>())).collect();
    let more = if named.len() > 4 { format!(" and {} more", named.len() - 4) } else { String::new() };
    let why = if shown.is_empty() {
        format!("no {what} names the model: the {what}s are unlabelled")
    } else {
        format!("no {what} names this model ({what}s: {}{more})", shown.join(", "))
    };
    (Unused::NoOwnColumn, why)
}

/// [`none_is_own`] for a table of models as rows, when some value column is a known benchmark
/// with a number under it: a list of models' sizes or licences is no score table.
pub(crate) fn rows_of_others(
    table: &Table,
    header: &[String],
    value_cols: &[usize],
    row_parts: &[Vec<String>],
    (model_id, tuned): (&str, bool),
) -> Option<(Unused, String)> {
    let scored = |c: &usize| resolve(&header[*c]).is_known && table.rows.iter().any(|r| pure_number(&r[*c]).is_some());
    let labels: Vec<String> = row_parts.iter().map(|p| p.join(" ")).collect();
    if value_cols.iter().any(scored) {
        return Some(none_is_own(table, &labels, "row", tuned));
    }
    // (Rows of unknown benchmarks: said only when one comes near the model.)
    let numbers = |r: &Vec<String>| r.iter().any(|c| pure_number(c).is_some());
    let scored_rows: Vec<&String> =
        labels.iter().zip(&table.rows).filter(|(_, r)| numbers(r)).map(|(l, _)| l).collect();
    super::near_labels::near_but_not_own(&scored_rows, "row", model_id)
}

pub(crate) fn last_heading(table: &Table) -> &str {
    table.heading.rsplit(" > ").next().unwrap_or("")
}

/// Under a heading that names a benchmark ("### C-Eval") with no benchmark among its columns, the
/// one average or metric column ("Average", "Avg. Acc.", "Acc.") is that benchmark's score; its
/// other columns are the benchmark's categories (STEM, Humanities, …). Or one such column per
/// split ("Avg. (Val)", "Avg. (Test)"). `(columns, benchmark)`.
pub(crate) fn overall_of_heading(
    table: &Table,
    header: &[String],
    labels: &[usize],
    values: &[usize],
) -> Option<(Vec<usize>, String)> {
    let named_elsewhere =
        values.iter().any(|c| resolve(&header[*c]).is_known && resolve(&header[*c]).canonical != "card_average");
    let free = |c: &usize| !labels.contains(c);
    let overall: Vec<usize> = (0..header.len()).filter(|c| free(c) && is_overall_column(&header[*c])).collect();
    let by_split: Vec<usize> = (0..header.len()).filter(|c| free(c) && overall_split(&header[*c]).is_some()).collect();
    // The one value column a measure of the heading's benchmark ("Function Calling Accuracy (Name &
    // Arguments)" under "### Berkeley Function-Calling Leaderboard"): its score, as an "Accuracy" is.
    // (Only under a heading naming a known benchmark: "### [snowflake-arctic-embed-m](…)" names a model.)
    if let ([], [one]) = (overall.as_slice(), values) {
        let known = |b: &String| {
            let b = resolve(b);
            b.is_known && b.canonical != "card_average"
        };
        if measure_of_heading(&header[*one]) {
            if let Some(name) = section_benchmark(table).filter(known) {
                return by_split.is_empty().then(|| (vec![*one], name));
            }
        }
    }
    let splits: std::collections::BTreeSet<String> =
        by_split.iter().filter_map(|c| overall_split(&header[*c])).collect();
    // (The section's benchmark is looked for only when the table has the one overall column, or
    // one for each split.)
    // `| MGSM | en | id | … | avg |`: the label column's header names the benchmark of its parts.
    let of_labels = || match labels {
        [l] if (0..header.len()).all(|c| c == *l || overall.contains(&c) || is_part_name(&header[c])) => {
            let b = resolve(&header[*l]);
            (b.is_known && b.canonical != "card_average").then(|| strip_markup(&header[*l]).trim().to_owned())
        }
        _ => None,
    };
    match (overall.as_slice(), by_split.len()) {
        ([one], 0) if !named_elsewhere => Some((vec![*one], section_benchmark(table).or_else(of_labels)?)),
        ([], 2..) if !named_elsewhere && splits.len() == by_split.len() => Some((by_split, section_benchmark(table)?)),
        _ => None,
    }
}

/// A column header that measures something without naming a benchmark: a metric word, and besides it
/// only words that are no benchmark, language or category of their own ("Function Calling Accuracy
/// (Name & Arguments)"; not "Chinese Accuracy", "STEM Acc", "GSM8K Accuracy").
fn measure_of_heading(header: &str) -> bool {
    let plain = strip_markup(header).to_lowercase();
    let outside = plain.split('(').next().unwrap_or("");
    let said: Vec<&str> = outside.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let (metric, rest): (Vec<&str>, Vec<&str>) = said.iter().partition(|w| super::axis_words::METRIC.contains(w));
    let rest = rest.join(" ");
    !metric.is_empty()
        && !rest.is_empty()
        && !resolve(header).is_known
        && !resolve(&rest).is_known
        && !is_part_name(&rest)
}

/// The split of an overall column that names one ("Avg. (Val)": "val").
pub(crate) fn overall_split(header: &str) -> Option<String> {
    let (name, rest) = header.split_once('(')?;
    let inside = rest.strip_suffix(')')?;
    (is_overall_column(name) && !name.trim().is_empty()).then(|| split_of(inside)).flatten()
}

/// A table of benchmarks by category with no model in it (`| Benchmark | STEM | Humanities | … |
/// Average |`, one row per benchmark) right after a sentence that names this model and no other
/// sized model ("We provide detailed results of the Skywork-13B-Base model on C-EVAL, CMMLU and
/// MMLU"): the model's own scores, each column a part of the row's benchmark.
pub(crate) fn own_breakdown(table: &Table, header: &[String], value_cols: &[usize], model_id: &str) -> bool {
    let named: Vec<&str> = table
        .lead_in
        .split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))
        .map(|t| t.trim_matches(['.', '-', '_']))
        .filter(|t| words(t).iter().any(|w| is_size(w)))
        .collect();
    let own = |t: &&str| label_match(t, model_id).is_some_and(|(_, exact)| exact);
    let overall = value_cols.iter().filter(|c| is_overall_column(&header[**c])).count();
    let parts = value_cols.iter().filter(|c| is_part_name(&header[**c])).count();
    // Every other column is a part too ("China Specific", "Hard"), none a benchmark of its own.
    let benchmark = |c: &&usize| !is_overall_column(&header[**c]) && resolve(&header[**c]).is_known;
    !named.is_empty()
        && named.iter().all(own)
        && overall <= 1
        && parts >= 2
        && !value_cols.iter().any(|c| benchmark(&c))
}

/// The benchmark a breakdown table's rows are parts of: a table whose label column is a
/// breakdown axis (`| Languages | Phi-3.5-Mini | … |`) under a heading that names one benchmark
/// and nothing else ("### MGSM", "#### Multilingual MMLU-pro"). Rows are then "MGSM German".
pub(crate) fn breakdown_of(table: &Table, axis: &str) -> Option<String> {
    const AXES: &[&str] = &["language", "languages", "lang", "category", "categories", "supercategory", "subject"];
    const GENERIC: &[&str] = &[
        "results",
        "result",
        "evaluation",
        "evaluations",
        "eval",
        "benchmark",
        "benchmarks",
        "performance",
        "comparison",
        "appendix",
        "scores",
        "metrics",
        "accuracy",
        "by",
        "overview",
        "summary",
        "table",
        "details",
        "model",
        "models",
        "and",
        "vs",
    ];
    if !matches!(words(axis).as_slice(), [a] if AXES.contains(&a.as_str())) {
        return None;
    }
    let generic = |name: &str| words(name).iter().any(|w| GENERIC.contains(&w.as_str()));
    let fits = |name: &str| (1..=4).contains(&words(name).len()) && !generic(name) && may_be_benchmark(name);
    // "CLIcK (Cultural and Linguistic Intelligence in Korean) > Accuracy by category": a generic
    // last heading leaves the name to its parent; a long name is read without its parentheses.
    let mut path = table.heading.rsplit(" > ").map(|h| h.trim().trim_end_matches([':', '：']).trim());
    let last = path.next()?;
    // "Multilingual Benchmarks (MMLU)": a generic name whose parenthesis is one known benchmark.
    let inner = last.split_once(" (").and_then(|(_, r)| r.strip_suffix(')')).filter(|i| resolve(i).is_known);
    // (A parent heading is a benchmark's only when known or one word: "Yaml Config" over "Subject-wise
    // Accuracy" is a section of settings, not the benchmark of the subjects under it.)
    let bare = |n: &str| n.split(" (").next().unwrap_or(n).trim().to_owned();
    let parent_names = |n: &&str| resolve(&bare(n)).is_known || bare(n).split_whitespace().count() == 1;
    let name = if generic(last) { path.next().filter(parent_names) } else { Some(last) };
    let short = name.map(|n| n.split(" (").next().unwrap_or(n).trim());
    let named = [name, short].into_iter().flatten().find(|n| fits(n));
    named.or(inner.filter(|_| generic(last))).map(str::to_owned)
}

/// The language a table's own section names ("Evaluation Results (Dutch)", "### German
/// benchmarks"): its benchmarks with English names are translations there ("ARC" in Dutch is not
/// ARC). Not when the heading names the model itself (a card titled "Llama-2-13b-chat-dutch").
pub(crate) fn section_language(table: &Table, model_id: &str) -> Option<String> {
    let heading = last_heading(table).to_lowercase();
    let own = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let said: Vec<String> = words(&heading).into_iter().filter(|w| LANGUAGES.contains(&w.as_str())).collect();
    let names_model = own.len() > 1 && own.iter().filter(|w| heading.contains(w.as_str())).count() * 2 > own.len();
    match said.as_slice() {
        [one] if !names_model => Some(one[..1].to_uppercase() + &one[1..]),
        _ => None,
    }
}

/// One row of numbers under every header, each header shaped like a benchmark ("Ko-ARC",
/// "Ko-CommonGen V2"), right under a results heading: the card's own scores on benchmarks the
/// alias table does not know.
pub(crate) fn unnamed_scores(table: &Table, header: &[String], model_id: &str) -> bool {
    let numbers = table.rows.first().is_some_and(|r| r.iter().all(|c| pure_number(c).is_some()));
    header.len() >= 3
        && numbers
        && header.iter().all(|h| may_be_benchmark(h))
        && nameless_own_row(table, model_id, false, false)
}

/// Whether a models-as-columns table has one column of labels, `bench_col` (the rest are values,
/// or say nothing: a column of "NaN" is a model left unevaluated).
pub(crate) fn one_label_column(table: &Table, bench_col: usize, value_cols: &[usize]) -> bool {
    let labels = |c: usize| table.rows.iter().any(|r| r[c].chars().any(char::is_alphabetic) && !is_missing(&r[c]));
    (0..table.header.len()).all(|c| c == bench_col || value_cols.contains(&c) || !labels(c))
}
