//! Markdown table rows that hold more than one row: values stacked with `<br>`, or two settings
//! written with a slash in the label and in every value.

use super::benchmarks::strip_markup;
use super::tables::{is_missing, normalize_space, pure_number, BR};

/// A row whose cells stack several values with `<br>` (`| AIME 2024<br>MATH | 87.3<br>94.3 |`):
/// one row per line, when every cell has that many lines or one (repeated, a group name). A
/// group name broken over lines of its own ("**Long<br>Context**" beside three benchmarks) is one.
pub(super) fn stacked_rows(row: &[String]) -> Option<Vec<Vec<String>>> {
    let parts: Vec<Vec<String>> = row.iter().map(|c| c.split(BR).map(normalize_space).collect()).collect();
    let n = parts.iter().map(Vec::len).max().filter(|n| *n > 1)?;
    let wrapped = |p: &Vec<String>| p.len() < n && p.iter().all(|l| !l.chars().any(|c| c.is_ascii_digit()));
    let parts: Vec<Vec<String>> = parts.into_iter().map(|p| if wrapped(&p) { vec![p.join(" ")] } else { p }).collect();
    let stacked = parts.iter().filter(|p| p.len() == n).count();
    (stacked >= 2 && parts.iter().all(|p| p.len() == n || p.len() == 1)).then(|| {
        (0..n).map(|i| parts.iter().map(|p| if p.len() == 1 { p[0].clone() } else { p[i].clone() }).collect()).collect()
    })
}

/// A row whose label names two settings with a slash and whose every value holds two numbers
/// the same way (`| Video-MME wo/w subs | 63.3/69.0 | 65.1/71.6 |`): one row per setting
/// ("Video-MME wo subs", "Video-MME w subs").
pub(super) fn slashed_rows(row: &[String]) -> Option<Vec<Vec<String>>> {
    let (label, values) = row.split_first()?;
    // Letters on both sides of the one slash ("wo/w", "(en/zh)"), six at most each.
    let at = label.find('/').filter(|at| label.rfind('/') == Some(*at))?;
    let letters = |c: &char| c.is_ascii_alphabetic();
    let a_len = label[..at].chars().rev().take_while(letters).count();
    let b_len = label[at + 1..].chars().take_while(letters).count();
    if !(1..=6).contains(&a_len) || !(1..=6).contains(&b_len) {
        return None;
    }
    let (a, b) = (&label[at - a_len..at], &label[at + 1..at + 1 + b_len]);
    let halves = |cell: &String| {
        let text = strip_markup(cell);
        let (x, y) = text.split_once('/')?;
        let (x, y) = (x.trim(), y.trim());
        (pure_number(x).is_some() && pure_number(y).is_some()).then(|| (x.to_owned(), y.to_owned()))
    };
    let cells: Vec<Option<(String, String)>> = values.iter().map(halves).collect();
    let all = values.iter().zip(&cells).all(|(v, c)| c.is_some() || is_missing(v));
    if !all || cells.iter().all(Option::is_none) {
        return None;
    }
    let side = |first: bool| {
        let name = format!("{}{}{}", &label[..at - a_len], if first { a } else { b }, &label[at + 1 + b_len..]);
        let rest = values.iter().zip(&cells).map(|(v, c)| match c {
            Some((x, y)) => {
                if first {
                    x.clone()
                } else {
                    y.clone()
                }
            }
            None => v.clone(),
        });
        std::iter::once(name).chain(rest).collect()
    };
    Some(vec![side(true), side(false)])
}
