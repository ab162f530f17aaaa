//! A card that names its model's tuned sibling ("Qwen1.5-7B-Chat" on Qwen1.5-7B's card): a sign
//! that the model is the family's base (see [`super::tune_or_base`]).

use super::model_names::words;

/// A card that names this model's tuned sibling ("Qwen1.5-7B-Chat" on Qwen1.5-7B's card) and
/// calls its model nothing else is the base of that family. Not when its code calls a chat API
/// (`model.chat(…)`): a lab that names its chat model "TeleChat-1B-chat" in tables may publish it
/// as `Telechat-1B`.
pub(super) fn tuned_sibling(markdown: &str, sibling: &dyn Fn() -> bool) -> Option<String> {
    let chats = markdown.contains(".chat(");
    (!chats && sibling()).then(|| "names its tuned sibling (this name with chat/instruct added)".to_owned())
}

/// Whether the card names this model's name with a chat or instruct word added
/// ("lemur-70b-chat-v1"). Not an "-SFT" sibling: it is as often an earlier stage of the model's
/// own tuning (DEITA-7B-v1.0-sft beside DEITA-7B-v1.0, "SFT + DPO"; Tulu 3's SFT and DPO
/// checkpoints) as a tune of a base.
pub(super) fn names_tuned_sibling(markdown: &str, model_id: &str) -> bool {
    let added = added_words(markdown, model_id);
    ["chat", "instruct", "it"].iter().any(|t| added.contains(*t))
}

/// Whether the card names this model's name with "base" (or "pretrain") added anywhere
/// ("DeepSeek-V3-Base", "Ling-flash-base-2.0", "GLM-4-32B-Base-0414", "cwm-pretrain"): the model
/// is that base's tune.
pub(crate) fn names_base_sibling(markdown: &str, model_id: &str) -> bool {
    let added = added_words(markdown, model_id);
    ["base", "pretrain", "pretrained"].iter().any(|w| added.contains(*w))
}

/// The words the card's names add to this model's name, one at a time: the card's hyphenated
/// tokens holding every word of the name and one more.
fn added_words(markdown: &str, model_id: &str) -> std::collections::BTreeSet<String> {
    let own = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let Some(first) = own.first() else { return Default::default() };
    let lower = markdown.to_ascii_lowercase();
    let joins = |c: char| c.is_ascii_alphanumeric() || "-_.".contains(c);
    // Only the tokens around the name's first word (one search, not every token of the card),
    // each token once: the search goes on past the token it found, so a card of one long token
    // is read in one pass, not once per match.
    let mut added = std::collections::BTreeSet::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(first.as_str()).map(|i| from + i) {
        let start = lower[from..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !joins(*c))
            .map_or(from, |(i, c)| from + i + c.len_utf8());
        let end = lower[at..].find(|c: char| !joins(c)).map_or(lower.len(), |i| at + i);
        from = end.max(at + first.len());
        let token = &lower[start..end];
        let w = words(token);
        let extra: Vec<&String> = w.iter().filter(|x| !own.contains(x)).collect();
        if let [x] = extra.as_slice() {
            if token.contains('-') && w.len() == own.len() + 1 && own.iter().all(|o| w.contains(o)) {
                added.insert((*x).clone());
            }
        }
    }
    added
}
