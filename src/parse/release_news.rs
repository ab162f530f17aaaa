//! Which news lines of a card release its model: "2024.05.06: We released DeepSeek-V2", a
//! family's release ("MiniCPM4 series are released", "EXAONE Deep … including 2.4B, 7.8B and
//! 32B"), and not another model's ("发布 XVERSE-65B-2", "We released Qwen2-Math").

use super::mentions::{names_other_model, states_other_size};

/// A sentence that names a model ("Qwen2-Math", "Yi-34B": letters and digits joined by "-")
/// and not this one.
pub(super) fn about_another(sentence: &str, name: &str) -> bool {
    // (An in-page link's target names nothing: "[link](#load-pretrained-model-for-stable-diffusion-v14)".)
    let sentence = &super::release_objects::blank_targets(sentence, "](#");
    // (or sizes: "We released the 7B and 70B models on January 26th" on the 13B's card)
    let another = names_other_model(sentence, name) || states_other_size(sentence, name);
    another && !names_model(&sentence.to_ascii_lowercase(), name)
}

/// Whether the news word at `at` releases this model rather than another one: nothing else is named
/// right after it ([`releases_another`]) nor built on it ([`super::release_objects::built_on`],
/// [`super::release_objects::released_on_it`]), or the line links the model's own repository ([`links_own_repo`]).
pub(super) fn releases_it(lower: &str, at: usize, name: &str) -> bool {
    use super::release_objects::{built_on, released_on_it};
    !releases_another(&lower[at..], name) && !built_on(lower, at, name) && !released_on_it(lower, at, name)
        || links_own_repo(lower, name)
}

/// Whether a news line links this model's own Hub repository and no other ("发布 … Chinese-LLaMA-2
/// (70B) 模型，[下载地址](https://huggingface.co/Linly-AI/Chinese-LLaMA2-70B-chat-hf)"): the line
/// releases it, whatever name its words give it.
fn links_own_repo(lower: &str, name: &str) -> bool {
    let repos = super::ids::hub_ids_in(lower);
    !repos.is_empty() && repos.iter().all(|r| super::ids::repo_name_is(r, name))
}

/// Whether the clause right after a news word ("发布 …", "released …") names another model and
/// not this one: "发布 XVERSE-65B-Chat 模型，该模型为基于 XVERSE-65B …" releases the chat model, not
/// its base, though the base is named later in the line.
fn releases_another(after: &str, name: &str) -> bool {
    // Not at an ASCII comma: "open-sourced A-Pretrain , A-Instruct , …" is one list. But at a
    // relative clause or a comparison: "released Pandalyst-7B-V1.2, which … surpasses
    // Pandalyst-7B-V1.1" releases V1.2 only.
    const AFTER: &[&str] =
        &[". ", " which ", " that ", " surpass", " outperform", " than ", " based on", " trained on"];
    let stops = after.find(['，', '。', ';', '；']).into_iter().chain(AFTER.iter().filter_map(|w| after.find(w)));
    let end = stops.min().unwrap_or(after.len());
    let clause = &after[..end];
    names_other_model(clause, name) && !names_model(clause, name)
}

/// Whether a news line releases the model's whole family as one ("MiniCPM4 series are released",
/// "All ToRA models released" on tora-7b-v1.0's card): the family is the name's words before its
/// size or tuning word, followed in the line by "series", "family" or "models", or the object of a
/// release word ([`released_by_name`]), and the line names no size. (A family with a version the
/// name adds, "MiniCPM4.1", is another release.)
pub(super) fn releases_family(line: &str, name: &str) -> bool {
    use super::model_names::{is_size, words};
    let own = words(name);
    let mut family: Vec<&String> = own
        .iter()
        .take_while(|w| !is_size(w) && !matches!(w.as_str(), "instruct" | "chat" | "inst" | "base"))
        .collect();
    // A decimal size is split at its point ("0.5b": "0", "5b"); its whole part is no family word.
    if let [.., whole_part] = family.as_slice() {
        let size = own.get(family.len()).filter(|w| is_size(w));
        if size.is_some_and(|s| name.contains(&format!("{whole_part}.{s}"))) {
            family.pop();
        }
    }
    // (Link targets aside: a collection's slug ends in a hash, "…/mobilellm-r1-68c4597b104f…", whose
    // "4597b" reads as a size.)
    let said = words(&super::release_objects::blank_link_targets(line));
    let whole = family.len() < own.len() && family.iter().map(|w| w.len()).sum::<usize>() >= 3;
    // ("Below are the GLM-4 series models released on June 5, 2024": the members listed below,
    // which the model need not be one of.)
    let points_at_list = ["below", "the following", "as follows"].iter().any(|w| line.contains(w));
    // ("Released Vigogne models based on Falcon and MPT" on the Llama-based vigogne-7b-chat's card:
    // the members on those bases, not the whole family.)
    let some_members = [" based on ", " built on ", " built upon "].iter().any(|w| line.contains(w));
    // ("All ToRA models released" on tora-code-7b's card: every model of the name's first word.)
    let all = |run: &[String]| run[0] == "all" && family.first().is_some_and(|f| run[1] == **f) && run[2] == "models";
    whole
        && !points_at_list
        && !some_members
        && !said.iter().any(|w| is_size(w) || w == "version" || w == "update")
        && (said.windows(family.len() + 1).any(|run| {
            run[..family.len()].iter().zip(&family).all(|(a, b)| a == *b)
                && matches!(run[family.len()].as_str(), "series" | "family" | "models")
        }) || said.windows(3).any(all)
            || released_by_name(line, name))
}

/// Whether the family, as the name writes it, is the object of a release word and ends there
/// ("[2026/01/22] We release [Stable-DiffCoder](…)!" on Stable-DiffCoder-8B-Instruct's card), or the
/// subject of a passive one ("2022/09/16 [CPM-Ant](…) is released!"), or the model a Chinese release
/// names last ("开源了…模型MING-MOE"): not "We release
/// Stable-DiffCoder-v2", "… Qwen2 Math", nor a family whose name has no hyphen.
fn released_by_name(line: &str, name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    // The name's parts before its first size or tuning part: "stable-diffcoder" of stable-diffcoder-8b-instruct.
    let stop = |p: &str| super::model_names::is_size(p) || matches!(p, "instruct" | "chat" | "inst" | "base" | "it");
    let mut at = 0;
    for part in name.split(['-', '_']) {
        if stop(part) {
            break;
        }
        at += part.len() + 1;
    }
    let family = &name[..at.saturating_sub(1)];
    if at >= name.len() || !family.contains(['-', '_']) {
        return false;
    }
    let lower = super::benchmarks::strip_markup(line).to_ascii_lowercase();
    lower.match_indices(family).any(|(at, _)| {
        let before = lower[..at].trim_end().trim_end_matches(['[', '*']).trim_end();
        let object = ["release", "released", "releasing", "introduce"]
            .iter()
            .any(|w| before.ends_with(w) || ["the", "our"].iter().any(|a| before.ends_with(&format!("{w} {a}"))));
        // In Chinese, the model the release word's phrase ends on: "开源了基于Qwen1.5指令微调的专家混合模型MING-MOE".
        let object = object || before.ends_with("模型") && ["开源", "发布"].iter().any(|w| before.contains(w));
        let ends = lower[at + family.len()..].trim_start_matches([']', '*']);
        // (A link's target after the name: "[Stable-DiffCoder](https://…)!".)
        let ends = ends.split_once(')').filter(|_| ends.starts_with('(')).map_or(ends, |(_, rest)| rest);
        let closes =
            |rest: &str| rest.is_empty() || rest.starts_with(['!', ',', ';']) || rest.starts_with(". ") || rest == ".";
        // Or the subject of a passive one, nothing before it but the date: "2022/09/16 [CPM-Ant](…) is released!".
        let subject = before.chars().all(|c| !c.is_alphabetic());
        let passive = ["is released", "has been released", "was released"]
            .iter()
            .find_map(|w| ends.trim_start().strip_prefix(w))
            .is_some_and(|rest| closes(rest.trim_end()));
        object && closes(ends) || subject && passive
    })
}

/// Whether a news line releases the model as one of a kind ([`releases_kind`]) or as its name
/// without its tuning word ([`releases_variants`]).
pub(super) fn releases_its_kind(line: &str, name: &str, lines: &[&str]) -> bool {
    releases_kind(line, name, lines) || releases_variants(line, name, lines)
}

/// Whether a news line releases the models of this one's kind, named by the kind alone ("2023-11-23:
/// Chat models are open-sourced" on Yi-34B-Chat's card, "Released our chat models developed from
/// LLaMA-2-Chat-7B" on finance-chat's): the kind ("chat", "instruct", "base") is the name's last
/// word, "<kind> models" is said with nothing before it but "the", "our", "all", the name's own
/// words or the date, the clause (up to where it says what they were made from) states no other
/// size and names no other model, and no dated news line of the card names the model itself.
fn releases_kind(line: &str, name: &str, lines: &[&str]) -> bool {
    use super::model_names::{is_size, words};
    let own = words(name);
    // (The name's last word: on "Yi-34B-Chat-finetuned-x", a quoted "Chat models are open-sourced" is Yi's.)
    // (A name with no tuning word is a base's: "Released our 13B base models" on medicine-LLM-13B's card.)
    let untuned = || (!super::ids::looks_tuned(name)).then(|| "base".to_owned());
    let Some(kind) =
        own.last().filter(|w| matches!(w.as_str(), "chat" | "instruct" | "base")).cloned().or_else(untuned)
    else {
        return false;
    };
    let text = super::benchmarks::strip_markup(&line.to_ascii_lowercase());
    let cut = [" developed from", " based on", " built on", " fine-tuned from", " trained from", " derived from"]
        .iter()
        .filter_map(|w| text.find(w))
        .min()
        .unwrap_or(text.len());
    let clause = &text[..cut];
    let said = words(clause);
    let Some(at) = said.windows(2).position(|p| p[0] == kind && p[1] == "models") else { return false };
    let before = said[..at].iter().rev().take_while(|w| !matches!(w.as_str(), "released" | "release" | "open"));
    // (The date in digits or words: "2023-11-23", "November 23, 2023".)
    let date_part = |w: &String| w.chars().all(|c| c.is_ascii_digit()) || super::date_formats::month(w).is_some();
    let plain = before.clone().all(|w| matches!(w.as_str(), "the" | "our" | "all") || own.contains(w) || date_part(w));
    let sizes_own = said.iter().filter(|w| is_size(w)).all(|w| own.contains(w));
    plain && sizes_own && !super::mentions::names_unrelated_model(clause, name) && !named_elsewhere(lines, name)
}

/// Whether a news line releases the model's name without its tuning word: as plural "models"
/// ("released … `Kanana-1.5-15.7B-A3B` models" on kanana-1.5-15.7b-a3b-instruct's card, the name
/// so cut still carrying a size), the base and its tunes released together; or alone ("We released
/// the DeepSeek-V2-Lite" on DeepSeek-V2-Lite-Chat's). The line names no model unrelated to it.
fn releases_variants(line: &str, name: &str, lines: &[&str]) -> bool {
    use super::model_names::{is_size, words};
    let own = words(name);
    let Some((tuning, stem)) = own.split_last() else { return false };
    if !matches!(tuning.as_str(), "instruct" | "chat" | "it" | "inst") {
        return false;
    }
    let text = super::benchmarks::strip_markup(line);
    let said = words(&text);
    let plural = stem.iter().any(|w| is_size(w))
        && said.windows(stem.len() + 1).any(|run| run[..stem.len()] == *stem && run[stem.len()] == "models");
    // "We released the DeepSeek-V2" on DeepSeek-V2-Chat's card: the name without its tuning word,
    // when the line speaks of no base model and no dated news line names the model itself.
    let cut = name.rsplit_once(['-', '_']).map_or("", |(stem, _)| stem).to_ascii_lowercase();
    let base = said.iter().any(|w| matches!(w.as_str(), "base" | "pretrained" | "pretrain"));
    // (Right after the release word: "发布了与长文本相关的…技术解读 … GLM-4-9B" released a write-up.)
    let cut_words = words(&cut);
    let object = |at: usize| {
        let rest = said[at + 1..].iter().skip_while(|w| matches!(w.as_str(), "the" | "our" | "a" | "new"));
        rest.take(cut_words.len()).eq(cut_words.iter())
    };
    let news = |w: &String| matches!(w.as_str(), "released" | "release" | "releasing" | "sourced" | "introduce");
    let after_news = || (0..said.len()).any(|at| news(&said[at]) && object(at));
    let singular = || cut.len() >= 3 && !base && after_news() && !named_elsewhere(lines, name);
    (plural || singular()) && !super::mentions::names_unrelated_model(&text, name)
}

/// Whether a dated line other than line `skip` names the model's size ("2025/07/24: … about
/// `Kanana-1.5-15.7B-A3B` models"): then a line releasing the family without a size ("about
/// `Kanana 1.5` models", two months earlier) released the members of its day, not this one.
pub(super) fn size_dated_elsewhere(lines: &[&str], skip: usize, name: &str) -> bool {
    let sizes: Vec<&str> = name
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
        .filter(|t| t.len() > 1 && t.ends_with(['b', 'm', 't']) && t[..t.len() - 1].parse::<f64>().is_ok())
        .collect();
    let token = |line: &str, size: &str| {
        line.split(|c: char| !c.is_ascii_alphanumeric() && c != '.').any(|t| t.trim_end_matches('.') == size)
    };
    // (Link targets name nothing: "integrated into [Transformers](https://huggingface.co/org/foo-10b)".)
    let named = |line: &str| {
        let lower = line.to_ascii_lowercase();
        let lower = if lower.contains("](") { super::release_objects::blank_link_targets(&lower) } else { lower };
        sizes.iter().any(|s| token(&lower, s))
    };
    !sizes.is_empty()
        && lines
            .iter()
            .enumerate()
            .any(|(j, line)| j != skip && named(line) && super::dates::parse_date(line).is_some())
}

/// Whether a news line releases the model's family with its size among others ("We release
/// EXAONE 4.0, … including 32B and 1.2B" on EXAONE-4.0-32B's card): the name's words before its
/// size, in a run, then that size later in the line. Not when the line speaks of the other kind
/// of model ("base" on a tune's card, "chat" or "instruct" on a base's), nor of a later version.
pub(super) fn releases_family_sized(line: &str, name: &str) -> bool {
    use super::model_names::{is_size, words};
    const TUNED: &[&str] = &["instruct", "chat", "it", "sft", "rl", "dpo", "instruction"];
    let own = words(name);
    let Some(at) = own.iter().position(|w| is_size(w)) else { return false };
    let family = &own[..at];
    let said = words(line);
    let tuned = own.iter().any(|w| TUNED.contains(&w.as_str()));
    let other_kind = said.iter().any(|w| match tuned {
        true => matches!(w.as_str(), "base" | "pretrained" | "pretrain"),
        false => TUNED.contains(&w.as_str()),
    });
    if family.is_empty() || family.iter().map(|w| w.len()).sum::<usize>() < 4 || other_kind {
        return false;
    }
    // The name's words after its size ("instruct", "v6", "2507") are said too:
    // "Qwen3-235B-A22B-Thinking-2507" is another release of the family at that size. (The "a" of
    // an active count, "A23B", is said as "23B active"; "Instruct" as "instruction-tuned".)
    let rest = &own[at + 1..];
    // "the EXAONE 3.0 7.8B instruction-tuned model" is EXAONE-3.0-7.8B-Instruct.
    let same =
        |said: &String, own: &String| said == own || said == "instruction" && matches!(own.as_str(), "instruct" | "it");
    let rest_said = rest
        .iter()
        .enumerate()
        .all(|(i, w)| said.iter().any(|s| same(s, w)) || w == "a" && rest.get(i + 1).is_some_and(|next| is_size(next)));
    let number = |w: &String| w.chars().all(|c| c.is_ascii_digit());
    let run = said.windows(family.len()).position(|run| run == family);
    rest_said
        && run.is_some_and(|start| {
            let after = &said[start + family.len()..];
            match after.first() {
                // The name itself, or its family and size then nothing of another version: not
                // "XVERSE-65B-2" for XVERSE-65B, nor "Breeze-7B is v1.0" for Breeze-7B-Instruct-v0_1.
                Some(w) if *w == own[at] => match rest.is_empty() {
                    true => !after.get(1).is_some_and(number),
                    false => after.len() > rest.len() && after[1..].iter().zip(rest).all(|(s, o)| same(s, o)),
                },
                // "EXAONE 4.0" is no release of EXAONE 4.5; and with the size further on, the
                // line names no other model ("Pandalyst-7B … beats WizardCoder-13B").
                Some(w) => !number(w) && after.contains(&own[at]) && !names_other_model(line, name),
                None => false,
            }
        })
}

/// Whether `name` occurs in `line` as a whole word (not as `Yi-34B-200K` for `Yi-34B`), as
/// written or spaced otherwise ("German GPT-2" for german-gpt2: the same letters and digits in a
/// run of words).
pub(super) fn names_model(line: &str, name: &str) -> bool {
    // ("Yuan2.0-M32 released" names Yuan2-M32: a ".0" adds nothing.)
    names_in(line, name)
        || line.contains(".0") && !name.contains(".0") && names_in(&super::name_words::without_point_zero(line), name)
}

fn names_in(line: &str, name: &str) -> bool {
    let joins = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    // (Not a longer version, "Foo 1.5.1" for Foo-1.5, nor the name of a tune or a packing: "EXAONE
    // 3.0 7.8B instruction-tuned model" is no release of EXAONE-3.0-7.8B, "MiniCPM-Llama3-V 2.5
    // gguf" none of MiniCPM-Llama3-V-2_5.)
    let (name_tuned, name_packed) = (super::ids::looks_tuned(name), super::model_names::is_packed(name));
    let whole = |pos: usize, end: usize| {
        let after = &line[end..];
        let next_word = after.trim_start().split(|c: char| c.is_whitespace() || ",.;:)]".contains(c)).next();
        let other =
            |w: &str| !name_tuned && super::ids::looks_tuned(w) || !name_packed && super::model_names::is_packed(w);
        let tune = next_word.is_some_and(|w| !w.is_empty() && other(w));
        let longer = after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit());
        !line[..pos].chars().next_back().is_some_and(joins)
            && !after.chars().next().is_some_and(joins)
            && !longer
            && !tune
    };
    if line.match_indices(name).any(|(pos, _)| whole(pos, pos + name.len())) {
        return true;
    }
    let squashed: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    // Runs of words joined by single spaces, hyphens or underscores: each run's letters, where it starts.
    let words: Vec<(usize, &str)> = line
        .match_indices(|c: char| c.is_ascii_alphanumeric())
        .fold(Vec::<(usize, usize)>::new(), |mut spans, (i, _)| {
            match spans.last_mut() {
                Some(last) if last.1 == i => last.1 = i + 1,
                _ => spans.push((i, i + 1)),
            }
            spans
        })
        .into_iter()
        .map(|(s, e)| (s, &line[s..e]))
        .collect();
    (0..words.len()).any(|first| {
        let mut letters = String::new();
        for (k, (at, word)) in words[first..].iter().enumerate() {
            if k > 0 {
                let gap = &line[words[first + k - 1].0 + words[first + k - 1].1.len()..*at];
                // (Not a version's point: "MiniCPM-Llama3-V 2.5" names its technical report, its
                // GGUF copy and its comparisons in one news list; the hyphenated name must be written.)
                if !matches!(gap, " " | "-" | "_") {
                    return false;
                }
            }
            letters.push_str(word);
            if !squashed.starts_with(&letters) {
                return false;
            }
            if letters == squashed {
                return whole(words[first].0, at + word.len());
            }
        }
        false
    })
}

/// Whether a dated news line names the model itself (its own release, which a kind's line must not
/// outrank).
fn named_elsewhere(lines: &[&str], name: &str) -> bool {
    lines.iter().any(|l| {
        let lower = l.to_ascii_lowercase();
        names_model(&lower, name) && super::news_words::says_news(&lower) && super::dates::parse_date(l).is_some()
    })
}

/// A line that is only a date, in brackets or bold ("**[26 July 2023]**", "<strong>[2025/06/03]</strong>"):
/// every word a number or a month.
pub(super) fn date_alone(line: &str) -> bool {
    let bare = super::benchmarks::strip_markup(line);
    let month = |w: &str| super::dates::month(w).is_some();
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    let mut words = bare.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    super::dates::parse_date(&bare).is_some() && words.all(|w| month(w) || ordinal(w) && w.len() <= 6)
}
