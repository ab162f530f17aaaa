//! Every statement of a parameter count in a card, as candidates for [`super::params`] to
//! choose from: prose sentences (also one wrapped across two lines of a paragraph), `key: value`
//! lines, markdown and HTML tables; outside front matter and code blocks.

use super::params::{evidence, Cand, SizeForm, SizeText};
use super::params_prose::prose;
use super::params_table::{key_role, keyed_num, table};
use super::tables::Table;

/// Every statement of a size in a card, outside front matter and code blocks.
pub(super) fn candidates(md: &str, tables: &[Table], id: &str, name: Option<&SizeText>) -> Vec<Cand> {
    let (mut out, mut block, mut code, mut front) = (Vec::new(), Vec::new(), false, md.starts_with("---"));
    let mut named_before = false;
    let own_words = super::params_prose::own_name_words(id);
    let short = id.rsplit('/').next().unwrap_or(id).to_ascii_lowercase();
    // A list under a line about another model ("For MiniMax-VL-01, the additional ViT …:" over
    // "- Total Parameters: 303M"): its facts are that model's. (Looked at only for a fact found.)
    let mut lead = "";
    // Counts a list gives as a fact of its own ("* 65 billion parameter LLM"): taken when one alone.
    // (And where a pasted card's section, "## Original model card", holds another model's facts.)
    let (mut listed, mut pasted) = (Vec::new(), super::mentions::PastedSection::default());
    let lines: Vec<&str> = md.lines().collect();
    // A paragraph's lines are read as one line, as a reader sees it: a sentence hard-wrapped over
    // lines ("… resulting in 480B" over "total and 17B active parameters …") is one sentence.
    let continues = super::card_text::paragraph_continuations(&lines, true);
    let paragraphs = super::card_text::joined_lines(&lines, &continues);
    for (i, &line) in lines.iter().enumerate() {
        if continues[i] {
            continue;
        }
        let t = paragraphs[i].trim();
        let wrapped = matches!(paragraphs[i], std::borrow::Cow::Owned(_));
        let found_before = out.len();
        let item = super::card_text::list_item_text(t);
        pasted.see(t);
        if let Some(text) = item.filter(|_| !code && !front && !pasted.inside()) {
            listed.extend(list_fact(t, text, i + 1).filter(|_| !super::mentions::names_unrelated_model(lead, &short)));
        }
        let item = item.is_some();
        if !t.is_empty() && !item && !line.starts_with([' ', '\t']) {
            lead = t;
        }
        named_before &= !t.is_empty() && !t.starts_with('#');
        let fence = super::card_text::is_fence(t);
        code ^= fence;
        if front || code || fence {
            front &= i == 0 || t != "---";
            continue;
        }
        match t.contains('|') {
            true => block.push((i + 1, line)),
            false => table(&std::mem::take(&mut block), id, name, &mut out),
        }
        super::params_parentheses::named_parentheses(t, i + 1, (id, pasted.inside()), &mut out);
        super::params_parentheses::precise_in_parentheses(t, i + 1, name, &mut out);
        out.extend(super::params_trainable::trainable_total(t, i + 1, name));
        let model_type =
            |k: &str| k.trim_matches(|c: char| !c.is_ascii_alphanumeric()).eq_ignore_ascii_case("model type");
        // (The key in a table row's first cell: "| **Model type** | A 13B parameter … |".)
        let typed_row = t.strip_prefix('|').and_then(|r| r.split('|').next()).is_some_and(model_type);
        // (A list item's sentences start after its marker: "- The model has …" speaks of the model.)
        for seg in super::card_text::list_item_text(t).unwrap_or(t).split('|') {
            // "Parameters: 1.54B", and "- Model size is 17.46B" in a list of facts.
            let key_value = seg.split_once([':', '：']).or_else(|| seg.split_once(" is "));
            if let Some((k, v)) = key_value.and_then(|(k, v)| Some((key_role(k)?, keyed_num(k, v)?))) {
                let ((total, active), evidence) = (if k { (None, Some(v)) } else { (Some(v), None) }, evidence(t, 0));
                let doubt = super::mentions::names_unrelated_model(lead, &short);
                out.push(Cand { doubt, total, active, form: SizeForm::Table, line: i + 1, evidence });
            }
            // "a flagship $560$-billion-parameter model": TeX math around a number.
            let seg = if seg.contains('$') { seg.replace('$', "") } else { seg.to_owned() };
            // "with **10.7** billion parameters": a number in bold.
            let seg = if seg.contains("**") { numbers_unbolded(&seg) } else { seg };
            // "[Foo-7B](https://huggingface.co/org/Foo-7B) is a 7B model": a link to its own page is its name.
            let seg = if seg.contains("](") { own_links_as_text(&seg, id) } else { seg };
            // A model card template's "Model type: A 16B parameter GPT-like model fine-tuned on …" describes
            // this model: its tuning words speak of it, not of a base.
            let typed = typed_row || seg.split_once(':').is_some_and(|(k, _)| model_type(k));
            for s in seg.split(". ").flat_map(|x| x.split("? ")).flat_map(|x| x.split('。')) {
                prose(s, i + 1, id, name.is_some() || typed, named_before, &mut out);
                let lower = s.to_ascii_lowercase();
                named_before |= super::params_prose::names_own_word(&lower, &own_words);
            }
        }
        // A row whose label names a model of another size ("| T0_3B | Same as T0 but starting from a
        // T5-LM XL (3B parameters) … |" on T0's card): what its cells state is that model's. (A size
        // noted in parentheses, "PairRM (0.4b)", notes the model the label names.)
        // (After a rank's number, `| 6 | T0_3B | 3 billion |`, the next cell labels the row.)
        let mut row = t.strip_prefix('|').map(|r| r.split('|')).into_iter().flatten();
        let label = row.next().unwrap_or("");
        let label = if super::header_rows::is_row_number(label) { row.next().unwrap_or("") } else { label };
        let outside =
            |l: &str| l.split('(').map(|part| part.split_once(')').map_or(part, |(_, after)| after)).collect();
        let label: String = outside(label);
        // (A row of one cell, "| Number of Parameters: 1.54B |", is a statement, not a label.)
        let labels_cells = t.matches('|').count() > 2 && !label.contains(':') && key_role(&label).is_none();
        if labels_cells && super::mentions::states_other_size(&label, &short) {
            out[found_before..].iter_mut().for_each(|c| c.doubt = true);
        }
        if wrapped && out.len() > found_before {
            let lines_of = 1 + continues[i + 1..].iter().take_while(|c| **c).count();
            let paragraph = super::card_text::JoinedParagraph::new(&lines[i..i + lines_of]);
            for cand in &mut out[found_before..] {
                let label = cand.total.as_ref().or(cand.active.as_ref()).map_or("", |n| n.label.as_str());
                cand.line = paragraph.line_holding(&cand.evidence, label) + i + 1;
            }
        }
    }
    table(&block, id, name, &mut out);
    super::params_table::html_size_rows(md, tables, id, name, &mut out);
    if let [one] = listed.as_slice() {
        out.push(one.clone());
    }
    out
}

/// A list item that opens with a count of parameters and says nothing else but what the model
/// is, in a few words ("* 65 billion parameter LLM" under "## About K2:", "- 336M parameters." in
/// BERT-large's configuration list): [`opening_count`](super::params_table::opening_count)'s count.
fn list_fact(item: &str, text: &str, line: usize) -> Option<Cand> {
    let text = text.replace(['*', '`', '_'], "");
    let few_words = text.split_once(" param").is_some_and(|(_, rest)| rest.split_whitespace().count() <= 5);
    let total = super::params_table::opening_count(&text).filter(|_| few_words)?;
    let evidence = evidence(item, 0);
    Some(Cand { doubt: false, total: Some(total), active: None, form: SizeForm::Prose, line, evidence })
}

/// Whether the size at byte `at` of a (lower-case) sentence sits in a title linked to a page that
/// is not the model's own: "[BLOOM: A 176B-Parameter Open-Access Multilingual Language
/// Model](https://arxiv.org/abs/2211.05100)" titles a paper about another model. (A title: four
/// words or more; "[Gemma 7B](…)" names a model. Not a title naming the model's family: "[BioMedLM:
/// A 2.7B Parameter Language Model …](arxiv)" is the model's own paper.)
pub(super) fn in_link_to_other(lower: &str, at: usize, id: &str) -> bool {
    let Some(open) = lower[..at].rfind('[').filter(|o| !lower[*o..at].contains(']')) else { return false };
    let Some(close) = lower[at..].find("](").map(|c| at + c).filter(|c| !lower[at..*c].contains('[')) else {
        return false;
    };
    let (id, title) = (id.to_ascii_lowercase(), &lower[open..close]);
    let family = id.rsplit('/').next().unwrap_or("").split(['-', '_', '.']).next().unwrap_or("");
    let target = lower[close + 2..].split(')').next().unwrap_or("");
    let own = target.contains(&id) || family.len() >= 3 && title.contains(family);
    title.split_whitespace().count() >= 4 && !own
}

/// Whether the size right after `before` sits in a parenthesis about a linked Hub repository that is
/// not the model's: "leveraging [OPT-2.7b](https://huggingface.co/facebook/opt-2.7b) (a large
/// language model with 2.7 billion parameters)" on blip2-opt-2.7b-coco's card.
pub(super) fn linked_other_repo(before: &str, id: &str) -> bool {
    const HUB: &str = "](https://huggingface.co/";
    let Some(open) = before.rfind('(').filter(|o| !before[*o..].contains(')')) else { return false };
    let Some(link) = before[..open].trim_end().strip_suffix(')') else { return false };
    let Some(at) = link.rfind(HUB) else { return false };
    let repo: Vec<&str> = link[at + HUB.len()..].split('/').take(2).collect();
    repo.len() == 2 && !repo.join("/").eq_ignore_ascii_case(id)
}

/// A line where the number the model's name carries counts data, not parameters: "a RoBERTa-large
/// model trained on 154M tweets" (twitter-roberta-large-2022-154m), "400 million data points"
/// (metaclip-b32-400m): the word right after the number, which is no part of a name ("Yi-6B, using
/// 0.8T tokens").
/// Not a line naming the model itself ("We trained Foo-7B on 7B tokens": the same number twice).
/// `digits`: the name's number as written ("154" of "154m"), which a line must hold to be looked at.
/// Returns the line's number (from 1) and the line.
pub(super) fn name_counts_data(md: &str, total: i64, digits: &str, short: &str) -> Option<(usize, String)> {
    // (Not tokens: a language model's name never gives its training tokens first, but a 7B model
    // may well be "pretrained on 7 billion tokens", Sabiá-7B.)
    const DATA: &[&str] = &[
        "tweets",
        "images",
        "image-text",
        "pairs",
        "samples",
        "examples",
        "documents",
        "data",
        "sentences",
        "texts",
        "captions",
        "videos",
        "clips",
        "hours",
    ];
    let short = short.to_ascii_lowercase();
    md.lines().enumerate().filter(|(_, line)| line.contains(digits)).find_map(|(i, line)| {
        let lower = line.to_ascii_lowercase();
        if !DATA.iter().any(|d| lower.contains(d)) || lower.contains(&short) {
            return None;
        }
        let counts = super::params::nums(&lower).into_iter().any(|m| {
            let mut next =
                lower[m.end..].split(|c: char| !c.is_ascii_alphanumeric() && c != '-').filter(|w| !w.is_empty());
            let (first, second) = (next.next().unwrap_or(""), next.next().unwrap_or(""));
            // ("FP8 data type": a format.)
            let data = DATA.contains(&first) && !(first == "data" && second.starts_with("type"));
            m.value == total && !m.named && data
        });
        counts.then(|| (i + 1, evidence(line, 0)))
    })
}

/// `text` with the bold marks around each number dropped ("**10.7** billion" as "10.7 billion").
fn numbers_unbolded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("**") {
        let after = &rest[at + 2..];
        let number = after.split("**").next().filter(|n| {
            let digits = n.chars().any(|c| c.is_ascii_digit());
            n.len() < after.len() && digits && n.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        });
        match number {
            Some(n) => {
                out.push_str(&rest[..at]);
                out.push_str(n);
                rest = &after[n.len() + 2..];
            }
            None => {
                out.push_str(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` with each link to the model's own Hub page written as the link's text.
fn own_links_as_text(text: &str, id: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(mid) = rest.find("](") {
        let open = rest[..mid].rfind('[');
        // (An address is looked for in the next 300 characters: a line of many "](" is no slower.)
        let after = &rest[mid + 2..];
        let cap = after.char_indices().nth(300).map_or(after.len(), |(i, _)| i);
        let close = after[..cap].find(')').map(|c| mid + 2 + c);
        let own = |url: &str| super::tables::page_id(url).is_some_and(|p| p.eq_ignore_ascii_case(id));
        match open.zip(close) {
            Some((open, close)) if own(&rest[mid + 2..close]) => {
                out.push_str(&rest[..open]);
                out.push_str(&rest[open + 1..mid]);
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..mid + 2]);
                rest = &rest[mid + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}
