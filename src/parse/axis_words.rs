//! Word lists of table axes that are no benchmarks: categories, school levels, axis headers,
//! programming and natural languages and their codes, metrics (`benchmark_shape` decides with them).

/// Words of the categories a benchmark's score is broken down into (MMLU's "STEM", MT-Bench's
/// "Roleplay", a capability table's "Knowledge"): a name made only of these is a sub-score.
pub(super) const CATEGORY: &[&str] = &[
    "stem",
    "humanities",
    "humss",
    "social",
    "science",
    "sciences",
    "other",
    "others",
    "overall",
    "culture",
    "history",
    "general",
    "knowledge",
    "applied",
    "coding",
    "code",
    "reasoning",
    "writing",
    "creative",
    "creativity",
    "roleplay",
    "extraction",
    "understanding",
    "examination",
    "words",
    "word",
    "loan",
    "rare",
    "reading",
    "comprehension",
    "nomenclature",
    "standard",
    "commonsense",
    "world",
    "law",
    "politics",
    "economy",
    "geography",
    "society",
    "tradition",
    "pop",
    "functional",
    "grammar",
    "textual",
    "multilingual",
    "long",
    "short",
    "and",
    "total",
    "first",
    "second",
    "turn",
    "data",
    "analysis",
    "mathematics",
    "biology",
    "chemistry",
    "physics",
    // Kinds of task a capability table scores ("Robustness", "Translation"; MTEB's task types).
    "robustness",
    "safety",
    "hallucination",
    "translation",
    "summarization",
    "classification",
    "retrieval",
    "clustering",
    "reranking",
    "sts",
    "pair",
    "pairclassification",
    // ("Pair Class. (3)", "Pair_CLS": MTEB's pair classification abbreviated.)
    "class",
    "cls",
    "bitext",
    "mining",
    "generation",
    "factual",
    // Entity types of a NER table ("PER", "LOC", "ORG", "MISC") and the query kinds of a
    // text-to-SQL one (SQL-Eval's "date", "group_by", "order_by", "ratio", "join", "where").
    "per",
    "loc",
    "org",
    "misc",
    "group",
    "order",
    "by",
    "ratio",
    "join",
    "where",
    // Harm categories of a safety table ("Criminal", "Privacy", "Misinformation").
    "harmful",
    "harmfulness",
    "criminal",
    "privacy",
    "misinformation",
    // Bias dimensions of CrowS-Pairs and BBQ tables ("Sexual orientation"; not "race": RACE).
    "gender",
    "religion",
    "sexual",
    "orientation",
    "age",
    "nationality",
    "disability",
    "physical",
    "appearance",
    "socioeconomic",
    "status",
    // Regions of a multilingual table ("European", "East Asian", "Middle Eastern").
    "european",
    "asian",
    "east",
    "eastern",
    "western",
    "middle",
    "african",
    "nordic",
    "indic",
];

/// School levels of a math breakdown (MathBench's "Primary", "High", "College"): a category
/// alone, not in a subject's name ("College Biology" is an MMLU subject).
/// Or a difficulty (Spider's "easy", "medium", "hard", "extra").
pub(super) const LEVELS: &[&str] =
    &["primary", "elementary", "high", "college", "arithmetic", "easy", "medium", "hard", "extra"];

/// Words of a table's axis header ("Language", "Type"), not of a benchmark.
pub(super) const AXIS_WORDS: &[&str] =
    &["type", "method", "use", "case", "notes", "note", "language", "languages", "lang"];

/// Programming languages: a column of a code benchmark's breakdown.
pub(super) const CODE_LANGUAGES: &[&str] = &[
    "python",
    "java",
    "javascript",
    "typescript",
    "c++",
    "cpp",
    "c#",
    "go",
    "rust",
    "php",
    "ruby",
    "bash",
    "shell",
    "sql",
    "swift",
    "kotlin",
    "scala",
    "csharp",
    "fsharp",
    "julia",
    "lua",
    "perl",
    "racket",
    "haskell",
    "ocaml",
    "dart",
    "elixir",
    "fortran",
    "matlab",
];

/// One-letter programming languages: a language only in a code benchmark's parenthesis
/// ("MultiPL-HumanEval (R)", "(D)", "(C)"), never as a column header of their own.
pub(super) const CODE_LETTERS: &[&str] = &["c", "d", "r"];

/// Natural languages other than English: a column of a multilingual breakdown, or a section
/// whose English-named benchmarks are translations.
pub(crate) const LANGUAGES: &[&str] = &[
    "chinese",
    "french",
    "german",
    "spanish",
    "japanese",
    "korean",
    "russian",
    "arabic",
    "hindi",
    "italian",
    "portuguese",
    "vietnamese",
    "thai",
    "indonesian",
    "dutch",
    "polish",
    "turkish",
    "czech",
    "finnish",
    "norwegian",
    "swedish",
    "danish",
    "ukrainian",
    "greek",
    "hebrew",
    "hungarian",
    "romanian",
    "bengali",
    "swahili",
    "telugu",
    "tamil",
    "urdu",
    "persian",
    "malay",
    "catalan",
    "bulgarian",
];

/// A label column of a multilingual table that holds only language names ("Portuguese" beside
/// "MMLU (5-shot)": that row is MMLU in Portuguese). English is a row of such a column too.
pub(crate) fn language_column(rows: &[Vec<String>], cols: &[usize]) -> Option<usize> {
    let named = |cell: &str| is_language(cell) || cell.trim().eq_ignore_ascii_case("english");
    cols.iter().copied().find(|c| {
        let filled: Vec<&String> = rows.iter().map(|r| &r[*c]).filter(|v| !v.trim().is_empty()).collect();
        filled.len() >= 2 && filled.iter().all(|v| named(v))
    })
}

/// A language other than English (a row of it names that language's part of the benchmark).
pub(crate) fn is_language(cell: &str) -> bool {
    LANGUAGES.contains(&cell.trim().to_lowercase().as_str())
}

/// ISO 639-1 codes of languages cards compare by ("En", "De", "Zh" columns; Southeast Asian
/// tables' "id", "th", "ms", "jv", "km", "lo", "my", "ta", "tl"). Not "it" (also information
/// technology).
pub(super) const LANGUAGE_CODES: &[&str] = &[
    "en", "de", "fr", "es", "zh", "ja", "ko", "ru", "ar", "hi", "pt", "vi", "nl", "pl", "id", "th", "ms", "jv", "km",
    "lo", "my", "ta", "tl", "tr", "uk", "bn", "ur", "sw", "te", "fa", "cs", "sv", "fi", "da", "el", "hu", "ro", "bg",
    "hr", "sk", "sl", "sr", "lt", "lv", "et", "ca", "eu", "gl", "kk", "ka", "hy", "mr", "gu", "kn", "ml", "pa", "ne",
    "si", "yo", "zu", "af", "cy", "jp",
];

/// A metric alone ("Pass@1", "Accuracy", "EM") names no benchmark: accuracy and match words;
/// retrieval and overlap metrics ("NDCG@10", "MRR@10", "P@1", "MAP@10", "ROUGE-2", "ROUGE-Lsum",
/// "R1", "RL", "Top-1"); correlations ("Spearman": the data set is named elsewhere); a judge's
/// preference and the other outcomes of a comparison ("Win Rate", "Tie", "Lose", "LC. Win Rate"),
/// a judge's agreement with people, a similarity to reference answers; a classifier's areas and
/// error rates ("AUPRC", "AUROC", "FPR").
#[rustfmt::skip]
pub(super) const METRIC: &[&str] = &[
    "pass", "acc", "accuracy", "em", "f1", "score", "exact", "match", "norm", "k", "ndcg", "mrr", "map", "p",
    "recall", "precision", "rouge", "l", "lsum", "r1", "r2", "rl", "bleu", "chrf", "top", "pearson", "spearman",
    "correlation", "winrate", "win", "rate", "tie", "lose", "agreement", "consistency", "lc", "similarity", "auprc",
    "auroc", "auc", "fpr", "fnr", "tpr",
];

/// A word that no benchmark name holds: a hyper-parameter, a size, a date, a licence.
pub(super) const NEVER_IN_A_BENCHMARK: &[&str] = &[
    "date",
    "release",
    "released",
    "year",
    "month",
    "license",
    "licence",
    "size",
    "params",
    "parameters",
    "tokens",
    "context",
    "length",
    "vocab",
    "vocabulary",
    "layers",
    "layer",
    "dimensions",
    "shots",
    "speedup",
    "param",
    // Compute per image or token ("GMACs", "MACTs", "FLOPs"): timm's and ViT cards' columns.
    "macs",
    "gmacs",
    "macts",
    "flops",
    "gflops",
    "tflops",
    "heads",
    "hidden",
    "dimension",
    "dim",
    "batch",
    // Batch size ("BS (seq)").
    "bs",
    "epochs",
    "steps",
    "warmup",
    "lr",
    "dropout",
    "ffn",
    // A count's abbreviation: `head_num`, `num_layers`.
    "num",
    "xent",
    "link",
    "links",
    "url",
    "download",
    "downloads",
    "quant",
    "bits",
    "ram",
    "vram",
    "memory",
    "file",
    "filename",
    "speed",
    "throughput",
    "latency",
    // Queries and tokens per second.
    "qps",
    "tps",
    "gpu",
    "gpus",
    "cpu",
    "hours",
    // A model card's environmental impact ("Carbon Emissions (tCO₂eq)", "Power Consumption").
    "carbon",
    "emissions",
    "consumption",
    "architecture",
    "recovery",
    "time",
    "sec",
    "seconds",
    // Compute: "Accuracy/GFLOPs per token", "TFLOPs".
    "flops",
    "gflops",
    "gflopss",
    "tflops",
    // Settings of a model's input or output, not scores: "SeqLen", "Resolution"; a vocoder's
    // "fmax", "Mel band", "Upsampling Ratio". (Frame counts below: FRAMES is a benchmark.)
    "seqlen",
    "resolution",
    "fps",
    "fmax",
    "fmin",
    "mel",
    "upsampling",
    // Lower is better, and no score: "Frechet Audio Distance", "KLD".
    "frechet",
    "distance",
    "kld",
    // A score's uncertainty, not a score: "standard_error", "95% CI", "stderr".
    "error",
    "stderr",
    "std",
    "ci",
];

/// Words of a heading over a card's results ("Evaluation Results", "Benchmarks").
/// A table label that points at the card's own model without naming it: "This model" beside
/// "Original `gemma-3-4b-it`", a quantized copy's "this file" beside "FP16" and "AWQ".
pub(super) fn is_self_reference(label: &str) -> bool {
    let label = super::benchmarks::strip_markup(label).trim().to_lowercase();
    let words: Vec<&str> = label.split_whitespace().collect();
    matches!(
        words.as_slice(),
        ["this", "model" | "file" | "artifact" | "checkpoint" | "repo" | "repository" | "quant" | "quantization"]
    )
}

pub(super) const RESULTS_HEADING: &[&str] =
    &["evaluation", "evaluations", "results", "benchmarks", "performance", "scores"];

/// Whether a word of a title says it is about results: a [`RESULTS_HEADING`] word or "benchmark"
/// ("Benchmark", as a title, heads results; a benchmark's own name, "MMLU", does not).
pub(super) fn says_results(w: &str) -> bool {
    RESULTS_HEADING.contains(&w) || w == "benchmark"
}
/// Whether a name's parenthesis, cleaned, is a language code that names one language's part of
/// the benchmark: a multilingual benchmark's code ("XWinograd (fr)", "XNLI (ar)"), two or three
/// letters there but a metric's or a setting's ("XCOPA (qu)", not "MGSM (EM)"); an unknown
/// name's code (MTEB's "AmazonReviewsClassification (de)") or a known one's other than "en" (a
/// translation: "MMLU (zh)" is no MMLU score), but the codes that are words too ("it", "ms"); or a
/// language pair on either ("MTEB BUCC (de-en)", "STS22 (es-it)").
pub(super) fn names_language_part(code: &str, multilingual: bool, known: bool) -> bool {
    let word_code = |c: &str| matches!(c, "it" | "ms" | "my" | "id" | "pa");
    let coded = LANGUAGE_CODES.contains(&code);
    let pair = code.split_once(' ').is_some_and(|(a, b)| {
        let code = |c: &str| LANGUAGE_CODES.contains(&c) || word_code(c);
        code(a) && code(b)
    });
    let short = (2..=3).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_lowercase())
        && !METRIC.contains(&code)
        && !super::benchmark_shape::averaging(code)
        && !matches!(code, "all" | "cot" | "dev" | "val" | "std" | "gen" | "ppl" | "raw" | "new" | "old");
    let translated = known && code != "en";
    pair && (multilingual || !known)
        || multilingual && short
        || coded && (multilingual || (!known || translated) && !word_code(code))
}
