//! Which model a label names: the words of a model's name, matched against a table's column
//! header or row label, and what a card's section headings say about the models under them.
//!
//! "Names this model": every word of the label is a word of the model id (generic words like
//! "params" aside), and the model's tuning words (instruct, chat, it, …) are in the label. A
//! table under an "instruct"/"chat" heading is for tuned models, one under "base"/"pretrained"
//! for base models (see [`is_tuned`] for how a model's kind is known).

use super::label_spelling::{rejoin_split_words, rounded_sizes, split_joined_words};
pub use super::name_words::{is_size, words};
use crate::parse::benchmarks::{strip_markup, take_shots};
use crate::parse::ids::{leading_zero_sizes, without_owner};
use crate::parse::release_stamps::is_release_stamp;

/// Words that say nothing about which model a label names.
pub(super) const GENERIC: &[&str] =
    &["params", "parameters", "param", "model", "models", "size", "ours", "the", "hf", "this", "our", "meta", "dense"];
pub(super) const TUNING: &[&str] = &["instruct", "chat", "it", "dpo", "sft", "rlhf", "orpo", "tuned"];
/// Words of quantized or converted copies: a table without them is about the original weights.
#[rustfmt::skip]
pub(super) const PACKING: &[&str] = &[
    "gptq", "awq", "gguf", "ggml", "exl2", "fp8", "int4", "int8", "bnb", "4bit", "8bit", "mlx", "onnx", "hqq",
    "quantized", "w4a16", "w8a8", "mlc", "q4", "q8", "nf4", "marlin", "wint4", "wint8",
];

/// How well `label` names `model_id`: `None` when it does not; otherwise (words matched, exact).
pub fn label_match(label: &str, model_id: &str) -> Option<(usize, bool)> {
    label_match_in(label, model_id, false, false)
}

/// [`label_match`] for a table under a tuned-model heading ("Instruction tuned models"), where
/// the label needs no tuning word: the heading already says it.
///
/// A label names the model when each of its words is a word of the model's name. It names it
/// *exactly* when no distinguishing word of the name is left over: the size, the tuning and
/// packing words always count; the family and version words count unless the label gives no
/// family at all (a `2B Params` column on gemma-2b's own card). "LLaMA 7B" does not name
/// `open_llama_7b_v2` exactly ("open" and "v2" are left over). When the table has a single
/// model (`only_one`), a version after the size may be left over ("Mistral 7B" on the card of
/// Mistral-7B-v0.1): there is no other model it could mean. A first version ending the name
/// ("Flacuna 13B" for flacuna-13b-v1.0) may always be: no earlier version is there to mean.
pub fn label_match_in(label: &str, model_id: &str, tuned_context: bool, only_one: bool) -> Option<(usize, bool)> {
    // ("MobiLlama-05B" is the "MobiLlama 0.5B" of its tables.)
    let name = &leading_zero_sizes(model_id.rsplit('/').next().unwrap_or(model_id));
    let model: Vec<String> = words(name);
    // A name without a size ("Phi-3-small-8k-instruct", "GRIN-MoE") may be written with one
    // ("Phi-3-Small-8K-Instruct 7b", "GRIN MoE (16x3.8B)"): the size adds, it does not differ.
    let plain = without_precision(&without_notes(&leading_zero_sizes(&strip_markup(label))), name);
    let label = if model.iter().any(|w| is_size(w)) { plain.clone() } else { without_sizes(&plain) };
    // Tables abbreviate "Instruct" ("Phi-3 Vision-128K-In", "Phi-3.5-mini-ins"), and write a
    // version with or without its "v" ("Tulu-v2-dpo-7b" for tulu-2-dpo-7b; `words` splits "v2").
    let label: Vec<String> = words(&label)
        .into_iter()
        .filter(|w| !GENERIC.contains(&w.as_str()) && (w != "v" || model.iter().any(|m| m == "v")))
        .map(|w| if matches!(w.as_str(), "in" | "ins" | "inst") { "instruct".to_owned() } else { w })
        .collect();
    let before = label.len();
    let label = without_owner(label, &model, model_id);
    // (Whether the label spelt the owner: "OrionStar-14B-Base" for OrionStarAI/Orion-14B-Base.)
    let owner_spelt = label.len() < before;
    let label = split_joined_words(rejoin_split_words(label, &model), &model);
    let label = rounded_sizes(label, &model);
    // The same name split otherwise ("FalconMamba-7B" for falcon-mamba-7b): exactly it. Decimal
    // points count ("Cerebras-GPT 1.3B" is not Cerebras-GPT-13B).
    let squash = |s: &str| s.chars().filter(|c| c.is_alphanumeric() || *c == '.').collect::<String>().to_lowercase();
    if !label.is_empty() && squash(&plain) == squash(name) {
        return Some((model.len(), true));
    }
    // Each word as often as the model's name has it: "V1.1" is not V1 ("1" twice).
    let count = |words: &[String], w: &String| words.iter().filter(|m| *m == w).count();
    if label.is_empty() || !label.iter().all(|w| count(&label, w) <= count(&model, w)) {
        return None;
    }
    if !tuned_context && model.iter().any(|w| TUNING.contains(&w.as_str()) && !label.contains(w)) {
        return None;
    }
    // A bare number ("2") is no name; a size ("7b") or a word is.
    if label.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let gives_family =
        label.iter().any(|w| !is_size(w) && !TUNING.contains(&w.as_str()) && !PACKING.contains(&w.as_str()));
    // "base" may be left out: a table names a base model without saying so.
    let size_at = model.iter().position(|w| is_size(w));
    // A first version ending the name ("v1", "v1.0", "v0.1": `words` drops a ".0", splits at dots).
    let ends = |tail: &[&str]| model.len() > tail.len() && model[model.len() - tail.len()..].iter().eq(tail);
    let first_at = [&["v", "1"][..], &["v", "0", "1"]].into_iter().find(|t| ends(t)).map(|t| model.len() - t.len());
    let version_suffix = |i: usize, w: &str| {
        let first = first_at.is_some_and(|f| i >= f);
        (only_one && size_at.is_some_and(|s| i > s) || first) && (w == "v" || w.chars().all(|c| c.is_ascii_digit()))
    };
    // The org's brand leading the repo name ("AI21-Jamba-1.5-Mini" of ai21labs) names no model; a
    // word the org's name only begins with does ("open" of openlm-research's open_llama_13b), unless
    // the label spelt the owner ("OrionStar-14B-Base" for OrionStarAI/Orion-14B-Base).
    let (org, brand) = crate::parse::ids::owner_and_brand(model_id).unwrap_or_default();
    let mut lead = String::new();
    let mut branded = 0;
    for (i, w) in model.iter().enumerate() {
        lead.push_str(w);
        if !org.starts_with(&lead) || lead.len() >= org.len() {
            break;
        }
        if lead == brand || owner_spelt {
            branded = i + 1;
        }
    }
    // "Tencent-Hunyuan-Large" of tencent: the whole org, then a name word (not Qwen/Qwen2-7B's version).
    let word = |i: usize| model.get(i).is_some_and(|w| w.chars().all(|c| c.is_ascii_alphabetic()) && !is_size(w));
    if branded == 0 && model.first().is_some_and(|w| *w == org) && word(1) {
        branded = 1;
    }
    let left_over = model
        .iter()
        .enumerate()
        .filter(|(_, w)| !GENERIC.contains(&w.as_str()) && !matches!(w.as_str(), "base" | "v") && !label.contains(w))
        .filter(|(i, w)| !version_suffix(*i, w) && *i >= branded && !is_release_stamp(w))
        .map(|(_, w)| w);
    let exact = left_over.into_iter().all(|w| {
        let tuning = TUNING.contains(&w.as_str());
        // (A stage left out is another stage's model, tuned context or not: "komt-mistral-7b-v1"
        // beside komt-mistral-7b-v1-dpo under a title about instruction tuning.)
        if tuning {
            return tuned_context && !matches!(w.as_str(), "dpo" | "sft" | "rlhf" | "orpo");
        }
        let always = is_size(w) || PACKING.contains(&w.as_str());
        !always && !gives_family
    });
    Some((label.len(), exact))
}

/// Whether `label` writes the family of `model_id` with one of the model's tuning words
/// ("DEITA-7B-v1.0-sft (6K)" for deita-7b-v1.0-sft): the table tells the tuned model apart by them.
pub fn writes_tuning_of(label: &str, model_id: &str) -> bool {
    let model = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let label = words(label);
    let tuning = model.iter().filter(|w| TUNING.contains(&w.as_str()));
    model.first().is_some_and(|family| label.contains(family)) && tuning.into_iter().any(|w| label.contains(w))
}

/// Base-model families a repo name often carries beside its own (`Llama3-ChatQA-1.5-8B`, `Aquila-VL-2B-llava-qwen`).
pub(super) const BASE_FAMILIES: &[&str] = &[
    "llama", "mistral", "mixtral", "qwen", "gemma", "phi", "yi", "falcon", "mpt", "solar", "deepseek", "internlm",
    "llava",
];

/// Whether `label` names `model_id` but for the base family the repo name carries: every label
/// word is a name word, the label has a word of its own (not a size, tuning, packing, family or
/// number word), the name's size is in it, and only family words (with their version numbers) are
/// left over. "ChatQA-1.5-8B" names `Llama3-ChatQA-1.5-8B` this way; "Nous-Hermes-13b" names
/// `Nous-Hermes-Llama2-13b` this way too, though it is the older Llama-1 model, so callers also
/// need the card to use the label as the model's name (see [`introduces`]) or a version in it.
pub fn names_but_for_family(label: &str, model_id: &str) -> bool {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let model = words(name);
    let label: Vec<String> =
        words(&without_notes(&strip_markup(label))).into_iter().filter(|w| !GENERIC.contains(&w.as_str())).collect();
    let numeric = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let own_word = label.iter().any(|w| {
        !is_size(w) && !numeric(w) && ![TUNING, PACKING, BASE_FAMILIES].iter().any(|l| l.contains(&w.as_str()))
    });
    if label.is_empty() || !own_word || !label.iter().all(|w| model.contains(w)) {
        return false;
    }
    let mut family_seen = false;
    // (A version's "v" is no word of the name: "v1.5" is written "1.5" as often, see `label_match_in`.)
    for w in model.iter().filter(|w| !GENERIC.contains(&w.as_str()) && !matches!(w.as_str(), "base" | "v")) {
        if label.contains(w) {
            family_seen = false;
            continue;
        }
        if BASE_FAMILIES.contains(&w.as_str()) {
            family_seen = true;
        } else if !(family_seen && numeric(w)) {
            return false;
        }
    }
    model.iter().any(|w| BASE_FAMILIES.contains(&w.as_str()) && !label.contains(w))
}

/// Whether a label carries a version number ("1.5" in "ChatQA-1.5-8B"): a number word that is
/// not a size.
pub fn has_version(label: &str) -> bool {
    words(&strip_markup(label)).iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// The start of a card's prose (about [`INTRO_BYTES`]), without table lines: what the card
/// calls its model, for [`introduces`].
pub fn card_intro(markdown: &str) -> String {
    let mut intro = String::new();
    for line in markdown.lines().filter(|l| !l.trim_start().starts_with(['|', '<'])) {
        if intro.len() >= INTRO_BYTES {
            break;
        }
        // (A line may run on: a card of one 400 KB line would be its intro, read for every row.)
        let room = 2 * INTRO_BYTES - intro.len();
        let cut = line.char_indices().map(|(i, _)| i).find(|i| *i > room).map_or(line, |i| &line[..i]);
        intro.push_str(cut);
        intro.push('\n');
    }
    intro
}

/// The names a card's tables give its model in rows that link to the model's own Hub page
/// (`| DeepSeek-V2-Lite-Chat (SFT) | 16B | … | [🤗 HuggingFace](https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite-Chat) |`):
/// each row's first cell, one per line, to read beside [`card_intro`]. Not a row that links to it
/// through a `Base model` column, or to other models too (as the count reader's
/// [`links_here`](super::params_table::links_here)).
pub fn linked_names(markdown: &str, tables: &[super::tables::Table], model_id: &str) -> String {
    use super::params_table::{cells, links_here};
    use super::tables::TableKind;
    let line_at = |at: usize| markdown.get(at..).and_then(|rest| rest.lines().next()).unwrap_or("");
    // An HTML row (from its `<tr>`) that links only to the model's own Hub page.
    let html_row_links_here = |at: usize| {
        let row = markdown.get(at..).unwrap_or("");
        let end = row.find("</tr>").unwrap_or(row.len()).min(4096);
        let row = &row[..(0..=end).rev().find(|i| row.is_char_boundary(*i)).unwrap_or(0)];
        let pages = super::ids::hub_pages_in(row);
        !pages.is_empty() && pages.iter().all(|p| p.eq_ignore_ascii_case(model_id))
    };
    let html_rows = tables.iter().filter(|t| t.kind == TableKind::Html).flat_map(|t| {
        // (A row placed at its table's own offset has no `<tr>` of its own: not read.)
        let own_place = |at: &usize| *at != t.offset;
        t.rows
            .iter()
            .zip(&t.row_offsets)
            .filter(move |(_, at)| own_place(at) && html_row_links_here(**at))
            .filter_map(|(r, _)| r.first())
    });
    let html_names: String = html_rows.map(|cell| format!("{}\n", strip_markup(cell))).collect();
    let rows = tables.iter().filter(|t| t.kind == TableKind::Markdown).flat_map(|t| {
        // (The parsed cells keep no link targets: the row's line is read again, as the count reader does.)
        let head: Vec<&str> = t.header.iter().map(String::as_str).collect();
        let here = move |at: &usize| {
            Some(line_at(*at)).is_some_and(|l| l.contains("://") && links_here(&head, &cells(l), model_id))
        };
        t.rows.iter().zip(&t.row_offsets).filter(move |(_, at)| here(at)).filter_map(|(r, _)| r.first())
    });
    rows.map(|cell| format!("{}\n", strip_markup(cell))).collect::<String>() + &html_names
}

/// "DeepSeek-V2-Lite 16B Chat (SFT)" on DeepSeek-V2-Lite-Chat: the model's name and a tuning
/// stage in parentheses, where the card itself calls its model by that stage (`intro`:
/// "DeepSeek-V2-Lite-Chat (SFT)"). Beside it a table may well hold the same model at another
/// stage ("DeepSeek-V2 Chat (RL)" beside "(SFT)"), so the stage must be the card's own.
/// Returns the label without the stage.
pub fn without_own_stage(label: &str, model_id: &str, intro: &str, tuned_context: bool) -> Option<String> {
    let label = strip_markup(label);
    let (name, stage) = label.trim().strip_suffix(')').and_then(|l| l.rsplit_once('('))?;
    let stage_words = words(stage);
    let short = model_id.rsplit('/').next().unwrap_or(model_id);
    let staged = !stage_words.is_empty() && stage_words.iter().all(|w| TUNING.contains(&w.as_str()) || w == "rl");
    (staged
        && label_match_in(name, model_id, tuned_context, false).is_some_and(|m| m.1)
        && introduces(intro, &format!("{short} ({stage})")))
    .then(|| name.trim().to_owned())
}

/// Prose read by [`card_intro`].
pub const INTRO_BYTES: usize = 3000;

/// Whether `intro` (the start of a card) writes `label`'s words in a row: the card calls its
/// model by that name ("OpenBioLLM-8B is an advanced …").
pub fn introduces(intro: &str, label: &str) -> bool {
    let label = words(&without_notes(&strip_markup(label)));
    !label.is_empty() && words(intro).windows(label.len()).any(|w| w == label.as_slice())
}

/// A label without what only annotates it: an `org/` before the repo name, and parentheses that
/// hold no tuning, packing, size or version word ("(Ours, Open LLM Leaderboard)", "(this)"; but
/// not "(Chat)" or "(4-bit)", which say which model it is).
pub(crate) fn without_notes(label: &str) -> String {
    let mut out = String::new();
    let mut rest = label;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        let inner = words(&rest[open + 1..close]);
        // "(5-shot)" and "(seed=4)" are settings of the row's run, not names.
        let setting = words(&take_shots(&rest[open + 1..close]).0).is_empty() && !inner.is_empty()
            || inner.iter().any(|w| w == "seed" || w == "seeds");
        // A number counting things ("(Merge 6 DARE models)") says no version.
        let counts = |k: usize| inner[k + 1..].iter().take(2).any(|n| n.len() > 3 && n.ends_with('s'));
        let says_which = !setting
            && inner.iter().enumerate().any(|(k, w)| {
                TUNING.contains(&w.as_str())
                    || PACKING.contains(&w.as_str())
                    || is_size(w)
                    || w.chars().any(|c| c.is_ascii_digit()) && !(w.chars().all(|c| c.is_ascii_digit()) && counts(k))
            });
        if says_which {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    match out.trim().split_once('/') {
        Some((org, name)) if !org.contains(' ') && !name.trim().is_empty() => name.trim().to_owned(),
        _ => out,
    }
}

/// A label that names the model but for its sizes, the card's own short name: "K-EXAONE
/// (Reasoning)" for `K-EXAONE-236B-A23B`, "Med42" for `med42-70b`. Every word of the label (notes
/// in parentheses aside) is the model's, and every word of the model's name it leaves out is a
/// size (`236b`, `a23b`).
pub fn names_but_for_size(label: &str, model_id: &str, tuned_context: bool) -> bool {
    let model = words(model_id.rsplit('/').next().unwrap_or(model_id));
    let label = words(&without_notes(&strip_markup(label)));
    // `words` splits "A23B" into "a" and "23b"; "16E" is the experts of "Scout-17B-16E". Under a
    // heading of tuned models, the tune's word may be left out too ("Llama 4 Scout").
    let experts = |w: &str| w.strip_suffix('e').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let tune = |w: &str| tuned_context && TUNING.contains(&w);
    let left: Vec<&String> = model.iter().filter(|w| !label.contains(w)).collect();
    !label.is_empty()
        && label.iter().all(|w| model.contains(w))
        && left.iter().any(|w| is_size(w))
        && left.iter().all(|w| is_size(w) || *w == "a" || experts(w) || tune(w))
}

/// `label` without the number format of the original weights ("Llama 3.2 3B bf16" beside its
/// "3B QLoRA" column), unless the model's own name carries that format.
fn without_precision(label: &str, name: &str) -> String {
    const PRECISION: &[&str] = &["bf16", "fp16", "bfloat16", "float16", "fp32", "float32"];
    let name = name.to_lowercase();
    let format = |t: &&str| PRECISION.contains(&t.to_lowercase().as_str()) && !name.contains(&t.to_lowercase());
    let tokens: Vec<&str> = label.split(|c: char| c.is_whitespace() || "()-_,[]".contains(c)).collect();
    if !tokens.iter().any(format) {
        return label.to_owned();
    }
    tokens.into_iter().filter(|t| !format(t)).collect::<Vec<_>>().join(" ")
}

/// `text` without its sizes (`7b`, `3.8B`, `16x3.8B`, `111M`).
fn without_sizes(text: &str) -> String {
    let is_size_text = |t: &str| {
        let t = t.to_lowercase();
        let Some(digits) = t.strip_suffix(['b', 'm']) else { return false };
        let digits = digits.split_once('x').map_or(digits, |(n, each)| if n.is_empty() { "" } else { each });
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    text.split(|c: char| c.is_whitespace() || "()-_,[]/".contains(c))
        .filter(|t| !is_size_text(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word naming a kind of model or a weight format ("base", "chat", "gguf", "fp8"): in a label's
/// parenthesis it makes the row another model, not a setting of this one.
pub(crate) fn is_kind_or_format(word: &str) -> bool {
    let w = word.to_lowercase();
    TUNING.contains(&w.as_str())
        || PACKING.contains(&w.as_str())
        || matches!(w.as_str(), "base" | "pretrained" | "instruction" | "ours")
}

/// A quantized or converted copy: its name carries a packing word (GPTQ, GGUF, FP8, 4bit…).
pub fn is_packed(model_id: &str) -> bool {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let w = words(name);
    // `words` splits "FP8" and "W4A16" at their digits: join neighbours again; "Int4GPTQ" holds one.
    let lower = name.to_lowercase();
    (0..w.len()).any(|i| (i + 1..=w.len().min(i + 3)).any(|j| PACKING.contains(&w[i..j].concat().as_str())))
        || ["gptq", "awq", "gguf", "exl2"].iter().any(|p| lower.contains(p))
}

/// A heading over tables of tuned models ("Instruction tuned models", "Chat").
pub fn heading_is_tuned(heading: &str) -> bool {
    // ("Instruction-following benchmarks" names a kind of benchmark, not of model.)
    let h = words(&heading.to_lowercase().replace("instruction-following", "").replace("instruction following", ""));
    let has = |w: &str| h.iter().any(|x| x == w);
    ["instruct", "instruction", "chat", "finetuned", "aligned"].iter().any(|w| has(w))
        || h.windows(2).any(|p| p[0] == "fine" && p[1] == "tuned")
}

/// Whether a table is one of tuned models: its heading says so, or its lead-in says its results
/// are ("Evaluation results marked in the table are for instruction-tuned models.").
pub fn table_is_tuned(heading: &str, lead_in: &str) -> bool {
    heading_is_tuned(heading) || lead_in_says_tuned(lead_in)
}

/// Whether a table's names say which models are tuned (`InternLM2-Chat-7B` beside `InternLM2-20B`):
/// then a name without a tuning word is a base model's, whatever the heading says.
pub(super) fn names_say_tuned(t: &super::tables::Table) -> bool {
    let tuned = |l: &String| words(l).iter().any(|w| TUNING.contains(&w.as_str()));
    t.header.iter().skip(1).any(tuned) || t.rows.iter().any(|r| r.first().is_some_and(tuned))
}

/// "… results … are for instruction-tuned models", "all models are instruction-tuned".
pub fn lead_in_says_tuned(lead_in: &str) -> bool {
    // (A paragraph's lines as one: "… are for" over "instruction-tuned models.")
    let paragraphs = super::card_text::paragraph_lines(lead_in);
    paragraphs.iter().flat_map(|l| l.split('.')).map(words).any(|w| {
        let about = w.iter().any(|x| x == "results" || x == "models");
        let are = |i: usize| w[i] == "are" && matches!(w.get(i + 1).map(String::as_str), Some("for" | "all"));
        let tuned = |i: usize| w.get(i..i + 2).is_some_and(|p| p[0] == "instruction" && p[1] == "tuned");
        about && (0..w.len()).any(|i| (w[i] == "are" && tuned(i + 1)) || (are(i) && tuned(i + 2)))
    })
}

/// A model is tuned when its name says so, or when its card names it with "base" added
/// (DeepSeek-V3's card lists DeepSeek-V3-Base, Ling-flash-2.0's Ling-flash-base-2.0: the repo
/// without the word is the chat model).
pub fn is_tuned(model_id: &str, card: &str) -> bool {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    // "dots.llm1.inst": tables' abbreviations of instruct name a tune too.
    words(name).iter().any(|w| TUNING.contains(&w.as_str()) || matches!(w.as_str(), "inst" | "ins"))
        || super::siblings::names_base_sibling(card, model_id)
        || titled_tuned(name, card)
}

/// The card's title (its first heading) names the model's family and a tuning ("# MAmmoTH:
/// Building Math Generalist Models through Hybrid Instruction Tuning", "## WizardMath: … via
/// Reinforced Evol-Instruct").
fn titled_tuned(name: &str, card: &str) -> bool {
    let family = words(name).into_iter().next().filter(|f| f.len() >= 3 && !is_size(f));
    let title = super::mentions::card_title(card);
    family.is_some_and(|f| words(title).contains(&f)) && heading_is_tuned(title)
}

#[cfg(test)]
mod tests {
    use super::lead_in_says_tuned;

    #[test]
    fn a_heading_of_tuned_models_is_not_one_of_a_kind_of_benchmark() {
        use super::heading_is_tuned;
        assert!(heading_is_tuned("Results > Instruction tuned models"));
        assert!(heading_is_tuned("Instruction Models"));
        assert!(!heading_is_tuned("Instruction-following Benchmarks"));
        assert!(!heading_is_tuned("Instruction Following"));
    }

    #[test]
    fn a_lead_in_saying_the_results_are_a_tunes_however_it_is_wrapped() {
        assert!(lead_in_says_tuned("Evaluation results in the table are for instruction-tuned models.\n"));
        assert!(lead_in_says_tuned("Evaluation results in the table are for\ninstruction-tuned models.\n"));
        assert!(!lead_in_says_tuned("Evaluation results in the table are for\n\ninstruction-tuned models.\n"));
    }
}
