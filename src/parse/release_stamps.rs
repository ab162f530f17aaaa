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

/// The date of a line that names the model with its release stamp and dates it as the stamp does
/// ("[2025.05.30] … the performance of [MiMo-7B-RL-0530](…)", "* [2025-07]: Add [Ring-lite-2507](…)",
/// "OLMoE-1B-7B … released in September 2024 (0924)"): two statements of one date, so no word of
/// releasing is needed. Every word of the name is said in the line (not "Ring-plus-2507" for
/// Ring-lite-2507); the date is known to the day or the month and fits the stamp; it opens the line
/// as a news item's, or its sentence says nothing of training ("Finetuning was performed in October
/// 2023. `Alfred-40B-1023` is …": a stamp may date the training). `own`: the name's words
/// ([`stamped_words`], worked out once for a card).
pub(super) fn stamped_date(
    line: &str,
    own: &[String],
    model_id: &str,
) -> Option<(chrono::NaiveDate, super::dates::DatePrecision)> {
    use super::dates::{parse_date, DatePrecision};
    use chrono::Datelike;
    let said = words(line);
    if !own.iter().all(|w| said.contains(w)) {
        return None;
    }
    let (date, precision) = parse_date(line)?;
    let opening: String = line.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let sentence = line.split(". ").find(|s| parse_date(s).is_some()).unwrap_or(line).to_lowercase();
    let training = ["train", "finetun", "fine-tun"].iter().any(|w| sentence.contains(w));
    if training && parse_date(&opening) != Some((date, precision)) {
        return None;
    }
    let day = match precision {
        DatePrecision::Day => date.day(),
        DatePrecision::Month => 0,
        DatePrecision::Year => return None,
    };
    fits_release_stamp(model_id, (date.year(), date.month(), day)).then_some((date, precision))
}

/// The words of a name that carries a release stamp; `None` for the others (most names).
pub(super) fn stamped_words(model_id: &str) -> Option<Vec<String>> {
    let own = words(model_id.rsplit('/').next().unwrap_or(model_id));
    own.iter().any(|w| is_release_stamp(w)).then_some(own)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str, id: &str) -> Option<String> {
        let own = stamped_words(id)?;
        stamped_date(line, &own, id).map(|(d, p)| format!("{d} {}", p.as_str()))
    }

    #[test]
    fn a_line_naming_the_stamped_model_with_a_date_that_fits_the_stamp_dates_it() {
        let mimo = "[2025.05.30] We scaled the SFT dataset; the performance of [MiMo-7B-RL-0530](https://huggingface.co/XiaomiMiMo/MiMo-7B-RL-0530) improves.";
        assert_eq!(date(mimo, "XiaomiMiMo/MiMo-7B-RL-0530").as_deref(), Some("2025-05-30 day"));
        let ring = "* [2025-07]: Add [Ring-lite-2507](https://huggingface.co/inclusionAI/Ring-lite-2507) Model";
        assert_eq!(date(ring, "inclusionAI/Ring-lite-2507").as_deref(), Some("2025-07-01 month"));
        let olmoe = "OLMoE-1B-7B is a Mixture-of-Experts LLM released in September 2024 (0924).";
        assert_eq!(date(olmoe, "allenai/OLMoE-1B-7B-0924").as_deref(), Some("2024-09-01 month"));
        // A date the stamp does not fit, another model of the stamp, a name without a stamp, a year.
        assert_eq!(date(&mimo.replace("2025.05.30", "2025.04.30"), "XiaomiMiMo/MiMo-7B-RL-0530"), None);
        assert_eq!(date(&ring.replace("Ring-lite", "Ring-plus"), "inclusionAI/Ring-lite-2507"), None);
        assert_eq!(date("[2025.05.30] Foo-7B is out.", "org/Foo-7B"), None);
        assert_eq!(date("In 2024 we trained OLMoE-1B-7B (0924).", "allenai/OLMoE-1B-7B-0924"), None);
        // A training date, though the stamp fits it; a news item's date, though the line speaks of training.
        let alfred = "Finetuning was performed in October 2023. `Alfred-40B-1023` is made available under Apache 2.0.";
        assert_eq!(date(alfred, "org/alfred-40b-1023"), None);
        let news = "[2025.05.30] We scaled the RL training window; see [MiMo-7B-RL-0530](https://huggingface.co/X/MiMo-7B-RL-0530).";
        assert_eq!(date(news, "X/MiMo-7B-RL-0530").as_deref(), Some("2025-05-30 day"));
    }
}
