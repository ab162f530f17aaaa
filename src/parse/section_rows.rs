//! A table cut into blocks by rows that hold only a label (`| **w/ CoT** | | | |`), the model
//! named once in each: each block is the model's score in that block's setting.

use super::benchmarks::{prompt_of, strip_markup, take_shots};
use super::model_modes::only_mode;
use super::tables::Table;
use std::collections::BTreeSet;

/// The rows that name the model exactly, each under a block row of its own that is a setting
/// (a prompting, a number of shots or a reasoning mode: "w/ CoT", "w/o CoT", "5-shot",
/// "Thinking"), not a group of models ("Open-source models"). `(row, setting)`.
pub(super) fn rows_by_section(
    candidates: &[(usize, String, (usize, bool))],
    table: &Table,
    model_id: &str,
) -> Option<Vec<(usize, String)>> {
    let exact: Vec<_> = candidates.iter().filter(|c| c.2 .1).collect();
    if exact.len() < 2 || exact.iter().any(|c| c.1 != exact[0].1) {
        return None;
    }
    let block_row = |r: &Vec<String>| {
        !strip_markup(&r[0]).trim().is_empty() && r[1..].iter().all(|c| strip_markup(c).trim().is_empty())
    };
    let setting = |label: &str| {
        let label = strip_markup(label).trim().to_owned();
        let said =
            prompt_of(&label).is_some() || take_shots(&label).1.is_some() || only_mode(&label, model_id).is_some();
        (said && label.split_whitespace().count() <= 3).then_some(label)
    };
    let rows: Vec<(usize, String)> = exact
        .iter()
        .map(|c| Some((c.0, setting(&table.rows[table.rows[..c.0].iter().rposition(block_row)?][0])?)))
        .collect::<Option<_>>()?;
    // (Two rows under one block row share its setting: nothing tells them apart.)
    let settings: BTreeSet<&String> = rows.iter().map(|r| &r.1).collect();
    (settings.len() == rows.len()).then_some(rows)
}

#[cfg(test)]
mod tests {
    use crate::parse::card_scores::table_scores;
    use crate::parse::tables::tables;

    fn read(md: &str) -> Vec<(String, f64, Option<String>)> {
        let t = &tables(md)[0];
        table_scores(t, "org/Foo-Text-01", false, "")
            .scores
            .into_iter()
            .map(|s| (s.benchmark_raw, s.value, s.metric))
            .collect()
    }

    #[test]
    fn blocks_by_setting_give_the_models_score_in_each() {
        let md = "**LongBench v2**\n| Model | overall | easy |\n|---|---|---|\n| Human | 53.7 | 100.0 |\n\
                  | **w/ CoT** | | |\n| GPT-4o | 51.4 | 54.2 |\n| **Foo-Text-01** | **56.5** | **66.1** |\n\
                  | **w/o CoT** | | |\n| GPT-4o | 50.1 | 57.4 |\n| Deepseek-V3 | - | - |\n| **Foo-Text-01** | **52.9** | **60.9** |\n";
        let got = read(md);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!((got[0].1, got[0].2.as_deref()), (56.5, Some("w/ CoT")));
        assert_eq!((got[2].1, got[2].2.as_deref()), (52.9, Some("w/o CoT")));
        // Blocks of models, not settings: which row is the card's own stays undecided.
        let groups = md.replace("**w/ CoT**", "**Open models**").replace("**w/o CoT**", "**Closed models**");
        assert!(read(&groups).is_empty());
        // The model twice in one block: nothing tells the two apart.
        let twice = md.replace("| GPT-4o | 50.1 | 57.4 |", "| Foo-Text-01 | 50.1 | 57.4 |");
        assert!(read(&twice).is_empty());
    }
}
