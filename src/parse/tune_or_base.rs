//! Whether a card says its model is a tune (chat, instruct, fine-tune, merge) or a pretrained base
//! model, with the line that says so. A sentence about this model outweighs everything else; a
//! tag, a merge recipe or a chat prompt format against a sentence calling the model a base model
//! is a conflict, and neither is kept.

use super::chat_prompt::{chat_prompt, chat_template_call};
use super::mentions::{names_other_model, states_other_size};
use super::model_names::{heading_is_tuned, is_packed, words};
use super::siblings::{names_tuned_sibling, tuned_sibling};
use super::tables::clip;
use super::tune_intro::opening_says_tune;
use super::tune_phrases::{BASE_PHRASES, TUNED_PHRASES};

/// What the card says: `(tuned, base)`, each the line or tag that says it; at most one is set.
/// `tag` is a front-matter tag marking a tune (`tuned_tags`), `lineage` the front matter's base
/// model (`declared_base`); `tuned_name` says the model's name or title already calls it a tune
/// (then no base sentence is looked for). Lineage and a "Finetuned from" field name the model a
/// tune was made from, unless the card says its model was pretrained further from it.
pub fn tune_or_base(
    markdown: &str,
    model_id: &str,
    (tag, lineage, pretrained_tag): (Option<String>, Option<String>, Option<String>),
    tuned_name: bool,
) -> (Option<String>, Option<String>) {
    // (A name that calls the model a tune, "-lora", "-alpaca", "-merge", is not made a base by a
    // tuned sibling or a base sentence: the reader abstains instead.)
    let tuned_name = tuned_name || super::ids::looks_tuned(model_id);
    // Whether the card names the tuned sibling: three readings ask, the card is searched once.
    let cell = std::cell::OnceCell::new();
    let sibling = || *cell.get_or_init(|| names_tuned_sibling(markdown, model_id));
    let further = std::cell::OnceCell::new();
    let tuned_from = || !*further.get_or_init(|| pretrained_further(markdown));
    let base = if tuned_name {
        None
    } else {
        base_sentence(markdown, model_id)
            .or_else(|| pretraining_stage(markdown))
            .or_else(|| tuned_sibling(markdown, &sibling))
            .or(pretrained_tag)
    };
    // (A tag naming only how it was trained, "lora", says nothing of a model pretrained further so.)
    let method_only =
        |t: &String| ["lora", "qlora", "peft"].iter().any(|m| t.to_ascii_lowercase().ends_with(&format!(": {m}")));
    let weaker = || {
        tag.filter(|t| tuned_from() || !method_only(t))
            .or_else(|| lineage.filter(|_| tuned_from()))
            .or_else(|| merge_recipe(markdown))
            // (A quantized copy's prompt template is its packer's suggestion, written for base
            // models too: "Prompt template: Yi … Human: {prompt} Assistant:" on Yi-34B-GGUF.)
            .or_else(|| chat_prompt(markdown, &sibling).filter(|_| !is_packed(model_id)))
            .or_else(|| chat_template_call(markdown, model_id).filter(|_| !is_packed(model_id)))
            // (A model pretrained further is a base, whatever word its opening uses for it.)
            .or_else(|| opening_says_tune(markdown).filter(|_| tuned_from()))
    };
    // A name that calls the model a base ("Biggie-SmoLlm-0.15B-Base": "a merge of the base, not
    // the instruct") is not made a chat or instruct model by a merge or a fine-tune on raw text.
    let said =
        || tuned_sentence(markdown, model_id, &sibling).or_else(|| tuned_field(markdown).filter(|_| tuned_from()));
    let sized_base = names_base(model_id);
    let causal_base = || ends_in_base(model_id) && markdown.contains("AutoModelForCausalLM");
    if !tuned_name && (sized_base || causal_base()) {
        // With no line calling it a base, the name says so, unless anything in the card says it
        // was tuned or merged (merges named "…-33b-Base" are tunes): then nothing is said.
        let how = if sized_base {
            "says \"base\" beside a size"
        } else {
            "ends in \"base\" and the card loads it as a causal LM"
        };
        let name = || Some(format!("the repo name {:?} {how}", repo_name(model_id)));
        let silent = || said().is_none() && weaker().is_none() && !names_a_base_model(markdown, model_id);
        return (None, base.or_else(|| silent().then(name).flatten()));
    }
    let said = said();
    match (said, base) {
        (Some(sentence), _) => (Some(sentence), None),
        (None, Some(base)) => match weaker() {
            Some(_) => (None, None),
            None => (None, Some(base)),
        },
        (None, None) => (weaker(), None),
    }
}

fn repo_name(model_id: &str) -> &str {
    model_id.rsplit('/').next().unwrap_or(model_id)
}

/// Whether the repo name has a size and the word "base", after which comes nothing or only what
/// names a build of it: a size, version, context length, stage or quantized form ("luojiu-7b-base",
/// "Biggie-SmoLlm-0.15B-Base", "stablelm-base-alpha-3b", "granite-3b-code-base-2k",
/// "deepseek-coder-6.7B-base-AWQ"); not BERT's or T5's size word ("bert-base-uncased", "mt0-base").
pub fn names_base(model_id: &str) -> bool {
    use super::model_names::{is_size, PACKING};
    let name = words(repo_name(model_id));
    let Some(at) = name.iter().rposition(|w| w == "base") else { return false };
    let numbered = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let build = |w: &String| {
        is_size(w)
            || numbered(w)
            // (A version: `words` splits "v1" into "v" and "1".)
            || w == "v"
            || w.strip_prefix('v').is_some_and(numbered)
            || w.strip_suffix('k').is_some_and(numbered)
            || PACKING.contains(&w.as_str())
            || matches!(w.as_str(), "alpha" | "beta")
    };
    name[at + 1..].iter().all(build) && name.iter().any(|w| is_size(w))
}

/// Whether the repo name's last word is "base" ("DeepSeek-V3-Base", "bert-base"): a pretrained
/// model's name, or an encoder's size word; a name with no size needs the card to load it as a
/// causal language model (`AutoModelForCausalLM`) to be read as the former.
fn ends_in_base(model_id: &str) -> bool {
    words(repo_name(model_id)).last().is_some_and(|w| w == "base")
}

/// A front-matter tag that marks a tune.
pub fn tuned_tags(meta: &serde_json::Value) -> Option<String> {
    const TAGS: &[&str] = &[
        "instruct",
        "finetune",
        "fine-tuned",
        "finetuned",
        "chat",
        "conversational",
        "sft",
        "dpo",
        "orpo",
        "rlhf",
        "merge",
        "mergekit",
        "roleplay",
        // Trained with adapters or with TRL's trainers (SFT, DPO, GRPO): a tune of another model.
        "lora",
        "qlora",
        "peft",
        "trl",
        "grpo",
        "instruction-tuning",
        "instruction-tuned",
    ];
    front_matter_tag(meta, TAGS)
}

/// A front matter tag that calls the model a pretrained one (`tags: [pretrained]`, Qwen's base
/// models): a base, unless anything else says it was tuned.
pub fn pretrained_tag(meta: &serde_json::Value) -> Option<String> {
    front_matter_tag(meta, &["pretrained"])
}

/// The first front matter tag that is one of `wanted` (lower-case), as evidence.
fn front_matter_tag(meta: &serde_json::Value, wanted: &[&str]) -> Option<String> {
    let tags = meta.get("tags")?.as_array()?;
    let tag = tags.iter().filter_map(|t| t.as_str()).find(|t| wanted.contains(&t.to_ascii_lowercase().as_str()))?;
    Some(format!("front matter tag: {tag}"))
}

/// A sentence in which the card calls its model a tune ("is a fine-tuned version of", "is an
/// instruction-tuned", "is a merge of"). Sentences about other models ("the fine-tuned
/// Llama-2-Chat models") do not count: the phrase must say what this model *is*.
fn tuned_sentence(markdown: &str, model_id: &str, sibling: &dyn Fn() -> bool) -> Option<String> {
    // Alpaca's prompt ("Below is an instruction that …") shows an instruction-tuned model, but on
    // a family's card that names this model's tuned sibling ("lemur-70b-chat-v1" beside
    // lemur-70b-v1) it is the sibling's.
    let line = line_saying(markdown, TUNED_PHRASES, model_id)?;
    let prompt = line.to_ascii_lowercase().contains("below is an instruction");
    (!(prompt && sibling())).then_some(line)
}

/// A model card template's field naming what the model was tuned from or how ("- **Finetuned
/// from model:** unsloth/llama-3-8b", "Fine-tuning method: QLoRA"), filled in: the template's
/// "[More Information Needed]" says nothing.
fn tuned_field(markdown: &str) -> Option<String> {
    const KEYS: &[&str] = &["finetuned from", "fine-tuned from", "fine-tuning method", "finetuning method"];
    if !["uned from", "uned From", "ning method", "ning Method"].iter().any(|k| markdown.contains(k)) {
        return None;
    }
    markdown.lines().filter(|l| l.contains(':')).find_map(|line| {
        // Unicode hyphens ("Fine‑tuning") read as ASCII ones.
        let lower: String = line.to_lowercase().replace(['\u{2010}', '\u{2011}'], "-");
        let (key, value) = lower.split_once(':')?;
        let key = key.trim_matches(|c: char| c.is_whitespace() || "-*_#|".contains(c));
        let value = value.trim_matches(|c: char| c.is_whitespace() || "*_|[]".contains(c));
        let empty = value.is_empty() || ["more information needed", "n/a", "none", "-"].contains(&value);
        (KEYS.iter().any(|k| key.starts_with(k)) && !empty).then(|| clip(line.trim()))
    })
}

/// Whether a field names the model this one was made from ("Base model: https://…/Mistral-7B",
/// "**Base Model**" over a link): trained further from it, the model may be a tune.
/// A heading "### Base Model" does so only over a web link: over prose it titles a base model's
/// results (deepseek-llm-7b-base's evaluation). A field naming the model itself ("- Base Model:
/// [RedPajama-INCITE-Base-3B-v1](…)" in that model's own family list) names no other.
fn names_a_base_model(markdown: &str, model_id: &str) -> bool {
    let own = repo_name(model_id).to_lowercase();
    let lines: Vec<&str> = markdown.lines().collect();
    lines.iter().enumerate().any(|(i, line)| {
        let key = line.trim_start_matches(|c: char| c.is_whitespace() || "-*_#>|".contains(c)).to_lowercase();
        let field = key.strip_prefix("base model").filter(|rest| {
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "*_|".contains(c));
            rest.is_empty() || rest.starts_with(':') || rest.starts_with('：')
        });
        let next = || lines[i + 1..].iter().find(|l| !l.trim().is_empty()).copied().unwrap_or("");
        let Some(value) = field else { return false };
        let heading = line.trim_start().starts_with('#');
        let named = if value.trim_start_matches(['*', '_', '|', ' ', ':', '：']).trim().is_empty() {
            next().to_lowercase()
        } else {
            value.to_owned()
        };
        (!heading || next().contains("://")) && !named.contains(&own)
    })
}

/// The Hub's lineage in the front matter (`base`, the first `base_model`), as [`made_from`] reads it.
/// A copy tagged as imported or converted into another format keeps its original's kind, as a
/// quantized one does.
pub fn declared_base(meta: &serde_json::Value, base: Option<&str>, model_id: &str) -> Option<String> {
    let base = base.filter(|b| !b.trim().is_empty())?;
    let copied = front_matter_tag(meta, &["imported", "converted", "conversion"]).is_some();
    let relation = meta.get("base_model_relation").and_then(|r| r.as_str());
    (made_from(Some(base), relation, model_id) && !copied).then(|| format!("front matter base_model: {base}"))
}

/// Whether declared base models (comma-separated) make this one a tune, merge or adapter: a
/// quantized copy (relation `quantized`, or a packed name like "-GPTQ") keeps its original's kind,
/// and a base that is the model itself says nothing. The card's reader and the Hub API's share it.
pub fn made_from(base: Option<&str>, relation: Option<&str>, model_id: &str) -> bool {
    let name = |id: &str| id.trim().rsplit('/').next().unwrap_or(id).to_ascii_lowercase();
    base.is_some_and(|b| b.split(',').any(|b| name(b) != name(model_id)))
        && relation != Some("quantized")
        && !is_packed(model_id)
}

/// Whether the card says its model was pretrained further ("through continued pretraining on",
/// "Training Stage: Pretraining"): a base model made from another base model (Meditron, LeoLM).
fn pretrained_further(markdown: &str) -> bool {
    const SAID: &[&str] = &[
        "continued pretrain",
        "continued pre-train",
        "continual pretrain",
        "continual pre-train",
        "continue pretrain",
        "continue pre-train",
        "continually pretrain",
        "continually pre-train",
        "further pretrain",
        "further pre-train",
        "continuous pretrain",
        "continuous pre-train",
        "continuous-pretrain",
        "continued-pretrain",
        "continual-pretrain",
    ];
    // (The cheap test first: most cards say none of it.)
    if !["ontinu", "urther", "raining Stage", "raining stage"].iter().any(|w| markdown.contains(w)) {
        return false;
    }
    let lower = markdown.to_ascii_lowercase();
    SAID.iter().any(|s| lower.contains(s)) || pretraining_stage(markdown).is_some()
}

/// Qwen's template field "Training Stage: Pretraining" (a post-trained model's says "Pretraining &
/// Post-training"): the card's model is a base model, even one pretrained further from another.
fn pretraining_stage(markdown: &str) -> Option<String> {
    // (The cheap test first: most cards have no such field.)
    if !markdown.contains("tage") {
        return None;
    }
    markdown.lines().find_map(|l| {
        let (key, value) = l.split_once(':')?;
        let key = key.trim_matches(|c: char| c.is_whitespace() || "-*_".contains(c));
        (key.eq_ignore_ascii_case("training stage") && value.trim().eq_ignore_ascii_case("pretraining"))
            .then(|| clip(l.trim()))
    })
}

/// The recipe of a merge: mergekit's configuration (`merge_method:`) or its card template ("This
/// is a merge of pre-trained language models created using mergekit"). A merge of models is a
/// tune of theirs, not a pretrained base.
fn merge_recipe(markdown: &str) -> Option<String> {
    const SAID: &[&str] = &["merge_method:", "created using mergekit", "created using [mergekit"];
    // (The cheap test first: most cards name no merge.)
    if !markdown.contains("merge_method") && !markdown.contains("ergekit") {
        return None;
    }
    let line = markdown.lines().find(|l| {
        let lower = l.to_ascii_lowercase();
        SAID.iter().any(|s| lower.contains(s))
    })?;
    Some(clip(&format!("merge recipe: {}", line.trim())))
}

/// A sentence in which the card calls its model a pretrained base model.
fn base_sentence(markdown: &str, model_id: &str) -> Option<String> {
    // Not a line naming another model or size ("Mistral-7B-v0.1", "the 13B parameters model"): a
    // base model's card quoted at the end of a fine-tune's says "base" of that model.
    let name = repo_name(model_id);
    let another = |l: &String| names_other_model(l, name) || states_other_size(l, name);
    line_saying(markdown, BASE_PHRASES, model_id)
        .filter(|l| !l.to_ascii_lowercase().contains("not a base") && !another(l))
}

/// The first line holding one of `phrases` (lower-case), clipped to evidence length. The card is
/// lower-cased once (ASCII, so byte offsets still match), not line by line.
/// Not when the sentence's subject is a sibling whose name extends this one's
/// ("Qwen2.5-Math-1.5B-Instruct is an instruction model" on Qwen2.5-Math-1.5B's card).
fn line_saying(markdown: &str, phrases: &[&str], model_id: &str) -> Option<String> {
    const MATCHES_A_LINE: usize = 8;
    let lower = markdown.to_ascii_lowercase();
    let own = repo_name(model_id).to_ascii_lowercase();
    let own_words = words(&own);
    let mut found: Vec<usize> = phrases.iter().flat_map(|p| memchr::memmem::find_iter(lower.as_bytes(), p)).collect();
    found.sort_unstable();
    // Each match's line from the card's line ends, and at most a few matches a line: one long
    // line full of the phrase (a hostile card) is then read a few times, not once per match.
    let ends: Vec<usize> = memchr::memchr_iter(b'\n', lower.as_bytes()).collect();
    let line_of = |at: usize| ends.partition_point(|e| *e < at);
    let mut seen = (usize::MAX, 0);
    found.into_iter().find_map(|at| {
        let line = line_of(at);
        seen = if seen.0 == line { (line, seen.1 + 1) } else { (line, 1) };
        if seen.1 > MATCHES_A_LINE {
            return None;
        }
        let start = line.checked_sub(1).map_or(0, |l| ends[l] + 1);
        let end = ends.get(line).copied().unwrap_or(markdown.len());
        let subject = lower[start..at].split(|c: char| c.is_whitespace() || "*`[]()>".contains(c));
        // (Not "speechless-llama2-13b:v1.1", the model itself at a version.)
        let extends = |w: &str| w.strip_prefix(own.as_str()).and_then(|r| r.chars().next()).is_some_and(|c| c != ':');
        // Nor a sibling of another kind that the line opens with ("**Orion-14B-Chat:** A chat-model
        // fine-tuned on …" on Orion-14B-Base's card): the family's word and a tuning or base word
        // this name lacks.
        let kind = |x: &String| !own_words.contains(x) && (x == "base" || super::model_names::is_kind_or_format(x));
        let variant = |w: &str| {
            let w = words(w.trim_end_matches(':'));
            own_words.first().is_some_and(|f| f.len() >= 3 && w.first() == Some(f)) && w.iter().any(kind)
        };
        let mut subject = subject.filter(|w| w.chars().any(char::is_alphanumeric)).peekable();
        let opens_with_variant = subject.peek().is_some_and(|w| w.contains('-') && variant(w));
        let sibling = opens_with_variant || subject.any(|w| !own.is_empty() && extends(w));
        // The key of a "key: value" line ("- Base pretrained model type: Llama V2 13B") says
        // what the value is, not what this model is.
        let colon = lower[start..end].find(':').map(|c| start + c);
        let key = colon.is_some_and(|c| c > at && c - start <= 40);
        // An example of wording for others ("* Example (en): This model is a fine-tuned version of
        // OpenCALM-XX …", a licence's attribution template) says nothing of this model.
        let opening = lower[start..at].trim_start_matches(|c: char| c.is_whitespace() || "*-#>`".contains(c));
        let example = opening.starts_with("example") || opening.starts_with("e.g.");
        (!sibling && !key && !example).then(|| clip(&markdown[start..end]))
    })
}

/// Whether the sections a table sits in fit the model: tables under "instruct"/"chat" headings
/// describe tuned models, under "base"/"pretrained" headings base models.
/// The deepest heading that says either decides ("Model Card for X-Instruct > Base Pretrained
/// Benchmarks" is a base model's section).
pub fn heading_allows(heading: &str, tuned: bool) -> bool {
    // "Summary of previous evaluation": numbers the card itself says are superseded.
    let last = words(heading.rsplit(" > ").next().unwrap_or(""));
    let has = |ws: &[&str]| last.iter().any(|w| ws.contains(&w.as_str()));
    // ("Open LLM Leaderboard Evaluation Results (outdated)": the leaderboard's version is old, not
    // the model's numbers.)
    if has(&["previous", "outdated", "superseded", "deprecated"])
        && has(&["evaluation", "evaluations", "results", "scores", "benchmarks"])
        && !has(&["model", "models", "vs", "versus", "comparison", "compared", "leaderboard"])
    {
        return false;
    }
    for section in heading.rsplit(" > ") {
        let for_tuned = heading_is_tuned(section);
        // Whole words: "OpenChat" is no chat heading, "database" and "based on" no base one.
        let h = words(section);
        let has = |w: &str| h.iter().any(|x| x == w);
        let for_base = has("base") || has("pretrained") || h.windows(2).any(|p| p[0] == "pre" && p[1] == "trained");
        match (for_tuned, for_base) {
            (true, false) => return tuned,
            (false, true) => return !tuned,
            (true, true) => return true,
            (false, false) => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(card: &str) -> (bool, bool) {
        let (tuned, base) = tune_or_base(card, "org/Foo-7B", (None, None, None), false);
        (tuned.is_some(), base.is_some())
    }

    #[test]
    fn a_pretrained_tag_and_base_model_advice_mark_a_base() {
        let tagged = |card: &str| {
            let tag = pretrained_tag(&serde_json::json!({"tags": ["pretrained"]}));
            let (tuned, base) = tune_or_base(card, "org/Foo-7B", (None, None, tag), false);
            (tuned.is_some(), base.is_some())
        };
        assert_eq!(tagged("# Foo-7B\n"), (false, true));
        assert_eq!(
            tagged("## Prompt format\n```\nUSER: {prompt}\nASSISTANT:\n```\n"),
            (false, false),
            "a chat prompt against it: neither"
        );
        assert_eq!(says("# Foo-7B\n"), (false, false));
        assert_eq!(
            says("Foo-7B has not been fine-tuned for downstream contexts in which models are deployed.\n"),
            (false, true)
        );
        assert_eq!(says("We do not advise you to use base language models for text generation.\n"), (false, true));
        assert_eq!(
            says("* Unreliable Responses to Instruction: The model has not undergone instruction fine-tuning.\n"),
            (false, true)
        );
    }

    #[test]
    fn code_applying_the_models_own_chat_template_marks_a_tune() {
        let code = |id: &str, extra: &str| {
            format!(
                "## Quickstart\n\n```python\nmodel = AutoModelForCausalLM.from_pretrained(\"{id}\")\n{extra}\
                 text = tokenizer.apply_chat_template(messages, tokenize=False)\n```\n"
            )
        };
        assert_eq!(says(&code("org/Foo-7B", "")), (true, false));
        // A user's turn sent to a pipeline is one too.
        let pipe = "```python\npipe = pipeline(\"text-generation\", model=\"org/Foo-7B\")\n\
                    pipe([{\"role\": \"user\", \"content\": \"Hi\"}])\n```\n";
        assert_eq!(says(pipe), (true, false));
        assert_eq!(says(&pipe.replace("\"role\": \"user\"", "\"text\": \"user\"")), (false, false));
        // Another model's template (a chat sibling's), a template applied only where there is
        // one, or on a card that says the model was not instruction-tuned: nothing.
        assert!(!says(&code("org/Foo-7B-Chat", "")).0);
        assert_eq!(says(&code("org/Foo-7B", "if tokenizer.chat_template is not None:\n")), (false, false));
        let said_base = format!("The model wasn't instruction-tuned after pretraining.\n\n{}", code("org/Foo-7B", ""));
        assert_eq!(says(&said_base), (false, false));
        assert_eq!(says("The model wasn't instruction-tuned after pretraining.\n"), (false, true));
    }

    #[test]
    fn an_example_of_wording_says_nothing_of_the_model() {
        let card = "## License\n* Example (en): This model is a fine-tuned version of OpenCALM-XX developed by X.\n";
        assert_eq!(says(card), (false, false));
        assert_eq!(says("This model is a fine-tuned version of OpenCALM-XX.\n"), (true, false));
    }

    #[test]
    fn a_chat_prompt_format_section_makes_the_model_a_tune() {
        let chatml = "# Foo\n## Prompt template: ChatML\n```\n<|im_start|>system\n{system}<|im_end|>\n```\n";
        assert_eq!(says(chatml), (true, false));
        let vicuna = "### Prompt format:\n```\nSYSTEM: {system}\nUSER: {prompt}\nASSISTANT:\n```\n";
        assert_eq!(says(vicuna), (true, false));
        let alpaca = "## Prompting\n```\n### Instruction:\n{prompt}\n\n### Response:\n```\n";
        assert_eq!(says(alpaca), (true, false), "turn markers in a code block are no headings");
        // A short line that introduces the format serves as its heading (Nous-Hermes, dolphin, MythoMax).
        let line = "The model follows the Alpaca prompt format:\n```\n### Instruction:\n\n### Response:\n```\n";
        assert_eq!(says(line), (true, false));
        let bold = "**Prompt Template:**\n```\n<|im_start|>system\n```\n";
        assert_eq!(says(bold), (true, false));
        let uses = "This model uses Alpaca formatting, so for best results use:\n\n```\n### Response:\n```\n";
        assert_eq!(says(uses), (true, false));
    }

    #[test]
    fn a_prompt_template_of_none_or_a_chat_turn_elsewhere_says_nothing() {
        let none = "## Prompt template: None\n```\n{prompt}\n```\n## Usage\n[INST] hello [/INST]\n";
        assert_eq!(says(none), (false, false), "the [INST] is under another heading");
        let usage = "## How to use\n```\n./main -p \"### Instruction: Write\\n### Response:\"\n```\n";
        assert_eq!(says(usage), (false, false), "a command line's example is no prompt format");
        let other = "To install:\n```\npip install x\n```\nThen:\n```\nUSER: hi\n```\n";
        assert_eq!(says(other), (false, false), "a line that names no prompt format opens nothing");
        let closed = "## Prompt format\nUse it like this:\n```\n<|im_start|>user\n```\n";
        assert_eq!(says(closed), (true, false), "a plain line ending in ':' leaves the heading's section open");
        let family = "## Prompt format\n<|im_start|>user\n\nSee also Foo-7B-chat.\n";
        assert_eq!(says(family), (false, true), "the tuned sibling's format: this is the family's base");
    }

    #[test]
    fn a_merge_recipe_makes_the_model_a_tune_unless_a_sentence_calls_it_a_base() {
        let recipe = "## Configuration\n```yaml\nmerge_method: slerp\nbase_model: a/b\n```\n";
        assert_eq!(says(recipe), (true, false));
        let template = "This is a merge of pre-trained language models created using [mergekit](https://x).\n";
        assert_eq!(says(template), (true, false));
        let against = "> This is a base model.\n\n```yaml\nmerge_method: passthrough\n```\n";
        assert_eq!(says(against), (false, false), "a recipe against a base sentence decides nothing");
    }

    #[test]
    fn a_card_naming_its_tuned_sibling_is_the_familys_base_unless_its_code_chats() {
        let family = "# Foo-7B\nWe release Foo-7B and 🎉Foo-7B-Chat.\n";
        assert_eq!(says(family), (false, true));
        let sft = "# Foo-7B\nStages: Foo-7B-SFT.\n";
        assert_eq!(says(sft), (false, false), "an SFT sibling may be an earlier stage of this model's tuning");
        let stages = "# Foo-7B\n| SFT | DPO | Final |\n|---|---|---|\n| Foo-7B-SFT | Foo-7B-DPO | Foo-7B |\n";
        assert_eq!(says(stages), (false, false), "SFT and DPO checkpoints: stages of this model's own tuning");
        let chat = "# Foo-7B\nSee Foo-7B-Chat.\n```python\nresponse = model.chat(tokenizer, \"hi\")\n```\n";
        assert_eq!(says(chat), (false, false), "a chat API in the code: the model may be the chat one");
        assert_eq!(
            tune_or_base(family, "org/Foo-7B", (None, None, None), true),
            (None, None),
            "a tuned name looks for no base"
        );
        let lora = "# Foo-7B-lora\nSee Foo-7B-lora-Chat.\n";
        assert_eq!(tune_or_base(lora, "org/Foo-7B-lora", (None, None, None), false).1, None, "a LoRA tune's name");
    }

    #[test]
    fn a_name_ending_in_base_after_its_size_is_a_base_model_when_nothing_says_it_was_tuned() {
        let kind = |card: &str, id: &str| tune_or_base(card, id, (None, None, None), false);
        assert!(kind("# Foo\nA code model trained from scratch.\n", "org/foo-coder-7b-base").1.is_some());
        assert_eq!(kind("# Foo\n", "org/foo-coder-base"), (None, None), "no size: BERT's and T5's size word");
        // "base" before only a build's words: a stage, a size, a context length, a quantized form.
        for id in [
            "o/stablelm-base-alpha-3b",
            "o/granite-3b-code-base-2k",
            "o/deepseek-coder-6.7B-base-AWQ",
            "o/Foo-Base-3B-v1",
        ] {
            assert!(kind("# Foo\n", id).1.is_some(), "{id}");
        }
        assert_eq!(kind("# Foo\n", "o/Foo-7B-base-merge"), (None, None), "more than a build after it");
        assert_eq!(kind("# Foo\n", "o/bert-base-uncased"), (None, None));
        // Without a size, a card loading it as a causal language model.
        let causal = "model = AutoModelForCausalLM.from_pretrained(\"org/Foo-V3-Base\")\n";
        assert!(kind(causal, "org/Foo-V3-Base").1.is_some());
        assert_eq!(kind("model = AutoModel.from_pretrained(x)\n", "org/foo-base"), (None, None));
        let merge = "This is a merge of pre-trained language models created using [mergekit](https://x).\n";
        assert_eq!(kind(merge, "org/Coder-33b-Base"), (None, None), "a merge named base");
        let from = "**Base Model**\n[org/Foo-7B-Instruct](https://huggingface.co/org/Foo-7B-Instruct)\n";
        assert_eq!(kind(from, "org/Bar-7B-v0.3-base"), (None, None), "trained further from another model");
        assert_eq!(kind("Base model: https://huggingface.co/org/Foo-7B\n", "org/Bar-7B-base"), (None, None));
        // A heading "Base Model" over its results' prose names no model it was made from.
        let results = "### Base Model\n\nWe evaluate our models on [benchmarks](evaluation).\n\n| model | MMLU |\n";
        assert!(kind(results, "org/Bar-7B-base").1.is_some());
        let over_link = "### Base Model\n\n[org/Foo-7B](https://huggingface.co/org/Foo-7B)\n";
        assert_eq!(kind(over_link, "org/Bar-7B-base"), (None, None));
        // A family list whose "Base Model" is the model itself names no model it was made from.
        let family = "- Base Model: [Foo-Base-3B-v1](https://huggingface.co/org/Foo-Base-3B-v1)\n\
                      - Chat Version: [Foo-Chat-3B-v1](https://huggingface.co/org/Foo-Chat-3B-v1)\n";
        assert!(kind(family, "org/Foo-Base-3B-v1").1.is_some());
        assert_eq!(kind(&over_link.replace("org/Foo-7B", "org/Bar-7B-base"), "org/Bar-7B-base").0, None);
        assert!(kind(&over_link.replace("org/Foo-7B", "org/Bar-7B-base"), "org/Bar-7B-base").1.is_some());
    }

    #[test]
    fn a_pretrained_models_own_wording_makes_it_a_base() {
        let cards = [
            "Foo-7B was trained for 167 billion tokens. It was trained as an autoregressive language model.\n",
            "`Foo-7B` is a 7 billion parameter decoder-only language model pre-trained on 1 trillion tokens.\n",
            "The model was trained on GitHub code. As such it is _not_ an instruction model.\n",
            "Llama 2 is a collection. This is the repository for the 7B pretrained model, converted for the Hugging Face Transformers format.\n",
            "**This is a raw, pretrained model, which should be further finetuned for most usecases.**\n",
        ];
        for card in cards {
            assert_eq!(says(card), (false, true), "{card}");
        }
        // The model at a version is the model, not a sibling whose name extends it.
        let merge = "Foo-7B:v1.1 is a merge of org/A-7B and org/B-7B.\n";
        assert_eq!(says(merge), (true, false));
        assert!(!says("Foo-7B-Instruct is a merge of org/A-7B and org/B-7B.\n").0, "the sibling's");
    }

    #[test]
    fn a_line_opening_with_a_sibling_of_another_kind_says_nothing_of_the_model() {
        let kind = |card: &str, id: &str| tune_or_base(card, id, (None, None, None), false);
        let list = "  - **Foo-14B-Chat:**  Foo-14B-Chat is a fine-tuned chat model.\n";
        assert_eq!(kind(list, "org/Foo-14B-Base").0, None);
        assert!(kind(list, "org/Foo-14B-Base").1.is_some(), "the name ends in base");
    }

    #[test]
    fn an_opening_line_of_tuning_or_merging_is_a_weaker_signal() {
        // ("is a merge of" is a sentence of the stronger kind: an opening's own wording here.)
        assert_eq!(says("An experimental finetune of Llama-2 on chats.\n"), (true, false));
        // Against a sentence calling the model a base, neither is kept.
        let both = "An experimental finetune of Llama-2 on chats.\nFoo-7B is a pretrained base model.\n";
        assert_eq!(says(both), (false, false));
        // Pretrained further, the model is no tune of what it started from.
        let further = "Foo-7B: a finetune of Llama-2-7B through continued pretraining on German text.\n";
        assert_eq!(says(further), (false, false));
        // A name saying "base" after its size stays unsaid rather than base.
        let merged_base = tune_or_base("A merge of two base models.\n", "org/Foo-7B-Base", (None, None, None), false);
        assert_eq!(merged_base, (None, None));
    }

    #[test]
    fn a_filled_in_finetuned_from_field_makes_the_model_a_tune() {
        let unsloth = "- **Developed by:** someone\n- **Finetuned from model :** unsloth/llama-3-8b-bnb-4bit\n";
        assert_eq!(says(unsloth), (true, false));
        let method = "- **Fine\u{2011}tuning method:** QLoRA (4-bit NF4)\n";
        assert_eq!(says(method), (true, false), "a Unicode hyphen reads as an ASCII one");
        assert_eq!(says("**Finetuned From Model:** org/Base-7B\n"), (true, false));
        let template = "- **Finetuned from model [optional]:** [More Information Needed]\n";
        assert_eq!(says(template), (false, false), "the template's placeholder says nothing");
        let leo =
            "Built through continued pretraining on German text.\n- **Finetuned from:** meta-llama/Llama-2-7b-hf\n";
        assert_eq!(says(leo), (false, false), "pretrained further: the field names the model it started from");
    }

    #[test]
    fn front_matter_lineage_and_training_tags_mark_a_tune() {
        let meta = |yaml: &str| serde_json::from_str::<serde_json::Value>(yaml).unwrap();
        let none = meta("{}");
        let lineage = declared_base(&none, Some("meta-llama/Llama-3.1-8B"), "org/Foo-8B");
        let kind = |card: &str| tune_or_base(card, "org/Foo-8B", (None, lineage.clone(), None), false);
        assert!(kind("# Foo").0.is_some_and(|t| t.contains("Llama-3.1-8B")));
        assert_eq!(kind("Adapted through continued pretraining on X."), (None, None), "pretrained further");
        // Qwen's "Training Stage: Pretraining": a base model, pretrained further from its lineage.
        assert_eq!(kind("- Training Stage: Pretraining\r\n"), (None, Some("- Training Stage: Pretraining".to_owned())));
        assert!(kind("- Training Stage: Pretraining & Post-training\n").0.is_some(), "a post-trained model");
        // A sentence saying the model is no instruction tune, against its lineage: neither is kept.
        assert_eq!(
            kind("Keep in mind that this model hasn't been fine-tuned with instruction-based training."),
            (None, None)
        );
        assert!(says("Note: this model is not instruction-tuned.").1);
        assert!(!says("This model has been fine-tuned with instruction data.").1, "no base sentence");
        assert!(declared_base(&none, Some("a/b"), "org/Foo-8B-GPTQ").is_none(), "a quantized copy keeps its kind");
        let quantized = meta(r#"{"base_model_relation": "quantized"}"#);
        assert!(declared_base(&quantized, Some("a/b"), "org/Foo-8B").is_none());
        assert!(declared_base(&none, Some("Org/foo-8b"), "org/Foo-8B").is_none(), "the model itself is no lineage");
        assert!(declared_base(&none, None, "org/Foo-8B").is_none());
        let imported = meta(r#"{"tags": ["orkhon", "imported"]}"#);
        assert!(declared_base(&imported, Some("a/b"), "org/Foo-8B").is_none(), "a copy in another format");
        assert!(tuned_tags(&meta(r#"{"tags": ["trl", "text-generation"]}"#)).is_some());
        assert!(tuned_tags(&meta(r#"{"tags": ["LoRA"]}"#)).is_some());
        assert!(tuned_tags(&meta(r#"{"tags": ["text-generation", "pytorch"]}"#)).is_none());
        // "continuous-pretraining" says it too; and a tag naming only the method it was trained
        // with ("lora") says nothing of a model pretrained further so.
        assert_eq!(kind("Built by continuous pre-training of SmolLM2."), (None, None));
        let lora = tuned_tags(&meta(r#"{"tags": ["LoRA"]}"#));
        let method = |card: &str| tune_or_base(card, "org/Foo-8B", (lora.clone(), None, None), false);
        assert_eq!(method("| Method | LoRA continued pretraining |"), (None, None));
        assert!(method("# Foo").0.is_some(), "a LoRA tune");
        let chat = tuned_tags(&meta(r#"{"tags": ["chat"]}"#));
        assert!(tune_or_base("LoRA continued pretraining", "org/Foo-8B", (chat, None, None), false).0.is_some());
    }
}
