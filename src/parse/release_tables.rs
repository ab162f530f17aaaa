//! Release dates in a card's tables: a `Release Date` column in the row naming the model, or a
//! release-date row in its column.

use super::dates::{parse_date, CardDate};

/// A release-date column in the row that names this model exactly (`| Model | Download |
/// Release Date |`, InternLM's and Qwen's model lists; `| Date | HF Checkpoint | … |`,
/// TinyLlama's), or a release-date row in the column that does (`| *Release Date* | 2024.09.08 |
/// …` under a header of model names).
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
    let names_it = |cell: &str| {
        let cell = strip_markup(cell);
        label_match(&cell, model_id).is_some_and(|(_, exact)| exact) || cell.trim().eq_ignore_ascii_case(model_id)
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
        let date_col = t.header.iter().position(|h| is_date_key(h));
        let own_col = t.header.iter().skip(1).position(|h| names_it(h)).map(|c| c + 1);
        for (r, row) in t.rows.iter().enumerate() {
            let cell = match (date_col, own_col) {
                // (The name before the date or after it: TinyLlama's `| Date | HF Checkpoint | … |`.)
                (Some(d), _) if row.iter().enumerate().any(|(j, c)| j != d && names_it(c)) => &row[d],
                (Some(d), _) if links_it(t.row_offsets.get(r)) => &row[d],
                (_, Some(o)) if row.first().is_some_and(|k| is_date_key(k)) => &row[o],
                _ => continue,
            };
            if let Some((date, precision)) = parse_date(cell).or_else(|| short_year(cell)) {
                let at = line(t.row_offsets.get(r).copied().unwrap_or(t.offset));
                let evidence = crate::parse::tables::clip(&format!("{} | {}", row.join(" | "), t.header.join(" | ")));
                return Some(CardDate { date, precision, evidence, line: at });
            }
        }
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
