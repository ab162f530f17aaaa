//! A model card's YAML front matter, parsed with limits, and its `model-index` scores.
//!
//! The front matter is the block between a leading `---` line and the next `---` line (`\r\n`
//! endings too). It is parsed only when under [`MAX_FRONT_MATTER`] bytes; serde_norway refuses
//! alias expansion bombs (its repetition limit) and deep nesting (its recursion limit), and
//! either way the card's body is still read.

use std::collections::HashMap;

use serde_json::Value;

/// Front matter larger than this is not parsed (real cards stay far below).
pub const MAX_FRONT_MATTER: usize = 256 * 1024;

/// Splits a card into (front matter YAML, body). No front matter gives `("", card)`.
///
/// ```
/// use densing::parse::front_matter::split;
/// assert_eq!(split("---\nlicense: mit\n---\n# Title\n"), ("license: mit\n", "# Title\n"));
/// assert_eq!(split("# No front matter\n"), ("", "# No front matter\n"));
/// ```
pub fn split(card: &str) -> (&str, &str) {
    let card = card.strip_prefix('\u{feff}').unwrap_or(card);
    let Some(rest) = card.strip_prefix("---\n").or_else(|| card.strip_prefix("---\r\n")) else {
        return ("", card);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return (&rest[..offset], &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    ("", card)
}

/// Parses front matter YAML into JSON values.
///
/// # Errors
/// Too large, not YAML, or refused by the parser's limits; the message says which.
pub fn parse(yaml: &str) -> Result<Value, String> {
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(format!("front matter of {} bytes is over the {MAX_FRONT_MATTER}-byte limit", yaml.len()));
    }
    if yaml.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_norway::from_str::<Value>(yaml).map_err(|e| e.to_string())
}

/// One score from a `model-index` block.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexScore {
    /// The `name` of the model-index entry.
    pub entry_name: Option<String>,
    /// Dataset name (or type) as written.
    pub benchmark_raw: String,
    /// Dataset type (`cais/mmlu`), when given.
    pub dataset_type: Option<String>,
    /// Metric type or name (`acc_norm`, `mc2`).
    pub metric: Option<String>,
    /// `args.num_few_shot` or shots in the dataset name.
    pub shots: Option<i32>,
    /// The value as written.
    pub value_raw: String,
    /// The numeric value (leading number of strings like `"20.0 ± 1.2"`).
    pub value: f64,
    /// `source.url`, when given.
    pub source_url: Option<String>,
    /// `source.name`, when given ("Open LLM Leaderboard").
    pub source_name: Option<String>,
    /// The dataset's `split` and `config`, when given.
    pub split_config: [Option<String>; 2],
}

/// Every score of a `model-index` (a list of entries with `results`). Results without a
/// dataset, or with a non-numeric value, are skipped and counted in the second return value.
pub fn model_index_scores(index: &Value) -> (Vec<IndexScore>, usize) {
    let mut scores = Vec::new();
    let mut skipped = 0;
    for entry in index.as_array().into_iter().flatten() {
        let entry_name = entry.get("name").and_then(Value::as_str).map(str::to_owned);
        for result in entry.get("results").and_then(Value::as_array).into_iter().flatten() {
            let Some(dataset) = result.get("dataset").filter(|d| d.is_object()) else {
                skipped += 1;
                continue;
            };
            let text =
                |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned).filter(|s| !s.is_empty());
            let dataset_type = text(dataset, "type").filter(|t| t != "unknown");
            let Some(benchmark_raw) = text(dataset, "name").or_else(|| dataset_type.clone()) else {
                skipped += 1;
                continue;
            };
            // `name: ai2_arc` with `config: ARC-Challenge`: a data set of several benchmarks, and
            // the one its config names.
            let known = |n: &str| {
                Some(super::benchmarks::resolve(n)).is_some_and(|b| b.is_known && b.canonical != "card_average")
            };
            let benchmark_raw = match text(dataset, "config").filter(|c| known(c) && !known(&benchmark_raw)) {
                Some(config) => config,
                None => benchmark_raw,
            };
            let shots = dataset
                .get("args")
                .and_then(|a| a.get("num_few_shot"))
                .and_then(|n| n.as_i64().or_else(|| n.as_str().and_then(|s| s.parse().ok())))
                .map(|n| n as i32);
            let source_url = result.get("source").and_then(|s| text(s, "url"));
            let source_name = result.get("source").and_then(|s| text(s, "name"));
            for metric in result.get("metrics").and_then(Value::as_array).into_iter().flatten() {
                let value_raw = match metric.get("value") {
                    Some(Value::Number(n)) => n.to_string(),
                    Some(Value::String(s)) => s.clone(),
                    _ => {
                        skipped += 1;
                        continue;
                    }
                };
                // "0,702": a decimal comma (no thousands group starts with 0), written with its point;
                // a comma right after another leading number ("1,234") is not told, and skipped.
                let t = value_raw.trim();
                let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
                let places = t[digits..].strip_prefix(',').filter(|p| p.starts_with(|c: char| c.is_ascii_digit()));
                let read = match places {
                    Some(p) if &t[..digits] == "0" && p.chars().all(|c| c.is_ascii_digit()) => format!("0.{p}"),
                    Some(_) => String::new(),
                    None => value_raw.clone(),
                };
                let Some(value) = leading_number(&read) else {
                    skipped += 1;
                    continue;
                };
                // MTEB's pair classification also prints the decision threshold it chose
                // ("manhattan_f1_threshold": 3555.56): a setting, no score.
                let names = [text(metric, "type"), text(metric, "name")];
                if names.iter().flatten().any(|m| m.to_ascii_lowercase().ends_with("threshold")) {
                    continue;
                }
                // pass@10 and pass@100 are other figures than HumanEval's pass@1: they keep
                // their own name ("HumanEval pass@10").
                let pass_at =
                    [text(metric, "name"), text(metric, "type")].into_iter().flatten().find_map(|m| pass_at_k(&m));
                let benchmark_raw = match pass_at {
                    Some(k) if k != 1 && !benchmark_raw.to_lowercase().contains("pass@") => {
                        format!("{benchmark_raw} pass@{k}")
                    }
                    _ => benchmark_raw.clone(),
                };
                scores.push(IndexScore {
                    entry_name: entry_name.clone(),
                    benchmark_raw,
                    dataset_type: dataset_type.clone(),
                    metric: metric_of(text(metric, "type"), text(metric, "name")),
                    shots,
                    value_raw,
                    value,
                    source_url: source_url.clone(),
                    source_name: source_name.clone(),
                    split_config: [text(dataset, "split"), text(dataset, "config")],
                });
            }
        }
    }
    name_splits(&mut scores);
    (scores, skipped)
}

/// Results of one data set and metric that only their split or config tells apart (an NLI
/// model's "anli" at `test_r1`, `test_r3` and `dev_r1`): the metric says which ("accuracy
/// (test_r1)"), or they would be one key with several values.
fn name_splits(scores: &mut [IndexScore]) {
    // (Keyed by entry, data set and metric.)
    type Key<'a> = (Option<&'a str>, String, Option<&'a str>);
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, s) in scores.iter().enumerate() {
        let key = (s.entry_name.as_deref(), s.benchmark_raw.to_lowercase(), s.metric.as_deref());
        groups.entry(key).or_default().push(i);
    }
    let mut named: Vec<(usize, String)> = Vec::new();
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let which =
            (0..2).find(|&k| members.iter().any(|&i| scores[i].split_config[k] != scores[members[0]].split_config[k]));
        let Some(k) = which else { continue };
        for &i in &members {
            if let Some(part) = &scores[i].split_config[k] {
                named.push((i, format!("{} ({part})", scores[i].metric.as_deref().unwrap_or("value"))));
            }
        }
    }
    for (i, metric) in named {
        scores[i].metric = Some(metric);
    }
}

/// A metric's `type`, or its `name` where that says more of it ("pass@1 (T=0.01)" beside
/// "pass@1 (T=0.2)", both of type `pass@1`; "ROUGE-2" of type `rouge`) or there is no type.
fn metric_of(kind: Option<String>, name: Option<String>) -> Option<String> {
    let kind = kind.filter(|t| t != "unknown");
    match (kind, name) {
        // (Not a word the type abbreviates: "accuracy" of type `acc`.)
        (Some(t), Some(n))
            if n.get(..t.len()).is_some_and(|head| head.eq_ignore_ascii_case(&t))
                && n[t.len()..].starts_with(|c: char| !c.is_alphabetic()) =>
        {
            Some(n)
        }
        (Some(t), _) => Some(t),
        (None, n) => n,
    }
}

/// The k of a `pass@k` metric name.
fn pass_at_k(metric: &str) -> Option<u32> {
    let lower = metric.to_lowercase().replace(' ', "");
    let at = lower.find("pass@")?;
    let digits: String = lower[at + 5..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The leading number of a cell: `"20.0 ± 1.2"` → 20.0, `"**37.5**"` → 37.5, `"85%"` → 85.
pub fn leading_number(text: &str) -> Option<f64> {
    let t = text.trim().trim_start_matches(['*', '_', '~', '≈', ' ']);
    let end = t
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '-' || *c == '+'))))
        .map_or(t.len(), |(i, _)| i);
    let number = &t[..end];
    if number.is_empty() || number == "-" || number == "." {
        return None;
    }
    number.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A fraction written as `raw` ("0.3562"), as a percent with the digits it was written with:
/// 35.62, not the 35.620000000000005 that multiplying by 100 gives in binary.
pub fn as_percent(value: f64, raw: &str) -> f64 {
    let scaled = value * 100.0;
    let t = raw.trim().trim_start_matches(|c: char| !(c.is_ascii_digit() || c == '.'));
    let whole = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    // (A decimal comma too: a model-index's "0,702".)
    let fraction = t[whole..].strip_prefix(['.', ',']).unwrap_or("");
    let decimals = fraction.chars().take_while(char::is_ascii_digit).count();
    // "3.562e-1": an exponent moves the point; its digits say nothing about places.
    if fraction[decimals..].starts_with(['e', 'E']) || t[whole..].starts_with(['e', 'E']) {
        return scaled;
    }
    let places = decimals.saturating_sub(2);
    format!("{scaled:.places$}").parse().unwrap_or(scaled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_become_percents_with_their_own_digits() {
        assert_eq!(as_percent(0.3562, "0.3562"), 35.62);
        assert_eq!(as_percent(0.7879, "**0.7879** ± 0.01"), 78.79);
        assert_eq!(as_percent(0.5, "0.5"), 50.0);
        assert_eq!(as_percent(1.0, "1"), 100.0);
        assert_eq!(as_percent(0.12345, "0.12345"), 12.345);
        assert_eq!(as_percent(0.3562, "3.562e-1"), 0.3562 * 100.0, "an exponent: no places to keep");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 { "a".to_owned() } else { format!("l{}", i - 1) };
            yaml.push_str(&format!(
                "l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert!(parse(&yaml).is_err());
    }

    #[test]
    fn a_data_set_of_several_benchmarks_is_the_one_its_config_names() {
        let index = |name: &str, config: &str| {
            let v = serde_json::json!([{"name": "m", "results": [{"dataset": {"name": name, "config": config},
                "metrics": [{"type": "accuracy", "value": 68.17}]}]}]);
            model_index_scores(&v).0[0].benchmark_raw.clone()
        };
        assert_eq!(index("ai2_arc", "ARC-Challenge"), "ARC-Challenge");
        assert_eq!(index("ai2_arc", "default"), "ai2_arc", "a config that names no benchmark");
        assert_eq!(index("MMLU (5-Shot)", "all"), "MMLU (5-Shot)");
        assert_eq!(index("GSM8k (5-shot)", "main"), "GSM8k (5-shot)");
    }

    #[test]
    fn a_decimal_comma_is_read_and_other_commas_are_not() {
        let v = serde_json::json!([{"name": "m", "results": [{"dataset": {"name": "ANLI-all"},
            "metrics": [{"type": "accuracy", "value": "0,702"}, {"type": "f1", "value": "1,234"}]}]}]);
        let (scores, skipped) = model_index_scores(&v);
        let values: Vec<(f64, &str)> = scores.iter().map(|s| (s.value, s.value_raw.as_str())).collect();
        assert_eq!((values, skipped), (vec![(0.702, "0,702")], 1));
        assert_eq!(as_percent(0.702, "0,702"), 70.2);
    }

    #[test]
    fn a_decision_threshold_is_no_score() {
        let v = serde_json::json!([{"name": "m", "results": [{"dataset": {"name": "MTEB SprintDuplicateQuestions"},
            "metrics": [{"type": "manhattan_f1_threshold", "value": 3555.56}, {"type": "cos_sim_ap", "value": 93.2}]}]}]);
        let (scores, skipped) = model_index_scores(&v);
        let metrics: Vec<Option<&str>> = scores.iter().map(|s| s.metric.as_deref()).collect();
        assert_eq!((metrics, skipped), (vec![Some("cos_sim_ap")], 0));
    }

    #[test]
    fn a_metric_name_that_says_more_than_its_type_is_the_metric() {
        // Refact's HumanEval at two temperatures, both of type pass@1; a summarizer's ROUGE-1 and
        // ROUGE-2, both of type rouge. "accuracy" of type acc says nothing more.
        let metric = |kind: &str, name: &str| metric_of(Some(kind.to_owned()), Some(name.to_owned()));
        assert_eq!(metric("pass@1", "pass@1 (T=0.01)").as_deref(), Some("pass@1 (T=0.01)"));
        assert_eq!(metric("rouge", "ROUGE-2").as_deref(), Some("ROUGE-2"));
        assert_eq!(metric("acc", "accuracy").as_deref(), Some("acc"));
        assert_eq!(metric("f1", "F1").as_deref(), Some("f1"));
        assert_eq!(metric("unknown", "Exact Match").as_deref(), Some("Exact Match"));
        assert_eq!(metric("é", "ÉX").as_deref(), Some("é"), "no panic on a multi-byte type");
    }

    #[test]
    fn results_told_apart_only_by_split_name_it_in_the_metric() {
        let result = |split: &str, v: f64| {
            serde_json::json!({"dataset": {"name": "anli", "config": "plain_text", "split": split},
                "metrics": [{"type": "accuracy", "value": v}]})
        };
        let v = serde_json::json!([{"name": "m", "results": [result("test_r3", 0.495), result("test_r1", 0.712),
            {"dataset": {"name": "mnli"}, "metrics": [{"type": "accuracy", "value": 0.9}]}]}]);
        let metrics: Vec<Option<String>> = model_index_scores(&v).0.into_iter().map(|s| s.metric).collect();
        let expected = [Some("accuracy (test_r3)"), Some("accuracy (test_r1)"), Some("accuracy")];
        assert_eq!(metrics, expected.map(|m| m.map(str::to_owned)));
        // The same split twice: nothing to tell them apart by; left as they are.
        let same = serde_json::json!([{"name": "m", "results": [result("test", 0.5), result("test", 0.6)]}]);
        assert!(model_index_scores(&same).0.iter().all(|s| s.metric.as_deref() == Some("accuracy")));
    }

    #[test]
    fn crlf_front_matter_and_string_values() {
        let (fm, body) = split("---\r\nmodel-index:\r\n- name: m\r\n  results: []\r\n---\r\nbody");
        assert!(parse(fm).unwrap()["model-index"].is_array());
        assert_eq!(body, "body");
        assert_eq!(leading_number("20.0 ± 1.2"), Some(20.0));
        assert_eq!(leading_number("-"), None);
        assert_eq!(leading_number("N/A"), None);
    }
}
