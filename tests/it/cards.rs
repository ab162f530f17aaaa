//! Extraction quality on labelled corpus cards (`data/cards/`, see `LABELLING.md` there): the real
//! binary against a Hub stand-in that serves only each model's card, so the card alone decides
//! every value. Measures score precision and recall, parameter counts, release dates and
//! `is_base` against the labels, prints a table, and writes the figures to
//! `$CARGO_TARGET_TMPDIR/cards_<split>.json`.
//!
//! The dev splits print every wrong or missed item; the validation split is blind and prints only
//! aggregate figures (per-card details only with `DENSING_SHOW_VALIDATION=1`, and then no rule may
//! be changed because of what it shows: see `LABELLING.md`).
//!
//! `dev` reads corpus cards in place and runs everywhere. `dev_pool` and `validation` are cards
//! from outside the corpus whose texts are kept next to the repo, never in it: they run with
//! `scripts/blind_cards.sh` (ignored otherwise). A parameter count is right within 2% of the
//! label; a labelled MoE whose total is right but whose active count densing leaves null is
//! counted right and listed apart (it abstained on the active count).
//!
//! `cargo test --test it cards -- --nocapture`

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

use densing::parse::benchmarks::resolve;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::util::*;

// Quality bars, as shares (0.0–1.0). Dev: a little under the figures measured when the rules
// were last changed (see the README and docs/extraction_log.md), so a regression fails here. Validation: the bars
// (precision 0.98, recall 0.85, 90% of stated counts within 2%). Wrong parameter counts and wrong
// dates are capped separately: a wrong value published as a fact is the worst error.
const DEV_MIN_PRECISION: f64 = 0.99;
const DEV_MIN_RECALL: f64 = 0.84;
const DEV_MIN_PARAMS_RIGHT: f64 = 0.93;
// (0.85 and 0.69 since v53/v54 joined dev in session 28, blind splits measured once whose dates
// and kinds read lower: 4 of their 8 stated dates are still missed, and 47 of their kinds.)
const DEV_MIN_DATES_RIGHT: f64 = 0.85;
// (0.70 since v50 joined dev: old cards without a pipeline tag rarely say base or tune; 0.66 since
// session 28 stopped reading a quantized copy's prompt template as a tune's: 12 right kinds on dev
// became null, one wrong one (Yi-34B-GGUF, a base model given a "Human: … Assistant:" template) too.)
const DEV_MIN_IS_BASE_RIGHT: f64 = 0.66;
const DEV_MAX_PARAMS_WRONG: u64 = 0;
// The pool's dev split (v13-v33, studied): its own bars, a little under its figures on the 673
// cards whose texts could be fetched again from git (session 22: precision 0.980, recall 0.821,
// counts 0.916, dates 0.504; is_base 0.468 (precision 0.983 after the last rule), lowered from 0.48 because the mirror's community
// cards added since rarely say base or tune, nor state a date). Its wrong counts are documented in docs/extraction_log.md (a
// LoRA log's total; a card whose prose and table disagree on the active count; a "3B (3.21B)"
// cell in a row that does not name the model; a card whose prose says 1B and whose table says
// 1.3B in a column not named for the model). One of its two wrong is_base is a card that says both "a
// fine-tuned generative text model based on Mistral 7B" and "KAI-7B is a pretrained base model"
// (labelled base; densing keeps the tune, as the base sentence names the model without "-beta");
// the other (since session 28, when TheBloke's CodeLlama-34B-Python card and its `[INST]` prompt
// template stopped counting: a quantized copy's template is no tune's sign) is a GPT-2 fine-tune on
// Gutenberg fiction labelled base. is_base 0.60: 0.620 after session 25's lineage and training-tag signals.
const DEV_POOL_MINS: [f64; 5] = [0.975, 0.79, 0.90, 0.50, 0.60];
const DEV_POOL_MAX_PARAMS_WRONG: u64 = 4;
const DEV_POOL_MAX_IS_BASE_WRONG: u64 = 2;
const VALIDATION_MIN_PRECISION: f64 = 0.98;
const VALIDATION_MIN_RECALL: f64 = 0.85;
const VALIDATION_MIN_PARAMS_RIGHT: f64 = 0.90;
// A card states a release date on few cards (1–4 a split): a missing one is not a wrong one.
const VALIDATION_MIN_DATES_RIGHT: f64 = 0.0;
const VALIDATION_MIN_IS_BASE_RIGHT: f64 = 0.5;
const VALIDATION_MAX_PARAMS_WRONG: u64 = 0;

/// A densing value matches a label within this (percent points, or the card's unit).
const VALUE_TOLERANCE: f64 = 0.006;
/// A parameter count matches within this share of the label.
const PARAMS_TOLERANCE: f64 = 0.02;

/// The corpus, read in place (never copied into the repo).
fn corpus() -> PathBuf {
    repo().join("../shared/corpus/hf-readme-2024")
}

/// Cards drawn from outside the corpus (`pool/<n>.md`, see `LABELLING.md`): real public cards
/// kept next to the repo, never in it. `DENSING_BLIND_CARDS` names the folder (default
/// `../cards-v13`); `data/cards/pool.csv` says where each came from.
fn pool() -> PathBuf {
    std::env::var_os("DENSING_BLIND_CARDS").map_or_else(|| repo().join("../cards-v13"), PathBuf::from)
}

/// A labelled card's text: a corpus file, or a pool file.
fn card_text(file: &str) -> Vec<u8> {
    let dir = if file.starts_with("pool/") { pool() } else { corpus() };
    let text = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("card {file} in {} ({e})", dir.display()));
    hub_card(text)
}

/// The README the Hub serves, from a mirror's page around it: `ZHUI/paddlenlp_model_readme`
/// (collections 23–24) puts a title and "## README([From Huggingface](…))" before the card (so its
/// YAML front matter is no longer at the top) and a "## Model Files" list after it.
fn hub_card(text: Vec<u8>) -> Vec<u8> {
    let Ok(page) = std::str::from_utf8(&text) else { return text };
    const OPEN: &str = "## README([From Huggingface](https://huggingface.co/";
    let Some(line) = page.find(OPEN).filter(|at| page[..*at].lines().count() <= 8) else { return text };
    let start = line + page[line..].find('\n').map_or(page.len() - line, |n| n + 1);
    let end = page.rfind("\n## Model Files\n").filter(|e| *e >= start).unwrap_or(page.len());
    page[start..end].trim_start_matches('\n').as_bytes().to_vec()
}

/// One `card` row of a split.
struct CardLabel {
    file: String,
    model_id: String,
    params: Option<f64>,
    active: Option<f64>,
    /// The date as labelled, cut to its precision (`2024-07-23`, `2023-12`, `2024`).
    date: Option<String>,
    is_base: Option<bool>,
}

/// One `score` row of a split.
struct ScoreLabel {
    model_id: String,
    /// As labelled: a canonical id or `raw:<name as written>`.
    benchmark: String,
    /// What densing's `benchmark` column should hold: the canonical id, or a raw name resolved
    /// by densing's own [`resolve`].
    benchmark_id: String,
    shots: Option<i32>,
    value: f64,
    /// The last printed digit's unit ("0.708": 0.001), to compare at the label's precision.
    step: f64,
    /// The value as the label writes it ("86.8"), to find it in the card's text.
    written: String,
    is_average: bool,
    note: String,
}

struct Labels {
    cards: Vec<CardLabel>,
    scores: Vec<ScoreLabel>,
    skipped: usize,
}

fn labels(split: &str) -> Labels {
    let file = repo().join(format!("tests/it/data/cards/{split}.csv"));
    let mut reader = csv::Reader::from_path(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut labels = Labels { cards: Vec::new(), scores: Vec::new(), skipped: 0 };
    for (line, record) in reader.deserialize::<BTreeMap<String, String>>().enumerate() {
        let row = record.unwrap_or_else(|e| panic!("{split}.csv record {}: {e}", line + 1));
        let cell = |name: &str| row.get(name).map(|s| s.trim()).filter(|s| !s.is_empty());
        let number = |name: &str| {
            cell(name).map(|s| s.parse::<f64>().unwrap_or_else(|e| panic!("{split}.csv {name} {s:?}: {e}")))
        };
        let model_id = cell("model_id").unwrap_or_else(|| panic!("{split}.csv record {}: no model_id", line + 1));
        match cell("kind") {
            Some("card") => {
                let file = cell("file").expect("file").to_owned();
                let named = file.strip_suffix(".README.md").and_then(|f| f.split_once("__"));
                assert!(
                    file.starts_with("pool/") || named.map(|(o, n)| format!("{o}/{n}")).as_deref() == Some(model_id),
                    "{split}.csv: model_id is the corpus file name's id"
                );
                let date = cell("date").map(|d| {
                    let keep = match cell("date_precision") {
                        Some("year") => 4,
                        Some("month") => 7,
                        _ => 10,
                    };
                    d[..keep.min(d.len())].to_owned()
                });
                let is_base = cell("is_base").map(|b| match b {
                    "true" => true,
                    "false" => false,
                    other => panic!("{split}.csv is_base {other:?}"),
                });
                labels.cards.push(CardLabel {
                    file,
                    model_id: model_id.to_owned(),
                    params: number("params"),
                    active: number("active"),
                    date,
                    is_base,
                });
            }
            Some("score") => {
                let benchmark = cell("benchmark").expect("benchmark").to_owned();
                let benchmark_id = match benchmark.strip_prefix("raw:") {
                    Some(name) => resolve(name).canonical,
                    None => benchmark.clone(),
                };
                labels.scores.push(ScoreLabel {
                    model_id: model_id.to_owned(),
                    benchmark,
                    benchmark_id,
                    shots: number("shots").map(|s| s as i32),
                    value: number("value").expect("value"),
                    step: printed_step(cell("value").expect("value")),
                    written: cell("value").expect("value").to_owned(),
                    is_average: cell("is_average") == Some("1"),
                    note: cell("note").unwrap_or_default().to_owned(),
                });
            }
            Some("skip") => labels.skipped += 1,
            other => panic!("{split}.csv: unknown kind {other:?}"),
        }
    }
    let ids: BTreeSet<&str> = labels.cards.iter().map(|c| c.model_id.as_str()).collect();
    for s in &labels.scores {
        assert!(ids.contains(s.model_id.as_str()), "{split}.csv: score of {} without a card row", s.model_id);
    }
    labels
}

/// Whether densing's value is the labelled one (a labelled fraction may be stored as percent):
/// the same number at the label's printed precision. A card that prints "0.708" in a table and
/// 0.70783 in its `model-index` states one value; densing's 70.783 is it.
fn value_matches(densing: f64, label: &ScoreLabel) -> bool {
    let half_step = label.step / 2.0 + 1e-9;
    (densing - label.value).abs() <= VALUE_TOLERANCE.max(half_step)
        || (label.value.abs() <= 1.0 && (densing - label.value * 100.0).abs() <= VALUE_TOLERANCE.max(half_step * 100.0))
}

/// The unit of a printed number's last digit: "63.4" → 0.1, "7" → 1.
fn printed_step(printed: &str) -> f64 {
    let decimals = printed.trim().split_once('.').map_or(0, |(_, d)| d.len());
    10f64.powi(-(decimals as i32))
}

fn matches(row: &Row, label: &ScoreLabel) -> bool {
    row["model_id"] == label.model_id && row["benchmark"] == label.benchmark_id && value_matches(value(row), label)
}

fn value(row: &Row) -> f64 {
    row["value"].parse().expect("numeric value")
}

fn shots(row: &Row) -> Option<i32> {
    (row["shots"] != "null").then(|| row["shots"].parse().expect("numeric shots"))
}

fn count(right: usize, total: usize) -> Value {
    json!({ "share": if total == 0 { Value::Null } else { json!(right as f64 / total as f64) }, "right": right, "of": total })
}

fn share(figure: &Value) -> f64 {
    figure["share"].as_f64().unwrap_or(1.0)
}

fn show_interval(interval: &Value) -> String {
    match interval.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect::<Vec<_>>()).as_deref() {
        Some([low, high]) => format!("{low:.3}–{high:.3}"),
        _ => "n/a".to_owned(),
    }
}

/// A 95% interval for a share whose rows come by card (`(right, of)` for each card): the 2.5th
/// and 97.5th percentiles of the share over 2,000 resamples of the cards with replacement. A
/// card's rows stand or fall together (one table read or passed over), so a split's figure moves
/// by cards, and the card is the unit to resample. Seeded: a reading repeats.
fn card_interval(per_card: &[(usize, usize)]) -> Option<[f64; 2]> {
    if per_card.is_empty() {
        return None;
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64: enough for resampling, and no dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const RESAMPLES: usize = 2000;
    let mut shares: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            let (mut right, mut of) = (0, 0);
            for _ in 0..per_card.len() {
                let (r, o) = per_card[(next() % per_card.len() as u64) as usize];
                right += r;
                of += o;
            }
            if of == 0 {
                1.0
            } else {
                right as f64 / of as f64
            }
        })
        .collect();
    shares.sort_by(f64::total_cmp);
    // (The 2.5th and 97.5th percentiles.)
    Some([shares[RESAMPLES / 40], shares[RESAMPLES - RESAMPLES / 40 - 1]])
}

#[test]
fn card_interval_widens_with_the_spread_between_cards() {
    // Every card at 0.8: no spread, whatever the resample.
    assert_eq!(card_interval(&[(8, 10); 20]), Some([0.8, 0.8]));
    // The same 0.8 overall, but two cards hold all the misses: the interval is wide.
    let mut lopsided = vec![(10, 10); 18];
    lopsided.extend([(0, 20), (0, 20)]);
    let [low, high] = card_interval(&lopsided).unwrap();
    assert!(low < 0.7 && high > 0.9 && high <= 1.0, "{low}–{high}");
    assert_eq!(card_interval(&[]), None);
}

fn show(figure: &Value) -> String {
    match figure["share"].as_f64() {
        Some(s) => format!("{s:.3} ({}/{})", figure["right"], figure["of"]),
        None => format!("n/a (0/{})", figure["of"]),
    }
}

/// One score row, for the lists.
fn describe(row: &Row) -> String {
    format!(
        "{} {} = {} (raw {:?} = {:?}, shots {}, {})",
        row["model_id"],
        row["benchmark"],
        row["value"],
        row["benchmark_raw"],
        row["value_raw"],
        row["shots"],
        row["source_detail"]
    )
}

fn within(label: f64, got: &str) -> bool {
    got.parse::<f64>().is_ok_and(|g| (g - label).abs() <= PARAMS_TOLERANCE * label)
}

/// Runs the split's labelled cards through the real binary and measures the result against the
/// labels. Returns the figures (also written as JSON); `details` adds every wrong or missed item.
async fn measure(split: &str, details: bool) -> Value {
    let started = Instant::now();
    let mut labels = labels(split);
    // A machine that could restore only part of the pool texts (`DENSING_POOL_PARTIAL=1`) measures
    // the labelled cards it has, and says how many it left out: a figure for comparing rule
    // changes on one machine, not one to quote.
    if std::env::var("DENSING_POOL_PARTIAL").as_deref() == Ok("1") {
        let before = labels.cards.len();
        labels.cards.retain(|c| !c.file.starts_with("pool/") || pool().join(&c.file).is_file());
        let kept: BTreeSet<String> = labels.cards.iter().map(|c| c.model_id.clone()).collect();
        labels.scores.retain(|s| kept.contains(&s.model_id));
        eprintln!(
            "{split}: {} of {before} labelled cards have no text here and are left out",
            before - labels.cards.len()
        );
    }

    // The Hub stand-in serves only the cards, from the files' bytes: everything else (the API's
    // `/api/models/…`, config.json, …) is wiremock's default 404, as in the issue's own test. The
    // API's failures are then every run's, so the pipeline tolerates them.
    let server = MockServer::start().await;
    for card in &labels.cards {
        let body = card_text(&card.file);
        Mock::given(method("GET"))
            .and(path(format!("/{}/resolve/main/README.md", card.model_id)))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, "text/markdown"))
            .mount(&server)
            .await;
    }
    let work = Workdir::new();
    let list: Vec<String> = labels.cards.iter().map(|c| format!("{:?}", c.model_id)).collect();
    let pipeline = work.path().join(format!("cards_{split}.toml"));
    std::fs::write(
        &pipeline,
        format!(
            "name = 'cards_{split}'\n[run]\nmax_failure_ratio = 1.0\n\n{QUICK_FETCH}max_in_flight = 32\n\n[hosts.\"127.0.0.1\"]\nrps = 1000\nburst = 100\n\n[[sources]]\nkind = 'hf_models'\nendpoint = '{0}'\nmodels = [{1}]\n\n[[sources]]\nkind = 'hf_files'\nendpoint = '{0}'\n",
            server.uri(),
            list.join(", ")
        ),
    )
    .unwrap();
    let output = work.run(&pipeline);
    assert_eq!(output.status.code(), Some(0), "densing run exits 0");

    // The paths densing asked for that the stand-in does not serve (404), by file name (the API's
    // as `api/models`).
    let mut unserved: BTreeMap<String, usize> = BTreeMap::new();
    let served: BTreeSet<String> =
        labels.cards.iter().map(|c| format!("/{}/resolve/main/README.md", c.model_id)).collect();
    for request in server.received_requests().await.unwrap_or_default() {
        let p = request.url.path().to_owned();
        if !served.contains(&p) {
            let tail =
                if p.starts_with("/api/models/") { "api/models" } else { p.rsplit('/').next().unwrap_or_default() };
            *unserved.entry(tail.to_owned()).or_default() += 1;
        }
    }

    let models = rows_by(&read_table(&work.out(), "models", None), "model_id");
    let absent: Vec<&str> =
        labels.cards.iter().map(|c| c.model_id.as_str()).filter(|id| !models.contains_key(*id)).collect();
    assert!(
        absent.is_empty(),
        "{} labelled model(s) absent from `models`{}",
        absent.len(),
        if details { format!(": {absent:?}") } else { String::new() }
    );
    let ids: BTreeSet<&str> = labels.cards.iter().map(|c| c.model_id.as_str()).collect();
    let scores: Vec<Row> = rows(&read_table(&work.out(), "scores", None))
        .into_iter()
        .filter(|r| ids.contains(r["model_id"].as_str()))
        .collect();

    // Scores: precision over densing's rows that are not averages, recall over the labels' rows
    // that are not averages.
    let (averages, own): (Vec<&ScoreLabel>, Vec<&ScoreLabel>) = labels.scores.iter().partition(|s| s.is_average);
    let mut considered = 0;
    let mut excluded = 0;
    let mut hits = 0;
    let mut shots_agree = 0;
    let mut wrong = Vec::new();
    // A label printed under 1 matches both its value and ×100 (`value_matches`): a percent row
    // matched at under 1 is a tiny percent, or a fraction densing left unscaled. Listed, to read.
    let mut under_one = Vec::new();
    // (right, of) by card, for the intervals (`card_interval`).
    let mut precision_by_card: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut recall_by_card: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    // The benchmarks density reads (the shipped reference's curves, less their average): a wrong
    // or missed score of these moves a published density, so they get figures of their own.
    let reference = densing::density::reference::Reference::built_in();
    let reads: BTreeSet<&str> =
        reference.curve.iter().map(|c| c.benchmark.as_str()).filter(|b| *b != "average").collect();
    let (mut density_hits, mut density_considered) = (0, 0);
    for row in &scores {
        if row["benchmark"] == "card_average" || averages.iter().any(|a| matches(row, a)) {
            excluded += 1;
            continue;
        }
        considered += 1;
        let found: Vec<&&ScoreLabel> = own.iter().filter(|l| matches(row, l)).collect();
        if reads.contains(row["benchmark"].as_str()) {
            density_considered += 1;
            density_hits += usize::from(!found.is_empty());
        }
        let card = precision_by_card.entry(row["model_id"].as_str()).or_default();
        card.1 += 1;
        card.0 += usize::from(!found.is_empty());
        if found.is_empty() {
            let same_benchmark: Vec<String> = own
                .iter()
                .filter(|l| l.model_id == row["model_id"] && l.benchmark_id == row["benchmark"])
                .map(|l| l.value.to_string())
                .collect();
            let same_value: Vec<&str> = own
                .iter()
                .filter(|l| l.model_id == row["model_id"] && value_matches(value(row), l))
                .map(|l| l.benchmark.as_str())
                .collect();
            let why = if !same_benchmark.is_empty() {
                format!("label values for this benchmark: {}", same_benchmark.join(", "))
            } else if !same_value.is_empty() {
                format!("value labelled under {}", same_value.join(", "))
            } else {
                "not in the labels".to_owned()
            };
            wrong.push(format!("{} -- {why}", describe(row)));
        } else {
            hits += 1;
            if row["unit"] == "percent" && (0.0..1.0).contains(&value(row)) && value(row) > 0.0 {
                under_one.push(describe(row));
            }
            if found.iter().any(|l| l.shots == shots(row)) {
                shots_agree += 1;
            }
        }
    }
    let mut found = 0;
    // Recall over the labels of the benchmarks LABELLING.md names (MMLU, GSM8K, …), the ones density
    // can use, beside all.
    let named = own.iter().filter(|l| !l.benchmark.starts_with("raw:")).count();
    let mut found_named = 0;
    let density_labels = own.iter().filter(|l| reads.contains(l.benchmark_id.as_str())).count();
    let mut found_density = 0;
    let mut missed = Vec::new();
    // Why each missed label was missed, counted (the only view of a blind split's misses): the
    // value read under another benchmark's name, another value for its benchmark, other scores of
    // the model read, or none, with or without a reject from the model's card saying what was
    // passed over and why.
    let rejects = rows(&read_table(&work.out(), "rejects", None));
    let rejected: BTreeSet<&str> = rejects
        .iter()
        .filter(|r| r["stage"] == "parse" && r["url"].ends_with("README.md"))
        .map(|r| r["model_id"].as_str())
        .collect();
    let mut missed_by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    // Of those on cards densing said nothing about, where the card gives the value (the first line
    // holding it as labelled): a table, a list item, a heading, prose, or nowhere as written.
    let mut silent_by_form: BTreeMap<&str, usize> = BTreeMap::new();
    // How the misses fall on cards (counts only, largest first): a split whose misses sit on a few
    // cards moves by whole cards, not by rules.
    let mut missed_per_card: BTreeMap<&str, usize> = BTreeMap::new();
    let files: BTreeMap<&str, &str> = labels.cards.iter().map(|c| (c.model_id.as_str(), c.file.as_str())).collect();
    // (Each card read once, however many of its labels were missed.)
    let mut texts: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    for label in &own {
        let card = recall_by_card.entry(label.model_id.as_str()).or_default();
        card.1 += 1;
        if scores.iter().any(|r| matches(r, label)) {
            card.0 += 1;
            found += 1;
            found_named += usize::from(!label.benchmark.starts_with("raw:"));
            found_density += usize::from(reads.contains(label.benchmark_id.as_str()));
            continue;
        }
        let of_model = |keep: &dyn Fn(&Row) -> bool| -> Vec<String> {
            scores.iter().filter(|r| r["model_id"] == label.model_id && keep(r)).map(describe).collect()
        };
        let same_benchmark = of_model(&|r| r["benchmark"] == label.benchmark_id);
        let same_value = of_model(&|r| value_matches(value(r), label));
        let other_scores = scores.iter().any(|r| r["model_id"] == label.model_id);
        let kind = match (same_benchmark.is_empty(), same_value.is_empty(), other_scores) {
            (false, _, _) => "another value for its benchmark",
            (true, false, _) => "its value under another benchmark",
            (true, true, true) => "other scores of the model read",
            _ if rejected.contains(label.model_id.as_str()) => "no score of the model; a card reject says why",
            _ => "no score of the model, no card reject",
        };
        *missed_by_kind.entry(kind).or_default() += 1;
        *missed_per_card.entry(label.model_id.as_str()).or_default() += 1;
        if kind == "no score of the model, no card reject" {
            let file = files[label.model_id.as_str()];
            let text = texts.entry(file).or_insert_with(|| card_text(file));
            *silent_by_form.entry(form_of(text, &label.written)).or_default() += 1;
        }
        let evidence = if !same_benchmark.is_empty() {
            format!("densing has {}", same_benchmark.join("; "))
        } else if !same_value.is_empty() {
            format!("value found as {}", same_value.join("; "))
        } else if other_scores {
            "not found (densing has other scores for this model)".to_owned()
        } else {
            format!("not found (no densing score for this model; {kind})")
        };
        missed.push(format!(
            "{} {} (as {}) = {} shots {:?} [{}] -- {evidence}",
            label.model_id, label.benchmark, label.benchmark_id, label.value, label.shots, label.note
        ));
    }

    let mut missed_per_card: Vec<usize> = missed_per_card.into_values().collect();
    missed_per_card.sort_unstable_by(|a, b| b.cmp(a));
    let cards_with_scores = own.iter().map(|l| l.model_id.as_str()).collect::<BTreeSet<_>>().len();

    // Parameters, dates, is_base.
    let (mut params_right, mut params_wrong, mut params_missing) = (0, Vec::new(), Vec::new());
    let mut active_missing = Vec::new();
    let mut params_unstated = Vec::new();
    let (mut dates_right, mut dates_wrong, mut dates_missing, mut dates_unstated) =
        (0, Vec::new(), Vec::new(), Vec::new());
    let (mut base_right, mut base_wrong, mut base_missing) = (0, Vec::new(), Vec::new());
    for card in &labels.cards {
        let got = &models[&card.model_id];
        let params_seen = format!(
            "{}: densing total {} active {} ({}, label {:?}); labelled total {:?} active {:?}",
            card.model_id,
            got["params_total"],
            got["params_active"],
            got["params_source"],
            got["params_label"],
            card.params,
            card.active
        );
        match card.params {
            Some(_) if got["params_total"] == "null" => params_missing.push(params_seen),
            // A labelled MoE whose total densing has right but whose active count it leaves
            // null abstained on the active count: right total, counted apart; a different
            // active count is wrong.
            Some(total) if within(total, &got["params_total"]) => match card.active {
                Some(_) if got["params_active"] == "null" => {
                    params_right += 1;
                    active_missing.push(params_seen);
                }
                Some(a) if !within(a, &got["params_active"]) => params_wrong.push(params_seen),
                _ => params_right += 1,
            },
            Some(_) => params_wrong.push(params_seen),
            None if got["params_total"] != "null" => params_unstated.push(params_seen),
            None => {}
        }
        let date_seen = format!(
            "{}: densing {} ({}, {}); labelled {:?}",
            card.model_id, got["release_date"], got["release_date_precision"], got["release_date_source"], card.date
        );
        match &card.date {
            Some(_) if got["release_date"] == "null" => dates_missing.push(date_seen),
            Some(date) if got["release_date"].starts_with(date.as_str()) => dates_right += 1,
            Some(_) => dates_wrong.push(date_seen),
            None if got["release_date"] != "null" => dates_unstated.push(date_seen),
            None => {}
        }
        let base_seen = format!("{}: densing is_base {}; labelled {:?}", card.model_id, got["is_base"], card.is_base);
        match card.is_base {
            Some(_) if got["is_base"] == "null" => base_missing.push(base_seen),
            Some(b) if got["is_base"] == b.to_string() => base_right += 1,
            Some(_) => base_wrong.push(base_seen),
            None => {}
        }
    }
    let params_labelled = labels.cards.iter().filter(|c| c.params.is_some()).count();
    let dates_labelled = labels.cards.iter().filter(|c| c.date.is_some()).count();
    let base_labelled = labels.cards.iter().filter(|c| c.is_base.is_some()).count();

    let mut figures = json!({
        "split": split,
        "cards": labels.cards.len(),
        "skipped_in_labels": labels.skipped,
        "scores": {
            "densing_rows": scores.len(),
            "densing_rows_averages_excluded": excluded,
            "precision": count(hits, considered),
            "precision_interval_95": card_interval(&precision_by_card.into_values().collect::<Vec<_>>()),
            "recall": count(found, own.len()),
            "recall_interval_95": card_interval(&recall_by_card.into_values().collect::<Vec<_>>()),
            "recall_named_benchmarks": count(found_named, named),
            "density_benchmarks": reads,
            "precision_density_benchmarks": count(density_hits, density_considered),
            "recall_density_benchmarks": count(found_density, density_labels),
            "missed_by_kind": &missed_by_kind,
            "silent_misses_by_form": &silent_by_form,
            "cards_with_labelled_scores": cards_with_scores,
            "missed_per_card": &missed_per_card,
            "shots_agree_of_matched": count(shots_agree, hits),
            "matched_percent_rows_under_1": under_one.len(),
            "labelled_rows": labels.scores.len(),
            "labelled_averages": averages.len(),
        },
        "params": {
            "right": count(params_right, params_labelled),
            "wrong": params_wrong.len(),
            "missing": params_missing.len(),
            "active_not_published": active_missing.len(),
            "unstated_but_published": params_unstated.len(),
        },
        "dates": {
            "right": count(dates_right, dates_labelled),
            "wrong": dates_wrong.len(),
            "missing": dates_missing.len(),
            "unstated_but_published": dates_unstated.len(),
        },
        "is_base": {
            "right": count(base_right, base_labelled),
            "wrong": base_wrong.len(),
            "missing": base_missing.len(),
        },
        "unserved_requests": &unserved,
        "seconds": started.elapsed().as_secs_f64(),
    });
    let p = &figures["params"];
    let d = &figures["dates"];
    let b = &figures["is_base"];
    let s = &figures["scores"];
    eprintln!(
        "\ncard extraction, {split} split: {} cards ({} skipped in the labels), {:.1} s\n\
         | figure                          | value |\n|---|---|\n\
         | score precision (no averages)   | {} ; 95% interval over cards {} |\n\
         | labelled scores found (recall)  | {} ; 95% interval over cards {} |\n\
         | … of the named benchmarks       | {} |\n\
         | … of the five density reads     | precision {} ; recall {} |\n\
         | shots agree, of matched rows    | {} |\n\
         | params right (±2%)              | {} ; wrong {}, missing {}, MoE active not published {} |\n\
         | params unstated but published   | {} |\n\
         | dates right (at label precision)| {} ; wrong {}, missing {} |\n\
         | dates unstated but published    | {} |\n\
         | is_base agrees                  | {} ; wrong {}, missing {} |\n\
         missed, by kind: {:?}\n\
         of those on silent cards, the value's first line on the card: {:?}\n\
         misses per card, largest first ({} cards with labelled scores): {:?}\n\
         densing score rows {} ({} averages excluded); labelled score rows {} ({} averages); requests answered 404, by file: {:?}",
        labels.cards.len(),
        labels.skipped,
        figures["seconds"].as_f64().unwrap(),
        show(&s["precision"]),
        show_interval(&s["precision_interval_95"]),
        show(&s["recall"]),
        show_interval(&s["recall_interval_95"]),
        show(&s["recall_named_benchmarks"]),
        show(&s["precision_density_benchmarks"]),
        show(&s["recall_density_benchmarks"]),
        show(&s["shots_agree_of_matched"]),
        show(&p["right"]),
        p["wrong"],
        p["missing"],
        p["active_not_published"],
        p["unstated_but_published"],
        show(&d["right"]),
        d["wrong"],
        d["missing"],
        d["unstated_but_published"],
        show(&b["right"]),
        b["wrong"],
        b["missing"],
        missed_by_kind,
        silent_by_form,
        cards_with_scores,
        missed_per_card,
        scores.len(),
        excluded,
        labels.scores.len(),
        averages.len(),
        unserved,
    );
    if details {
        let lists: [(&str, &Vec<String>); 12] = [
            ("scores wrong (densing rows not in the labels)", &wrong),
            ("scores matched at a percent under 1 (a tiny percent, or a fraction left unscaled?)", &under_one),
            ("scores missed (labels densing did not find)", &missed),
            ("params wrong", &params_wrong),
            ("params missing", &params_missing),
            ("MoE active not published", &active_missing),
            ("params unstated but published", &params_unstated),
            ("dates wrong", &dates_wrong),
            ("dates missing", &dates_missing),
            ("dates unstated but published", &dates_unstated),
            ("is_base wrong", &base_wrong),
            ("is_base missing", &base_missing),
        ];
        for (title, list) in lists {
            eprintln!("\n### {title}: {}", list.len());
            for item in list {
                eprintln!("- {item}");
            }
        }
        figures["details"] = json!(BTreeMap::from(lists.map(|(t, l)| (t, l.clone()))));
    }
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cards_{split}.json"));
    std::fs::write(&out, serde_json::to_string_pretty(&figures).unwrap()).unwrap();
    eprintln!("figures written to {}", out.display());
    // wiremock's MockServer blocks on its shutdown in Drop; with this task's tokio budget spent
    // (a large split), that block_on spins forever. A fresh budget first.
    tokio::task::yield_now().await;
    drop(server);
    figures
}

/// The kind of the first line of `card` holding `written` as a number of its own (not inside a
/// longer one): a table row, a list item, a heading, prose, or "not as written" when none does.
fn form_of(card: &[u8], written: &str) -> &'static str {
    let text = String::from_utf8_lossy(card);
    let alone = |line: &str, at: usize| {
        let before = line[..at].chars().next_back();
        let after = line[at + written.len()..].chars().next();
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
        !digit(before) && !digit(after)
    };
    let Some(line) = text.lines().find(|l| l.match_indices(written).any(|(at, _)| alone(l, at))) else {
        return "not as written";
    };
    let t = line.trim_start();
    let numbered = t
        .split_once(['.', ')'])
        .is_some_and(|(n, rest)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && rest.starts_with(' '));
    if t.starts_with('|') || t.contains("<td") || t.contains("<th") {
        "table"
    } else if t.starts_with(['-', '*', '+']) || numbered {
        "list item"
    } else if t.starts_with('#') {
        "heading"
    } else {
        "prose"
    }
}

fn check(figures: &Value, mins: [f64; 5], max_params_wrong: u64, max_base_wrong: u64) {
    let [min_precision, min_recall, min_params, min_dates, min_base] = mins;
    let split = &figures["split"];
    let wrong = figures["params"]["wrong"].as_u64().unwrap();
    assert!(wrong <= max_params_wrong, "{split}: {wrong} wrong parameter counts");
    assert_eq!(figures["dates"]["wrong"].as_u64(), Some(0), "{split}: wrong release dates");
    let base_wrong = figures["is_base"]["wrong"].as_u64().unwrap();
    assert!(base_wrong <= max_base_wrong, "{split}: {base_wrong} wrong is_base");
    for (figure, min) in [
        (&figures["scores"]["precision"], min_precision),
        (&figures["scores"]["recall"], min_recall),
        (&figures["params"]["right"], min_params),
        (&figures["dates"]["right"], min_dates),
        (&figures["is_base"]["right"], min_base),
    ] {
        assert!(share(figure) >= min, "{split}: {} below {min}", show(figure));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_split_card_extraction() {
    let figures = measure("dev", true).await;
    let mins = [DEV_MIN_PRECISION, DEV_MIN_RECALL, DEV_MIN_PARAMS_RIGHT, DEV_MIN_DATES_RIGHT, DEV_MIN_IS_BASE_RIGHT];
    check(&figures, mins, DEV_MAX_PARAMS_WRONG, 0);
}

/// The splits whose cards live outside the repo (`pool/…`) parse, and every such card they name
/// is listed in `pool.csv` with its provenance, so the texts can be had again.
#[test]
fn pool_splits_name_listed_cards() {
    let listed: BTreeMap<String, String> = csv::Reader::from_path(repo().join("tests/it/data/cards/pool.csv"))
        .unwrap()
        .deserialize::<BTreeMap<String, String>>()
        .map(|r| r.unwrap())
        .map(|r| (format!("pool/{:0>3}.md", r["n"]), r["model_id"].clone()))
        .collect();
    for split in ["dev_pool", "validation"] {
        let labels = labels(split);
        assert!(labels.cards.len() >= 19, "{split}: {} cards", labels.cards.len());
        // (A corpus card, in validation from `scripts/draw_corpus_rest.py`, is read in place.)
        for card in labels.cards.iter().filter(|c| c.file.starts_with("pool/")) {
            assert_eq!(listed.get(&card.file), Some(&card.model_id), "{split}: {} not in pool.csv", card.file);
        }
    }
}

/// Development cards drawn from outside the corpus (`pool/…`): needs their texts (see
/// `LABELLING.md`; `scripts/blind_cards.sh` runs it).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the pool cards' texts, kept outside the repo: scripts/blind_cards.sh"]
async fn dev_pool_split_card_extraction() {
    let figures = measure("dev_pool", true).await;
    check(&figures, DEV_POOL_MINS, DEV_POOL_MAX_PARAMS_WRONG, DEV_POOL_MAX_IS_BASE_WRONG);
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the pool cards' texts, kept outside the repo: scripts/blind_cards.sh"]
async fn validation_split_card_extraction() {
    // Blind: aggregate figures only, unless asked for explicitly.
    let show_details = std::env::var("DENSING_SHOW_VALIDATION").as_deref() == Ok("1");
    let figures = measure("validation", show_details).await;
    let mins = [
        VALIDATION_MIN_PRECISION,
        VALIDATION_MIN_RECALL,
        VALIDATION_MIN_PARAMS_RIGHT,
        VALIDATION_MIN_DATES_RIGHT,
        VALIDATION_MIN_IS_BASE_RIGHT,
    ];
    check(&figures, mins, VALIDATION_MAX_PARAMS_WRONG, 0);
}
