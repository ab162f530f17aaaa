//! The benchmark a table's title names: its heading ("### C-Eval"), the caption line above it
//! ("RULER: a retrieval-based benchmark …", "[CNN/Daily Mail](…) (test set)"), or the sentence that
//! leads into it; and titles saying a table holds no scores (perplexity, a contamination check).

use super::benchmarks::{heading_benchmark, is_metric_only, may_be_benchmark, resolve, strip_markup};
use super::model_names::words;
use super::table_context::last_heading;
use super::tables::Table;

/// Words of a section's title that say what kind of section it is, not which benchmark.
const SECTION: &[&str] = &[
    "update",
    "updates",
    "news",
    "comparison",
    "summary",
    "overview",
    "scores",
    "metrics",
    "appendix",
    "introduction",
    "highlights",
    "features",
    "models",
    "model",
    "usage",
    "quickstart",
    "inference",
    "training",
    "quantization",
    "deployment",
    "limitations",
    "citation",
    "license",
    "acknowledgements",
    "references",
    "contact",
    "notes",
];

/// The benchmark a caption line right above a table names: "RULER: a retrieval-based benchmark
/// for long context understanding" (a short name before a colon, or a known name alone).
pub(crate) fn caption_benchmark(table: &Table) -> Option<String> {
    // (Else the paragraph's last sentence: "Comparison between Baichuan-13B-Chat and NSFW_13B_sft.
    // (Zero-shot [CMMLU](…))", however its lines are wrapped.)
    let last_sentence = table.caption.rsplit_once(". ").map(|(_, last)| last);
    // (Only a name densing knows: "Evaluated using [HumanEval](…):" names no benchmark of its own.)
    let known = |name: &String| resolve(name).is_known;
    caption_names(&table.caption).or_else(|| last_sentence.and_then(caption_names).filter(known))
}

fn caption_names(caption: &str) -> Option<String> {
    // "[CNN/Daily Mail](https://github.com/…) (test set, no additional data used)": a linked name
    // opening the line, then only a note on it.
    if let Some(name) = linked_caption(caption) {
        return Some(name);
    }
    // A bold line alone is a heading in all but its markup: "**MT-Bench Average Turn**".
    if let Some(name) = bold_line(caption).and_then(heading_benchmark) {
        return Some(name);
    }
    let line = strip_markup(caption);
    // (A name with its paper's address after it, "**Alignbench** (https://arxiv.org/…)", is the name.)
    let line = match line.trim().strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        Some((name, url)) if url.starts_with("http") && !url.contains(' ') => name.trim().to_owned(),
        _ => line,
    };
    // The colon after a name, "RULER: a retrieval-based …", not one inside an address.
    let colon =
        line.match_indices(':').map(|(i, _)| i).find(|i| line[i + 1..].chars().next().is_none_or(char::is_whitespace));
    let name = match colon.map(|i| line.split_at(i)) {
        Some((name, _)) => name.trim(),
        None if resolve(&line).is_known => line.trim(),
        None => return None,
    };
    caption_name(name)
}

/// The text of a line that is all one bold span ("**MT-Bench Average Turn**").
pub(super) fn bold_line(line: &str) -> Option<&str> {
    let line = line.trim();
    let inner = ["**", "__"].iter().find_map(|m| line.strip_prefix(m)?.strip_suffix(m))?;
    (!inner.contains("**") && !inner.contains("__") && !inner.trim().is_empty()).then(|| inner.trim())
}

/// The benchmark a corner cell names before the label column's own name: "Details on MT-Bench-tw
/// (0 shot):<br/>Models" (its shots are the label column's, read elsewhere).
fn corner_benchmark(table: &Table) -> Option<String> {
    let corner = strip_markup(table.header.first()?);
    let (name, label) = corner.rsplit_once(':')?;
    let label = words(label);
    let names_rows = !label.is_empty() && label.iter().all(|w| matches!(w.as_str(), "model" | "models" | "name"));
    let name = name.trim();
    // (Without its setting in parentheses: "(0 shot)".)
    let name = match name.strip_suffix(')').and_then(|n| n.rsplit_once('(')) {
        Some((before, setting)) if words(&super::benchmarks::take_shots(setting).0).is_empty() => before.trim(),
        _ => name,
    };
    names_rows.then(|| caption_name(name)).flatten()
}

/// A caption's name part as a benchmark's name: at most three words, shaped like one.
fn caption_name(name: &str) -> Option<String> {
    // "(Zero-shot CMMLU)" is CMMLU at zero shots; "Results on MTEB" is MTEB.
    let name = name.strip_prefix('(').and_then(|n| n.strip_suffix(')')).unwrap_or(name).trim();
    let lower = name.to_lowercase();
    let leads = ["results on ", "results of ", "performance on ", "evaluation on ", "scores on ", "details on "];
    let name = leads.iter().find_map(|l| lower.starts_with(l).then(|| name[l.len()..].trim())).unwrap_or(name);
    let n = words(name).len();
    let plain = !words(name)
        .iter()
        .any(|w| matches!(w.as_str(), "table" | "note" | "results" | "performance") || SECTION.contains(&w.as_str()));
    ((1..=3).contains(&n) && may_be_benchmark(name) && plain).then(|| name.to_owned())
}

/// The name a caption line opens with as a link, when the rest is a note in parentheses or nothing,
/// and the link is no page of the Hub.
fn linked_caption(caption: &str) -> Option<String> {
    let rest = caption.trim().strip_prefix('[')?;
    let (name, rest) = rest.split_once("](")?;
    let (target, after) = rest.split_once(')')?;
    let after = after.trim();
    let note = after.is_empty() || after.starts_with('(') && after.ends_with(')');
    let name = name.trim();
    // (Any Hub page, a dataset's too: a card's own data set linked so is no benchmark densing knows.)
    let hub_page = target.contains("huggingface.co") || target.contains("hf.co");
    let n = words(name).len();
    (note && !hub_page && (1..=4).contains(&n) && may_be_benchmark(name)).then(|| name.to_owned())
}

/// The one benchmark a table's section is about: named by its title (heading or caption), or the
/// sentence that leads into it ("We test the model on an 1M version of the [RULER](…) benchmark.").
pub(crate) fn section_benchmark(table: &Table) -> Option<String> {
    // A heading that is itself a name densing does not know ("### AGI-Eval-Gaokao") says the
    // table is about that, even when the sentence below names a benchmark it belongs to: its
    // "Avg." is that benchmark's, and its "Math-QA" a part of it, not MathQA.
    titled_benchmark(table).or_else(|| super::lead_in::lead_in_benchmark(table))
}

/// The benchmark a table's own title names: its heading (a known name, or one word densing does
/// not know: "#### IndicGLUE") or its caption ("**BLINK**: a benchmark with 14 visual tasks").
pub(crate) fn titled_benchmark(table: &Table) -> Option<String> {
    const GENERIC: &[&str] =
        &["performance", "results", "evaluation", "evaluations", "benchmark", "benchmarks", "leaderboard"];
    let last = last_heading(table).trim().trim_end_matches([':', '：']);
    // The metric in parentheses is no part of the name: "### COPA (F1)" is about COPA.
    let last = match last.strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        Some((name, metric)) if is_metric_only(metric) => name.trim(),
        _ => last,
    };
    // A name after a description and a dash: "#### Multilingual World Knowledge - M3Exam".
    let last = match last.rsplit_once(" - ") {
        Some((about, name)) if !about.chars().any(|c| c.is_ascii_digit()) => name.trim(),
        _ => last,
    };
    // A plain word ("#### Translation", "#### Safety", "#### Hallucination") names a kind of
    // task, not a benchmark: benchmarks are named "IndicGLUE", "COPA", "M3Exam", "WiC".
    // (Unless the lead-in links the word to a page: "[Gaokao](https://github.com/ExpressAI/AI-Gaokao) 是…".)
    let linked = || table.lead_in.contains(&format!("[{last}](http"));
    let plain = last.chars().skip(1).all(|c| c.is_lowercase()) && !linked();
    // (Nor a setting: "#### Few-shot", "#### Zero-shot" over the same benchmarks.)
    let setting = words(last).iter().any(|w| w == "shot" || w == "shots");
    // (Nor a model's name, as a card's title is: "# Baichuan-13B-Base" carries a size.)
    let model = words(last).iter().any(|w| super::name_words::is_size(w));
    let named = last.split_whitespace().count() == 1
        && !plain
        && !setting
        && !model
        && last.chars().all(|c| c.is_alphanumeric() || "-_.+".contains(c))
        && !words(last).iter().any(|w| GENERIC.contains(&w.as_str()) || SECTION.contains(&w.as_str()))
        // (Nor a model's attributes, "#### SIZES" over `| Hidden dimension | 4096 |`.)
        && !super::benchmarks::names_an_attribute(last)
        && may_be_benchmark(last);
    heading_benchmark(&table.heading)
        .or_else(|| caption_benchmark(table))
        .or_else(|| corner_benchmark(table))
        .or_else(|| named.then(|| last.to_owned()))
}

/// The long-context suite a table's title or lead-in names ("The scores of [L-Eval](…)
/// (closed-ended tasks) are as follows:"), when it names one alone and no label of the table is
/// that suite. Such a suite re-hosts other benchmarks' data at length, so its "GSM" or "HotpotQA"
/// is the suite's task, not GSM8K or HotpotQA: each is read as a part of the suite.
pub(crate) fn rehosting_suite(table: &Table) -> Option<&'static str> {
    const SUITES: &[&str] = &["L-Eval", "LongBench", "InfiniteBench", "ZeroSCROLLS", "LV-Eval", "LooGLE"];
    let text =
        format!("{}\n{}\n{}", last_heading(table), table.caption, super::lead_in::last_paragraph(&table.lead_in));
    let said = words(&strip_markup(&text));
    let names = |suite: &&&str| {
        let w = words(suite);
        // ("LongBench v2" is another benchmark, of categories rather than tasks.)
        let version = |k: usize| said.get(k).is_some_and(|n| n == "v" || n == "v2");
        (0..said.len()).any(|k| said[k..].starts_with(&w) && !version(k + w.len()))
    };
    let named: Vec<&&str> = SUITES.iter().filter(names).collect();
    let [suite] = named.as_slice() else { return None };
    let is_suite = |l: &String| words(&strip_markup(l)).starts_with(&words(suite));
    (!table.labels().any(is_suite)).then_some(**suite)
}

/// A table under a heading or caption about perplexity or bits per byte (lower is better), or
/// about contamination (`| Bamboo | 0.22 | … |` under "## Contamination Results": each a
/// benchmark's overlap with the training data): none of its columns (its "Average" either) is a score.
/// (A caption that only mentions it, "we can't guarantee that there isn't any contamination",
/// says nothing: it must name a check or its results. Nor does a heading of results free of it:
/// "## Results (Contamination-free)".)
pub(crate) fn holds_no_scores(table: &Table) -> bool {
    let heading = words(last_heading(table));
    let caption = words(&table.caption);
    let contamination = |w: &String| matches!(w.as_str(), "contamination" | "decontamination");
    let check = |w: &[String]| {
        contamination(&w[0]) && matches!(w[1].as_str(), "check" | "result" | "results" | "test" | "detection")
    };
    heading.iter().chain(&caption).any(|w| matches!(w.as_str(), "perplexity" | "ppl" | "bpb"))
        || heading.iter().any(contamination) && !heading.iter().any(|w| matches!(w.as_str(), "free" | "without" | "no"))
        || caption.windows(2).any(check)
}

#[cfg(test)]
mod tests {
    use super::{linked_caption, rehosting_suite, titled_benchmark};
    use crate::parse::tables::tables;

    /// The benchmark that `above` (a heading, caption or lead-in) titles a one-row table with.
    fn titled_over(above: &str, blank_line: bool) -> Option<String> {
        let gap = if blank_line { "\n" } else { "" };
        titled_benchmark(&tables(&format!("{above}\n{gap}| Model | A |\n|---|---|\n| Foo | 1.0 |\n"))[0])
    }

    #[test]
    fn a_corner_cell_may_name_the_tables_benchmark_before_its_label_column() {
        let title = |corner: &str| {
            titled_benchmark(&tables(&format!("| {corner} | STEM | ↑ AVG |\n|---|---|---|\n| Foo | 6.5 | 5.7 |\n"))[0])
        };
        assert_eq!(title("Details on MT-Bench-tw (0 shot):<br/>Models").as_deref(), Some("MT-Bench-tw"));
        assert_eq!(title("TMMLU+: Model").as_deref(), Some("TMMLU+"));
        assert_eq!(title("Models"), None);
        assert_eq!(title("Note: see below"), None, "no label column's name after the colon");
    }

    #[test]
    fn a_long_context_suite_named_over_a_table_holds_its_columns() {
        let suite = |md: &str| rehosting_suite(&tables(md)[0]);
        let leval = "The scores of [L-Eval](https://arxiv.org/abs/2307.11088) (closed-ended tasks) are as follows:\n\n| Model | Average | GSM |\n|---|---|---|\n| Foo | 60.1 | 76.0 |\n";
        assert_eq!(suite(leval), Some("L-Eval"));
        assert_eq!(suite("#### LongBench\n\n| Model | HotpotQA |\n|---|---|\n| Foo | 50.1 |\n"), Some("LongBench"));
        // Not "LongBench v2" (another benchmark), nor sql-eval, nor a table comparing suites.
        assert_eq!(suite("**LongBench v2**\n| Model | overall |\n|---|---|\n| Foo | 56.5 |\n"), None);
        assert_eq!(suite("Results on sql-eval:\n\n| Model | date |\n|---|---|\n| Foo | 80 |\n"), None);
        assert_eq!(
            suite("#### LongBench\n\n| Model | LongBench | RULER |\n|---|---|---|\n| Foo | 50.1 | 80.0 |\n"),
            None
        );
    }

    #[test]
    fn a_bold_line_alone_over_a_table_titles_it_as_a_heading_would() {
        let titled = |caption: &str| titled_over(&format!("Intro.\n\n{caption}"), false);
        assert_eq!(titled("**MT-Bench Average Turn**").as_deref(), Some("MT-Bench Average"));
        assert_eq!(titled("__MMLU Results__").as_deref(), Some("MMLU"));
        assert_eq!(titled("**Our chat models**"), None, "no benchmark named");
        assert_eq!(titled("**Comparison:**"), None, "a kind of section, not a benchmark");
        assert_eq!(titled("**MT-Bench** of two models, **MMLU** below"), None, "not one bold span");
        assert_eq!(titled("MT-Bench Average Turn"), None, "not bold: a sentence, not a title");
    }

    #[test]
    fn a_caption_s_name_stops_at_a_colon_before_a_space_not_at_one_in_an_address() {
        let titled = |caption: &str| titled_over(&format!("Intro.\n\n{caption}"), false);
        assert_eq!(titled("**Alignbench** (https://arxiv.org/abs/2311.18743)").as_deref(), Some("Alignbench"));
        assert_eq!(titled("RULER: a retrieval-based benchmark").as_deref(), Some("RULER"));
        assert_eq!(titled("See https://arxiv.org/abs/2311.18743 for the setup"), None);
    }

    #[test]
    fn a_heading_of_one_unknown_name_titles_the_table_but_a_setting_does_not() {
        let titled = |heading: &str| titled_over(heading, true);
        assert_eq!(titled("#### IndicGLUE").as_deref(), Some("IndicGLUE"));
        assert_eq!(titled("# Baichuan-13B-Base"), None, "a model's name, with its size");
        // A plain word names a benchmark when the lead-in links it to a page.
        assert_eq!(titled("#### Gaokao"), None);
        assert_eq!(
            titled("#### Gaokao\n[Gaokao](https://github.com/x/AI-Gaokao) is an exam set.").as_deref(),
            Some("Gaokao")
        );
        assert_eq!(titled("#### Safety\n[Safety](#safety) results."), None, "an in-page link");
        assert_eq!(titled("#### Few-shot"), None);
        assert_eq!(titled("#### Zero-Shot"), None);
        assert_eq!(titled("#### 5-shots"), None);
        // A heading in capitals naming a model's attributes ("SIZES" over hyper-parameters).
        assert_eq!(titled("#### SIZES"), None);
        assert_eq!(titled("#### LAYERS"), None);
        assert_eq!(titled("## LEADERBOARD"), None, "a leaderboard ranks by many benchmarks");
    }

    #[test]
    fn a_caption_opening_with_a_linked_benchmark_and_only_a_note() {
        let cnn = "[CNN/Daily Mail](https://github.com/x/cnn-dailymail) (test set, no additional data used)";
        assert_eq!(linked_caption(cnn).as_deref(), Some("CNN/Daily Mail"));
        assert_eq!(linked_caption("[XSum](https://github.com/x/XSum)").as_deref(), Some("XSum"));
        // Not a page of the Hub (a model's, or a data set's: WinterGoliath's "[My meme benchmark.](…/datasets/…)"),
        // nor a line that goes on to say more.
        assert_eq!(linked_caption("[My meme benchmark.](https://huggingface.co/datasets/o/meme)"), None);
        assert_eq!(linked_caption("[Bar](https://huggingface.co/org/Bar) (test set)"), None);
        assert_eq!(linked_caption("[XSum](https://github.com/x/XSum) results of our models below"), None);
    }

    #[test]
    fn a_caption_hard_wrapped_over_lines_is_one_caption() {
        let titled = |caption: &str| titled_over(&format!("Intro.\n\n{caption}"), false);
        // "… the time was" over "used:": the paragraph is no title "used".
        assert_eq!(titled("Compared with two models on f1 score; for the time, one CPU was\nused:"), None);
        assert_eq!(titled("Compared with two models on f1 score; for the time, one CPU was used:"), None);
        // The paragraph's last sentence names a benchmark densing knows, however it is wrapped.
        let cmmlu = "Comparison between Foo-13B and Bar-13B.\n(Zero-shot [CMMLU](https://github.com/x/CMMLU))";
        assert_eq!(titled(cmmlu).map(|n| crate::parse::benchmarks::resolve(&n).canonical).as_deref(), Some("cmmlu"));
        assert_eq!(titled(&cmmlu.replace('\n', " ")), titled(cmmlu));
        // An unknown name in a last sentence is no title: "Evaluated using [HumanEval](…):" is a phrase.
        let evaluated = "*Code generation*. Evaluated using [HumanEval](https://github.com/x/human-eval):";
        let table = &tables(&format!("Intro.\n\n{evaluated}\n| Model | p@1 |\n|---|---|\n| Foo | 1.0 |\n"))[0];
        assert_eq!(super::caption_benchmark(table), None);
    }
}
