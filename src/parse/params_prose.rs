//! Parameter counts in a card's sentences: "an 8.3 billion parameter model", "with 12B active
//! parameters and a total of 52B"; doubtful when the sentence may be about another model.

use super::params::{evidence, listed, nums, read_num, read_unit, Cand, Num, SizeForm};

// Words of sentences about other models, families or comparisons (`*`: a stem); with no size in
// the name, of tuned-from sentences too; and words before a size that make it a bound or another's.
const CUES: &str = "than vs versus competitive beat beats larger bigger smaller similar other others ranging range \
    previous predecessor teacher sizes such based upon models embedding embeddings excluding backbone compar* \
    outperform* surpass* rival* distill* upcycl* initiali* variant* version*";
const TUNED: &str = "tuned tuning finetuned finetuning obtained";
/// Words of model names that name no model on their own.
const GENERIC_NAME_WORDS: &str = "base chat instruct model models tuned preview beta alpha large small mini tiny \
    medium code coder math vision light lite mistral llama";
const BOUNDS: &str =
    "over more less fewer under within nearly almost least most exceeding beyond below above up to from than";

/// A sentence's sizes next to "parameters"; doubtful if it lists sizes, compares, names another
/// model or a sibling ("Phi-3-mini" in a Phi-3-medium card), or (no size in the name) not the family.
/// `named_before`: the paragraph named the model's family before this sentence, so a sentence
/// whose subject is "It" or "This model" is about it ("DBRX is a … LLM. It uses … 132B total
/// parameters of which 36B parameters are active").
pub(super) fn prose(s: &str, line: usize, id: &str, anchored: bool, named_before: bool, out: &mut Vec<Cand>) {
    // (Every count is written with digits, "62 亿" too: a sentence with none states none. Most do not.)
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    // "6.1B activated parameters (4.8B non-embedding)": a note on the count before it, no third count.
    let noted;
    let s = if s.contains("embedding") {
        noted = without_embedding_notes(s);
        noted.as_str()
    } else {
        s
    };
    let (lower, id, form) = (s.to_ascii_lowercase(), id.to_ascii_lowercase(), SizeForm::Prose);
    let short = id.rsplit('/').next().unwrap_or("");
    let family = family_word(&id);
    if !lower.contains("param") && super::params_chinese::may_state(s) {
        // "具有 62 亿参数" (6.2 billion parameters), "参数规模为 30B". Doubtful when the sentence
        // names another model, gives more than one such count, or another size ("CPM-Distill 是
        // 2.6B（26亿）参数 CPM-Large 模型蒸馏版本，参数量为 109M": the 109M is the distilled model's).
        let counts = super::params_chinese::counts(s);
        let other = nums(s).iter().any(|m| m.named && !names_own(&id, name_around(&lower, m)));
        if let [total] = counts.as_slice() {
            // (Not a count of tokens: "采用了2.5T Tokens进行预训练".)
            let tokens = |m: &Num| s[m.end..].trim_start_matches([' ', '*']).to_ascii_lowercase().starts_with("token");
            let apart = |m: &Num| !m.expert && !tokens(m) && (m.value as f64 / total.value as f64 - 1.0).abs() > 0.1;
            out.push(Cand {
                doubt: other || nums(s).iter().any(apart),
                evidence: evidence(s, total.at),
                total: Some(total.clone()),
                active: None,
                form,
                line,
            });
        }
        return;
    }
    if !lower.contains("param") {
        // "Reka Flash 3 is a 21B general-purpose reasoning model": a size said of this model.
        if let Some(total) = own_statement_size(s, &lower, short) {
            out.push(Cand {
                doubt: false,
                evidence: evidence(s, total.at),
                total: Some(total),
                active: None,
                form,
                line,
            });
        }
        return;
    }
    let found = nums(s);
    let pronoun = ["it ", "it's ", "it\u{2019}s ", "this model ", "the model "];
    // (Also after an opening phrase that names nothing: "Developed by Clibrain, it is a … model with 7B parameters".)
    let opening = |o: &str| o.split_whitespace().count() <= 6 && !o.contains(|c: char| c.is_ascii_digit());
    let clause = lower.trim_start().split_once(", ").filter(|(o, _)| opening(o)).map_or("", |(_, rest)| rest);
    // ("this 56B activated (560B total) parameter model": "this" and a count.)
    let this_count = |t: &str| t.strip_prefix("this ").is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    let named_before = named_before
        && (pronoun.iter().any(|p| lower.trim_start().starts_with(p) || clause.starts_with(p))
            || this_count(lower.trim_start())
            || this_count(clause));
    let first = family.as_str();
    let kin = |w: &str| first.len() > 1 && w.contains('-') && w.split(['-', '_', '.']).next() == Some(first);
    // (Not the words of a link's address: "[deepseek-coder-6.7b-base](https://huggingface.co/deepseek-ai/…)"
    // names no sibling "deepseek-ai".)
    let plain = super::release_objects::blank_link_targets(&lower);
    let mut names = plain.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)));
    let sibling = names.any(|w| kin(w) && !squash(short).starts_with(&squash(w)));
    let own_words = own_name_words(&id);
    let other = found.iter().any(|m| {
        m.named && !names_own(&id, name_around(&lower, m)) && !own_alias(&lower, m, &own_words)
            || apposed_to_other(&lower[..m.at], &own_words)
            || super::params_statements::linked_other_repo(&lower[..m.at], &id)
            || super::params_statements::in_link_to_other(&lower, m.at, &id)
    });
    let unnamed = !anchored
        && !named_before
        && !id.is_empty()
        && !names_own_word(&lower, &own_words)
        && own_subject(&lower, short).is_none();
    // ("Transformer-based" describes the architecture; "based on" names a base model.)
    let cue = words(&lower.replace("-based", "")).any(|w| listed(CUES, w) || (!anchored && listed(TUNED, w)));
    let (mut totals, mut actives) = (Vec::new(), Vec::new());
    let found: Vec<Num> = found.into_iter().filter(|m| !m.named && !range_end(s, m.at)).collect();
    let mut roles: Vec<Option<bool>> = found.iter().map(|m| role(&lower[..m.at], &lower[m.end..])).collect();
    // A size listed before a total ("with 90M, 2.7B and 9.4B parameter neural models") is a total
    // too: each of the list's sizes is one (and the list makes every one doubtful).
    for i in (0..found.len().saturating_sub(1)).rev() {
        if roles[i].is_none()
            && roles[i + 1] == Some(false)
            && lower.get(found[i].end..found[i + 1].at).is_some_and(list_gap)
        {
            roles[i] = Some(false);
        }
    }
    for (m, role) in found.into_iter().zip(roles) {
        let Some(active) = role else { continue };
        (if active { &mut actives } else { &mut totals }).push(m);
    }
    let many = |v: &[Num]| v.iter().any(|m| m.value != v[0].value);
    let backwards = totals.first().zip(actives.first()).is_some_and(|(t, a)| a.value >= t.value);
    let doubt = other || sibling || unnamed || cue || many(&totals) || many(&actives) || backwards || lists_sizes(s);
    // "`x-3b` is a 2.7B parameter model tuned from `x-base-3b`": this model is the subject, so the
    // size up to "parameter" is its own, whatever other models the rest names.
    // A cue word after the statement ("the 355M parameter version of GPT-2") only when the size
    // follows "is a" closely: not "DistilGPT2 is an English-language model pre-trained with the
    // supervision of the 124 million parameter version of GPT-2".
    let max_words = if other || sibling { usize::MAX } else { 5 };
    // Otherwise, with a doubt, the part of the sentence that is about the model alone, when one is:
    // - "Compared to other reasoning models, Seed-Thinking-v1.5 is a … model … featuring 20B
    //   activated and 200B total parameters": the main clause, whose subject is the model;
    // - "… we are open-sourcing the third MoE LLM: Ling-flash-2.0, a language model with 100B total
    //   parameters …": the apposition to the model's own name;
    // - "It has 14.3B parameters in total and 2.7B activated parameters during runtime, while
    //   achieving comparable performance to `Qwen1.5-7B`": with the model as its subject, the
    //   clause that gives the counts.
    let part = (other || sibling || cue)
        .then(|| {
            let to = |end: usize| (end < s.len()).then_some((0, end));
            let from = |start: usize| (start > 0).then_some((start, s.len()));
            own_statement_end(&lower, short, max_words)
                .and_then(to)
                .or_else(|| own_subject_at(&lower, short).and_then(|(at, _)| from(at)))
                .or_else(|| own_apposition(&lower, short).filter(|(at, end)| *at > 0 || *end < s.len()))
                .or_else(|| named_before.then(|| counts_clause_end(&lower)).flatten().and_then(to))
        })
        .flatten();
    // (A part cut at its end keeps the sentence's subject; one cut at its start opens with the name.)
    if let Some((start, end)) = part {
        return prose(&s[start..end], line, &id, anchored, start == 0 && named_before, out);
    }
    // (A doubtful statement of one total and one active count keeps both: agreeing with a sure one,
    // it may state it finer.)
    let pair = (doubt && totals.len() == 1 && actives.len() == 1).then(|| actives[0].clone());
    let (total, active) = if doubt { (None, None) } else { (totals.first().cloned(), actives.into_iter().next()) };
    for t in totals.into_iter().filter(|_| doubt) {
        out.push(Cand { doubt, evidence: evidence(s, t.at), total: Some(t), active: pair.clone(), form, line });
    }
    if let Some(at) = total.as_ref().or(active.as_ref()).map(|m| m.at) {
        out.push(Cand { doubt, total, active, form, line, evidence: evidence(s, at) });
    }
}

/// Where the first clause that says "param…" ends: the first ", ", "; " or " while " after it.
fn counts_clause_end(lower: &str) -> Option<usize> {
    let p = lower.find("param")?;
    [", ", "; ", " while "].iter().filter_map(|b| lower[p..].find(b)).min().map(|k| p + k)
}

/// `s` without parentheses that qualify a count by its embeddings ("(4.8B non-embedding)",
/// "(5.1B with embeddings)").
fn without_embedding_notes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        if !rest[open..close].contains("embedding") {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Where a sentence whose subject is this model ("The `x-3b` is a …") ends its size statement:
/// after the first "param…" word following " is a"/" is an", at most `max_words` words on.
fn own_statement_end(lower: &str, short: &str, max_words: usize) -> Option<usize> {
    let k = own_subject(lower, short)?;
    let p = k + lower[k..].find("param")?;
    if lower[k..p].split_whitespace().count() > max_words {
        return None;
    }
    Some(p + lower[p..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(lower.len() - p))
}

/// The distinctive words of a model's name, lower-case: its first ("jamba") and any other that is
/// no generic one ("arctic" of snowflake-arctic-base, not "base"). Computed once a card.
pub(super) fn own_name_words(id: &str) -> Vec<String> {
    let (short, first) = (id.rsplit('/').next().unwrap_or(""), family_word(id));
    let own = |w: &str| {
        w.len() > 1 && w == first
            || w.len() >= 4 && w.chars().all(|c| c.is_ascii_alphabetic()) && !listed(GENERIC_NAME_WORDS, w)
    };
    words(&short.to_ascii_lowercase()).filter(|w| own(w)).map(str::to_owned).collect()
}

/// Whether a lower-case sentence names the model by one of its [`own_name_words`] ("Arctic uses …").
pub(super) fn names_own_word(lower: &str, own: &[String]) -> bool {
    !own.is_empty() && words(lower).any(|w| own.iter().any(|n| n == w))
}

/// The first word of a repo name ("jamba" of ai21labs/Jamba-v0.1), lower-case.
pub(super) fn family_word(id: &str) -> String {
    let short = id.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    short.split(['-', '_', '.']).next().unwrap_or("").to_owned()
}

/// The one size between "<this model> is a" and "model" ("Reka Flash 3 is a 21B general-purpose
/// reasoning model"), when the sentence's subject is the model's own name.
fn own_statement_size(s: &str, lower: &str, short: &str) -> Option<Num> {
    // (Or the name apposed: "We introduce SFR-RAG, a 9B LLM trained …".)
    let apposed = || own_apposition(lower, short).map(|(at, _)| at + short.len());
    let k = own_subject(lower, short).or_else(apposed)?;
    let rest: Vec<&str> = lower[k..].split_whitespace().take(8).collect();
    let noun = |w: &&str| matches!(w.trim_matches(|c: char| !c.is_ascii_alphabetic()), "model" | "llm");
    let model = rest.iter().position(noun)?;
    let end = k + lower[k..].find(rest[model])?;
    // After "This is", only "a 1.8B model": in "This is an instruction fine-tuned llama 30b model"
    // the size is the base's name.
    let this = lower.trim_start().starts_with("this ");
    let article = |at: usize| matches!(lower[..at].split_whitespace().next_back(), Some("a" | "an" | "the"));
    // (Sizes after the subject only: "`replit-code-v1-3b` is a 2.7B … Model" names its own.)
    let said: Vec<Num> = nums(&s[..end]).into_iter().filter(|m| m.at > k).collect();
    match said.as_slice() {
        [one] if !one.named && !one.expert && (!this || article(one.at)) => Some(one.clone()),
        _ => None,
    }
}

/// Where " is a"/" is an"/" is the" follows a subject that is the model's own name ("The `x-3b`
/// is a …", "Go-Bruins is the SOTA 7B model").
fn own_subject(lower: &str, short: &str) -> Option<usize> {
    own_subject_at(lower, short).map(|(_, k)| k)
}

/// [`own_subject`], with where the subject starts: after a template's label ("**Model
/// Description:** GPT-2 Medium is the 355M parameter …") or an opening phrase ("Compared to other
/// reasoning models, Seed-Thinking-v1.5 is a … model").
fn own_subject_at(lower: &str, short: &str) -> Option<(usize, usize)> {
    let k = [" is a ", " is an ", " is the "].iter().filter_map(|p| lower.find(p)).min()?;
    let said_at = lower[..k].rfind([':', ',']).map_or(0, |i| i + 1);
    let said = &lower[said_at..k];
    let subject = said.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let start = said_at + said.len() - subject.len();
    let subject = subject.strip_prefix("the ").unwrap_or(subject);
    // "This is a 1.8B model trained on …", "This model is a 7B …": the card speaking of its own.
    let this = matches!(subject, "this" | "this model");
    // "Code World Model (CWM) is a …": the name written out, then the repo's name in parentheses.
    let spelled_out = |s: &str| s.strip_suffix(')').and_then(|s| s.rsplit_once(" (")).map(|(_, inner)| squash(inner));
    let own = |s: &str| squash(s) == squash(short) || spelled_out(s).is_some_and(|i| i == squash(short));
    (!short.is_empty() && (this || own(subject))).then_some((start, k))
}

/// The part of a sentence from the model's own name followed by ", a"/", an" ("Ling-flash-2.0**, a
/// language model with …"), or its relative clause alone ("DistilGPT2, which has 82 million parameters,").
fn own_apposition(lower: &str, short: &str) -> Option<(usize, usize)> {
    // (The name with "-" for its "_" or the other way round: "Xmodel-LM, a 1.1B …" of Xmodel_LM.)
    let (dashed, underscored) = (short.replace('_', "-"), short.replace('-', "_"));
    let other = [dashed.as_str(), underscored.as_str()].into_iter().filter(|s| *s != short);
    let (at, rest) = std::iter::once(short)
        .chain(other)
        .flat_map(|name| lower.match_indices(name))
        .map(|(at, _)| (at, lower[at + short.len()..].trim_start_matches(['*', '_', '`'])))
        .find(|(_, rest)| {
            !short.is_empty()
                && (rest.starts_with(", a ") || rest.starts_with(", an ") || rest.starts_with(", which has "))
        })?;
    let end = rest.strip_prefix(", which has ").and_then(|r| r.find(',')).map(|e| lower.len() - rest.len() + 12 + e);
    Some((at, end.unwrap_or(lower.len())))
}

/// Whether the size right after `before` is said of a name apposed to it that is not the model's:
/// "the results of GPT-J, a 6B parameter model" (on OpenLLaMA 3B's card). Not "our model, a 7B …".
fn apposed_to_other(before: &str, own: &[String]) -> bool {
    let before = before.trim_end();
    let Some(named) = before.strip_suffix(", a").or_else(|| before.strip_suffix(", an")) else { return false };
    let name = named.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let name = name.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let model_like = name.chars().any(|c| c.is_ascii_digit()) || name.contains('-');
    model_like && !own.iter().any(|w| words(name).any(|n| n == w))
}

/// Whether the name a size is part of is, in parentheses, another name of the model just named:
/// "Hunyuan-Large (Hunyuan-MoE-A52B) … a total of 389 billion parameters".
fn own_alias(lower: &str, m: &Num, own: &[String]) -> bool {
    let name = name_around(lower, m);
    let Some(at) = lower.find(name) else { return false };
    let before = lower[..at].strip_suffix('(').map(str::trim_end);
    let named = before.and_then(|b| b.rsplit(char::is_whitespace).next()).unwrap_or("");
    !named.is_empty() && own.iter().any(|w| words(named).any(|n| n == w))
}

/// Whether `name`, a name holding a size ("mixtral-8x7b"), is this model's: the id holds it and adds
/// only its owner's words, words of kind or format, versions and stamps ("TheBloke/Mixtral-8x7B-
/// Instruct-v0.1-GPTQ"). Not when the id adds a word of its own: on Chinese-Mixtral-8x7B's card
/// (a larger vocabulary), "Mixtral-8x7B 模型参数量为46.7B" is the original's count.
fn names_own(id: &str, name: &str) -> bool {
    let (owner, short) = id.rsplit_once('/').unwrap_or(("", id));
    let Some(at) = short.find(name).filter(|_| !name.is_empty()) else { return id.contains(name) };
    let rest = format!("{} {}", &short[..at], &short[at + name.len()..]);
    let version = |w: &str| w.trim_start_matches('v').chars().all(|c| c.is_ascii_digit());
    let owners: Vec<&str> = words(owner).collect();
    let own = words(&rest).all(|w| {
        version(w)
            || owners.contains(&w)
            || super::model_names::is_kind_or_format(w)
            || super::model_names::GENERIC.contains(&w)
            || super::release_stamps::is_release_stamp(w)
    });
    own
}

fn squash(w: &str) -> String {
    w.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// The name a size is part of ("octopus-v4-3b" around the "3b" of "Octopus-V4-3B").
fn name_around<'a>(lower: &'a str, m: &Num) -> &'a str {
    let (b, ok) = (lower.as_bytes(), |c: &&u8| c.is_ascii_alphanumeric() || b"-_.".contains(c));
    let from = m.at - b[..m.at].iter().rev().take_while(ok).count();
    lower[from..m.end + b[m.end..].iter().take_while(ok).count()].trim_matches(['.', '-', '_'])
}

fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty())
}

/// Active (`Some(true)`) or total, from the words around: "7B parameters", "of which 21B are activated".
fn role(before: &str, after: &str) -> Option<bool> {
    let next: Vec<&str> = words(after).take(5).collect();
    let prev: Vec<&str> = words(before).rev().take(4).collect();
    // "per token", "per input token": active; "7B parameters each", "per expert": one expert's size.
    let token =
        |k: usize| next.get(k) == Some(&"token") || next.get(k) == Some(&"input") && next.get(k + 1) == Some(&"token");
    let per = next.iter().position(|w| *w == "each" || *w == "per").map(|k| token(k + 1));
    let act = |w: &&str| w.starts_with("activ");
    match next.first().copied() {
        _ if per == Some(false) || prev.iter().any(|w| listed(BOUNDS, w)) => None,
        // "36B parameters are active on any input"
        Some(w)
            if w.starts_with("param")
                && matches!(next.get(1), Some(&"are" | &"is"))
                && next.get(2).is_some_and(act) =>
        {
            Some(true)
        }
        Some(w) if w.starts_with("param") => Some(per.is_some() || prev.iter().take(2).any(act)),
        // "6 706 958 336 free parameters" (not "trainable": a LoRA's adapter count)
        Some("free") if next.get(1).is_some_and(|w| w.starts_with("param")) => Some(false),
        Some(w) if act(&w) => Some(true),
        Some("total") => Some(false),
        Some("in") if next.get(1) == Some(&"total") => Some(false),
        Some("are" | "is") if next.get(1).is_some_and(act) => Some(true),
        _ => None,
    }
}

/// "0.5 to 72 billion", "7B, 13B and 70B", "13B-33B": two numbers joined by nothing but a
/// connector (a year is no size: "December 12, 2023", "2024-04-18").
fn lists_sizes(s: &str) -> bool {
    let b = s.as_bytes();
    let year = |k: usize| read_num(s, k).is_some_and(|(v, .., e)| e - k == 4 && (1900.0..2100.0).contains(&v));
    (0..b.len()).any(|i| {
        let starts = (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b".-_,".contains(&b[i - 1]))) && !year(i);
        let Some((.., j)) = read_num(s, i).filter(|_| starts) else { return false };
        let rest = s[read_unit(s, j).map_or(j, |(_, e)| e)..].trim_start_matches([' ', '*']);
        let joined = ["and ", "or ", "to ", ",", "-", "–", "—", "/", "~"].iter().find_map(|c| rest.strip_prefix(c));
        let next = joined.map(|r| r.trim_start_matches([' ', '*'])).filter(|r| r.starts_with(char::is_numeric));
        next.is_some_and(|r| !year(s.len() - r.len()) && !active_range(s, s.len() - r.len()))
    })
}

/// Whether the text between two sizes only joins them in a list: ", ", " and ", ", and ", " or ".
fn list_gap(gap: &str) -> bool {
    let gap = gap.trim_matches([' ', '*']);
    [",", "and", "or", ", and", ", or"].contains(&gap)
}

/// Whether the number at byte `at` ends a range of active counts ("3.14–3.28 B active parameters
/// per token"): the active count varies, which lists no sizes of a family and states no count.
fn active_range(s: &str, at: usize) -> bool {
    let Some((.., j)) = read_num(s, at) else { return false };
    let rest = s[read_unit(s, j).map_or(j, |(_, e)| e)..].trim_start_matches([' ', '*']).to_ascii_lowercase();
    rest.starts_with("active")
}

/// Whether the number at byte `at` ends a range ("3.14–3.28 B"): no count of its own.
fn range_end(s: &str, at: usize) -> bool {
    let before = s[..at].trim_end_matches([' ', '*']);
    let joined = ["–", "—", "-", "~", " to"].iter().find_map(|j| before.strip_suffix(j));
    joined.is_some_and(|b| b.trim_end_matches([' ', '*']).ends_with(|c: char| c.is_ascii_digit()))
}
