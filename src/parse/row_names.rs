//! How a table row names the card's model: by its first label cell, by all of them, by its name
//! and a size column, by a link to the model's own Hub page, or by its name and then how the
//! model was run.

use super::benchmarks::{strip_markup, take_shots};
use super::model_names::{is_size, label_match_in, words};
use super::own_label::{label_names, Own};

/// The label a row with label cells `parts` names the model by, if any: (label, (words matched,
/// exact), whether it names the model in a setting, "… Zero-Shot CoT"). `linked`: the row links to
/// the model's own Hub page.
pub(super) fn row_name(
    parts: &[String],
    own: Own,
    in_tuned: bool,
    only_one: bool,
    linked: bool,
) -> Option<(String, (usize, bool), bool)> {
    let first = parts.first().and_then(|p| label_names(p, own, in_tuned, only_one).map(|m| (p.clone(), m)));
    let joined = parts.join(" ");
    let all = label_names(&joined, own, in_tuned, only_one).map(|m| (joined.clone(), m));
    // The name and a size column ("Cerebras-GPT" | "13B"), past other text columns.
    let sizes = parts.iter().skip(1).filter(|p| matches!(words(p).as_slice(), [w] if is_size(w)));
    let sized = parts.first().into_iter().chain(sizes).cloned().collect::<Vec<_>>().join(" ");
    let with_size = label_match_in(&sized, own.0, in_tuned, only_one).map(|m| (sized.clone(), m));
    // The link names the tune: "[Llama-3-8B-SPPO Iter3](…/Llama-3-Instruct-8B-SPPO-Iter3)" need
    // not say "Instruct".
    let by_link =
        parts.first().filter(|_| linked).and_then(|p| Some((p.clone(), label_match_in(p, own.0, true, only_one)?)));
    // "Arithmo-Mistral-7B Zero-Shot CoT": the name, then how it was run.
    let set = parts.first().and_then(|p| setting_bracketed(p)).filter(|_| !first.as_ref().is_some_and(|f| f.1 .1));
    let set = set.and_then(|l| Some((l.clone(), label_names(&l, own, in_tuned, only_one).filter(|m| m.1)?)));
    let set_label = set.as_ref().map(|s| s.0.clone());
    let (label, m) = first
        .into_iter()
        .chain(all)
        .chain(with_size)
        .chain(by_link)
        .chain(set)
        .max_by_key(|(_, (n, exact))| (*exact, *n))?;
    let by_setting = set_label.as_ref() == Some(&label);
    Some((label, m, by_setting))
}

/// A row label that is a name and then only how it was run, unbracketed: "Arithmo-Mistral-7B
/// Zero-Shot CoT" is "Arithmo-Mistral-7B (Zero-Shot CoT)", so that the setting is read as one.
fn setting_bracketed(label: &str) -> Option<String> {
    const PROMPTING: &[&str] = &["cot", "pot", "direct", "pal", "tir"];
    let plain = strip_markup(label);
    let tokens: Vec<&str> = plain.split_whitespace().collect();
    let setting = |t: &&&str| {
        let l = t.to_lowercase();
        let (rest, shots) = take_shots(&l);
        PROMPTING.contains(&l.trim_matches(|c: char| !c.is_alphanumeric()))
            || shots.is_some() && words(&rest).is_empty()
    };
    let k = tokens.iter().rev().take_while(setting).count();
    let at = tokens.len() - k;
    (k > 0 && at > 0).then(|| format!("{} ({})", tokens[..at].join(" "), tokens[at..].join(" ")))
}
