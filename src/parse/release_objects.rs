//! What a news line releases when it is not the model itself: a paper, code, a port of the
//! model, another model built on it ("Building on … Foo v4, we introduce Foo-Guard"), or files of
//! the model's repository; and whether a family's release names a model outside the family.

use super::release_news::names_model;

/// Whether the model is named only in an opening phrase that says what the released thing builds
/// on ("Building on … SEA-LION v4, we are proud to introduce … SEA-Guard"): the release is another's.
pub(super) fn built_on(lower: &str, at: usize, name: &str) -> bool {
    let before = &lower[..at];
    let Some(on) = ["building on", "built on", "based on", "building upon", "built upon"]
        .iter()
        .filter_map(|w| before.rfind(w))
        .max()
    else {
        return false;
    };
    // The phrase ends at its comma; the model named there and not in the release's own sentence.
    let phrase_end = before[on..].find(", ").map_or(at, |e| on + e);
    let sentence_end = lower[at..].find(". ").map_or(lower.len(), |e| at + e);
    names_model(&lower[on..phrase_end], name) && !names_model(&lower[at..sentence_end], name)
}

/// Whether the model is named in the release (after the news word at `at`) only as what the released
/// thing was made from ("发布基于Chinese-Mixtral-8x7B指令微调的模型：活字 3.0", "released a chat model
/// fine-tuned from Foo-7B"): the release is another model's.
pub(super) fn released_on_it(lower: &str, at: usize, name: &str) -> bool {
    const FROM: &[&str] = &["based on ", "built on ", "fine-tuned from ", "finetuned from ", "基于", "基於"];
    let line = &lower[at..];
    let mut rest = line.to_owned();
    let mut found = false;
    for marker in FROM {
        for (pos, _) in line.match_indices(marker) {
            let start = pos + marker.len();
            let tail = line[start..].trim_start_matches(['[', '*', '`', ' ']);
            // The name run: letters, digits and the marks names are made of, up to anything else.
            let len = tail.find(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c))).unwrap_or(tail.len());
            if len > 0 && names_model(&tail[..len], name) {
                found = true;
                let from = line.len() - tail.len();
                rest.replace_range(from..from + len, &" ".repeat(len));
            }
        }
    }
    found && !names_model(&rest, name)
}

/// A line without the URLs that point into a repository (".../Hyper-SD/tree/main/comfyui",
/// ".../LivePortrait/blob/main/…/changelog.md"): a file of the model's repo does not name the
/// model as the thing released. A URL that ends at the repository still does.
pub(super) fn without_file_links(lower: &str) -> String {
    lower
        .split_inclusive(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .map(|piece| {
            let url = piece.trim_end_matches(|c: char| c.is_whitespace() || c == '(' || c == ')');
            let deep = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"))
                .is_some_and(|rest| rest.trim_end_matches('/').split('/').filter(|s| !s.is_empty()).count() > 3);
            if deep {
                &piece[url.len()..]
            } else {
                piece
            }
        })
        .collect()
}

/// What a release names, when it is no model: "ComfyUI workflows … are released", "We released
/// a new paper", "extended features released on October 2024", "Version 1.1 was released in
/// Jan 2024" (a version the model's name does not carry). `at` is where the news word starts
/// in `lower`; the clause before it is its subject, a few words after it its object.
pub(super) fn releases_no_model(lower: &str, at: usize, name: &str) -> bool {
    const THINGS: &[&str] = &[
        "paper", "report", "arxiv", "dataset", "blog", "workflow", "feature", "demo", "script", "notebook", "tutorial",
        "code",
    ];
    const MODELS: &[&str] = &["model", "weight", "checkpoint"];
    // (Separators inside a link's target, "https:", do not count.)
    let before = &blank_link_targets(&lower[..at]);
    let clause_start = [before.rfind([';', '!', '?', ',', ':']), before.rfind(". ")].into_iter().flatten().max();
    let start = clause_start.max(before.rfind(" and ")).map_or(0, |p| p + 1);
    // (Link targets and HTML tags are no words: "<code>Yi-9B</code>" says no "code".)
    let word = |w: &str| w.split("](").next().unwrap_or(w).replace("<code>", "").replace("</code>", "");
    let subject: Vec<String> = lower[start..at].split_whitespace().map(word).collect();
    // The whole subject when "and" joins two things released together ("The Foo model and a
    // dataset are now available"), not two clauses ("uploaded the paper and open-sourced Foo").
    let whole: Vec<String> = lower[clause_start.map_or(0, |p| p + 1)..at].split_whitespace().map(word).collect();
    let after = &lower[at..];
    let sentence = &after[..after.find(". ").unwrap_or(after.len())];
    let clause = &sentence[..sentence.find([',', ';', '!', '?']).unwrap_or(sentence.len())];
    let object: Vec<String> = clause.split_whitespace().skip(1).take(8).map(word).collect();
    let rest: Vec<String> = sentence.split_whitespace().map(word).collect();
    let mentions = |words: &[String], list: &[&str]| words.iter().any(|w| list.iter().any(|t| w.contains(t)));
    // (A thing is a word of its own, maybe plural: "code", "codes", not the "code" of "DiffCoder".)
    let names_thing = |words: &[String]| {
        let tokens = words.iter().flat_map(|w| w.split(|c: char| !c.is_ascii_alphanumeric()));
        tokens.into_iter().any(|t| THINGS.iter().any(|x| t == *x || t.strip_suffix('s') == Some(x)))
    };
    let is_name = |words: &[String]| names_model(&words.join(" "), name);
    let thing = |words: &[String]| names_thing(words) && !mentions(words, MODELS);
    // "version 1.1" (or "v1.1") as the subject: another version than the name's. Not a first one
    // ("DISC-LawLLM v1.0") on a name with no version: an unversioned repository is the first release.
    let unversioned = !super::model_names::words(name).iter().any(|w| w == "v");
    let version = subject.iter().enumerate().any(|(k, w)| {
        let number = if w == "version" { subject.get(k + 1).map(String::as_str) } else { w.strip_prefix('v') };
        number.is_some_and(|n| {
            let n = n.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let first = n.trim_end_matches(".0") == "1";
            n.starts_with(|c: char| c.is_ascii_digit()) && !name.contains(n) && !(first && unversioned)
        })
    });
    // The object's first noun that says: "a new paper documenting FooNER" releases a paper;
    // "FooNER and its paper" the model, and so does "the inference code and models" (a model word
    // anywhere in it).
    let first_said = object.iter().find_map(|w| {
        let one = std::slice::from_ref(w);
        if mentions(one, MODELS) || is_name(one) {
            Some(false)
        } else {
            names_thing(one).then_some(true)
        }
    });
    let of_things = first_said == Some(true) && !mentions(&rest, MODELS) && !mentions(&subject, MODELS);
    let of_things = of_things || possessed_thing(after, name);
    // "We release the FasterTransformer version of CodeGeeX": a port of the model to a runtime or a
    // format (a quantized copy's words, "4-bit"), released later (not "re-trained version of our German
    // GPT-2 model").
    const RUNTIMES: &[&str] = &["fastertransformer", "tensorrt", "openvino", "mindspore", "paddle", "accelerated"];
    let ported = |w: &str| RUNTIMES.contains(&w) || super::model_names::PACKING.contains(&w.replace('-', "").as_str());
    let port = object.windows(3).any(|w| ported(&w[0]) && w[1] == "version" && w[2] == "of");
    let joined_with_model = whole.len() > subject.len() && (mentions(&whole, MODELS) || is_name(&whole));
    thing(&subject) && !joined_with_model || of_things || version || port
}

/// Whether a release written in Chinese names the model only as the owner of a thing it releases
/// ("发布了Steel-LLM微调和评估的细节": the details of its fine-tuning and evaluation), not its weights
/// ("发布了Foo-7B的模型权重" is the model's release).
fn possessed_thing(after: &str, name: &str) -> bool {
    const THINGS: &[&str] = &["细节", "博客", "论文", "报告", "代码", "数据", "教程", "文章", "演示", "解读"];
    const MODELS: &[&str] = &["模型", "权重", "checkpoint"];
    let clause = &after[..after.find(['，', '。', '；', '！', '？', '\n']).unwrap_or(after.len())];
    let Some(named) = clause.find(name) else { return false };
    let Some(of) = clause[named + name.len()..].find('的') else { return false };
    let owned = &clause[named + name.len() + of..];
    THINGS.iter().any(|t| owned.contains(t)) && !MODELS.iter().any(|m| owned.contains(m))
}

/// Whether a sentence releasing the family ("[Falcon-H1 series](…/collections/…) is finally out")
/// names a model outside it, link targets aside: the family's name is no other model.
pub(super) fn about_another_family(sentence: &str, name: &str) -> bool {
    super::mentions::names_unrelated_model(&blank_link_targets(&sentence.to_ascii_lowercase()), name)
}

/// `text` with the target of every markdown link ("](https://…)") blanked to spaces, byte for byte.
pub(super) fn blank_link_targets(text: &str) -> String {
    blank_targets(text, "](")
}

/// `text` with the targets of the links that `opener` opens ("](" every link, "](#" in-page ones)
/// blanked to spaces, byte for byte: everything after the "](" up to the closing ")".
pub(super) fn blank_targets(text: &str, opener: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(opener) {
        let close = rest[open..].find(')').map_or(rest.len(), |c| open + c);
        let target = open + "](".len();
        out.push_str(&rest[..target]);
        out.extend(rest[target..close].bytes().map(|_| ' '));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Lines about other dates.
const NOT_RELEASE: &[&str] =
    // (In Chinese: 截至/截止 "as of", 许可证 "licence": "2024年12月25日 … 开源许可证变更" changes a licence.)
    &[
        "cutoff",
        "cut-off",
        "trained between",
        // ("**Model date:** LLaVA-v1.5-7B was trained in September 2023": a training date.)
        "was trained in",
        "data freshness",
        "previous version",
        "knowledge",
        "截至",
        "截止",
        "许可证",
    ];

/// Whether a (lower-case) line is about another date than a release ([`NOT_RELEASE`]). A
/// comparison ("enhancements over the previous version") says nothing of the previous version's date.
pub(super) fn about_other_dates(lower: &str) -> bool {
    let compared = |w: &str| {
        w == "previous version" && (lower.contains("over the previous") || lower.contains("than the previous"))
    };
    static FINDERS: std::sync::OnceLock<super::news_words::Searchers> = std::sync::OnceLock::new();
    let finders = super::news_words::searchers(&FINDERS, NOT_RELEASE);
    finders.iter().any(|(w, f)| f.find(lower.as_bytes()).is_some() && !compared(w))
}
