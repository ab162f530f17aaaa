//! Model ids: validated before any URL or path is built from them.

/// Checks a Hub model id (`owner/name`, or a legacy bare `name`).
///
/// Allowed: ASCII letters, digits, `-`, `_`, `.`; one `/`; no part starting with `.` or `-`,
/// so `../x`, `/etc/passwd`, `%2e%2e` and control characters are refused.
///
/// ```
/// use densing::parse::ids::check_model_id;
/// assert!(check_model_id("meta-llama/Llama-2-7b-hf").is_ok());
/// assert!(check_model_id("gpt2").is_ok());
/// assert!(check_model_id("../etc/passwd").is_err());
/// assert!(check_model_id("a/%2e%2e").is_err());
/// ```
///
/// # Errors
/// A short reason naming what is wrong.
pub fn check_model_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.len() > 200 {
        return Err("model id must be 1 to 200 characters".into());
    }
    let parts: Vec<&str> = id.split('/').collect();
    if parts.len() > 2 {
        return Err(format!("model id {id:?} has more than one '/'"));
    }
    for part in parts {
        if part.is_empty() || part.starts_with('.') || part.starts_with('-') {
            return Err(format!("model id {id:?} has an empty part or one starting with '.' or '-'"));
        }
        if let Some(c) = part.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
            return Err(format!("model id {:?} contains {:?}", id.escape_debug().to_string(), c));
        }
        if part.contains("..") {
            return Err(format!("model id {id:?} contains '..'"));
        }
    }
    Ok(())
}

/// Names of tuned variants: a base model's name carries none of these words.
///
/// ```
/// use densing::parse::ids::looks_tuned;
/// assert!(looks_tuned("google/gemma-2b-it") && !looks_tuned("google/gemma-2b"));
/// // Trained with low-rank adapters: a tune of another model, merged or not.
/// assert!(looks_tuned("org/Foo-01M-lora") && looks_tuned("org/llama-2-7B-Guanaco-QLoRA"));
/// ```
pub fn looks_tuned(id: &str) -> bool {
    let name = id.rsplit('/').next().unwrap_or(id).to_ascii_lowercase();
    // Tuning words, and the names of well-known instruction or chat tunes (Vicuna, Zephyr, Orca…).
    const WORDS: &[&str] = &[
        "instruct",
        "instruction",
        "chat",
        "it",
        "dpo",
        "sft",
        "rlhf",
        "orpo",
        "rl",
        // ("stablelm-tuned-alpha-7b")
        "tuned",
        // Preference and RL tunings, an instruct tune's short form, and reasoning tunes
        // ("Seed-X-PPO-7B", "GroveMoE-Inst", "Qwen3-235B-A22B-Thinking-2507"): no base is named so.
        "ppo",
        "grpo",
        "kto",
        "simpo",
        "sppo",
        "inst",
        "thinking",
        "distill",
        "abliterated",
        "vicuna",
        "zephyr",
        "orca",
        "openorca",
        "alpaca",
        "medalpaca",
        "hermes",
        "dolphin",
        "wizardlm",
        "wizardcoder",
        "uncensored",
        "pygmalion",
        "openchat",
        "tulu",
        "sqlcoder",
        "platypus",
        "roleplay",
        "merge",
        "slerp",
        // (A LoRA or QLoRA tune, adapter or merged: "Sunsimiao-01M-lora", "ORCA_LLaMA_70B_QLoRA".)
        "lora",
        "qlora",
    ];
    // A chat model's name word ("ChatGLM3", "BLOOMChat", "TenyxChat"; not the "ChatML" prompt
    // format), unless the name says it is the family's base ("chatglm3-6b-base").
    let chat_word = |p: &str| p.len() > 4 && p != "chatml" && (p.starts_with("chat") || p.ends_with("chat"));
    // Agent and reasoning tunes ("rStar2-Agent-14B", "ReasonFlux-V2-32B-Reasoner"), unless the
    // name says it is the base too.
    let trained_for = |p: &str| matches!(p, "agent" | "reasoner" | "reasoning");
    name.split(['-', '_', '.'])
        .any(|p| WORDS.contains(&p) || (chat_word(p) || trained_for(p)) && !super::tune_or_base::names_base(id))
}

/// How many units a size's trailing zeros span: 10 for "120b" (a round size, ±5B), 1 for "117B"
/// or "1.20B".
pub fn round_unit(label: &str) -> f64 {
    let digits: String = label.chars().take_while(char::is_ascii_digit).collect();
    let decimal = label[digits.len()..].starts_with('.');
    10f64.powi(if decimal { 0 } else { (digits.len() - digits.trim_end_matches('0').len()) as i32 })
}

/// A name with `_` between two digits read as a decimal point: Qwen writes 1.8B as `Qwen-1_8B`.
/// Not after a version or a word's own digits (`orca_mini_v3_13b` is version 3, 13B; `T0_3B`,
/// `llama2_7b`), nor in a name that separates its words with `_` (`LLaMA_2_13B_SFT` is Llama 2, 13B).
pub fn decimal_underscores(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let digit = |i: Option<&char>| i.is_some_and(char::is_ascii_digit);
    let letter = |i: Option<&char>| i.is_some_and(char::is_ascii_alphabetic);
    let separates_words = (0..chars.len())
        .any(|i| chars[i] == '_' && (letter(i.checked_sub(1).and_then(|j| chars.get(j))) || letter(chars.get(i + 1))));
    // The digits before the `_` start right after a letter: a version ("v3") or the word's own.
    let versioned = |i: usize| {
        let start = (0..i).rev().take_while(|j| chars[*j].is_ascii_digit()).last().unwrap_or(i);
        start > 0 && chars[start - 1].is_ascii_alphabetic()
    };
    let at = |i: usize, c: char| {
        c == '_' && !separates_words && i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) && !versioned(i)
    };
    chars.iter().enumerate().map(|(i, c)| if at(i, *c) { '.' } else { *c }).collect()
}

/// A size written with its unit as the decimal point, BLOOM's way (`bloom-7b1` is 7.1B,
/// `bloom-1b7` 1.7B): a word of its own, digits, `b`, one digit.
pub fn unit_decimal_sizes(name: &str) -> String {
    name.split_inclusive(['-', '_'])
        .map(|p| {
            let word = p.trim_end_matches(['-', '_']);
            let Some((whole, tenth)) = word.is_ascii().then(|| word.split_at(word.len().saturating_sub(1))) else {
                return p.to_owned();
            };
            match whole.strip_suffix(['b', 'B']) {
                Some(d)
                    if (1..=3).contains(&d.len())
                        && d.bytes().all(|b| b.is_ascii_digit())
                        && tenth.bytes().all(|b| b.is_ascii_digit())
                        && !tenth.is_empty() =>
                {
                    format!("{d}.{tenth}{}{}", &whole[d.len()..], &p[word.len()..])
                }
                _ => p.to_owned(),
            }
        })
        .collect()
}

/// A size under one billion written with its leading zero and no point, a word of its own
/// (`MobiLlama-05B` is 0.5B, `MobiLlama-08B` 0.8B): the point restored. Never a zero-padded 5B:
/// names pad versions (`v01`), not sizes. Billions only: "070M" read so would be 70 thousand
/// parameters, no language model's size; a zero there is padding.
pub fn leading_zero_sizes(name: &str) -> String {
    name.split_inclusive(['-', '_', ' '])
        .map(|p| {
            let word = p.trim_end_matches(['-', '_', ' ']);
            let digits = word.strip_suffix(['b', 'B']).unwrap_or("");
            match digits.strip_prefix('0') {
                Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
                    format!("0.{rest}{}{}", &word[digits.len()..], &p[word.len()..])
                }
                _ => p.to_owned(),
            }
        })
        .collect()
}

/// A total and an active size written together, a word of their own (`SmallThinker-21BA3B`,
/// `4BA0.6B`): written apart, as `Qwen3-30B-A3B` writes them (`21B-A3B`).
pub fn joined_active_sizes(name: &str) -> String {
    let size = |s: &str| {
        let digits = s.strip_suffix(['b', 'B', 'm', 'M']).unwrap_or("");
        !digits.is_empty() && digits.parse::<f64>().is_ok() && !digits.starts_with('.')
    };
    name.split_inclusive(['-', '_'])
        .map(|p| {
            let word = p.trim_end_matches(['-', '_']);
            let split = word
                .char_indices()
                .find(|(i, c)| matches!(c, 'a' | 'A') && *i > 0 && size(&word[..*i]) && size(&word[i + 1..]));
            match split {
                Some((i, _)) => format!("{}-{}{}", &word[..i], &word[i..], &p[word.len()..]),
                None => p.to_owned(),
            }
        })
        .collect()
}

/// A name whose size carries its base's initial, the way 2023's fine-tunes wrote CodeLlama and
/// Mistral bases (`airoboros-c34b-2.1`, `ZephRP-m7b`), with the initial dropped: `airoboros-34b-2.1`.
/// Only `c` and `m`, and only as a word of its own: other letters before a size mean something
/// else (`s34B` counts samples seen, Gemma's `E2B` an effective size).
pub fn base_initial_sizes(name: &str) -> String {
    let parts: Vec<&str> = name.split_inclusive(['-', '_']).collect();
    let sized = |p: &str| {
        let word = p.trim_end_matches(['-', '_']).to_ascii_lowercase();
        let rest = word.strip_prefix(['c', 'm']).unwrap_or("");
        let digits = rest.strip_suffix('b').unwrap_or("");
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.starts_with(|c: char| c.is_ascii_digit())
    };
    parts.iter().enumerate().map(|(i, p)| if i > 0 && sized(p) { &p[1..] } else { p }).collect()
}

/// A label's leading words that spell the repo owner and are no word of the model's name
/// ("Cerebras Llama3-DocChat 1.0 8B" on cerebras/Llama3-DocChat-1.0-8B, "Nvidia Llama3-ChatQA
/// 1.5 8B" on nvidia/…): the maker's name, not a word that tells models apart. The whole owner
/// must be spelt, or the owner but for a trailing "ai"/"labs"/"research" (mistralai, ai21labs).
pub fn without_owner(label: Vec<String>, model: &[String], model_id: &str) -> Vec<String> {
    let Some((owner, brand)) = owner_and_brand(model_id) else { return label };
    let brand = brand.as_str();
    let mut spelt = String::new();
    for (i, word) in label.iter().enumerate() {
        if model.contains(word) || !owner.starts_with(&format!("{spelt}{word}")) {
            break;
        }
        spelt.push_str(word);
        if (spelt == owner || spelt == brand) && i + 1 < label.len() {
            return label[i + 1..].to_vec();
        }
    }
    label
}

/// A repo owner written as one word ("openlmresearch", "ai21labs"), and the brand it spells but for
/// a trailing "ai", "labs" or "research" ("openlm", "ai21").
pub fn owner_and_brand(model_id: &str) -> Option<(String, String)> {
    let owner = model_id.split_once('/')?.0.to_lowercase().replace(['-', '_', '.'], "");
    let brand = ["ai", "labs", "research"].iter().find_map(|s| owner.strip_suffix(s)).unwrap_or(&owner).to_owned();
    Some((owner, brand))
}

/// A Hub id from a cell: `org/name`, or a link to a model's page on the Hub
/// (`https://huggingface.co/org/name`, `hf.co` or `www.` too, anything after the repo ignored).
/// A link to another host, to a space, a dataset or another of the Hub's own pages, or one that
/// does not parse, names no model.
///
/// ```
/// use densing::parse::ids::hub_id;
/// assert_eq!(hub_id("https://huggingface.co/Qwen/Qwen2-7B").as_deref(), Some("Qwen/Qwen2-7B"));
/// assert_eq!(hub_id("https://huggingface.co/spaces/Qwen/demo"), None);
/// ```
pub fn hub_id(cell: &str) -> Option<String> {
    let t = cell.trim();
    let id = if t.contains("://") { hub_link(t)? } else { t.trim_end_matches('/').to_owned() };
    let org = id.split_once('/')?.0;
    (!HUB_PAGES.contains(&org) && check_model_id(&id).is_ok()).then_some(id)
}

/// Whether a Hub id's repository (after any owner) is `name`, in any case: "PY007/TinyLlama-1.1B-step-50K-105b"
/// is a repository of TinyLlama-1.1B-step-50K-105b's name, whichever owner holds it now.
pub fn repo_name_is(id: &str, name: &str) -> bool {
    id.rsplit('/').next().is_some_and(|n| n.eq_ignore_ascii_case(name))
}

/// Every Hub model id a text links to ([`hub_id`] of each URL in it: markdown links, bare URLs).
pub fn hub_ids_in(text: &str) -> Vec<String> {
    hub_ids_in_tokens(text).filter_map(hub_id).collect()
}

/// The Hub model pages a text links to, the repository itself only (`…/org/name`, not a file or
/// folder in it: `…/org/name/tree/main/t2i/model` is a part of the model, not the model).
pub fn hub_pages_in(text: &str) -> Vec<String> {
    let whole = |t: &&str| t.split("://").nth(1).is_some_and(|p| p.trim_end_matches('/').split('/').count() == 3);
    hub_ids_in_tokens(text).filter(whole).filter_map(hub_id).collect()
}

fn hub_ids_in_tokens(text: &str) -> impl Iterator<Item = &str> {
    // (Markup around a bare link ends it too: `**https://huggingface.co/org/name**`; no Hub id
    // holds a `*` or a backtick.)
    let delimiters = ['(', ')', '[', ']', '<', '>', '"', '\'', '|', ',', '*', '`'];
    text.split(move |c: char| c.is_whitespace() || delimiters.contains(&c)).filter(|t| t.contains("://"))
}

/// First path parts of the Hub's own pages: no organisation can take these names.
const HUB_PAGES: &[&str] = &[
    "api",
    "blog",
    "chat",
    "collections",
    "datasets",
    "docs",
    "join",
    "learn",
    "login",
    "models",
    "new",
    "organizations",
    "papers",
    "posts",
    "pricing",
    "settings",
    "spaces",
    "tasks",
];

/// `org/name` from an `http(s)` link to the Hub (its first two path parts), else `None`.
fn hub_link(link: &str) -> Option<String> {
    let url = url::Url::parse(link).ok()?;
    let hub = matches!(url.host_str()?, "huggingface.co" | "www.huggingface.co" | "hf.co");
    if !hub || !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let mut parts = url.path_segments()?;
    Some(format!("{}/{}", parts.next()?, parts.next()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::model_names::{label_match, words};

    #[test]
    fn hub_ids_linked_in_a_text() {
        let line = "发布 模型，[下载地址](https://huggingface.co/Linly-AI/Chinese-LLaMA2-70B-chat-hf) and \
                    [data](https://huggingface.co/datasets/x/y), https://hf.co/org/Foo-7B/tree/main";
        assert_eq!(hub_ids_in(line), ["Linly-AI/Chinese-LLaMA2-70B-chat-hf", "org/Foo-7B"]);
        assert!(hub_ids_in("[blog](https://example.com/a/b) [c](https://huggingface.co/collections/o/c)").is_empty());
        let part = "[Hunyuan-DiT](https://huggingface.co/Tencent-Hunyuan/HunyuanDiT/tree/main/t2i/model)";
        assert!(hub_pages_in(part).is_empty(), "a folder of a repository is a part of the model");
        assert_eq!(hub_pages_in("[x](https://huggingface.co/org/Foo-7B/)"), ["org/Foo-7B"]);
        // A bold or code-marked bare link is the same link.
        assert_eq!(hub_pages_in("**https://huggingface.co/org/Foo-7B**"), ["org/Foo-7B"]);
        assert_eq!(hub_pages_in("`https://huggingface.co/org/Foo-7B`"), ["org/Foo-7B"]);
    }

    #[test]
    fn a_total_and_an_active_size_written_together_are_written_apart() {
        assert_eq!(joined_active_sizes("SmallThinker-21BA3B-Instruct"), "SmallThinker-21B-A3B-Instruct");
        assert_eq!(joined_active_sizes("SmallThinker-4BA0.6B"), "SmallThinker-4B-A0.6B");
        for name in ["Qwen3-30B-A3B", "Llama-7BA", "BA3B-7B", "x-7Bar", "Foo-AA3B"] {
            assert_eq!(joined_active_sizes(name), name);
        }
    }

    #[test]
    fn an_owner_leading_a_label_is_the_maker_not_another_model() {
        let id = "cerebras/Llama3-DocChat-1.0-8B";
        let strip = |label: &str| without_owner(words(label), &words(id.split_once('/').unwrap().1), id).join(" ");
        assert_eq!(strip("Cerebras Llama3-DocChat 1.0 8B"), "llama 3 docchat 1 8b");
        assert_eq!(label_match("Cerebras Llama3-DocChat 1.0 8B", id).map(|m| m.1), Some(true));
        // Another maker's model, and the owner alone, stay what they were.
        assert_eq!(label_match("Nvidia Llama3-ChatQA 1.5 8B", id), None);
        assert_eq!(strip("Cerebras"), "cerebras");
        // The owner but for "ai": "OrionStar-14B-Base" on OrionStarAI/Orion-14B-Base.
        assert_eq!(label_match("OrionStar-14B-Base", "OrionStarAI/Orion-14B-Base").map(|m| m.1), Some(true));
        // A word of the model's own name is never dropped ("Mistral 7B" of mistralai).
        assert_eq!(label_match("Mistral 7B", "mistralai/Mistral-7B-v0.1").map(|m| m.0), Some(2));
        // Words that only start the owner's name are no owner.
        assert_eq!(label_match("Cere Llama3-DocChat 1.0 8B", id), None);
    }
}
