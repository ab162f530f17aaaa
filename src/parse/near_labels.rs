//! Why a table that nearly names the model gave it nothing. "MedGemma 27B multimodal" and
//! "MedGemma 27B text-only" on medgemma-27b-it's card each name its family and size with a word
//! the id lacks: a variant, or this model under a name the card never gives it. Neither is read
//! (precision first), but the table is not passed over in silence either: its reject names them,
//! so whoever audits the card sees at once which column densing would not guess at.

use super::benchmarks::strip_markup;
use super::card_scores::Unused;
use super::model_names::{is_size, label_match, words, GENERIC, TUNING};
use super::tables::Table;

/// The labels among `labels` that come near `model_id` without naming it exactly: they hold every
/// word naming it (family, version, size; not its tuning or generic words) and more ("MedGemma 27B
/// multimodal"), or only words of its name, its size and a word of its family among them
/// ("MedGemma 27B" on medgemma-27b-text-it's card, "v0_6-llama-3_1-8b" on ultravox-v0_6-llama-3_1-8b's).
/// Empty for a name without a size ("Zephyr" would be near every "Zephyr 7B …" label) or of one word.
pub(crate) fn near_labels<'a>(labels: impl IntoIterator<Item = &'a String>, model_id: &str) -> Vec<String> {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let own = words(name);
    let needed: Vec<&String> = own
        .iter()
        .filter(|w| {
            !GENERIC.contains(&w.as_str()) && !TUNING.contains(&w.as_str()) && !matches!(w.as_str(), "base" | "v")
        })
        .collect();
    let Some(size) = needed.iter().find(|w| is_size(w)) else { return Vec::new() };
    if needed.len() < 2 {
        return Vec::new();
    }
    // (A word of two letters or more: "I2B2" splits into "i", "2b", "2", no family.)
    let family =
        |w: &String| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !is_size(w) && needed.contains(&w);
    let near = |have: &Vec<String>| {
        let more = needed.iter().all(|w| have.contains(w));
        let fewer = have.iter().all(|w| own.contains(w) || GENERIC.contains(&w.as_str()))
            && have.contains(size)
            && have.iter().any(family);
        more || fewer
    };
    labels
        .into_iter()
        .map(|l| strip_markup(l))
        .filter(|l| near(&words(l)) && !label_match(l, model_id).is_some_and(|m| m.1) && !is_file(l))
        .map(|l| l.trim().chars().take(40).collect())
        .collect()
}

/// A file's name (`mistral-7b-instruct-v0.2.Q4_K_M.gguf`): a row of a downloads table, no model.
fn is_file(label: &str) -> bool {
    let file = |w: &str| {
        let w = w.to_lowercase();
        [".gguf", ".llamafile", ".bin", ".safetensors", ".ggml", ".pt", ".onnx"].into_iter().any(|e| w.ends_with(e))
    };
    // (A row's label may go on past the name: "… .llamafile Q2_K smallest".)
    label.split_whitespace().any(file)
}

/// The reject for a table none of whose `labels` (the columns' or rows' model names, of those
/// holding numbers) names the model exactly, when some come near: which.
pub(crate) fn near_but_not_own(labels: &[&String], what: &str, model_id: &str) -> Option<(Unused, String)> {
    let near = near_labels(labels.iter().copied(), model_id);
    let shown: Vec<String> = near.iter().take(4).map(|l| format!("{l:?}")).collect();
    (!near.is_empty())
        .then(|| (Unused::NoOwnColumn, format!("no {what} names this model exactly; near: {}", shown.join(", "))))
}

/// The labels of `table`'s value columns past the first (as every table reader tells them apart).
pub(crate) fn scored_columns<'a>(table: &Table, header: &'a [String]) -> Vec<&'a String> {
    (1..header.len()).filter(|c| super::cell_values::numeric_share(table, *c) >= 0.5).map(|c| &header[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tables::tables;

    fn table(md: &str) -> Table {
        tables(md).into_iter().next().expect("a table")
    }

    #[test]
    fn a_column_naming_the_family_and_size_with_another_word_is_near() {
        let t = table("| Metric | Gemma 3 27B | MedGemma 27B text-only | MedGemma 27B multimodal |\n|---|---|---|---|\n| MIMIC CXR | 71.7 | 80.1 | 90.0 |\n");
        let columns = scored_columns(&t, &t.header);
        let (reason, why) = near_but_not_own(&columns, "column", "google/medgemma-27b-it").expect("a reason");
        assert_eq!(reason, Unused::NoOwnColumn);
        assert!(why.contains("\"MedGemma 27B multimodal\"") && why.contains("text-only"), "{why}");
        assert!(!why.contains("Gemma 3 27B"), "another family is not near: {why}");
        // Another size, or a name without one, is not near.
        assert!(near_but_not_own(&columns, "column", "google/medgemma-4b-it").is_none());
        assert!(near_labels(&["MedGemma 27B multimodal".to_owned()], "acme/MedGemma").is_empty());
        // A label with fewer words of the name, its size and family among them, is near too.
        let fewer = |l: &str| near_labels(&[l.to_owned()], "google/medgemma-27b-text-it");
        assert_eq!(fewer("MedGemma 27B"), ["MedGemma 27B"]);
        assert!(fewer("27B").is_empty() && fewer("MedGemma 4B").is_empty() && fewer("Gemma 3 27B").is_empty());
        assert!(near_labels(&["I2B2".to_owned()], "obi/deid_roberta_i2b2").is_empty());
    }

    #[test]
    fn a_column_near_the_model_is_named_only_when_it_holds_numbers() {
        let t = table("| Task | Foo 7B chat | Foo 7B base |\n|---|---|---|\n| MedQA | 61.0 | - |\n");
        let (_, why) =
            near_but_not_own(&scored_columns(&t, &t.header), "column", "acme/Foo-7B-Instruct").expect("a reason");
        assert!(why.contains("\"Foo 7B chat\"") && !why.contains("base"), "{why}");
        // The model's own name is no near label: a table naming it exactly is read, not rejected.
        assert!(near_labels(&["Foo-7B-Instruct".to_owned()], "acme/Foo-7B-Instruct").is_empty());
        // Nor is a file of its weights, a downloads table's row.
        assert!(near_labels(
            &["[foo-7b-instruct.Q4_K_M.gguf](https://huggingface.co/acme/x/blob/main/foo-7b-instruct.Q4_K_M.gguf)"
                .to_owned()],
            "acme/Foo-7B-Instruct"
        )
        .is_empty());
    }
}
