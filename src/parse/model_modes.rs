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
