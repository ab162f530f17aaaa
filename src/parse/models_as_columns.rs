//! A table with models as columns (a column of benchmark names, one column per model, e.g.
//! gemma's `2B Params | 7B Params`): the column whose header names this model, or the one
//! unnamed value column of the card's own (`| Metric | Value |`).

use super::axis_words::{is_language, language_column};
use super::benchmarks::{
    is_category_name, is_known_benchmark, is_of_one_benchmark, is_overall_column, math_is_benchmark, may_be_benchmark,
    names_an_attribute, resolve, shots_in, strip_markup,
};
use super::card_scores::{CardScore, TableRead, Unused};
use super::front_matter::as_percent;
use super::lead_in::language_rows_of;
use super::model_modes::{in_setting, mode_columns, section_modes};
use super::model_names::{is_packed, label_match_in};
use super::own_label::{by_quant_level, choose, label_names, Own};
use super::row_names::setting_bracketed;
use super::table_context::{
    breakdown_of, is_lone_value_header, is_own_header, none_is_own, numeric_share, numeric_share_in_rows,
    one_label_column, own_breakdown, section_benchmark, titled_benchmark,
};
use super::tables::{clip, column_is_fraction, plus_value, pure_number, Table};
use super::tune_or_base::heading_allows;
use crate::parse::benchmarks::heading_benchmark;

pub(super) fn models_as_columns(
    table: &Table,
    header: &[String],
    bench_col: usize,
    own: Own,
    detail: &'static str,
) -> TableRead {
    let (model_id, tuned, _) = own;
    // (Rows of links or a licence beside a model's values do not make its column one of words:
    // its share is also taken over the rows naming known benchmarks, looked up once.)
    let benchmark_rows: std::cell::OnceCell<Vec<bool>> = std::cell::OnceCell::new();
    let of_benchmarks =
        || benchmark_rows.get_or_init(|| table.rows.iter().map(|r| is_known_benchmark(&r[bench_col])).collect());
    let values = |c: usize| numeric_share(table, c) >= 0.5 || numeric_share_in_rows(table, c, of_benchmarks()) >= 0.5;
    let value_cols: Vec<usize> = (0..header.len()).filter(|c| *c != bench_col && values(*c)).collect();
    let in_tuned = table.of_tuned_models;
    let only_one = value_cols.len() == 1;
    // (Names over a row of their sizes are matched with them: "Foo" over "13B" is Foo-13B.)
    let sized = super::header_rows::names_with_sizes_below(table, header);
    let header_named = sized.as_deref().unwrap_or(header);
    let candidates: Vec<(usize, String, (usize, bool))> = value_cols
        .iter()
        .filter_map(|c| {
            // A column linking to this model's own Hub page names it, as a row so linked does.
            let linked =
                table.header_links.get(*c).and_then(Option::as_deref).is_some_and(|l| l.eq_ignore_ascii_case(model_id));
            let named = match linked {
                true => label_match_in(&header_named[*c], model_id, true, only_one).map(|m| (m.0, true)),
                false => label_names(&header_named[*c], own, in_tuned, only_one),
            };
            // "Foo-7B Zero-Shot PoT": the name, then how it was run, as a row's label may say.
            let set = || {
                let label = setting_bracketed(&header[*c])?;
                label_names(&label, own, in_tuned, only_one).filter(|m| m.1).map(|m| (*c, label, m))
            };
            match named {
                Some(m) if m.1 => Some((*c, header_named[*c].clone(), m)),
                _ => set().or_else(|| named.map(|m| (*c, header_named[*c].clone(), m))),
            }
        })
        .collect();
    // A `Metric | Value` table (the Open LLM Leaderboard bot's) has one unnamed value column, the
    // card's own model; `| Metric | Scores on Leaderboard | Our results |` has two, each saying so.
    // Not on a quantized copy's card (they are the original's), nor under a heading for the other
    // kind of model ("Base Pretrained Benchmarks" on an instruct card: that model's).
    // (Or a lone column named by its metric only: `| EvalPlus | pass@1 |`, `| Task | Accuracy |`.)
    let metric_column = matches!(value_cols.as_slice(), [c] if is_lone_value_header(&header[*c]));
    let own_headers =
        !value_cols.is_empty() && (value_cols.iter().all(|c| is_own_header(&header[*c])) || metric_column);
    let own_columns = own_headers && !is_packed(model_id) && heading_allows(&table.heading, tuned);
    // `| Benchmark | STEM | … | Average |` after a sentence naming this model alone: its parts.
    let own_parts = candidates.is_empty()
        && !own_columns
        && !is_packed(model_id)
        && heading_allows(&table.heading, tuned)
        && own_breakdown(table, header, &value_cols, model_id);
    let by_mode = if candidates.is_empty() && heading_allows(&table.heading, tuned) {
        mode_columns(header, &value_cols, model_id, in_tuned)
    } else {
        Vec::new()
    };
    // A quantized copy's columns by level (`| Benchmark | Q4_K_M | Q8_0 |`): known benchmarks only.
    let value_headers: Vec<Vec<String>> = value_cols.iter().map(|c| vec![header[*c].clone()]).collect();
    let by_quant = (candidates.is_empty() && heading_allows(&table.heading, tuned))
        .then(|| by_quant_level(&value_headers, model_id))
        .flatten()
        .unwrap_or_default();
    let cols: Vec<(usize, Option<String>)> =
        match (own_columns, candidates.is_empty() || !heading_allows(&table.heading, tuned)) {
            _ if own_parts => value_cols.iter().map(|c| (*c, None)).collect(),
            _ if !by_mode.is_empty() => by_mode.iter().map(|(c, m)| (*c, Some((*m).to_owned()))).collect(),
            _ if !by_quant.is_empty() => {
                by_quant.iter().map(|(i, level)| (value_cols[*i], Some(level.clone()))).collect()
            }
            // (Several own columns, "Score | Raw Score": each value says which.)
            (true, true) => {
                let said = |c: &usize| (value_cols.len() > 1).then(|| strip_markup(&header[*c]).trim().to_owned());
                value_cols.iter().map(|c| (*c, said(c))).collect()
            }
            (false, true) if value_cols.is_empty() => return TableRead::default(),
            (false, true) => {
                let labels: Vec<String> = value_cols.iter().map(|c| header[*c].clone()).collect();
                let why = if is_packed(model_id) && own_headers {
                    let copy = "a quantized or converted copy: its unnamed value column is the original model's";
                    (Unused::NoOwnColumn, copy.to_owned())
                } else {
                    none_is_own(table, &labels, "column", tuned)
                };
                return TableRead { scores: Vec::new(), abstained: Some(why) };
            }
            (_, false) => {
                match choose(&candidates, header_named, &bold_columns(table, &value_cols), "column", own, in_tuned) {
                    Ok(col) => vec![(col, None)],
                    // (Or by a setting in parentheses, "Foo-10B (SeRe)" beside "Foo-10B (PaCoRe)", as rows are.)
                    Err(why) => match shot_columns(&candidates).or_else(|| setting_columns(&candidates)) {
                        Some(cols) => cols,
                        None => return TableRead { scores: Vec::new(), abstained: Some(why) },
                    },
                }
            }
        };
    // A breakdown of one benchmark into categories (STEM, Humanities, …; Writing, Roleplay, Math…)
    // names no benchmark, and its "Math" is not MATH; but under a heading naming that benchmark,
    // a language or category axis gives its parts ("MGSM German").
    // (Only with one label column: "supercategory" beside "category" would name the wrong part.)
    let names: Vec<&String> = table.rows.iter().map(|r| &r[bench_col]).filter(|n| !n.trim().is_empty()).collect();
    // Rows of which none is a known benchmark, under a title naming one ("**BLINK**: a benchmark
    // with 14 visual tasks" over "Art Style", "Counting"): its parts. In a section only a sentence
    // says is about one ("We also use the MMLU benchmark …" over `| Dataset | 7B | 65B |` by
    // fine-tuning set), each row may be a setting or another model: not read.
    let known = |n: &&String| is_known_benchmark(n);
    let unnamed_rows = !names.iter().any(known);
    let titled = unnamed_rows.then(|| titled_benchmark(table)).flatten();
    // (Not under a known benchmark's heading: its rows are datasets of their own.)
    let parts_of_title = titled.clone().filter(|_| heading_benchmark(&table.heading).is_none());
    // (Nor a long-context suite's: its "HotpotQA" is the suite's task at length.)
    let suite = super::table_titles::rehosting_suite(table).map(str::to_owned);
    let part_of = suite
        .or_else(|| breakdown_of(table, &header[bench_col]))
        .or(parts_of_title)
        .or_else(|| language_rows_of(table, bench_col));
    let part_of = part_of.filter(|_| one_label_column(table, bench_col, &value_cols));
    // Under a section about one benchmark ("Qwen-7B-Chat on HumanEval is shown below"), rows that
    // are only its metric, shots, split or parts (`| Pass@1 | 11.0 | 37.2 |`) are that benchmark's,
    // as such columns are in a table of models as rows.
    // So are rows of which one is an overall figure and none a known benchmark, under a known
    // benchmark's title ("### Livebench" over "Reasoning", "Coding", "IF", "AVG"), as such
    // columns are under its heading.
    // (A row that can be no benchmark, `| params | 1.2B | 6.0B |`, is passed over; not most rows.)
    let of_it = |n: &str| is_of_one_benchmark(n);
    let readable: Vec<&&String> = names.iter().filter(|n| may_be_benchmark(n) || of_it(n)).collect();
    let all_of_it = readable.len() * 2 > names.len() && readable.iter().all(|n| of_it(n));
    let one_overall = readable.iter().filter(|n| is_overall_column(n)).count() == 1;
    // (Looked for once, for this and for the reject below.)
    let in_section = (part_of.is_none() && unnamed_rows).then(|| section_benchmark(table)).flatten();
    let section = in_section
        .clone()
        .filter(|_| all_of_it || one_overall)
        .filter(|n| all_of_it || resolve(n).is_known)
        .filter(|n| super::model_names::label_match(n, model_id).is_none());
    let rows_of_section = section.is_some();
    let part_of = part_of.or(section);
    if part_of.is_none() && titled.is_none() && in_section.is_some() {
        let why = "rows name no known benchmark in a section about one; what each row is is not known";
        return TableRead { scores: Vec::new(), abstained: Some((Unused::UnnamedBenchmark, why.to_owned())) };
    }
    // (Known benchmarks among them are read, as such columns are among category columns: Llama 2's
    // MMLU beside "Commonsense Reasoning".)
    let categories = names.iter().filter(|n| is_category_name(n)).count() * 2 > names.len().max(1);
    if part_of.is_none() && categories && !names.iter().any(|n| known(n) && !is_category_name(n)) {
        // (Said when a column is the model's: its scores are there, under no benchmark's name.)
        let mut shown: Vec<String> = names.iter().map(|n| format!("{:?}", strip_markup(n).trim())).collect();
        shown.dedup();
        shown.truncate(3);
        let why = format!("rows are categories ({}, …) of no benchmark a heading or lead-in names", shown.join(", "));
        return TableRead {
            scores: Vec::new(),
            abstained: (!cols.is_empty()).then_some((Unused::UnnamedBenchmark, why)),
        };
    }
    let meta_cols: Vec<usize> = (0..header.len()).filter(|c| *c != bench_col && !value_cols.contains(c)).collect();
    let language_col = language_column(&table.rows, &meta_cols);
    // ("Math" beside GSM8K and other benchmarks is MATH.)
    let math = math_is_benchmark(names.iter().copied());
    let section_mode = section_modes(table, bench_col, model_id);
    let (mut out, mut unscaled) = (Vec::new(), Vec::new());
    for (r, (col, mode)) in (0..table.rows.len()).flat_map(|r| cols.iter().map(move |c| (r, c))) {
        let col = *col;
        let row = &table.rows[r];
        let bench = strip_markup(&row[bench_col]);
        let Some(value) = pure_number(&row[col]) else { continue };
        let bench = match &part_of {
            _ if bench.is_empty() || rows_of_section && !of_it(&bench) && !may_be_benchmark(&bench) => continue,
            // (A model's attribute is no part of a benchmark: `| Hidden dimension | 4096 |`.)
            Some(_) if names_an_attribute(&bench) && !of_it(&bench) => continue,
            Some(name) if is_overall_column(&bench) => name.clone(),
            Some(name) => format!("{name} {bench}"),
            None if !may_be_benchmark(&bench) || is_category_name(&bench) && !math => continue,
            None if own_parts && !is_overall_column(&header[col]) => format!("{bench} {}", header[col]),
            None => match language_col.map(|c| row[c].trim()).filter(|l| is_language(l)) {
                Some(language) => format!("{bench} {language}"),
                None => bench,
            },
        };
        let known_name = resolve(&bench).is_known;
        if !by_quant.is_empty() && !known_name {
            continue;
        }
        // A row of fractions across the models is one benchmark's scores as fractions, as a column
        // is in a table of models as rows. Of a name densing does not know the scale is not known
        // (a similarity, lower better): not read, rather than its 0.58 published as a percent. (A
        // zero is zero on any such scale.)
        let across = super::cell_values::row_is_fraction(row, &value_cols);
        let fraction = column_is_fraction(table, col) || across && known_name;
        if across && !fraction && value != 0.0 {
            unscaled.push(format!("{bench} = {}", row[col].trim()));
            continue;
        }
        // A "Metric" column names the metric wherever it stands ("Category | Benchmark | # Shots |
        // Metric" on Llama 4's card); a "# Shots" column's bare number is the shots.
        let metric_column = meta_cols.iter().copied().find(|c| header[*c].to_lowercase().contains("metric"));
        let said = |c: usize| Some(strip_markup(&row[c])).filter(|m| m.chars().any(char::is_alphanumeric));
        // (Its numbers make that column a numeric one, not one of the meta columns.)
        let shots_at = (0..header.len()).find(|c| {
            *c != col
                && matches!(
                    header[*c].trim().to_lowercase().as_str(),
                    "# shots" | "shots" | "#shots" | "n-shot" | "shot"
                )
        });
        let shots_column = shots_at.and_then(|c| row[c].trim().parse::<i32>().ok()).filter(|n| *n <= 64);
        let metric = metric_column.and_then(said).or_else(|| {
            meta_cols.iter().map(|c| strip_markup(&row[*c])).find(|m| {
                !m.is_empty()
                    && m.chars().any(char::is_alphanumeric)
                    && (shots_in(m).is_some()
                        || header[meta_cols[0]].to_lowercase().contains("metric")
                        || header[meta_cols[0]].to_lowercase().contains("shot"))
            })
        });
        let metric = match mode {
            Some(mode) => Some(in_setting(metric, mode)),
            None => metric,
        };
        let metric = match section_mode[r] {
            Some(mode) if !metric.as_deref().is_some_and(|m| m.contains("mode")) => Some(in_setting(metric, mode)),
            _ => metric,
        };
        // A row of a quantized checkpoint ("FP8", "Int4GPTQ" beside "B16") is another model's.
        if !is_packed(model_id) && meta_cols.iter().any(|c| is_packed(&strip_markup(&row[*c]))) {
            continue;
        }
        // ("Qwen-1.8B-Chat (0-shot)": the column's own shots, as a row's label gives them.)
        let shots = shots_in(&header[col]).or_else(|| metric.as_deref().and_then(shots_in));
        let shots = shots.or(shots_column).or_else(|| resolve(&bench).shots);
        let shots_said =
            shots_at.filter(|_| shots_column.is_some()).map(|c| format!("{}: {}", header[c].trim(), row[c].trim()));
        let said_again = |m: &&str| *m == strip_markup(&header[col]).trim();
        let metric_said = metric.as_deref().filter(|m| !said_again(m));
        let evidence = [Some(bench.as_str()), shots_said.as_deref(), metric_said, Some(header[col].as_str())]
            .into_iter()
            .flatten()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" | ");
        // ("HumanEval (+)" over "76.2 (72.0)": HumanEval+ in parentheses, as in a column.)
        let plus = plus_value(&bench, &row[col]).filter(|_| !fraction);
        let score = CardScore {
            benchmark_raw: bench,
            metric,
            shots,
            value: if fraction { as_percent(value, &row[col]) } else { value },
            value_raw: row[col].trim().to_owned(),
            detail,
            evidence: clip(&evidence),
            offset: table.row_offsets.get(r).copied().unwrap_or(table.offset),
            evaluated_by: None,
        };
        out.extend(plus.map(|(benchmark_raw, value)| CardScore { benchmark_raw, value, ..score.clone() }));
        out.push(score);
    }
    let why = (!unscaled.is_empty()).then(|| {
        let why =
            "fractions across the models, of a name densing does not know: a fraction or a score on its own scale?";
        (Unused::AmbiguousUnit, format!("{}: {why}", unscaled.join(", ")))
    });
    TableRead { scores: out, abstained: why }
}

/// Which value columns a table's header sets in bold (`| | GPT-4 | **Starling-7B** |`): a card
/// bolds its own model's column as it does its row.
fn bold_columns(table: &Table, value_cols: &[usize]) -> Vec<bool> {
    (0..table.header.len()).map(|c| value_cols.contains(&c) && table.header_bold.get(c) == Some(&true)).collect()
}

/// Columns naming the model alike but for a setting in parentheses: its scores in each.
fn setting_columns(candidates: &[(usize, String, (usize, bool))]) -> Option<Vec<(usize, Option<String>)>> {
    let by_setting = super::own_label::labels_by_parenthesis(candidates)?;
    Some(by_setting.into_iter().map(|(col, setting)| (col, Some(setting))).collect())
}

/// Columns naming the model alike but for their shots ("Qwen-7B-Chat (0-shot)" beside
/// "Qwen-7B-Chat (5-shot)"): the model's scores at each, as its rows by a setting are. Each
/// column names it exactly, says its shots, and no two say the same. (An earlier release's
/// column beside them, "Qwen-7B-Chat (original) (0-shot)", is not the model's.)
fn shot_columns(candidates: &[(usize, String, (usize, bool))]) -> Option<Vec<(usize, Option<String>)>> {
    let current = |c: &&(usize, String, (usize, bool))| c.2 .1 && !super::own_label::earlier_release(&c.1);
    let exact: Vec<&(usize, String, (usize, bool))> = candidates.iter().filter(current).collect();
    if exact.len() < 2 {
        return None;
    }
    let mut named: Option<Vec<String>> = None;
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (col, label, _) in exact {
        let (rest, shots) = super::benchmarks::take_shots(&strip_markup(label));
        let (rest, shots) = (super::model_names::words(&rest), shots?);
        if !seen.insert(shots) || named.get_or_insert_with(|| rest.clone()) != &rest {
            return None;
        }
        out.push((*col, Some(format!("{shots}-shot"))));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use crate::parse::benchmarks::resolve;
    use crate::parse::card_scores::{is_tuned, table_scores, TableRead, Unused};
    use crate::parse::model_names::card_intro;
    use crate::parse::tables::tables;

    fn read(md: &str, model: &str) -> TableRead {
        let table = tables(md).pop().expect("a table");
        table_scores(&table, model, is_tuned(model, ""), &card_intro(md))
    }

    /// (benchmark, shots, value) of each score read.
    fn named(read: &TableRead) -> Vec<(String, Option<i32>, f64)> {
        read.scores.iter().map(|s| (resolve(&s.benchmark_raw).canonical, s.shots, s.value)).collect()
    }

    #[test]
    fn rows_that_are_only_a_metric_are_the_sections_benchmark() {
        let md =
            "### Coding\n\nThe zero-shot Pass@1 of Foo-7B-Chat on [HumanEval](https://github.com/openai/human-eval) \
                  is shown below\n\n| | Bar-7B-Chat | **Foo-7B-Chat** |\n|---|---|---|\n| Pass@1 | 12.2 | 37.2 |\n";
        assert_eq!(named(&read(md, "org/Foo-7B-Chat")), [("humaneval".to_owned(), None, 37.2)]);
        // Shots as rows, past a row of sizes: the heading's benchmark at each.
        let md = "### BoolQ (F1)\n\n| | [a/Bar-1.2B](https://huggingface.co/a/Bar-1.2B) | Foo-1.3b |\n|---|---|---|\n\
                  | params | 1.2B | 1.3B |\n| 0-shot | 0.3356 | 0.3552 |\n| 5-shot | 0.4014 | 0.4751 |\n";
        let got = named(&read(md, "org/Foo-1.3b"));
        assert_eq!(got, [("boolq".to_owned(), Some(0), 35.52), ("boolq".to_owned(), Some(5), 47.51)]);
    }

    #[test]
    fn a_column_that_points_at_the_model_itself_is_its_own() {
        let md = "## Quality\n\n| benchmark | this artifact | official artifact |\n|---|---|---|\n\
                  | AIME 2025 | **100.00%** | 96.67% |\n| GPQA-Diamond | **88.38%** | 87.37% |\n";
        let got = named(&read(md, "org/Foo-27B-IQ3_S"));
        assert_eq!(got, [("aime_2025".to_owned(), None, 100.0), ("gpqa_diamond".to_owned(), None, 88.38)]);
        let md =
            "## Results\n\n| | this file | FP16 |\n|---|---|---|\n| MMLU, 5-shot, 14,042 questions | 75.66 | 78.88 |\n\
                  | GSM8K, zero-shot, 1,319 problems | 92.04 | 95.30 |\n";
        let want = [("mmlu".to_owned(), Some(5), 75.66), ("gsm8k".to_owned(), Some(0), 92.04)];
        assert_eq!(named(&read(md, "org/Foo-14B-Tetra")), want);
        // Beside a column naming the model, two say it is: which one is not said.
        let both = "| benchmark | Foo-27B | this model |\n|---|---|---|\n| MMLU | 70.1 | 70.3 |\n";
        assert!(read(both, "org/Foo-27B").scores.is_empty());
    }

    #[test]
    fn a_titled_benchmarks_parts_are_no_model_attributes() {
        let md = "#### BLINK\n\n| Task | Foo-7B |\n|---|---|\n| Art Style | 55.1 |\n| Hidden dimension | 4096 |\n\
                  | Num. layers | 32 |\n";
        assert_eq!(named(&read(md, "org/Foo-7B")), [("blink_art_style".to_owned(), None, 55.1)]);
    }

    #[test]
    fn one_overall_row_makes_the_others_parts_of_a_known_benchmark() {
        let md = "### Livebench\nModels are ranked by their average score (AVG).\n\n\
                  | | Claude-3-haiku | **Foo MoE** |\n|---|---|---|\n| Reasoning | 29.3 | 35.3 |\n| IF | 64.0 | 57.6 |\n\
                  | AVG | 35.9 | 32.5 |\n";
        let got = named(&read(md, "org/Foo-MoE"));
        let want = [("livebench_reasoning", 35.3), ("livebench_if", 57.6), ("livebench", 32.5)];
        assert_eq!(got, want.map(|(b, v)| (b.to_owned(), None, v)));
        // Under a title densing does not know, they are not its parts.
        let unknown = md.replace("### Livebench", "### Our own test");
        let got = named(&read(&unknown, "org/Foo-MoE"));
        assert!(!got.iter().any(|s| s.0.contains("reasoning") || s.0.contains("our_own")), "{got:?}");
    }

    #[test]
    fn a_size_under_a_family_names_the_column() {
        // Llama 2's table the other way round: the size in a row under each family name.
        let md = "| | Llama 1 | Llama 1 | Llama 2 | Llama 2 |\n|---|---|---|---|---|\n| Size | 7B | 13B | 7B | 13B |\n\
                  | Code | 14.1 | 18.9 | 16.8 | 24.5 |\n| Commonsense Reasoning | 60.8 | 66.1 | 63.9 | 66.9 |\n\
                  | World Knowledge | 46.2 | 52.6 | 48.9 | 55.4 |\n| Math | 6.95 | 10.9 | 14.6 | 28.7 |\n\
                  | MMLU | 35.1 | 46.9 | 45.3 | 54.8 |\n| BBH | 30.3 | 37.0 | 32.6 | 39.4 |\n";
        assert_eq!(tables(md)[0].header[3], "Llama 2 7B");
        let got = named(&read(md, "meta-llama/Llama-2-7b-hf"));
        assert_eq!(got, [("mmlu".to_owned(), None, 45.3), ("bbh".to_owned(), None, 32.6)]);
        // A size under a name that is not repeated names that model at that size too.
        let md = "| | Bar-1.5 | Bar-1.5 | **foo1** |\n|---|---|---|---|\n| Parameters | 13.3B | 7.3B | 1.6B |\n\
                  | GQA | 63.3 | 62.0 | 57.9 |\n| TextVQA | 61.3 | 58.2 | 35.6 |\n";
        assert_eq!(tables(md)[0].header[1..], ["Bar-1.5 13.3B", "Bar-1.5 7.3B", "foo1 1.6B"]);
        let got = named(&read(md, "org/foo1"));
        assert_eq!(got, [("gqa".to_owned(), None, 57.9), ("textvqa".to_owned(), None, 35.6)]);
        // Sizes under names no two columns share: each model at its size, unless its name says one.
        let single = "| | Bar | Foo | Baz-7B |\n|---|---|---|---|\n| **Size** | 13B | 13B | 6.7B |\n\
                      | MMLU | 49.2 | 51.1 | 40.0 |\n| BBH | 37.5 | 39.3 | 30.0 |\n";
        let t = tables(single).remove(0);
        let sized = crate::parse::header_rows::names_with_sizes_below(&t, &t.header).expect("a row of sizes");
        assert_eq!(sized[1..], ["Bar 13B", "Foo 13B", "Baz-7B"]);
        assert_eq!(t.rows.len(), 3, "the row of sizes stays, for the size tables");
        assert_eq!(
            named(&read(single, "org/foo-13b-v1.0")),
            [("mmlu".to_owned(), None, 51.1), ("bbh".to_owned(), None, 39.3)]
        );
        assert_eq!(named(&read(single, "org/Baz-7B")).len(), 2);
        // A name that already says its size is not given it twice ("Foo Zephyr 3B 3B" names no model).
        let said = md.replace("**foo1**", "**Foo Zephyr 1.6B**");
        assert_eq!(tables(&said)[0].header[3], "Foo Zephyr 1.6B");
        assert_eq!(named(&read(&said, "org/foo-zephyr-1.6b")).len(), 2);
    }

    #[test]
    fn a_benchmarks_fractions_across_the_models_are_percents() {
        // A loss row above 1 in the model's column does not make its other rows' fractions percents.
        let md = "| Model | Foo-GPT 111M | Foo-GPT 13B |\n|---|---|---|\n| PILE test xent | 2.566 | 1.575 |\n\
                  | PIQA | 0.594 | 0.766 |\n| ARC-c | 0.166 | 0.367 |\n";
        let got = named(&read(md, "org/Foo-GPT-13B"));
        assert_eq!(got, [("piqa".to_owned(), None, 76.6), ("arc_challenge".to_owned(), None, 36.7)]);
        // A name densing does not know may be on any scale (a similarity, lower is better): its row
        // is not read, neither as percents nor as tiny ones.
        let md = "| metric | org/Foo-GPT-13B | org/Bar |\n|---|---|---|\n| aesthetic | **5.95** | 5.86 |\n\
                  | perceptual similarity | **0.52** | 0.577 |\n";
        let unread = read(md, "org/Foo-GPT-13B");
        assert_eq!(unread.scores.iter().map(|s| s.value).collect::<Vec<_>>(), [5.95]);
        assert!(
            matches!(&unread.abstained, Some((Unused::AmbiguousUnit, why)) if why.contains("perceptual")),
            "{unread:?}"
        );
        // Zero is zero on any scale.
        let zero = md.replace("**0.52**", "0.0");
        assert_eq!(read(&zero, "org/Foo-GPT-13B").scores.iter().map(|s| s.value).collect::<Vec<_>>(), [5.95, 0.0]);
    }

    #[test]
    fn a_column_gives_its_own_shots() {
        let md = "| | Bar-7B-Chat | **Foo-1.8B-Chat (0-shot)** | Foo-7B-Chat (0-shot) |\n|---|---|---|---|\n\
                  | MMLU | 46.2 | 43.3 | 57.0 |\n";
        assert_eq!(named(&read(md, "org/Foo-1_8B-Chat")), [("mmlu".to_owned(), Some(0), 43.3)]);
    }

    #[test]
    fn the_one_bold_column_naming_the_model_is_its_own() {
        let md = "| | GPT-4 | **Starling-7B** | Claude-2 |\n|---|---|---|---|\n| MT Bench | 8.99 | 8.09 | 8.06 |\n\
                  | MMLU | 86.4 | 63.9 | 78.5 |\n";
        let got = named(&read(md, "berkeley-nest/Starling-LM-7B-alpha"));
        assert_eq!(got, [("mt_bench".to_owned(), None, 8.09), ("mmlu".to_owned(), None, 63.9)]);
        // Over benchmarks densing does not know, as a bold row would be.
        let unknown =
            "| | Bar-30B | **Foo (Bilingual)** |\n|---|---|---|\n| CKG | 57.4 | 70.6 |\n| CBio | 55.2 | 72.2 |\n";
        assert_eq!(read(unknown, "org/Foo-Bi").scores.iter().map(|s| s.value).collect::<Vec<_>>(), [70.6, 72.2]);
        assert!(read(&unknown.replace("**", ""), "org/Foo-Bi").scores.is_empty());
        // Not in plain type: the column names the model but for words a table may drop.
        let plain = md.replace("**Starling-7B**", "Starling-7B");
        let read = read(&plain, "berkeley-nest/Starling-LM-7B-alpha");
        assert!(read.scores.is_empty() && matches!(read.abstained, Some((Unused::NoOwnColumn, _))), "{read:?}");
    }

    #[test]
    fn rows_of_links_and_licences_do_not_hide_a_models_column_of_values() {
        // A model's column with more link rows than values (its other benchmarks unmeasured).
        let link = "<a href=\"https://huggingface.co/org/x\">HF Link</a>";
        let md = format!(
            "| | Bar-13B | Foo-7B | Baz-3B |\n|---|---|---|---|\n| Checkpoint | - | {link} | {link} |\n\
             | Paper | - | {link} | {link} |\n| HumanEval | 85.4 | 59.8 | 34.8 |\n| MBPP | 83.0 | -- | -- |\n\
             | License | - | Llama2 | OpenRAIL-M |\n"
        );
        assert_eq!(named(&read(&md, "org/Foo-7B")), [("humaneval".to_owned(), None, 59.8)]);
        // A column of words beside the values stays one of words.
        let words = md.replace("| 59.8 |", "| fast |");
        assert!(read(&words, "org/Foo-7B").scores.is_empty());
        // Rows naming no benchmark count for nothing: a recipe's one number is no score.
        let recipe = "| | **Foo-7B** | Bar-7B |\n|---|---|---|\n| Base Model | Baz-7B | Baz-7B |\n\
                      | SFT Data | **230K (open-source)** | 2.5M (in-house) |\n| RM Data | **0** | 618K (in-house) |\n\
                      | RM | **Foo-7B-SFT** | Baz-RM |\n";
        assert!(read(recipe, "org/Foo-7B").scores.is_empty());
    }

    #[test]
    fn columns_naming_the_model_in_two_settings_are_its_scores_in_each() {
        let md = "| Benchmark | Foo-10B (SeRe) | Foo-10B (PaCoRe) | Bar-106B |\n|---|---|---|---|\n\
                  | MMLU | 78.1 | 80.1 | 75.2 |\n| GSM8K | 83.9 | 85.5 | 83.5 |\n";
        let read = read(md, "org/Foo-10B");
        let got: Vec<(&str, Option<&str>, f64)> =
            read.scores.iter().map(|s| (s.benchmark_raw.as_str(), s.metric.as_deref(), s.value)).collect();
        let want =
            [("MMLU", "SeRe", 78.1), ("MMLU", "PaCoRe", 80.1), ("GSM8K", "SeRe", 83.9), ("GSM8K", "PaCoRe", 85.5)];
        assert_eq!(got, want.map(|(b, m, v)| (b, Some(m), v)));
        // Or the setting after the name, unbracketed, as a row's label may give it.
        let after =
            md.replace("Foo-10B (SeRe)", "Foo-10B Zero-Shot CoT").replace("Foo-10B (PaCoRe)", "Foo-10B Zero-Shot PoT");
        let read_after = super::tests::read(&after, "org/Foo-10B");
        let got: Vec<(Option<&str>, Option<i32>, f64)> =
            read_after.scores.iter().map(|s| (s.metric.as_deref(), s.shots, s.value)).collect();
        assert_eq!(got[..2], [(Some("Zero-Shot CoT"), Some(0), 78.1), (Some("Zero-Shot PoT"), Some(0), 80.1)]);
        // A parenthesis naming another model (a format, a size) makes that column another's.
        for other in ["(GGUF)", "(7B)"] {
            let read = super::tests::read(&md.replace("(SeRe)", other), "org/Foo-10B");
            assert_eq!(read.scores.iter().map(|s| s.value).collect::<Vec<_>>(), [80.1, 85.5], "{other}");
        }
        // Two such columns naming it exactly, "(Base)" beside "(Pretrained)", say no setting.
        let kinds = md.replace("(SeRe)", "(Base)").replace("(PaCoRe)", "(Pretrained)");
        let read = super::tests::read(&kinds, "org/Foo-10B");
        assert!(read.scores.is_empty() && read.abstained.is_some(), "{read:?}");
    }

    #[test]
    fn a_models_name_over_its_settings_gives_its_scores_in_each() {
        let md =
            "| | Foo-32B | Foo-32B | Bar-7B |\n|---|---|---|---|\n| Framework | Moatless | Agentless | Moatless |\n\
                  | SWE-bench Verified | 33.8 | 30.7 | 20.1 |\n";
        let got: Vec<(Option<String>, f64)> =
            read(md, "org/Foo-32B").scores.into_iter().map(|s| (s.metric, s.value)).collect();
        assert_eq!(got, [(Some("Moatless".to_owned()), 33.8), (Some("Agentless".to_owned()), 30.7)]);
        // A stage under the name says which model each column is.
        let stages = "| | Foo-7B | Foo-7B |\n|---|---|---|\n| | Base | Chat |\n| MMLU | 50.1 | 52.3 |\n| GSM8K | 30.2 | 41.0 |\n";
        assert_eq!(read(stages, "org/Foo-7B-Chat").scores.iter().map(|s| s.value).collect::<Vec<_>>(), [52.3, 41.0]);
    }

    #[test]
    fn a_column_linking_to_the_models_own_hub_page_is_its_column() {
        let link = |id: &str| format!("[Foo](https://huggingface.co/{id})");
        let md = |id: &str| {
            format!(
                "| Benchmark | Bar-7B | {} |\n|---|---|---|\n| MMLU | 50.1 | 60.2 |\n| GSM8K | 30.1 | 40.2 |\n",
                link(id)
            )
        };
        let own = "org/Foo-Coder-13B-v1.0";
        assert_eq!(read(&md(own), own).scores.iter().map(|s| s.value).collect::<Vec<_>>(), [60.2, 40.2]);
        // Another repository's page, or no link: the short name alone is only near.
        assert!(read(&md("other/Foo-Coder-13B-v1.0"), own).scores.is_empty());
        // In HTML too, and past a dropped empty column.
        let html = format!(
            "<table><tr><th>Benchmark</th><th></th><th>Bar-7B</th><th><a href=\"https://huggingface.co/{own}\">Foo</a></th></tr>\
             <tr><td>MMLU</td><td></td><td>50.1</td><td>60.2</td></tr><tr><td>GSM8K</td><td></td><td>30.1</td><td>40.2</td></tr></table>"
        );
        assert_eq!(read(&html, own).scores.iter().map(|s| s.value).collect::<Vec<_>>(), [60.2, 40.2]);
    }

    #[test]
    fn rows_of_categories_under_the_models_own_column_are_said_not_read() {
        let md = "## Performance\n\n| Capability | Bar-13B | Foo-20B |\n|---|---|---|\n| Language | 42.5 | **55** |\n\
                  | Knowledge | 58.2 | 60.1 |\n| Reasoning | 42.7 | 54.9 |\n";
        let got = read(md, "org/Foo-20B");
        assert!(got.scores.is_empty(), "{got:?}");
        let (reason, why) = got.abstained.expect("a reason");
        assert!(reason == Unused::UnnamedBenchmark && why.contains("\"Language\""), "{why}");
        // Without the model's column the table is another's: nothing to say.
        assert!(read(md, "org/Baz-7B").abstained.is_none());
    }
}
