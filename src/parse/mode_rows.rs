//! A benchmark's own small table by reasoning mode, the way NVIDIA's Nemotron cards give their
//! results: under "## Evaluation Results > ### MATH500", `| Reasoning Mode | pass@1 |` with one
//! row "Reasoning Off" and one "Reasoning On". No model is named because there is one: the
//! card's own, once in each mode.

use super::axis_words::RESULTS_HEADING;
use super::benchmarks::{may_be_benchmark, resolve};
use super::card_scores::{CardScore, TableRead};
use super::model_modes::{in_setting, only_mode};
use super::model_names::{is_packed, words};
use super::tables::clip;
use super::tables::{pure_number, Table};

/// The card's own scores in such a table, or `None` when the table is not one: its label
/// column is a mode axis and every row a mode, its heading a benchmark's name (a setting such
/// as "0-shot" may follow) right under a results heading, and the card is not a quantized
/// copy's (whose numbers are the original's).
pub(super) fn mode_rows(table: &Table, header: &[String], model_id: &str, detail: &'static str) -> Option<TableRead> {
    let axis = words(header.first()?);
    if axis.last().map(String::as_str) != Some("mode") || axis.len() > 2 || is_packed(model_id) {
        return None;
    }
    let modes: Vec<&'static str> = table.rows.iter().map(|r| only_mode(r.first()?, model_id)).collect::<Option<_>>()?;
    let mut path = table.heading.rsplit(" > ").map(|h| h.trim().trim_end_matches([':', '：']).trim());
    let name = path.next()?;
    let under_results = path.next().is_some_and(|p| words(p).iter().any(|w| RESULTS_HEADING.contains(&w.as_str())));
    let generic = words(name).iter().any(|w| super::axis_words::says_results(w));
    if modes.is_empty() || !under_results || generic || !(1..=4).contains(&words(name).len()) || !may_be_benchmark(name)
    {
        return None;
    }
    let mut scores = Vec::new();
    for (i, (row, mode)) in table.rows.iter().zip(&modes).enumerate() {
        for (c, column) in header.iter().enumerate().skip(1) {
            let Some(value) = row.get(c).and_then(|cell| pure_number(cell)) else { continue };
            // "pass@1", "Score": how the heading's benchmark was scored; "Strict:Prompt": a part of it.
            let (benchmark_raw, metric) = match is_metric(column) {
                true => (name.to_owned(), Some(column.clone())),
                false => (format!("{name} {column}"), None),
            };
            scores.push(CardScore {
                shots: resolve(&benchmark_raw).shots,
                benchmark_raw,
                metric: Some(in_setting(metric, mode)),
                value,
                value_raw: row[c].trim().to_owned(),
                detail,
                evidence: clip(&format!("{} | {name}: {column}", row[0].trim())),
                offset: table.row_offsets.get(i).copied().unwrap_or(table.offset),
                evaluated_by: None,
            });
        }
    }
    Some(TableRead { scores, abstained: None })
}

/// A column that says how a benchmark was scored, not which part of it.
fn is_metric(column: &str) -> bool {
    let lower = column.trim().to_lowercase();
    matches!(lower.as_str(), "score" | "scores" | "accuracy" | "acc" | "acc." | "em" | "f1" | "value" | "result")
        || ["pass@", "avg@", "maj@", "mean@"].iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use crate::parse::card_scores::{table_scores, TableRead};
    use crate::parse::tables::tables;

    fn read(md: &str, model: &str) -> TableRead {
        table_scores(&tables(md)[0], model, true, "")
    }

    const MATH: &str = "## Evaluation Results\n\n### MATH500\n\n| Reasoning Mode | pass@1 |\n|---|---|\n\
                        | Reasoning Off | 36.6% |\n| Reasoning On | 95.4% |\n";

    #[test]
    fn each_mode_row_is_the_models_score_on_the_headings_benchmark() {
        let got: Vec<(String, Option<String>, f64)> = read(MATH, "nvidia/Llama-3.1-Nemotron-Nano-8B-v1")
            .scores
            .into_iter()
            .map(|s| (s.benchmark_raw, s.metric, s.value))
            .collect();
        let metric = |m: &str| Some(m.to_owned());
        assert_eq!(
            got,
            [
                ("MATH500".to_owned(), metric("pass@1 (non-reasoning mode)"), 36.6),
                ("MATH500".to_owned(), metric("pass@1 (reasoning mode)"), 95.4)
            ]
        );
    }

    #[test]
    fn a_part_column_names_a_part_and_shots_come_from_the_heading() {
        let md = "## Evaluation Results\n\n### IFEval\n\n| Reasoning Mode | Strict:Prompt |\n|---|---|\n| Reasoning Off | 74.7% |\n";
        assert_eq!(read(md, "org/model-8b").scores[0].benchmark_raw, "IFEval Strict:Prompt");
        let md = MATH.replace("MATH500", "MBPP 0-shot");
        let scores = read(&md, "org/model-8b").scores;
        assert!(scores.len() == 2 && scores.iter().all(|s| s.shots == Some(0)));
    }

    #[test]
    fn a_known_benchmarks_heading_over_mode_rows_is_read_the_same() {
        for name in ["GPQA", "MT-Bench"] {
            let scores = read(&MATH.replace("MATH500", name), "org/model-8b").scores;
            assert_eq!(scores.iter().map(|s| s.value).collect::<Vec<_>>(), [36.6, 95.4], "{name}");
        }
    }

    #[test]
    fn a_table_without_a_header_is_not_one() {
        let empty = crate::parse::tables::Table { header: Vec::new(), ..tables(MATH)[0].clone() };
        assert!(super::mode_rows(&empty, &[], "org/model-8b", "markdown_table").is_none());
    }

    #[test]
    fn not_without_a_results_section_a_benchmark_heading_or_on_a_quantized_copy() {
        assert!(read(&MATH.replace("Evaluation Results", "Usage"), "org/model-8b").scores.is_empty());
        assert!(read(&MATH.replace("### MATH500", "### Results"), "org/model-8b").scores.is_empty());
        assert!(read(MATH, "org/model-8b-GGUF").scores.is_empty());
        // A row that is not a mode: a model's name, so not this shape.
        let other = MATH.replace("| Reasoning On |", "| Llama-3.1-8B |");
        assert!(read(&other, "org/model-8b").scores.is_empty());
    }
}
