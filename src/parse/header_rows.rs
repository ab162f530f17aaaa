//! Two-level headers of card tables: a row of group names (or empty cells) over the row that
//! names the columns, folded into one header.

use super::model_names::words;
use super::tables::{pure_number, Table, TableKind};

/// A table's columns as a reader sees them: no empty or rank column, one header row, each
/// column's name without decoration.
pub(super) fn tidy(t: &mut Table) {
    drop_empty_columns(t);
    drop_rank_column(t);
    // (Before a header row below is read into it, and after: both may carry arrows.)
    plain_header(t);
    sub_header(t);
    plain_header(t);
}

/// The header's names with the sizes a first row gives them (`| | Bar | Foo |` over `| Size | 13B |
/// 13B |`): each name is that model at that size, as a row's name is with its size column ("Foo" |
/// "13B"). A name that already says a size keeps its own. (The row stays in the table: a card's
/// size table is read from it.)
pub(super) fn names_with_sizes_below(t: &Table, header: &[String]) -> Option<Vec<String>> {
    let first = t.rows.first()?;
    let label = words(&super::benchmarks::strip_markup(&first[0]));
    let size_word = |w: &String| matches!(w.as_str(), "size" | "params" | "parameters" | "参数量" | "规模");
    let filler = |w: &String| size_word(w) || matches!(w.as_str(), "model" | "num" | "of" | "total");
    let sizes = first.iter().skip(1).filter(|c| !c.trim().is_empty());
    let names = header.iter().skip(1).all(|h| !h.trim().is_empty());
    let all_sizes =
        sizes.clone().count() >= 1 && sizes.clone().all(|c| is_size_cell(&super::benchmarks::strip_markup(c)));
    if !(label.iter().any(size_word) && label.iter().all(filler) && names && all_sizes) {
        return None;
    }
    let sized = header.iter().zip(first).enumerate().map(|(c, (h, size))| match c > 0 && !size.trim().is_empty() {
        true => at_size(h, size),
        false => h.clone(),
    });
    Some(sized.collect())
}

/// Whether a name says a model's size ("Foo-7B", "StableLM Zephyr 3B").
fn says_size(name: &str) -> bool {
    words(name).iter().any(|w| super::model_names::is_size(w))
}

/// A model's name at the size a cell under it gives ("Llama 2" over "7B"), unless the name says
/// one already ("StableLM Zephyr 3B" over "3B" is no "StableLM Zephyr 3B 3B").
fn at_size(name: &str, size: &str) -> String {
    match says_size(name) {
        true => name.trim().to_owned(),
        false => format!("{} {}", name.trim(), super::benchmarks::strip_markup(size).trim()),
    }
}

/// The table without its wholly empty columns (no header, no cell): a spacer, or the column a
/// spreadsheet leaves after the last (`| HumanEval | |` over `| 23.3 | |`). A reader sees no
/// column there, so the table is read as the one without it.
fn drop_empty_columns(t: &mut Table) {
    let empty =
        |j: usize| t.header[j].trim().is_empty() && t.rows.iter().all(|r| r.get(j).is_none_or(|c| c.trim().is_empty()));
    let keep: Vec<bool> = (0..t.header.len()).map(|j| !empty(j)).collect();
    if keep.iter().all(|k| *k) || !keep.iter().any(|k| *k) {
        return;
    }
    keep_columns(t, &keep);
}

/// The table without a first column that only numbers its rows (`| # | Model | MMLU |` over
/// `| 1 | Foo-7B | 50.1 |`, `Rank`, `No.`): a leaderboard's order, no name and no score. The
/// column names the model (or benchmark) column after it as the rows' label.
fn drop_rank_column(t: &mut Table) {
    let first = t.rows.iter().map(|r| r.first().map_or("", String::as_str));
    if t.header.len() > 2 && is_rank_column(&t.header[0], first) {
        let mut keep = vec![true; t.header.len()];
        keep[0] = false;
        keep_columns(t, &keep);
    }
}

/// The table with only the columns `keep` marks (header, rows and the header's bold marks and links).
fn keep_columns(t: &mut Table, keep: &[bool]) {
    retain_columns(&mut t.header, keep);
    t.rows.iter_mut().for_each(|r| retain_columns(r, keep));
    if t.header_bold.len() == keep.len() {
        retain_columns(&mut t.header_bold, keep);
    }
    if t.header_links.len() == keep.len() {
        retain_columns(&mut t.header_links, keep);
    }
}

/// Whether a column headed `header` with these cells numbers rows: a rank's header and the
/// numbers counting up one by one from 0 or 1 (a tie repeats one), over two rows at least.
pub(super) fn is_rank_column<'a>(header: &str, cells: impl Iterator<Item = &'a str>) -> bool {
    if !is_rank_header(header) {
        return false;
    }
    let numbers: Option<Vec<u32>> = cells.map(|c| super::benchmarks::strip_markup(c).parse().ok()).collect();
    let Some(numbers) = numbers.filter(|n| n.len() >= 2) else { return false };
    numbers[0] <= 1 && numbers.windows(2).all(|w| w[1] == w[0] || w[1] == w[0] + 1)
}

/// A column header that says its column ranks or numbers the rows (`#`, `Rank`, `No.`).
pub(super) fn is_rank_header(header: &str) -> bool {
    let head = super::benchmarks::strip_markup(header).to_lowercase();
    matches!(head.as_str(), "#" | "rank" | "no." | "no" | "index" | "idx" | "ranking")
}

/// A rank's number in a row's first cell (`1`, `**12**`) under a rank's header (`#`, `Rank`):
/// the row's name is in the next cell.
pub(super) fn after_rank(header: &[String], first_cell: &str) -> bool {
    header.first().is_some_and(|h| is_rank_header(h)) && is_row_number(first_cell)
}

/// A number that may be a rank's (`1`, `**12**`).
pub(super) fn is_row_number(cell: &str) -> bool {
    let t = cell.trim().trim_matches('*');
    (1..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
}

/// A row's cells in the columns `keep` marks (cells past its end are kept).
pub(super) fn retain_columns<T>(cells: &mut Vec<T>, keep: &[bool]) {
    let mut marks = keep.iter();
    cells.retain(|_| *marks.next().unwrap_or(&true));
}

/// Header cells without the arrows and emoji around a name (`MMLU ↑`, `⬆️ Average`, `🏆 Score`)
/// or a footnote's dagger after it (`SQuAD 2.0 (F1/EM)†`): "higher is better", decoration and
/// notes, no part of the name a column is read by.
fn plain_header(t: &mut Table) {
    for h in &mut t.header {
        // (A thin down arrow stays: "FPR ↓" says lower is better, so no score. The leaderboard's
        // "Average ⬇️" only says how the rows are sorted.)
        let bare = h.trim_matches(|c: char| c != '↓' && super::unseen_markup::is_emoji(c) || c.is_whitespace());
        let bare = bare.trim_end_matches(['†', '‡']).trim_end();
        if bare.len() != h.len() && !bare.is_empty() {
            *h = bare.to_owned();
        }
    }
}

/// A two-level header (`| Benchmark | Similar size | | | 2x size | |` over a first row that names
/// every column): the first row names the columns, the groups above are dropped.
fn sub_header(t: &mut Table) {
    listed_parts(&mut t.header);
    let Some(first) = t.rows.first() else { return };
    let blank_above = t.header.iter().skip(1).filter(|h| h.is_empty()).count();
    // (Trailing empty cells pad a row shorter than an empty header above it.)
    let used = first.len() - first.iter().rev().take_while(|c| c.is_empty()).count();
    let names = used > 1 && first[..used].iter().skip(1).all(|c| !c.is_empty() && pure_number(c).is_none());
    // One title spanning an HTML table's first row ("Executable Rate of Generated Code (%)") over
    // the row naming its columns (`Model | Math↑ | General↑`): each column is a measure under that
    // title, "Math↑" there no MATH.
    let title = t.header.iter().all(|h| !h.is_empty() && *h == t.header[0]);
    if t.kind == TableKind::Html && t.header.len() > 2 && title && names && pure_number(&first[0]).is_none() {
        let first = take_first_row(t);
        let title = std::mem::take(&mut t.header).swap_remove(0);
        let label = |(i, below): (usize, String)| if i == 0 { below } else { format!("{title} {below}") };
        t.header = first.into_iter().enumerate().map(label).collect();
        return;
    }
    // Benchmarks spanning Markdown columns as HTML's colspan would, each name then empty cells
    // (`| Model/Benchmark | HumanEval-Decompile | | | ExeBench | | |`), over a row naming every
    // column under its own label (`| Optimization Level | O0 | O1 | AVG | O0 | …`): each column
    // is its benchmark's part ("HumanEval-Decompile O0"), its average the benchmark's.
    if t.kind == TableKind::Markdown && names && !first[0].is_empty() && pure_number(&first[0]).is_none() {
        if let Some(groups) = spanning_benchmarks(&t.header, &first[..used]) {
            let first = take_first_row(t);
            let part = |(group, below): (Option<String>, String)| match group {
                Some(g) if super::benchmarks::is_overall_column(&below) => g,
                Some(g) => format!("{g} {below}"),
                None => below,
            };
            t.header = groups.into_iter().zip(first).map(part).collect();
            return;
        }
    }
    // (or an empty header over the real one: `||||` then `| Task | Metric | Value |`)
    let empty = t.header.iter().all(String::is_empty) && !first[0].is_empty();
    if blank_above * 3 >= t.header.len().saturating_sub(1) && blank_above > 0 && (first[0].is_empty() || empty) && names
    {
        let first = take_first_row(t);
        let head = std::mem::take(&mut t.header);
        t.header =
            head.into_iter().zip(first).map(|(above, below)| if below.is_empty() { above } else { below }).collect();
        return;
    }
    // A row of metrics under the column names (`| | ACC | F1-micro | MSE |`): each column is its
    // name with its metric ("KorFiQA-SA (MSE)"), so that an error metric is seen as one.
    // (A dash says nothing: `| | - | 5-shot |` under a column of sizes.)
    let says = |c: &String| !c.is_empty() && c.trim() != "-";
    let metrics = first.iter().skip(1).filter(|c| says(c));
    // (The corner may say so: `| (metric) | (PPL) | (ACC) |` on GPT-2's cards.)
    let corner = first[0].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    // (The corner above the label column may be empty: `| | **MMLU** | **BBH** |` over
    // `| | 5-shot | 3-shot |`.)
    // (An unnamed column may sit between, if nothing is said under it either.)
    let named = t.header.iter().zip(first).skip(1).all(|(h, m)| !h.is_empty() || !says(m));
    // Or a row of shot counts the corner names (`| Shot | | 25 | 10 | 5 |`, JetMoE's): each
    // column's shots ("MMLU (5-shot)").
    let shot_counts = corner.split(|c: char| !c.is_alphanumeric()).any(|w| w == "shot" || w == "shots")
        && metrics.clone().count() >= 2
        && metrics.clone().all(|c| c.trim().parse::<u8>().is_ok_and(|n| n <= 64));
    if (corner.is_empty() || corner == "metric" || corner == "metrics" || shot_counts)
        && named
        && metrics.clone().count() >= 2
        && (shot_counts || metrics.clone().all(|c| is_metric(c)))
    {
        let first = take_first_row(t);
        for (h, m) in t.header.iter_mut().zip(first).skip(1).filter(|(_, m)| says(m)) {
            let m = m.trim_start_matches('(').trim_end_matches(')');
            *h = if shot_counts { format!("{h} ({m}-shot)") } else { format!("{h} ({m})") };
        }
        // (A cell's second line is a row of its own: "0-shot <br> pass@1".)
        return sub_header(t);
    }
    // A group name repeated over its columns (`| Model | AlpacaEval (winrate %) | AlpacaEval
    // (winrate %) |`) above a first row that tells them apart (`| | v.s. ChatGPT | v.s. GPT4 |`):
    // each column is the group's name and its own.
    let repeated = |h: &String| !h.is_empty() && t.header.iter().filter(|o| *o == h).count() > 1;
    // (In HTML the first cell may be the header's own, spanning both rows: `<th rowspan="2">`; or
    // the corner above is empty and the row below names the label column: `| Model | C-Eval |`.)
    // (Or most columns sit under a repeated group, and the row below names the label column
    // too: `| Task | TE | TE | … |` over `| Dataset | SNLI | MNLI Matched | … |` on GPT-1's card.)
    // (Groups, two or more, in Markdown or HTML: not one title spanning the table, which in HTML
    // is read above and in Markdown is left as it is.)
    let groups: std::collections::BTreeSet<&String> = t.header.iter().skip(1).collect();
    let grouped = groups.len() >= 2
        && t.header.iter().skip(1).filter(|h| repeated(h)).count() * 2 >= t.header.len().saturating_sub(1);
    let corner = first[0].is_empty()
        || (t.kind == TableKind::Html && first[0] == t.header[0])
        || ((t.header[0].is_empty() || grouped) && pure_number(&first[0]).is_none());
    if corner && names && t.header.iter().skip(1).any(repeated) {
        let head = t.header.clone();
        let repeated = |h: &String| !h.is_empty() && head.iter().filter(|o| *o == h).count() > 1;
        let first = take_first_row(t);
        let first_names = first.clone();
        t.header = head
            .iter()
            .zip(first)
            .map(|(above, below)| match repeated(above) {
                true => group_column(above.trim(), below.trim(), &head, &first_names),
                false if below.is_empty() => above.clone(),
                // (A split, or a size under a model's name: "moondream1" over "1.6B" beside "LLaVA-1.5"
                // over "13.3B" and "7.3B".)
                false if is_size_cell(&below) && !above.trim().is_empty() => at_size(above, &below),
                false if is_split(&below) && !above.trim().is_empty() => format!("{} {}", above.trim(), below.trim()),
                false => below,
            })
            .collect();
    }
}

/// A name that lists its parts in parentheses over as many columns, the rest of them empty
/// (`| CFBench(CSR,ISR,PSR) | | |`): each column is one part ("CFBench CSR"). Read as one
/// column, the first value would pass for the whole benchmark's.
fn listed_parts(header: &mut [String]) {
    let mut i = 1;
    while i < header.len() {
        let parts: Option<(String, Vec<String>)> = header[i].trim().strip_suffix(')').and_then(|h| {
            let (name, list) = h.split_once('(')?;
            let parts: Vec<String> = list.split(',').map(|p| p.trim().to_owned()).collect();
            let named = !name.trim().is_empty() && parts.len() >= 2 && parts.iter().all(|p| !p.is_empty());
            named.then(|| (name.trim().to_owned(), parts))
        });
        let Some((name, parts)) = parts else {
            i += 1;
            continue;
        };
        let span = header[i + 1..].iter().take_while(|h| h.is_empty()).count() + 1;
        if span == parts.len() {
            for (k, part) in parts.iter().enumerate() {
                header[i + k] = format!("{name} {part}");
            }
        }
        i += span;
    }
}

/// The benchmark each column sits under when a header names benchmarks each over a run of empty
/// cells (two or more such runs, none a metric, a category or a setting), and the row below
/// names each column with no benchmark or metric of its own. `None` for the label column.
fn spanning_benchmarks(header: &[String], below: &[String]) -> Option<Vec<Option<String>>> {
    use super::benchmarks::{is_category_name, may_be_benchmark, resolve};
    let names: Vec<&String> = header.iter().skip(1).filter(|h| !h.is_empty()).collect();
    let spans = header.len() > 3 && !header[1].is_empty() && names.len() >= 2;
    // (Each name spans at least one empty cell after it.)
    let runs = (1..header.len()).all(|i| header[i].is_empty() || header.get(i + 1).is_some_and(String::is_empty));
    let benchmark = |h: &&String| may_be_benchmark(h) && !is_category_name(h) && !is_metric(h);
    let own = |c: &String| {
        let b = resolve(c);
        !is_metric(c) && (!b.is_known || b.canonical == "card_average")
    };
    if !spans || !runs || !names.iter().all(benchmark) || !below.iter().skip(1).all(own) {
        return None;
    }
    // (Each empty cell takes the name before it; the label column is under none.)
    let mut group = None;
    let under = |h: &String| {
        if !h.is_empty() {
            group = Some(h.trim().to_owned());
        }
        group.clone()
    };
    Some(std::iter::once(None).chain(header.iter().skip(1).map(under)).collect())
}

/// A metric's name alone ("ACC", "F1-micro", "Mean F1", "MSE", "pass@1").
fn is_metric(cell: &str) -> bool {
    const METRICS: &[&str] = &[
        "acc", "accuracy", "f1", "micro", "macro", "mean", "em", "exact", "match", "mse", "rmse", "mae", "pearson",
        "spearman", "auc", "mcc", "bleu", "rouge", "wer", "cer", "pass", "top", "norm", "ppl", "bpb", "bpc",
    ];
    // (With its setting: "0-shot", "pass@1, n=64", the lines of MobileLLM-R1's row under its
    // column names; the table reader makes each line of a cell a row of its own.)
    const SETTING: &[&str] = &["shot", "shots", "n"];
    let lower = cell.to_lowercase();
    let mut words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).peekable();
    // ("rouge1", "top5": a metric with its number.)
    let metric = |w: &str| {
        METRICS.contains(&w)
            || SETTING.contains(&w)
            || METRICS.contains(&w.trim_end_matches(|c: char| c.is_ascii_digit()))
    };
    // (A value is no metric: "15.60".)
    let named = lower.chars().any(char::is_alphabetic);
    named && words.peek().is_some() && words.all(|w| metric(w) || w.chars().all(|c| c.is_ascii_digit()))
}

/// A column's name under a repeated group name. Under a benchmark ("AlpacaEval" over "v.s.
/// ChatGPT") the sub-name is a setting of it: both. Under a category ("Reasoning" over "BBH",
/// "Avg.") the sub-name is the benchmark, told apart by the category only where it recurs under
/// another ("Ko-Sovereign" under "Comprehension" and "Reasoning"); the category's average is an
/// average.
fn group_column(group: &str, sub: &str, header: &[String], subs: &[String]) -> String {
    use super::benchmarks::resolve;
    // A data split ("val", "test-A", "val-u" under "RefCOCO" and "RefCOCOg") is the group's set.
    if is_split(sub) {
        return format!("{group} {sub}");
    }
    // (A known name over known benchmarks is a category: "Math" over "GSM8K" and "MATH".)
    let sub_known = resolve(sub);
    if resolve(group).is_known && !(sub_known.is_known && sub_known.canonical != "card_average") {
        return format!("{group} {sub}");
    }
    if resolve(sub).canonical == "card_average" {
        return format!("{sub} ({group})");
    }
    // A size under a model's name ("Llama 2" over "7B"): that model at that size. A metric under a
    // data set ("Search tool calls" over "F1 ↑"): that set's metric.
    if is_size_cell(sub) {
        return at_size(group, sub);
    }
    if super::benchmark_shape::is_metric_only(sub) {
        return format!("{group} {sub}");
    }
    // A model's name (it says a size) over how it was run or which stage it is ("GLM-4-32B" over
    // "Moatless", "Agentless"; "Foo-7B" over "Base", "Chat"): that model so, as a row's name beside
    // a setting column is. (Not over benchmarks, which are the columns' names then.)
    if says_size(group) && !sub_known.is_known {
        return format!("{group} ({sub})");
    }
    let groups = header.iter().zip(subs).filter(|(_, s)| s.trim() == sub).map(|(g, _)| g.trim());
    match groups.collect::<std::collections::BTreeSet<_>>().len() {
        1 => sub.to_owned(),
        _ => format!("{sub} {group}"),
    }
}

/// A cell that is one size and nothing else ("7B", "13.3B", "350M").
fn is_size_cell(cell: &str) -> bool {
    let cell = cell.trim().trim_matches('*');
    let digits = cell.strip_suffix(['B', 'b', 'M', 'm']).unwrap_or("");
    !digits.is_empty() && digits.parse::<f64>().is_ok()
}

/// A data split's name ([`split_of`](super::benchmarks::split_of)), with a letter or number of its
/// part ("test-A", "val-u").
fn is_split(name: &str) -> bool {
    let lower = name.to_lowercase();
    let mut words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let part = |w: &str| w.len() == 1 || w.chars().all(|c| c.is_ascii_digit());
    words.next().is_some_and(|w| super::benchmarks::split_of(w).is_some()) && words.all(part)
}

/// The first body row, taken out of a table's rows with its offset, link and bold mark (the fields apart, so
/// the header stays borrowed).
fn take_first_row(t: &mut Table) -> Vec<String> {
    t.row_offsets.remove(0);
    if !t.row_links.is_empty() {
        t.row_links.remove(0);
    }
    if !t.row_bold.is_empty() {
        t.row_bold.remove(0);
    }
    // (The header is now named by the row below: whether its cells were bold is not known.)
    t.header_bold.clear();
    t.header_links.clear();
    t.rows.remove(0)
}
