//! A card's prompt-format section that shows a chat turn, or its code putting a conversation into
//! this model's chat template: a tune's signs ([`super::tune_or_base`]).

use super::tables::clip;

/// A section headed as the model's prompt format ("Prompt template: Vicuna", "## Prompt Format",
/// "Prompting"), or introduced by a short line ending in ':' that names it ("The model follows the
/// Alpaca prompt format:"), whose first lines show a chat turn (`<|im_start|>`, `[INST]`, `### Response:`,
/// "USER:"): a chat or instruction tune's card. Not a heading saying "None", and not on a
/// family's card that names this model's tuned sibling (the format is the sibling's). Lines in
/// code blocks are no headings.
pub fn chat_prompt(markdown: &str, sibling: &dyn Fn() -> bool) -> Option<String> {
    const HEADINGS: &[&str] =
        &["prompt template", "prompt format", "prompting", "chat template", "chat format", "formatting"];
    const TURNS: &[&str] = &[
        "<|im_start|>",
        "[inst]",
        "### response",
        "### assistant",
        "<|user|>",
        "<|assistant|>",
        "<start_of_turn>",
        "<|start_header_id|>",
        "<|prompter|>",
        "gpt4 correct user:",
    ];
    const SPEAKERS: &[&str] = &["user:", "human:", "### human:", "assistant:"];
    let mut fenced = false;
    let mut section: Option<(&str, usize)> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if super::card_text::is_fence(trimmed) {
            fenced = !fenced;
            continue;
        }
        // A heading, or a short line that introduces what follows ("Prompt Template:", "This model
        // uses Alpaca formatting, so … use:").
        let label_line =
            !trimmed.starts_with('#') && trimmed.len() <= 100 && trimmed.trim_end_matches(['*', ' ']).ends_with(':');
        if !fenced && (trimmed.starts_with('#') || label_line) && !is_turn_heading(trimmed) {
            let lower = trimmed.trim_start_matches('#').trim().to_ascii_lowercase();
            let named = HEADINGS.iter().any(|h| lower.contains(h));
            // "Prompt template: None" names no format; "### Prompt format:" heads one.
            let none = lower.rsplit(':').next().is_some_and(|v| matches!(v.trim(), "none" | "unknown"));
            if named || !label_line {
                section = (named && !(lower.contains(':') && none)).then_some((trimmed, 0));
                continue;
            }
        }
        let Some((heading, seen)) = section.as_mut() else { continue };
        *seen += 1;
        if *seen > 30 {
            section = None;
            continue;
        }
        let lower = trimmed.to_ascii_lowercase();
        if TURNS.iter().any(|t| lower.contains(t)) || SPEAKERS.iter().any(|s| lower.starts_with(s)) {
            let heading = *heading;
            return (!sibling()).then(|| {
                clip(&format!("chat prompt format: {} | {}", heading.trim_start_matches('#').trim(), trimmed))
            });
        }
    }
    None
}

/// A code block that loads this model (every quoted Hub id in it is the model's own name) and puts
/// a conversation into its chat template (`tokenizer.apply_chat_template(messages, …)`, or a user's
/// turn `{"role": "user", …}` sent to a pipeline or server): a base model has no chat template to
/// apply. Of the labelled dev and pool cards showing it, about 300 are tunes and 1 a base model
/// pretrained on chat data (its card says so; the base sentence then makes it a conflict). Not a
/// block that applies a template only if there is one (`if tokenizer.chat_template is not None`, a
/// packer's boilerplate written for base models too).
pub fn chat_template_call(markdown: &str, model_id: &str) -> Option<String> {
    if !markdown.contains("apply_chat_template") && !markdown.contains("role") {
        return None;
    }
    let applied = |l: &&&str| l.contains("apply_chat_template(");
    let turn = |l: &&&str| {
        let packed: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        packed.contains("\"role\":\"user\"") || packed.contains("'role':'user'")
    };
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let mut block: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        let fence = super::card_text::is_fence(line);
        match (&mut block, fence) {
            (None, true) => block = Some(Vec::new()),
            (Some(lines), false) => lines.push(line),
            (Some(_), true) => {
                let lines = block.take().unwrap_or_default();
                if let Some(call) = lines.iter().find(applied).or_else(|| lines.iter().find(turn)) {
                    let text = lines.join("\n");
                    let ids = quoted_ids(&text);
                    let own = !ids.is_empty() && ids.iter().all(|id| super::ids::repo_name_is(id, name));
                    if own && !text.contains("chat_template is not None") {
                        return Some(clip(&format!("a chat turn in code loading {name}: {}", call.trim())));
                    }
                }
            }
            (None, false) => {}
        }
    }
    None
}

/// The `org/name` strings quoted in code (`"Qwen/QwQ-32B"`, `'org/model'`): Hub ids by
/// [`check_model_id`](super::ids::check_model_id), with their owner.
fn quoted_ids(code: &str) -> Vec<&str> {
    let id = |s: &&str| s.contains('/') && super::ids::check_model_id(s).is_ok();
    code.split(['"', '\'']).skip(1).step_by(2).filter(id).collect()
}

/// A markdown heading that is a prompt's turn marker ("### Instruction:", "### Response:"), not
/// a section of the card.
fn is_turn_heading(line: &str) -> bool {
    let text = line.trim_start_matches('#').trim().to_ascii_lowercase();
    ["instruction", "response", "input", "human", "assistant", "user", "system"]
        .iter()
        .any(|t| text.strip_prefix(t).is_some_and(|rest| rest.is_empty() || rest.starts_with(':')))
}
