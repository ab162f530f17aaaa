//! What a sentence names besides the card's own model: another model ("Mistral-7B-v0.1") or
//! another size ("the 13B parameters model"). A base model's quoted card, a sibling's release
//! date, a news line releasing another model are told apart by this.

use super::model_names::{is_size, words};

/// A word shaped like a model's name: letters and digits joined by "-" ("Mistral-7B-v0.1", "Qwen2-Math").
fn model_like(word: &str) -> bool {
    word.contains('-') && word.chars().any(|c| c.is_ascii_alphabetic()) && word.chars().any(|c| c.is_ascii_digit())
}

/// Whether `text` names a model other than `name` (a repo name): a token shaped like a model's
/// name ("Mistral-7B-v0.1", "XVERSE-65B-Chat") that is not `name`, and not a description that
/// starts with a size ("a compact 1B-class model").
pub(crate) fn names_other_model(text: &str, name: &str) -> bool {
    let own = words(name);
    let lower = text.to_ascii_lowercase();
    let tokens = lower.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c))).map(|t| t.trim_matches('.'));
    let named = |t: &&str| model_like(t) && !is_size(t.split('-').next().unwrap_or(t));
    tokens.filter(named).any(|t| words(t) != own)
}

/// Whether `text` states a size (`13B`) that the repo name `name` does not hold.
pub(crate) fn states_other_size(text: &str, name: &str) -> bool {
    let own = words(name);
    words(text).iter().any(|w| is_size(w) && !own.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_models_and_sizes() {
        assert!(names_other_model("The Mistral-7B-v0.1 LLM is a pretrained model.", "Foo-7B"));
        assert!(!names_other_model("Foo-7B is a pretrained model.", "Foo-7B"));
        assert!(!names_other_model("a compact 1B-class dense model", "MiniCPM5-1B"), "a description, not a name");
        assert!(states_other_size("the 13B parameters model", "Foo-34B"));
        assert!(!states_other_size("the 34B parameters model", "Foo-34B"));
    }
}
