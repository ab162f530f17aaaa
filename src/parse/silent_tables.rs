//! Why a table of models' results gave nothing when none of its columns is a benchmark densing
//! knows: "| 模型 | 准确性 | 完整性 | 清晰性 | 平均 |" (a judge's criteria), "| Model | English | French | … |"
//! (a test set's languages no heading names), "| Model | win rate |". densing publishes none of
//! them (a criterion or a language is no benchmark), but the table is not passed over in silence:
//! its reject names the columns, and says whether the model's own row was there.
//!
//! Only tables that are plainly results: rows of models (a "Model" column, in English or Chinese,
//! or a corner under no name over a row naming the model), one column of values at least a measure
//! (accuracy, F1, score, win rate, …) or a heading or lead-in about an evaluation, and the model's
//! attributes (size, length, bits, time, memory, power, perplexity, …) left out of the reason.
//! Download, architecture and speed tables say nothing.
//!
//! (And a table's one row of values on both sides of 1, each a fraction or a percent: `one_row_units`.)

use super::axis_words::{says_results, METRIC};
use super::benchmarks::{is_architecture_column, is_overall_column, names_an_attribute, resolve, strip_markup};
use super::card_scores::Unused;
use super::cell_values::numeric_share;
use super::model_names::{label_match, words};
use super::table_context::{is_lone_value_header, is_model_header};
use super::tables::Table;

/// Words of a column of a model's attributes beside those no benchmark name holds
/// ([`names_an_attribute`]: size, length, bits, time, memory, power, …).
/// (And a training run's settings: "Learning rate", "Weight decay", "Seed".)
const ATTRIBUTES: &[&str] =
    &["threads", "gbs", "mb", "gb", "ms", "ppl", "perplexity", "loss", "decay", "optimizer", "seed", "epoch"];
const CJK_MEASURES: &[&str] = &["准确", "得分", "分数", "平均", "正确率", "胜率", "评分"];
const CJK_ATTRIBUTES: &[&str] = &["长度", "词表", "参数", "大小", "时间", "显存", "下载", "链接", "训练", "轮次"];

/// The reject of a table that gave nothing (`read`: how many scores it gave) and whose columns of
/// values are results that name no benchmark densing knows.
pub(crate) fn silent_results(table: &Table, model_id: &str, read: usize) -> Option<(Unused, String)> {
    // (Most tables give something: nothing else is worked out for them.)
    if read > 0 {
        return None;
    }
    let header: Vec<String> = table.header.iter().map(|h| strip_markup(h).trim().to_owned()).collect();
    let values: Vec<usize> = (0..header.len()).filter(|c| numeric_share(table, *c) >= 0.5).collect();
    let named = |c: &usize| !values.contains(c) && is_model_header(&header[*c]);
    // Or a first column under no name whose rows name the model, exactly or nearly: models too.
    let labels: Vec<String> = table.rows.iter().map(|r| strip_markup(&r[0]).trim().to_owned()).collect();
    let own = |l: &String| label_match(l, model_id).is_some_and(|m| m.1);
    let near = || labels.iter().any(own) || !super::near_labels::near_labels(&labels, model_id).is_empty();
    let unnamed = !values.contains(&0) && header.first().is_some_and(|h| h.is_empty()) && near();
    let models = (0..header.len()).find(named).or(unnamed.then_some(0))?;
    let about = about_results(table);
    let measure = |h: &String| {
        words(h).iter().any(|w| METRIC.contains(&w.as_str()) || matches!(w.as_str(), "wer" | "cer"))
            || is_overall_column(h)
            || CJK_MEASURES.iter().any(|w| h.contains(w))
    };
    // (Beside them, a model's attributes may stand: "| Model Name | Winrate | Average # Tokens |".)
    let results: Vec<usize> = values.iter().copied().filter(|c| !is_attribute(&header[*c])).collect();
    let unknown = values.iter().all(|c| !resolve(&header[*c]).is_known);
    // (Under an evaluation's heading any such column; elsewhere one at least must say it measures.)
    let measures = about || results.iter().any(|c| measure(&header[*c]));
    if results.is_empty() || !unknown || !measures {
        return None;
    }
    let shown = quoted(&results.iter().map(|c| header[*c].as_str()).collect::<Vec<_>>());
    let own = table.rows.iter().any(|r| own(&strip_markup(&r[models]).trim().to_owned()));
    let rows = if own { "the model's row is there, but" } else { "no row names this model, and" };
    let why = format!("{rows} its columns of values ({shown}) name no benchmark densing knows");
    Some((Unused::UnnamedBenchmark, why))
}

/// Whether a table's heading or the last line leading into it is about an evaluation.
fn about_results(table: &Table) -> bool {
    let titled = format!("{}\n{}", table.heading, table.lead_in.lines().last().unwrap_or(""));
    words(&titled).iter().any(|w| says_results(w))
        || ["评测", "评估", "测评", "结果"].iter().any(|w| titled.contains(w))
}

/// Whether a column or row names a model's attribute (size, length, bits, time, memory, speed,
/// perplexity, …), not a result.
fn is_attribute(h: &str) -> bool {
    names_an_attribute(h)
        || words(h).iter().any(|w| ATTRIBUTES.contains(&w.as_str()))
        || CJK_ATTRIBUTES.iter().any(|w| h.contains(w))
        || is_architecture_column(h)
        // (A speed: "t/s", "tokens/s".)
        || h.contains("/s")
        || h.to_lowercase().contains("learning rate")
}

/// The reject of a table of tasks as rows beside one column of the model's values (`| Benchmark |
/// Score |` over "Math Reasoning (GSM8K-style)", "Cybersecurity Knowledge") under an evaluation's
/// heading, that gave nothing (`read`) because no row is a benchmark densing knows (one known row
/// and the table is read, each other row through the shape check). Rows of models are
/// [`silent_results`]'; rows of attributes (loss, perplexity, speed) are left out of the reason.
pub(crate) fn silent_benchmark_rows(table: &Table, read: usize) -> Option<(Unused, String)> {
    if read > 0 || !(2..=3).contains(&table.header.len()) {
        return None;
    }
    let header: Vec<String> = table.header.iter().map(|h| strip_markup(h).trim().to_owned()).collect();
    let values: Vec<usize> = (0..header.len()).filter(|c| numeric_share(table, *c) >= 0.5).collect();
    let [value] = values.as_slice() else { return None };
    if *value == 0 || !is_lone_value_header(&header[*value]) || is_model_header(&header[0]) {
        return None;
    }
    let names: Vec<String> = table.rows.iter().map(|r| strip_markup(&r[0]).trim().to_owned()).collect();
    let tasks: Vec<&String> =
        names.iter().filter(|n| n.chars().any(char::is_alphabetic) && !is_attribute(n.as_str())).collect();
    if tasks.len() < 2 || !about_results(table) || names.iter().any(|n| resolve(n).is_known) {
        return None;
    }
    let shown = quoted(&tasks.iter().map(|n| n.as_str()).collect::<Vec<_>>());
    let why = format!("its rows ({shown}) beside the column {:?} name no benchmark densing knows", header[*value]);
    Some((Unused::UnnamedBenchmark, why))
}

/// The first four names quoted, then how many more: `"A", "B", "C", "D", and 2 more`.
fn quoted(names: &[&str]) -> String {
    let mut shown: Vec<String> = names.iter().take(4).map(|n| format!("{n:?}")).collect();
    if names.len() > 4 {
        shown.push(format!("and {} more", names.len() - 4));
    }
    shown.join(", ")
}

/// Why a row's values at most 1 were left (`left`: "Name = 0.6474" each), when nothing else of its
/// table was read: beside values over 1 in the one row a table has, each may be a fraction or a percent.
pub(crate) fn one_row_units(left: &[String], read: usize) -> Option<(Unused, String)> {
    let why = "in the table's one row beside values over 1, each may be a fraction or a percent";
    (read == 0 && !left.is_empty()).then(|| (Unused::AmbiguousUnit, format!("{}: {why}", left.join(", "))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tables::tables;

    fn why(md: &str, id: &str) -> Option<String> {
        silent_results(&tables(md)[0], id, 0).map(|(_, why)| why)
    }

    #[test]
    fn a_results_table_of_criteria_or_languages_says_why_it_gave_nothing() {
        let criteria = "### 评测结果\n\n| 模型 | 准确性 | 完整性 | 平均 |\n|---|---|---|---|\n| Foo-13B | 3.46 | 3.12 | 3.29 |\n| Bar-13B | 3.10 | 3.02 | 3.06 |\n";
        let got = why(criteria, "org/Foo-13B").expect("a reason");
        assert!(
            got.starts_with("the model's row is there, but its columns of values (\"准确性\", \"完整性\", \"平均\")"),
            "{got}"
        );
        assert!(why(criteria, "org/Baz-7B").expect("a reason").starts_with("no row names this model"));
        let languages = "## Evaluation\n\n| Model | English | French |\n|---|---|---|\n| Foo-1B | 89.9 | 80.1 |\n";
        assert!(why(languages, "org/Foo-1B").is_some());
        // Not a table of attributes (size, bits, length), nor one outside an evaluation whose columns
        // measure nothing, nor rows that are not models, nor a known benchmark's columns, nor a table
        // something was read from.
        let bits = "## Evaluation\n\n| Model | Bits | Size |\n|---|---|---|\n| Foo-1B | 4 | 3.9 |\n";
        assert_eq!(why(bits, "org/Foo-1B"), None);
        // Beside results, an attribute is left out of the reason.
        let tokens =
            "## Results\n\n| Model Name | Winrate | Average # Tokens |\n|---|---|---|\n| Foo-1B | 79.8 | 627 |\n";
        assert!(why(tokens, "org/Foo-1B")
            .expect("a reason")
            .ends_with("(\"Winrate\") name no benchmark densing knows"));
        assert_eq!(why(&languages.replace("## Evaluation", "## Languages"), "org/Foo-1B"), None);
        assert_eq!(why(&languages.replace("| Model |", "| Dataset |"), "org/Foo-1B"), None);
        assert_eq!(why(&languages.replace("French", "MMLU"), "org/Foo-1B"), None);
        assert_eq!(silent_results(&tables(criteria)[0], "org/Foo-13B", 2), None);
        // Outside an evaluation, a column that measures says it.
        let measured = languages.replace("## Evaluation", "## Languages").replace("French", "Win rate");
        assert!(why(&measured, "org/Foo-1B").is_some());
        // A first column under no name is one of models when a row names the model (or nearly).
        let blank =
            "## Results\n\n| | date | join |\n|---|---|---|\n| gpt-4 | 72.0 | 80.0 |\n| foo-70b | 96.0 | 94.3 |\n";
        assert!(why(blank, "org/foo-70b").expect("a reason").starts_with("the model's row is there"));
        assert!(why(blank, "org/foo-70b-alpha").is_some(), "a near row");
        assert_eq!(why(blank, "org/bar-7b"), None, "rows of what, no one says");
    }

    #[test]
    fn a_results_table_of_unknown_tasks_beside_one_score_column_says_why_it_gave_nothing() {
        let rows = |md: &str, read: usize| silent_benchmark_rows(&tables(md)[0], read).map(|(_, why)| why);
        let tasks = "## Evaluation Results\n\n| Benchmark | Score | Notes |\n|---|---|---|\n\
            | Math Reasoning (GSM8K-style) | 80.0% | 3 of 4 right |\n| Cybersecurity Knowledge | 100% | six asked |\n\
            | Loss | 0.31 | last step |\n| Learning rate | 0.0002 | constant |\n";
        let got = rows(tasks, 0).expect("a reason");
        assert_eq!(
            got,
            "its rows (\"Math Reasoning (GSM8K-style)\", \"Cybersecurity Knowledge\") beside the column \"Score\" \
            name no benchmark densing knows",
            "the loss and learning-rate rows are attributes, left out"
        );
        // Not a table something was read from, one outside an evaluation, one with a known row
        // (read, each row through the shape check), nor rows of models (`silent_results`').
        assert_eq!(rows(tasks, 1), None);
        assert_eq!(rows(&tasks.replace("Evaluation Results", "Training"), 0), None);
        assert_eq!(rows(&tasks.replace("Cybersecurity Knowledge", "MMLU"), 0), None);
        assert_eq!(rows(&tasks.replace("| Benchmark |", "| Model |"), 0), None);
        // Nor a table of hyper-parameters or of a model's attributes alone.
        let loss = "## Evaluation\n\n| Metric | Value |\n|---|---|\n| Loss | 0.3 |\n| Perplexity | 5.1 |\n";
        assert_eq!(rows(loss, 0), None);
    }
}
