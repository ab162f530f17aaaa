//! MT-Bench results pasted as FastChat's `show_result.py` prints them: a pandas frame under
//! "########## First turn ##########", "… Second turn …" and "… Average …", one row a model
//! (`name turn score`, or `name score` for the average), in a code block or not. The row naming
//! this model exactly gives "MT-Bench first turn", "MT-Bench second turn" and MT-Bench itself,
//! under the name the text before the first frame gives the bench ("**MT-Bench German**").

use super::benchmarks::strip_markup;
use super::card_scores::CardScore;
use super::model_names::{is_packed, is_size, label_match};
use super::mt_bench_json::bench_name;
use super::tables::clip;

/// The three kinds of frame, as their marker line names them.
const FRAMES: &[(&str, &str)] =
    &[("first turn", " first turn"), ("second turn", " second turn"), ("average", ""), ("average turn", "")];

/// Every FastChat MT-Bench frame's row for `model_id`, as scores.
pub(crate) fn mt_bench_text(markdown: &str, model_id: &str) -> Vec<CardScore> {
    if is_packed(model_id) || !markdown.contains("##########") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut frame: Option<Frame> = None;
    // Where the last frame ended, and its bench's name: the next frame right after it (blank
    // lines or a code fence between) is of the same bench.
    let mut last: Option<(usize, String)> = None;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let text = line.trim().trim_matches('*').trim();
        if let Some(suffix) = marker(text) {
            if let Some(f) = frame.take() {
                last = Some((at, f.flush(&mut out)));
            }
            let name = match last.take() {
                Some((end, name)) if markdown[end..at].trim().trim_matches('`').trim().is_empty() => name,
                _ => bench_name(markdown, at),
            };
            frame = Some(Frame { suffix, name, seen: 0, rows: Vec::new(), columns: None });
            continue;
        }
        let Some(f) = frame.as_mut() else { continue };
        if text.is_empty() || super::card_text::is_fence(text) {
            if f.seen > 0 {
                let name = frame.take().map(|f| f.flush(&mut out)).unwrap_or_default();
                last = Some((offset, name));
            }
            continue;
        }
        // A markdown table's row, read by its header's column names (a rank column, linked or
        // daggered names, "score ↑", columns in another order).
        if let Some(read) = table_row(text, &mut f.columns) {
            // (A row without a value, "| alpaca-13b | 1 | - |", is passed over.)
            if let Some((name, value)) = read {
                f.seen += 1;
                if label_match(&name, model_id).is_some_and(|(_, exact)| exact) {
                    f.rows.push((value, at, line.trim()));
                }
            }
            continue;
        }
        // (A table row under a header without `model` and `score`, word by word: `| Sonya-7B | 1 |
        // 9.06875 | 7b |`, a size column last.)
        let split = text.split(|c: char| c.is_whitespace() || c == '|').map(|w| w.trim_matches(['*', '_', '`']));
        // ("SauerkrautLM-7b-HerO  <---": an arrow pointing the card's own row out is no word of it.)
        let arrow = |w: &&str| w.len() >= 2 && w.chars().all(|c| "<-=←".contains(c));
        let mut words: Vec<&str> = split.filter(|w| !w.is_empty() && !arrow(w)).collect();
        if words.iter().all(|w| {
            matches!(w.to_ascii_lowercase().as_str(), "score" | "model" | "turn" | "size")
                || w.chars().all(|c| "-:".contains(c))
        }) {
            continue;
        }
        let sized = |w: &&str| is_size(&w.to_ascii_lowercase()) || matches!(*w, "?" | "-");
        if text.starts_with('|') && words.len() > 2 && words.last().is_some_and(sized) {
            words.pop();
        }
        // Anything else ends the frame (what it read so far stands).
        let Some((name, value)) = row(&words, !f.suffix.is_empty()) else {
            if let Some(f) = frame.take() {
                last = Some((offset, f.flush(&mut out)));
            }
            continue;
        };
        f.seen += 1;
        if label_match(name, model_id).is_some_and(|(_, exact)| exact) {
            f.rows.push((value, at, line.trim()));
        }
    }
    if let Some(f) = frame.take() {
        f.flush(&mut out);
    }
    out
}

/// A frame being read: its name's suffix, the bench's name, rows read, rows naming the model, and
/// for a markdown table the model's and the score's columns.
struct Frame<'a> {
    suffix: &'static str,
    name: String,
    seen: usize,
    rows: Vec<(f64, usize, &'a str)>,
    columns: Option<(usize, usize)>,
}

/// A frame's line as a markdown table's row, once its header named a `model` and a `score`
/// column: `None` for a line that is no such row (text lines are read word by word); `Some(None)`
/// for the header, the rule under it or a row that gives no value; else the row's name and score.
fn table_row(text: &str, columns: &mut Option<(usize, usize)>) -> Option<Option<(String, f64)>> {
    if !text.starts_with('|') {
        return None;
    }
    let cells: Vec<String> = text.trim_matches('|').split('|').map(|c| strip_markup(c).trim().to_owned()).collect();
    let letters = |c: &str| c.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase();
    let is_header = cells.iter().any(|c| letters(c) == "score");
    if is_header {
        let model = cells.iter().position(|c| letters(c).starts_with("model"));
        let score = cells.iter().position(|c| letters(c) == "score");
        *columns = model.zip(score);
        return columns.map(|_| None);
    }
    let (model, score) = (*columns)?;
    if cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| "-: ".contains(ch))) {
        return Some(None);
    }
    let value = cells.get(score).and_then(|c| super::tables::pure_number(c));
    Some(cells.get(model).zip(value).map(|(name, value)| (name.clone(), value)))
}

impl Frame<'_> {
    /// The frame's score, when one row names the model (two would be ambiguous); its bench name.
    fn flush(self, out: &mut Vec<CardScore>) -> String {
        if let [(value, offset, line)] = self.rows.as_slice() {
            let benchmark_raw = format!("{}{}", self.name, self.suffix);
            out.push(CardScore {
                evidence: clip(&format!("{benchmark_raw}: {line}")),
                benchmark_raw,
                metric: None,
                shots: None,
                value: *value,
                value_raw: value.to_string(),
                detail: "mt_bench_text",
                offset: *offset,
                evaluated_by: None,
            });
        }
        self.name
    }
}

/// The frame a marker line opens ("########## First turn ##########"): its name's suffix.
fn marker(text: &str) -> Option<&'static str> {
    let inner = text.strip_prefix("#####")?.trim_start_matches('#').trim_end_matches('#').trim();
    (text.ends_with("#####")).then_some(())?;
    FRAMES.iter().find(|(name, _)| inner.eq_ignore_ascii_case(name)).map(|(_, suffix)| *suffix)
}

/// A frame row: the model's name and its score (`name 1 8.15625`; `name 7.9` for the average).
fn row<'a>(words: &[&'a str], turn: bool) -> Option<(&'a str, f64)> {
    let (last, rest) = words.split_last()?;
    let score: f64 = last.parse().ok()?;
    let name = match rest {
        [name, t] if turn && t.parse::<u8>().is_ok() => name,
        [name] if !turn => name,
        _ => return None,
    };
    Some((name, score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::benchmarks::resolve;

    const FRAMES_EN: &str = "**MT-Bench English**\n```\n########## First turn ##########\n                 score\n\
        model            turn\nFoo-8B-Instruct  1     8.15625\nLlama-3-8B       1     8.31\n\n\
        ########## Second turn ##########\n                 score\nmodel            turn\n\
        Foo-8B-Instruct  2     7.65\n\n########## Average ##########\n                 score\nmodel\n\
        Foo-8B-Instruct  7.903125 *\n```\n";

    fn read(md: &str, model: &str) -> Vec<(String, f64)> {
        mt_bench_text(md, model).into_iter().map(|s| (s.benchmark_raw, s.value)).collect()
    }

    #[test]
    fn fastchat_frames_give_the_models_turns_and_average() {
        let got = read(FRAMES_EN, "org/Foo-8B-Instruct");
        assert_eq!(
            got,
            [
                ("MT-Bench English first turn".to_owned(), 8.15625),
                ("MT-Bench English second turn".to_owned(), 7.65),
                ("MT-Bench English".to_owned(), 7.903125)
            ]
        );
        assert_eq!(resolve(&got[2].0).canonical, "mt_bench");
        assert!(read(FRAMES_EN, "org/Foo-8B").is_empty(), "no row names it exactly");
        assert!(read(FRAMES_EN, "org/Foo-8B-Instruct-GGUF").is_empty(), "a quantized copy's are the original's");
        let german = FRAMES_EN.replace("English", "German");
        assert_eq!(read(&german, "org/Foo-8B-Instruct")[2].0, "MT-Bench German");
        assert_eq!(resolve(&read(&german, "org/Foo-8B-Instruct")[0].0).canonical, "mt_bench_german_first_turn");
        assert!(read("# Notes\n########## Random ##########\nFoo-8B-Instruct 1 2\n", "org/Foo-8B-Instruct").is_empty());
        let table = "**########## First turn ##########**\n| model | turn | score | size\n|---|---|---|---\n\
                     | **Foo-8B-Instruct** | 1 | **9.06875** | **8b**\n| gpt-4 | 1 | 8.95625 | -\n";
        assert_eq!(read(table, "org/Foo-8B-Instruct"), [("MT-Bench first turn".to_owned(), 9.06875)]);
        let average = "########## Average turn##########\n| model | score | size\n|---|---|---\n| **Foo-8B-Instruct** | **8.35** | 8b\n";
        assert_eq!(read(average, "org/Foo-8B-Instruct"), [("MT-Bench".to_owned(), 8.35)]);
        let capitals = table.replace("| model | turn | score | size", "| Model | Turn | Score | Size");
        assert_eq!(read(&capitals, "org/Foo-8B-Instruct").len(), 1, "a header in capitals is a header");
        let pointed = FRAMES_EN.replace("Foo-8B-Instruct  1", "Foo-8B-Instruct  <---  1");
        assert_eq!(read(&pointed, "org/Foo-8B-Instruct")[0].1, 8.15625);
        // The English bench's turns are MT-Bench's; the German one's are its own.
        assert_eq!(resolve(&got[0].0).canonical, "mt_bench_first_turn");
    }

    #[test]
    fn a_frame_as_a_table_is_read_by_its_column_names() {
        let table = "########## First turn ##########\n| model | turn | score |\n|---|---|---|\n\
                     | gpt-4 | 1 | 8.95625 |\n| Foo-8B-Instruct | 1 | 7.59375 |\n";
        let want = [("MT-Bench first turn".to_owned(), 7.59375)];
        assert_eq!(read(table, "org/Foo-8B-Instruct"), want);
        // The same frame with a rank column, the name linked and daggered, the score column first
        // with an arrow, a named corner, a row without a value before the model's.
        let respelled = "########## First turn ##########\n| # | score ↑ | turn | Model Name |\n|---|---|---|---|\n\
                         | 1 | - | 1 | alpaca-13b |\n| 2 | 8.95625 | 1 | gpt-4 |\n\
                         | 3 | **7.59375** | 1 | [Foo-8B-Instruct](https://huggingface.co/org/Foo-8B-Instruct)† |\n";
        assert_eq!(read(respelled, "org/Foo-8B-Instruct"), want);
        // Two rows naming the model: neither.
        let twice = format!("{table}| Foo-8B-Instruct | 1 | 7.1 |\n");
        assert!(read(&twice, "org/Foo-8B-Instruct").is_empty());
    }
}
