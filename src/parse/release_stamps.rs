//! Release stamps in repo names (`2503`, `0414`, `1124`): tables name the model without them,
//! and a date the card states must fit them.

use super::model_names::words;

/// A release stamp in a repo name (`2503` of Mistral-Small-3.1-24B-Instruct-2503, `1124` of
/// OLMo-2-1124-13B, `1210` of DeepSeek-V2.5-1210): tables name the model without it. A table that
/// also lists the stamped name is read from that column (see `choose`); one that lists another
/// stamp does not name this model at all.
pub fn is_release_stamp(word: &str) -> bool {
    let n = |r: std::ops::Range<usize>| word[r].parse::<u32>().unwrap_or(0);
    let year = 23..=26;
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && ((year.contains(&n(0..2)) && (1..=12).contains(&n(2..4)))
            || ((1..=12).contains(&n(0..2)) && (year.contains(&n(2..4)) || (1..=31).contains(&n(2..4)))))
}

/// Whether `date` (year, month, day) can be the release a stamp in the model's name gives
/// (`0414` of GLM-4-32B-0414: April 14; `2503`: March 2025; `1124`: November 2024). `true` when
/// the name has no stamp. A card's "the GLM-4 series released on June 5, 2024" is an earlier
/// release's, not this model's. `day` 0: a date known to the month.
pub fn fits_release_stamp(model_id: &str, (year, month, day): (i32, u32, u32)) -> bool {
    let name = model_id.rsplit('/').next().unwrap_or(model_id);
    let stamps: Vec<String> = words(name).into_iter().filter(|w| is_release_stamp(w)).collect();
    stamps.iter().all(|w| {
        let (a, b) = (w[0..2].parse::<u32>().unwrap_or(0), w[2..4].parse::<u32>().unwrap_or(0));
        let yy = (year % 100) as u32;
        (a == month && (day == 0 || b == day)) || (a == yy && b == month) || (a == month && b == yy)
    })
}
