//! Parameter counts in a card's sentences: "an 8.3 billion parameter model", "with 12B active
//! parameters and a total of 52B"; doubtful when the sentence may be about another model.

use super::params::{evidence, listed, nums, read_num, read_unit, Cand, Num, SizeForm};

// Words of sentences about other models, families or comparisons (`*`: a stem); with no size in
// the name, of tuned-from sentences too; and words before a size that make it a bound or another's.
const CUES: &str = "than vs versus competitive beat beats larger bigger smaller similar other others ranging range \
    previous predecessor teacher sizes such based upon models embedding embeddings excluding backbone compar* \
    outperform* surpass* rival* distill* upcycl* initiali* variant* version*";
const TUNED: &str = "tuned tuning finetuned finetuning obtained";
const BOUNDS: &str = "over more less fewer under nearly almost least most exceeding beyond below above up to from than";

/// A sentence's sizes next to "parameters"; doubtful if it lists sizes, compares, names another
/// model or a sibling ("Phi-3-mini" in a Phi-3-medium card), or (no size in the name) not the family.
/// `named_before`: the paragraph named the model's family before this sentence, so a sentence
/// whose subject is "It" or "This model" is about it ("DBRX is a … LLM. It uses … 132B total
/// parameters of which 36B parameters are active").
pub(super) fn prose(s: &str, line: usize, id: &str, anchored: bool, named_before: bool, out: &mut Vec<Cand>) {
    let (lower, id, form) = (s.to_ascii_lowercase(), id.to_ascii_lowercase(), SizeForm::Prose);
    let short = id.rsplit('/').next().unwrap_or("");
    let family = family_word(&id);
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
    let named_before = named_before && pronoun.iter().any(|p| lower.trim_start().starts_with(p));
    let first = family.as_str();
    let kin = |w: &str| first.len() > 1 && w.contains('-') && w.split(['-', '_', '.']).next() == Some(first);
    let mut names = lower.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)));
    let sibling = names.any(|w| kin(w) && !squash(short).starts_with(&squash(w)));
    let other = found.iter().any(|m| m.named && !id.contains(name_around(&lower, m)));
    let unnamed = !anchored && !named_before && !id.is_empty() && !words(&lower).any(|w| w == first);
    let cue = words(&lower).any(|w| listed(CUES, w) || (!anchored && listed(TUNED, w)));
    let (mut totals, mut actives) = (Vec::new(), Vec::new());
    for m in found.into_iter().filter(|m| !m.named) {
        let Some(active) = role(&lower[..m.at], &lower[m.end..]) else { continue };
        (if active { &mut actives } else { &mut totals }).push(m);
    }
    let many = |v: &[Num]| v.iter().any(|m| m.value != v[0].value);
    let backwards = totals.first().zip(actives.first()).is_some_and(|(t, a)| a.value >= t.value);
    let doubt = other || sibling || unnamed || cue || many(&totals) || many(&actives) || backwards || lists_sizes(s);
    // "`x-3b` is a 2.7B parameter model tuned from `x-base-3b`": this model is the subject, so the
    // size up to "parameter" is its own, whatever other models the rest names.
    if let Some(end) = own_statement_end(&lower, short).filter(|e| (other || sibling) && *e < s.len()) {
        return prose(&s[..end], line, &id, anchored, false, out);
    }
    let (total, active) = if doubt { (None, None) } else { (totals.first().cloned(), actives.into_iter().next()) };
    for t in totals.into_iter().filter(|_| doubt) {
        out.push(Cand { doubt, evidence: evidence(s, t.at), total: Some(t), active: None, form, line });
    }
    if let Some(at) = total.as_ref().or(active.as_ref()).map(|m| m.at) {
        out.push(Cand { doubt, total, active, form, line, evidence: evidence(s, at) });
    }
}

/// Where a sentence whose subject is this model ("The `x-3b` is a …") ends its size statement:
/// after the first "param…" word following " is a"/" is an".
fn own_statement_end(lower: &str, short: &str) -> Option<usize> {
    let k = own_subject(lower, short)?;
    let p = k + lower[k..].find("param")?;
    Some(p + lower[p..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(lower.len() - p))
}

/// The first word of a repo name ("jamba" of ai21labs/Jamba-v0.1), lower-case.
pub(super) fn family_word(id: &str) -> String {
    let short = id.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    short.split(['-', '_', '.']).next().unwrap_or("").to_owned()
}

/// The one size between "<this model> is a" and "model" ("Reka Flash 3 is a 21B general-purpose
/// reasoning model"), when the sentence's subject is the model's own name.
fn own_statement_size(s: &str, lower: &str, short: &str) -> Option<Num> {
    let k = own_subject(lower, short)?;
    let rest: Vec<&str> = lower[k..].split_whitespace().take(8).collect();
    let model = rest.iter().position(|w| w.trim_matches(|c: char| !c.is_ascii_alphabetic()) == "model")?;
    let end = k + lower[k..].find(rest[model])?;
    match nums(&s[..end]).as_slice() {
        [one] if one.at > k && !one.named && !one.expert => Some(one.clone()),
        _ => None,
    }
}

/// Where " is a"/" is an" follows a subject that is the model's own name ("The `x-3b` is a …").
fn own_subject(lower: &str, short: &str) -> Option<usize> {
    let k = lower.find(" is a ").or_else(|| lower.find(" is an "))?;
    let subject = lower[..k].trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let subject = subject.strip_prefix("the ").unwrap_or(subject);
    (!short.is_empty() && squash(subject) == squash(short)).then_some(k)
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
    // "per token": active; "7B parameters each", "per expert": one expert's size.
    let per = next.iter().position(|w| *w == "each" || *w == "per").map(|k| next.get(k + 1) == Some(&"token"));
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
        next.is_some_and(|r| !year(s.len() - r.len()))
    })
}
