//! The shots a card lists benchmark by benchmark in the text before a table: "**English Tasks**:
//! MMLU (5-shot), BBH (3-shot), …" in the section over Qwen2's table, "- [MMLU](…) (5-shot) -
//! multitask accuracy test" over an Open LLM Leaderboard table, "EvalPlus (0-shot) (HumanEval,
//! MBPP)" for a suite's members. Density uses a score only at the shots its reference asks for
//! (MMLU 5, BBH 3, MATH 4), so a table whose headers say none needs them from there.

use std::collections::BTreeMap;

use super::benchmarks::{resolve, strip_markup, take_shots};
use super::card_scores::CardScore;
use super::tables::clip;

/// Most text looked at before a table (its section and the one it sits in).
const MAX_SECTION: usize = 6000;

/// Gives each score of the table at `offset` that has no shots the shots listed for its
/// benchmark before the table ("MMLU (5-shot), BBH (3-shot)": each benchmark's own).
pub(super) fn mark_listed_shots(scores: &mut [CardScore], markdown: &str, offset: usize) {
    // (Most tables give no score: the text before them is not read.)
    if scores.is_empty() {
        return;
    }
    let listed = listed_shots(section_before(markdown, offset));
    for score in scores.iter_mut().filter(|s| s.shots.is_none()) {
        if let Some((n, said)) = listed.get(&resolve(&score.benchmark_raw).canonical) {
            score.shots = Some(*n);
            score.evidence = clip(&format!("{} (said before the table: \"{said}\")", score.evidence));
        }
    }
}

/// The text before the table at `offset` in `markdown`: back to the heading over the heading the
/// table sits under (the parent section, "## Performance" over "#### Qwen2-72B performance"), at
/// most [`MAX_SECTION`] bytes.
pub(super) fn section_before(markdown: &str, offset: usize) -> &str {
    let before = markdown.get(..offset.min(markdown.len())).unwrap_or("");
    // (Only the last bytes are looked at: a card of many tables and no headings is not scanned
    // back to its start once per table.)
    let mut from = before.len().saturating_sub(MAX_SECTION);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let before = &before[from..];
    let level = |line: &str| {
        let hashes = line.len() - line.trim_start_matches('#').len();
        (hashes > 0 && line[hashes..].starts_with(' ')).then_some(hashes)
    };
    let mut own = None;
    let mut end = before.len();
    for line in before.split_inclusive('\n').rev() {
        end -= line.len();
        let Some(l) = level(line.trim_end()) else { continue };
        match own {
            None => own = Some(l),
            // (From the line after the parent heading.)
            Some(o) if l < o => return &before[end + line.len()..],
            Some(_) => {}
        }
    }
    before
}

/// Each benchmark `text` gives one number of shots for ("MMLU (5-shot)", "[GSM8k](…) (5-shot)"),
/// by canonical id, with what was said. A benchmark given two different settings is left out,
/// and so is a name densing does not know.
pub(super) fn listed_shots(text: &str) -> BTreeMap<String, (i32, String)> {
    let mut found: BTreeMap<String, Option<(i32, String)>> = BTreeMap::new();
    // (Links and emphasis off each line first: a link's "https:" is no item's end.)
    // (Most lines say no shots: only those that do are cleaned and split.)
    let says = |l: &&str| l.to_ascii_lowercase().contains("shot");
    // (A paragraph's lines are one line: "GPQA" over "(5shot), …" in a hard-wrapped list.)
    if !text.lines().any(|l| says(&l)) {
        return BTreeMap::new();
    }
    let paragraphs = super::card_text::paragraph_lines(text);
    let lines: Vec<String> = paragraphs.iter().map(|l| l.as_ref()).filter(says).map(strip_markup).collect();
    let mut note = |name: &str, n: i32, said: &str| {
        let named = resolve(name);
        if name.is_empty() || !named.is_known || named.canonical == "card_average" {
            return;
        }
        let entry = found.entry(named.canonical).or_insert_with(|| Some((n, said.to_owned())));
        if entry.as_ref().is_some_and(|(m, _)| *m != n) {
            *entry = None;
        }
    };
    for (member, n, said) in lines.iter().flat_map(|l| suite_members(l)) {
        note(member, n, said);
    }
    for item in lines.iter().flat_map(|l| l.split([',', ';', ':', '，', '、'])) {
        // "MMLU (5-shot) - multitask accuracy test": the name and its setting, then a description.
        let item = super::card_text::list_item_text(item.trim())
            .unwrap_or(item)
            .trim()
            .trim_start_matches(['-', '*', '+', ' ']);
        let item = item.split(" - ").next().unwrap_or("").trim();
        let Some(open) = item.find('(') else { continue };
        let (name, setting) = (item[..open].trim(), &item[open..]);
        let (rest, shots) = take_shots(setting);
        let Some(n) = shots.filter(|_| rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()) else { continue };
        note(name, n, item);
    }
    found.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect()
}

/// The members of each suite `line` gives one setting for, with the setting and what was said:
/// "EvalPlus (0-shot) (HumanEval, MBPP, HumanEval+)" gives HumanEval, MBPP and HumanEval+ 0 shots.
/// Only a parenthesis that is a setting and nothing else, followed right away by the list.
fn suite_members(line: &str) -> Vec<(&str, i32, &str)> {
    let mut out = Vec::new();
    // (Where the item holding each parenthesis starts, found once per byte: a line of many
    // parentheses is not scanned back to its start for each.)
    let (mut from, mut item, mut seen) = (0, 0, 0);
    while let Some(open) = line[from..].find('(').map(|o| from + o) {
        item = line[seen..open].rfind([',', ';', ':']).map_or(item, |c| seen + c + 1);
        seen = open;
        let Some(close) = line[open..].find(')').map(|c| open + c) else { break };
        from = close + 1;
        let (rest, shots) = take_shots(&line[open + 1..close]);
        let Some(n) = shots.filter(|_| rest.trim().is_empty()) else { continue };
        let after = line[from..].trim_start();
        let Some(list) = after.strip_prefix('(').and_then(|a| a.split_once(')')).map(|(list, _)| list) else {
            continue;
        };
        // (To the list's closing parenthesis.)
        let said_to = line.len() - after.len() + list.len() + 2;
        let said = line[item..said_to].trim();
        out.extend(list.split([',', '、', '/']).map(|m| (m.trim(), n, said)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shots_listed_benchmark_by_benchmark_before_a_table() {
        let qwen = "## Performance\n\nThe datasets for evaluation include:\n\n**English Tasks**: MMLU (5-shot), \
                    BBH (3-shot), GPQA (5shot)\n\n**Math Tasks**: GSM8K (4-shot), MATH (4-shot)\n\n#### Foo-72B performance\n";
        let got = listed_shots(section_before(qwen, qwen.len()));
        assert_eq!(got["mmlu"].0, 5);
        assert_eq!(got["bbh"].0, 3);
        assert_eq!(got["math"], (4, "MATH (4-shot)".to_owned()));
        let leaderboard = "- [MMLU](https://arxiv.org/abs/2009.03300) (5-shot) - multitask accuracy test covering 57 tasks.\n\
                           - [GSM8k](https://arxiv.org/abs/2110.14168) (5-shot) - grade school math word problems test.\n";
        assert_eq!(listed_shots(leaderboard)["gsm8k"].0, 5);
        assert_eq!(listed_shots(&leaderboard.replace("- [", "1. ["))["gsm8k"].0, 5, "a numbered list");
        assert_eq!(listed_shots("BBH (3-shot, CoT), MATH (4-shot)")["bbh"].0, 3, "with its prompting");
        // Two settings for one benchmark, an unknown name: none.
        assert!(listed_shots("MMLU (5-shot), MMLU (0-shot)").is_empty());
        assert!(listed_shots("Foo Bench (3-shot)").is_empty());
        // A suite's setting, then its members: each known member has it.
        let suite = listed_shots(
            "**Coding Tasks**: EvalPlus (0-shot) (HumanEval, MBPP, HumanEval+), MultiPL-E (0-shot) (Python, C++)",
        );
        assert_eq!(suite["humaneval"], (0, "EvalPlus (0-shot) (HumanEval, MBPP, HumanEval+)".to_owned()));
        assert_eq!(suite["mbpp"].0, 0);
        assert!(!suite.contains_key("python"), "a language is no benchmark");
        // A member given two settings has none.
        assert!(!listed_shots("EvalPlus (0-shot) (HumanEval, MBPP), HumanEval (1-shot)").contains_key("humaneval"));
    }

    #[test]
    fn the_text_before_a_table_stops_at_the_parent_heading() {
        let md = "# Card\nMMLU (0-shot)\n## Performance\nMMLU (5-shot)\n### Base\n\n| A |\n";
        let at = md.find("| A |").unwrap();
        assert_eq!(section_before(md, at), "MMLU (5-shot)\n### Base\n\n");
        assert_eq!(section_before("no heading\n", 11), "no heading\n");
    }

    #[test]
    fn a_list_hard_wrapped_over_lines_gives_each_setting() {
        let wrapped =
            listed_shots("**English Tasks**: MMLU (5-shot), GPQA\n(5shot), BBH (3-shot), HellaSwag\n(10-shot)\n");
        assert_eq!((wrapped["gpqa"].0, wrapped["hellaswag"].0, wrapped["bbh"].0), (5, 10, 3));
        // (A list item's lines stay apart: each item is read alone.)
        assert_eq!(listed_shots("- GPQA\n- (5-shot)\n").get("gpqa"), None);
    }
}
