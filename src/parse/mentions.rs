//! What a sentence names besides the card's own model: another model ("Mistral-7B-v0.1") or
//! another size ("the 13B parameters model"). A base model's quoted card, a sibling's release
//! date, a news line releasing another model are told apart by this.

use super::benchmarks::strip_markup;
use super::model_names::{is_size, label_match, words};

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
    let named = |t: &&str| model_like(t) && !is_size(t.split('-').next().unwrap_or(t));
    let other = name_tokens(&lower).filter(named).any(|t| words(t) != own);
    other
}

/// Whether `text` names a model that is neither `short` (a lower-case repo name) nor its family:
/// "MiniMax-VL-01" on MiniMax-Text-01's card; not "Qwen2.5-Coder" on Qwen2.5-Coder-7B's, nor a
/// "4-bit" quantization.
pub(crate) fn names_unrelated_model(text: &str, short: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let named = |t: &&str| model_like(t) && t.starts_with(|c: char| c.is_ascii_alphabetic());
    let unrelated = name_tokens(&lower).filter(named).any(|t| !short.starts_with(t) && !t.starts_with(short));
    unrelated
}

/// The tokens of a lower-case text that may be names: letters, digits, "-", "_" and inner ".".
fn name_tokens(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c))).map(|t| t.trim_matches('.'))
}

/// Whether `text` names another version of the model: a "v1.0" right after the name's own first
/// words ("Collective Cognition v1.0 TruthfulQA:" over a table on CollectiveCognition-v1.1's
/// card), where the name has a version of its own. (A tool's version, "harness v0.4.2", is
/// after no word of the name.)
pub(crate) fn names_other_version(text: &str, name: &str) -> bool {
    let own = words(name);
    let Some(mine) = own.iter().position(|w| w == "v").map(|at| version(&own, at)).filter(|v| !v.is_empty()) else {
        return false;
    };
    versions_named(text, &own).iter().any(|theirs| *theirs != mine)
}

/// Whether `text` gives a later version of a name that has none ("We released Marco-o1 v3" on
/// Marco-o1's card), right after the name's last word: the repository holds the first ("v1",
/// "v1.0"), not a later one.
pub(crate) fn names_a_version(text: &str, name: &str) -> bool {
    let own = words(name);
    let Some(last) = own.last().filter(|_| !own.iter().any(|w| w == "v")) else { return false };
    let said = words(text);
    (1..said.len())
        .any(|i| said[i] == "v" && said[i - 1] == *last && !matches!(version(&said, i).as_str(), "" | "0" | "1"))
}

/// Whether `text` joins the name's family word to a version the name does not carry ("CodeGen1.0
/// released" on codegen25-7b-mono's card: CodeGen 1, not 2.5; "Qwen1.5" on qwen-7b's). A name
/// without a version is the first ("CodeGen1.0" on codegen-16B-mono's card is its own).
pub(crate) fn names_another_joined_version(text: &str, name: &str) -> bool {
    let squash = |v: &str| match v.trim_end_matches(".0").replace('.', "") {
        first if first.is_empty() => "1".to_owned(),
        v => v,
    };
    let lower = name.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let first = parts.next().unwrap_or("");
    let family: String = first.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if family.len() < 3 {
        return false;
    }
    let numeric = |v: &&str| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.');
    let own = match &first[family.len()..] {
        "" => parts.next().filter(numeric).unwrap_or(""),
        joined => joined,
    };
    let text = text.to_ascii_lowercase();
    let tokens = text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'));
    let versions = tokens.filter_map(|t| t.strip_prefix(family.as_str())).map(|v| v.trim_end_matches('.'));
    versions.filter(|v| numeric(v) && v.starts_with(|c: char| c.is_ascii_digit())).any(|v| squash(v) != squash(own))
}

/// The versions `text` gives right after a word of the name (`own`, its words): "v1.0" is "1".
fn versions_named(text: &str, own: &[String]) -> Vec<String> {
    let said = words(text);
    (1..said.len())
        .filter(|i| said[*i] == "v")
        .filter(|i| {
            let before =
                [said[i - 1].clone(), if *i >= 2 { format!("{}{}", said[i - 2], said[i - 1]) } else { String::new() }];
            before.iter().any(|b| !b.is_empty() && own.contains(b))
        })
        .map(|i| version(&said, i))
        .filter(|v| !v.is_empty())
        .collect()
}

/// The version after the "v" at `at` in a name's words ("v1.0" is "1": trailing zero parts say
/// nothing).
fn version(w: &[String], at: usize) -> String {
    let mut parts: Vec<&String> = w[at + 1..].iter().take_while(|d| d.chars().all(|c| c.is_ascii_digit())).collect();
    while parts.len() > 1 && parts.last().is_some_and(|p| p.trim_start_matches('0').is_empty()) {
        parts.pop();
    }
    parts.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(".")
}

/// A heading over another model's card pasted in ("Original model card", "Base model: …"): what
/// its section says ("This model …", "- 7B parameters") is that model's.
fn pasted_card_heading(heading: &str) -> bool {
    let h = words(heading);
    h.iter().any(|w| w == "original") || h.iter().any(|w| w == "base") && h.iter().any(|w| w == "model")
}

/// Whether the lines read so far sit in a pasted card's section: under a heading
/// [`pasted_card_heading`] accepts, or in one of its subsections. Fed a card's lines in order.
#[derive(Default)]
pub(crate) struct PastedSection(Option<usize>);

impl PastedSection {
    /// Takes in a heading line ("## Original model card"); other lines change nothing.
    pub(crate) fn see(&mut self, line: &str) {
        let level = line.chars().take_while(|c| *c == '#').count();
        if level > 0 && self.0.is_none_or(|pasted| level <= pasted) {
            self.0 = pasted_card_heading(line).then_some(level);
        }
    }

    pub(crate) fn inside(&self) -> bool {
        self.0.is_some()
    }
}

/// Whether `text` states a size (`13B`) that the repo name `name` does not hold.
pub(crate) fn states_other_size(text: &str, name: &str) -> bool {
    let own = words(name);
    let said = words(text);
    // ("480K steps and 1007B tokens": a count of data, not a size.)
    let data = |i: usize| said.get(i + 1).is_some_and(|n| n == "tokens" || n == "token");
    said.iter().enumerate().any(|(i, w)| is_size(w) && !own.contains(w) && !data(i))
}

/// A card's title: its first heading (past the front matter, whose comments also start with "#").
pub(crate) fn card_title(card: &str) -> &str {
    let heading = |l: &&str| l.starts_with('#') && l.trim_start_matches('#').starts_with(' ');
    let body = card.strip_prefix("---").and_then(|rest| rest.split_once("\n---").map(|(_, body)| body)).unwrap_or(card);
    body.lines().find(heading).unwrap_or("")
}

/// The title of a card copied from another model's: it names a model that this one's name
/// extends ("# OpenHermes 2.5 - Mistral 7B" on OpenHermes-2.5-Mistral-7B-16k's card). Results
/// the card gives no model name for are then that model's, not this one's.
/// (A title naming the family alone, "# Llama 2", is no other model's.)
pub(crate) fn copied_title<'a>(model_id: &str, card: &'a str) -> Option<&'a str> {
    let title = card_title(card).trim_start_matches('#').trim();
    let sized = |text: &str| words(text).iter().any(|w| is_size(w));
    let sizes_alike = sized(title) || !sized(model_id);
    let another = label_match(&strip_markup(title), model_id).is_some_and(|(_, exact)| !exact);
    (another && sizes_alike).then_some(title)
}

/// The lines at the start of a card (lower-case) that say it copies another repository: "fork",
/// "copy", "convert" or a format ("ONNX", "GGUF", "MLX", quantized). A row linked to a Hub id
/// one of them names is the original's.
pub(super) fn copy_statements(intro: &str) -> Vec<String> {
    const COPY: &[&str] = &["fork", "copy", "convert", "onnx", "gguf", "mlx", "quantiz", "gptq", "awq", "exl2"];
    intro.lines().map(str::to_ascii_lowercase).filter(|l| COPY.iter().any(|w| l.contains(w))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_models_and_sizes() {
        assert!(names_other_model("The Mistral-7B-v0.1 LLM is a pretrained model.", "Foo-7B"));
        assert!(!names_other_model("Foo-7B is a pretrained model.", "Foo-7B"));
        assert!(!names_other_model("a compact 1B-class dense model", "MiniCPM5-1B"), "a description, not a name");
        assert!(states_other_size("the 13B parameters model", "Foo-7B"));
        assert!(!states_other_size("an intermediate checkpoint with 480K steps and 1007B tokens", "Foo-1.1B"));
        assert!(states_other_size("the 13B parameters model", "Foo-34B"));
        assert!(!states_other_size("the 34B parameters model", "Foo-34B"));
    }

    #[test]
    fn a_title_naming_the_model_this_one_extends() {
        let card = "---\nlicense: mit\n# a comment\n---\n# OpenHermes 2.5 - Mistral 7B\n# Extended to 16k\n";
        assert_eq!(copied_title("x/OpenHermes-2.5-Mistral-7B-16k", card), Some("OpenHermes 2.5 - Mistral 7B"));
        assert_eq!(copied_title("x/OpenHermes-2.5-Mistral-7B", card), None, "its own title");
        assert_eq!(copied_title("x/Other-7B-16k", card), None, "another family: not a copy");
        assert_eq!(copied_title("x/Mistral-7B-Instruct", "# Mistral 7B\n"), None, "a tune's title may drop the tuning");
        assert_eq!(copied_title("x/Llama-2-13b-hf", "# **Llama 2**\n"), None, "the family's title");
    }

    #[test]
    fn another_version_is_named_after_the_names_own_words() {
        let v11 = "CollectiveCognition-v1.1-Mistral-7B";
        assert!(names_other_version("Collective Cognition v1.0 TruthfulQA:", v11));
        assert!(!names_other_version("Collective Cognition v1.1 GPT4All:", v11));
        assert!(!names_other_version("Run with lm-evaluation-harness v0.4.2:", v11), "a tool's version");
        assert!(
            !names_other_version("Collective Cognition v1.0 GPT4All:", "CollectiveCognition-v1-Mistral-7B"),
            "v1.0 is v1"
        );
        assert!(!names_other_version("Foo v2 results", "Foo-7B"), "a name without a version");
    }

    #[test]
    fn a_later_version_of_a_name_without_one_is_another_release() {
        assert!(names_a_version("[2025/02/14] We released Marco-o1 v2, …", "Marco-o1"));
        assert!(!names_a_version("[2024/11/13] We released Marco-o1 v1, …", "Marco-o1"), "the first version");
        assert!(!names_a_version("DISC-LawLLM v1.0 is released", "DISC-LawLLM"));
        // After another word than the name's last: the base's version ("Mixtral-8x22B-v0.1").
        assert!(!names_a_version("fine-tuned from Mixtral-8x22B-v0.1", "Eurux-8x22b-nca"));
        assert!(!names_a_version("We released Foo-v1.5 v2", "Foo-v1.5"), "a name with a version of its own");
    }
}
