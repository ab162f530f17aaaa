//! The alias table ([`ALIASES`]) indexed for lookup: by cleaned alias, and by cleaned alias with
//! the spaces between a letter and a digit, or between its words, taken out.

use super::benchmark_aliases::ALIASES;
use super::benchmarks::clean;

/// The alias table keyed by cleaned alias, built once: `resolve` runs for every table cell.
pub(super) fn alias_index() -> &'static std::collections::HashMap<String, &'static str> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        for (alias, canonical) in ALIASES {
            // The first entry for a cleaned alias wins, as the linear search it replaces did.
            index.entry(clean(alias)).or_insert(*canonical);
        }
        index
    })
}

/// The alias table keyed by cleaned alias with the spaces between a letter and a digit taken out
/// ("aime2024" for "AIME 2024"), where that key is one benchmark's only: "AIME2024" and "tau-2
/// bench" are the ids their other spellings are. (Not between two letters: "M-MMLU" is another
/// benchmark than MMMLU.)
fn joined_index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| unique_keys(|alias| Some(digits_joined(alias))))
}

/// The alias table keyed by cleaned alias with its spaces taken out ("livecodebench" for "Live Code
/// Bench", "wildbench" for "Wild Bench"), for aliases whose every word has two characters or more,
/// where that key is one benchmark's only. (A one-letter word is a name's own: "M-MMLU" is
/// another benchmark than MMMLU, "MultiPL-E" no "multiple".)
fn squashed_index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| unique_keys(squashed))
}

type Index = std::collections::HashMap<String, Option<&'static str>>;

/// Each alias under `key` of its cleaned form, `None` where two benchmarks share a key.
fn unique_keys(key: impl Fn(&str) -> Option<String>) -> Index {
    let mut index = Index::new();
    for (alias, canonical) in ALIASES {
        let Some(k) = key(&clean(alias)) else { continue };
        let entry = index.entry(k).or_insert(Some(*canonical));
        if *entry != Some(*canonical) {
            *entry = None;
        }
    }
    index
}

/// A cleaned name without its spaces, when no word of it is one character.
fn squashed(cleaned: &str) -> Option<String> {
    let words: Vec<&str> = cleaned.split(' ').collect();
    words.iter().all(|w| w.chars().count() >= 2).then(|| words.concat())
}

/// A cleaned name without the spaces between a letter and a digit.
fn digits_joined(cleaned: &str) -> String {
    let chars: Vec<char> = cleaned.chars().collect();
    let kept = |i: usize| {
        let (before, after) = (i.checked_sub(1).map(|j| chars[j]), chars.get(i + 1));
        let mixed =
            |a: char, b: char| a.is_alphabetic() && b.is_ascii_digit() || a.is_ascii_digit() && b.is_alphabetic();
        chars[i] != ' ' || !before.zip(after.copied()).is_some_and(|(a, b)| mixed(a, b))
    };
    (0..chars.len()).filter(|i| kept(*i)).map(|i| chars[i]).collect()
}

/// The known benchmark a cleaned name is, spaced otherwise between its letters and digits
/// ("aime2024" is `aime_2024`, as "aime 2024" is) or between its words ("live code bench").
pub(super) fn joined_lookup(cleaned: &str) -> Option<String> {
    let found = |index: &Index, key: Option<String>| key.and_then(|k| index.get(&k).copied().flatten());
    found(joined_index(), Some(digits_joined(cleaned)))
        .or_else(|| found(squashed_index(), squashed(cleaned)))
        .map(str::to_owned)
}
