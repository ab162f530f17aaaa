//! Sizes stated in Chinese: "具有 62 亿参数" (亿 is 10^8: 6.2 billion parameters), "参数规模为 70 亿",
//! "参数规模为 30B", "模型参数：0.2B". The prose reader decides whose size the sentence states.

use super::params::Num;

/// Words naming a model's parameter count ("parameter count", "parameter scale", "model parameters",
/// "parameter size", "total parameter count"), before the count they are followed by.
const KEYS: &[&str] = &["总参数量", "参数总量", "参数数量", "参数量", "参数规模", "模型参数", "参数大小"];
/// What may stand between such a word and its count: "为" (is), "是", "约" (about), "共计" (in all), a
/// colon. Not "达" (reaches): "微调参数规模达 70 亿的大模型" speaks of any model up to that size.
const LINKS: &[&str] = &["为", "是", "约", "共计", "大小", "：", ":"];

/// The role of a table's key written in Chinese (its Han characters): a total (`false`) for the
/// keys above and 参数, 总参数, 模型参数量 alone; the active count (`true`) after 激活 ("activated").
pub(super) fn table_key_role(han: &str) -> Option<bool> {
    let (active, key) = han.strip_prefix("激活").map_or((false, han), |rest| (true, rest));
    (KEYS.contains(&key) || matches!(key, "参数" | "总参数" | "模型参数量")).then_some(active)
}

/// Whether `s` may state a count in Chinese (the cheap test before [`counts`]).
pub(super) fn may_state(s: &str) -> bool {
    // (One pass: every key holds 参. Most sentences of most cards hold neither.)
    s.contains(['亿', '参'])
}

/// Counts stated in `s`, one per distinct value: "62 亿参数", "62亿个参数", and a key's count
/// ("参数规模为 70 亿", "参数量：7.24B"). Not tokens ("五千亿Tokens"), nor a range ("参数从 10 亿到 1080 亿不等":
/// no key is right before a number there).
pub(super) fn counts(s: &str) -> Vec<Num> {
    let mut out: Vec<Num> = Vec::new();
    let mut push = |n: Num| {
        if n.value > 0 && !out.iter().any(|o| o.value == n.value) {
            out.push(n);
        }
    };
    for (at, _) in s.match_indices("亿") {
        let after = s[at + "亿".len()..].trim_start().trim_start_matches('个');
        if let (true, Some(n)) = (after.starts_with("参数"), number_before(s, at)) {
            push(n);
        }
    }
    for key in KEYS {
        // (Not another count: 激活 "activated", 非嵌入 "non-embedding", 每个专家 "per expert".)
        let other = |at: usize| ["激活", "嵌入", "专家"].iter().any(|w| s[..at].trim_end().ends_with(w));
        for (at, _) in s.match_indices(key).filter(|(at, _)| !other(*at)) {
            let mut rest = &s[at + key.len()..];
            while let Some(next) = LINKS.iter().find_map(|l| rest.trim_start().strip_prefix(l)) {
                rest = next;
            }
            let start = s.len() - rest.trim_start().len();
            if let Some(n) = number_at(s, start) {
                push(n);
            }
        }
    }
    out
}

/// The count "62 亿" whose 亿 is at `at`.
fn number_before(s: &str, at: usize) -> Option<Num> {
    let before = s[..at].trim_end();
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.').len();
    num(s, before.len() - digits, before.len(), 1e8, at + "亿".len())
}

/// The count written at `start`: digits, then 亿, B or M ("70 亿", "30B", "0.2B").
fn number_at(s: &str, start: usize) -> Option<Num> {
    let rest = &s[start..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.').len();
    let unit_at = start + digits + (rest[digits..].len() - rest[digits..].trim_start().len());
    let after = &s[unit_at..];
    let (scale, unit_len) = match after.chars().next()? {
        '亿' => (1e8, "亿".len()),
        'B' | 'b' => (1e9, 1),
        'M' | 'm' => (1e6, 1),
        _ => return None,
    };
    // ("30B", but not "30 Bytes" or "2Mbps": a letter or digit right after the unit.)
    if unit_len == 1 && after[1..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    num(s, start, start + digits, scale, unit_at + unit_len)
}

/// The count of the number `s[start..end]` times `scale`, labelled as written up to `label_end`.
fn num(s: &str, start: usize, end: usize, scale: f64, label_end: usize) -> Option<Num> {
    let number = s[start..end].parse::<f64>().ok().filter(|n| *n > 0.0)?;
    // Half a unit of the last digit over the value: "62 亿" is good to 0.5 亿.
    let decimals = s[start..end].split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let rel = 0.5 * 10f64.powi(-decimals) / number;
    let label = s[start..label_end].to_owned();
    Some(Num { at: start, end, value: (number * scale).round() as i64, rel, label, expert: false, named: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<i64> {
        counts(s).iter().map(|n| n.value).collect()
    }

    #[test]
    fn a_count_in_hundred_millions() {
        assert_eq!(values("ChatGLM-6B 具有 62 亿参数。62亿个参数的 ChatGLM-6B"), [6_200_000_000]);
        assert!(values("在五千亿Tokens进行了训练").is_empty(), "tokens, not parameters");
        assert_eq!(values("具有 1.5 亿参数"), [150_000_000]);
    }

    #[test]
    fn a_count_after_a_word_naming_it() {
        assert_eq!(values("XVERSE-7B 的参数规模为 70 亿，本次开源"), [7_000_000_000]);
        assert_eq!(values("包括 Base 和 Chat 版本，参数规模为 30B。"), [30_000_000_000]);
        assert_eq!(values("模型参数：0.2B。词表大小：29298"), [200_000_000]);
        assert_eq!(values("模型参数大小130亿，至少需要30G显存"), [13_000_000_000]);
        assert_eq!(values("参数量共计约37亿"), [3_700_000_000]);
        assert_eq!(counts("参数量：7.24B")[0].label, "7.24B");
        // Not a range, weights without a count, a count of something else, a unit that is a word.
        assert!(values("参数从 10 亿到 1080 亿不等").is_empty());
        assert!(values("我们将模型参数、配置文件、tokenizer等在huggingface上").is_empty());
        assert!(values("参数量：2Mbps").is_empty() && values("参数规模为 30 Bytes").is_empty());
        assert!(values("能够在几个小时内高效地微调参数规模达 70 亿的大模型").is_empty());
        // An active, non-embedding or per-expert count is no total.
        assert!(values("TeleChat3 激活参数量为 4.7B").is_empty() && values("非嵌入参数量：2.4B").is_empty());
        assert!(values("每个专家参数量为 1.5B").is_empty());
    }

    #[test]
    fn a_card_states_its_size_so_unless_the_sentence_gives_another() {
        let size = |id: &str, md: &str| crate::parse::card::read_card(id, md).size.map(|s| s.size.total);
        assert_eq!(
            size("charent/ChatLM-mini-Chinese", "# ChatLM\n\n模型参数：0.2B。词表大小：29298。\n"),
            Some(200_000_000)
        );
        let distilled = "# CPM\n\nCPM-Distill 是 2.6B（26亿）参数 CPM-Large 模型蒸馏版本，参数量为 109M。\n";
        assert_eq!(size("acme/CPM-1-Generate", distilled), None);
        // A count of tokens is no other size.
        let tokens = "# Foo\n\nFoo 是 160亿参数规模的大语言模型，采用了 **2.5T** Tokens进行预训练。\n";
        assert_eq!(size("acme/Foo", tokens), Some(16_000_000_000));
    }

    #[test]
    fn a_count_stated_for_a_name_the_id_adds_a_word_to_is_that_models() {
        let size = |id: &str, md: &str| {
            crate::parse::card::read_card(id, md).size.map(|s| (s.size.total, s.size.is_expert_notation))
        };
        for md in [
            "# Card\n\nWe widen the vocabulary.\n\nMixtral-8x7B模型参数量为46.7B，全参数训练需要多种并行策略。\n",
            "# Card\n\nWe widen the vocabulary.\n\nMixtral-8x7B has 46.7B parameters, so training needs care.\n",
        ] {
            // (The original's count: the name's estimate stays, marked as one.)
            assert_eq!(size("HIT-SCIR/Chinese-Mixtral-8x7B", md).map(|s| s.1), Some(true), "{md}");
            // A copy adding only kind, format and version words is the model itself.
            assert_eq!(size("TheBloke/Mixtral-8x7B-Instruct-v0.1-GPTQ", md), Some((46_700_000_000, false)), "{md}");
        }
    }
}
