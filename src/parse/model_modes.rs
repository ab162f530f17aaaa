//! A hybrid model's thinking modes in table labels: "DeepSeek V3.1-NonThinking" beside
//! "… V3.1-Thinking" columns, "Reasoning On" rows, and the metric a mode's score carries.

use std::collections::BTreeSet;

use super::model_names::{label_match_in, words};

/// A thinking-mode qualifier in a label ("DeepSeek V3.1-NonThinking", "K-EXAONE (Reasoning)"):
/// the label without it, and the mode. A hybrid model's table gives one column per mode; each is
/// the model's score in that mode, told apart by the score's metric. `None` when the label has
/// no mode, or the model's own name holds one ("LongCat-Flash-Thinking" is a model, not a mode).
fn without_mode(label: &str, model_id: &str) -> Option<(String, &'static str)> {
    const MODES: &[(&str, &str)] = &[
        ("non-thinking", "non-thinking"),
        ("nonthinking", "non-thinking"),
        ("non thinking", "non-thinking"),
        ("non-reasoning", "non-reasoning"),
        ("nonreasoning", "non-reasoning"),
        ("reasoning off", "non-reasoning"),
        ("reasoning on", "reasoning"),
        ("thinking", "thinking"),
        ("reasoning", "reasoning"),
    ];
    let own = words(model_id.rsplit('/').next().unwrap_or(model_id));
    if own.iter().any(|w| w.contains("think") || w.contains("reason")) {
        return None;
    }
    let lower = label.to_lowercase();
    let (at, pattern, mode) = MODES.iter().find_map(|(p, m)| lower.find(p).map(|at| (at, *p, *m)))?;
    Some((format!("{} {}", &lower[..at], &lower[at + pattern.len()..]), mode))
}

/// The mode a label is and nothing else ("Reasoning On", "Non-thinking"), as [`without_mode`] names it.
pub(super) fn only_mode(label: &str, model_id: &str) -> Option<&'static str> {
    let (rest, mode) = without_mode(label, model_id)?;
    words(&rest).iter().all(|w| w == "mode").then_some(mode)
}

/// A hybrid model's value columns by thinking mode ("DeepSeek V3.1-NonThinking", "… V3.1-Thinking"),
/// each naming the model exactly but for its mode, one column a mode, with the mode. Both a mode
/// and its "non-" must be there: a lone "LongCat-Flash-Thinking" is a model of its own.
pub(super) fn mode_columns(
    header: &[String],
    value_cols: &[usize],
    model_id: &str,
    in_tuned: bool,
) -> Vec<(usize, &'static str)> {
    let by_mode: Vec<(usize, &'static str)> = value_cols
        .iter()
        .filter_map(|c| {
            let (label, mode) = without_mode(&header[*c], model_id)?;
            label_match_in(&label, model_id, in_tuned, false).filter(|m| m.1).map(|_| (*c, mode))
        })
        .collect();
    let modes: BTreeSet<&str> = by_mode.iter().map(|m| m.1).collect();
    let both = modes.len() >= 2 && modes.len() == by_mode.len() && modes.iter().any(|m| m.starts_with("non-"));
    if both {
        by_mode
    } else {
        Vec::new()
    }
}

/// Scores of a table under a heading that names a thinking mode ("### 1.2B Reasoning Mode" and
/// "### 1.2B Non-Reasoning Mode" on EXAONE 4.0's card) carry the mode in their metric, as a
/// mode column's do; a score whose metric names a mode already keeps it. Only a heading that
/// says "mode": a lone "### Reasoning" heads a category of benchmarks.
pub(super) fn mark_heading_mode(scores: &mut [super::card_scores::CardScore], heading: &str, model_id: &str) {
    if scores.is_empty() {
        return;
    }
    let last = heading.rsplit(" > ").next().unwrap_or(heading);
    let Some((rest, mode)) = without_mode(last, model_id) else { return };
    if !words(&rest).iter().any(|w| w == "mode") {
        return;
    }
    for s in scores.iter_mut().filter(|s| !s.metric.as_deref().is_some_and(|m| m.contains("mode"))) {
        s.metric = Some(in_setting(s.metric.take(), mode));
    }
}

/// The thinking mode each row of a models-as-columns table is in, from section rows that name
/// one ("Non-Thinking Mode", "Knowledge & STEM (Thinking)" on Qwen3.5's cards: a row whose
/// other cells are empty or repeat it, as a spanning cell does). A section row naming no mode
/// ends the mode above it. A mode must be said as one ("mode", or in parentheses): a "Reasoning"
/// section is a category.
pub(super) fn section_modes(
    table: &super::tables::Table,
    label_col: usize,
    model_id: &str,
) -> Vec<Option<&'static str>> {
    let mut mode = None;
    table
        .rows
        .iter()
        .map(|row| {
            let label = row[label_col].trim();
            let section = !label.is_empty() && row.iter().all(|c| c.trim().is_empty() || c.trim() == label);
            if section {
                let lower = label.to_lowercase();
                mode = without_mode(label, model_id)
                    .filter(|(rest, m)| words(rest).iter().any(|w| w == "mode") || lower.contains(&format!("({m}")))
                    .map(|(_, m)| m);
            }
            mode
        })
        .collect()
}

/// A score's metric in a setting ("EM" in "thinking" → "EM (thinking mode)"): thinking and
/// reasoning settings are called modes, which density precedence looks for.
pub(super) fn in_setting(metric: Option<String>, setting: &str) -> String {
    let setting = if setting.contains("think") || setting.contains("reason") {
        format!("{setting} mode")
    } else {
        setting.to_owned()
    };
    match metric {
        Some(m) => format!("{m} ({setting})"),
        None => setting,
    }
}

#[cfg(test)]
mod tests {
    use super::super::card::read_card;

    #[test]
    fn a_heading_that_names_a_mode_puts_it_in_the_tables_metrics() {
        // EXAONE 4.0's card: one table per size and mode, the same benchmarks in each.
        let table = |v: [&str; 2]| {
            format!("| | EXAONE 4.0 1.2B | Qwen3 1.7B |\n|---|---|---|\n| GPQA-Diamond | {} | 40.1 |\n| AIME 2025 | {} | 36.8 |\n", v[0], v[1])
        };
        let card = format!(
            "# EXAONE-4.0-1.2B\n\n### 1.2B Reasoning Mode\n\n{}\n### 1.2B Non-Reasoning Mode\n\n{}",
            table(["52.0", "45.2"]),
            table(["40.1", "23.5"])
        );
        let facts = read_card("LGAI-EXAONE/EXAONE-4.0-1.2B", &card);
        let got: Vec<(f64, Option<&str>)> =
            facts.scores.iter().map(|s| (s.score.value, s.score.metric.as_deref())).collect();
        assert_eq!(
            got,
            [
                (52.0, Some("reasoning mode")),
                (45.2, Some("reasoning mode")),
                (40.1, Some("non-reasoning mode")),
                (23.5, Some("non-reasoning mode"))
            ]
        );
        // A heading of a category of benchmarks says no mode.
        let category = format!("# EXAONE-4.0-1.2B\n\n### Reasoning\n\n{}", table(["52.0", "45.2"]));
        assert!(read_card("LGAI-EXAONE/EXAONE-4.0-1.2B", &category).scores.iter().all(|s| s.score.metric.is_none()));
    }

    #[test]
    fn section_rows_that_name_a_mode_put_it_in_the_rows_below() {
        // Qwen3.5's cards: one table, its sections by mode, the same benchmarks in each.
        let card = "# Qwen3.5-0.8B

<table><tr><th></th><th>Qwen3-1.7B</th><th>Qwen3.5-0.8B</th></tr>            <tr><td colspan=\"3\">Non-Thinking Mode</td></tr><tr><td>MMLU-Pro</td><td>40.2</td><td>29.7</td></tr>            <tr><td colspan=\"3\">Knowledge &amp; STEM (Thinking)</td></tr><tr><td>MMLU-Pro</td><td>56.1</td><td>42.3</td></tr>            <tr><td colspan=\"3\">Reasoning</td></tr><tr><td>IFEval</td><td>72.5</td><td>52.1</td></tr></table>\n";
        let facts = read_card("Qwen/Qwen3.5-0.8B", card);
        let got: Vec<(f64, Option<&str>)> =
            facts.scores.iter().map(|s| (s.score.value, s.score.metric.as_deref())).collect();
        assert_eq!(got, [(29.7, Some("non-thinking mode")), (42.3, Some("thinking mode")), (52.1, None)]);
    }
}
