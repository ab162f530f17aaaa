//! Parameter counts written as text: "7B", "7.24B", "2.7 billion", "~ 11B", "8x7B", "235B-A22B".
//!
//! Three entry points: [`parse_size`] reads one size expression, [`from_name`] finds the size a
//! model id carries, [`from_card_text`] reads a card's prose ("671B total parameters with 37B
//! activated"). None of them multiplies experts: `8x7B` is not 56B, because attention and
//! embeddings are shared; its total is estimated from the share of a dense model's weights that
//! sit in the FFN, and flagged low-confidence.

/// Share of a Mistral/Llama-style dense model's weights in its FFN (Mistral-7B: 5.64B of 7.24B).
/// Used only to estimate `NxMB` names when no config or safetensors count exists.
const FFN_SHARE: f64 = 0.778;

/// A size read from text.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeText {
    /// Total parameters.
    pub total: i64,
    /// Active parameters (MoE), when the text says.
    pub active: Option<i64>,
    /// The expression as written, e.g. `"8x7B"`.
    pub label: String,
    /// `NxMB` expert notation: the total is an estimate.
    pub is_expert_notation: bool,
}

fn scale(unit: &str) -> Option<f64> {
    match unit.to_ascii_lowercase().as_str() {
        "t" | "trillion" => Some(1e12),
        "b" | "bn" | "billion" => Some(1e9),
        "m" | "million" => Some(1e6),
        "k" | "thousand" => Some(1e3),
        _ => None,
    }
}

/// Splits `"7.24B"` into (7.24, "B"); returns the rest of the string after the unit.
fn number_unit(s: &str) -> Option<(f64, &str, &str)> {
    let s = s.trim_start();
    let digits_end = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    if digits_end == 0 {
        return None;
    }
    let value: f64 = s[..digits_end].trim_end_matches('.').parse().ok()?;
    let rest = s[digits_end..].trim_start();
    let unit_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    let unit = &rest[..unit_end];
    scale(unit)?;
    Some((value, unit, &rest[unit_end..]))
}

/// Parses one size expression.
///
/// ```
/// use densing::parse::params::parse_size;
/// assert_eq!(parse_size("7B").unwrap().total, 7_000_000_000);
/// assert_eq!(parse_size("~ 11B").unwrap().total, 11_000_000_000);
/// assert_eq!(parse_size("2.7 billion").unwrap().total, 2_700_000_000);
/// let moe = parse_size("235B-A22B").unwrap();
/// assert_eq!((moe.total, moe.active), (235_000_000_000, Some(22_000_000_000)));
/// let mixtral = parse_size("8x7B").unwrap();
/// assert!(mixtral.is_expert_notation && mixtral.total < 56_000_000_000);
/// ```
pub fn parse_size(text: &str) -> Option<SizeText> {
    let t = text.trim().trim_start_matches(['~', '≈', '*']).trim();
    // NxMB: experts × expert size.
    if let Some((n, rest)) = t.split_once(['x', 'X', '×']) {
        if let (Ok(n), Some((m, unit, tail))) = (n.trim().parse::<u32>(), number_unit(rest)) {
            if (2..=512).contains(&n) && tail.trim().is_empty() {
                let dense = m * scale(unit)?;
                let total = dense * (1.0 - FFN_SHARE) + f64::from(n) * dense * FFN_SHARE;
                return Some(SizeText {
                    total: total.round() as i64,
                    active: None,
                    label: t.to_owned(),
                    is_expert_notation: true,
                });
            }
        }
    }
    let (value, unit, rest) = number_unit(t)?;
    let total = (value * scale(unit)?).round() as i64;
    // 235B-A22B / 30B-A3B: total then active.
    let active = rest
        .strip_prefix(['-', '_'])
        .and_then(|r| r.strip_prefix(['A', 'a']))
        .and_then(number_unit)
        .filter(|(_, _, tail)| tail.trim().is_empty())
        .map(|(v, u, _)| (v * scale(u).unwrap_or(1.0)).round() as i64);
    if active.is_none() && !rest.trim().is_empty() && !rest.trim_start().starts_with(['p', 'P', '(', ',']) {
        // "7B" must stand alone (or be followed by "params"): "7Bxx" is not a size.
        if rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
    }
    let label = t[..t.len() - rest.len()].trim().to_owned();
    Some(SizeText { total, active, label, is_expert_notation: false })
}

/// The size a model id carries, e.g. `Llama-2-7b-hf` → 7B, `Qwen3-30B-A3B` → 30B total, 3B active.
///
/// ```
/// use densing::parse::params::from_name;
/// assert_eq!(from_name("meta-llama/Llama-2-7b-hf").unwrap().label, "7b");
/// assert_eq!(from_name("Qwen/Qwen3-30B-A3B").unwrap().active, Some(3_000_000_000));
/// assert_eq!(from_name("mistralai/Mixtral-8x7B-v0.1").unwrap().label, "8x7B");
/// assert!(from_name("microsoft/phi-2").is_none());
/// assert!(from_name("deepseek-ai/DeepSeek-V3").is_none());
/// ```
pub fn from_name(model_id: &str) -> Option<SizeText> {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let parts: Vec<&str> = name.split(['-', '_']).collect();
    for (i, part) in parts.iter().enumerate() {
        let starts_numeric = part.starts_with(|c: char| c.is_ascii_digit());
        let ends_with_unit = part.ends_with(['b', 'B', 'm', 'M', 't', 'T']);
        if !(starts_numeric && ends_with_unit) {
            continue;
        }
        // Keep "30B-A3B" together.
        let joined = match parts.get(i + 1) {
            Some(next) if next.starts_with(['A', 'a']) && parse_size(&next[1..]).is_some() => format!("{part}-{next}"),
            _ => (*part).to_owned(),
        };
        if let Some(size) = parse_size(&joined) {
            return Some(size);
        }
    }
    None
}

/// A size stated in a card's prose next to the word "parameters", with "activated"/"active"
/// counts as active. Markdown emphasis is ignored ("**2.7 billion** parameters").
///
/// ```
/// use densing::parse::params::from_card_text;
/// let v3 = from_card_text("a MoE with 671B total parameters with 37B activated for each token").unwrap();
/// assert_eq!((v3.total, v3.active), (671_000_000_000, Some(37_000_000_000)));
/// assert_eq!(from_card_text("Phi-2 is a Transformer with **2.7 billion** parameters.").unwrap().total, 2_700_000_000);
/// ```
pub fn from_card_text(text: &str) -> Option<SizeText> {
    let clean: String = text.replace("**", "").replace('\u{a0}', " ");
    let lower = clean.to_ascii_lowercase();
    let mut found: Option<SizeText> = None;
    for (pos, _) in lower.match_indices("parameters") {
        let before = &clean[..pos];
        // The size is the last number+unit within 40 characters before "parameters".
        let window_start = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let window = &before[window_start..];
        let Some(size) = last_size(window) else { continue };
        // 80 bytes on, moved back to a character boundary (the fuzzer found cards where a
        // multi-byte character straddles it).
        let mut end = lower.len().min(pos + 80);
        while !lower.is_char_boundary(end) {
            end -= 1;
        }
        let after = &lower[pos..end];
        let active = ["activated", "active"]
            .iter()
            .find_map(|w| after.find(w))
            .and_then(|end| last_size(&clean[pos..pos + end]))
            .map(|s| s.total);
        if window.to_ascii_lowercase().contains("activated") || window.to_ascii_lowercase().contains("active ") {
            continue; // "37B activated parameters" is not the total
        }
        found = Some(SizeText { active, ..size });
        break;
    }
    found
}

fn last_size(window: &str) -> Option<SizeText> {
    let bytes = window.as_bytes();
    let mut best = None;
    for (i, c) in window.char_indices() {
        let starts = c.is_ascii_digit() && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'));
        if !starts {
            continue;
        }
        let rest = &window[i..];
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == ' ')).unwrap_or(rest.len());
        let candidate = rest[..end].trim();
        // Try the longest prefix that parses ("2.7 billion", "671B").
        let words: Vec<&str> = candidate.split_whitespace().collect();
        for n in (1..=words.len().min(2)).rev() {
            if let Some(s) = parse_size(&words[..n].join(" ")) {
                best = Some(s);
                break;
            }
        }
    }
    best
}

/// How a card states its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeForm {
    /// A sentence of the card's prose.
    Prose,
    /// A table row.
    Table,
    /// The repo name alone: `evidence` is the name, `line` is 0.
    Name,
}

/// The model's own size as its card (failing that, its name) states it.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSize {
    /// The size.
    pub size: SizeText,
    /// The sentence or table row it was read from, at most 200 characters.
    pub evidence: String,
    /// 1-based line in the markdown (0 for [`SizeForm::Name`]).
    pub line: usize,
    /// Prose, table or name.
    pub form: SizeForm,
}

/// The model's own size from its card's prose, else its name (interim: replaced by the
/// precision-first reader).
pub fn card_size(model_id: &str, markdown: &str) -> Option<CardSize> {
    if let Some(size) = from_card_text(markdown) {
        return Some(CardSize { size, evidence: String::new(), line: 0, form: SizeForm::Prose });
    }
    from_name(model_id).map(|size| CardSize { size, evidence: model_id.to_owned(), line: 0, form: SizeForm::Name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_as_written() {
        for (text, total) in [
            ("7.24B", 7_240_000_000),
            ("1.5T", 1_500_000_000_000),
            ("350M", 350_000_000),
            ("46.7B", 46_700_000_000),
            ("**~ 11B**", 11_000_000_000),
        ] {
            assert_eq!(parse_size(text).map(|s| s.total), Some(total), "{text}");
        }
        for junk in ["", "B", "abc", "7Bxx", "-1B", "1.2.3"] {
            assert!(parse_size(junk).is_none_or(|s| s.total > 0), "{junk:?}");
        }
    }

    #[test]
    fn expert_notation_is_not_a_product() {
        let s = parse_size("8x7B").unwrap();
        assert!(s.is_expert_notation);
        assert!((s.total as f64 / 46.7e9 - 1.0).abs() < 0.05, "{}", s.total);
        let big = parse_size("8x22B").unwrap();
        assert!((big.total as f64 / 140.6e9 - 1.0).abs() < 0.05, "{}", big.total);
    }

    #[test]
    fn r7_multibyte_text_after_parameters_does_not_panic() {
        // Found by `cargo run --example fuzz -- params`: a slice 80 bytes past "parameters"
        // ended inside a multi-byte character.
        let text = format!("7B parameters {}", "é".repeat(60));
        assert_eq!(from_card_text(&text).unwrap().total, 7_000_000_000);
    }

    #[test]
    fn phi_moe_active_in_prose() {
        let s = from_card_text("a MoE of 16x3.8B parameters with 6.6B active parameters").unwrap();
        assert_eq!(s.active, Some(6_600_000_000));
        assert!(s.is_expert_notation);
    }

    #[test]
    fn names() {
        assert_eq!(from_name("TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T").unwrap().total, 1_100_000_000);
        assert_eq!(from_name("meta-llama/Meta-Llama-3-8B").unwrap().total, 8_000_000_000);
        assert_eq!(from_name("upstage/SOLAR-10.7B-v1.0").unwrap().total, 10_700_000_000);
        assert!(from_name("Qwen/Qwen2.5-7B").is_some_and(|s| s.total == 7_000_000_000));
        assert!(from_name("google-bert/bert-base-uncased").is_none());
    }
}
