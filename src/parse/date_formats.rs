//! Dates as cards and boards write them, with their precision.
//!
//! Formats: `April 18, 2024`, `Apr 18 2024`, `18 April 2024`, `August 2024`, `March, 2023`,
//! `2024-04-18`, `2024.05.16`, `2024/05/16`, `07/07/2023` (US order unless the first part is over
//! 12), `2023/10`, `2024-05`, and Chinese `2023年8月28日`, `2023年9月`.

use chrono::NaiveDate;

use super::dates::DatePrecision;

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

pub(super) fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| w.starts_with(m) && (w.len() == 3 || full.iter().any(|f| f.starts_with(&w)) || w == "sept"))
        .map(|i| i as u32 + 1)
}

fn year(word: &str) -> Option<i32> {
    let w = word.trim_matches(|c: char| !c.is_ascii_digit());
    (w.len() == 4).then(|| w.parse().ok()).flatten().filter(|y| (1990..=2100).contains(y))
}

fn day(word: &str) -> Option<u32> {
    let w = word
        .trim_end_matches([',', '.'])
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

/// The first date in `text`, with its precision.
///
/// ```
/// use densing::parse::date_formats::parse_date;
/// use densing::sources::DatePrecision::*;
/// let d = |s| parse_date(s).map(|(d, p)| (d.to_string(), p));
/// assert_eq!(d("Model Release Date April 18, 2024."), Some(("2024-04-18".into(), Day)));
/// assert_eq!(d("August 2024"), Some(("2024-08-01".into(), Month)));
/// assert_eq!(d("[2024.05.16] released"), Some(("2024-05-16".into(), Day)));
/// assert_eq!(d("07/07/2023"), Some(("2023-07-07".into(), Day)));
/// assert_eq!(d("cutoff 2023/10"), Some(("2023-10-01".into(), Month)));
/// assert_eq!(d("【最新】2023年8月28日：发布"), Some(("2023-08-28".into(), Day)));
/// assert_eq!(d("2023年9月份"), Some(("2023-09-01".into(), Month)));
/// assert_eq!(d("no date here"), None);
/// // No date in a link's target: "[blog post](https://crfm.stanford.edu/2023/03/13/alpaca.html)".
/// assert_eq!(d("our release [blog post](https://x.org/2023/03/13/a.html)"), None);
/// ```
pub fn parse_date(text: &str) -> Option<(NaiveDate, DatePrecision)> {
    let blanked;
    let text = if text.contains("](") {
        blanked = super::release_objects::blank_link_targets(text);
        blanked.as_str()
    } else {
        text
    };
    // "11.July.2022": dots next to a letter separate words.
    let chars: Vec<char> = text.chars().collect();
    let letter = |i: Option<&char>| i.is_some_and(|c| c.is_alphabetic());
    let text: String = (0..chars.len())
        .map(|i| {
            if chars[i] == '.' && (letter(chars.get(i + 1)) || i > 0 && letter(chars.get(i - 1))) {
                ' '
            } else {
                chars[i]
            }
        })
        .collect();
    let words: Vec<&str> =
        text.split(|c: char| c.is_whitespace() || "|<>*[]()".contains(c)).filter(|w| !w.is_empty()).collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(found) = numeric_date(word).or_else(|| chinese_date(word)) {
            return Some(found);
        }
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        if let Some(m) = month(word) {
            // April 18, 2024 / April 2024 / March, 2023
            if let (Some(d), Some(y)) = (day(next(1)), year(next(2))) {
                if next(1).chars().all(|c| c.is_ascii_digit() || c == ',' || c.is_ascii_alphabetic()) {
                    return NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, DatePrecision::Day));
                }
            }
            if let Some(y) = year(next(1)) {
                return NaiveDate::from_ymd_opt(y, m, 1).map(|date| (date, DatePrecision::Month));
            }
        } else if let (Some(d), Some(m), Some(y)) = (day(word), month(next(1)), year(next(2))) {
            // 18 April 2024
            return NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, DatePrecision::Day));
        }
    }
    None
}

fn numeric_date(word: &str) -> Option<(NaiveDate, DatePrecision)> {
    let w = word.trim_matches(|c: char| !c.is_ascii_digit());
    let parts: Vec<&str> = w.split(['-', '.', '/']).collect();
    if parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let n = |i: usize| parts[i].parse::<u32>().ok();
    match parts.as_slice() {
        [y, _, _] if y.len() == 4 => NaiveDate::from_ymd_opt(year(y)?, n(1)?, n(2)?).map(|d| (d, DatePrecision::Day)),
        [a, b, y] if y.len() == 4 && a.len() <= 2 && b.len() <= 2 => {
            let (first, second) = (n(0)?, n(1)?);
            let (m, d) = if first > 12 { (second, first) } else { (first, second) };
            NaiveDate::from_ymd_opt(year(y)?, m, d).map(|d| (d, DatePrecision::Day))
        }
        [y, m] if y.len() == 4 && m.len() <= 2 && w.contains(['/', '-']) => {
            NaiveDate::from_ymd_opt(year(y)?, n(1)?, 1).map(|d| (d, DatePrecision::Month))
        }
        _ => None,
    }
}

/// "2023年8月28日" (year 年, month 月, day 日) or "2023年9月", anywhere in a word: Chinese cards
/// write their news so, with no space before the text ("2023年8月28日：发布…").
fn chinese_date(word: &str) -> Option<(NaiveDate, DatePrecision)> {
    let (before, after) = word.split_once('年')?;
    let digits = |s: &str| s.chars().rev().take_while(char::is_ascii_digit).count();
    let y = year(&before[before.len() - digits(before)..])?;
    let (m, rest) = after.split_once('月')?;
    let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let d = rest.split_once('日').and_then(|(d, _)| d.parse::<u32>().ok());
    match d {
        Some(d) => NaiveDate::from_ymd_opt(y, m, d).map(|date| (date, DatePrecision::Day)),
        None => NaiveDate::from_ymd_opt(y, m, 1).map(|date| (date, DatePrecision::Month)),
    }
}
