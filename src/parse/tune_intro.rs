//! A card's opening lines that call its model a tune or a merge: "Llama 2 13b fine tune using …",
//! "An experimental finetune of stablelm-3b-4e1t …", "This is a gradient merge between: …". Only
//! the first two lines of prose are read: further down, tune words describe siblings, the base a
//! model came from, or how to tune it ("xxxtuned = finetune of World on mc4" on RWKV-4-World's).

use super::tables::clip;

/// Lines of prose read: over the dev corpus and pool, a third line already found a base model's
/// family description.
const OPENING_LINES: usize = 2;

/// Wording of a model made by tuning or merging (lower case). Not "fine-tune on", a verb a base
/// model's card uses of its readers ("ready to fine-tune on your data"), nor "fine-tuned by",
/// said of parts too ("the VAE uses a version of sdxl fine-tuned by stabilityai").
const SAID: &[&str] = &[
    "fine-tune of",
    "fine tune of",
    "finetune of",
    "fine-tune using",
    "fine tune using",
    "finetune using",
    "fine-tuned of",
    "fine tuned of",
    "finetuned of",
    "fine-tuned from",
    "fine tuned from",
    "finetuned from",
    "merge of",
    "merge between",
    "merging of",
    "merged model",
    "merged with",
    "merged using",
    "merge using",
    "i merged",
    "lora merged",
    "interleaving layers",
    "finetuned model based on",
    "fine-tuned model based on",
    "fine tuned model based on",
    "made by finetuning",
    "made by fine-tuning",
    "with dpo",
    "using dpo",
    "dpo-trained",
    "dpo trained",
    "with sft",
    "with lora",
    "qlora",
];

/// A part of every wording in [`SAID`]: a line without one is not searched for each.
const STEMS: &[&str] = &["tune", "tuning", "merg", "lora", "interleav", "dpo", "sft"];

/// Words just before the wording that make it something the model could be or is not ("can be
/// fine-tuned from", "not a merge of"), or other models ("custom models fine-tuned from").
const NOT_SAID_AFTER: &[&str] = &["be", "can", "cannot", "not", "to", "models"];

/// The first of the card's opening lines of prose that says its model was tuned or merged.
/// Prose is what is left after headings, tables, HTML, images and code.
pub fn opening_says_tune(markdown: &str) -> Option<String> {
    let mut fenced = false;
    let prose = markdown.lines().map(str::trim).filter(|line| {
        if super::card_text::is_fence(line) {
            fenced = !fenced;
            return false;
        }
        !fenced && !line.starts_with(['#', '|', '<', '!']) && has_a_word(line)
    });
    // (Emphasis is no word: "aligned with **SFT**".)
    prose.take(OPENING_LINES).find(|line| says_tune(&line.to_ascii_lowercase().replace('*', ""))).map(clip)
}

/// Three letters in a row: a line of badges' punctuation or a rule ("---") is no prose.
fn has_a_word(line: &str) -> bool {
    line.as_bytes().windows(3).any(|w| w.iter().all(u8::is_ascii_alphabetic))
}

fn says_tune(lower: &str) -> bool {
    // (Most opening lines are searched three times, not twenty.)
    if !STEMS.iter().any(|w| lower.contains(w)) {
        return false;
    }
    // (QLoRA trains further pretraining too: "QLoRA增量预训练" on Firefly's family card.)
    let pretraining = || ["pretrain", "pre-train", "预训练"].iter().any(|w| lower.contains(w));
    SAID.iter().filter(|said| **said != "qlora" || !pretraining()).any(|said| {
        lower.match_indices(said).any(|(at, _)| {
            let (before, after) = (&lower[..at], &lower[at + said.len()..]);
            // A word of its own: not "emerge of", not "qloras".
            let own_word = !before.ends_with(|c: char| c.is_ascii_alphabetic())
                && (!said.ends_with(|c: char| c.is_ascii_alphabetic())
                    || !after.starts_with(|c: char| c.is_ascii_alphabetic()));
            // (Each test reads a few words around the match: a long line is not read per match.)
            let hedged = || {
                let words = before.trim_end().rsplitn(3, char::is_whitespace);
                words.take(2).any(|w| NOT_SAID_AFTER.contains(&w) || w.ends_with("n't"))
            };
            // ("trained on the merge of the English parts of three datasets")
            let of_data = || said.starts_with("merg") && window(after).contains("data");
            own_word && !hedged() && !of_data() && !field_key(before, after)
        })
    })
}

/// The start of what follows a match, up to 80 bytes.
fn window(text: &str) -> &str {
    &text[..super::pair_cells::floor_boundary(text, 80)]
}

/// Whether the wording is a field's name ("- **Finetuned from model [optional]:** [More Information
/// Needed]", the Hub's card template): a field is read, placeholder and all, by its own reader.
fn field_key(before: &str, after: &str) -> bool {
    let Some((key, _)) = window(after).split_once(':') else { return false };
    before.len() <= 8
        && before.chars().all(|c| " -*_".contains(c))
        && key.split(|c: char| " *_[]".contains(c)).all(|w| ["", "model", "optional"].contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_lines_say_tune_or_merge() {
        let said = |card: &str| opening_says_tune(card).is_some();
        assert!(said("### Overview\nLlama 2 13b fine tune using https://hf.co/datasets/x\n"));
        assert!(said("---\n\nThis is a 75/25 merge between:\n- [a](x)\n- [b](y)\n"));
        assert!(said("<img src=\"x.png\">\n![badge](y)\nAn experimental finetune of Mistral 7B with QLoRA.\n"));
        assert!(said("Foo-7B is a model.\nTrained with QLoRA on Open-Platypus.\n"));
        // A third line of prose, or a line in code, a table or a heading, is not read.
        assert!(!said("Foo-7B is a model.\nIt reads well.\nA merge of Bar and Baz comes next.\n"));
        assert!(!said("```\nmerge of a and b\n```\n| merge of | x |\n# A merge of two\nFoo.\n"));
        // What the model could be, or is not, or a longer word.
        assert!(said("Foo-7B is fine-tuned from Llama-2-7B.\n"));
        assert!(!said("Foo-7B can be fine-tuned from here.\n"));
        assert!(!said("Foo-7B is ready to be fine-tuned from scratch.\n"));
        assert!(!said("Foo-7B is not a merge of other models.\n"));
        assert!(!said("New abilities emerge of themselves; no qloras here.\n"));
        assert!(!said("A base model, ready to fine-tune on your data.\n"));
        assert!(!said("It isn't a fine-tune of anything.\n"));
        assert!(!said("It works with custom models fine-tuned from the same base.\n"));
        assert!(!said("Trained on the merge of the English parts of three datasets.\n"));
        assert!(!said("Continued pretraining with QLoRA on Chinese text.\n"));
        // How merges and tunes of 2023–24 say so: "X merged with Y", "… merge using LUNK", "I merged
        // a dozen models", "interleaving layers of", "trained with DPO", "a LoRA merged to …".
        assert!(said("Huginn v3 merged with Mythical-Destroyer-V2-L2-13B\n"));
        assert!(said("merged 58% chronos v2 42% beluga 13b merge using LUNK\n"));
        assert!(said("I don't remember what I did but I merged a dozen models.\n"));
        assert!(said("- A result of interleaving layers of [a](x), [b](y)\n"));
        assert!(said("Finetuned and aligned with **SFT** and **DPO**.\n"));
        assert!(said("PiVoT is RP finetuned model based on Mistral 7B.\n"));
        assert!(said("LoRA merged to a model. Model: x\n"));
        assert!(!said("Foo-7B is a base model that can be merged with adapters.\n"));
        assert!(!said("Foo-7B can be tuned with LoRA on one GPU.\n"));
        // The card template's field, filled in or not, is the field reader's.
        assert!(!said("- **Finetuned from model [optional]:** [More Information Needed]\n"));
        assert!(said("Model description: a fine-tune of Mistral-7B.\n"));
        // Code fenced with tildes is code too.
        assert!(!said("~~~\nmerge of a and b\n~~~\nFoo.\n"));
    }

    #[test]
    fn every_wording_holds_a_stem_the_line_is_first_searched_for() {
        for said in SAID {
            assert!(STEMS.iter().any(|s| said.contains(s)), "{said:?} would never be searched for");
        }
    }
}
