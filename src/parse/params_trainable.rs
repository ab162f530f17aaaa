//! The total a card's training line gives beside the share that was trained: "Trainable
//! Parameters: 41M / 7.24B (0.57%)", "| Trainable params | 20.8M (0.79% of 2.61B) |",
//! "Trainable: 6.652M / 3085.939M (0.216%)". A tune (an
//! adapter merged or not) has its base's count, and that line states it precisely where the
//! name gives it rounded (Mistral 7B's 7.24B, Gemma 2 2B's 2.61B).
//!
//! Taken only at 0.9 to 1.5 times the name's size: a total printed over 4-bit weights (PEFT's
//! "all params" on a QLoRA run) counts packed weights, about half, and a card with no size in
//! its name gives nothing to check it against.

use super::params::{evidence, Cand, SizeForm, SizeText};
use super::params_table::cell_num;

/// The total stated after the trained count on a "trainable parameters" line, as a candidate.
pub(super) fn trainable_total(line: &str, number: usize, name: Option<&SizeText>) -> Option<Cand> {
    // (The cheap test first: this runs for every line of a card.)
    if !line.contains("rainable") {
        return None;
    }
    let name = name.filter(|n| !n.is_expert_notation)?;
    let lower = line.to_ascii_lowercase();
    let key = lower.find("trainable param").or_else(|| lower.find("trainable:"))?;
    let rest = &line[key..];
    // ("41M / 7.24B (0.57%)": after the slash; "(0.79% of 2.61B)": after the share's "of".)
    let after = match rest.find(" of ") {
        Some(of) if rest[..of].contains('%') => &rest[of + 4..],
        _ => rest.split_once('/').filter(|(before, _)| before.bytes().any(|b| b.is_ascii_digit()))?.1,
    };
    let stated = after.split(['(', ')', '|', ',', ';']).next()?.trim();
    let total = cell_num(stated.trim_end_matches('.'))?;
    let ratio = total.value as f64 / name.total as f64;
    (rest.contains('%') && (0.9..=1.5).contains(&ratio)).then(|| Cand {
        doubt: false,
        total: Some(total),
        active: None,
        form: SizeForm::Table,
        line: number,
        evidence: evidence(line, 0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::params::parse_size;

    fn total(line: &str, name: &str) -> Option<i64> {
        trainable_total(line, 1, parse_size(name).as_ref()).and_then(|c| c.total).map(|n| n.value)
    }

    #[test]
    fn the_total_beside_the_trained_share_is_the_models_count() {
        assert_eq!(total("- **Trainable Parameters:** 41M / 7.24B (0.57%)", "7b"), Some(7_240_000_000));
        assert_eq!(total("| Trainable params | **20.8M (0.79% of 2.61B)** |", "2b"), Some(2_610_000_000));
        assert_eq!(total("- **Trainable parameters**: 4,358,144 (0.28% of 1.548 B)", "1.5b"), Some(1_548_000_000));
        assert_eq!(total("AdamW default. Trainable: **6.652M / 3085.939M (0.216%)**.", "3B"), Some(3_085_939_000));
        // Packed 4-bit weights counted, no share, no size in the name: nothing.
        assert_eq!(total("trainable params: 41M / 3.75B (1.1%)", "7b"), None);
        assert_eq!(total("Trainable parameters: 41M / 7.24B", "7b"), None);
        assert_eq!(total("- **Trainable Parameters:** 41M / 7.24B (0.57%)", "8x7b"), None);
        assert_eq!(total("The base has 7.24B parameters (0.57% trainable)", "7b"), None);
    }
}
