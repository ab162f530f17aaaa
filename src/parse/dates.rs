//! A card's release date, with its precision (the formats cards write dates in are read by
//! [`super::date_formats`]). It is only read from a line that says so ("Model Release Date",
//! "released on", "open-sourced") and, for news lists, names the model.

use chrono::NaiveDate;
use memchr::memmem::Finder;

use super::news_words::news_finders;

pub(super) use super::date_formats::month;
pub use super::date_formats::parse_date;

use super::release_news::{
    about_another, date_alone, names_model, releases_family, releases_family_sized, releases_it, releases_its_kind,
    size_dated_elsewhere,
};
use super::release_objects::{about_another_family, about_other_dates, releases_no_model, without_file_links};

/// Precision of a release date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum DatePrecision {
    /// Exact day.
    Day,
    /// Month known; the date is the 1st.
    Month,
    /// Year known; the date is 1 January.
    Year,
}

impl DatePrecision {
    /// Every precision, finest first.
    pub const ALL: &'static [DatePrecision] = &[DatePrecision::Day, DatePrecision::Month, DatePrecision::Year];

    /// The value written to `release_date_precision`.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// Words that say the card's own model was released then.
const RELEASED: &[&str] = &["release date", "released on", "released in", "[model release]"];
/// Keys of a fact sheet's release date (`- **Release date:** …`, Helsinki-NLP's "* Release: 2022-03-09";
/// 发布日期 and 发布时间, "release date" and "release time" in Chinese).
#[rustfmt::skip]
const FACT_KEYS: &[&str] = &["date", "model date", "release date", "released", "release", "model release",
    "date of release", "launch date", "发布日期", "发布时间"];
/// A release date a card states, with the line it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct CardDate {
    /// The date (first of the month/year at coarser precision).
    pub date: NaiveDate,
    /// Its precision.
    pub precision: DatePrecision,
    /// The line it was read from, whitespace collapsed, at most 200 characters.
    pub evidence: String,
    /// That line's number in `body`, from 1.
    pub line: usize,
}

/// The release date a card states for `model_id`: from a "Release Date" label (its line or the
/// next), a "released on/in" sentence, or a news line ("open-sourced") that names the model as
/// a whole word; dates in a section about the base model are not this model's.
///
/// ```
/// use densing::parse::dates::card_release;
/// let card = "**Model Release Date** April 18, 2024.\n";
/// assert_eq!(card_release(card, "meta-llama/Meta-Llama-3-8B").unwrap().date.to_string(), "2024-04-18");
/// let news = "<b>2023-11-05</b>: The base models Yi-6B-200K and Yi-34B-200K are open-sourced.\n\
///             <b>2023-11-02</b>: The base models Yi-6B and Yi-34B are open-sourced.";
/// assert_eq!(card_release(news, "01-ai/Yi-34B").unwrap().date.to_string(), "2023-11-02");
/// ```
pub fn card_release(body: &str, model_id: &str) -> Option<CardDate> {
    card_release_in(body, &super::tables::tables(body), model_id)
}

/// Whether `text` names another model that this one derives from: it names another model, and
/// the model's name has words of its own beyond the text's, its sizes, tuning and packing words
/// (Llama-3-8b-64k-PoSE beyond "Meta Llama 3"; not a re-upload such as NousResearch/Meta-Llama-3-8B
/// or a quantized copy, whose card's dates are its original's).
fn derived_from(text: &str, name: &str) -> bool {
    use super::model_names::{is_kind_or_format, is_size, words, GENERIC};
    let said = words(text);
    let own_words = words(name);
    let extra = own_words.iter().any(|w| {
        !said.contains(w) && !is_size(w) && !is_kind_or_format(w) && !GENERIC.contains(&w.as_str()) && w != "v"
    });
    extra && about_another(text, name)
}

/// A line without the clauses that name a model as another's base ("ChatGLM, a dialogue model
/// based on GLM-130B, …" names GLM-130B only as ChatGLM's base): a news line must name the model
/// elsewhere to date it.
fn without_bases(lower: &str) -> String {
    const BASE_OF: &[&str] = &[" based on ", " built on ", " built upon ", " fine-tuned from ", " finetuned from "];
    let mut out = lower.to_owned();
    while let Some(at) = BASE_OF.iter().filter_map(|p| out.find(p)).min() {
        let end = out[at + 1..].find([',', '.', ';', ')', '，', '。']).map_or(out.len(), |e| at + 1 + e);
        out.replace_range(at..end, " ");
    }
    out
}

/// The sentence of `text` that byte `at` is in, and the next ("We released **WizardLM V1.2** models.
/// The **WizardLM-13B-V1.2** is here").
fn sentence_at(text: &str, at: usize) -> &str {
    const ENDS: &[&str] = &[". ", "。", "! ", "? ", "！", "？"];
    let start = ENDS.iter().filter_map(|e| text[..at].rfind(e).map(|k| k + e.len())).max().unwrap_or(0);
    let end_after = |from: usize| ENDS.iter().filter_map(|e| text[from..].find(e).map(|k| from + k + e.len())).min();
    let end = end_after(at).map_or(text.len(), |first| end_after(first).unwrap_or(text.len()));
    &text[start..end]
}

/// The evidence for a date read on line `i` of `lines` (`body`'s paragraphs' lines joined on each
/// one's first): the line itself, or in a paragraph of several lines the sentence that gives the
/// date, with the line (from 0) that sentence starts on.
fn date_sentence(lines: &[&str], body: &str, i: usize) -> (String, usize) {
    let line = lines[i];
    let written: Vec<&str> = body.lines().collect();
    if written.get(i) == Some(&line) {
        return (crate::parse::tables::clip(line), i);
    }
    let sentence = line.split(". ").find(|s| parse_date(s).is_some()).unwrap_or(line);
    let at = sentence.as_ptr() as usize - line.as_ptr() as usize;
    // (With its full stop.)
    let sentence = &line[at..at + sentence.len() + usize::from(line[at + sentence.len()..].starts_with('.'))];
    // (The first line as written, each next one trimmed, a space between: as `joined_lines` joins.)
    let mut end = 0;
    let on = written[i..].iter().enumerate().position(|(k, w)| {
        end += if k == 0 { w.len() } else { w.trim().len() } + 1;
        at < end
    });
    (crate::parse::tables::clip(sentence), i + on.unwrap_or(0))
}

/// [`card_release`] with the card's tables already read (`read_card` reads them once).
pub fn card_release_in(body: &str, tables: &[super::tables::Table], model_id: &str) -> Option<CardDate> {
    use chrono::Datelike;
    // A table's month ("| CodeFuse-DeepSeek-33B | 78.7% | 2024/01 |") gives way to a news line's day
    // in that month ("[2024/01/17] CodeFuse-DeepSeek-33B has been released"): the finer statement.
    let coarse = match super::release_tables::table_release(body, tables, model_id) {
        Some(t) if t.precision != DatePrecision::Day => t,
        Some(t) => return Some(t),
        None => return news_release(body, model_id).map(|d| refined(body, model_id, d)),
    };
    let same = |d: &NaiveDate| {
        d.year() == coarse.date.year() && (coarse.precision == DatePrecision::Year || d.month() == coarse.date.month())
    };
    let finer = news_release(body, model_id).filter(|n| n.precision == DatePrecision::Day && same(&n.date));
    Some(finer.unwrap_or(coarse))
}

/// A month or year stated first ("**Release Date**: October 2025") gives way to a day in it that the
/// card states further down ("**Release Date**: October 3, 2025" at its end): the finer statement.
fn refined(body: &str, model_id: &str, coarse: CardDate) -> CardDate {
    use chrono::Datelike;
    if coarse.precision == DatePrecision::Day {
        return coarse;
    }
    let after = body.split_inclusive('\n').take(coarse.line).map(str::len).sum::<usize>();
    let same = |d: &NaiveDate| {
        d.year() == coarse.date.year() && (coarse.precision == DatePrecision::Year || d.month() == coarse.date.month())
    };
    match news_release(&body[after..], model_id) {
        Some(d) if d.precision == DatePrecision::Day && same(&d.date) => CardDate { line: d.line + coarse.line, ..d },
        _ => coarse,
    }
}

/// The release date a card's text states (news lines, "Release date" fields, sentences).
fn news_release(body: &str, model_id: &str) -> Option<CardDate> {
    let name = model_id.rsplit('/').next().unwrap_or(model_id).to_ascii_lowercase();
    // (A paragraph's lines are one line: "first released in [metaseq's" over "repository](…) on
    // May 3rd 2022" is one sentence.)
    let paragraphs = super::card_text::paragraph_lines(body);
    let lines: Vec<&str> = paragraphs.iter().map(|l| l.as_ref()).collect();
    let own_words = super::model_names::words(&name);
    // (A name with a release stamp may be dated by a line that names it: looked for only then.)
    let stamped = super::release_stamps::stamped_words(model_id);
    let found = |(date, precision): (NaiveDate, DatePrecision), i: usize| {
        let (evidence, line) = date_sentence(&lines, body, i);
        Some(CardDate { date, precision, evidence, line: line + 1 })
    };
    // Headings open sections; a section about the base model (a fine-tune's card that quotes
    // its base's card) states the base's dates, not this model's.
    // (level, heading, whether the heading names a model this one derives from)
    let mut sections: Vec<(usize, String, bool)> = Vec::new();
    // Whether the current section's text so far quotes the card of a model this one derives from
    // ("Meta developed and released the Meta Llama 3 family …" on Llama-3-8b-64k-PoSE's card),
    // and the last line that titled a licence agreement.
    let (mut quotes_another, mut agreement_at, mut seen_heading) = (false, None, false);
    let mut fenced = false;
    // (Whether the last line with text had a digit: a date alone there may date a news line below.)
    let mut digit_above = false;
    for (i, line) in lines.iter().enumerate() {
        // (In a code block: a prompt's "date: 2021-01-01" dates nothing.)
        fenced ^= super::card_text::is_fence(line.trim_start());
        let has_digit = line.bytes().any(|b| b.is_ascii_digit());
        let above_may_date = digit_above;
        if !line.trim().is_empty() {
            digit_above = has_digit;
        }
        let lower = line.to_ascii_lowercase();
        let level = line.chars().take_while(|c| *c == '#').count();
        // ("**Model Date**" alone on its line titles the paragraph below as a heading would.)
        let bold =
            ["**", "__"].iter().any(|m| line.trim().starts_with(m) && line.trim().trim_end_matches(':').ends_with(m));
        let heading = level > 0 && line[level..].starts_with(' ');
        let dates_title = lower.contains("model date") || lower.contains("release date");
        // (Not in a base model's section, or one quoting another's card: its dates are that model's.)
        let own_section = !sections.iter().any(|(_, h, quoted)| h.contains("base model") || *quoted) && !quotes_another;
        if heading || bold && dates_title && own_section {
            if heading {
                sections.retain(|(l, ..)| *l < level);
                // (Not the card's title: a family card's "# DeepSeek-V2: …" heads all of DeepSeek-V2-Lite's
                // card; a pasted base card's heading comes later.)
                let later = seen_heading;
                seen_heading = true;
                sections.push((level, lower.clone(), later && derived_from(&line[level..], &name)));
                (quotes_another, agreement_at) = (false, None);
            }
            // "## Model Date" with the date on the next line (not a training period: "was trained
            // between 1st and 3rd December, 2023").
            if dates_title {
                let dated = |j: &usize| {
                    let l = lines[*j].to_ascii_lowercase();
                    parse_date(lines[*j]).filter(|_| !about_other_dates(&l))
                };
                // (The paragraph under the heading: its first two lines, however many blank lines
                // come first.)
                let first = (i + 1..lines.len()).find(|j| !lines[*j].trim().is_empty()).unwrap_or(lines.len());
                // (Under a bold key, not a list: "**Model Release Date:**" over each size's date.)
                let listed = |j: &usize| !heading && super::card_text::list_item_text(lines[*j]).is_some();
                let next = (first..lines.len().min(first + 2))
                    .take_while(|j| !lines[*j].trim().is_empty() && !lines[*j].starts_with('#') && !listed(j))
                    .find(|j| dated(j).is_some());
                if let Some((d, at)) = next.and_then(|j| dated(&j).map(|d| (d, j))) {
                    return found(d, at);
                }
            }
            if heading {
                continue;
            }
        }
        quotes_another |= lower.contains("developed and released") && derived_from(line, &name);
        // A section about the base model, or under a heading or opening words about a model this
        // one derives from (a later "# Llama-3.1-8B-Instruct Information" on a fine-tune's card that
        // pastes its base's card), unless the line names this model ("We released the DeepSeek-V2-Lite"
        // under a family title).
        let quoted = quotes_another || sections.iter().any(|s| s.2);
        if sections.iter().any(|(_, h, _)| h.contains("base model")) || quoted && !names_model(&lower, &name) {
            continue;
        }
        // A model-details table row: `| Date | December, 2023 |`.
        let cells: Vec<&str> = match line.contains('|') {
            true => line.split('|').map(str::trim).filter(|c| !c.is_empty()).collect(),
            false => Vec::new(),
        };
        // (Or the same fact as a list item of its own, the date alone after the key: `- **Date:** June
        // 2024`; not "**Model date:** LLaVA was trained in April 2023", a training date.)
        let item = cells
            .is_empty()
            .then(|| super::benchmarks::strip_markup(super::card_text::list_item_text(line).unwrap_or(line)));
        let pair = match cells.as_slice() {
            [key, value] => Some((super::benchmarks::strip_markup(key), *value)),
            _ => item
                .as_deref()
                .and_then(|t| t.split_once([':', '：']))
                .filter(|(_, v)| v.split_whitespace().count() <= 3)
                .map(|(k, v)| (k.to_owned(), v)),
        };
        if let Some((key, value)) = pair.filter(|_| !fenced) {
            // (A key as its text: "**Date**", "[Date](…)".)
            let key = key.trim().to_ascii_lowercase();
            if FACT_KEYS.contains(&key.as_str()) {
                if let Some(d) = parse_date(value) {
                    return found(d, i);
                }
            }
        }
        // A licence quoted on the card ("Tongyi Qianwen LICENSE AGREEMENT", then "Tongyi Qianwen
        // Release Date: August 3, 2023"; Llama's "Version Release Date") dates the licence.
        let licence_title = lower.contains("license agreement") || lower.contains("licence agreement");
        let release_date_at = lower.find("release date");
        // A line with no digit, under a line with none, not saying "release date" (whose date may be on
        // the next lines), dates nothing, and unless it titles a licence it is passed: most lines are
        // not searched for news words.
        if !has_digit && !above_may_date && release_date_at.is_none() && !licence_title {
            continue;
        }
        if about_other_dates(&lower) {
            continue;
        }
        if licence_title {
            agreement_at = Some(i);
        }
        if sections.iter().any(|(_, h, _)| h.contains("license") || h.contains("licence"))
            || agreement_at.is_some_and(|a| i - a <= 4)
        {
            continue;
        }
        if let Some(d) = stamped.as_deref().and_then(|own| super::release_stamps::stamped_date(line, own, model_id)) {
            return found(d, i);
        }
        if let Some(pos) = release_date_at {
            // Not another model's ("Swallow-7B-Plus … its release date is March 2nd, 2024").
            let start = lower[..pos].rfind(". ").map_or(0, |p| p + 2);
            // "Llama 3.1 Version Release Date" (a license quoted on Llama Guard 3's card): a
            // version this model's name does not carry is another release's.
            let version = lower[..pos].trim_end().ends_with("version")
                && super::model_names::words(&lower[start..pos])
                    .iter()
                    .any(|w| w.chars().all(|c| c.is_ascii_digit()) && !own_words.contains(w));
            if version {
                continue;
            }
            if let Some(d) = parse_date(&line[pos..]).filter(|_| !about_another(&line[start..], &name)) {
                return found(d, i);
            }
            // The date on one of the next lines, maybe a list by size ("**Model Release Date:**",
            // then "* **70B Instruct: December 6, 2024**"): the first not about another model.
            let next = (i + 1..lines.len()).filter(|j| !lines[*j].trim().is_empty()).take(3);
            if let Some((d, j)) = next
                .filter_map(|j| parse_date(lines[j]).filter(|_| !about_another(lines[j], &name)).map(|d| (d, j)))
                .next()
            {
                return found(d, j);
            }
        }
        // (A "pre-release" is no release.)
        let pre = |at: &usize| lower[..*at].ends_with("pre-") || lower[..*at].ends_with("pre");
        // ("Now available on ModelScope": on one more platform, after its release.)
        let elsewhere = |w: &str, at: usize| {
            let next = lower[at + w.len()..].split_whitespace().next().unwrap_or("");
            w == "now available" && ["on", "at", "in", "via", "through", "from"].contains(&next)
        };
        // (A line of ASCII holds none of the Chinese words.)
        let ascii = lower.is_ascii();
        let at = |(w, finder): &(&str, Finder<'static>)| {
            finder.find_iter(lower.as_bytes()).find(|i| !pre(i) && !elsewhere(w, *i))
        };
        let news_at = news_finders().iter().filter(|(w, _)| !ascii || w.is_ascii()).filter_map(at).min();
        // "The official version will be released this November 2024": a release to come.
        let to_come = |at: usize| ["will be", "to be", "will"].iter().any(|w| lower[..at].trim_end().ends_with(w));
        // ("Our Technical Report has been released on arXiv", "We released a new paper": not the model.)
        if news_at.is_some_and(|at| releases_no_model(&lower, at, &name) || to_come(at)) {
            continue;
        }
        // A short line that is only the statement: "Released August 11, 2023", "**Released:** …".
        let bare = lower.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
        // A "released on" sentence says it of the model, in its subject ("The music video … was
        // released on January 6, 2011" in an example's output says it of a video).
        let of_model = |s: &str| {
            let named = super::model_names::words(s).iter().any(|w| w.len() > 2 && own_words.contains(w));
            ["model", "weight", "checkpoint", "we ", "our ", "it ", "this "].iter().any(|w| s.contains(w)) || named
        };
        // (Each of them says "release": looked for only on a line that does.)
        let said = lower.contains("release")
            && RELEASED.iter().any(|w| {
                lower.split(". ").any(|s| {
                    s.find(w).is_some_and(|at| matches!(*w, "release date" | "[model release]") || of_model(&s[..at]))
                })
            })
            || bare.starts_with("released") && bare.len() <= 40;
        // Not when the sentence that gives the date is about another model ("In August 2024, we
        // released Qwen2-Math. A month later, … Qwen2.5-Math-1.5B").
        // (Looked for only on a line that says "released": most lines do not.)
        let dated = || line.split(". ").find(|s| parse_date(s).is_some()).unwrap_or(line);
        // (In the sentence that gives the date: "In August 2024, we released Qwen2-Math. A month
        // later, … Qwen2.5-Math-1.5B" dates Qwen2-Math.)
        let sized = news_at.is_some() && releases_family_sized(&dated().to_ascii_lowercase(), &name);
        // (Worked out only when asked, once: whether the line releases the model's whole family.)
        let family_cell = std::cell::OnceCell::new();
        let family = || {
            *family_cell.get_or_init(|| {
                news_at.is_some() && releases_family(&lower, &name) && !size_dated_elsewhere(&lines, i, &name)
            })
        };
        // (The model named in the sentence that says released, or the next: "…筛选出2023年9月份新发布的
        // …文章。" and, three sentences on, "…Skywork-13B-Base取得最优效果" dates articles.)
        // (Or the news item links to the model's own page: "Check out the … [model](https://huggingface.co/
        // inclusionAI/AReaL-SEA-235B-A22B)".)
        let news = || {
            news_at.is_some_and(|at| {
                let named = names_model(&without_bases(&without_file_links(sentence_at(&lower, at))), &name);
                let linked = || super::ids::hub_ids_in(line).iter().any(|l| l.eq_ignore_ascii_case(model_id));
                releases_it(&lower, at, &name) && (named || linked())
            }) || family()
        };
        // ("Chat models are open-sourced", "`Foo-7B` models": this one's kind, its base and tunes.)
        let kind = news_at.is_some() && releases_its_kind(&lower, &name, &lines);
        if said || sized || kind || news() {
            // (Or a version of a name that has none: "We released Marco-o1 v3" does not say which
            // version the repository "Marco-o1" holds.)
            let another = || {
                let other = if family() { about_another_family(dated(), &name) } else { about_another(dated(), &name) };
                other
                    || super::mentions::names_a_version(dated(), &name)
                    || super::mentions::names_another_joined_version(dated(), &name)
            };
            if let Some(d) = parse_date(line).filter(|_| sized || kind || !another()) {
                return found(d, i);
            }
            // A milestone list's date on a line of its own above ("**[26 July 2023]**", then "GenZ-13B V2:
            // … the release of our Genz 13B v2 model").
            let above = (0..i).rev().find(|j| !lines[*j].trim().is_empty()).filter(|j| date_alone(lines[*j]));
            if let Some(((date, precision), j)) =
                above.and_then(|j| parse_date(lines[j]).map(|d| (d, j))).filter(|_| !another())
            {
                let evidence = crate::parse::tables::clip(&format!("{} {}", lines[j].trim(), line.trim()));
                return Some(CardDate { date, precision, evidence, line: j + 1 });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The release date `card_release` reads for `id`, as text.
    fn d(card: &str, id: &str) -> Option<String> {
        card_release(card, id).map(|d| d.date.to_string())
    }

    #[test]
    fn releases_of_other_things_date_no_model() {
        // A file in the model's repository is no mention of the model.
        let workflows = "* Apr.28, 2024. ComfyUI workflows for the one-step LoRA are [released](https://huggingface.co/Org/Fast-SD/tree/main/comfyui)!\n";
        assert_eq!(d(workflows, "Org/Fast-SD"), None);
        let animals = "- **`2024/08/02`**: We released a version of the **Animals model**. Details [here](https://github.com/Org/FacePortrait/blob/main/docs/changelog/2024-08-02.md).\n";
        assert_eq!(d(animals, "Org/FacePortrait"), None);
        // A link to the repository itself still names it.
        let repo = "- 2024/07/04: We released the inference code and weights of [the model](https://huggingface.co/Org/FacePortrait).\n";
        assert_eq!(d(repo, "Org/FacePortrait").as_deref(), Some("2024-07-04"));
        // A paper, features, a later version, a music video.
        let paper = "Update 20 Dec 2022: We released a new paper documenting FooNER and its dataset.\n";
        assert_eq!(d(paper, "org/FooNER"), None);
        let features = "- **New Releases (extended features released on October 2024)**\n";
        assert_eq!(d(features, "org/ttm-r1"), None);
        let versions = "- **version 1.1**: Version 1.1 of the model was released in Jan 2024, with a tokenizer fix.\n";
        assert_eq!(d(versions, "org/czech-base"), None);
        assert_eq!(d(versions, "org/czech-base-1.1").as_deref(), Some("2024-01-01"), "the name's own version");
        // A first version on a name with none: the unversioned repository is that release.
        let first = "**[2023/09/26]** Foo-LawLLM v1.0 is released.\n";
        assert_eq!(d(first, "org/Foo-LawLLM").as_deref(), Some("2023-09-26"));
        assert_eq!(d(&first.replace("v1.0", "v2.0"), "org/Foo-LawLLM"), None, "a later version");
        assert_eq!(d(first, "org/Foo-LawLLM-v2"), None, "another version than the name's");
        let video = "Top Document: The music video for the song, which was filmed in October 2010, was released on January 6, 2011.[5] It features cameos.\n";
        assert_eq!(d(video, "org/embed-small-v1"), None);
        assert_eq!(
            d("The model was released on January 6, 2011.\n", "org/embed-small-v1").as_deref(),
            Some("2011-01-06")
        );
        assert_eq!(
            d("ViP-LLaVa was released in December 2023.\n", "llava-hf/vip-llava-7b-hf").as_deref(),
            Some("2023-12-01")
        );
        let listed = "* `2024.10.10` We release the [technical report](https://arxiv.org/abs/1), [project page](https://x.io) and [model checkpoint](https://huggingface.co/org/flow-sd3).\n";
        assert_eq!(d(listed, "org/flow-sd3").as_deref(), Some("2024-10-10"), "a model among other things");
        let available = "- `2024/10/25`: The [Foo-VL-2B](https://huggingface.co/org/Foo-VL-2B) model and a dataset are now available. We also released the [technical report](https://arxiv.org/abs/1).\n";
        assert_eq!(d(available, "org/Foo-VL-2B").as_deref(), Some("2024-10-25"));
        let mirrors = "- 2023-12-07: Foo-Chat-34B is now available on\n  [a mirror](https://x.cn/Foo-Chat-34B).\n";
        assert_eq!(d(mirrors, "org/Foo-Chat-34B"), None, "one more platform, after its release");
        let tagged = "<summary><b>2024-03-16</b>: The <code>Yi-9B-200K</code> is open-sourced and available to the public.</summary>\n";
        assert_eq!(d(tagged, "01-ai/Yi-9B-200K").as_deref(), Some("2024-03-16"));
    }

    #[test]
    fn a_news_line_releasing_a_later_version_that_beats_this_one_is_not_its_release() {
        let news = "- [2023/10/15] We released **Pandalyst-7B-V1.2**, which surpasses **Pandalyst-7B-V1.1**.\n\
                    - [2023/09/30] We released **Pandalyst-7B-V1.1**, which surpasses WizardCoder.\n";
        let d = card_release(news, "pipizhao/Pandalyst-7B-V1.1").map(|d| d.date.to_string());
        assert_eq!(d.as_deref(), Some("2023-09-30"));
        let list = "- 2024.01.05: We open-sourced Foo-7B-Pretrain , Foo-7B-Instruct and Foo-13B.\n";
        assert!(card_release(list, "org/Foo-7B-Instruct").is_some(), "one list of releases");
        let to_come = "Foo Preview is a pre-release. The official Foo will be released this November 2024.\n";
        assert_eq!(card_release(to_come, "org/Foo-Preview"), None, "a release to come");
    }

    #[test]
    fn a_news_line_releasing_the_family_with_the_models_size_dates_it() {
        let deep = "- 2025.03.18: We release the EXAONE Deep, reasoning models, including 2.4B, 7.8B, and 32B.\n";
        assert_eq!(d(deep, "LGAI-EXAONE/EXAONE-Deep-32B").as_deref(), Some("2025-03-18"));
        assert_eq!(d(deep, "LGAI-EXAONE/EXAONE-Deep-70B"), None, "not its size");
        let moe = "- 2025.12.31 : We release K-EXAONE, a 236B MoE model with 23B active params.\n";
        assert_eq!(d(moe, "LGAI-EXAONE/K-EXAONE-236B-A23B").as_deref(), Some("2025-12-31"));
        let tuned = "- 2024.08.07: We released the EXAONE 3.0 7.8B instruction-tuned model.\n";
        assert_eq!(d(tuned, "LGAI-EXAONE/EXAONE-3.0-7.8B-Instruct").as_deref(), Some("2024-08-07"));
        assert_eq!(d(tuned, "LGAI-EXAONE/EXAONE-3.0-7.8B"), None, "the base, not its tune");
        // Another version or variant of the family at that size.
        let later = "- [2023/12/08] 发布 **XVERSE-65B-2** 底座模型。\n";
        assert_eq!(d(later, "xverse/XVERSE-65B"), None);
        let api = "- [9/27/2023] Tigerbot-70b-chat-api发布function\n";
        assert_eq!(d(api, "TigerResearch/tigerbot-70b-chat-v6"), None);
        let current = "*Update (Mar. 7th, 2024): The current release version of Breeze-7B is v1.0. See Breeze-7B-Instruct-v1_0.*\n";
        assert_eq!(d(current, "MediaTek-Research/Breeze-7B-Instruct-v0_1"), None);
        let other =
            "- [2023/09/30] We released **Pandalyst-7B-V1.1**, which surpasses **WizardCoder-Python-13B-V1.0**.\n";
        assert_eq!(d(other, "unknown/Pandalyst_13B_V1.0"), None);
        let base = "- 2025.03.18: We release the Foo base models, including 7B and 32B.\n";
        assert_eq!(d(base, "org/Foo-32B-Instruct"), None, "the other kind of model");
    }

    #[test]
    fn a_news_line_releasing_the_whole_family_dates_its_members() {
        let tora = "- [2023/10/08] All ToRA models released at HuggingFace!\n";
        assert_eq!(d(tora, "llm-agents/tora-7b-v1.0").as_deref(), Some("2023-10-08"));
        assert_eq!(d(tora, "llm-agents/tora-code-7b-v1.0").as_deref(), Some("2023-10-08"), "all of the first word's");
        let series = "- [2025.06.06] MiniCPM4 series are released!\n";
        assert_eq!(d(series, "openbmb/MiniCPM4-8B").as_deref(), Some("2025-06-06"));
        assert_eq!(d(series, "openbmb/MiniCPM4-0.5B").as_deref(), Some("2025-06-06"), "a decimal size");
        assert_eq!(d(series, "openbmb/MiniCPM4.1-8B"), None, "a later version of the family");
        let later = "- 2025/07/24: About `Kanana-1.5-15.7B-A3B` models.\n- 2025/05/23: Released `Kanana 1.5` models.\n";
        assert_eq!(d(later, "kakaocorp/kanana-1.5-15.7b-a3b-instruct"), None, "a later line names its size");
        assert_eq!(d(later, "kakaocorp/kanana-1.5-8b-instruct").as_deref(), Some("2025-05-23"));
        // A family name that reads as a model's ("Falcon-H1", "Yi-1.5") is no other model.
        let falcon =
            "- 05/21/2025 [Falcon-H1 series](https://huggingface.co/collections/tiiuae/falcon-h1-68) is finally out!\n";
        assert_eq!(d(falcon, "tiiuae/Falcon-H1-1.5B-Instruct").as_deref(), Some("2025-05-21"));
        let yi = "- 2024-05-13: The Yi-1.5 series models are open-sourced, improving coding.\n";
        assert_eq!(d(yi, "01-ai/Yi-1.5-34B-Chat").as_deref(), Some("2024-05-13"));
        assert_eq!(d(&yi.replace("coding", "on DeepSeek-V2"), "01-ai/Yi-1.5-34B-Chat"), None, "another model named");
        let public = "- Oct 30, 2024: 🚀 MobileLLM models are publicly available on [HuggingFace](https://x)\n";
        assert_eq!(d(public, "facebook/MobileLLM-125M").as_deref(), Some("2024-10-30"));
        // A ".0" adds nothing to a name: "Yuan2.0-M32" is Yuan2-M32, not "Yuan2.5-M32".
        let yuan = "* **[2024-05-28]** **Yuan2.0-M32 released**\n";
        assert_eq!(d(yuan, "IEITYuan/Yuan2-M32").as_deref(), Some("2024-05-28"));
        assert_eq!(d(&yuan.replace("2.0", "2.5"), "IEITYuan/Yuan2-M32"), None);
        let sized = "- [2025.06.06] MiniCPM4 series (0.5B) are released!\n";
        assert_eq!(d(sized, "openbmb/MiniCPM4-8B"), None, "a size names some members only");
        let all = "- [2023/07/05]: Released Vigogne models.\n";
        assert_eq!(d(all, "bofenghuang/vigogne-7b-chat").as_deref(), Some("2023-07-05"));
        let based = "- [2023/07/05]: Released Vigogne models based on [Falcon](https://x) and [MPT](https://y).\n";
        assert_eq!(d(based, "bofenghuang/vigogne-7b-chat"), None, "only the members on those bases");
        // No date in a link's target.
        let blog = "**Read our release [blog post](https://crfm.stanford.edu/2023/03/13/alpaca.html) on Alpaca models, and why we \
                    are releasing a reproducible model.**\n";
        assert_eq!(d(blog, "tatsu-lab/alpaca-7b-wdiff"), None);
        // A table's month gives way to a news line's day in that month: the finer statement.
        let table = "| Model | HumanEval | Date |\n|---|---|---|\n| **CodeFuse-DeepSeek-33B** | 78.7% | 2024/01 |\n";
        let news = "[2024/01/17] [CodeFuse-DeepSeek-33B](https://huggingface.co/codefuse-ai/CodeFuse-DeepSeek-33B) has been released.\n\n";
        let card = format!("{news}{table}");
        assert_eq!(d(&card, "codefuse-ai/CodeFuse-DeepSeek-33B").as_deref(), Some("2024-01-17"));
        assert_eq!(
            d(&card.replace("2024/01/17", "2024/03/02"), "codefuse-ai/CodeFuse-DeepSeek-33B").as_deref(),
            Some("2024-01-01")
        );
        // Another version joined to the family's name: CodeGen1.0 is not codegen25 (2.5).
        let codegen = "**March 2022** **CodeGen1.0** released on par with OpenAI Codex at the time.\n";
        assert_eq!(d(codegen, "Salesforce/codegen25-7b-mono"), None);
        assert_eq!(d(codegen, "Salesforce/codegen-16B-mono").as_deref(), Some("2022-03-01"), "a name with no version");
        let text =
            "The model was released on March 13, 2023 ([blog post](https://crfm.stanford.edu/2023/03/20/a.html)).\n";
        assert_eq!(d(text, "tatsu-lab/alpaca-7b-wdiff").as_deref(), Some("2023-03-13"), "the text's date");
    }

    #[test]
    fn a_news_line_releasing_the_models_of_its_kind_dates_it() {
        let yi = "- 🎯 2023-11-23: <a href=\"#chat-models\">Chat models</a> are open-sourced.\n- 🎯 2023-11-02: The base models, Yi-6B and Yi-34B, are open-sourced.\n";
        assert_eq!(d(yi, "01-ai/Yi-34B-Chat").as_deref(), Some("2023-11-23"));
        // (The date in words, as in digits.)
        let spelled = yi.replace("2023-11-23", "**November 23, 2023**").replace("2023-11-02", "Nov 2, 2023");
        assert_eq!(d(&spelled, "01-ai/Yi-34B-Chat").as_deref(), Some("2023-11-23"));
        let adapt = "* 2023/12/8: Released our [chat models](https://huggingface.co/AdaptLLM/law-chat) developed from LLaMA-2-Chat-7B\n";
        assert_eq!(d(adapt, "AdaptLLM/finance-chat").as_deref(), Some("2023-12-08"), "what they were made from aside");
        assert_eq!(d(adapt, "AdaptLLM/finance-LLM"), None, "not the kind of its name");
        assert_eq!(d(&adapt.replace("our", "Qwen-7B"), "AdaptLLM/finance-chat"), None, "another family's chat models");
        assert_eq!(d(&adapt.replace("our", "our 13B"), "AdaptLLM/finance-chat"), None, "another size");
        assert_eq!(d(adapt, "someone/finance-chat-finetuned"), None, "a tune of it quoting its news");
        // The name without its tuning word, as "models": the base and its tunes.
        let kanana =
            "- `2025/07/24`: Published a blog post about `Kanana-1.5-15.7B-A3B` models and released weights.\n";
        assert_eq!(d(kanana, "kakaocorp/kanana-1.5-15.7b-a3b-instruct").as_deref(), Some("2025-07-24"));
        assert_eq!(d(kanana, "kakaocorp/kanana-1.5-8b-instruct"), None, "another size");
        // Or alone, right after the release word; not a base model's line, nor what else was released.
        let v2 = "- 2024.05.16: We released the DeepSeek-V2-Lite.\n";
        assert_eq!(d(v2, "deepseek-ai/DeepSeek-V2-Lite-Chat").as_deref(), Some("2024-05-16"));
        assert_eq!(d("- 2023-11-02: The base models, Yi-6B and Yi-34B, are released.\n", "01-ai/Yi-34B-Chat"), None);
        assert_eq!(d("- 2024/07/24: We released a report on training Foo-9B.\n", "org/Foo-9B-Chat"), None);
        // A name with no tuning word is a base's, of the size the line states.
        let base = "* 2023/12/19: Released our [13B base models](https://huggingface.co/x/law-LLM-13B) developed from LLaMA-1-13B.\n";
        assert_eq!(d(base, "AdaptLLM/medicine-LLM-13B").as_deref(), Some("2023-12-19"));
        assert_eq!(d(base, "AdaptLLM/medicine-LLM"), None, "no size of its own in the line");
        assert_eq!(d(base, "AdaptLLM/medicine-chat-13B"), None, "a tune");
        // A line releasing the model by name outranks its kind's.
        let named = format!("{adapt}* 2024/01/02: Released finance-chat v2 weights.\n");
        assert_ne!(d(&named, "AdaptLLM/finance-chat").as_deref(), Some("2023-12-08"));
    }

    #[test]
    fn a_news_line_releasing_the_family_by_name_dates_its_members() {
        let card = "## News\n\n[2026/01/22] We release [Stable-DiffCoder](https://x.io/Stable-DiffCoder)!\n";
        assert_eq!(d(card, "ByteDance-Seed/Stable-DiffCoder-8B-Instruct").as_deref(), Some("2026-01-22"));
        // Not a later version, another model of the family's name, another size, or a one-word family.
        let none = |line: &str, id: &str| assert_eq!(d(line, id), None, "{line}");
        none("[2026/01/22] We release Stable-DiffCoder-v2!\n", "org/Stable-DiffCoder-8B-Instruct");
        none("[2026/01/22] We release Stable-DiffCoder Math!\n", "org/Stable-DiffCoder-8B-Instruct");
        none("[2026/01/22] We release Stable-DiffCoder (3B)!\n", "org/Stable-DiffCoder-8B-Instruct");
        none("[2024/06/07] We release Qwen2!\n", "Qwen/Qwen2-7B-Instruct");
        // The family as the subject of a passive release, with nothing before it but the date.
        let passive = "- 2022/09/16 [Foo-Ant](https://github.com/x/y) is released!\n";
        assert_eq!(d(passive, "org/foo-ant-10b").as_deref(), Some("2022-09-16"));
        // (A later line linking the model's page names no size: its link target says nothing.)
        let linked =
            format!("- 2023/04/12 Foo-Ant is in [Transformers](https://huggingface.co/org/foo-ant-10b)!\n{passive}");
        assert_eq!(d(&linked, "org/foo-ant-10b").as_deref(), Some("2022-09-16"));
        none("- 2022/10/12 [Foo-Ant+](https://github.com/x/y), a bilingual model, is released!\n", "org/foo-ant-10b");
        none("- 2022/09/16 The paper of [Foo-Ant](https://x) is released!\n", "org/foo-ant-10b");
        // In Chinese, the model its release phrase ends on ("open-sourced a … mixture-of-experts model Foo-MOE").
        let zh = "* [2024/04/14] 开源了基于Qwen1.5指令微调的专家混合模型Foo-MOE\n";
        assert_eq!(d(zh, "org/Foo-MOE-14B").as_deref(), Some("2024-04-14"));
        none("* [2024/04/14] 开源了专家混合模型Foo-MOE的技术报告\n", "org/Foo-MOE-14B");
    }

    #[test]
    fn a_release_built_on_the_model_or_a_port_of_it_is_no_release_of_it() {
        let guard = "Building on the foundation laid by Foo-Lion v4, we are proud to introduce the first generation \
                     of Foo-Guard. Released on 4 Feb 2026, Foo-Guard is the safety counterpart to the Foo-Lion family.\n";
        assert_eq!(d(guard, "org/Foo-Lion-v4"), None);
        let own = "Building on Foo-Lion v3, we introduce Foo-Lion v4 on 4 Feb 2026.\n";
        assert_eq!(d(own, "org/Foo-Lion-v4").as_deref(), Some("2026-02-04"), "the model named in the release itself");
        let port =
            "* **2022-12-31**: We release the FasterTransformer version of CodeFoo in [x](https://github.com/x/y).\n";
        assert_eq!(d(port, "org/CodeFoo"), None);
        assert_eq!(d("* **2022-09-30**: We release CodeFoo.\n", "org/CodeFoo").as_deref(), Some("2022-09-30"));
        // Named in the release only as what the released model was tuned from: the base's own line dates it.
        let tuned = "- [2024-02-09] 发布基于Foo-Mixtral-8x7B指令微调的模型：[Bar 3.0](https://github.com/x/bar)。\n\
                     - [2024-01-18] 发布Foo-Mixtral-8x7B基座模型。\n";
        assert_eq!(d(tuned, "org/Foo-Mixtral-8x7B").as_deref(), Some("2024-01-18"));
        assert_eq!(d("- 2024-03-01: We release a chat model fine-tuned from Foo-7B.\n", "org/Foo-7B"), None);
        // The model as the owner of what a Chinese release gives (details of its tuning), not its weights.
        let details = "[2024/10/24]发布了Foo-LLM微调和评估的细节。博客：https://x\n\n[2024/10/28]发布了Foo-LLM模型。\n";
        assert_eq!(d(details, "org/Foo-LLM").as_deref(), Some("2024-10-28"));
        assert_eq!(
            d("[2024/10/24]发布了Foo-LLM的模型权重和评估的细节。\n", "org/Foo-LLM").as_deref(),
            Some("2024-10-24")
        );
        let both = "- 2024-03-01: We release Foo-7B and a chat model based on Foo-7B.\n";
        assert_eq!(d(both, "org/Foo-7B").as_deref(), Some("2024-03-01"), "named as a release too");
    }

    #[test]
    fn a_news_lists_model_release_tag() {
        let news =
            "## News\n- [Demo Release] Dec, 2022: [Demo](https://x)\n- [Model Release] Dec, 2022: [link](#load-model-for-diffusion-v14)\n";
        assert_eq!(d(news, "microsoft/Promptist").as_deref(), Some("2022-12-01"));
        assert_eq!(d("- [Model Release] Dec, 2022: Bar-7B weights\n", "org/Foo-7B"), None, "another model's");
        assert_eq!(d("- [Demo Release] Dec, 2022: [Demo](https://x)\n", "org/Foo"), None);
        // A Hub collection's target names no other model: its slug is the family and a hash.
        let collection = "## News\n- Sept 12, 2025: Foo-R1 models are released on [HuggingFace](https://huggingface.co/collections/org/foo-r1-68c4597b104fac45f28f448e).\n";
        assert_eq!(d(collection, "org/Foo-R1-950M").as_deref(), Some("2025-09-12"));
    }

    #[test]
    fn a_news_line_linking_the_models_own_repository_releases_it() {
        let linked =
            "+ **[2024/2/4]** 发布与[APUS](https://www.apusai.com/)联合训练的 **Chinese-LLaMA-2 (70B)** 模型，\
                      [下载地址](https://huggingface.co/Linly-AI/Chinese-LLaMA2-70B-chat-hf)\n";
        assert_eq!(d(linked, "Linly-AI/Chinese-LLaMA2-70B-chat-hf").as_deref(), Some("2024-02-04"));
        assert_eq!(d(linked, "Linly-AI/Chinese-LLaMA2-13B-chat-hf"), None, "another repository's");
        let both = linked.replace("下载地址](", "下载地址](https://huggingface.co/org/Other-7B) [x](");
        assert_eq!(d(&both, "Linly-AI/Chinese-LLaMA2-70B-chat-hf"), None, "a line linking another repository too");
        // The line names the model as the thing released: a sized name in the link to its own
        // repository and a data set's link beside it take nothing away.
        let sized =
            "**[2023/09/26]** Foo-Law 已正式发布，开源 [Foo-Law-13B 模型](https://huggingface.co/org/Foo-Law) 和 \
                     [Foo-Law-SFT 数据集](https://huggingface.co/datasets/org/Foo-Law-SFT)。\n";
        assert_eq!(d(sized, "org/Foo-Law").as_deref(), Some("2023-09-26"));
        let other = "**[2023/09/26]** 开源 [Bar-Law-13B 模型](https://huggingface.co/org/Bar-Law-13B)。\n";
        assert_eq!(d(other, "org/Foo-Law"), None, "another repository's model");
    }

    #[test]
    fn a_milestone_lists_date_on_the_line_above_dates_its_release() {
        let card = "**[27 July 2023]**\n[GenZ-13B V2 (4-bit)](x) : Announcing our GenZ-13B v2 with 4-bit quantisation.\n\n\
                    **[26 July 2023]**\n[GenZ-13B V2](x) : We're excited to announce the release of our Genz 13B v2 model.\n";
        let got = card_release(card, "budecosystem/genz-13b-v2").unwrap();
        assert_eq!((got.date.to_string().as_str(), got.line), ("2023-07-26", 4));
        assert!(got.evidence.contains("release of our Genz 13B v2"), "{}", got.evidence);
        // Not a dated line that says more than its date ("- 09/12/2023: New models:").
        let more = "- 09/12/2023: New models:\n  - We release cross-encoder models `Foo-13B`.\n";
        assert_eq!(d(more, "org/Foo-13B"), None);
        // A news line with no digit of its own, under its date alone, is still read.
        let plain = "**[26 July 2023]**\n\nWe are excited to announce the release of our Orca-Mini model.\n";
        assert_eq!(d(plain, "org/Orca-Mini").as_deref(), Some("2023-07-26"));
    }

    #[test]
    fn chinese_news_lines_date_the_model_they_release() {
        let news = "- 2023年8月28日：发布基于Llama2进行中文预训练的开源大模型[Atom-7B](https://huggingface.co/FlagAlpha/Atom-7B)\n";
        assert_eq!(d(news, "FlagAlpha/Atom-7B").as_deref(), Some("2023-08-28"));
        // A licence changed, or a figure as of a date, is no release.
        let licence = "- 2024年12月25日将本项目的大模型 Foo-7B 开源许可证变更为新许可证\n";
        assert_eq!(d(licence, "org/Foo-7B"), None);
        assert_eq!(d("- 截至2024年5月，Foo-7B 开源下载量超过一万\n", "org/Foo-7B"), None);
        // Written in traditional characters, linking the model's own repository.
        let traditional = "[2024.08.10] FooX [模型開源](https://huggingface.co/org/FooX-8x7B-Instruct)\n";
        assert_eq!(d(traditional, "org/FooX-8x7B-Instruct").as_deref(), Some("2024-08-10"));
    }

    #[test]
    fn knowledge_cutoffs_are_not_release_dates() {
        assert!(
            card_release("Knowledge cutoff March, 2023\nTrained between January 2023 and July 2023", "a/b").is_none()
        );
        assert!(card_release("The Yi-34B-200K (released on Nov 5, 2023) previous version", "01-ai/Yi-34B").is_none());
        let d = card_release("It was released on November 29, 2023.", "deepseek-ai/deepseek-llm-7b-base");
        assert_eq!(d.unwrap().date.to_string(), "2023-11-29");
        let line = card_release("# GodziLLa 2 70B\n\nReleased August 11, 2023\n", "MayaPH/GodziLLa2-70B").unwrap();
        assert_eq!((line.date.to_string(), line.line), ("2023-08-11".to_owned(), 3));
        let two =
            "In August 2024, we released Qwen2-Math. A month later, we open-sourced Qwen2.5-Math-1.5B and others.";
        assert!(card_release(two, "Qwen/Qwen2.5-Math-1.5B").is_none(), "the date is the other sentence's");
        let long = "Released by the team together with a paper and a demo on August 11, 2023";
        assert!(card_release(long, "a/b").is_none(), "only a line that is the statement");
    }

    #[test]
    fn a_release_date_column_in_the_models_row() {
        let list = "| Model | Type | Transformers(HF) | Release Date |\n|---|---|---|---|\n\
                    | **InternLM2-Law-7B** | SFT | [internlm/internlm2-law-7b](https://hf.co/internlm/internlm2-law-7b) | 2024-05-15 |\n\
                    | InternLM2-Law-20B | SFT | link | 2024-06-01 |\n";
        let d = card_release(list, "internlm/internlm2-law-7b").unwrap();
        assert_eq!((d.date.to_string(), d.line), ("2024-05-15".to_owned(), 3));
        assert_eq!(card_release(list, "internlm/internlm2-law-20b").unwrap().date.to_string(), "2024-06-01");
        assert!(card_release(list, "internlm/internlm2-law-1.8b").is_none(), "no row names it");
        let transposed =
            "| | Solar Pro | Qwen 2.5 14B |\n|---|---|---|\n| *Release Date* | 2024.09.08 | 2024.09.19 |\n";
        assert_eq!(card_release(transposed, "upstage/solar-pro").unwrap().date.to_string(), "2024-09-08");
        // A model zoo's "Released Date", written without leading zeros.
        let zoo = "| Model | Backbone | Released Date |\n|---|---|---|\n| [YuLan-Chat-2-13B](link) | LLaMA2-13B | 2023.8.2 |\n";
        assert_eq!(card_release(zoo, "yulan-team/YuLan-Chat-2-13b").unwrap().date.to_string(), "2023-08-02");
        // A two-digit year under the key; only there (a version elsewhere is no date).
        let short = "| Model | Trained From | Release Date |\n|---|---|---|\n| [**Light-R1-7B-DS (ours)**](x) | Qwen-7B | 25.3.12 |\n";
        assert_eq!(card_release(short, "qihoo360/Light-R1-7B-DS").unwrap().date.to_string(), "2025-03-12");
        assert!(card_release(&short.replace("Release Date", "Version"), "qihoo360/Light-R1-7B-DS").is_none());
        // A year and month under a "Date" key, in the row naming the model.
        let month = "| Model | HumanEval(pass@1) | Date |\n|---|---|---|\n| **Foo-34B** | **74.4%** | 2023.9 |\n";
        let got = card_release(month, "org/Foo-34B").unwrap();
        assert_eq!((got.date.to_string(), got.precision), ("2023-09-01".to_owned(), DatePrecision::Month));
        assert!(card_release(&month.replace("Date", "Version"), "org/Foo-34B").is_none());
        // The date column before the name's.
        let first = "| Date | HF Checkpoint | Tokens |\n|---|---|---|\n| 2023-10-01 | [Foo-1B-Chat-v0.3](x) | 1T |\n\
                     | 2023-11-04 | [Foo-1B-Chat-V0.4](x) | 1.5T |\n";
        assert_eq!(card_release(first, "org/Foo-1B-Chat-v0.4").unwrap().date.to_string(), "2023-11-04");
        // A row linking to a Hub repository of the model's name, under a longer label.
        let linked = "| Date | HF Checkpoint |\n|---|---|\n| 2023-09-04 | [Foo-1B-intermediate-step-50k](https://huggingface.co/old/Foo-1B-step-50K) |\n";
        assert_eq!(card_release(linked, "org/Foo-1B-step-50K").unwrap().date.to_string(), "2023-09-04");
        assert!(card_release(linked, "org/Foo-1B-step-60K").is_none());
    }

    #[test]
    fn a_model_date_heading_and_a_quoted_base_model_section() {
        let d = card_release("# MPT\n\n## Model Date\n\nJune 22, 2023\n", "mosaicml/mpt-30b-chat").unwrap();
        assert_eq!((d.date.to_string(), d.line), ("2023-06-22".to_owned(), 5));
        let quoted = "# My tune\n\n# Base Model\n\n## Model Details\n\n**Model Release Date** April 18, 2024.\n";
        assert!(card_release(quoted, "org/Llama-3-8B-Tune").is_none());
    }

    #[test]
    fn a_month_gives_way_to_a_day_in_it_stated_further_down() {
        let card = "- **Release Date**: October 2025\n\nText.\n\n**Release Date**: October 3, 2025\n";
        let d = card_release(card, "org/foo-4b").unwrap();
        assert_eq!((d.date.to_string(), d.precision, d.line), ("2025-10-03".to_owned(), DatePrecision::Day, 5));
        let other = card.replace("October 3", "November 3");
        assert_eq!(card_release(&other, "org/foo-4b").unwrap().precision, DatePrecision::Month, "another month");
    }

    #[test]
    fn a_release_date_on_a_list_under_its_key() {
        let md = "**Model Release Date:** \n\n* **8B Instruct: July 23, 2024**\n* **70B Instruct: December 6, 2024**\n";
        assert_eq!(card_release(md, "meta-llama/Llama-3.3-70B-Instruct").map(|d| d.line), Some(4));
        assert_eq!(card_release(md, "meta-llama/Llama-3.1-8B-Instruct").map(|d| d.line), Some(3));
    }

    #[test]
    fn a_licenses_release_date_is_the_licences() {
        // A fine-tune that quotes its base's licence has no date from it, whatever its version.
        let license = "**LLAMA 3.1 COMMUNITY LICENSE AGREEMENT**\nLlama 3.1 Version Release Date: July 23, 2024\n";
        assert!(card_release(license, "meta-llama/Llama-Guard-3-8B").is_none());
        assert!(card_release(license, "someone/Llama-3.1-8B-finance").is_none());
        let model = format!("{license}\n## Model Information\n**Model Release Date** July 23, 2024.\n");
        assert_eq!(card_release(&model, "meta-llama/Llama-3.1-8B").map(|d| d.line), Some(5));
        // Under a licence heading, and a few lines under an agreement's title.
        let qwen = "#### License\n\nMIT License\n\nTongyi Qianwen LICENSE AGREEMENT\n\nTongyi Qianwen Release Date: August 3, 2023\n";
        assert!(card_release(qwen, "org/Qwen-2.5-1.5B-Instruct-onnx").is_none());
        assert!(card_release(&qwen.replace("#### License\n\nMIT License\n\n", ""), "org/Qwen-7B").is_none());
        assert!(card_release("Release Date: August 3, 2023\n", "org/Qwen-7B").is_some());
    }

    #[test]
    fn a_pasted_card_of_the_model_a_tune_derives_from_dates_that_model() {
        let meta = "## Model Details\n\nMeta developed and released the Meta Llama 3 family of large language models \
                    (LLMs), pretrained and instruction tuned text models in 8 and 70B sizes.\n\n\
                    **Model Release Date** April 18, 2024.\n";
        assert!(card_release(meta, "winglian/Llama-3-8b-64k-PoSE").is_none());
        // A re-upload or a quantized copy carries its original's date.
        assert!(card_release(meta, "NousResearch/Meta-Llama-3-8B").is_some());
        assert!(card_release(meta, "unsloth/llama-3-8b-Instruct-bnb-4bit").is_some());
        let titled = "# DarkIdol-Llama-3.1-8B-Instruct-1.2-Uncensored\n# Llama-3.1-8B-Instruct Information\n\
                      ## Model Information\n**Model Release Date:** July 23, 2024.\n";
        assert!(card_release(titled, "aifeifei798/DarkIdol-Llama-3.1-8B-Instruct-1.2-Uncensored").is_none());
        assert!(card_release(titled, "meta-llama/Llama-3.1-8B-Instruct").is_some());
        // A line naming the model is its own under a family's title; so is any line under the title alone.
        let family = "# DeepSeek-V2: A Strong MoE Model\n## News\n- 2024.05.16: We released the DeepSeek-V2-Lite.\n";
        assert!(card_release(family, "deepseek-ai/DeepSeek-V2-Lite").is_some());
        let title = "# DeepSeek-V2: A Strong MoE Model\n**Release Date:** 2024-05-16\n";
        assert!(card_release(title, "deepseek-ai/DeepSeek-V2-Lite-Chat").is_some());
        assert!(
            card_release(
                &titled.replacen("# DarkIdol-Llama-3.1-8B-Instruct-1.2-Uncensored\n", "", 1),
                "org/DarkIdol-Llama-3.1-8B-Instruct"
            )
            .is_some(),
            "a title"
        );
    }

    #[test]
    fn a_training_period_and_a_base_named_in_news_date_nothing() {
        let trained = "## Model date\n\nrishiraj/smol-7b was trained between 1st and 3rd December, 2023.\n";
        assert!(card_release(trained, "rishiraj/smol-7b").is_none());
        assert!(card_release("## Model date\n\nDecember 3, 2023\n", "rishiraj/smol-7b").is_some());
        let news = "- **[2023.03.14]** We are happy to introduce [ChatGLM](https://chatglm.cn/blog), a bilingual \
                    dialogue language model based on GLM-130B, and its open-sourced version ChatGLM-6B!\n";
        assert!(card_release(news, "THUDM/GLM-130B").is_none());
        assert!(card_release("- **[2022.08.04]** We open-sourced GLM-130B, a bilingual model.\n", "THUDM/GLM-130B")
            .is_some());
    }

    #[test]
    fn news_lines_and_dotted_dates() {
        let d = |t: &str, id: &str| card_release(t, id).map(|d| (d.date.to_string(), d.precision));
        assert_eq!(
            d("[08/09/2023] We released WizardLM-70B-V1.0", "WizardLMTeam/WizardLM-70B-V1.0").unwrap().0,
            "2023-08-09"
        );
        assert_eq!(
            d("- [Sep, 2023] We released Xwin-LM-70B-V0.1", "Xwin-LM/Xwin-LM-70B-V0.1").unwrap().1,
            DatePrecision::Month
        );
        assert_eq!(d("Release Date Estimate: 11.July.2022", "bigscience/bloom-1b1").unwrap().0, "2022-07-11");
        let introduce = "- [July 24, 2024] We now introduce [org/Foo-8B-Chat](https://huggingface.co/org/Foo-8B-Chat)!";
        assert_eq!(d(introduce, "org/Foo-8B-Chat").unwrap().0, "2024-07-24");
        assert!(
            d(&introduce.replace("Foo-8B-Chat", "Foo-8B-Chat-v2.1"), "org/Foo-8B-Chat").is_none(),
            "another version"
        );
        // The name spaced otherwise: "German GPT-2" is german-gpt2 (but "GPT-2-large" is not gpt2).
        let german = "16.08.2021: Public release of re-trained version of our German GPT-2 model with better results.";
        assert_eq!(d(german, "dbmdz/german-gpt2").unwrap().0, "2021-08-16");
        assert!(d(&german.replace("GPT-2 model", "GPT-2-large model"), "dbmdz/german-gpt2").is_none());
        let ling = "- [2025-5-10] Ling-lite-1.5 has been released! It reasons better than the previous Ling-lite.";
        assert_eq!(d(ling, "inclusionAI/Ling-lite-1.5").unwrap().0, "2025-05-10");
        assert!(d(&ling.replace("lite-1.5", "lite-1.5.1"), "inclusionAI/Ling-lite-1.5").is_none(), "a longer version");
        let spaced = ling.replace("Ling-lite-1.5", "Ling lite 1.5");
        assert!(d(&spaced, "inclusionAI/Ling-lite-1.5").is_none(), "a version's point spaced: not looked for");
        let packed = "* [2024.05.24] We release the [MiniCPM-Llama3-V-2_5 gguf](https://huggingface.co/openbmb/MiniCPM-Llama3-V-2_5-gguf).";
        assert!(d(packed, "openbmb/MiniCPM-Llama3-V-2_5").is_none(), "a packing of it, not the model");
        let tuned = "- 2024.08.07: We released the EXAONE-3.0-7.8B instruction-tuned model.\n";
        assert!(d(tuned, "LGAI-EXAONE/EXAONE-3.0-7.8B").is_none(), "its tune, not the model");
        assert!(
            d("[08/09/2023] We released WizardLM-13B-V1.2", "WizardLMTeam/WizardLM-70B-V1.0").is_none(),
            "a sibling"
        );
        // A report's news line before the model's own; another model's "release date".
        let news = "- **May 29, 2025**: Our Technical Report on Skywork-OR1-32B has been released on arXiv.\n\
                    - **May 13, 2025**: We release our final version: Skywork-OR1-32B and Skywork-OR1-7B.";
        assert_eq!(d(news, "Skywork/Skywork-OR1-32B").unwrap().0, "2025-05-13");
        let plus =
            "The 13B model is out. Swallow-7B-Plus is a model trained longer and its release date is March 2nd, 2024.";
        assert!(d(plus, "tokyotech-llm/Swallow-13b-instruct-hf").is_none());
        let sizes = "We released the 7B and 70B models on January 26th, 2024.";
        assert!(d(sizes, "tokyotech-llm/Swallow-13b-instruct-hf").is_none());
        let both = "- [2025.02.14] We have uploaded LLaDA paper to [arXiv](https://arxiv.org/abs/1) and open-sourced [LLaDA-8B-Instruct](x)";
        assert_eq!(d(both, "GSAI-ML/LLaDA-8B-Instruct").unwrap().0, "2025-02-14");
        let chinese =
            "- **[2023/12/14]** 发布 [XVERSE-65B-Chat](x) 模型，该模型为基于 **XVERSE-65B** 底座模型的对齐版本。\n\
                       - **[2023/11/06]** 发布 65B 尺寸的 **XVERSE-65B** 底座模型。";
        assert_eq!(d(chinese, "xverse/XVERSE-65B").unwrap().0, "2023-11-06");
        assert_eq!(d(chinese, "xverse/XVERSE-65B-Chat").unwrap().0, "2023-12-14");
        assert_eq!(d("2023.11.02: Yi-34B is open-sourced.", "01-ai/Yi-34B").unwrap().0, "2023-11-02");
        let releasing = "- 2025/04/14: We are releasing the [Foo-32B-0414](https://huggingface.co/collections/org/foo-0414-67f3) series models.";
        assert_eq!(d(releasing, "org/Foo-32B-0414").unwrap().0, "2025-04-14");
        let datasets = "Foo-7B's team has been consistently releasing multilingual datasets since March 2023, along with publishing weights.";
        assert!(d(datasets, "org/Foo-7B").is_none());
        let compared = "- 2025.07.21: We released Foo-Instruct-2507, featuring enhancements over the previous version.";
        assert_eq!(d(compared, "org/Foo-Instruct-2507").unwrap().0, "2025-07-21");
        // "开放" (made open) releases too.
        let opened = "* [2023/07/27] 开放[Foo-Llama2-13B-chat](https://huggingface.co/org/Foo-Llama2-13B-chat)，在Llama-2-13B的基础上训练。";
        assert_eq!(d(opened, "org/Foo-Llama2-13B-chat").unwrap().0, "2023-07-27");
        let list =
            "* 2025.7.30 We have open-sourced  **Hunyuan-0.5B-Pretrain** , **Hunyuan-7B-Instruct** on Hugging Face.";
        assert_eq!(d(list, "tencent/Hunyuan-7B-Instruct").unwrap().0, "2025-07-30");
        let described = "- [2026.05.19] **[MiniCPM5-1B](x)** is released: a compact 1B-class dense model";
        assert_eq!(d(described, "openbmb/MiniCPM5-1B").unwrap().0, "2026-05-19");
        let linked =
            "- **May 29, 2025**: Our [Technical Report](https://arxiv.org/abs/1) on Skywork-OR1-32B has been released.";
        assert!(d(linked, "Skywork/Skywork-OR1-32B").is_none());
        assert_eq!(d("Its release date is March 2nd, 2024.", "org/Swallow-7B-Plus").unwrap().0, "2024-03-02");
    }

    #[test]
    fn other_formats() {
        assert_eq!(parse_date("18 April 2024").unwrap().0.to_string(), "2024-04-18");
        assert_eq!(
            parse_date("March, 2023").unwrap(),
            (NaiveDate::from_ymd_opt(2023, 3, 1).unwrap(), DatePrecision::Month)
        );
        assert_eq!(parse_date("25/12/2023").unwrap().0.to_string(), "2023-12-25");
        assert!(parse_date("13/13/2023").is_none());
        assert!(parse_date("version 1.2.3").is_none());
    }

    #[test]
    fn a_sentence_hard_wrapped_over_lines_is_read_whole() {
        let one = "Foo was first released in [our repository](https://github.com/x/foo) on May 3rd 2022 by the lab.\n";
        let wrapped =
            "Foo was first released in [our\nrepository](https://github.com/x/foo) on\nMay 3rd 2022 by the lab.\n";
        assert_eq!(d(one, "org/foo-125m").as_deref(), Some("2022-05-03"));
        assert_eq!(d(wrapped, "org/foo-125m"), d(one, "org/foo-125m"));
        // "## Model Date", then the date however many blank lines come first.
        assert_eq!(d("## Model Date\n\n\nMay 2023\n", "org/foo-7b").as_deref(), Some("2023-05-01"));
        assert_eq!(d("**Model Date**\n\nMay 2023\n", "org/foo-7b").as_deref(), Some("2023-05-01"), "a bold title");
        // A summary's list item as its table row: the date alone after the key; not in code, nor a
        // sentence about training.
        assert_eq!(d("- **Date:** June 2024\n", "org/foo-7b").as_deref(), Some("2024-06-01"));
        assert_eq!(d("| **Date** | June 2024 |\n", "org/foo-7b").as_deref(), Some("2024-06-01"));
        // Other keys of the same fact: "Release" (Helsinki-NLP's "Model info"), 发布日期 ("release date").
        assert_eq!(d("## Model info\n\n* Release: 2022-03-09\n", "org/foo-7b").as_deref(), Some("2022-03-09"));
        assert_eq!(d("- 发布日期：2024年4月18日\n", "org/foo-7b").as_deref(), Some("2024-04-18"));
        assert_eq!(d("- Release: a new demo\n", "org/foo-7b"), None, "no date");
        assert_eq!(d("```\ndate: 2021-01-01\n```\n", "org/foo-7b"), None, "a prompt's context");
        assert_eq!(d("**Model date:** Foo-7B was trained in April 2023.\n", "org/foo-7b"), None);
        assert_eq!(
            d("| [Date](https://x) | October, 2023 |\n", "org/foo-7b").as_deref(),
            Some("2023-10-01"),
            "a linked key"
        );
        assert_eq!(d("## Base model\n\n**Model Date**\n\nMay 2023\n", "org/foo-7b-chat"), None, "the base's");
        let llava = "**Model date:**\n<br>\nFoo-7B was trained in June 2024.\n";
        assert_eq!(d(llava, "org/foo-7b"), None, "a training date");
    }

    #[test]
    fn a_release_dates_the_model_its_sentence_or_the_next_names() {
        // Articles "newly released in September 2023", and three sentences on, the model does best.
        let articles =
            "我们筛选了2023年9月新发布的文章。我们人工核对了它们。它们不在训练集中。下图显示Foo-13B-Base效果最好。\n";
        assert_eq!(d(articles, "org/Foo-13B-Base"), None);
        let next = "- [7/25/2023] We released **Foo V1.2** models. The **Foo-13B-V1.2** is here.\n";
        assert_eq!(d(next, "org/Foo-13B-V1.2").as_deref(), Some("2023-07-25"));
        // A news item that links to the model's own page names it.
        let linked = "**[2026/02/06]** We introduce **Foo-SEA**, a data engine. With RL, the 235B MoE model beats \
                      others! See the [model](https://huggingface.co/org/Foo-SEA-235B-A22B).\n";
        assert_eq!(d(linked, "org/Foo-SEA-235B-A22B").as_deref(), Some("2026-02-06"));
    }
}
