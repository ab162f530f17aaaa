//! Everything a model card says about its own model, each value with its evidence: scores from
//! the `model-index` front matter and from the body's tables, a parameter count, a release date,
//! and the tables passed over (with why). Pure: the `hf_files` source turns this into rows.

use super::base_size::{base_contradicts, base_size};
use super::benchmarks::{english_named, is_overlap_metric, resolve, strip_markup, unit_of};
use super::card_scores::{suite_average, table_scores, CardScore, Unused};
use super::card_text::as_read;
use super::dates::{card_release_in, parse_date, CardDate, DatePrecision};
use super::fasteval_json::fasteval_blocks;
use super::front_matter::{self, as_percent, model_index_scores, IndexScore};
use super::lead_in::{heading_shots, lead_in_shots};
use super::listed_shots::mark_listed_shots;
use super::mentions::copied_title;
use super::model_names::{card_intro, is_packed, is_tuned, label_match, linked_names, writes_tuning_of};
use super::mt_bench_json::mt_bench_blocks;
use super::mt_bench_text::mt_bench_text;
use super::pair_cells::{pair_legend, read_pairs};
use super::params::{card_size_in, CardSize, SizeForm};
use super::prose_scores::prose_scores;
use super::release_stamps::{fits_release_stamp, stamped_words};
use super::score_lists::score_lists;
use super::silent_tables::{silent_benchmark_rows, silent_results};
use super::table_context::{last_heading, section_language};
use super::table_titles::holds_no_scores;
use super::tables::clip;
use super::tables::{tables, Table};
use super::title_size::title_size;
use super::tune_or_base::{declared_base, heading_allows, pretrained_tag, tune_or_base, tuned_tags};

/// One score a card gives its own model, with its line in the card (from 1). Values are in the
/// benchmark's unit: fractions of percent benchmarks are scaled ×100 per table or per
/// `model-index`, never per value.
#[derive(Debug, Clone, PartialEq)]
pub struct CardValue {
    /// The score as its table or `model-index` entry gave it.
    pub score: CardScore,
    /// Its line in the card.
    pub line: Option<usize>,
}

/// What one card says.
#[derive(Debug, Clone, Default)]
pub struct CardFacts {
    /// The model's own scores.
    pub scores: Vec<CardValue>,
    /// The model's size, with the sentence, row or name it was read from.
    pub size: Option<CardSize>,
    /// The release date the card states.
    pub date: Option<CardDate>,
    /// Values not used, as (reason code, detail): tables passed over, model-index entries
    /// without a value, values whose unit cannot be told.
    pub passed_over: Vec<(Unused, String)>,
    /// The front matter is not valid YAML (the message).
    pub front_matter_error: Option<String>,
    /// What says the model is a tune (chat, instruct, fine-tune, merge), when the card does.
    pub tuned: Option<String>,
    /// What says the model is a pretrained base model, when the card does (and nothing says
    /// it is a tune).
    pub base: Option<String>,
}

/// Reads a card of `model_id`.
pub fn read_card(model_id: &str, text: &str) -> CardFacts {
    // LF line ends, table rows between pipes: the same card however its file spells it.
    let read = super::unseen_markup::with_own_id_as_name(as_read(text), text, model_id);
    let (written, text) = (text, read.as_ref().map_or(text, |r| r.text.as_str()));
    let (yaml, markdown) = front_matter::split(text);
    // Line starts, once: a card with thousands of values must not count newlines per value.
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line_of = |offset: usize| starts.partition_point(|s| *s <= offset);
    let body_start = markdown.as_ptr() as usize - text.as_ptr() as usize;
    let yaml_start = if yaml.is_empty() { 0 } else { yaml.as_ptr() as usize - text.as_ptr() as usize };
    let mut facts = CardFacts::default();
    let mut bases: Vec<(String, usize)> = Vec::new();
    let mut lineage = None;
    let mut pretrained = None;

    match front_matter::parse(yaml) {
        Ok(meta) => {
            let at = yaml.find("base_model").map_or(0, |o| line_of(yaml_start + o));
            bases.extend(meta.get("base_model").into_iter().flat_map(base_ids).map(|b| (b, at)));
            facts.tuned = tuned_tags(&meta);
            pretrained = pretrained_tag(&meta);
            lineage = declared_base(&meta, bases.first().map(|(b, _)| b.as_str()), model_id);
            facts.date = front_matter_date(&meta, yaml, |o| line_of(yaml_start + o));
            if let Some(index) = meta.get("model-index") {
                read_model_index(model_id, index, yaml, |o| line_of(yaml_start + o), &mut facts);
            }
        }
        Err(why) => facts.front_matter_error = Some(why),
    }
    // Lower-cases the whole card once: the table reader and the base/tuned decision both use it.
    let tuned = is_tuned(model_id, markdown);
    // Read once: scores, parameter rows and release-date columns all come from them.
    let mut all_tables = tables(markdown);
    // How the card names its model: the start of its prose, and rows linking to its Hub page.
    let intro = card_intro(markdown) + &linked_names(markdown, &all_tables, model_id);
    if tuned && names_no_base(markdown) {
        // (Not where the table writes the model's tuning word: "DEITA-7B-v1.0-sft" beside
        // "DEITA-7B-v1.0", a DPO sibling.)
        for t in all_tables.iter_mut().filter(|t| !t.labels().any(|l| writes_tuning_of(&strip_markup(l), model_id))) {
            t.of_tuned_models = true;
        }
    }
    // A table with a row naming the declared base model exactly tells base and tune apart: the
    // tune's word is not left out there ("EuroLLM-1.7B" beside Gemma-2B on EuroLLM-1.7B-Instruct).
    let base_names: Vec<String> = bases.iter().map(|(b, _)| squashed(b.rsplit('/').next().unwrap_or(b))).collect();
    for t in all_tables.iter_mut().filter(|t| t.of_tuned_models) {
        let names_base = t.labels().any(|l| base_names.contains(&squashed(&strip_markup(l))));
        t.of_tuned_models = !names_base;
    }
    // A card naming the stamped model ("MiMo-7B-RL-0530") in a table: tables naming it only
    // without its stamp ("MiMo-7B-RL") give the earlier release's scores.
    let stamped = stamped_name(model_id);
    let names_stamped = |t: &Table| {
        stamped.as_ref().is_some_and(|n| {
            t.header.iter().chain(t.rows.iter().filter_map(|r| r.first())).any(|c| squashed(c).contains(n.as_str()))
        })
    };
    let stamp_named = all_tables.iter().any(names_stamped);
    // A copy of another model's card: only tables naming this model exactly are its results.
    let copied = copied_title(model_id, markdown);
    let names_model = |t: &Table| t.labels().any(|l| label_match(&strip_markup(l), model_id).is_some_and(|m| m.1));
    let split = split_by_kind(&all_tables);
    for table in all_tables.iter().filter(|t| !holds_no_scores(t)) {
        let mut read = match pair_legend(table, markdown) {
            Some(legend) => read_pairs(table, &legend, (model_id, tuned, &intro)),
            None => table_scores(table, model_id, tuned, &intro),
        };
        let n = read.scores.len();
        read.abstained =
            read.abstained.or_else(|| silent_results(table, model_id, n)).or_else(|| silent_benchmark_rows(table, n));
        super::model_modes::mark_heading_mode(&mut read.scores, &table.heading, model_id);
        super::lead_in::mark_lead_in_split(&mut read.scores, table);
        let at = line_of(body_start + table.offset);
        if stamp_named && !read.scores.is_empty() && !names_stamped(table) {
            let why = "names the model without the release stamp another table names it with (an earlier release)";
            facts.passed_over.push((Unused::NoOwnColumn, format!("table at line {at}: {why}")));
            continue;
        }
        if split && !read.scores.is_empty() && kind_unsaid(table, model_id) {
            let why = "the card gives its base and tuned models' results under separate headings, and this table, \
                under neither, does not say which of them it names";
            facts.passed_over.push((Unused::AmbiguousColumn, format!("table at line {at}: {why}")));
            continue;
        }
        if let Some(title) = copied.filter(|_| !read.scores.is_empty() && !names_model(table)) {
            let why =
                format!("the card's title names {title:?}, which this model extends: its results are that model's");
            facts.passed_over.push((Unused::NoOwnColumn, format!("table at line {at}: {why}")));
            continue;
        }
        if let Some((reason, detail)) = read.abstained {
            facts.passed_over.push((reason, format!("table at line {at}: {detail}")));
        }
        let average = suite_average(table, markdown, &read.scores);
        let language = section_language(table, model_id);
        let setting = lead_in_shots(table).map(|(n, said)| (n, format!("over the table: \"{said}\"")));
        let setting = setting.or_else(|| heading_shots(table).map(|(n, said)| (n, format!("under \"{said}\""))));
        mark_listed_shots(&mut read.scores, markdown, table.offset);
        for mut score in read.scores.into_iter().chain(average) {
            // ("_Zero-shot performance._" over the table, or in its headings: its rows' shots, said once.)
            if let Some((n, said)) = setting.as_ref().filter(|_| score.shots.is_none()) {
                score.shots = Some(*n);
                score.evidence = clip(&format!("{} ({said})", score.evidence));
            }
            if let Some(language) = language.as_deref().filter(|_| english_named(&score.benchmark_raw)) {
                score.benchmark_raw = format!("{} {language}", score.benchmark_raw);
                score.evidence = clip(&format!("{} (under \"{}\")", score.evidence, last_heading(table)));
            }
            let line = Some(line_of(body_start + score.offset));
            facts.scores.push(CardValue { score, line });
        }
    }
    let mt_bench = mt_bench_blocks(markdown, model_id).into_iter().chain(mt_bench_text(markdown, model_id));
    let mt_bench = mt_bench.chain(fasteval_blocks(markdown, model_id));
    for score in mt_bench.filter(|_| copied.is_none()) {
        let line = Some(line_of(body_start + score.offset));
        facts.scores.push(CardValue { score, line });
    }
    // Lists of scores, unless a table or the model-index already gave the same value.
    let given = |s: &CardScore| {
        let canonical = resolve(&s.benchmark_raw).canonical;
        facts.scores.iter().any(|f| f.score.value == s.value && resolve(&f.score.benchmark_raw).canonical == canonical)
    };
    let listed: Vec<CardScore> =
        score_lists(markdown, model_id, tuned).into_iter().filter(|s| copied.is_none() && !given(s)).collect();
    // Sentences last: a value a table or a list gave already is not given again.
    let same = |a: &CardScore, b: &CardScore| {
        a.value == b.value && resolve(&a.benchmark_raw).canonical == resolve(&b.benchmark_raw).canonical
    };
    let stated: Vec<CardScore> = prose_scores(markdown, model_id, tuned, copied.is_some())
        .into_iter()
        .filter(|s| !given(s) && !listed.iter().any(|l| same(l, s)))
        .collect();
    for score in listed.into_iter().chain(stated) {
        let line = Some(line_of(body_start + score.offset));
        facts.scores.push(CardValue { score, line });
    }
    let tag = facts.tuned.take();
    (facts.tuned, facts.base) = tune_or_base(markdown, model_id, (tag, lineage, pretrained), tuned);
    facts.size = card_size_in(model_id, markdown, &all_tables).map(|mut size| {
        if size.form != SizeForm::Name {
            size.line += line_of(body_start) - 1;
        }
        size
    });
    // Neither the card nor the name: the size of the model it was tuned from, if the card names one.
    if facts.size.is_none() {
        let title = title_size(model_id, markdown).map(|mut s| {
            s.line += line_of(body_start) - 1;
            s
        });
        facts.size = title.or_else(|| base_size(model_id, text, markdown, line_of(body_start), &bases));
    }
    // Only the name gave the size: the base it was tuned from may say the name's is nominal.
    if facts.size.as_ref().is_some_and(|s| s.form == SizeForm::Name) {
        bases.extend(tuned_from(markdown).into_iter().map(|(b, line)| (b, line + line_of(body_start) - 1)));
        if let Some(flag) = bases.iter().find_map(|(b, line)| base_contradicts(model_id, b, *line)) {
            facts.size = Some(flag);
        }
    }
    let stated = card_release_in(markdown, &all_tables, model_id).map(|mut date| {
        date.line += line_of(body_start) - 1;
        date
    });
    facts.date = stated.or(facts.date.take()).filter(|d| {
        // A date outside the release stamp the name carries is another release's (a quantized
        // copy's own release comes after the stamp of the original's).
        if is_packed(model_id) {
            return true;
        }
        use chrono::Datelike;
        match d.precision {
            DatePrecision::Year => true,
            DatePrecision::Month => fits_release_stamp(model_id, (d.date.year(), d.date.month(), 0)),
            DatePrecision::Day => fits_release_stamp(model_id, (d.date.year(), d.date.month(), d.date.day())),
        }
    });
    if read.as_ref().is_some_and(|r| r.lines_rewritten) {
        super::as_written::facts_as_written(&mut facts, written, text);
    }
    super::as_written::size_as_written(&mut facts, written);
    facts
}

/// A `release_date` field of the front matter (LM Studio's `lm_studio: release_date: 31-07-2024`).
fn front_matter_date(meta: &serde_json::Value, yaml: &str, line_of: impl Fn(usize) -> usize) -> Option<CardDate> {
    let value = meta.get("release_date").or_else(|| meta.get("lm_studio")?.get("release_date"))?;
    let text = value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string());
    let (date, precision) = parse_date(&text)?;
    let line = yaml.find("release_date").map_or(1, &line_of);
    Some(CardDate { date, precision, evidence: clip(&format!("front matter release_date: {text}")), line })
}

/// The `base_model` of the front matter: one id or a list.
fn base_ids(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(id) => vec![id.clone()],
        serde_json::Value::Array(ids) => ids.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    }
}

/// Hub ids linked in sentences that say the model was tuned from them ("a fine-tuned version of
/// [TinyLlama](https://huggingface.co/TinyLlama/TinyLlama-1.1B-…)"), with their 1-based lines.
fn tuned_from(markdown: &str) -> Vec<(String, usize)> {
    const SAID: &[&str] = &["fine-tuned version of", "fine-tuned from", "finetuned from", "fine-tune of", "tuned from"];
    let mut out = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        let Some(at) = SAID.iter().filter_map(|p| lower.find(p)).min() else { continue };
        if let Some(link) = lower[at..].find("huggingface.co/").map(|k| at + k + "huggingface.co/".len()) {
            let id: String = line[link..].chars().take_while(|c| !matches!(c, ')' | ' ' | '"' | '>' | ']')).collect();
            if id.split('/').filter(|p| !p.is_empty()).count() == 2 {
                out.push((id.trim_end_matches('/').to_owned(), i + 1));
            }
        }
    }
    out
}

/// `model-index` scores. Whether values are fractions is decided once for the whole index:
/// when every value of a percent benchmark is at most 1 they are fractions (×100); when the
/// index mixes both, a value at most 1 cannot be told from a percent and is passed over.
fn read_model_index(
    model_id: &str,
    index: &serde_json::Value,
    yaml: &str,
    line_of: impl Fn(usize) -> usize,
    facts: &mut CardFacts,
) {
    let (mut scores, skipped) = model_index_scores(index);
    // Perplexities and losses are not scores.
    scores.retain(|s| {
        let m = s.metric.as_deref().unwrap_or("").to_ascii_lowercase();
        !(m.contains("perplexity") || m == "ppl" || m.contains("loss"))
    });
    // A quantized copy's card keeps its original's model-index: it is the copy's only when its
    // entry names the copy exactly.
    if is_packed(model_id) {
        let before = scores.len();
        scores.retain(|s| s.entry_name.as_deref().is_some_and(|n| label_match(n, model_id).is_some_and(|m| m.1)));
        if scores.len() < before {
            let why =
                format!("{} model-index value(s) of the original on a quantized copy's card", before - scores.len());
            facts.passed_over.push((Unused::NoOwnColumn, why));
        }
    }
    for s in &mut scores {
        let metric = s.metric.clone().unwrap_or_default();
        // A dataset that is no benchmark (the training set, "meta-math/MetaMathQA") with metrics
        // named by benchmark ("ARC (25-shot)"): the metric names the benchmark.
        if !resolve(&s.benchmark_raw).is_known && resolve(&metric).is_known {
            s.shots = s.shots.or(resolve(&metric).shots);
            s.benchmark_raw = metric;
            s.metric = None;
        }
    }
    if skipped > 0 {
        let why = format!("{skipped} model-index metric(s) without a dataset or a numeric value");
        facts.passed_over.push((Unused::ModelIndexIncomplete, why));
    }
    let percent = |raw: &str| unit_of(&resolve(raw).canonical) == "percent";
    let small = |v: f64| v.abs() <= 1.0 && v != 0.0;
    // (A text-overlap metric, BLEU or ROUGE, is printed 0-100 or 0-1 whatever the index's other
    // metrics are: it says nothing of their unit.)
    let overlap = |s: &&IndexScore| s.metric.as_deref().is_some_and(is_overlap_metric);
    let percent_values: Vec<f64> =
        scores.iter().filter(|s| percent(&s.benchmark_raw) && !overlap(s)).map(|s| s.value).collect();
    let all_fractions = !percent_values.is_empty() && percent_values.iter().all(|v| v.abs() <= 1.0);
    // Values are found in the YAML in document order: each search starts after the last hit.
    let mut cursor = 0;
    for s in scores {
        let needle = format!("value: {}", s.value_raw);
        // Searched in a window after the last hit: a value written differently in the YAML
        // ("0.850" for 0.85) must not make every later search scan the rest of the index.
        let mut end = yaml.len().min(cursor + 4096);
        while !yaml.is_char_boundary(end) {
            end -= 1;
        }
        let at = yaml[cursor..end].find(&needle).map(|i| cursor + i);
        if let Some(at) = at {
            cursor = at + needle.len();
        }
        let mut evidence = format!("model-index: {}", s.benchmark_raw);
        if let Some(metric) = &s.metric {
            evidence.push_str(&format!(" | {metric}"));
        }
        let value = match (percent(&s.benchmark_raw) && !overlap(&&s), all_fractions, small(s.value)) {
            (true, true, _) => as_percent(s.value, &s.value_raw),
            (true, false, true) => {
                let why =
                    format!("{} = {}: a fraction or a percent? the model-index has both", s.benchmark_raw, s.value_raw);
                facts.passed_over.push((Unused::AmbiguousUnit, why));
                continue;
            }
            _ => s.value,
        };
        let score = CardScore {
            benchmark_raw: s.benchmark_raw,
            metric: s.metric,
            shots: s.shots,
            value,
            value_raw: s.value_raw,
            detail: "model_index",
            evidence: clip(&evidence),
            offset: at.unwrap_or(0),
            evaluated_by: s.source_url.or(s.source_name),
        };
        facts.scores.push(CardValue { score, line: at.map(&line_of) });
    }
}

/// The model's name squashed ("mimo7brl0530"), when it carries a release stamp.
fn stamped_name(model_id: &str) -> Option<String> {
    stamped_words(model_id).map(|_| squashed(model_id.rsplit('/').next().unwrap_or(model_id)))
}

/// Letters and digits only, lower-cased: "MiMo-7B-RL-0530" → "mimo7brl0530".
fn squashed(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether `text` (a heading path or a label) marks a base model or a tuned one (not both).
fn marks_kind(text: &str) -> bool {
    heading_allows(text, true) != heading_allows(text, false)
}

/// Whether the card splits its results into a base model's tables and a tuned model's by heading
/// ("### Base Pretrained Models", "### Instruction Tuned Models"): both then go by one bare name
/// ("Llama 3.2 1B").
fn split_by_kind(tables: &[Table]) -> bool {
    let marked = |tuned: bool| tables.iter().any(|t| marks_kind(&t.heading) && heading_allows(&t.heading, tuned));
    marked(true) && marked(false)
}

/// A table that neither its headings, its lead-in nor the labels naming the model mark as a base
/// model's or a tuned one's: on a card split by kind, its bare names are either model ("###
/// Multilingual Benchmarks" after Llama 3.2's base and instruct sections holds the instruct
/// models' numbers).
fn kind_unsaid(table: &Table, model_id: &str) -> bool {
    let names_kind = |l: &String| marks_kind(l) && label_match(&strip_markup(l), model_id).is_some();
    !marks_kind(&table.heading) && !table.of_tuned_models && !table.labels().any(names_kind)
}

/// A tuned model's card that never speaks of a base or pretrained model: no table on it can be a
/// base's, so a label without the tuning word ("Solar-pro-preview" on solar-pro-preview-instruct)
/// names the model.
fn names_no_base(markdown: &str) -> bool {
    let lower = markdown.to_lowercase();
    // (Word by word without a copy of each: this reads every tuned model's whole card. Code's
    // `from_pretrained` is no word of the card's.)
    let mut tokens = lower.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|t| *t != "from_pretrained");
    !lower.contains("pre-train")
        && !tokens
            .any(|t| t.split('_').any(|w| matches!(w, "base" | "foundation" | "backbone") || w.starts_with("pretrain")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_naming_the_declared_base_is_the_bases_under_a_title_naming_the_tune() {
        // A tuned model's title ("… EuroLLM-1.7B-Instruct") lets its tables leave the tuning word
        // out, but not in a table with a row that is the declared base model exactly.
        let table = "| Model | ARC | HellaSwag |\n|---|---|---|\n| EuroLLM-1.7B | 34.96 | 47.44 |\n| Gemma-2B | 36.17 | 48.46 |\n";
        let card = |front: &str| format!("{front}# Model Card for EuroLLM-1.7B-Instruct\n\n## Results\n\n{table}");
        let values = |card: &str| {
            read_card("utter-project/EuroLLM-1.7B-Instruct", card)
                .scores
                .iter()
                .map(|s| s.score.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(values(&card("---\nbase_model: utter-project/EuroLLM-1.7B\n---\n")), Vec::<f64>::new());
        // Without a declared base, the title's tuning still reads the row as the tune's (LongCat-Flash-Chat's
        // tables call it "LongCat-Flash").
        assert_eq!(values(&card("")), [34.96, 47.44]);
    }

    #[test]
    fn emoji_around_a_heading_and_no_break_spaces_read_as_the_plain_card() {
        // "### 📊 COPA (F1)" names COPA as "### COPA (F1)" does (polyglot-ko's cards, decorated).
        let card = "## Evaluation\n\n### COPA (F1)\n\n| Model | params | 0-shot |\n|---|---|---|\n\
                    | Other-1.2B | 1.2B | 0.6696 |\n| **Foo-Ko-1.3b (this)** | **1.3B** | **0.7196** |\n\n\
                    Foo-Ko-1.3b has 1,331,810,304 parameters.\n";
        let read = |card: &str| {
            let facts = read_card("org/foo-ko-1.3b", card);
            let scores: Vec<(String, f64)> =
                facts.scores.iter().map(|s| (s.score.benchmark_raw.clone(), s.score.value)).collect();
            (scores, facts.size.map(|s| s.size.total))
        };
        let plain = read(card);
        assert_eq!(plain.0.len(), 1, "{plain:?}");
        assert_eq!(plain.1, Some(1_331_810_304));
        let decorated = card.replace("## E", "## 📊 E").replace("(F1)", "(F1) 🚀").replace(",", "\u{a0}");
        assert_eq!(read(&decorated), plain, "{decorated}");
    }

    #[test]
    fn under_a_title_naming_another_model_a_sentence_opened_by_the_models_own_name_is_its() {
        // "# Open-RS" names a model Open-RS3's name extends: the card may be that model's. A
        // sentence that opens with this model's own name is still its; "This model …" is not.
        let values = |line: &str| {
            let card = format!("# Open-RS\n\n{line}\n");
            read_card("knoveleng/Open-RS3", &card).scores.iter().map(|s| s.score.value).collect::<Vec<_>>()
        };
        assert_eq!(
            values("- **Open-RS3**: 56.3% avg. score, 46.7% on AIME24 (outperforms `o1-preview` at 44.6%)"),
            [46.7]
        );
        assert!(values("This model reaches 46.7% on AIME24.").is_empty());
    }

    #[test]
    fn tables_written_without_outer_pipes_read_as_with_them_and_are_quoted_as_written() {
        // DeepSeek-V2-Chat's card, written GFM's other way: its name comes from a download row.
        let downloads =
            "**Model** | **Download**\n:---: | :---:\nFoo-Chat (RL) | [HF](https://huggingface.co/org/Foo-Chat)\n";
        let results = "Benchmark | Foo Chat (SFT) | Foo Chat (RL)\n---|---|---\nMMLU | 50.1 | 77.8\n";
        let card = format!("# Foo\n\n{downloads}\n## Results\n\n{results}");
        let values = read_card("org/Foo-Chat", &card).scores.iter().map(|s| s.score.value).collect::<Vec<f64>>();
        assert_eq!(values, [77.8]);
        let sizes = "# Foo-7B\n\nModel | Parameters\n---|---\n[Foo-7B](https://huggingface.co/org/Foo-7B)   |  6.74B\n";
        let size = read_card("org/Foo-7B", sizes).size.unwrap();
        assert_eq!((size.size.total, size.line), (6_740_000_000, 5));
        assert_eq!(size.evidence, "[Foo-7B](https://huggingface.co/org/Foo-7B) | 6.74B", "the line as the card has it");
    }

    #[test]
    fn an_html_rows_link_to_the_models_page_names_its_row_for_scores_and_size() {
        let row = |id: &str, name: &str, size: &str, gsm: &str| {
            format!("<tr><td><a href=\"https://huggingface.co/llm-agents/{id}\">{name}</a></td><td>{size}</td><td>{gsm}</td></tr>")
        };
        let card = format!(
            "# ToRA\n\n<table><tr><th>Model</th><th>Size</th><th>GSM8k</th></tr>{}{}</table>\n",
            row("tora-7b-v1.0", "ToRA-7B", "7B", "68.8"),
            row("tora-code-7b-v1.0", "ToRA-Code-7B", "7B", "72.6")
        );
        let facts = read_card("llm-agents/tora-code-7b-v1.0", &card);
        assert_eq!(facts.scores.iter().map(|s| s.score.value).collect::<Vec<_>>(), [72.6]);
        let size = facts.size.unwrap();
        assert_eq!((size.size.total, size.form), (7_000_000_000, SizeForm::Table));
    }

    #[test]
    fn a_tuning_stage_the_card_gives_its_model_names_it_but_another_stage_does_not() {
        let downloads = "| Model | Download |\n|---|---|\n| Foo-Lite-Chat (SFT) | [HF](https://huggingface.co/org/Foo-Lite-Chat) |\n| Foo-Chat (RL) | [HF](https://huggingface.co/org/Foo-Chat) |\n";
        let results = "| Benchmark | Foo 7B Chat (SFT) | Foo-Lite 16B Chat (SFT) | Foo Chat (RL) |\n|---|---|---|---|\n| MMLU | 50.1 | 55.7 | 77.8 |\n| GSM8K | 40.1 | 45.7 | 67.8 |\n";
        let values =
            |id: &str, card: &str| read_card(id, card).scores.iter().map(|s| s.score.value).collect::<Vec<f64>>();
        let card = format!("# Foo\n\n{downloads}\n## Results\n\n{results}");
        assert_eq!(values("org/Foo-Lite-Chat", &card), [55.7, 45.7], "the download table calls it Foo-Lite-Chat (SFT)");
        assert_eq!(values("org/Foo-Chat", &card), [77.8, 67.8]);
        // Without the card's word for its stage, "(SFT)" may be a checkpoint before the released one.
        let unlinked = downloads.replace("https://huggingface.co/org/Foo-Lite-Chat", "https://example.com/x");
        assert!(values("org/Foo-Lite-Chat", &format!("# Foo\n\n{unlinked}\n## Results\n\n{results}")).is_empty());
        // A download table in HTML links the same.
        let html = "<table><tr><th>Model</th><th>Download</th></tr>\n<tr><td>Foo-Lite-Chat (SFT)</td>\
                    <td><a href=\"https://huggingface.co/org/Foo-Lite-Chat\">HF</a></td></tr></table>\n";
        assert_eq!(values("org/Foo-Lite-Chat", &format!("# Foo\n\n{html}\n## Results\n\n{results}")), [55.7, 45.7]);
        // Nor a row that links to it as another model's base.
        let based = downloads.replace("| Model | Download |", "| Model | Base model |");
        assert!(values("org/Foo-Lite-Chat", &format!("# Foo\n\n{based}\n## Results\n\n{results}")).is_empty());
    }

    #[test]
    fn a_stamped_models_earlier_release_and_its_date_are_not_its_own() {
        let card = "## Updates\n\n| Benchmark | MiMo-7B-RL | MiMo-7B-RL-0530 |\n|---|---|---|\n| MMLU | 50.1 | 60.2 |\n| GSM8K | 70.1 | 80.2 |\n\n## Evaluation\n\n| Benchmark | Other-7B | MiMo-7B-RL |\n|---|---|---|\n| MMLU | 40.1 | 50.1 |\n| GSM8K | 60.3 | 70.1 |\n";
        let facts = read_card("XiaomiMiMo/MiMo-7B-RL-0530", card);
        let values: Vec<f64> = facts.scores.iter().map(|s| s.score.value).collect();
        assert_eq!(values, [60.2, 80.2]);
        assert!(facts.passed_over.iter().any(|(_, why)| why.contains("release stamp")));
        // Without a stamp in the name the table is the model's.
        let earlier: Vec<f64> = read_card("XiaomiMiMo/MiMo-7B-RL", card).scores.iter().map(|s| s.score.value).collect();
        assert_eq!(earlier, [50.1, 70.1, 50.1, 70.1]);
        let glm = "GLM-4-32B-0414 is our new model.\n\nBelow are the GLM-4 series models released on June 5, 2024.\n";
        assert!(read_card("THUDM/GLM-4-32B-0414", glm).date.is_none());
        // Without a stamp the sentence still names the family, not the model.
        assert!(read_card("THUDM/GLM-4-32B", glm).date.is_none());
        assert!(read_card("THUDM/GLM-4-32B", &glm.replace("GLM-4 series models", "GLM-4-32B")).date.is_some());
        assert!(is_tuned("rednote-hilab/dots.llm1.inst", ""));
        // A card naming the model with "base" added anywhere: the model is that base's tune.
        assert!(is_tuned("deepseek-ai/DeepSeek-V3", "| DeepSeek-V3-Base | 671B |\n"));
        assert!(is_tuned("inclusionAI/Ling-flash-2.0", "| Ling-flash-base-2.0 | 32K |\n| Ling-flash-2.0 | 32K |\n"));
        assert!(is_tuned("THUDM/GLM-4-32B-0414", "GLM-4-32B-Base-0414 and GLM-4-32B-0414"));
        // Or "pretrain" added (CWM's download table: `cwm`, `cwm-sft`, `cwm-pretrain`).
        assert!(is_tuned("facebook/cwm", "| `cwm-sft` | SFT model |\n| `cwm-pretrain` | Pre-trained model |\n"));
        // Not a base with more added ("kobart-base-v2" on kobart's card), nor the name alone.
        assert!(!is_tuned("hyunwoongko/kobart", "see kobart-base-v2"));
        assert!(!is_tuned("inclusionAI/Ling-flash-2.0", "Ling-flash-2.0 is out"));
        // Each token once, and every token: a token holding the name's first word twice, then the base.
        assert!(is_tuned("org/Foo-7B", "foofoo-x, (foo-7b-base)"));
    }

    #[test]
    fn a_table_under_neither_kinds_heading_on_a_card_split_by_kind_is_passed_over() {
        let table = |a: &str| format!("| Benchmark | Foo 1B | Foo 3B |\n|---|---|---|\n| MMLU | {a} | 58.0 |\n");
        let card = format!(
            "## Benchmarks\n\n### Base Pretrained Models\n\n{}\n### Instruction Tuned Models\n\n{}\n\
             ### Multilingual Benchmarks\n\n| Benchmark | Foo 1B | Foo 3B |\n|---|---|---|\n| MGSM | 24.5 | 58.2 |\n",
            table("32.2"),
            table("49.3")
        );
        let values = |id: &str| read_card(id, &card).scores.iter().map(|s| s.score.value).collect::<Vec<_>>();
        assert_eq!(values("org/Foo-1B"), vec![32.2]);
        assert_eq!(values("org/Foo-1B-Instruct"), vec![49.3]);
        let facts = read_card("org/Foo-1B", &card);
        assert!(facts
            .passed_over
            .iter()
            .any(|(r, why)| *r == Unused::AmbiguousColumn && why.contains("separate headings")));
        // Without the base section the third table is the card's own again.
        let unsplit = card.replacen("### Base Pretrained Models", "### Speed", 1);
        assert!(read_card("org/Foo-1B", &unsplit).scores.iter().any(|s| s.score.value == 24.5));
    }

    #[test]
    fn a_tuned_models_card_that_names_no_base_gives_its_column_without_the_tuning_word() {
        let table = "| | Solar-pro-preview | Phi-3-medium-4K-instruct |\n|---|---|---|\n| MMLU | 79.14 | 77.6 |\n";
        let card = format!("# Solar Pro Preview\n\nAn instruction-tuned model.\n\n{table}");
        let read = |card: &str| read_card("upstage/solar-pro-preview-instruct", card).scores.len();
        assert_eq!(read(&card), 1);
        // A card that speaks of a base model may table it under the family's name.
        assert_eq!(read(&card.replace("An instruction-tuned model.", "Tuned from our base model.")), 0);
        assert_eq!(read(&card.replace("An instruction-tuned model.", "Tuned from a pre-trained model.")), 0);
        assert_eq!(read(&format!("{card}\n```\nAutoModel.from_pretrained(x)\n```\n")), 1, "code");
        // A table that writes the model's tuning word tells it apart from a sibling ("v1.0" is its DPO tune).
        let siblings = "| Model | MT-Bench |\n|---|---|\n| DEITA-7B-v1.0-sft (6K) | 7.22 |\n| DEITA-7B-v1.0 | 7.55 |\n";
        let scores = read_card("hkust-nlp/deita-7b-v1.0-sft", &format!("# Deita 7B V1.0 SFT\n\n{siblings}")).scores;
        assert!(scores.iter().all(|s| s.score.value != 7.55), "the DPO sibling's row");
    }

    #[test]
    fn a_copy_of_another_models_card_gives_only_tables_naming_this_model() {
        let lm_eval = "|Task|Version|Metric|Value|\n|---|---|---|---|\n|arc_challenge|0|acc|0.5623|\n";
        let named = "| Model | MMLU |\n|---|---|\n| OpenHermes-2.5-Mistral-7B-16k | 63.0 |\n";
        let card = format!("# OpenHermes 2.5 - Mistral 7B\n\n# Extended to 16k\n\n{lm_eval}\n{named}");
        let facts = read_card("x/OpenHermes-2.5-Mistral-7B-16k", &card);
        let read: Vec<&str> = facts.scores.iter().map(|s| s.score.benchmark_raw.as_str()).collect();
        assert_eq!(read, ["MMLU"], "the original's lm-eval output is not the copy's");
        assert!(facts.passed_over.iter().any(|(_, why)| why.contains("which this model extends")));
        // On the original's own card the same table is its own.
        assert_eq!(read_card("x/OpenHermes-2.5-Mistral-7B", &card).scores.len(), 1);
    }

    #[test]
    fn a_cards_title_naming_the_model_and_a_tuning_makes_it_a_tune() {
        let card = "# MAmmoTH: Building Math Generalist Models through Hybrid Instruction Tuning\n";
        assert!(is_tuned("TIGER-Lab/MAmmoTH-7B", card));
        assert!(!is_tuned("TIGER-Lab/Other-7B", card), "the title is about another family");
        assert!(!is_tuned("TIGER-Lab/MAmmoTH-7B", "# MAmmoTH\n## Instruction tuning data\n"), "only the title");
        let h2 = "---\nlicense: llama2\n---\n## WizardMath: Empowering Mathematical Reasoning via Reinforced Evol-Instruct\n";
        assert!(is_tuned("WizardLM/WizardMath-13B-V1.0", h2), "a title written as a second-level heading");
        let comment = "---\n# WizardMath chat template\nlicense: llama2\n---\n# WizardMath\n";
        assert!(!is_tuned("WizardLM/WizardMath-13B-V1.0", comment), "a front-matter comment is no title");
    }

    #[test]
    fn a_perplexity_table_and_a_key_line_say_nothing() {
        let ppl = "## Perplexity Evaluation\n\n| | Tech | Finance | Average |\n|---|---|---|---|\n| Foo-13B | 11.58 | 4.92 | 9.1 |\n";
        assert!(read_card("org/Foo-13B", ppl).scores.is_empty());
        // A contamination check names benchmarks but its values are overlaps, not scores.
        let rows = "| Model | TruthfulQA | GSM8K |\n|---|---|---|\n| Foo-13B | 0.22 | 0.99 |\n";
        assert_eq!(read_card("org/Foo-13B", &format!("## Results\n\n{rows}")).scores.len(), 2);
        assert!(read_card("org/Foo-13B", &format!("## Contamination Results\n\n{rows}")).scores.is_empty());
        assert!(read_card("org/Foo-13B", &format!("- [data contamination check](x) result\n{rows}")).scores.is_empty());
        let unsure = format!("## Results\n\nWe can't guarantee there isn't any contamination.\n\n{rows}");
        assert_eq!(read_card("org/Foo-13B", &unsure).scores.len(), 2);
        assert_eq!(read_card("org/Foo-13B", &format!("## Results (Contamination-free)\n\n{rows}")).scores.len(), 2);
        let key = "# GenZ\n\n- Base pretrained model type: Llama V2 13B\n";
        assert!(read_card("org/genz-13b-v2", key).base.is_none());
    }

    #[test]
    fn a_results_table_that_gives_nothing_says_why() {
        let card = "## 评测结果\n\n| 模型 | 准确性 | 完整性 |\n|---|---|---|\n| Foo-13B | 3.46 | 3.12 |\n| Bar-13B | 3.10 | 3.02 |\n";
        let facts = read_card("org/Foo-13B", card);
        assert!(facts.scores.is_empty());
        let said = facts.passed_over.iter().any(|(reason, why)| {
            matches!(reason, Unused::UnnamedBenchmark) && why.starts_with("table at line 3: the model's row is there")
        });
        assert!(said, "{:?}", facts.passed_over);
    }

    #[test]
    fn a_siblings_sentence_says_nothing_of_this_model() {
        let card = "> **Qwen2.5-Math-1.5B-Instruct** is an instruction model for chatting;\n>\n> **Qwen2.5-Math-1.5B** is a base model typically used for completion.\n";
        let facts = read_card("Qwen/Qwen2.5-Math-1.5B", card);
        assert!(facts.tuned.is_none() && facts.base.is_some(), "{:?} {:?}", facts.tuned, facts.base);
    }

    #[test]
    fn a_finer_size_in_the_bases_name_makes_the_names_size_nominal() {
        let prose = "# Tiny Vicuna 1B\nThis model is a fine-tuned version of [TinyLlama](https://huggingface.co/TinyLlama/TinyLlama-1.1B-step-2T) on chats.\n";
        let size = read_card("Jiayi-Pan/Tiny-Vicuna-1B", prose).size.unwrap();
        assert!(size.against_name && size.size.total == 1_100_000_000 && size.line == 2, "{size:?}");
        let yaml = "---\nbase_model:\n- TinyLlama/TinyLlama-1.1B-Chat-v1.0\n---\n# Tiny 1B\n";
        assert!(read_card("org/Tiny-1B", yaml).size.unwrap().against_name);
        // The same size, or a coarser one, in the base's name says nothing against this one's.
        let same = "---\nbase_model: mistralai/Mistral-7B-v0.1\n---\n# Foo\n";
        assert!(!read_card("org/Foo-7B", same).size.unwrap().against_name);
        assert!(!read_card("org/Foo-1.1B", &yaml.replace("1.1B", "1B")).size.unwrap().against_name);
        // The name's size with its dot dropped ("qwen25-15b" for Qwen2.5-1.5B), as its version's was.
        let lora = "---\nbase_model: Qwen/Qwen2.5-1.5B-Instruct\nlibrary_name: peft\n---\n# Text-to-SQL adapter\n";
        let dropped = read_card("org/qwen25-15b-text2sql-lora", lora).size.unwrap();
        assert!(dropped.against_name && dropped.size.total == 1_500_000_000, "{dropped:?}");
        assert!(!read_card("org/Foo-15B", &lora.replace("1.5B", "7B")).size.unwrap().against_name);
        // Another nominal size near the name's ("Qwen3-30B-…" tuned from Qwen2.5-32B): which one is not said.
        let tuned = "---\nbase_model: Qwen/Qwen2.5-32B-Instruct\n---\n# An RL fine-tune of Qwen2.5-32B-Instruct\n";
        assert!(read_card("org/Qwen3-30B-Foo", tuned).size.unwrap().against_name);
    }

    #[test]
    fn a_name_that_says_base_is_no_tune_by_a_merge_or_a_raw_text_fine_tune() {
        let merge = "# Foo-0.15B-Base\n\nAnd this is a merge of the base, not the instruct!\n";
        assert_eq!(kind("org/Foo-0.15B-Base", "", merge), (false, false));
        assert_eq!(kind("org/Foo-0.15B", "", merge), (true, false), "without the name, a merge is a tune");
        assert!(kind("org/Foo-Base-Instruct", "", merge).0, "a tuning word after it decides");
        // BERT's and T5's size word is no base model's name.
        let tuned = "# bert-base-uncased-mrpc\n\nThis model is a fine-tuned version of bert-base-uncased on MRPC.\n";
        assert!(kind("Intel/bert-base-uncased-mrpc", "", tuned).0);
        assert!(kind("org/foo-base", "", &tuned.replace("bert-base-uncased-mrpc", "foo-base")).0, "no size");
    }

    #[test]
    fn a_crlf_file_stored_again_with_crlf_keeps_its_tables_and_line_numbers() {
        let card =
            "# Foo-4B\r\r\n\r\r\n## Evaluation Results\r\r\n\r\r\n| HellaSwag | GSM8K |\r\r\n| :--- | :--- |\r\r\n\
                    | 75.0 | 24.1 |\r\r\n";
        let facts = read_card("org/Foo-4B", card);
        let got: Vec<(String, f64, Option<usize>)> =
            facts.scores.iter().map(|s| (s.score.benchmark_raw.clone(), s.score.value, s.line)).collect();
        assert_eq!(got, [("HellaSwag".to_owned(), 75.0, Some(7)), ("GSM8K".to_owned(), 24.1, Some(7))]);
        // Its front matter is front matter (the Hub reads "---\r\r\n" as its opening line), and an LF
        // or CRLF copy of the card reads the same.
        let front = "---\r\r\nlicense: mit\r\r\nrelease_date: 2024-05-01\r\r\n---\r\r\n";
        let dated = read_card("org/Foo-4B", &format!("{front}{card}"));
        assert_eq!(dated.date.map(|d| (d.date.to_string(), d.line)), Some(("2024-05-01".to_owned(), 3)));
        for copy in [card.replace("\r\r\n", "\n"), card.replace("\r\r\n", "\r\n")] {
            let lines: Vec<Option<usize>> = read_card("org/Foo-4B", &copy).scores.iter().map(|s| s.line).collect();
            assert_eq!(lines, [Some(7), Some(7)]);
        }
    }

    #[test]
    fn english_benchmarks_under_another_languages_heading_are_translations() {
        let table = "| Metric | Value |\n|---|---|\n| ARC (25-shot) | 59.3 |\n| C-Eval | 40.1 |\n";
        let card = format!("# Llama-2-13b-chat-dutch\n\n## Results\n\n{table}\n## Results (Dutch)\n\n{table}");
        let facts = read_card("org/Llama-2-13b-chat-dutch", &card);
        let got: Vec<String> = facts.scores.iter().map(|s| resolve(&s.score.benchmark_raw).canonical).collect();
        assert_eq!(got, ["arc_challenge", "ceval", "arc_dutch", "ceval"], "C-Eval is no English benchmark");
        // The card's title names the model (and its language): not a translated section.
        let titled = read_card("org/Llama-2-13b-chat-dutch", &format!("# Llama-2-13b-chat-dutch\n\n{table}"));
        assert_eq!(resolve(&titled.scores[0].score.benchmark_raw).canonical, "arc_challenge");
    }

    /// Whether `read_card` finds the model a tune and a base, on a card of this front matter and text.
    fn kind(model_id: &str, yaml: &str, text: &str) -> (bool, bool) {
        let facts = read_card(model_id, &format!("---\n{yaml}\n---\n{text}\n"));
        (facts.tuned.is_some(), facts.base.is_some())
    }

    #[test]
    fn the_front_matters_base_model_marks_a_tune_read_from_the_card_alone() {
        let card = |yaml: &str, text: &str| kind("org/Foo-8B", yaml, text);
        assert_eq!(card("base_model: meta-llama/Llama-3.1-8B", "# Foo"), (true, false));
        assert_eq!(card("base_model:\n- meta-llama/Llama-3.1-8B", "# Foo"), (true, false), "a list of bases");
        assert_eq!(card("base_model: meta-llama/Llama-3.1-8B", "Foo is a base model."), (false, false));
        let further = "Foo is Llama 3.1 through continued pretraining on code.";
        assert_eq!(card("base_model: meta-llama/Llama-3.1-8B", further), (false, false));
        assert_eq!(card("license: mit", "# Foo"), (false, false));
    }

    #[test]
    fn a_tag_against_a_base_model_sentence_decides_nothing() {
        let card = |tags: &str, text: &str| kind("org/model-42b", &format!("tags:\n- {tags}"), text);
        assert_eq!(card("mergekit", "> THIS IS A BASE MODEL"), (false, false));
        assert_eq!(card("mergekit", "Pruned from Llama 3 70B."), (true, false));
        assert_eq!(card("llama", "> This is a base model"), (false, true));
        assert_eq!(card("mergekit", "It is a fine-tuned version of X, a pretrained base model."), (true, false));
        let alpaca = "```\nBelow is an instruction that describes a task.\n```";
        assert_eq!(card("llama", alpaca), (true, false), "the prompt of an instruction-tuned model");
        let family = format!("For the chat model model-42b-chat use:\n{alpaca}");
        assert_eq!(card("llama", &family), (false, true), "the tuned sibling's prompt: this is the family's base");
    }

    #[test]
    fn a_base_sentence_about_another_model_says_nothing_of_this_one() {
        let base = |id: &str, text: &str| read_card(id, text).base.is_some();
        assert!(base("org/Foo-13B", "This repository contains the base version of the 13B parameters model."));
        // A quoted card of another size, a reference naming another model.
        assert!(!base("org/Foo-34B", "This repository contains the base version of the 13B parameters model."));
        assert!(!base("org/Foo-7B", "4. Mistral AI. The Mistral-7B-v0.1 LLM is a pretrained generative text model."));
        assert!(base("mistralai/Mistral-7B-v0.1", "The Mistral-7B-v0.1 LLM is a pretrained generative text model."));
    }
}
