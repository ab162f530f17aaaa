//! lm-evaluation-harness output pasted into a card (`| Task | Version | Metric | Value |`, 0.3
//! and 0.4 layouts, groups and sub-tasks), and the `Average:` line cards print under a suite's
//! table.

use super::card_scores::CardScore;
use super::front_matter::{as_percent, leading_number};
use super::table_context::last_heading;
use super::tables::rows_are_fractions;
use super::tables::Table;
use super::tables::{clip, pure_number};
use crate::parse::benchmarks::{is_overlap_metric, resolve, strip_markup};
use crate::parse::mentions::names_other_version;
use crate::parse::model_names::is_packed;

/// Why an lm-eval table on `model_id`'s card is not its model's: a quantized or converted copy's
/// card (the table was run on the original), or a lead-in naming another version of the model.
pub fn lm_eval_elsewhere(table: &Table, model_id: &str) -> Option<String> {
    if is_packed(model_id) {
        return Some("lm-eval output on a quantized or converted copy's card (run on the original)".to_owned());
    }
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let lead = table.lead_in.lines().last().unwrap_or("");
    names_other_version(lead, name).then(|| format!("lm-eval output under another version's name: {}", clip(lead)))
}

/// The scores of an lm-eval table (`lower`: its header, lower-cased).
pub fn lm_eval(table: &Table, lower: &[String]) -> Vec<CardScore> {
    let col = |name: &str| lower.iter().position(|h| h == name);
    let task_col = col("task").or_else(|| col("tasks")).or_else(|| col("groups"));
    let (Some(task_c), Some(metric_c), Some(value_c)) = (task_col, col("metric"), col("value")) else {
        return Vec::new();
    };
    // lm-eval 0.4 writes the shots per row.
    let shots_c = col("n-shot");
    // Fractions (lm-eval's own output) or percent (tables retyped by hand): decided for the
    // whole value column, never per value.
    // Perplexities and bits per byte are not scores (and not fractions); nor is a metric's
    // standard error, which lm-eval 0.4 may print on a row of its own ("exact_match_stderr").
    let not_a_score = |row: &Vec<String>| {
        let m = row[metric_c].to_ascii_lowercase();
        ["perplexity", "ppl", "bits_per_byte", "stderr"].iter().any(|w| m.contains(w))
    };
    // One row alone cannot show it, but lm-eval's own output (a `Stderr` column beside the
    // value) always prints fractions.
    // (A text-overlap metric, BLEU, TER, chrF, is printed 0-100 in lm-eval's own output too: it
    // says nothing of the accuracies' unit, and is never scaled.)
    let printed_as_is = |row: &Vec<String>| is_overlap_metric(&row[metric_c]);
    let scored: Vec<&Vec<String>> = table.rows.iter().filter(|r| !not_a_score(r) && !printed_as_is(r)).collect();
    let printed = table.header.iter().any(|h| h.to_ascii_lowercase().contains("stderr"))
        && scored.iter().filter_map(|r| pure_number(&r[value_c])).all(|v| v > 0.0 && v <= 1.0);
    let fraction = rows_are_fractions(scored.iter().copied(), value_c) || printed;
    // lm-eval 0.4 prints its settings over the table ("hf (pretrained=…), num_fewshot: 5, …").
    let fewshot = table.lead_in.split_once("num_fewshot: ").and_then(|(_, rest)| leading_number(rest));
    let mut task = String::new();
    let mut group = String::new();
    let mut out = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        if !row[task_c].trim().is_empty() {
            // Subtasks are written "- abstract_algebra" under their group ("mmlu"): they are
            // named with it, unless their name already starts with it ("haerae_history").
            let cell = strip_markup(&row[task_c]);
            let name = cell.trim_start_matches(['-', ' ']).to_owned();
            if cell.trim_start().starts_with('-') && !group.is_empty() && !name.starts_with(group.as_str()) {
                task = format!("{group} - {name}");
            } else {
                if !cell.trim_start().starts_with('-') {
                    group = name.clone();
                }
                task = name;
            }
        }
        let Some(value) = pure_number(&row[value_c]) else {
            continue;
        };
        if task.is_empty() || not_a_score(row) {
            continue;
        }
        let metric = strip_markup(&row[metric_c]);
        // A text-overlap metric (BLEU, ROUGE) is not a known benchmark's accuracy: a group row of
        // TruthfulQA may show its generation part's "bleu_max". It is named with its task.
        let (as_is, resolved) = (is_overlap_metric(&metric), resolve(&task));
        let overlap = as_is && resolved.is_known;
        // TruthfulQA's mc1 is not the mc2 that leaderboards report as TruthfulQA: named apart.
        let mc1 = metric.eq_ignore_ascii_case("mc1") && resolved.canonical == "truthfulqa";
        let benchmark_raw = if overlap || mc1 { format!("{task} {metric}") } else { task.clone() };
        out.push(CardScore {
            benchmark_raw,
            metric: (!metric.is_empty()).then_some(metric),
            shots: (shots_c.and_then(|c| row[c].trim().parse().ok()).or(resolved.shots)).or(fewshot.map(|n| n as i32)),
            value: if fraction && !as_is { as_percent(value, &row[value_c]) } else { value },
            value_raw: row[value_c].trim().to_owned(),
            detail: "lm_eval_table",
            evidence: clip(&format!("{task} | {}", strip_markup(&row[metric_c]))),
            offset: table.row_offsets.get(r).copied().unwrap_or(table.offset),
            evaluated_by: None,
        });
    }
    // An umbrella group of unlike tasks (the Open LLM Leaderboard harness's `leaderboard`) prints
    // one row a metric, each over whichever tasks report it (its acc is MMLU-Pro's alone): no
    // average of the card's, nor a score.
    let umbrella = |s: &CardScore| resolve(&s.benchmark_raw).canonical == "card_average";
    let metrics: std::collections::BTreeSet<&Option<String>> =
        out.iter().filter(|s| umbrella(s)).map(|s| &s.metric).collect();
    if metrics.len() > 1 {
        out.retain(|s| !umbrella(s));
    }
    out
}

/// The suite every task of an lm-eval table belongs to, by the tasks' shared prefix
/// (`agieval_aqua_rat`, `agieval_lsat_ar` → `agieval`), when that prefix is a known benchmark.
fn task_suite(table: &Table) -> Option<String> {
    let tasks: Vec<String> =
        table.rows.iter().map(|r| strip_markup(&r[0]).trim().to_owned()).filter(|t| !t.is_empty()).collect();
    let prefix = |t: &String| t.split_once(['_', '-']).map(|(p, _)| p.to_lowercase());
    let first = prefix(tasks.first()?)?;
    (tasks.len() >= 2 && tasks.iter().all(|t| prefix(t).as_ref() == Some(&first)) && resolve(&first).is_known)
        .then_some(first)
}

/// The `Average: 72.59` line lm-eval cards print under a suite's table (Nous cards: "## AGIEval:",
/// the table, then the average of its tasks), within a few lines after the table, outside it.
/// Read as the suite's score when the section heading names a known benchmark, or every task
/// is one of a known suite's (`agieval_…` under a plain "AGI-Eval" line). The line gives no unit:
/// a value over 1 is a percent; one of at most 1 is a fraction only under a table of fractions,
/// within the range of its values, as any average of them is ("Average: 0.4364" under acc values
/// from 0.2522 to 0.7379); else it is left.
pub fn suite_average(table: &Table, markdown: &str, scores: &[CardScore]) -> Option<CardScore> {
    let tasks: Vec<&CardScore> = scores.iter().filter(|s| s.detail == "lm_eval_table").collect();
    if tasks.is_empty() {
        return None;
    }
    // (Each task's value was read from a fraction, and scaled: its range, in percent.)
    let fractions =
        tasks.iter().all(|s| pure_number(&s.value_raw).is_some_and(|v| v <= 1.0 && (s.value - v * 100.0).abs() < 1e-6));
    let low = tasks.iter().map(|s| s.value).fold(f64::INFINITY, f64::min);
    let high = tasks.iter().map(|s| s.value).fold(f64::NEG_INFINITY, f64::max);
    let in_percent = |v: f64, text: &str| match v <= 1.0 {
        true => Some(as_percent(v, text)).filter(|p| fractions && (low..=high).contains(p)),
        false => (v <= 100.0).then_some(v),
    };
    let heading = last_heading(table).trim().trim_end_matches(':').trim();
    let suite = if resolve(heading).is_known { heading.to_owned() } else { task_suite(table)? };
    let suite = suite.as_str();
    // From the last row (or the table's start, in a code block where rows have no place of their
    // own) past the table's lines, blank lines and fences, to the first other line.
    let mut offset = *table.row_offsets.last()?;
    for line in markdown.get(offset..)?.split_inclusive('\n').take(2 * table.rows.len() + 8) {
        let text = strip_markup(line).trim().to_owned();
        let here = offset;
        offset += line.len();
        if text.is_empty() || super::card_text::is_fence(line) || line.trim_start().starts_with('|') {
            continue;
        }
        let value_text = text.strip_prefix("Average:").or_else(|| text.strip_prefix("average:"))?.trim();
        let value = leading_number(value_text).filter(|v| *v > 0.0).and_then(|v| in_percent(v, value_text))?;
        return Some(CardScore {
            benchmark_raw: suite.to_owned(),
            metric: Some("average of the table's tasks".to_owned()),
            shots: None,
            value,
            value_raw: value_text.to_owned(),
            detail: "lm_eval_table",
            evidence: clip(&format!("{suite} | {text}")),
            offset: here,
            evaluated_by: None,
        });
    }
    None
}
