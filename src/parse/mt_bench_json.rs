//! MT-Bench results pasted as FastChat prints them, a JSON block after a heading or a sentence
//! that names the bench ("### MTBench", "See our MT-Bench-DE scores:"):
//! `{"first_turn": 7.9, "second_turn": 7.06, "categories": {"writing": 9.55, …}, "average": 7.48}`.
//! No model is named in it: the block is the card's own model's, unless the card is a quantized
//! copy's (then the numbers are the original's).

use serde_json::{Map, Value};

use super::card_scores::CardScore;
use super::model_names::is_packed;
use super::tables::clip;

/// Bytes before a block or frame searched for the bench's name.
const NAME_WINDOW: usize = 300;

/// Every MT-Bench block of `markdown` as scores: the average under the bench's name, the turns
/// and categories as its parts ("MTBench first_turn", "MTBench writing").
pub(crate) fn mt_bench_blocks(markdown: &str, model_id: &str) -> Vec<CardScore> {
    if is_packed(model_id) || !markdown.contains("\"first_turn\"") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (open, start, block) in json_blocks(markdown) {
        let number = |m: &Map<String, Value>, key: &str| m.get(key).and_then(Value::as_f64);
        if number(&block, "first_turn").is_none() || number(&block, "second_turn").is_none() {
            continue;
        }
        let name = bench_name(markdown, open);
        let mut parts: Vec<(String, &str, f64)> = Vec::new();
        parts.extend(number(&block, "average").map(|v| (name.clone(), "average", v)));
        for turn in ["first_turn", "second_turn"] {
            parts.extend(number(&block, turn).map(|v| (format!("{name} {turn}"), turn, v)));
        }
        if let Some(Value::Object(categories)) = block.get("categories") {
            parts.extend(categories.iter().filter_map(|(k, v)| Some((format!("{name} {k}"), k.as_str(), v.as_f64()?))));
        }
        out.extend(parts.into_iter().map(|(benchmark_raw, key, value)| CardScore {
            evidence: clip(&format!("{benchmark_raw} (JSON block)")),
            benchmark_raw,
            metric: None,
            shots: None,
            value,
            value_raw: value.to_string(),
            detail: "mt_bench_json",
            offset: key_at(markdown, start, key),
            evaluated_by: None,
        }));
    }
    out
}

/// Where `"key"` first stands in the JSON block starting at byte `start` (the line its value is
/// on, for `evidence_line`); the block's start when it is not found.
pub(super) fn key_at(markdown: &str, start: usize, key: &str) -> usize {
    let block = &markdown[start..];
    let block = &block[..super::card_text::first_fence(block).unwrap_or(block.len())];
    block.find(&format!("\"{key}\"")).map_or(start, |at| start + at)
}

/// The text right before byte `at` (a block, a frame) where a tool or bench is named: at most
/// [`NAME_WINDOW`] bytes, from a character's start.
pub(super) fn text_before(markdown: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(NAME_WINDOW);
    while !markdown.is_char_boundary(from) {
        from += 1;
    }
    &markdown[from..at]
}

/// Every fenced code block of `markdown` that holds a JSON object: (the fence's byte offset, the
/// block's first byte, the object).
pub(super) fn json_blocks(markdown: &str) -> Vec<(usize, usize, Map<String, Value>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = super::card_text::first_fence(&markdown[from..]).map(|i| from + i) {
        let fence = &markdown[open..open + 3];
        let Some(start) = markdown[open..].find('\n').map(|n| open + n + 1) else { break };
        let Some(end) = markdown[start..].find(fence).map(|i| start + i) else { break };
        from = end + 3;
        if let Ok(Value::Object(block)) = serde_json::from_str::<Value>(markdown[start..end].trim()) {
            out.push((open, start, block));
        }
    }
    out
}

/// The bench's name as the text before byte `at` (a block, a frame) writes it, with a language
/// right after it ("MTBench", "MT-Bench-DE", "MT-Bench German"), else "MT-Bench".
pub(super) fn bench_name(markdown: &str, at: usize) -> String {
    let tokens: Vec<&str> = text_before(markdown, at)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|t| !t.is_empty())
        .collect();
    let Some(k) = tokens.iter().rposition(|t| t.to_lowercase().replace('-', "").starts_with("mtbench")) else {
        return "MT-Bench".to_owned();
    };
    let name = tokens[k].trim_matches('-');
    match tokens.get(k + 1).filter(|w| super::benchmark_shape::is_language(&w.to_lowercase())) {
        Some(language) => format!("{name} {language}"),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::benchmarks::resolve;

    const BLOCK: &str = "```json\n{\n    \"first_turn\": 7.9,\n    \"second_turn\": 7.0625,\n    \"categories\": {\n        \"writing\": 9.55,\n        \"math\": 4.7\n    },\n    \"average\": 7.48125\n}\n```\n";

    fn read(md: &str, model: &str) -> Vec<(String, f64)> {
        mt_bench_blocks(md, model).into_iter().map(|s| (s.benchmark_raw, s.value)).collect()
    }

    #[test]
    fn a_fastchat_block_under_a_heading_gives_the_average_turns_and_categories() {
        let got = read(&format!("### MTBench\n\n{BLOCK}"), "DiscoResearch/DiscoLM-70b");
        let row = |b: &str, v: f64| (b.to_owned(), v);
        assert_eq!(
            got,
            [
                row("MTBench", 7.48125),
                row("MTBench first_turn", 7.9),
                row("MTBench second_turn", 7.0625),
                row("MTBench math", 4.7),
                row("MTBench writing", 9.55)
            ]
        );
        assert_eq!(resolve("MTBench").canonical, "mt_bench", "the average is MT-Bench's score");
        // GFM's other fence: the same block; a block is closed only by the fence it opened with.
        let tilde = format!("### MTBench\n\n{}", BLOCK.replace("```", "~~~"));
        assert_eq!(read(&tilde, "DiscoResearch/DiscoLM-70b"), got);
        let mixed = format!("### MTBench\n\n{}", BLOCK.replacen("```", "~~~", 1).replacen("\n{\n", "\n```\n{\n", 1));
        assert!(read(&mixed, "DiscoResearch/DiscoLM-70b").is_empty(), "a backtick line inside a tilde block");
    }

    #[test]
    fn the_name_is_the_sentences_and_not_on_a_quantized_copy() {
        let md = format!("It struggles with math. See our MT-Bench-DE scores:\n{}", BLOCK.replace("```json", "```"));
        assert_eq!(read(&md, "LeoLM/leo-hessianai-7b-chat")[0].0, "MT-Bench-DE");
        assert!(read(&md, "TheBloke/leo-hessianai-7b-chat-GPTQ").is_empty());
        // Other JSON (a config) is no result.
        assert!(read("```json\n{\"first_turn\": \"a\", \"hidden\": 4096}\n```\n", "org/m-7b").is_empty());
        // Multi-byte text before the block.
        let wide = format!("{}\n{BLOCK}", "模型".repeat(120));
        assert_eq!(read(&wide, "org/m-7b")[0].0, "MT-Bench");
    }

    #[test]
    fn each_value_is_placed_at_its_key() {
        let md = format!("### MTBench\n\n{BLOCK}");
        for s in mt_bench_blocks(&md, "org/m-7b") {
            let key = s.benchmark_raw.rsplit(' ').next().filter(|_| s.benchmark_raw.contains(' ')).unwrap_or("average");
            assert!(md[s.offset..].starts_with(&format!("\"{key}\"")), "{} at {}", s.benchmark_raw, s.offset);
        }
    }
}
