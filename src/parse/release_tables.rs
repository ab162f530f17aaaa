//! Release dates in a card's tables: a `Release Date` column in the row naming the model, or a
//! release-date row in its column.

use super::dates::{parse_date, CardDate};

/// A release-date column in the row that names this model exactly (`| Model | Download |
/// Release Date |`, InternLM's and Qwen's model lists; `| Date | HF Checkpoint | … |`,
/// TinyLlama's), or a release-date row in the column that does (`| *Release Date* | 2024.09.08 |
/// …` under a header of model names). Of several rows (or columns) naming it, the one naming it
/// best: "CodeLlama-34b" names CodeFuse-CodeLlama-34B too (the org's brand may be left out), but
/// the row "CodeFuse-CodeLlama-34B" names more of it. Two rows naming it as well with other
/// dates give none.
pub(super) fn table_release(body: &str, tables: &[super::tables::Table], model_id: &str) -> Option<CardDate> {
    use super::benchmarks::strip_markup;
    use super::model_names::label_match;
    let is_date_key = |h: &str| {
        let h = strip_markup(h).to_ascii_lowercase();
        matches!(
            h.trim_matches(|c: char| !c.is_ascii_alphanumeric()),
            "release date" | "released date" | "release time" | "released" | "date" | "release"
        )
    };
    // How well a cell names the model exactly: the words it matches (the whole id: best).
    let naming = |cell: &str| {
        let cell = strip_markup(cell);
        if cell.trim().eq_ignore_ascii_case(model_id) {
            return Some(usize::MAX);
        }
        label_match(&cell, model_id).filter(|(_, exact)| *exact).map(|(words, _)| words)
    };
    // (Or the row, as written, links a Hub repository of the model's name: "[TinyLlama-1.1B-intermediate-
    // step-50k-105b](https://huggingface.co/PY007/TinyLlama-1.1B-step-50K-105b)", before the repository moved.)
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let links_it = |offset: Option<&usize>| {
        let Some(row) = offset.and_then(|o| body.get(*o..)).and_then(|r| r.lines().next()) else { return false };
        super::ids::hub_ids_in(row).iter().any(|id| super::ids::repo_name_is(id, name))
    };
    for t in tables {
        let line = |offset: usize| body[..offset.min(body.len())].matches('\n').count() + 1;
        let at = |r: usize| line(t.row_offsets.get(r).copied().unwrap_or(t.offset));
        let evidence =
            |row: &[String]| crate::parse::tables::clip(&format!("{} | {}", row.join(" | "), t.header.join(" | ")));
        // Each candidate: how well it names the model, and its date cell's date with evidence.
        let mut found: Vec<(usize, Option<CardDate>)> = Vec::new();
        let date_cell = |cell: &str, row: &[String], r: usize| {
            parse_date(cell).or_else(|| short_year(cell)).map(|(date, precision)| CardDate {
                date,
                precision,
                evidence: evidence(row),
                line: at(r),
            })
        };
        // A model-details table in HTML, `<tr><td>Date</td><td>October, 2023</td></tr>`: the date
        // row a markdown table's line gives (read with the card's lines), not under a base model's heading.
        let details = t.kind == super::tables::TableKind::Html && t.header.len() == 2;
        if details && !t.heading.to_ascii_lowercase().contains("base model") {
            let rows = std::iter::once(&t.header).chain(&t.rows).enumerate();
            let keyed = rows.filter(|(_, row)| is_date_key(&row[0])).map(|(r, row)| (r.saturating_sub(1), row));
            if let Some(date) = keyed.filter_map(|(r, row)| date_cell(&row[1], row, r)).next() {
                return Some(date);
            }
        }
        if let Some(d) = t.header.iter().position(|h| is_date_key(h)) {
            // (The name before the date or after it: TinyLlama's `| Date | HF Checkpoint | … |`.)
            for (r, row) in t.rows.iter().enumerate() {
                let named = row.iter().enumerate().filter(|(j, _)| *j != d).filter_map(|(_, c)| naming(c)).max();
                let linked = links_it(t.row_offsets.get(r)).then_some(usize::MAX);
                if let Some(how) = named.max(linked) {
                    found.push((how, date_cell(&row[d], row, r)));
                }
            }
        } else {
            let columns = t.header.iter().enumerate().skip(1).filter_map(|(o, h)| naming(h).map(|how| (how, o)));
            for (how, o) in columns {
                let rows = t.rows.iter().enumerate().filter(|(_, row)| row.first().is_some_and(|k| is_date_key(k)));
                found.extend(rows.map(|(r, row)| (how, date_cell(&row[o], row, r))));
            }
        }
        let Some(best) = found.iter().map(|(how, _)| *how).max() else { continue };
        let mut dates = found.into_iter().filter(|(how, _)| *how == best).filter_map(|(_, date)| date);
        let Some(first) = dates.next() else { continue };
        return dates.all(|d| d.date == first.date && d.precision == first.precision).then_some(first);
    }
    None
}

/// A date under a release-date key written with a two-digit year, "25.3.12" (Light-R1's model
/// list): 2025-03-12; or a year and month, "2023.9" (CodeFuse's model table): September 2023. Only
/// in such a cell, where nothing else is meant.
fn short_year(cell: &str) -> Option<(chrono::NaiveDate, super::dates::DatePrecision)> {
    use super::dates::DatePrecision::{Day, Month};
    let cell = super::benchmarks::strip_markup(cell);
    let parts: Vec<u32> = cell.trim().split('.').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    match parts.as_slice() {
        [y, m, d] if (18..=39).contains(y) => {
            chrono::NaiveDate::from_ymd_opt(2000 + *y as i32, *m, *d).map(|date| (date, Day))
        }
        [y, m] if (2000..=2099).contains(y) => {
            chrono::NaiveDate::from_ymd_opt(*y as i32, *m, 1).map(|date| (date, Month))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(card: &str, model_id: &str) -> Option<String> {
        let tables = crate::parse::tables::tables(card);
        table_release(card, &tables, model_id).map(|d| format!("{} {:?}", d.date, d.precision))
    }

    #[test]
    fn the_row_naming_the_model_best_gives_its_date_in_any_row_order() {
        let rows = ["| **CodeFuse-CodeLlama-34B** | 74.4% | 2023.9 |", "| CodeLlama-34b | 48.8% | 2023.8 |"];
        for order in [[0, 1], [1, 0]] {
            let card = format!("| Model | HumanEval | Date |\n|---|---|---|\n{}\n{}\n", rows[order[0]], rows[order[1]]);
            assert_eq!(release(&card, "codefuse-ai/CodeFuse-CodeLlama-34B").as_deref(), Some("2023-09-01 Month"));
        }
    }

    #[test]
    fn two_rows_naming_the_model_as_well_with_other_dates_give_none() {
        let card = "| Model | Release Date |\n|---|---|\n| Foo-7B | 2024-01-02 |\n| Foo 7B | 2024-03-04 |\n";
        assert_eq!(release(card, "org/Foo-7B"), None);
        let same = "| Model | Release Date |\n|---|---|\n| Foo-7B | 2024-01-02 |\n| Foo 7B | 2024-01-02 |\n";
        assert_eq!(release(same, "org/Foo-7B").as_deref(), Some("2024-01-02 Day"));
    }

    #[test]
    fn a_date_row_of_an_html_model_details_table() {
        let card = "<table><tr><th>Model Detail</th><th>Description</th></tr>\n<tr><td>Model Authors</td><td>Intel</td></tr>\n<tr><td>Date</td><td>October, 2023</td></tr></table>\n";
        assert_eq!(release(card, "Intel/neural-chat-7b-v3-1").as_deref(), Some("2023-10-01 Month"));
        let base = format!("## Base model\n\n{card}");
        assert_eq!(release(&base, "Intel/neural-chat-7b-v3-1"), None, "the base model's details");
    }

    #[test]
    fn a_release_row_under_the_model_s_column() {
        let card = "| | Foo-7B | Bar-7B |\n|---|---|---|\n| Release Date | 2024.09.08 | 2023.01.01 |\n";
        assert_eq!(release(card, "org/Foo-7B").as_deref(), Some("2024-09-08 Day"));
    }
}
