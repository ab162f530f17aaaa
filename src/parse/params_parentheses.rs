//! Parameter counts in parentheses: a name's exact count after its own size ("3B (3.21B)"), and
//! sizes right after a name that is this model's ("Jamba 1.5 Mini (12B active/52B total)").

use super::params::{evidence, nums, Cand, SizeForm, SizeText};

/// The name's own size with its exact count in parentheses: "3B (3.21B)" on
/// Llama-3.2-3B's card (a table cell). The count must be finer than the name's size and round
/// to it; other sizes' cells ("1B (1.23B)") say nothing of this model.
pub(super) fn precise_in_parentheses(line: &str, no: usize, name: Option<&SizeText>, out: &mut Vec<Cand>) {
    let Some(name) = name.filter(|n| !n.is_expert_notation && n.active.is_none()) else { return };
    // (The cheap test first: this runs for every line of a card.)
    if !line.contains('(') || !line.contains(name.label.trim_end_matches(char::is_alphabetic)) {
        return;
    }
    let (own, lower) = (name.label.to_ascii_lowercase(), line.to_ascii_lowercase());
    for (at, _) in lower.match_indices(&format!("{own} (")) {
        let joined = lower[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || c == '.');
        let inside = &line[at + own.len() + 2..];
        let Some(close) = inside.find(')') else { continue };
        let found = nums(&inside[..close]);
        let [exact] = found.as_slice() else { continue };
        // Within half a unit of the name's last digit ("3B": 2.5B to 3.5B; "120B": ±5B).
        let half = nums(&name.label).first().map_or(0.0, |n| n.rel * n.value as f64) * super::ids::round_unit(&own);
        let rounds = ((exact.value - name.total).abs() as f64) <= half && exact.value != name.total;
        if !joined && rounds && !exact.expert && exact.end - exact.at == close {
            let (total, evidence) = (Some(exact.clone()), evidence(line, at));
            out.push(Cand { doubt: false, total, active: None, form: SizeForm::Table, line: no, evidence });
        }
    }
}

/// A size that is all its parenthesis says, but for the word "parameters": "(11B)", "(314B parameters)".
fn alone(part: &str, size: &super::params::Num) -> bool {
    let rest = part[size.end..].trim().to_ascii_lowercase();
    size.at == 0 && (rest.is_empty() || rest == "parameters" || rest == "params")
}

/// Sizes in parentheses right after a name that is exactly this model's (or "the model", the card's own): "[Jamba 1.5
/// Mini](…) (12B active/52B total) and [Jamba 1.5 Large](…) (94B active/398B total)". Each
/// part must say whether it is active or total, unless there is one size alone ("Velara (11B)").
pub(super) fn named_parentheses(line: &str, no: usize, (id, pasted): (&str, bool), out: &mut Vec<Cand>) {
    let mut from = 0;
    while let Some(open) = line[from..].find('(').map(|k| from + k) {
        let Some(close) = line[open..].find(')').map(|k| open + k) else { return };
        from = close;
        let inside = &line[open + 1..close];
        let before = line[..open].trim_end();
        // The name before it: a link's text, else the last words of the clause.
        let label = match before.strip_suffix(')').and_then(|b| b.rfind("](").map(|k| &b[..k])) {
            Some(text) => text.rsplit('[').next().unwrap_or(""),
            None => before.rsplit([',', ';', ':', '|', '.', '(']).next().unwrap_or(""),
        };
        // (The cheap test first: this runs for every parenthesis of a card.)
        if nums(inside).is_empty() {
            continue;
        }
        let label = label.split_whitespace().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>();
        // ("the large size of the model (314B parameters)" on grok-1's card: the card's own model, outside a
        // pasted card's section.)
        let is = |w: &str, one_of: &[&str]| one_of.contains(&w.to_ascii_lowercase().as_str());
        let the_model =
            !pasted && matches!(label.as_slice(), [.., a, m] if is(a, &["the", "this"]) && is(m, &["model"]));
        if !the_model && !super::model_names::label_match(&label.join(" "), id).is_some_and(|(_, exact)| exact) {
            continue;
        }
        let parts: Vec<&str> = inside.split(['/', ',', ';']).map(str::trim).collect();
        let mut cand = Cand {
            doubt: false,
            total: None,
            active: None,
            form: SizeForm::Prose,
            line: no,
            evidence: evidence(line, open),
        };
        let read = parts.iter().all(|part| {
            let (found, lower) = (nums(part), part.to_ascii_lowercase());
            let [size] = found.as_slice() else { return false };
            let slot = match (lower.contains("activ"), lower.contains("total")) {
                (true, false) => &mut cand.active,
                (false, true) => &mut cand.total,
                (false, false) if parts.len() == 1 && alone(part, size) => &mut cand.total,
                _ => return false,
            };
            !size.expert && slot.replace(size.clone()).is_none()
        });
        if read && cand.total.is_some() {
            out.push(cand);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::params::parse_size;

    #[test]
    fn sizes_in_parentheses_after_the_models_own_name() {
        let line = "[Jamba 1.5 Mini](https://x/ai21labs/AI21-Jamba-1.5-Mini) (12B active/52B total) and [Jamba 1.5 \
                    Large](https://x) (94B active/398B total) are also optimized";
        let mut out = Vec::new();
        named_parentheses(line, 3, ("ai21labs/AI21-Jamba-1.5-Mini", false), &mut out);
        let got: Vec<_> =
            out.iter().map(|c| (c.total.as_ref().unwrap().value, c.active.as_ref().map(|a| a.value))).collect();
        assert_eq!(got, [(52_000_000_000, Some(12_000_000_000))]);
        let mut out = Vec::new();
        named_parentheses("Jamba 1.5 Mini (12B/52B)", 1, ("ai21labs/AI21-Jamba-1.5-Mini", false), &mut out);
        assert!(out.is_empty(), "which is active is not said");
        named_parentheses("We compare with Llama-2 (7B)", 1, ("ai21labs/AI21-Jamba-1.5-Mini", false), &mut out);
        assert!(out.is_empty(), "another model's");
        named_parentheses("Velara-v2 (13B)", 1, ("x/Velara", false), &mut out);
        assert!(out.is_empty(), "a later version's");
        named_parentheses("- Velara (11B)", 1, ("x/Velara", false), &mut out);
        assert_eq!(out.len(), 1);
        // "The model" is the card's own, but not in a pasted card's section.
        let grok = "Due to the large size of the model (314B parameters), a multi-GPU machine is required.";
        let mut out = Vec::new();
        named_parentheses(grok, 1, ("xai-org/grok-1", true), &mut out);
        assert!(out.is_empty(), "a pasted card's model");
        named_parentheses(grok, 1, ("xai-org/grok-1", false), &mut out);
        assert_eq!(out.iter().map(|c| c.total.as_ref().unwrap().value).collect::<Vec<_>>(), [314_000_000_000]);
        named_parentheses("Foo-7B is tuned from the base model (13B parameters).", 1, ("x/Foo-7B", false), &mut out);
        assert_eq!(out.len(), 1, "the base model is another");
    }

    #[test]
    fn the_names_size_with_its_exact_count_in_parentheses() {
        let name = parse_size("3B");
        let read = |line: &str| {
            let mut out = Vec::new();
            precise_in_parentheses(line, 7, name.as_ref(), &mut out);
            out.iter().map(|c| c.total.as_ref().unwrap().value).collect::<Vec<_>>()
        };
        assert_eq!(read("| | | 3B (3.21B) | Multilingual Text |"), [3_210_000_000]);
        assert!(read("| Llama 3.2 | data | 1B (1.23B) |").is_empty(), "another size's cell");
        assert!(read("| 3B (4.1B) |").is_empty(), "does not round to the name's size");
        assert!(read("| 13B (3.21B) |").is_empty(), "13B is no 3B");
        assert!(read("| 3B (3.21B, 2.8B non-embedding) |").is_empty(), "one count alone");
    }
}
