//! The size of the model a card says its model was tuned from, for a model whose own name and
//! card state none: "a fine-tuned version of Llama-2 70B", `base_model: mistralai/Mistral-7B-v0.1`.
//!
//! A full fine-tune or a merge of same-size models keeps its base's parameter count. Cards that
//! say the weights were reshaped (an adapter, a passthrough "frankenmerge", a mixture of experts,
//! pruning, up-scaling, distillation) give nothing, nor do bases of different sizes. The size is
//! the base's nominal one, so it is published with low confidence (`params_source = base_name`).

use super::benchmarks::strip_markup;
use super::mentions::names_other_model;
use super::model_names::{label_match, words};
use super::params::{from_name, near, nums, parse_size, CardSize, SizeForm, SizeText};

/// Phrases after which a card names the model its model was tuned from.
const TUNED_FROM: &[&str] = &[
    "fine-tuned version of",
    "finetuned version of",
    "fine-tuned from",
    "finetuned from",
    "fine-tune of",
    "finetune of",
    "fine tune of",
    "tuned from",
    "fine-tuned on top of",
    "trained on top of",
    "based on",
    "built on top of",
    "built upon",
    "developed from",
    "base model:",
    "merge of",
    "version of",
];

/// Words before "version of" that make it another size ("a smaller version of Llama-2-13B").
const RESIZED: &[&str] =
    &["smaller", "larger", "bigger", "compact", "lite", "light", "lighter", "mini", "tiny", "reduced", "compressed"];

/// Words of a card whose weights are not its base's shape.
const RESHAPED: &[&str] = &[
    "adapter",
    "adapters",
    "peft",
    "passthrough",
    "frankenmerge",
    "moe",
    "experts",
    "pruned",
    "pruning",
    "upscaled",
    "upscaling",
    "expanded",
    "depth",
    "duplication",
    "duplicated",
    "stacked",
    "stacking",
    "interleaved",
    "frankenmodel",
    // Another tower beside the language model (a vision or speech encoder): the count is a sum.
    "vision",
    "visual",
    "multimodal",
    "vlm",
    "llava",
    "siglip",
    "audio",
    "speech",
    "omni",
    "whisper",
];

/// Phrases of a model distilled into another size (a "distilled dataset" is no such thing).
const DISTILLED: &[&str] =
    &["distilled from", "distilled version", "distilled model", "distillation of", "distillation from"];

/// Phrases of a model that keeps only part of its base ("an encoder-only version of ProtT5-XL",
/// "only contains the encoder portion"): fewer parameters than the base.
const PART_OF: &[&str] = &["encoder-only", "encoder only", "encoder portion", "only the encoder", "encoder part of"];

/// The one size every base the card names carries. `text` is the whole card (front matter
/// included: `library_name: peft` marks an adapter), `markdown` its body, starting at line
/// `body_line`; `bases` the front matter's `base_model` ids with their lines.
pub(super) fn base_size(
    model_id: &str,
    text: &str,
    markdown: &str,
    body_line: usize,
    bases: &[(String, usize)],
) -> Option<CardSize> {
    // Every base listed (front matter, a merge config) must carry a size: one that does not
    // might be of another.
    let mut found: Vec<CardSize> = Vec::new();
    for (base, line) in bases {
        found.push(sized(base, *line, format!("base_model: {base}"))?);
    }
    // Code blocks: a mergekit config lists every model merged (`- model: x/Foo-7B`, `base_model: …`).
    let mut code = false;
    let mut code_lines = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        code ^= super::card_text::is_fence(line);
        code_lines.push(code);
        let key = line.trim_start().trim_start_matches("- ");
        if code && (key.starts_with("model:") || key.starts_with("base_model:")) {
            let id = line.split_once(':').map_or("", |(_, v)| v.trim());
            found.push(sized(id, body_line + i, format!("merged: {id}"))?);
        }
    }
    // Prose: each phrase searched once in the whole lower-cased card (not line by line: this
    // runs for every card whose name has no size).
    let lower = markdown.to_ascii_lowercase();
    let starts: Vec<usize> =
        std::iter::once(0).chain(memchr::memchr_iter(b'\n', lower.as_bytes()).map(|k| k + 1)).collect();
    let line_at = |at: usize| starts.partition_point(|s| *s <= at) - 1;
    // A paragraph's lines are one line, as a reader sees them ("developed" over "from
    // **LLaMA-1-7B**"): the line ends inside one are spaces here (as long, so nothing moves).
    let lines: Vec<&str> = markdown.lines().collect();
    let continues = super::card_text::paragraph_continuations(&lines, false);
    let flat = |text: String| {
        let mut bytes = text.into_bytes();
        for (i, _) in continues.iter().enumerate().filter(|(_, c)| **c) {
            bytes[starts[i] - 1] = b' ';
        }
        String::from_utf8(bytes).expect("an ASCII byte for another")
    };
    let (lower, markdown) = (flat(lower), flat(markdown.to_owned()));
    let markdown = markdown.as_str();
    let line_end = |at: usize| lower[at..].find('\n').map_or(lower.len(), |k| at + k);
    // (The start of the line before `at`, looked for in the 400 bytes before it only: a paragraph of
    // one line repeating a phrase would be scanned back to its start at each.)
    let window_start = |at: usize| {
        let window = at.saturating_sub(400);
        memchr::memrchr(b'\n', &lower.as_bytes()[window..at]).map_or(window, |k| window + k + 1)
    };
    // "trained on the Yi-34B-200K base"
    for at in memchr::memmem::find_iter(lower.as_bytes(), "on the ") {
        let (i, rest) = (line_at(at), &markdown[at + "on the ".len()..line_end(at)]);
        let base = rest.split_whitespace().nth(1).map(|w| w.trim_end_matches(['.', ',', ';']));
        if let Some(name) = rest
            .split_whitespace()
            .next()
            .filter(|_| base == Some("base") && !code_lines.get(i).copied().unwrap_or(false))
        {
            found.extend(sized(name, body_line + i, format!("on the {name} base")));
        }
    }
    for phrase in TUNED_FROM {
        for at in memchr::memmem::find_iter(lower.as_bytes(), phrase) {
            // (The line before the phrase, up to 400 bytes of it.)
            let mut from = window_start(at);
            while !markdown.is_char_boundary(from) {
                from += 1;
            }
            let (i, before) = (line_at(at), &markdown[from..at]);
            let word = lower[..at].rsplit(char::is_whitespace).find(|w| !w.is_empty()).unwrap_or("");
            let resized =
                *phrase == "version of" && RESIZED.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()));
            if code_lines.get(i).copied().unwrap_or(false) || resized || !about_it(before, model_id) {
                continue;
            }
            let (named, joined) = named_after(&markdown[at + phrase.len()..line_end(at)]);
            if joined && nums(named).iter().any(|m| !m.label.ends_with(char::is_numeric)) {
                return None;
            }
            found.extend(sized(named, body_line + i, format!("{phrase} {}", named.trim())));
        }
    }
    let first = found.first()?;
    // (Looked for only now: most cards name no sized base, and this reads the whole card.)
    let lower = text.to_ascii_lowercase();
    // (A pipeline of images, video or speech has a tower besides the language model.)
    let towers = ["image", "video", "audio", "speech", "any-to-any"];
    let pipeline = lower.lines().find_map(|l| l.trim().strip_prefix("pipeline_tag:")).unwrap_or("");
    if words(text).iter().any(|w| RESHAPED.contains(&w.as_str()))
        || DISTILLED.iter().chain(PART_OF).any(|d| lower.contains(d))
        || towers.iter().any(|t| pipeline.contains(t))
    {
        return None;
    }
    let alike = found.iter().all(|f| f.size.total == first.size.total && f.size.active == first.size.active);
    alike.then(|| first.clone())
}

/// Whether the start of a line before "based on" leaves it about this model: not a list item
/// of another ("- OpenChat: based on LLaMA-13B" on OpenCoderPlus's card), nor a sentence naming
/// another model.
fn about_it(before: &str, model_id: &str) -> bool {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    // (A shortened own name is no other model: "qCammel-70 is a fine-tuned …" on qCammel-70-x.)
    let item = before.rsplit_once(':').map(|(item, _)| {
        let item = item.trim();
        super::card_text::list_item_text(item).unwrap_or(item).trim_start_matches(['-', '*', ' '])
    });
    let other_item = item.is_some_and(|i| !i.is_empty() && label_match(&strip_markup(i), model_id).is_none());
    let other = |t: &&str| names_other_model(t, name) && label_match(t, model_id).is_none();
    !other_item && !before.split_whitespace().any(|t| other(&t))
}

/// The words after "fine-tuned version of" that name the base: at most three, right after the
/// phrase (past "the", "our" …), up to a word that ends the name ("Llama-2 70B model", "[Mistral-7B](…)").
/// And whether the name is joined to another ("SigLip-400M and [MiniCPM-2.4B]": two bases).
fn named_after(rest: &str) -> (&str, bool) {
    const FILLERS: &[&str] = &["the", "a", "an", "our", "their", "its", "powerful", "original", "popular", "strong"];
    const ENDS: &[&str] = &[
        "which", "that", "with", "to", "for", "in", "on", "using", "by", "model", "models", "trained", "and", "&", "+",
    ];
    let end = rest.find([',', ';', '(', '\n']).unwrap_or(rest.len());
    let clause = &rest[..rest.find(". ").map_or(end, |e| e.min(end))];
    let plain = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    let mut words = clause.split_whitespace().skip_while(|w| FILLERS.contains(&plain(w).as_str())).peekable();
    // (Not a verb: "a version of recreating TinyStories-1M" names no base.)
    let Some(first) = words.peek().copied().filter(|w| !plain(w).ends_with("ing")) else { return ("", false) };
    let mut last = first;
    for w in words.by_ref().take(3) {
        if ENDS.contains(&plain(w).as_str()) {
            break;
        }
        last = w;
    }
    let offset = |w: &str| w.as_ptr() as usize - clause.as_ptr() as usize;
    let named = &clause[offset(first)..offset(last) + last.len()];
    let joined =
        clause[offset(last) + last.len()..].split_whitespace().next().is_some_and(|w| matches!(w, "and" | "&" | "+"));
    (named, joined)
}

/// A size the base's name carries, unless expert notation (`8x7B`) or a number of tokens.
fn sized(name: &str, line: usize, evidence: String) -> Option<CardSize> {
    let first = nums(name).into_iter().find(|m| m.label.ends_with(char::is_alphabetic))?;
    let after = name[first.end..].trim_start().to_ascii_lowercase();
    if first.expert || after.starts_with("token") {
        return None;
    }
    let size = parse_size(&name[first.at..])?;
    let evidence: String = evidence.chars().take(200).collect();
    (!size.is_expert_notation).then_some(CardSize {
        size,
        evidence,
        line,
        form: SizeForm::BaseName,
        against_name: false,
        over_name: false,
    })
}

/// The name's size against the size in the name of the model the card says this one was tuned
/// from: "Tiny-Vicuna-1B", "a fine-tuned version of TinyLlama-1.1B". A finer, different size
/// there (within 25%, or the name's without its dot) says the name's is nominal or misspelled:
/// returned flagged ([`CardSize::against_name`]), so that neither is published. `line` is where
/// the card names the base (0: front matter).
pub fn base_contradicts(model_id: &str, base: &str, line: usize) -> Option<CardSize> {
    let (own, theirs) = (from_name(model_id)?, from_name(base)?);
    let decimals =
        |s: &SizeText| s.label.split_once('.').map_or(0, |(_, d)| d.chars().take_while(char::is_ascii_digit).count());
    let apart = (theirs.total - own.total).abs() as f64 / own.total as f64;
    let finer = decimals(&theirs) > decimals(&own) && !own.is_expert_notation && !theirs.is_expert_notation;
    // "qwen25-15b" tuned from Qwen2.5-1.5B: the name's size may be the base's with its dot dropped,
    // as its version's was.
    let digits = |s: &SizeText| s.label.chars().filter(char::is_ascii_digit).collect::<String>();
    let dropped_dot = finer && digits(&own) == digits(&theirs) && own.total == 10 * theirs.total;
    // "Qwen3-30B-…" tuned from Qwen2.5-32B-Instruct: another nominal size near the name's; which one
    // the weights have, the name or the base, is not said.
    let other_nominal = decimals(&theirs) == decimals(&own) && !own.is_expert_notation && !theirs.is_expert_notation;
    let flagged =
        finer && (near(theirs.total, own.total) || dropped_dot) || other_nominal && near(theirs.total, own.total);
    (apart > 0.02 && flagged).then(|| CardSize {
        evidence: format!("tuned from {base}"),
        size: theirs,
        line,
        form: if line == 0 { SizeForm::Table } else { SizeForm::Prose },
        against_name: true,
        over_name: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(card: &str, bases: &[(&str, usize)]) -> Option<(i64, String)> {
        read_for("org/qCammel-70-x", card, bases)
    }

    fn read_for(id: &str, card: &str, bases: &[(&str, usize)]) -> Option<(i64, String)> {
        let bases: Vec<(String, usize)> = bases.iter().map(|(b, l)| (b.to_string(), *l)).collect();
        base_size(id, card, card, 1, &bases).map(|s| (s.size.total, s.evidence))
    }

    #[test]
    fn the_size_of_the_model_it_was_tuned_from() {
        let said = read("qCammel-70 is a fine-tuned version of Llama-2 70B model, trained on …\n", &[]);
        assert_eq!(said, Some((70_000_000_000, "fine-tuned version of Llama-2 70B".to_owned())));
        let linked = read("A DPO fine-tune of [upstage/SOLAR-10.7B-Instruct-v1.0](https://hf.co/x).\n", &[]);
        assert_eq!(linked.map(|s| s.0), Some(10_700_000_000));
        assert_eq!(read("Metis\n", &[("HuggingFaceH4/mistral-7b-sft-beta", 3)]).map(|s| s.0), Some(7_000_000_000));
        let merged = "A merge of Mistral-7B tunes.\n";
        assert_eq!(read(merged, &[("a/Foo-7B", 2), ("b/Bar-7b-v2", 2)]).map(|s| s.0), Some(7_000_000_000));
        let sauerkraut = "our Sauerkraut version of the powerful [upstage/SOLAR-10.7B-Instruct-v1.0](https://x) !\n";
        assert_eq!(read(sauerkraut, &[]).map(|s| s.0), Some(10_700_000_000));
        assert_eq!(read("a smaller version of Llama-2-13B\n", &[]), None, "another size");
        let trained = read("Tess-M is trained on the Yi-34B-200K base. On a distilled dataset.\n", &[]);
        assert_eq!(trained, Some((34_000_000_000, "on the Yi-34B-200K base".to_owned())));
        let config = "DARE merge\n```\nmodels:\n  - model: a/Foo-7B-v0.1\nbase_model: a/Foo-7B-v0.1\n```\n";
        assert_eq!(read(config, &[]).map(|s| s.0), Some(7_000_000_000));
        let developed = read("This repo contains the chat model developed from **LLaMA-2-Chat-7B**.\n", &[]);
        assert_eq!(developed.map(|s| s.0), Some(7_000_000_000));
        let listed = read("- base model: https://huggingface.co/NousResearch/Yarn-Llama-2-13b-64k\n", &[]);
        assert_eq!(listed.map(|s| s.0), Some(13_000_000_000));
    }

    #[test]
    fn nothing_when_the_weights_change_shape_or_the_bases_differ() {
        assert_eq!(read("A merge of a 7B and a 13B.\n", &[("a/Foo-7B", 2), ("b/Bar-13B", 2)]), None);
        assert_eq!(read("A LoRA adapter for Llama-2-7b.\nbased on Llama-2-7b\n", &[]), None);
        assert_eq!(read("merge_method: passthrough\nbased on Mistral-7B\n", &[]), None);
        assert_eq!(read("A MoE based on Mistral 7B\n", &[]), None);
        assert_eq!(read("based on Mixtral-8x7B\n", &[]), None, "expert notation is no count");
        assert_eq!(read("based on 1.4T tokens of data\n", &[]), None, "tokens are no size");
        assert_eq!(read("It is based on the transformer architecture\n", &[]), None);
        assert_eq!(read("based on SigLip-400M and [MiniCPM-2.4B](x)\n", &[]), None, "two bases joined");
        assert_eq!(read("This version of DTG is trained from scratch with 400M param\n", &[]), None, "no base named");
        assert_eq!(read("based on X-72B, with layer duplication (self-merging)\n", &[]), None, "layers stacked");
        assert_eq!(read("A vision-language model based on Llama-3-8B\n", &[]), None, "a vision tower besides");
        assert_eq!(read("a version of recreating TinyStories-1M\n", &[]), None);
        assert_eq!(
            read("---\npipeline_tag: video-text-to-text\n---\nbased on Llama-3-8B\n", &[]),
            None,
            "a video tower"
        );
        let which = read("It is based on Mistral-7B-v0.1 which outperforms Llama 2 13B on all benchmarks\n", &[]);
        assert_eq!(which.map(|s| s.0), Some(7_000_000_000));
        assert_eq!(read("a distilled model based on Llama-2-70B\n", &[]), None);
        let encoder = "An encoder-only version of ProtT5-XL.\nProtT5-XL is based on the `t5-3b` model.\n";
        assert_eq!(read_for("org/prot_t5_xl_half-enc", encoder, &[]), None, "a part of the base");
        assert_eq!(read("- OpenChat: based on LLaMA-13B\n", &[]), None, "a list item about another model");
        let own = |item: &str| read_for("openchat/openchat", &format!("{item}OpenChat: based on LLaMA-13B\n"), &[]);
        assert_eq!(own("- ").map(|s| s.0), Some(13_000_000_000), "an item about the model");
        assert_eq!(own("1. ").map(|s| s.0), Some(13_000_000_000), "in a numbered list as well");
        assert_eq!(read("Foo-7B-v2 is based on Llama-2-13B\n", &[]), None, "a sentence about another model");
        let config = "```\nmodels:\n  - model: a/Foo-7B\n  - model: b/Bar-13B\nbase_model: a/Foo-7B\n```\n";
        assert_eq!(read(config, &[]), None, "a merge of two sizes");
        let merged = "It is a merge of a/Foo-7B.\n~~~\nmodels:\n  - model: a/Foo-7B\n  - model: b/Bar-13B\n~~~\n";
        assert_eq!(read(merged, &[]), None, "a merge of two sizes, fenced with tildes");
        let config = "```\nmodels:\n  - model: a/Foo-7B\n  - model: b/openchat-3.5-1210\n```\n";
        assert_eq!(read(config, &[]), None, "a merged model without a size");
        assert_eq!(read("", &[("a/Foo-7B", 2), ("b/Bar", 2)]), None, "a base without a size");
    }

    #[test]
    fn a_phrase_hard_wrapped_over_lines_names_the_base() {
        let wrapped =
            read("This repo contains the domain model developed\nfrom **LLaMA-1-7B**, using our method.\n", &[]);
        assert_eq!(wrapped.map(|s| s.0), Some(7_000_000_000));
        let url = read("Base model:\nhttps://huggingface.co/NousResearch/Yarn-Llama-2-13b-64k\n", &[]);
        assert_eq!(url.map(|s| s.0), Some(13_000_000_000));
        // (Not into the next paragraph.)
        assert_eq!(read("This model was developed from\n\n**LLaMA-1-7B** and others.\n", &[]), None);
    }
}
