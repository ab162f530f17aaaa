//! A results section's table of the card's own scores with no label column: each header a
//! benchmark, one row of values (`| MMLU (5-shot) |` over `| 80.2% |`, a section a benchmark on
//! Nemotron's cards).

use super::axis_words::METRIC;
use super::benchmarks::{is_category_name, is_overall_column, may_be_benchmark, resolve};
use super::card_scores::{CardScore, TableRead};
use super::model_names::words;
use super::table_context::{is_score_header, nameless_own_row, section_benchmark, titled_benchmark};
use super::tables::Table;
use super::tables::{clip, pure_number};

/// The scores of such a table, or `None` when it is not one. The row is the model's only where
/// [`nameless_own_row`] says the section is this model's results (not a base's, not a
/// comparison), and a value of at most 1 (a fraction or a percent: one row cannot tell) leaves it.
pub(super) fn header_only(table: &Table, header: &[String], model_id: &str, detail: &'static str) -> Option<TableRead> {
    let [row] = table.rows.as_slice() else { return None };
    let values: Vec<f64> = row.iter().map(|c| pure_number(c).filter(|v| *v > 1.0)).collect::<Option<_>>()?;
    // `| Score |` or `| Average |` alone, under "Evaluated using [MBPP](…):": that benchmark's.
    // Or `| First Turn | Second Turn | Average |` under "### MT-Bench": its parts and its average
    // (its categories too: `| total | writing | … | math | coding |`, where "math" is no MATH).
    let overall = header.iter().filter(|h| is_overall_column(h)).count();
    let part = |h: &String| is_overall_column(h) || !resolve(h).is_known || is_category_name(h);
    let parts = overall == 1 && header.iter().all(part);
    // Or `| Prompt-Strict Acc | Instruction-Strict Acc |` under "#### IFEval": each a measure of it.
    let measure = |h: &String| !resolve(h).is_known && words(h).iter().any(|w| METRIC.contains(&w.as_str()));
    let measures = header.len() >= 2 && header.iter().all(measure);
    let lone = matches!(header, [h] if is_overall_column(h) || is_score_header(h));
    // (Measures only under a title that names the benchmark: a lead-in's "… using Multilingual Grade
    // School Math:" holds "Math", which is not what its "ES Exact Match" columns measure.)
    let section = || if lone || parts { section_benchmark(table) } else { titled_benchmark(table) };
    let named = (lone || parts || measures).then(section).flatten().filter(|n| resolve(n).is_known);
    let benchmarks =
        named.is_some() || header.iter().all(|h| may_be_benchmark(h)) && header.iter().any(|h| resolve(h).is_known);
    let one_benchmark = header.len() == 1 || named.is_some();
    if values.len() != header.len() || !benchmarks || !nameless_own_row(table, model_id, one_benchmark, true) {
        return None;
    }
    let name_of = |header: &String| match &named {
        Some(name) if lone || is_overall_column(header) => name.clone(),
        Some(name) => format!("{name} {}", header.trim()),
        None => header.clone(),
    };
    let scores = header
        .iter()
        .zip(row)
        .zip(values)
        .map(|((header, cell), value)| (name_of(header), header, cell, value))
        .map(|(name, header, cell, value)| CardScore {
            benchmark_raw: name.clone(),
            metric: None,
            // (The lone column's own shots: "p@1, 0-Shot" under "Evaluated using [HumanEval]".)
            shots: resolve(&name).shots.or_else(|| super::benchmarks::shots_in(header)),
            value,
            value_raw: cell.trim().to_owned(),
            detail,
            evidence: match &named {
                Some(section) => clip(&format!("{section}: {header} | {}", cell.trim())),
                None => clip(&format!("{header} | {}", cell.trim())),
            },
            offset: table.row_offsets.first().copied().unwrap_or(table.offset),
            evaluated_by: None,
        })
        .collect();
    Some(TableRead { scores, abstained: None })
}

#[cfg(test)]
mod tests {
    use crate::parse::benchmarks::resolve;
    use crate::parse::card_scores::table_scores;
    use crate::parse::tables::tables;

    fn read(md: &str) -> Vec<(String, Option<i32>, f64)> {
        let t = &tables(md)[0];
        let read = table_scores(t, "nvidia/Foo-51B-Instruct", true, "");
        read.scores.iter().map(|s| (s.benchmark_raw.clone(), s.shots, s.value)).collect()
    }

    #[test]
    fn a_results_sections_header_only_table_is_the_models_own() {
        let one = "# Foo\n## Evaluation Results\n### MMLU\n\n|MMLU (5-shot) |\n| :--- |\n| 80.2%  |\n";
        assert_eq!(read(one), [("MMLU (5-shot)".to_owned(), Some(5), 80.2)]);
        let two = "## Evaluation Results\n### Scores\n| MMLU | GSM8K (8-shot) |\n|---|---|\n| 80.2 | 91.4 |\n";
        assert_eq!(read(two).len(), 2);
        // Under a title that is the model's own name, whatever words that name has ("Base").
        let titled = "# Foo-51B-Base\n## Evaluation Results\n| HellaSwag | XLSum |\n|---|---|\n| 83.0 | 32.0\n";
        let t = &tables(titled)[0];
        assert_eq!(table_scores(t, "nvidia/Foo-51B-Base", false, "").scores.len(), 2);
        let other = titled.replace("# Foo-51B-Base", "# Bar-51B-Base");
        assert!(table_scores(&tables(&other)[0], "nvidia/Foo-51B-Base", false, "").scores.is_empty());
    }

    #[test]
    fn a_lead_in_naming_the_model_with_a_possessive_says_whose() {
        let own = "## Evaluation\n\nBelow are Foo's 51B-instruct evaluation results.\n\n\
                   | Average | ARC Challenge | BoolQ |\n|---|---|---|\n| 60.3 | 42.1 | 71.0 |\n";
        assert_eq!(read(own).len(), 3);
        // Another size is another model's results, possessive or not.
        assert!(read(&own.replace("Foo's 51B", "Foo's 7B")).is_empty());
        assert!(read(&own.replace("Foo's 51B-instruct", "the base model's")).is_empty());
        // A paper's title naming a kind of model names none ("Evaluating Large Language Models").
        let cited = "## Evaluation Results\n#### HumanEval\n\nEvaluated as introduced in Evaluating Large \
                     Language Models Trained on Code.\n\n| HumanEval 0-shot |\n| :--- |\n| 73.2 |\n";
        assert_eq!(read(cited), [("HumanEval 0-shot".to_owned(), Some(0), 73.2)]);
        let others = cited.replace("as introduced in Evaluating Large", "like other large");
        assert!(read(&others).is_empty(), "other models");
    }

    #[test]
    fn a_lone_score_column_is_the_benchmark_its_lead_in_names() {
        let mbpp =
            "## Evaluation Results\n\n_Code generation performance._ Evaluated using [MBPP](https://x/mbpp):\n\n\
                    | Score |\n| :---- |\n| 43.77 |\n";
        assert_eq!(read(mbpp), [("MBPP".to_owned(), None, 43.77)]);
        let mmlu = mbpp.replace("[MBPP](https://x/mbpp)", "[Massive Multitask Language Understanding](https://x/y)");
        assert_eq!(read(&mmlu)[0].0, "Massive Multitask Language Understanding");
        assert!(read(&mbpp.replace("[MBPP](https://x/mbpp)", "our harness")).is_empty(), "no benchmark named");
        let nvidia =
            mbpp.replace("[MBPP](https://x/mbpp)", "[HumanEval](https://x/he)").replace("| Score |", "| p@1, 0-Shot |");
        assert_eq!(read(&nvidia), [("HumanEval".to_owned(), Some(0), 43.77)]);
        let crlf =
            format!("| HellaSwag | GSM8K |\n|---|---|\n| 83.0 | 58.5 |\n\n{}", mbpp.split_once("\n\n").unwrap().1);
        let t = &tables(&format!("## Evaluation Results\n\n{crlf}").replace('\n', "\r\n"))[1];
        assert_eq!(
            table_scores(t, "nvidia/Foo-51B-Instruct", true, "").scores[0].benchmark_raw,
            "MBPP",
            "CRLF paragraphs"
        );
    }

    #[test]
    fn a_benchmarks_parts_beside_its_average_under_its_heading() {
        let mt = "## Evaluation Results\n### MT-Bench\n\nWe got the following results in single model mode:\n\n\
                  | First Turn | Second Turn | Average |\n|---|---|---|\n| 8.18 | 7.34 | 7.76 |\n";
        let got = read(mt);
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["MT-Bench First Turn", "MT-Bench Second Turn", "MT-Bench"]);
        assert_eq!(got[2].2, 7.76);
        // Another model judged beside it ("compared with the base model") is not this one alone.
        assert!(read(&mt.replace("in single model mode", "compared with the base model")).is_empty());
        // A known benchmark among the columns: they are no parts of the heading's benchmark, and a
        // table of several under one benchmark's heading is not read as the model's.
        assert!(read(&mt.replace("| First Turn |", "| AlpacaEval |")).is_empty());
        // Its categories are its parts, "math" among them (a category here, not MATH).
        let categories = "## Evaluation Results\n#### MT-Bench (GPT-4-Turbo)\n\nEvaluated using MT-Bench.\n\n\
                          | total | writing | math | turn 1 |\n|---|---|---|---|\n| 8.22 | 8.70 | 8.40 | 8.61 |\n";
        let got = read(categories);
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            names[..3],
            ["MT-Bench (GPT-4-Turbo)", "MT-Bench (GPT-4-Turbo) writing", "MT-Bench (GPT-4-Turbo) math"]
        );
        assert_eq!(resolve(names[2]).canonical, "mt_bench_math");
        // Measures of the heading's benchmark, with no overall column.
        let ifeval = "## Evaluation Results\n#### IFEval\n\nEvaluated using IFEval.\n\n\
                      | Prompt-Strict Acc | Instruction-Strict Acc |\n|---|---|\n| 79.9 | 86.1 |\n";
        let got: Vec<String> = read(ifeval).into_iter().map(|g| resolve(&g.0).canonical).collect();
        assert_eq!(got, ["ifeval_prompt_strict", "ifeval_instruction_strict"]);
        // Not columns that name no measure (models, say), nor under an unknown benchmark's heading.
        assert!(read(&ifeval.replace("| Prompt-Strict Acc | Instruction-Strict Acc |", "| Foo | Bar |")).is_empty());
        assert!(read(&ifeval.replace("#### IFEval", "#### TFEval")).is_empty());
        // Nor by a lead-in's word: "Multilingual Grade School Math" holds "Math" (MATH).
        let lead = "## Evaluation Results\n\nEvaluated using Multilingual Grade School Math:\n\n\
                    | ES Exact Match (%) | JA Exact Match (%) |\n|---|---|\n| 68.8 | 69.6 |\n";
        assert!(read(lead).is_empty(), "{:?}", read(lead));
    }

    #[test]
    fn elsewhere_or_unknown_or_unitless_it_is_not() {
        // Not a results section; a base model's section; a fraction; no benchmark known; two rows.
        assert!(read("### MMLU\n\n|MMLU (5-shot) |\n| :--- |\n| 80.2%  |\n").is_empty());
        assert!(
            read("## Evaluation Results\n### Base model\n| MMLU | GSM8K |\n|---|---|\n| 80.2 | 91.4 |\n").is_empty()
        );
        assert!(read("## Evaluation Results\n### MMLU\n| MMLU |\n|---|\n| 0.802 |\n").is_empty());
        assert!(read("## Evaluation Results\n### Speed\n| Foo | Bar |\n|---|---|\n| 80.2 | 91.4 |\n").is_empty());
        assert!(read("## Evaluation Results\n### MMLU\n| MMLU |\n|---|\n| 80.2 |\n| 81.0 |\n").is_empty());
    }
}
