//! A table label's words brought to the spelling of the model's name before they are compared:
//! words written apart or together otherwise ("Mi:dm", "Qwen2.5VL"), a size rounded otherwise
//! ("33B" for a 33.7B model named 34B).

use super::name_words::is_size;

/// Neighbouring label words of letters that together make one word of the model's name and are
/// none alone ("Mi:dm 2.0" for Midm-2.0): one word, as the name writes it. (Not digits: "1.3B"
/// is no "13b".)
pub(super) fn rejoin_split_words(label: Vec<String>, model: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(label.len());
    let letters = |w: &str| w.chars().all(char::is_alphabetic);
    for w in label {
        // (Joined only when neither word is the model's: this runs for every label compared.)
        let apart = |p: &String| !model.contains(p) && !model.contains(&w) && letters(p) && letters(&w);
        let joined = out.last().filter(|p| apart(p)).map(|p| format!("{p}{w}"));
        match joined.filter(|j| model.contains(j)) {
            Some(j) => *out.last_mut().unwrap() = j,
            None => out.push(w),
        }
    }
    out
}

/// A label word that is neighbouring words of the model's name written together ("Qwen2.5VL-72B"
/// for Qwen2.5-VL-72B: `5vl` is `5` and `vl`; "DeepSeekV3" for DeepSeek-V3): those words. Only
/// where a letter joins the parts: two numbers run together ("13" for "1.3") are a different name.
pub(super) fn split_joined_words(label: Vec<String>, model: &[String]) -> Vec<String> {
    let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let parts_of = |word: &str| {
        (0..model.len()).find_map(|start| {
            let mut joined = String::new();
            for end in start..model.len() {
                if end > start && digits(&model[end - 1]) && digits(&model[end]) {
                    return None;
                }
                joined.push_str(&model[end]);
                if joined == word && end > start {
                    return Some(model[start..=end].to_vec());
                }
                if !word.starts_with(&joined) {
                    return None;
                }
            }
            None
        })
    };
    let mut out = Vec::with_capacity(label.len());
    for w in label {
        match (!model.contains(&w)).then(|| parts_of(&w)).flatten() {
            Some(parts) => out.extend(parts),
            None => out.push(w),
        }
    }
    out
}

/// A label's size that rounds the model's own count otherwise ("MAmmoTH-Coder-33B" for the 33.7B
/// MAmmoTH-Coder-34B): within 5% and in the same unit, it is the name's size.
pub(super) fn rounded_sizes(label: Vec<String>, model: &[String]) -> Vec<String> {
    let sizes: Vec<&String> = model.iter().filter(|w| is_size(w)).collect();
    let [own] = sizes.as_slice() else { return label };
    let number = |w: &str| w[..w.len() - 1].parse::<f64>().ok();
    let (Some(n), unit) = (number(own), own.chars().last()) else { return label };
    label
        .into_iter()
        .map(|w| {
            let near =
                is_size(&w) && w.chars().last() == unit && number(&w).is_some_and(|m| (m - n).abs() <= 0.05 * n.max(m));
            if near {
                (*own).clone()
            } else {
                w
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::name_words::words;

    fn split(label: &str, name: &str) -> Vec<String> {
        split_joined_words(words(label), &words(name))
    }

    #[test]
    fn a_point_zero_adds_nothing_and_a_repeated_number_is_another_version() {
        use crate::parse::model_names::label_match;
        let exact = |label: &str, id: &str| label_match(label, id).map(|m| m.1);
        assert_eq!(exact("Yuan2.0-M32", "IEITYuan/Yuan2-M32"), Some(true));
        assert_eq!(exact("WizardLM-13B-V1.0", "WizardLMTeam/WizardLM-13B-V1.0"), Some(true));
        // "V1.1" is no "V1.0" nor "V1": its "1" twice is not the name's one.
        assert_eq!(label_match("WizardLM-13B-V1.1", "WizardLMTeam/WizardLM-13B-V1.0"), None);
        assert_eq!(label_match("Foo-1.1-7B", "org/Foo-1-7B"), None);
        assert_eq!(label_match("Foo-2.05-7B", "org/Foo-2-7B"), None);
        assert_eq!(words("Foo-1.0.1 1.0B"), ["foo", "1", "0", "1", "1b"]);
    }

    #[test]
    fn expert_notation_in_either_order_is_one_name() {
        use crate::parse::model_names::label_match;
        assert_eq!(words("Mixtral_7Bx2_MoE"), words("Mixtral 2x7B MoE"));
        assert_eq!(label_match("Mixtral MOE 2x7B", "cloudyu/Mixtral_7Bx2_MoE").map(|m| m.1), Some(true));
        assert_eq!(label_match("Mixtral MOE 2x7B", "cloudyu/Mixtral_7Bx3_MoE"), None);
        assert_eq!(words("Yi-34Bx2-MoE-60B"), ["yi", "2x", "34b", "moe", "60b"]);
        assert_eq!(words("box2 1.5bx4"), ["box", "2", "4x", "1", "5b"], "only a size before the x");
    }

    #[test]
    fn words_written_together_are_the_names_words() {
        assert_eq!(split("Qwen2.5VL-72B", "Qwen2.5-VL-72B-Instruct"), ["qwen", "2", "5", "vl", "72b"]);
        assert_eq!(split("DeepSeekV3", "DeepSeek-V3"), ["deepseek", "v", "3"]);
        assert_eq!(split("OpenLLaMA 7Bv2", "open_llama_7b_v2"), ["open", "llama", "7b", "v", "2"]);
        // Two numbers run together are another number; a word of the name is left as it is.
        assert_eq!(split("Qwen25-7B", "Qwen2.5-7B"), ["qwen", "25", "7b"]);
        assert_eq!(split("Qwen2VL-72B", "Qwen2.5-VL-72B"), ["qwen", "2vl", "72b"]);
    }
}
