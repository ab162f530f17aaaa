//! Which names can be benchmarks: a table header or row name becomes a benchmark only if the
//! alias table knows it or it passes a shape check (not a length, size, date, language, licence,
//! metric or category of another benchmark).

use super::axis_words::{
    AXIS_WORDS, CATEGORY, CODE_LANGUAGES, LANGUAGES, LANGUAGE_CODES, LEVELS, METRIC, NEVER_IN_A_BENCHMARK,
};
use super::benchmarks::{resolve, strip_markup};

/// A language, natural or programming, or a language's code (one word of a name).
fn language(w: &str) -> bool {
    w == "english" || LANGUAGES.contains(&w) || CODE_LANGUAGES.contains(&w) || LANGUAGE_CODES.contains(&w)
}

/// A natural language's name, lower-case ("german"): a bench's language ("MT-Bench German").
pub(crate) fn is_language(w: &str) -> bool {
    w == "english" || LANGUAGES.contains(&w)
}

/// A name made only of these is a language or a category of a table, not a benchmark.
fn not_alone(w: &str) -> bool {
    AXIS_WORDS.contains(&w) || language(w)
}

/// A name that is only an overall figure, a metric, a setting or a part of some benchmark named
/// elsewhere ("Average", "Pass@1", "5-shot", "STEM", "German"), not a benchmark of its own.
pub fn is_of_one_benchmark(name: &str) -> bool {
    is_overall_column(name) || is_metric_only(name) || is_setting_only(name) || is_part_name(name)
}

/// A column of a model's architecture ("n_layers", "d_model", "kv_heads", "len_vocab",
/// "rope_theta", "Hidden Size"): a table with two of them lists the models' settings, so a name
/// beside them that densing does not know ("max_pos") is one more setting, not a benchmark.
pub fn is_architecture_column(name: &str) -> bool {
    const ARCHITECTURE: &[&str] = &[
        "layers",
        "layer",
        "heads",
        "head",
        "vocab",
        "vocabulary",
        "hidden",
        "dim",
        "dimension",
        "rope",
        "theta",
        "ffn",
        "intermediate",
        "embedding",
        "embeddings",
        "experts",
    ];
    let clean = strip_markup(name).to_lowercase();
    let words: Vec<&str> = clean.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| ARCHITECTURE.contains(w)) || matches!(words.as_slice(), ["d" | "n", _])
}

/// A name made only of category words ("Social Science", "World Knowledge"), or "Math" written
/// as a category (the benchmark is written "MATH").
pub fn is_category_name(name: &str) -> bool {
    let clean = strip_markup(name);
    if matches!(clean.trim(), "Math" | "math") {
        return true;
    }
    // (A count of data sets after it is no part of it: MTEB's "Retrieval (15)".)
    let lower = without_count(&clean).to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // ("STEM average", "other avg": a category's average is that category; not a school level or
    // difficulty so: "Avg (Hard)" under "C-Eval" is C-Eval Hard's average.)
    let named = || words.iter().filter(|w| !averaging(w));
    is_category(&words)
        || words.iter().any(|w| averaging(w)) && named().next().is_some() && named().all(|w| CATEGORY.contains(w))
}

/// Whether a "Math" label among `labels` (a table's benchmark row or column names) is the MATH
/// benchmark rather than a category: every other label is a known benchmark and no category, and
/// GSM8K stands apart among them (Llama 2's "Math" category averages GSM8K and MATH beside "Code"
/// and "Commonsense Reasoning"; FastEval's "GSM8K | Math | BBH | MMLU" lists MATH).
pub fn math_is_benchmark<'a>(labels: impl IntoIterator<Item = &'a String>) -> bool {
    let others: Vec<&String> =
        labels.into_iter().filter(|l| !matches!(strip_markup(l).trim(), "Math" | "math")).collect();
    let benchmark = |l: &&String| {
        let b = super::benchmarks::resolve(l);
        b.is_known && b.canonical != "card_average" && !is_category_name(l)
    };
    let overall = |l: &&String| is_overall_column(l);
    let gsm8k = others.iter().any(|l| super::benchmarks::resolve(l).canonical == "gsm8k");
    gsm8k && others.len() >= 2 && others.iter().filter(|l| !overall(l)).all(benchmark)
}

fn is_category(words: &[&str]) -> bool {
    !words.is_empty() && words.iter().all(|w| CATEGORY.contains(w)) || matches!(words, [w] if LEVELS.contains(w))
}

/// A column or row naming a part of one benchmark's score, not a benchmark: a category
/// ("STEM", or abbreviated: "Logi."), a language ("German", "C++") or a context length ("4K").
pub fn is_part_name(name: &str) -> bool {
    let clean = strip_markup(name).to_lowercase();
    let words: Vec<&str> =
        clean.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#').filter(|w| !w.is_empty()).collect();
    let length = |w: &str| {
        let digits = w.trim_end_matches(['k', 'm']);
        digits.len() < w.len() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    is_category_name(name)
        || abbreviated_category(name)
        || !words.is_empty() && (words.iter().all(|w| language(w)) || words.iter().all(|w| length(w)))
        || is_language_turn(&words)
        || translated(name)
}

/// A category abbreviated with a full stop ("Math.", "Logi.", "Role.": AlignBench's parts), not
/// an average ("Avg.").
fn abbreviated_category(name: &str) -> bool {
    let shown = without_count(&strip_markup(name));
    let stem = shown.trim().strip_suffix('.').unwrap_or("");
    !stem.is_empty() && stem.chars().all(char::is_alphabetic) && !matches!(stem.to_lowercase().as_str(), "avg" | "ave")
}

/// A name without a count of data sets in parentheses after it ("Retrieval (15)", "Summ. (1)").
fn without_count(name: &str) -> String {
    match name.trim_end().strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        // ("Classification (12 datasets)", "Summarization (1 dataset)", "Retrieval (15 TASKS)": the
        // count said in words.)
        Some((before, n))
            if n.to_ascii_lowercase()
                .trim_end_matches('s')
                .trim_end_matches(" dataset")
                .trim_end_matches(" task")
                .chars()
                .all(|c| c.is_ascii_digit())
                && n.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            before.trim_end().to_owned()
        }
        _ => name.to_owned(),
    }
}

/// A word that averages ("Avg", "Average", "Mean").
pub(super) fn averaging(w: &str) -> bool {
    matches!(w, "avg" | "average" | "mean")
}

/// A language's turn or average ("id turn1", "th avg"): SeaBench's and MT-Bench's parts by language.
fn is_language_turn(words: &[&str]) -> bool {
    let turn = |w: &str| w.strip_prefix("turn").is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
    let qualifier = |w: &str| turn(w) || averaging(w);
    words.iter().any(|w| language(w))
        && words.iter().any(|w| qualifier(w))
        && words.iter().all(|w| language(w) || qualifier(w))
}

/// A name written partly in Chinese, Japanese or Korean script that is no known benchmark
/// ("单文档QA", "FS学习" under "#### LongBench"): a translated category, not a benchmark's name.
/// Not a Latin name with a short part or question type after it in Chinese ("NJE 单选",
/// "MLEC-QA 临床"): that benchmark's part. (Not words about a table: "LogicKor 性能表", "… 评测结果".)
fn translated(name: &str) -> bool {
    let cjk = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}');
    let han = |c: char| matches!(c, '\u{3400}'..='\u{9fff}');
    const ABOUT: &[&str] = &["表", "结果", "成绩", "评测", "评估", "性能", "得分", "分数"];
    let clean = strip_markup(name);
    // (A unit after it is no part of the name: "NJE 单选 (%)" is "NJE 单选".)
    let clean = clean.trim().trim_end_matches("(%)").trim_end_matches('%');
    let part = clean.trim().rsplit_once(' ').is_some_and(|(head, tail)| {
        head.chars().any(|c| c.is_ascii_alphabetic())
            && !head.chars().any(cjk)
            && (1..=6).contains(&tail.chars().count())
            && tail.chars().all(han)
            && !ABOUT.iter().any(|a| tail.ends_with(a))
    });
    name.chars().any(cjk) && !resolve(name).is_known && !part
}

/// A known benchmark whose items are English text (ARC, MMLU, GSM8K, …): under another
/// language's heading, a score of it is a translation's.
pub fn english_named(name: &str) -> bool {
    #[rustfmt::skip]
    const ENGLISH: &[&str] = &[
        "agieval", "alpaca_eval", "arc_challenge", "arc_easy", "bbh", "big_bench", "boolq", "commonsenseqa", "drop",
        "gpqa", "gsm8k", "hellaswag", "ifeval", "lambada", "math", "math_lvl5", "mmlu", "mmlu_pro", "mt_bench",
        "musr", "naturalquestions", "openbookqa", "piqa", "race", "siqa", "squad", "triviaqa", "truthfulqa",
        "winogrande",
    ];
    let b = resolve(name);
    b.is_known && ENGLISH.contains(&b.canonical.as_str())
}

/// A header that is only a setting ("0-shot", "5-shot") or a split ("Valid (0-shot)", "Test"),
/// naming no benchmark.
pub fn is_setting_only(header: &str) -> bool {
    let b = resolve(header);
    b.shots.is_some() && b.canonical.trim_matches('_').is_empty() || split_of(header).is_some()
}

/// The words that name a data split ("MMLU: Valid", "Avg. (Test)").
pub const SPLITS: &[&str] = &["valid", "validation", "val", "test", "dev"];

/// The split a header names and nothing else but shots ("Valid (0-shot)": "valid"; "Test").
pub fn split_of(header: &str) -> Option<String> {
    let (rest, _) = super::benchmarks::take_shots(&strip_markup(header).to_lowercase());
    let words: Vec<&str> = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [w] if SPLITS.contains(w) => Some((*w).to_owned()),
        _ => None,
    }
}

/// A column that gives one benchmark's overall figure, not a benchmark of its own: an average
/// or a bare metric ("Average", "Avg. Acc.", "Overall", "Acc.", "Pass@1", "Score", "平均", "总分":
/// total score). Under a heading that names the benchmark ("### C-Eval"), it is that benchmark's score.
pub fn is_overall_column(name: &str) -> bool {
    const OVERALL: &[&str] = &[
        "average",
        "avg",
        "acc",
        "accuracy",
        "overall",
        "score",
        "pass",
        "1",
        "total",
        "mean",
        "all",
        "平均",
        "平均分",
        "总分",
    ];
    let lower = strip_markup(name).to_lowercase();
    // ("p@1, 0-Shot": NVIDIA's cards write pass@1 so.)
    let lower = lower.strip_prefix("p@").map_or(lower.clone(), |k| format!("pass@{k}"));
    let (rest, _) = super::benchmarks::take_shots(&lower);
    let words: Vec<&str> = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    !words.is_empty() && words.iter().all(|w| OVERALL.contains(w))
}

fn is_metric_words(words: &[&str]) -> bool {
    !words.is_empty() && words.iter().all(|w| METRIC.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a text names only a metric ("F1", "acc_norm", "Pass@1", "EM").
pub fn is_metric_only(text: &str) -> bool {
    let lower = strip_markup(text).to_lowercase();
    is_metric_words(&lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>())
}

/// What a rate is of when it is a setting, not a score: "Learning Rate", "Sampling Rate",
/// "Frame Rate", "Bit Rate", "Dropout Rate".
const RATE_SETTINGS: &[&str] =
    &["learning", "lr", "sample", "sampling", "frame", "bit", "dropout", "decay", "warmup", "mask", "masking"];

/// Perplexity, bits per byte or character, loss, error (and word or character error rates): lower
/// is better and no percent.
#[rustfmt::skip]
const LOWER_IS_BETTER: &[&str] = &[
    "ppl", "perplexity", "bpb", "bpc", "loss", "logloss", "nll", "mse", "rmse", "mae", "absrel", "whdr", "wer", "cer",
];

/// A name of a model's attribute, not of anything scored ("Hidden dimension", "Num. layers", a
/// "SIZES" heading): a word of [`NEVER_IN_A_BENCHMARK`], maybe plural.
pub fn names_an_attribute(name: &str) -> bool {
    let never = |w: &str| NEVER_IN_A_BENCHMARK.contains(&w);
    super::model_names::words(name).iter().any(|w| never(w) || w.strip_suffix('s').is_some_and(never))
}

/// A header or row name that can be a benchmark: a known one, or a name that is not a
/// context length (`32K`), a size, a date, a language, a licence or a count.
pub fn may_be_benchmark(name: &str) -> bool {
    // A category abbreviated with a full stop ("Math.", "Logi.", "Role."): AlignBench's parts,
    // not MATH; the benchmark is named elsewhere. ("Avg." is the card's average.)
    let bare = without_count(name);
    if bare.trim_end().trim_end_matches(['*', '_', '`']).ends_with('.') && abbreviated_category(name) {
        return false;
    }
    let b = resolve(name);
    let clean = strip_markup(name).to_lowercase();
    // "FPR ↓", "WER ↓": lower is better, so no score; nor a classifier's error rate, nor a place in
    // a leaderboard's order ("RewardBench: Rank"), even of a known benchmark.
    let rank = clean.split(|c: char| !c.is_alphanumeric()).any(|w| w == "rank");
    if clean.contains('↓') || rank || ["false positive", "false negative"].iter().any(|r| clean.contains(r)) {
        return false;
    }
    // A known benchmark's perplexity or bits per character ("LAMBADA (PPL)", "text8 (BPC)") is no
    // score of it: lower is better.
    if b.is_known {
        return !clean.split(|c: char| !c.is_alphanumeric()).any(|w| LOWER_IS_BETTER.contains(&w));
    }
    // Only a setting ("0-shot", "5-shot") or a split ("Valid"): the benchmark is named elsewhere.
    if b.canonical.trim_matches('_').is_empty() || split_of(name).is_some() {
        return false;
    }
    // A language before a parenthesis ("zh (ceval)", "en (arc / piqa)"): that language's part of
    // what the parenthesis names, which may be a translation (MMLU in Chinese is no MMLU score).
    if let Some((outside, _)) = clean.split_once('(') {
        let outside: Vec<&str> = outside.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if !outside.is_empty() && outside.iter().all(|w| language(w)) {
            return false;
        }
    }
    let words: Vec<&str> = clean
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#' || c == '_')
        .map(|w| w.trim_matches('#'))
        .filter(|w| !w.is_empty())
        .collect();
    // Benchmarks are named in Latin letters; "知识" and "单文档QA" are categories of a translated table.
    // And in a few words: a header of sixteen or more is a sentence, or a whole table flattened
    // into one cell (an HTML table nested in another's).
    if words.is_empty() || words.len() > 15 || !clean.chars().any(|c| c.is_ascii_alphabetic()) || translated(name) {
        return false;
    }
    let length = |w: &str| {
        let digits = w.trim_end_matches(['k', 'm']);
        digits.len() < w.len() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    // "16 x 80G (GBS=256)": a hardware set-up (memory in GB), whose column is a throughput.
    let memory = |w: &str| {
        let digits = w.trim_end_matches("gb").trim_end_matches('g');
        digits.len() < w.len() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    if words.iter().all(|w| length(w) || *w == "tokens" || *w == "context")
        || words.iter().any(|w| memory(w))
        || crate::parse::model_names::is_size(&clean.replace(' ', ""))
        || clean.contains("lower is better")
    {
        return false;
    }
    // A count of input frames ("Num_frames", "# Training Frames"), a speed ("Test Sample per Second").
    let frame_count =
        words.contains(&"frames") && words.iter().any(|w| ["num", "number", "training", "input"].contains(w));
    // A count of anything, written "#…" ("#Summary vectors", "# Experts"): a setting, not a score.
    let count = clean.trim_start().starts_with('#') || clean.trim_start().starts_with("number of ");
    if frame_count || count || clean.contains("per second") {
        return false;
    }
    // A hyper-parameter's symbol: `d_model`, `d_head`, `n_layers`, `T`.
    if matches!(words.as_slice(), ["d" | "n", _]) || matches!(words.as_slice(), [w] if w.chars().count() == 1) {
        return false;
    }
    // Only an overall figure's words ("Overall Acc.", "Overall Accuracy", "Total Score", "raw
    // score"): the benchmark it is the overall of is named elsewhere, if at all.
    let overall = |w: &&str| METRIC.contains(w) || averaging(w) || matches!(*w, "overall" | "total" | "raw" | "final");
    if is_metric_words(&words) || words.iter().all(overall) {
        return false;
    }
    // A metric's average over unnamed parts ("Acc avg", "Avg. Acc."): the benchmark is named
    // elsewhere (a heading, a caption, the sentence before the table).
    if words.iter().any(|w| averaging(w))
        && words.iter().any(|w| METRIC.contains(w))
        && words.iter().all(|w| averaging(w) || METRIC.contains(w))
    {
        return false;
    }

    if is_category(&words) {
        return false;
    }
    // The name, not its parenthesis, says what the column is: "Context Length (tokens)" is none,
    // "BrowseComp (w/ Context Manager)" and "GAIA (no file)" are benchmarks.
    let named = clean.split('(').next().unwrap_or(&clean);
    let outside: Vec<&str> = named.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let judged = if outside.is_empty() { &words } else { &outside };
    let metric_only = judged.iter().all(|w| METRIC.contains(w) || w.chars().all(|c| c.is_ascii_digit()));
    // How much input a run was given ("20 docs (Avg 2.9K tokens)", "5 passages"): a setting of a
    // benchmark named elsewhere (a caption, a heading), like a context length.
    const INPUT_UNITS: &[&str] = &[
        "doc",
        "docs",
        "documents",
        "passages",
        "needles",
        "samples",
        "examples",
        "chunks",
        "pages",
        "images",
        "demos",
    ];
    let input_amount =
        matches!(judged.as_slice(), [n, unit] if n.chars().all(|c| c.is_ascii_digit()) && INPUT_UNITS.contains(unit));
    // A tally of head-to-head comparisons ("Wins", "Wins / Ties / Losses"): a count, not a score.
    let tally = judged.iter().all(|w| matches!(*w, "wins" | "ties" | "losses" | "draws"));
    // Perplexity, bits per byte, loss: lower is better and no percent; not a score, even when
    // only the parenthesis says so ("Pile-test (BPB)").
    // A rate is a hyper-parameter's or a signal's ("Learning Rate", "Sample Rate"), a metric's
    // ("Hit Rate", "Pass Rate", "Win Rate vs GPT-4": the benchmark is named elsewhere), or a
    // score's named in full ("Executable Rate of Generated Code").
    let metric_rate = |w: &&str| RATE_SETTINGS.contains(w) || matches!(*w, "win" | "vs" | "versus" | "against");
    let setting_rate = judged.contains(&"rate") && (judged.len() <= 2 || judged.iter().any(metric_rate));
    if metric_only
        || input_amount
        || tally
        || setting_rate
        || judged.iter().any(|w| NEVER_IN_A_BENCHMARK.contains(w))
        || words.iter().any(|w| LOWER_IS_BETTER.contains(w))
    {
        return false;
    }
    // A language's turn or average ("id turn1", "th avg"), an average over languages or the
    // Southeast Asian ones ("avg_sea"): a part of a benchmark named elsewhere.
    let digits = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    if is_language_turn(&words)
        || averaging(words[0]) && words.len() > 1 && words[1..].iter().all(|w| not_alone(w) || *w == "sea")
    {
        return false;
    }
    !words.iter().all(|w| not_alone(w) || digits(w))
}
