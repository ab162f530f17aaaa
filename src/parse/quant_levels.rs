//! Quantization levels as llama.cpp and packers name a quantized repo's files ("Q4_K_M",
//! "IQ3_XXS", "Q8_0", "TQ1_0", "F16"): a quantized copy's card scores each of its files.

/// The bits of a quantization level (`Q4_K_M` 4, `IQ3_M` 3, `BF16` 16), or `None` when `token` is
/// no level. A bare `Q4` is none: levels carry their kind after an underscore.
pub fn quant_level_bits(token: &str) -> Option<u32> {
    let t = token.to_lowercase();
    match t.as_str() {
        "f32" | "fp32" => return Some(32),
        "f16" | "bf16" | "fp16" => return Some(16),
        _ => {}
    }
    let rest = t.strip_prefix("iq").or_else(|| t.strip_prefix("tq")).or_else(|| t.strip_prefix('q'))?;
    let (bits, kind) = rest.split_once('_')?;
    let kind_ok = kind.split('_').all(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (!bits.is_empty() && bits.chars().all(|c| c.is_ascii_digit()) && kind_ok).then(|| bits.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quant_levels_are_the_names_of_a_repos_files() {
        let levels =
            [("Q4_K_M", 4), ("IQ3_XXS", 3), ("q8_0", 8), ("TQ1_0", 1), ("F16", 16), ("bf16", 16), ("IQ4_NL", 4)];
        for (level, bits) in levels {
            assert_eq!(quant_level_bits(level), Some(bits), "{level}");
        }
        for word in ["Q4", "Instruct", "7B", "QwQ", "Q", "q4_k_mlong", "bartowski", "Q4_", "q_0"] {
            assert_eq!(quant_level_bits(word), None, "{word}");
        }
    }
}
