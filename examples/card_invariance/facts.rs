//! Rewrites of a card's fact sheet, the model's key facts as a list or a two-column table: the same
//! facts written the other way.

use super::{each_table, is_fence, row_cells, split_front};

/// A list item `- **Key:** value` or `- **Key**: value` as its key and value.
fn key_item(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))?;
    let rest = rest.strip_prefix("**")?;
    let (key, value) = rest.split_once("**")?;
    let (key, value) = match key.strip_suffix(':') {
        Some(k) => (k, value),
        None => (key, value.strip_prefix(':')?),
    };
    let ok = !key.is_empty() && !key.contains(['|', '*']) && !value.trim().is_empty() && !value.contains('|');
    ok.then(|| (key.trim().to_owned(), value.trim().to_owned()))
}

/// Each run of two or more `- **Key:** value` items (with blank lines around) as a two-column
/// table, `| **Key** | value |` under an empty header, as many cards write their summary.
pub(super) fn key_lists_as_tables(t: &str) -> String {
    let (front, body) = split_front(t);
    let lines: Vec<&str> = body.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut out: Vec<String> = Vec::new();
    let (mut i, mut fenced) = (0, false);
    while i < lines.len() {
        if is_fence(lines[i]) {
            fenced = !fenced;
        }
        let run = if fenced { 0 } else { lines[i..].iter().take_while(|l| key_item(l).is_some()).count() };
        let above = i == 0 || lines[i - 1].trim().is_empty();
        let below = lines.get(i + run).is_none_or(|l| l.trim().is_empty());
        if run >= 2 && above && below {
            out.push("| | |".to_owned());
            out.push("|---|---|".to_owned());
            for l in &lines[i..i + run] {
                let (key, value) = key_item(l).expect("a key item");
                out.push(format!("| **{key}** | {value} |"));
            }
            i += run;
        } else {
            out.push(lines[i].to_owned());
            i += 1;
        }
    }
    format!("{front}{}\n", out.join("\n"))
}

/// Each two-column table whose header is empty or names keys and values (`Key | Value`,
/// `Attribute | Description`) as a list of
/// `- **Key:** value` items, the other way round.
pub(super) fn key_tables_as_lists(t: &str) -> String {
    each_table(t, |rows| {
        let header = row_cells(rows[0]);
        let word = |h: &str| h.trim_matches('*').to_ascii_lowercase();
        let keys = ["", "key", "attribute", "property", "parameter", "item", "feature", "field", "spec"];
        let values = ["", "value", "description", "details", "detail", "specification"];
        let plain = header.len() == 2
            && keys.contains(&word(&header[0]).as_str())
            && values.contains(&word(&header[1]).as_str());
        if !plain {
            return None;
        }
        let items: Option<Vec<String>> = rows[2..]
            .iter()
            .map(|r| {
                let cells = row_cells(r);
                let key = cells[0].trim_matches('*').trim();
                let ok = !key.is_empty() && !key.contains(['*', '<', '[']) && !cells[1].contains("<br");
                ok.then(|| format!("- **{key}:** {}", cells[1]))
            })
            .collect();
        // (As many lines back: the header and delimiter rows become blank lines.)
        let mut out = vec![String::new(), String::new()];
        out.extend(items?);
        Some(out)
    })
}
