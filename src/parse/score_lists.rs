//! Scores a card lists line by line instead of in a table: "ARC (25 shot): 60.32", "- MMLU:
//! 63.5", "HellaSwag 87.45", under a "Benchmarks" heading or after a "metrics:" line. Read only
//! when every line of the run is a known benchmark (or an average, which is left out) with one
//! number and nothing else, at least two of them, and nothing around the run names another model.

use super::axis_words::RESULTS_HEADING;
use super::benchmarks::{is_overall_column, resolve, strip_markup, unit_of, Benchmark};
use super::card_scores::CardScore;
use super::front_matter::as_percent;
use super::mentions::names_other_model;
use super::model_names::is_packed;
use super::tables::clip;
use super::tables::pure_number;
use super::tune_or_base::heading_allows;

/// One list line read: the benchmark as written and resolved, the value, the value as written,
/// its offset.
struct Item {
    name: String,
    /// The line's name part as written ("Average for AGIEval").
    written: String,
    benchmark: Benchmark,
    value: f64,
    raw: String,
    offset: usize,
}

/// Every run of benchmark lines in `markdown` (or a code block of nothing else) that is this model's. `tuned`:
/// the model is a tune (a run under a base model's heading is then its base's, and the reverse).
pub(crate) fn score_lists(markdown: &str, model_id: &str, tuned: bool) -> Vec<CardScore> {
    if is_packed(model_id) {
        // A quantized copy lists its original's results.
        return Vec::new();
    }
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let mut out = Vec::new();
    let mut run: Vec<Item> = Vec::new();
    // The text just before the run (a heading or a lead-in line), which must not name another model.
    let (mut before, mut lead, mut heading, mut under) = ("", "", "", "");
    let (mut offset, mut fenced) = (0, false);
    // A code block that holds nothing but such lines ("Benchmark scores:" over "MMLU: 0.7173", …)
    // is one run; any other line in it makes it no list (code, a config, a log).
    let (mut block, mut block_is_list) = (Vec::new(), false);
    for line in markdown.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let text = line.trim();
        if super::card_text::is_fence(text) {
            if fenced && block_is_list {
                flush(std::mem::take(&mut block), (before, heading, tuned), name, &mut out);
            } else if !fenced {
                flush(std::mem::take(&mut run), (lead, under, tuned), name, &mut out);
            }
            (fenced, block_is_list) = (!fenced, !fenced);
            block.clear();
            if !fenced {
                before = text;
            }
            continue;
        }
        if fenced {
            match item(text, at) {
                Some(found) => block.push(found),
                None => block_is_list &= text.is_empty(),
            }
            continue;
        }
        if text.is_empty() {
            continue;
        }
        match item(text, at) {
            Some(found) => {
                if run.is_empty() {
                    (lead, under) = (before, heading);
                }
                run.push(found);
            }
            None => {
                flush(std::mem::take(&mut run), (lead, under, tuned), name, &mut out);
                before = text;
                // (A bold line alone, "**MMLU:**", titles what follows as a heading would.)
                if let Some(title) = super::table_titles::bold_line(text.trim_end_matches(':')) {
                    heading = title;
                } else if text.starts_with('#') {
                    heading = text;
                }
            }
        }
    }
    flush(run, (lead, under, tuned), name, &mut out);
    out
}

/// A run's scores, when it is one: two or more lines, every one a known benchmark or the card's
/// average (which is left out), a lead-in that names no other model, and a lead-in and heading
/// over it that fit this kind of model (a tune's or a base's).
fn flush(run: Vec<Item>, (lead, heading, tuned): (&str, &str, bool), name: &str, out: &mut Vec<CardScore>) {
    // (Called at every line that is no list item: most runs are empty.)
    if run.is_empty() {
        return;
    }
    let average = |i: &Item| i.benchmark.canonical == "card_average";
    let (run, of_heading) = of_headings_benchmark(run, heading);
    let benchmarks = run.iter().filter(|i| i.benchmark.is_known && !average(i)).count();
    // Under a results heading ("### Evaluation Results") a run may hold benchmarks the alias
    // table does not know ("MixEval Hard: 0.534", "Wildbench: 42.57") beside one it does.
    let results = super::model_names::words(heading).iter().any(|w| RESULTS_HEADING.contains(&w.as_str()));
    let shaped = |i: &Item| i.benchmark.is_known || results && benchmark_shaped(&i.name);
    let enough = benchmarks >= 2 || results && benchmarks == 1 && run.len() > 2;
    let read = of_heading || enough && run.iter().all(shaped);
    if !read {
        return;
    }
    // Small whole numbers only ("ARC: 25", "HellaSwag: 10", "MMLU: 5"): the shots of an evaluation
    // setup, not scores.
    let settings = run.iter().all(|i| i.value.fract() == 0.0 && i.value <= 25.0 && !i.raw.contains('.'));
    let fits = heading_allows(heading, tuned) && heading_allows(lead, tuned);
    if settings || !fits || names_other_model(lead, name) {
        return;
    }
    // Fractions or percent, decided for the whole run.
    let percent = |i: &Item| unit_of(&i.benchmark.canonical) == "percent";
    let fractions = run.iter().filter(|i| percent(i)).all(|i| i.value > 0.0 && i.value <= 1.0);
    // (A fraction beside percents, "MixEval Hard: 0.534" over "Wildbench: 42.57", is either: left
    // out, as a model-index's is.)
    let unsure = |i: &Item| !fractions && percent(i) && i.value > 0.0 && i.value <= 1.0;
    for i in run.into_iter().filter(|i| !average(i) && !unsure(i)) {
        let scale = fractions && percent(&i);
        out.push(CardScore {
            evidence: clip(&format!("{}: {}", i.written, i.raw)),
            shots: i.benchmark.shots,
            benchmark_raw: i.name,
            metric: None,
            value: if scale { as_percent(i.value, &i.raw) } else { i.value },
            value_raw: i.raw,
            detail: "list",
            offset: i.offset,
            evaluated_by: None,
        });
    }
}

/// A name shaped like a benchmark's, not a category's, metric's or setting's.
fn benchmark_shaped(name: &str) -> bool {
    use super::benchmarks::{is_category_name, is_metric_only, is_part_name, may_be_benchmark};
    may_be_benchmark(name) && !is_category_name(name) && !is_metric_only(name) && !is_part_name(name)
}

/// A run under a heading naming a benchmark ("## MTBench:") that is that benchmark's: its parts
/// and their average ("First Turn - 9.16", "Average - 9.04": "MTBench First Turn", MTBench), or
/// its one score ("MT-bench - 8.99" under "### MT-Bench"). The run as named so, and whether it is.
fn of_headings_benchmark(mut run: Vec<Item>, heading: &str) -> (Vec<Item>, bool) {
    let Some(bench) = super::benchmarks::heading_benchmark(heading) else { return (run, false) };
    let canonical = resolve(&bench).canonical;
    if let [one] = run.as_slice() {
        let same = one.benchmark.canonical == canonical;
        return (run, same);
    }
    let overall = |i: &Item| is_overall_column(&i.name);
    let parts = run.iter().all(|i| overall(i) || !i.benchmark.is_known);
    if !parts || run.iter().filter(|i| overall(i)).count() != 1 {
        return (run, false);
    }
    for i in &mut run {
        i.name = if overall(i) { bench.clone() } else { format!("{bench} {}", i.name) };
        i.written = format!("{bench}: {}", i.written);
        i.benchmark = resolve(&i.name);
    }
    (run, true)
}

/// A line that is a benchmark's name and one number: "- **ARC (25 shot)**: 60.32", "MMLU 63.5".
fn item(line: &str, offset: usize) -> Option<Item> {
    let t = super::card_text::list_item_text(line).unwrap_or(line);
    let t = t.trim_start_matches(['-', '*', '+', ' ']).trim();
    // A remark in parentheses after the value ("**AVERAGE ACC:67.36** (Outperforms ALL models
    // under 70B)") is no part of it. Not one about shots, nor one holding another value ("(base:
    // 58.2)": which is the model's?): such a line stays unread.
    let valued = |b: &str| b.ends_with(|c: char| c.is_ascii_digit() || c == '%' || c == '*');
    let remark_only = |r: &str| {
        let decimal = r.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
        !r.contains(['(', ':', '=']) && !decimal && !r.to_lowercase().contains("shot")
    };
    // (Its closing parenthesis may be on the paragraph's next line: "… (Outperforms ALL models" over
    // "under 70B)".)
    let t = match t.rsplit_once(" (") {
        Some((before, remark)) if valued(before) && remark_only(remark.strip_suffix(")").unwrap_or(remark)) => {
            before.trim_end()
        }
        _ => t,
    };
    // (The cheap test first: most lines do not end in a digit or "%".)
    if !t.ends_with(|c: char| c.is_ascii_digit() || c == '%' || c == '*') || t.contains('|') {
        return None;
    }
    let split = t.rfind([':', '=', ' ', '\t'])?;
    let value = t[split + 1..].trim();
    let plain = value.trim_matches(['*', '%']).chars().all(|c| c.is_ascii_digit() || c == '.');
    let head = t[..split].trim_end_matches([':', '=', ' ', '-']);
    if !plain || head.is_empty() || head.len() > 60 {
        return None;
    }
    let number = pure_number(value)?;
    let written = strip_markup(head).trim().trim_matches('*').trim().to_owned();
    let name = average_of(&written).unwrap_or(&written).to_owned();
    (!name.is_empty() && name.len() <= 40).then(|| Item {
        written,
        benchmark: resolve(&name),
        name,
        value: number,
        raw: value.trim_matches('*').trim_end_matches('%').to_owned(),
        offset,
    })
}

/// The benchmark a line gives the average of, over its subtasks: "Our average performance for
/// BigBench-Hard", "Average for AGIEval" (that average is the benchmark's score).
fn average_of(name: &str) -> Option<&str> {
    let lower = name.to_ascii_lowercase();
    let rest = lower.strip_prefix("our ").unwrap_or(&lower).strip_prefix("average ")?;
    let rest = ["performance ", "score "].iter().find_map(|w| rest.strip_prefix(w)).unwrap_or(rest);
    let rest = ["for ", "on "].iter().find_map(|w| rest.strip_prefix(w))?;
    (!rest.trim().is_empty()).then(|| name[name.len() - rest.len()..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(md: &str) -> Vec<(String, Option<i32>, f64)> {
        score_lists(md, "org/Foo-7B-Chat", true)
            .into_iter()
            .map(|s| (resolve(&s.benchmark_raw).canonical, s.shots, s.value))
            .collect()
    }

    #[test]
    fn a_list_of_known_benchmarks_and_values_is_read() {
        let md = "### Benchmarks\n\nARC (25 shot): 60.32\n\nHellaswag (10 shot): 83.90\n\nMMLU (5 shot): 54.39\n";
        let got = read(md);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], ("arc_challenge".to_owned(), Some(25), 60.32));
        let metrics = "* metrics:\nAverage 73.43\nARC 71.25\nHellaSwag 87.45\n";
        assert_eq!(read(metrics).len(), 2, "the average is left out");
        let fractions = "- **MMLU**: 0.634\n- **ARC**: 0.58\n";
        assert_eq!(read(fractions)[0].2, 63.4);
        let numbered = "1. **MMLU**: 0.634\n2. **ARC**: 0.58\n";
        assert_eq!(read(numbered), read(fractions), "a numbered list is a list");
        // A code block holding only such lines, under its lead-in.
        let block =
            "Benchmark scores:\n```\nhella swag: 0.8661\n\ntruthfulqa_mc2: 0.4855\nMMLU: 0.7173\n```\n\n# Usage\n";
        let got = read(block);
        assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), ["hellaswag", "truthfulqa", "mmlu"]);
        assert_eq!(got[2].2, 71.73);
        // "Average for AGIEval": the average over its subtasks is the benchmark's score.
        let averages = "Our average performance for BigBench-Hard: 0.3753\n\nAverage for AGIEval: 0.3638\n";
        let got = read(averages);
        assert_eq!(got, [("bbh".to_owned(), None, 37.53), ("agieval".to_owned(), None, 36.38)]);
        assert!(read(&averages.replace("for AGIEval", "for our cat")).is_empty(), "no benchmark after it");
    }

    #[test]
    fn a_list_under_a_benchmarks_heading_is_its_parts_or_its_score() {
        let turns = "## MTBench:\nFirst Turn  - **9.1625**\nSecond Turn - **8.925**\nAverage     - **9.04375**\n";
        let got: Vec<(String, f64)> = read(turns).into_iter().map(|g| (g.0, g.2)).collect();
        let want = [("mt_bench_first_turn", 9.1625), ("mt_bench_second_turn", 8.925), ("mt_bench", 9.04375)];
        assert_eq!(got, want.map(|(b, v)| (b.to_owned(), v)));
        assert!(read(&turns.replace("## MTBench:", "## Notes")).is_empty(), "no benchmark named over them");
        assert!(read(&turns.replace("Average ", "Other   ")).is_empty(), "parts without their average");
        // A remark after a value is no part of it, nor of the name; a remark about shots is.
        let remark = "## MMLU:\nstem ACC: 64.19\n\nHumanities ACC: 61.40\n\n\
                      **AVERAGE ACC:67.36** (Outperforms ALL models under 70B, very close to those best 70B fine-tunes)\n";
        let got: Vec<(String, f64)> = read(remark).into_iter().map(|g| (g.0, g.2)).collect();
        let want = [("mmlu_stem", 64.19), ("mmlu_humanities", 61.4), ("mmlu", 67.36)];
        assert_eq!(got, want.map(|(b, v)| (b.to_owned(), v)));
        assert!(read(&remark.replace("(Outperforms", "(5-shot, outperforms")).is_empty());
        assert!(read(&remark.replace("(Outperforms", "(base: 60.12, outperforms")).is_empty());
        // The same, its remark wrapped onto a second line, or its heading a bold line alone.
        assert_eq!(read(&remark.replace("under 70B,", "under\n70B,")), read(remark));
        let titled = remark.replace("## MMLU:\n", "**MMLU:**\n\n");
        assert_eq!(read(&titled), read(remark));
        assert_eq!(
            score_lists(&titled, "org/Foo-7B-Chat", true)[0].benchmark_raw,
            "MMLU stem ACC",
            "no stars in the name"
        );
        let one = "### MT-Bench\n\nEvaluated using select datasets.\nMT-bench - 8.99\n";
        assert_eq!(read(one), [("mt_bench".to_owned(), None, 8.99)]);
        assert!(read(&one.replace("### MT-Bench", "### MMLU")).is_empty(), "one line of another benchmark");
    }

    #[test]
    fn a_list_that_may_be_another_models_or_is_no_list_of_scores_is_not_read() {
        assert!(read("Results of Mistral-7B-v0.1:\nARC: 60.1\nMMLU: 62.5\n").is_empty(), "another model's");
        assert!(read("ARC: 60.1\nMy cat: 3\nMMLU: 62.5\n").is_empty(), "a line that is no benchmark");
        assert!(read("MT Bench: 7.84\nMixEval Hard: 0.534\nIFEval: 62.9\n").is_empty(), "an unknown name, no heading");
        // Under a results heading, names the alias table does not know beside one it does; a
        // fraction beside percents is either, and left out.
        let nemo = "### Evaluation Results\n\n- MT Bench (dev): 7.84\n- MixEval Hard: 0.534\n- Wildbench: 42.57\n";
        let got: Vec<(String, f64)> = read(nemo).into_iter().map(|g| (g.0, g.2)).collect();
        assert_eq!(got, [("mt_bench".to_owned(), 7.84), ("wildbench".to_owned(), 42.57)]);
        assert!(read(&nemo.replace("Evaluation Results", "Notes")).is_empty(), "no results heading");
        let shape = "### Evaluation Results\n\n- MT Bench: 7.84\n- Layers: 40\n- Context length: 128\n";
        assert!(read(shape).is_empty(), "lines that are no benchmark");
        assert!(read("MMLU: 62.5\n").is_empty(), "one line alone");
        assert!(read("- ARC: 25\n- HellaSwag: 10\n- MMLU: 5\n").is_empty(), "the shots of each benchmark");
        assert!(read("Average: 44.13\n\n**IFEval**: 72.64\n").is_empty(), "one benchmark and an average");
        assert!(read("ARC: 60.1 (base: 58.2)\nMMLU: 62.5 (base: 60.0)\n").is_empty(), "more than one number");
        assert!(read("```\nmodel: x/y\nARC: 60.1\nMMLU: 62.5\n```\n").is_empty(), "in a code block with other lines");
        assert!(read("Results of Mistral-7B-v0.1:\n```\nARC: 60.1\nMMLU: 62.5\n```\n").is_empty(), "another's, fenced");
        assert!(score_lists("ARC: 60.1\nMMLU: 62.5\n", "org/Foo-7B-GPTQ", true).is_empty(), "a quantized copy's");
        assert!(read("## Base model results\nARC: 60.1\nMMLU: 62.5\n").is_empty(), "under a base model's heading");
    }
}
